// Tests for core/lib/fast_math.hpp: every kernel is swept over a dense grid against double-precision
// libm and must stay within its documented kMax* bound; edge behaviours (zeros, denormals,
// infinities, NaN, huge arguments, saturation) are checked exactly.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "fast_math.hpp"

namespace fm = actlab::fm;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kDenormMin = std::numeric_limits<float>::denorm_min();
constexpr float kFltMin = std::numeric_limits<float>::min();
constexpr float kFltMax = std::numeric_limits<float>::max();

uint32_t bits_of(float x) {
  uint32_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

enum class Err { abs, rel };
enum class Spacing { linear, log2 };  // log2: |x| = 2^u with u uniform in [lo, hi], sign from `negative`

// One row per kernel and input range: the whole grid sweep is the same code for every kernel.
struct Sweep {
  const char* name;
  float (*f)(float);
  double (*ref)(double);
  Err err;
  float bound;
  Spacing spacing;
  double lo, hi;
  bool negative;  // log2 spacing only: sweep -2^u instead of 2^u
};

double ref_exp(double x) { return std::exp(x); }
double ref_log(double x) { return std::log(x); }
double ref_log1p(double x) { return std::log1p(x); }
double ref_tanh(double x) { return std::tanh(x); }
double ref_sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double ref_erf(double x) { return std::erf(x); }
double ref_sin(double x) { return std::sin(x); }

const std::vector<Sweep>& sweeps() {
  static const std::vector<Sweep> table = {
      {"exp", fm::exp, ref_exp, Err::rel, fm::kMaxRelErrExp, Spacing::linear, -87.33654, 88.72283, false},
      {"exp small", fm::exp, ref_exp, Err::rel, fm::kMaxRelErrExp, Spacing::log2, -126, 0, false},
      {"exp small neg", fm::exp, ref_exp, Err::rel, fm::kMaxRelErrExp, Spacing::log2, -126, 0, true},
      {"log", fm::log, ref_log, Err::rel, fm::kMaxRelErrLog, Spacing::log2, -149, 127.99, false},
      {"log near 1", fm::log, ref_log, Err::rel, fm::kMaxRelErrLog, Spacing::linear, 0.5, 2.0, false},
      {"log1p", fm::log1p, ref_log1p, Err::rel, fm::kMaxRelErrLog1p, Spacing::linear, -0.9999999, 10.0, false},
      {"log1p pos", fm::log1p, ref_log1p, Err::rel, fm::kMaxRelErrLog1p, Spacing::log2, -149, 127.99, false},
      {"log1p neg", fm::log1p, ref_log1p, Err::rel, fm::kMaxRelErrLog1p, Spacing::log2, -40, -0.0001, true},
      {"tanh", fm::tanh, ref_tanh, Err::abs, fm::kMaxAbsErrTanh, Spacing::linear, -12.0, 12.0, false},
      {"tanh wide", fm::tanh, ref_tanh, Err::abs, fm::kMaxAbsErrTanh, Spacing::log2, -149, 127.99, true},
      {"sigmoid", fm::sigmoid, ref_sigmoid, Err::abs, fm::kMaxAbsErrSigmoid, Spacing::linear, -110.0, 30.0, false},
      {"sigmoid wide", fm::sigmoid, ref_sigmoid, Err::abs, fm::kMaxAbsErrSigmoid, Spacing::log2, -149, 127.99, true},
      {"erf", fm::erf, ref_erf, Err::abs, fm::kMaxAbsErrErf, Spacing::linear, -6.0, 6.0, false},
      {"erf wide", fm::erf, ref_erf, Err::abs, fm::kMaxAbsErrErf, Spacing::log2, -149, 127.99, false},
      {"sin", fm::sin, ref_sin, Err::abs, fm::kMaxAbsErrSin, Spacing::linear, -1e4, 1e4, false},
      {"sin one period", fm::sin, ref_sin, Err::abs, fm::kMaxAbsErrSin, Spacing::linear, -3.2, 3.2, false},
  };
  return table;
}

struct SweepResult {
  double max_err = 0;
  float worst_x = 0;
  float first_x = 0, last_x = 0;
  int64_t points = 0;
  int64_t nan_or_inf_mismatch = 0;  // the kernel disagrees with the reference on NaN/inf-ness
  int64_t far_from_identity = 0;    // points where f(x) is clearly not x (guards a stub `return x`)
  double out_min = 0, out_max = 0;  // spread of the outputs (guards a constant stub)
};

SweepResult run_sweep(const Sweep& s, int64_t n) {
  SweepResult res;
  res.out_min = std::numeric_limits<double>::infinity();
  res.out_max = -res.out_min;
  std::vector<float> xs(static_cast<size_t>(n)), ys(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    const double t = s.lo + (s.hi - s.lo) * static_cast<double>(i) / static_cast<double>(n - 1);
    const double x = s.spacing == Spacing::linear ? t : (s.negative ? -1.0 : 1.0) * std::exp2(t);
    xs[static_cast<size_t>(i)] = static_cast<float>(x);
  }
  for (size_t i = 0; i < xs.size(); ++i) ys[i] = s.f(xs[i]);  // the loop shape the core uses
  res.first_x = xs.front();
  res.last_x = xs.back();
  for (size_t i = 0; i < xs.size(); ++i) {
    const double x = xs[i], y = ys[i], r = s.ref(x);
    ++res.points;
    if (std::isnan(y) != std::isnan(r) || std::isinf(y) != std::isinf(r)) {
      ++res.nan_or_inf_mismatch;
      continue;
    }
    if (std::isinf(r)) {
      if (y != r) ++res.nan_or_inf_mismatch;
      continue;
    }
    const double diff = std::fabs(y - r);
    const double e = s.err == Err::abs ? diff : (r == 0 ? diff : diff / std::fabs(r));
    if (e > res.max_err) {
      res.max_err = e;
      res.worst_x = xs[i];
    }
    if (std::fabs(y - x) > 1e-3 * std::fmax(1.0, std::fabs(x))) ++res.far_from_identity;
    res.out_min = std::fmin(res.out_min, y);
    res.out_max = std::fmax(res.out_max, y);
  }
  return res;
}

}  // namespace

