// Pcg32: that it is the real PCG32, that streams are independent, and that our own uniform,
// integer and normal transforms have the right ranges and moments. Statistical bounds are
// loose (several standard errors) and the seeds fixed, so these never flake.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "rng.hpp"

using actlab::Pcg32;
using actlab::RngStream;

namespace {

std::vector<uint32_t> draw_u32(Pcg32 rng, int n) {
  std::vector<uint32_t> out;
  for (int i = 0; i < n; ++i) out.push_back(rng.next_u32());
  return out;
}

int equal_positions(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  int same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i] ? 1 : 0;
  return same;
}

}  // namespace

TEST_CASE("Pcg32(42, 54) reproduces the reference pcg32_srandom_r(42, 54) outputs", "[rng]") {
  // From the PCG paper's minimal C implementation (pcg32-demo), recomputed with that code.
  constexpr std::array<uint32_t, 6> kReference = {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u,
                                                  0x83d2f293u, 0xbfa4784bu, 0xcbed606eu};
  Pcg32 rng(42, uint64_t{54});
  for (size_t i = 0; i < kReference.size(); ++i) {
    INFO("output " << i);
    CHECK(rng.next_u32() == kReference[i]);
  }
}

TEST_CASE("Pcg32 is deterministic: same seed and stream, same sequence", "[rng]") {
  const auto a = draw_u32(Pcg32(123456789, RngStream::init), 1000);
  const auto b = draw_u32(Pcg32(123456789, RngStream::init), 1000);
  CHECK(a == b);
  // The enum constructor is the integer one under another name.
  CHECK(draw_u32(Pcg32(7, RngStream::batches), 10) == draw_u32(Pcg32(7, uint64_t{3}), 10));
  // A copy continues exactly where the original is.
  Pcg32 original(5, RngStream::data);
  original.next_u32();
  Pcg32 copy = original;
  CHECK(draw_u32(original, 100) == draw_u32(copy, 100));
}

TEST_CASE("Pcg32 streams and seeds give unrelated sequences", "[rng]") {
  constexpr int kN = 1000;
  const auto data = draw_u32(Pcg32(1, RngStream::data), kN);
  // Chance agreement of two 32-bit values is 2^-32 per position: any match is suspicious.
  for (RngStream other : {RngStream::init, RngStream::batches, RngStream::rrelu, RngStream::bench}) {
    INFO("stream " << static_cast<uint64_t>(other));
    const auto seq = draw_u32(Pcg32(1, other), kN);
    CHECK(equal_positions(data, seq) == 0);
    // Not a shifted copy of the data stream either (a common bug when streams share state).
    CHECK(equal_positions(std::vector<uint32_t>(data.begin() + 1, data.end()),
                          std::vector<uint32_t>(seq.begin(), seq.end() - 1)) == 0);
  }
  CHECK(equal_positions(data, draw_u32(Pcg32(2, RngStream::data), kN)) == 0);
  // (Only small stream ids are claimed independent: ids that differ only in their top bits give
  // increments differing only in high bits, and PCG's outputs then coincide half the time.)
}

TEST_CASE("Pcg32::below(n) stays below n and is uniform", "[rng]") {
  Pcg32 rng(2024, RngStream::bench);
  SECTION("range, including n = 1 and n near 2^32") {
    const uint32_t n = GENERATE(1u, 2u, 3u, 7u, 10u, 1000u, 0x80000001u, 0xFFFFFFFFu);
    INFO("n = " << n);
    uint32_t max_seen = 0;
    for (int i = 0; i < 10000; ++i) {
      const uint32_t v = rng.below(n);
      REQUIRE(v < n);
      max_seen = v > max_seen ? v : max_seen;
    }
    if (n > 1) CHECK(max_seen > 0);  // not stuck at zero
  }
  SECTION("chi-square over 10 buckets") {
    constexpr int kBuckets = 10, kDraws = 100000;
    std::array<int, kBuckets> count{};
    for (int i = 0; i < kDraws; ++i) ++count[rng.below(kBuckets)];
    double chi2 = 0.0;
    const double expected = static_cast<double>(kDraws) / kBuckets;
    for (int c : count) chi2 += (c - expected) * (c - expected) / expected;
    INFO("chi2 = " << chi2);
    CHECK(chi2 < 40.0);  // 9 degrees of freedom: P(chi2 > 40) < 1e-5
  }
  SECTION("no modulo bias for n = 3 * 2^30") {
    // next_u32() % n would put values below 2^32 - n = 2^30 with probability 1/2, not 1/3.
    constexpr uint32_t kN = 3u << 30;
    constexpr int kDraws = 100000;
    int low = 0;
    for (int i = 0; i < kDraws; ++i) low += rng.below(kN) < (1u << 30) ? 1 : 0;
    CHECK_THAT(static_cast<double>(low) / kDraws, Catch::Matchers::WithinAbs(1.0 / 3.0, 0.01));
  }
}

