// The two-class softmax (mlp.cpp: one exp per point) must give the bits of the general softmax:
// max, e^(z - max) for each class, their sum in class order, a division per class and
// log-sum-exp = max + log(sum). The reference below is that general path, written out per point.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "fast_math.hpp"
#include "mlp.hpp"
#include "rng.hpp"

using namespace actlab;

namespace {

uint32_t bits_of(float v) {
  uint32_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

// Bit for bit, except that any NaN equals any NaN (the payload is not part of the contract).
bool same_float(float a, float b) { return (std::isnan(a) && std::isnan(b)) || bits_of(a) == bits_of(b); }

// Pairs of logits (z0, z1): ties, signed zeros, tiny and huge differences, infinities, NaN.
std::vector<float> special_pairs() {
  const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> v = {0.0f, 0.0f, -0.0f, 0.0f, 0.0f, -0.0f, 1.5f, 1.5f, 1.0f, 1.0f + 1e-7f,
                          -3.0f, 2.0f, 2.0f, -3.0f, 90.0f, -90.0f, -1e4f, 1e4f, 1e-30f, -1e-30f,
                          inf, 1.0f, 1.0f, -inf, nan, 1.0f, 1.0f, nan, inf, inf, -inf, -inf};
  return v;
}

// Ordinary logits, close and far apart: 201 points, so the last block of 4 is padded.
std::vector<float> random_pairs() {
  std::vector<float> v;
  Pcg32 rng(7, uint64_t{0});
  for (int i = 0; i < 201; ++i) {
    const float scale = i < 100 ? 4.0f : 40.0f;
    v.push_back(rng.uniform(-scale, scale));
    v.push_back(rng.uniform(-scale, scale));
  }
  return v;
}

// Runs the pairs through a 2-input, 2-class layer with identity weights and checks the
// probabilities (and, when check_loss, the summed loss) against the general path per point. The
// logits are read back from the layer: z0 = 0 + 1 * x0 + 0 * x1 is NaN when x1 is infinite.
void check_against_general(const std::vector<float>& pairs, bool check_loss) {
  const size_t n = pairs.size() / 2;
  const std::vector<int> hidden = {};
  const std::vector<ActivationId> acts = {};
  Mlp mlp(2, hidden, acts, 2);
  auto w = mlp.params();
  std::fill(w.begin(), w.end(), 0.0f);
  w[0] = 1.0f;  // class 0 <- x0
  w[3] = 1.0f;  // class 1 <- x1
  std::vector<float> inputs(2 * n);
  for (size_t i = 0; i < n; ++i) {
    inputs[i] = pairs[2 * i];
    inputs[n + i] = pairs[2 * i + 1];
  }
  for (PassMode mode : {PassMode::predict, PassMode::evaluate}) {
    mlp.forward(inputs.data(), n, mode, nullptr);
    const float* z = mlp.pre_activation(0);
    const float* p = mlp.output(0);
    const size_t stride = mlp.stride();
    double loss = 0.0;
    std::vector<int32_t> labels(n);
    for (size_t i = 0; i < n; ++i) {
      const float z0 = z[i], z1 = z[stride + i];
      const float m = std::max(z0, z1);
      const float e0 = fm::exp(z0 - m), e1 = fm::exp(z1 - m);
      const float sum = (0.0f + e0) + e1;
      INFO("point " << i << ": z0 " << z0 << ", z1 " << z1);
      CHECK(same_float(p[i], e0 / sum));
      CHECK(same_float(p[stride + i], e1 / sum));
      labels[i] = int32_t(i % 2);
      loss += static_cast<double>((m + fm::log(sum)) - (i % 2 == 0 ? z0 : z1));
    }
    if (check_loss && mode == PassMode::evaluate) {
      REQUIRE(std::isfinite(loss));
      CHECK(bits_of(float(mlp.loss_sum(labels.data()))) == bits_of(float(loss)));
    }
  }
}

}  // namespace

TEST_CASE("the two-class softmax gives the general softmax's bits", "[mlp]") {
  check_against_general(special_pairs(), false);
  check_against_general(random_pairs(), true);
}