TEST_CASE("fast_math kernels stay within their documented error bound on a dense grid", "[fast_math]") {
  const Sweep& s = GENERATE(from_range(sweeps()));
  constexpr int64_t kPoints = 400'000;
  const SweepResult res = run_sweep(s, kPoints);
  INFO(s.name << (s.err == Err::abs ? " (absolute error)" : " (relative error)") << " over [" << s.lo << ", " << s.hi
               << (s.spacing == Spacing::log2 ? "] in log2|x|" : "]"));
  INFO("measured max error " << res.max_err << " at x = " << res.worst_x << ", bound " << s.bound);

  // Not vacuous: the grid spans the documented range, every point was compared, the kernel is
  // neither the identity nor a constant.
  REQUIRE(res.points == kPoints);
  const double first = s.spacing == Spacing::linear ? s.lo : (s.negative ? -1.0 : 1.0) * std::exp2(s.lo);
  const double last = s.spacing == Spacing::linear ? s.hi : (s.negative ? -1.0 : 1.0) * std::exp2(s.hi);
  CHECK(res.first_x == static_cast<float>(first));
  CHECK(res.last_x == static_cast<float>(last));
  CHECK(res.far_from_identity > kPoints / 20);
  CHECK(res.out_max - res.out_min > 0.25);

  CHECK(res.nan_or_inf_mismatch == 0);
  REQUIRE(res.max_err <= s.bound);  // run with -s to see every measured maximum
}

