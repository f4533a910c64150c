// Optimizer steps against values worked out by hand (derivations in the comments).
#include <catch2/catch.hpp>

#include <vector>

#include "optimizer.hpp"

using namespace actlab;
using Catch::Matchers::WithinAbs;

namespace {

struct TwoSteps {
  std::vector<float> after_first, after_second;
};

// w0 = (1, -2); gradients g1 = (0.5, -0.1), then g2 = (0.3, 0.2); both parameters are weights.
TwoSteps run(const OptimizerSettings& s, std::vector<float> mask = {1.0f, 1.0f}) {
  Optimizer opt(s, 2);
  std::vector<float> w = {1.0f, -2.0f}, g = {0.5f, -0.1f};
  TwoSteps out;
  opt.step(w, g, mask);
  out.after_first = w;
  g = {0.3f, 0.2f};
  opt.step(w, g, mask);
  out.after_second = w;
  return out;
}

OptimizerSettings settings(OptimizerKind kind) {
  OptimizerSettings s;
  s.kind = kind;
  s.learning_rate = 0.1f;
  return s;
}

}  // namespace

TEST_CASE("SGD: w -= lr g", "[optimizer]") {
  const auto r = run(settings(OptimizerKind::sgd));
  CHECK_THAT(r.after_first[0], WithinAbs(0.95, 1e-6));    // 1 - 0.1 * 0.5
  CHECK_THAT(r.after_first[1], WithinAbs(-1.99, 1e-6));   // -2 + 0.1 * 0.1
  CHECK_THAT(r.after_second[0], WithinAbs(0.92, 1e-6));   // 0.95 - 0.03
  CHECK_THAT(r.after_second[1], WithinAbs(-2.01, 1e-6));  // -1.99 - 0.02
}

TEST_CASE("momentum: v = mu v + g, w -= lr v", "[optimizer]") {
  auto s = settings(OptimizerKind::momentum);
  s.momentum = 0.9f;
  const auto r = run(s);
  // v1 = g1 = (0.5, -0.1): w1 = (0.95, -1.99). v2 = 0.9 v1 + g2 = (0.75, 0.11): w2 = (0.875, -2.001).
  CHECK_THAT(r.after_first[0], WithinAbs(0.95, 1e-6));
  CHECK_THAT(r.after_second[0], WithinAbs(0.875, 1e-6));
  CHECK_THAT(r.after_second[1], WithinAbs(-2.001, 1e-6));
}

TEST_CASE("Nesterov momentum: w -= lr (g + mu v)", "[optimizer]") {
  auto s = settings(OptimizerKind::momentum);
  s.momentum = 0.9f;
  s.nesterov = true;
  const auto r = run(s);
  // Step 1: v1 = (0.5, -0.1), w1 = w0 - 0.1 (g1 + 0.9 v1) = (1 - 0.095, -2 + 0.019) = (0.905, -1.981).
  // Step 2: v2 = (0.75, 0.11), w2 = w1 - 0.1 (g2 + 0.9 v2) = (0.905 - 0.0975, -1.981 - 0.0299).
  CHECK_THAT(r.after_first[0], WithinAbs(0.905, 1e-6));
  CHECK_THAT(r.after_first[1], WithinAbs(-1.981, 1e-6));
  CHECK_THAT(r.after_second[0], WithinAbs(0.8075, 1e-6));
  CHECK_THAT(r.after_second[1], WithinAbs(-2.0109, 1e-6));
}

TEST_CASE("Adam: the first two steps", "[optimizer]") {
  const auto r = run(settings(OptimizerKind::adam));
  // Step 1: bias-corrected m = g1 and v = g1^2, so each weight moves by lr * sign(g1) (eps aside).
  CHECK_THAT(r.after_first[0], WithinAbs(0.9, 1e-6));
  CHECK_THAT(r.after_first[1], WithinAbs(-1.9, 1e-6));
  // Step 2: m = 0.9 m1 + 0.1 g2 = (0.075, 0.011); v = 0.999 v1 + 0.001 g2^2 = (3.3975e-4, 4.999e-5);
  // m^ = m / 0.19, v^ = v / 0.001999; w2 = w1 - 0.1 m^ / (sqrt(v^) + 1e-8).
  CHECK_THAT(r.after_second[0], WithinAbs(0.8042510, 2e-6));
  CHECK_THAT(r.after_second[1], WithinAbs(-1.9366104, 2e-6));
}

TEST_CASE("L2 adds l2 w to the gradient of weights only", "[optimizer]") {
  auto s = settings(OptimizerKind::sgd);
  s.l2 = 0.5f;
  // The second parameter is a bias (mask 0): plain SGD for it.
  const auto r = run(s, {1.0f, 0.0f});
  CHECK_THAT(r.after_first[0], WithinAbs(0.90, 1e-6));   // 1 - 0.1 (0.5 + 0.5 * 1)
  CHECK_THAT(r.after_first[1], WithinAbs(-1.99, 1e-6));  // bias untouched by the penalty
  CHECK_THAT(r.after_second[0], WithinAbs(0.825, 1e-6)); // 0.9 - 0.1 (0.3 + 0.45)
}

TEST_CASE("L1 adds l1 sign(w) to the gradient of weights", "[optimizer]") {
  auto s = settings(OptimizerKind::sgd);
  s.l1 = 0.2f;
  const auto r = run(s);
  CHECK_THAT(r.after_first[0], WithinAbs(0.93, 1e-6));   // 1 - 0.1 (0.5 + 0.2)
  CHECK_THAT(r.after_first[1], WithinAbs(-1.97, 1e-6));  // -2 - 0.1 (-0.1 - 0.2)
}

TEST_CASE("gradient clipping scales the global norm down to clip_norm", "[optimizer]") {
  auto s = settings(OptimizerKind::sgd);
  s.learning_rate = 1.0f;
  s.clip_norm = 1.0f;
  Optimizer opt(s, 2);
  std::vector<float> w = {0.0f, 0.0f}, g = {3.0f, 4.0f}, mask = {1.0f, 1.0f};
  opt.step(w, g, mask);
  CHECK_THAT(w[0], WithinAbs(-0.6, 1e-6));
  CHECK_THAT(w[1], WithinAbs(-0.8, 1e-6));
  // Below the threshold nothing changes.
  w = {0.0f, 0.0f};
  g = {0.3f, 0.4f};
  opt.step(w, g, mask);
  CHECK_THAT(w[0], WithinAbs(-0.3, 1e-6));
}

TEST_CASE("Adam: epsilon guards the denominator", "[optimizer]") {
  // Step 1 with eps = 0.5: m^ = g1, v^ = g1^2, so w1 = w0 - lr g1 / (|g1| + 0.5):
  // 1 - 0.1 x 0.5 / 1.0 = 0.95 and -2 + 0.1 x 0.1 / 0.6 = -1.98333.
  OptimizerSettings s = settings(OptimizerKind::adam);
  s.epsilon = 0.5f;
  const auto r = run(s);
  CHECK_THAT(r.after_first[0], WithinAbs(0.95, 1e-6));
  CHECK_THAT(r.after_first[1], WithinAbs(-2.0 + 0.01 / 0.6, 1e-6));
}
