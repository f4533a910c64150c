// Each generator's geometry against the definition in its comment in dataset.cpp: centres,
// radii, arm angles and spacing, and how far noise moves a point (amplitude and spread). The
// numbers below are written from those definitions, so a changed constant fails here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "lab_fixtures.hpp"

using actlab::DataSpec;
using actlab::DatasetInfo;
using actlab::DatasetKind;
using actlab::Points;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr double kPi = 3.14159265358979323846;

Points generate(DatasetKind kind, int classes, float noise, int points, uint64_t seed = 5) {
  return actlab::make_dataset(actlab::test::dataset_spec(kind, classes, noise, points, seed)).train;
}

struct Summary {
  double mean_x = 0, mean_y = 0, var_x = 0, var_y = 0, min_r = 1e9, max_r = 0, mean_r = 0;
  int n = 0;
};

Summary summarise(const Points& p, int32_t label) {
  Summary s;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.label[i] != label) continue;
    const double r = std::hypot(p.x[i], p.y[i]);
    s.mean_x += p.x[i], s.mean_y += p.y[i], s.mean_r += r;
    s.min_r = std::min(s.min_r, r), s.max_r = std::max(s.max_r, r);
    ++s.n;
  }
  s.mean_x /= s.n, s.mean_y /= s.n, s.mean_r /= s.n;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.label[i] != label) continue;
    s.var_x += (p.x[i] - s.mean_x) * (p.x[i] - s.mean_x) / s.n;
    s.var_y += (p.y[i] - s.mean_y) * (p.y[i] - s.mean_y) / s.n;
  }
  return s;
}

// How noise 1 moves a coordinate, per generator, from the comments in dataset.cpp.
enum class Jitter { uniform, normal };
struct NoiseDefinition {
  const char* name;
  Jitter shape;
  double at_noise_1;  // uniform: the amplitude A (jitter in [-A, A]); normal: the sd
};
const NoiseDefinition kNoise[] = {
    {"circle", Jitter::uniform, 2.5},  {"xor", Jitter::uniform, 2.5},  {"spiral", Jitter::uniform, 0.5},
    {"checkerboard", Jitter::uniform, 1.5}, {"moons", Jitter::normal, 1.05},
    // gauss: the blob's sd is sqrt(0.5 + 3.5 noise); see its own test below.
    {"gauss", Jitter::normal, 0.0},
};

}  // namespace

TEST_CASE("every dataset: noise moves each coordinate by its documented amplitude and spread", "[dataset][geometry]") {
  const DatasetInfo row = GENERATE(from_range(actlab::dataset_table()));
  const float noise = GENERATE(0.4f, 1.0f);
  INFO(row.name << ", noise " << noise);
  const NoiseDefinition* def = nullptr;
  for (const auto& d : kNoise)
    if (std::string(d.name) == row.name) def = &d;
  REQUIRE(def != nullptr);  // a new generator needs its noise definition above
  // The same seed draws the same numbers at every noise level, so the displacement of point i
  // between noise 0 and noise `noise` is exactly its jitter.
  const Points clean = generate(row.kind, row.min_classes, 0.0f, 4000);
  const Points noisy = generate(row.kind, row.min_classes, noise, 4000);
  REQUIRE(clean.label == noisy.label);
  std::vector<double> d;
  for (size_t i = 0; i < clean.size(); ++i) {
    d.push_back(double(noisy.x[i]) - clean.x[i]);
    d.push_back(double(noisy.y[i]) - clean.y[i]);
  }
  double sum = 0, sum_sq = 0, max_abs = 0;
  for (double v : d) sum += v, sum_sq += v * v, max_abs = std::max(max_abs, std::fabs(v));
  const double n = double(d.size()), mean = sum / n, sd = std::sqrt(sum_sq / n - mean * mean);
  CAPTURE(mean, sd, max_abs);
  if (row.kind == DatasetKind::gauss) {
    // Point = centre + sd(noise) z, so the displacement is (sd(noise) - sd(0)) z.
    const double expected = std::sqrt(0.5 + 3.5 * noise) - std::sqrt(0.5);
    CHECK_THAT(sd, WithinRel(expected, 0.04));
  } else if (def->shape == Jitter::uniform) {
    const double a = def->at_noise_1 * noise;
    CHECK(max_abs <= a + 1e-5);
    CHECK(max_abs >= 0.995 * a);  // 8,000 draws reach within 0.1% of the bound
    CHECK_THAT(sd, WithinRel(a / std::sqrt(3.0), 0.03));
  } else {
    CHECK_THAT(sd, WithinRel(def->at_noise_1 * noise, 0.04));
    CHECK(max_abs > 3.0 * def->at_noise_1 * noise);  // a normal's tails, not a uniform's wall
  }
  CHECK(std::fabs(mean) < 5.0 * sd / std::sqrt(n));
}

