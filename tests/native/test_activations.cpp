// Every activation of the table, through the same checks: a new row is tested automatically.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "activations.hpp"

using namespace actlab;
using Catch::Matchers::WithinAbs;

namespace {

bool near_kink(const ActivationSpec& a, double x, double margin) {
  for (float k : a.kinks)
    if (!std::isnan(k) && std::fabs(x - k) < margin) return true;
  return false;
}

// The p a row evaluates with outside training: PReLU's initial slope, RReLU's mean, Leaky's 0.01.
double param_of(const ActivationSpec& a) { return a.param_default; }

std::vector<double> grid_points() {
  std::vector<double> xs;
  for (double x = -6.0; x <= 6.0 + 1e-9; x += 0.01) xs.push_back(x);
  return xs;
}

}  // namespace

TEST_CASE("the table is indexed by id and names are unique", "[activations]") {
  const auto table = activation_table();
  REQUIRE(table.size() == kActivationCount);
  for (size_t i = 0; i < table.size(); ++i) {
    INFO(table[i].name);
    CHECK(static_cast<size_t>(table[i].id) == i);
    CHECK(find_activation(table[i].name) == table[i].id);
    for (size_t j = i + 1; j < table.size(); ++j) CHECK(std::string(table[i].name) != table[j].name);
  }
}

TEST_CASE("fast forward matches the double-precision closed form", "[activations]") {
  const ActivationSpec& a = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(a.name);
  const double p = param_of(a);
  double worst = 0.0;
  for (double x : grid_points()) {
    const double fast = a.f(static_cast<float>(x), static_cast<float>(p));
    const double exact = a.ref(static_cast<float>(x), p);  // same float input as the kernel saw
    worst = std::max(worst, std::fabs(fast - exact) / std::max(1.0, std::fabs(exact)));
  }
  CAPTURE(worst);
  CHECK(worst < 2e-6);
}

TEST_CASE("closed-form derivative matches central differences of the closed form", "[activations]") {
  const ActivationSpec& a = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(a.name);
  const double p = param_of(a), h = 1e-5;
  int checked = 0;
  for (double x : grid_points()) {
    if (near_kink(a, x, 1e-3)) continue;
    const double numeric = (a.ref(x + h, p) - a.ref(x - h, p)) / (2 * h);
    INFO("x = " << x);
    REQUIRE_THAT(a.ref_df(x, p), WithinAbs(numeric, 1e-6));
    ++checked;
  }
  CHECK(checked > 1000);
}

TEST_CASE("fast derivative matches central differences", "[activations]") {
  const ActivationSpec& a = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(a.name);
  const double p = param_of(a), h = 1e-4;
  int checked = 0;
  double largest = 0.0;
  for (double x : grid_points()) {
    if (near_kink(a, x, 1e-3)) continue;
    const auto xf = static_cast<float>(x), pf = static_cast<float>(p);
    const double fast = a.df(xf, a.f(xf, pf), pf);
    const double numeric = (a.ref(double(xf) + h, p) - a.ref(double(xf) - h, p)) / (2 * h);
    INFO("x = " << x);
    REQUIRE_THAT(fast, WithinAbs(numeric, 2e-5));
    largest = std::max(largest, std::fabs(fast));
    ++checked;
  }
  CHECK(checked > 1000);
  CHECK(largest > 0.0);  // a derivative that is zero everywhere would pass vacuously
  CHECK(largest <= a.max_derivative * (1.0 + 1e-3));
}

TEST_CASE("array kernels agree with the scalar kernels", "[activations]") {
  const ActivationSpec& a = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(a.name);
  std::vector<float> z, y, dy, dz, ones;
  for (double x : grid_points()) z.push_back(static_cast<float>(x));
  const size_t n = z.size();
  y.resize(n);
  dz.resize(n);
  dy.assign(n, 1.0f);
  const float p = a.param_default;
  a.forward(z.data(), y.data(), n, p, nullptr);
  a.backward(z.data(), y.data(), dy.data(), dz.data(), n, p, nullptr);
  for (size_t i = 0; i < n; ++i) {
    REQUIRE(y[i] == a.f(z[i], p));
    REQUIRE(dz[i] == a.df(z[i], y[i], p));
  }
  // The libm reference path computes the same function.
  std::vector<float> y_ref(n), dz_ref(n);
  a.ref_forward(z.data(), y_ref.data(), n, p, nullptr);
  a.ref_backward(z.data(), y_ref.data(), dy.data(), dz_ref.data(), n, p, nullptr);
  for (size_t i = 0; i < n; ++i) {
    if (near_kink(a, z[i], 1e-3)) continue;
    REQUIRE_THAT(y_ref[i], WithinAbs(y[i], 1e-5 * std::max(1.0f, std::fabs(y[i]))));
    REQUIRE_THAT(dz_ref[i], WithinAbs(dz[i], 1e-5));
  }
}

TEST_CASE("parameter derivative matches central differences", "[activations]") {
  const ActivationSpec& a = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(a.name);
  if (a.param_kind == ParamKind::none) {
    for (double x : {-2.0, 0.5, 3.0}) CHECK(a.dfdp(float(x), a.f(float(x), 0.0f), 0.0f) == 0.0f);
    return;
  }
  const double p = 0.2, h = 1e-4;
  for (double x : grid_points()) {
    if (near_kink(a, x, 1e-3)) continue;
    const double numeric = (a.ref(x, p + h) - a.ref(x, p - h)) / (2 * h);
    const auto xf = static_cast<float>(x);
    REQUIRE_THAT(a.dfdp(xf, a.f(xf, 0.2f), 0.2f), WithinAbs(numeric, 1e-4));
  }
}