TEST_CASE("fast_math documented bounds are tight, not just safe", "[fast_math]") {
  // The kMax* constants were measured by an exhaustive sweep of all floats; the grid above reaches
  // most of each one. A bound far above what the kernel does would document nothing.
  for (const char* name : {"exp", "log", "log1p pos", "tanh", "sigmoid", "erf", "sin"}) {
    for (const Sweep& s : sweeps()) {
      if (std::string(s.name) != name) continue;
      const SweepResult res = run_sweep(s, 400'000);
      INFO(name << ": grid max " << res.max_err << ", bound " << s.bound);
      CHECK(res.max_err > 0.5 * s.bound);
    }
  }
}

TEST_CASE("fast_math: NaN in gives NaN out for every kernel", "[fast_math]") {
  const float nans[] = {kNaN, -kNaN, std::numeric_limits<float>::signaling_NaN()};
  for (float nan : nans) {
    CHECK(std::isnan(fm::exp(nan)));
    CHECK(std::isnan(fm::log(nan)));
    CHECK(std::isnan(fm::log1p(nan)));
    CHECK(std::isnan(fm::tanh(nan)));
    CHECK(std::isnan(fm::sigmoid(nan)));
    CHECK(std::isnan(fm::erf(nan)));
    CHECK(std::isnan(fm::sin(nan)));
  }
}

TEST_CASE("fast_math exp: exact values, clamping, gradual underflow", "[fast_math]") {
  CHECK(fm::exp(0.0f) == 1.0f);
  CHECK(fm::exp(-0.0f) == 1.0f);
  CHECK(fm::exp(kDenormMin) == 1.0f);
  CHECK(fm::exp(-kDenormMin) == 1.0f);
  CHECK_THAT(fm::exp(1.0f), WithinRel(2.718281828459045, double(fm::kMaxRelErrExp)));
  CHECK_THAT(fm::exp(88.72f), WithinRel(std::exp(static_cast<double>(88.72f)), double(fm::kMaxRelErrExp)));
  CHECK(std::isfinite(fm::exp(88.72283f)));
  CHECK(fm::exp(88.7229f) == kInf);
  CHECK(fm::exp(89.0f) == kInf);
  CHECK(fm::exp(1e4f) == kInf);
  CHECK(fm::exp(kFltMax) == kInf);
  CHECK(fm::exp(kInf) == kInf);
  CHECK(fm::exp(-104.0f) == 0.0f);
  CHECK(fm::exp(-1e4f) == 0.0f);
  CHECK(fm::exp(-kFltMax) == 0.0f);
  CHECK(fm::exp(-kInf) == 0.0f);
  // Below the normal range the result is a denormal, within one denormal step of the truth.
  for (float x : {-87.5f, -90.0f, -95.0f, -100.0f, -103.0f}) {
    INFO("x = " << x);
    CHECK(fm::exp(x) > 0.0f);
    CHECK(fm::exp(x) < kFltMin);
    CHECK_THAT(fm::exp(x), WithinAbs(std::exp(static_cast<double>(x)), kDenormMin));
  }
}

TEST_CASE("fast_math log and log1p: zeros, negatives, infinities, tiny arguments", "[fast_math]") {
  CHECK(fm::log(1.0f) == 0.0f);
  CHECK(fm::log(0.0f) == -kInf);
  CHECK(fm::log(-0.0f) == -kInf);
  CHECK(std::isnan(fm::log(-1.0f)));
  CHECK(std::isnan(fm::log(-kDenormMin)));
  CHECK(std::isnan(fm::log(-kInf)));
  CHECK(fm::log(kInf) == kInf);
  CHECK_THAT(fm::log(kDenormMin), WithinRel(std::log(static_cast<double>(kDenormMin)), double(fm::kMaxRelErrLog)));
  CHECK_THAT(fm::log(kFltMax), WithinRel(std::log(static_cast<double>(kFltMax)), double(fm::kMaxRelErrLog)));
  CHECK_THAT(fm::log(2.0f), WithinRel(0.6931471805599453, double(fm::kMaxRelErrLog)));

  CHECK(fm::log1p(-1.0f) == -kInf);
  CHECK(std::isnan(fm::log1p(-1.5f)));
  CHECK(std::isnan(fm::log1p(-kInf)));
  CHECK(fm::log1p(kInf) == kInf);
  CHECK(fm::log1p(kFltMax) == fm::log(kFltMax));
  CHECK(bits_of(fm::log1p(0.0f)) == bits_of(0.0f));
  CHECK(bits_of(fm::log1p(-0.0f)) == bits_of(-0.0f));
  // For |x| below half an ulp of 1, log1p(x) is x itself (relative accuracy down to denormals).
  for (float x : {kDenormMin, -kDenormMin, kFltMin, 1e-30f, -1e-30f, 1e-9f, -1e-9f}) {
    INFO("x = " << x);
    CHECK(fm::log1p(x) == x);
  }
  CHECK_THAT(fm::log1p(1e-4f), WithinRel(std::log1p(static_cast<double>(1e-4f)), double(fm::kMaxRelErrLog1p)));
  CHECK_THAT(fm::log1p(-0.9999999f), WithinRel(std::log1p(static_cast<double>(-0.9999999f)), double(fm::kMaxRelErrLog1p)));
}

TEST_CASE("fast_math tanh and erf: odd, saturating, accurate near zero", "[fast_math]") {
  struct Odd {
    const char* name;
    float (*f)(float);
    double (*ref)(double);
    float saturates_at;  // |x| from which the result no longer changes
    float bound;         // |f| stays within [0, bound]
    bool exact_one;      // the saturated value is exactly 1
  };
  // tanh's rational is not clamped after the division (two selects instead of six: see
  // fast_math.hpp), so it may exceed 1 by its error bound; it saturates at exactly 1 from 9.1.
  for (const Odd& k : {Odd{"tanh", fm::tanh, ref_tanh, 9.1f, 1.0f + fm::kMaxAbsErrTanh, true},
                       Odd{"erf", fm::erf, ref_erf, 3.92f, 1.0f, true}}) {
    INFO(k.name);
    CHECK(bits_of(k.f(0.0f)) == bits_of(0.0f));
    CHECK(bits_of(k.f(-0.0f)) == bits_of(-0.0f));
    const float saturated = k.f(k.saturates_at);
    CHECK_THAT(saturated, WithinAbs(1.0, 1.5e-7));
    if (k.exact_one) CHECK(saturated == 1.0f);
    for (float big : {10.0f, 20.0f, 100.0f, 1e10f, kFltMax, kInf}) {
      INFO("x = " << big);
      CHECK(k.f(big) == saturated);
      CHECK(k.f(-big) == -saturated);
    }
    // Relative accuracy near zero; a denormal result can only be as close as the denormal spacing.
    for (float x : {kDenormMin, 1e-40f, 1e-38f, 1e-20f, 1e-7f, 1e-3f, 0.1f, 0.5f}) {
      INFO("x = " << x);
      CHECK_THAT(k.f(x), WithinRel(k.ref(x), 2.5e-7) || WithinAbs(k.ref(x), double(kDenormMin)));
      CHECK_THAT(k.f(-x), WithinRel(k.ref(-x), 2.5e-7) || WithinAbs(k.ref(-x), double(kDenormMin)));
    }
    // Exactly odd and bounded over a grid.
    int64_t checked = 0;
    for (float x = 0.0f; x < 12.0f; x += 0.001f, ++checked) {
      const float y = k.f(x);
      if (k.f(-x) != -y || !(y >= 0.0f && y <= k.bound)) FAIL("not odd or out of [0, bound] at x = " << x);
    }
    CHECK(checked > 10'000);
  }
}

TEST_CASE("fast_math sigmoid: saturates to exactly 0 and 1, never NaN", "[fast_math]") {
  CHECK(fm::sigmoid(0.0f) == 0.5f);
  CHECK(fm::sigmoid(-0.0f) == 0.5f);
  CHECK(fm::sigmoid(kInf) == 1.0f);
  CHECK(fm::sigmoid(-kInf) == 0.0f);
  CHECK(fm::sigmoid(kFltMax) == 1.0f);
  CHECK(fm::sigmoid(-kFltMax) == 0.0f);
  CHECK(fm::sigmoid(20.0f) == 1.0f);
  CHECK(fm::sigmoid(-89.0f) == 0.0f);
  CHECK(fm::sigmoid(-80.0f) > 0.0f);
  CHECK_THAT(fm::sigmoid(-20.0f), WithinRel(1.0 / (1.0 + std::exp(20.0)), 1e-6));
  for (float x = -120.0f; x < 120.0f; x += 0.01f) {
    const float y = fm::sigmoid(x);
    if (!(y >= 0.0f && y <= 1.0f)) FAIL("sigmoid out of [0, 1] at x = " << x);
  }
}

TEST_CASE("fast_math sin: zeros, infinities, huge arguments stay bounded", "[fast_math]") {
  CHECK(bits_of(fm::sin(0.0f)) == bits_of(0.0f));
  CHECK(bits_of(fm::sin(-0.0f)) == bits_of(-0.0f));
  CHECK(fm::sin(kDenormMin) == kDenormMin);
  CHECK(std::isnan(fm::sin(kInf)));
  CHECK(std::isnan(fm::sin(-kInf)));
  CHECK_THAT(fm::sin(1.5707964f), WithinAbs(1.0, fm::kMaxAbsErrSin));
  CHECK_THAT(fm::sin(-1.5707964f), WithinAbs(-1.0, fm::kMaxAbsErrSin));
  CHECK_THAT(fm::sin(3.1415927f), WithinAbs(std::sin(3.1415927), fm::kMaxAbsErrSin));
  CHECK_THAT(fm::sin(1e4f), WithinAbs(std::sin(1e4), fm::kMaxAbsErrSin));
  // Beyond the accurate range the value is meaningless but finite and in [-1, 1].
  for (float x : {1e5f, 1e7f, 1e10f, 1e30f, kFltMax, -kFltMax}) {
    INFO("x = " << x);
    const float y = fm::sin(x);
    CHECK(y >= -1.0f);
    CHECK(y <= 1.0f);
  }
  int64_t checked = 0;
  for (float x = 0.0f; x < 100.0f; x += 0.0007f, ++checked) {
    if (fm::sin(-x) != -fm::sin(x)) FAIL("sin not odd at x = " << x);
  }
  CHECK(checked > 100'000);
}