TEST_CASE("circle: radii uniform in 0-2.5 and 3.5-5, angles all round", "[dataset][geometry]") {
  const Points p = generate(DatasetKind::circle, 2, 0.0f, 4000);
  const Summary inner = summarise(p, 0), outer = summarise(p, 1);
  CHECK(inner.max_r <= 2.5 + 1e-5);
  CHECK(inner.max_r > 2.49);
  CHECK(inner.min_r < 0.01);
  CHECK_THAT(inner.mean_r, WithinAbs(1.25, 0.04));  // the radius is uniform, not the area
  CHECK(outer.min_r >= 3.5 - 1e-5);
  CHECK(outer.min_r < 3.51);
  CHECK(outer.max_r <= 5.0 + 1e-5);
  CHECK(outer.max_r > 4.99);
  CHECK_THAT(outer.mean_r, WithinAbs(4.25, 0.03));
  for (const Summary& s : {inner, outer}) {  // angles uniform: centred on the origin
    CHECK(std::fabs(s.mean_x) < 0.1);
    CHECK(std::fabs(s.mean_y) < 0.1);
    CHECK_THAT(s.var_x, WithinRel(s.var_y, 0.1));
  }
}

TEST_CASE("xor: each |coordinate| uniform in 0.3-5.3", "[dataset][geometry]") {
  const Points p = generate(DatasetKind::xor_, 2, 0.0f, 4000);
  double lo = 1e9, hi = 0, sum = 0;
  for (size_t i = 0; i < p.size(); ++i)
    for (float v : {p.x[i], p.y[i]}) {
      lo = std::min(lo, double(std::fabs(v))), hi = std::max(hi, double(std::fabs(v)));
      sum += std::fabs(v);
    }
  CHECK(lo >= 0.3 - 1e-6);
  CHECK(lo < 0.31);
  CHECK(hi <= 5.3 + 1e-5);
  CHECK(hi > 5.29);
  CHECK_THAT(sum / (2.0 * p.size()), WithinAbs(2.8, 0.05));
  // Quadrants balanced within each class: the sign of x is a fair coin.
  int negative_x = 0;
  for (float x : p.x) negative_x += x < 0;
  CHECK(std::abs(negative_x - 2000) < 160);
}

TEST_CASE("gauss: K centres at radius 4 (2 at radius 2 sqrt 2), angles pi/4 + 2 pi k / K, sd sqrt(0.5 + 3.5 noise)",
          "[dataset][geometry]") {
  const int k = GENERATE(2, 3, 6);
  const float noise = GENERATE(0.0f, 1.0f);
  INFO(k << " blobs, noise " << noise);
  const Points p = generate(DatasetKind::gauss, k, noise, 3000 * k);
  const double ring = k == 2 ? 2.0 * std::sqrt(2.0) : 4.0, variance = 0.5 + 3.5 * noise;
  const double standard_error = std::sqrt(variance / 3000.0);
  for (int c = 0; c < k; ++c) {
    INFO("class " << c);
    const Summary s = summarise(p, c);
    const double angle = kPi / 4 + 2 * kPi * c / k;
    CHECK_THAT(s.mean_x, WithinAbs(ring * std::cos(angle), 5 * standard_error));
    CHECK_THAT(s.mean_y, WithinAbs(ring * std::sin(angle), 5 * standard_error));
    CHECK_THAT(s.var_x, WithinRel(variance, 0.08));
    CHECK_THAT(s.var_y, WithinRel(variance, 0.08));
  }
}