TEST_CASE("known values", "[activations]") {
  const auto f = [](ActivationId id, double x) { return activation_spec(id).ref(x, activation_spec(id).param_default); };
  CHECK_THAT(f(ActivationId::sigmoid, 0.0), WithinAbs(0.5, 1e-15));
  CHECK_THAT(f(ActivationId::tanh, 1.0), WithinAbs(0.7615941559557649, 1e-15));
  CHECK(f(ActivationId::relu, -3.0) == 0.0);
  CHECK(f(ActivationId::relu6, 9.0) == 6.0);
  CHECK_THAT(f(ActivationId::leaky_relu, -2.0), WithinAbs(-0.02, 1e-9));
  CHECK_THAT(f(ActivationId::prelu, -2.0), WithinAbs(-0.5, 1e-9));
  CHECK_THAT(f(ActivationId::rrelu, -48.0), WithinAbs(-11.0, 1e-5));  // mean slope 11/48
  CHECK_THAT(f(ActivationId::elu, -1.0), WithinAbs(-0.6321205588285577, 1e-15));
  CHECK_THAT(f(ActivationId::selu, -1.0), WithinAbs(-1.1113307378125628, 1e-12));
  CHECK_THAT(f(ActivationId::gelu, 1.0), WithinAbs(0.8413447460685429, 1e-12));
  CHECK_THAT(f(ActivationId::gelu_tanh, 1.0), WithinAbs(0.8411919906082768, 1e-12));
  CHECK_THAT(f(ActivationId::swish, 1.0), WithinAbs(0.7310585786300049, 1e-15));
  CHECK_THAT(f(ActivationId::mish, 1.0), WithinAbs(0.8650983882673103, 1e-12));
  CHECK_THAT(f(ActivationId::softplus, 0.0), WithinAbs(0.6931471805599453, 1e-15));
  CHECK_THAT(f(ActivationId::hard_sigmoid, 1.0), WithinAbs(4.0 / 6.0, 1e-15));
  CHECK_THAT(f(ActivationId::hard_swish, 1.0), WithinAbs(4.0 / 6.0, 1e-15));
}

TEST_CASE("fast kernels stay finite and correct at the extremes", "[activations]") {
  const ActivationSpec& a = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(a.name);
  for (float x : {-1e30f, -500.0f, -88.0f, -30.0f, 30.0f, 88.0f, 500.0f, 1e30f}) {
    INFO("x = " << x);
    const float y = a.f(x, a.param_default);
    const float d = a.df(x, y, a.param_default);
    CHECK(std::isfinite(y));
    CHECK(std::isfinite(d));
    const double exact = a.ref(x, a.param_default);
    CHECK_THAT(y, WithinAbs(exact, 1e-6 * std::max(1.0, std::fabs(exact))));
  }
}

TEST_CASE("properties agree with the functions", "[activations]") {
  const ActivationSpec& a = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(a.name);
  const double p = a.param_default;
  // Bounded: stays within +-50 far out. Saturating: the slope is ~0 far out, while the output
  // there is not exactly zero (an exact-zero tail is sparsity, counted by exact_zeros instead).
  CHECK(a.props.bounded_above == (std::fabs(a.ref(1e4, p)) < 50.0));
  CHECK(a.props.bounded_below == (std::fabs(a.ref(-1e4, p)) < 50.0));
  CHECK(a.props.saturates_high == (std::fabs(a.ref_df(20.0, p)) < 1e-3 && a.ref(5.0, p) != 0.0));
  CHECK(a.props.saturates_low == (std::fabs(a.ref_df(-20.0, p)) < 1e-3 && a.ref(-5.0, p) != 0.0));
  CHECK(a.props.exact_zeros == (a.ref(-5.0, p) == 0.0));
  CHECK(a.props.negative_outputs == (a.ref(-0.5, p) < 0.0));
  if (a.props.zero_centred)
    for (double x : {0.3, 1.7, 4.0}) CHECK_THAT(a.ref(-x, p), WithinAbs(-a.ref(x, p), 1e-12));
  // Smooth (C1): no jump in f' anywhere; not smooth: f' jumps somewhere (at a kink).
  double largest_jump = 0.0;
  for (double x = -6.0; x < 6.0; x += 0.001) largest_jump = std::max(largest_jump, std::fabs(a.ref_df(x + 0.001, p) - a.ref_df(x, p)));
  CAPTURE(largest_jump);
  CHECK(a.props.smooth == (largest_jump < 0.01));
  // Learnable: p is trained (f depends on it, and the row says so); randomised: p is drawn.
  CHECK(a.props.learnable == (a.param_kind == ParamKind::learnable));
  CHECK(a.props.randomised == (a.param_kind == ParamKind::randomised));
  if (a.props.learnable) CHECK(a.dfdp(-1.0f, a.f(-1.0f, float(p)), float(p)) != 0.0f);
  if (a.props.randomised) {
    CHECK(a.param_lo < a.param_hi);
    CHECK(a.ref(-1.0, a.param_lo) != a.ref(-1.0, a.param_hi));
    CHECK_THAT(p, WithinAbs((a.param_lo + a.param_hi) / 2.0, 1e-7));  // evaluation uses the mean
  }
  if (a.props.monotonic)
    for (double x = -6.0; x < 6.0; x += 0.05) CHECK(a.ref(x + 0.05, p) >= a.ref(x, p));
  else {
    bool decreases = false;
    for (double x = -6.0; x < 6.0; x += 0.05) decreases |= a.ref(x + 0.05, p) < a.ref(x, p);
    CHECK(decreases);
  }
}