TEST_CASE("Pcg32::uniform01 is in the unit interval with mean 1/2 and variance 1/12", "[rng]") {
  Pcg32 rng(99, RngStream::data);
  constexpr int kDraws = 100000;
  double sum = 0.0, sum2 = 0.0;
  float lo = 1.0f, hi = 0.0f;
  for (int i = 0; i < kDraws; ++i) {
    const float u = rng.uniform01();
    REQUIRE(u >= 0.0f);
    REQUIRE(u < 1.0f);
    lo = u < lo ? u : lo;
    hi = u > hi ? u : hi;
    sum += u;
    sum2 += static_cast<double>(u) * u;
  }
  const double mean = sum / kDraws;
  CHECK_THAT(mean, Catch::Matchers::WithinAbs(0.5, 0.005));
  CHECK_THAT(sum2 / kDraws - mean * mean, Catch::Matchers::WithinAbs(1.0 / 12.0, 0.002));
  CHECK(lo < 0.001f);  // covers the whole interval
  CHECK(hi > 0.999f);
  // The largest possible draw, 0xFFFFFFFF >> 8 = 2^24 - 1, still maps below 1.
  CHECK(static_cast<float>(0xFFFFFFu) * (1.0f / 16777216.0f) < 1.0f);

  for (int i = 0; i < 1000; ++i) {
    const float v = rng.uniform(-2.5f, 4.0f);
    REQUIRE(v >= -2.5f);
    REQUIRE(v <= 4.0f);
  }
}

TEST_CASE("Pcg32::normal has mean 0, variance 1 and a normal shape", "[rng]") {
  Pcg32 rng(31337, RngStream::init);
  constexpr int kDraws = 100000;
  double sum = 0.0, sum2 = 0.0, sum4 = 0.0;
  int within_one = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double z = rng.normal();
    REQUIRE(std::isfinite(z));
    sum += z;
    sum2 += z * z;
    sum4 += z * z * z * z;
    within_one += std::fabs(z) < 1.0 ? 1 : 0;
  }
  const double mean = sum / kDraws, variance = sum2 / kDraws - mean * mean;
  INFO("mean " << mean << ", variance " << variance);
  CHECK_THAT(mean, Catch::Matchers::WithinAbs(0.0, 0.02));             // standard error 0.003
  CHECK_THAT(variance, Catch::Matchers::WithinAbs(1.0, 0.03));         // standard error 0.0045
  CHECK_THAT(sum4 / kDraws, Catch::Matchers::WithinAbs(3.0, 0.15));    // kurtosis of a normal
  CHECK_THAT(static_cast<double>(within_one) / kDraws, Catch::Matchers::WithinAbs(0.6827, 0.01));

  Pcg32 scaled(8, RngStream::init);
  double scaled_sum = 0.0;
  for (int i = 0; i < 10000; ++i) scaled_sum += scaled.normal(3.0f, 0.5f);
  CHECK_THAT(scaled_sum / 10000, Catch::Matchers::WithinAbs(3.0, 0.05));
}

TEST_CASE("Pcg32::normal matches the polar method computed with libm's log", "[rng]") {
  // Replays the generator's documented algorithm (53-bit uniforms from two draws, Marsaglia's
  // polar method) with std::log on a twin generator: this checks the portable log_ is accurate.
  Pcg32 rng(4, RngStream::data), twin(4, RngStream::data);
  auto uniform53 = [&twin] {
    const uint64_t hi = twin.next_u32() >> 5, lo = twin.next_u32() >> 6;
    return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
  };
  for (int pair = 0; pair < 2000; ++pair) {
    double u = 0.0, v = 0.0, s = 0.0;
    do {
      u = 2.0 * uniform53() - 1.0;
      v = 2.0 * uniform53() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    INFO("pair " << pair << ", s = " << s);
    REQUIRE_THAT(rng.normal(), Catch::Matchers::WithinRel(u * factor, 1e-13));
    REQUIRE_THAT(rng.normal(), Catch::Matchers::WithinRel(v * factor, 1e-13));
  }
}