TEST_CASE("spiral: each arm's points evenly spaced from radius 0 to 5", "[dataset][geometry]") {
  const int k = GENERATE(2, 3, 7);
  const int points = GENERATE(200, 301);
  INFO(k << " arms, " << points << " points");
  const Points p = generate(DatasetKind::spiral, k, 0.0f, points);
  for (int arm = 0; arm < k; ++arm) {
    INFO("arm " << arm);
    std::vector<double> radii;
    for (size_t i = 0; i < p.size(); ++i)
      if (p.label[i] == arm) radii.push_back(std::hypot(p.x[i], p.y[i]));
    std::sort(radii.begin(), radii.end());
    // Point m of an arm of n points sits at t = m / n: radius 5 m / n.
    const size_t n = radii.size();
    REQUIRE(n == size_t((points - arm + k - 1) / k));
    for (size_t m = 0; m < n; ++m) REQUIRE_THAT(radii[m], WithinAbs(5.0 * double(m) / double(n), 1e-4));
  }
  // Arm l starts (t -> 0) at angle 2 pi l / K: its second point, at t = 1 / n, is turned by that.
  for (size_t i = 0; i < p.size(); ++i) {
    const double r = std::hypot(p.x[i], p.y[i]);
    if (r == 0.0) {
      CHECK(p.x[i] == 0.0f);
      continue;
    }
    const double a = 3.5 * kPi * r / 5.0 + 2.0 * kPi * p.label[i] / k;
    REQUIRE(std::hypot(p.x[i] - r * std::sin(a), p.y[i] - r * std::cos(a)) < 1e-3);
  }
}

TEST_CASE("moons: t covers 0-pi on both arcs, scaled by 3.5 and centred", "[dataset][geometry]") {
  const Points p = generate(DatasetKind::moons, 2, 0.0f, 4000);
  double min_x[2] = {1e9, 1e9}, max_x[2] = {-1e9, -1e9}, min_y[2] = {1e9, 1e9}, max_y[2] = {-1e9, -1e9};
  for (size_t i = 0; i < p.size(); ++i) {
    const int l = p.label[i];
    min_x[l] = std::min(min_x[l], double(p.x[i])), max_x[l] = std::max(max_x[l], double(p.x[i]));
    min_y[l] = std::min(min_y[l], double(p.y[i])), max_y[l] = std::max(max_y[l], double(p.y[i]));
  }
  // Upper arc (cos t, sin t) -> x in [-5.25, 1.75], y in [-0.875, 2.625]; lower arc
  // (1 - cos t, 1/2 - sin t) -> x in [-1.75, 5.25], y in [-2.625, 0.875].
  CHECK_THAT(min_x[0], WithinAbs(-5.25, 0.01));
  CHECK_THAT(max_x[0], WithinAbs(1.75, 0.01));
  CHECK_THAT(min_y[0], WithinAbs(-0.875, 0.01));
  CHECK_THAT(max_y[0], WithinAbs(2.625, 0.01));
  CHECK_THAT(min_x[1], WithinAbs(-1.75, 0.01));
  CHECK_THAT(max_x[1], WithinAbs(5.25, 0.01));
  CHECK_THAT(min_y[1], WithinAbs(-2.625, 0.01));
  CHECK_THAT(max_y[1], WithinAbs(0.875, 0.01));
  // t uniform: the mean of cos t is 0, of sin t is 2 / pi.
  const Summary upper = summarise(p, 0);
  CHECK_THAT(upper.mean_x, WithinAbs(-0.5 * 3.5, 0.06));
  CHECK_THAT(upper.mean_y, WithinAbs((2.0 / kPi - 0.25) * 3.5, 0.06));
}

TEST_CASE("checkerboard: points uniform within 3 x 3 cells over the whole square", "[dataset][geometry]") {
  const Points p = generate(DatasetKind::checkerboard, 2, 0.0f, 4000);
  double lo_x = 1e9, hi_x = -1e9, lo_y = 1e9, hi_y = -1e9, offset_sum = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    lo_x = std::min(lo_x, double(p.x[i])), hi_x = std::max(hi_x, double(p.x[i]));
    lo_y = std::min(lo_y, double(p.y[i])), hi_y = std::max(hi_y, double(p.y[i]));
    offset_sum += std::fmod(p.x[i] + 6.0, 3.0);  // position within the cell: uniform in [0, 3)
  }
  CHECK(lo_x >= -6.0);
  CHECK(lo_x < -5.98);
  CHECK(hi_x < 6.0);
  CHECK(hi_x > 5.98);
  CHECK(lo_y < -5.98);
  CHECK(hi_y > 5.98);
  CHECK_THAT(offset_sum / p.size(), WithinAbs(1.5, 0.05));
}
