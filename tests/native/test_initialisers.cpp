// Every initialiser of the table against its published definition, statistically: over enough
// draws that a variance off by a factor of 1.5 (or a uniform bound off by 10%) cannot pass.
// The expectations are written here from the papers, not read from initialisers.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "initialisers.hpp"

using namespace actlab;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

enum class Shape { uniform, normal };

struct Definition {
  const char* name;
  Shape shape;
  double (*variance)(double fan_in, double fan_out);
  float bias;
};

// Uniform U(-a, a) has variance a^2 / 3.
const Definition kDefinitions[] = {
    {"playground", Shape::uniform, [](double, double) { return 0.25 / 3.0; }, 0.1f},
    {"normal", Shape::normal, [](double, double) { return 1.0; }, 0.0f},
    {"xavier", Shape::uniform, [](double in, double out) { return 6.0 / (in + out) / 3.0; }, 0.0f},
    {"xavier_normal", Shape::normal, [](double in, double out) { return 2.0 / (in + out); }, 0.0f},
    {"he", Shape::normal, [](double in, double) { return 2.0 / in; }, 0.0f},
    {"he_uniform", Shape::uniform, [](double in, double) { return 6.0 / in / 3.0; }, 0.0f},
    {"lecun", Shape::normal, [](double in, double) { return 1.0 / in; }, 0.0f},
};

const Definition* definition_of(std::string_view name) {
  for (const Definition& d : kDefinitions)
    if (name == d.name) return &d;
  return nullptr;
}

struct Draws {
  std::vector<float> weights, biases;
};

// `layers` layers of in x out, from one generator, as a network would draw them.
Draws draw(InitScheme scheme, int in, int out, int layers) {
  Pcg32 rng(9, RngStream::init);
  Draws d;
  std::vector<float> w(static_cast<size_t>(in) * out), b(static_cast<size_t>(out));
  for (int l = 0; l < layers; ++l) {
    initialise_layer(scheme, in, out, rng, w.data(), b.data());
    d.weights.insert(d.weights.end(), w.begin(), w.end());
    d.biases.insert(d.biases.end(), b.begin(), b.end());
  }
  return d;
}

}  // namespace

TEST_CASE("every initialiser draws the distribution its definition names", "[initialisers]") {
  const auto scheme = static_cast<InitScheme>(GENERATE(range(0, int(InitScheme::count))));
  const std::string name(init_name(scheme));
  INFO(name);
  const Definition* def = definition_of(name);
  REQUIRE(def != nullptr);  // a new scheme needs its definition above
  // Two shapes, so that fan_in and fan_out cannot be swapped or confused unnoticed.
  struct Fans {
    int in, out;
  };
  const Fans fans = GENERATE(Fans{50, 20}, Fans{8, 64});
  INFO("fan_in " << fans.in << ", fan_out " << fans.out);
  const Draws d = draw(scheme, fans.in, fans.out, 60000 / (fans.in * fans.out) + 1);
  const double n = double(d.weights.size());
  REQUIRE(n >= 60000);

  double sum = 0, sum_sq = 0, max_abs = 0;
  for (float w : d.weights) {
    sum += w;
    sum_sq += double(w) * w;
    max_abs = std::max(max_abs, double(std::fabs(w)));
  }
  const double mean = sum / n, variance = sum_sq / n - mean * mean;
  const double expected = def->variance(fans.in, fans.out), sd = std::sqrt(expected);
  CAPTURE(mean, variance, expected, max_abs);
  // The sample variance of 60,000 draws is within 2% of the truth (standard error 0.6% for a
  // normal, 0.4% for a uniform); 5% still catches a factor 1.5 (or 1/1.5) by far.
  CHECK_THAT(variance, WithinRel(expected, 0.05));
  CHECK(std::fabs(mean) < 5.0 * sd / std::sqrt(n));  // centred on zero
  // Symmetric: as many positive as negative weights (within 5 standard errors).
  const auto positive = std::count_if(d.weights.begin(), d.weights.end(), [](float w) { return w > 0; });
  CHECK(std::fabs(double(positive) - n / 2) < 5.0 * std::sqrt(n) / 2);

  // The shape: a uniform never leaves its bound a = sqrt(3) sd and nearly reaches it; a normal
  // has 4.55% of its draws beyond 2 sd (a uniform has none: 2 sd > sqrt(3) sd).
  const auto beyond_2sd = std::count_if(d.weights.begin(), d.weights.end(),
                                        [&](float w) { return std::fabs(w) > 2.0 * sd; });
  if (def->shape == Shape::uniform) {
    const double a = std::sqrt(3.0) * sd;
    CHECK(max_abs <= a * (1 + 1e-6));
    CHECK(max_abs >= 0.999 * a);
    CHECK(beyond_2sd == 0);
  } else {
    CHECK_THAT(double(beyond_2sd) / n, WithinAbs(0.0455, 0.006));
  }

  // Biases: one constant, the scheme's, in every layer.
  for (float b : d.biases) REQUIRE(b == def->bias);
  CHECK(initialiser_info(scheme).bias == def->bias);
}

TEST_CASE("initialisers describe their formula and reject ids outside the table", "[initialisers]") {
  const auto scheme = static_cast<InitScheme>(GENERATE(range(0, int(InitScheme::count))));
  INFO(init_name(scheme));
  CHECK(initialiser_info(scheme).scheme == scheme);
  CHECK(std::string(initialiser_info(scheme).description).size() > 10);
  CHECK(parse_init(init_name(scheme)) == scheme);
  CHECK_THROWS_AS(initialiser_info(InitScheme::count), std::invalid_argument);
  float w = 0, b = 0;
  Pcg32 rng(1, RngStream::init);
  CHECK_THROWS_AS(initialise_layer(InitScheme::count, 1, 1, rng, &w, &b), std::invalid_argument);
}
