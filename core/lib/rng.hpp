#pragma once
// The one random generator of the lab: PCG32 (O'Neill, 2014), a 64-bit LCG with an
// xorshift-rotate output. It is a small value type passed explicitly (never a global), and
// its uniform and normal transforms are our own, written with IEEE basic operations only,
// because std::*_distribution produce different streams under libstdc++ and libc++
// (native vs Emscripten). Same seed and stream: same bits everywhere.
#include <cstdint>

namespace actlab {

// Independent streams derived from one user seed, so that, for example, RReLU's random
// slopes never shift the batch order that all networks of a race share.
enum class RngStream : uint64_t { data = 1, init = 2, batches = 3, rrelu = 4, bench = 5 };

class Pcg32 {
 public:
  Pcg32(uint64_t seed, RngStream stream) : Pcg32(seed, static_cast<uint64_t>(stream)) {}
  Pcg32(uint64_t seed, uint64_t stream) : state_(0), inc_((stream << 1u) | 1u) {
    next_u32();
    state_ += seed;
    next_u32();
  }

  uint32_t next_u32() {
    const uint64_t old = state_;
    state_ = old * 6364136223846793005ULL + inc_;
    const auto xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
    const auto rot = static_cast<uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, 1) with 24 random bits: exactly representable in float.
  float uniform01() { return static_cast<float>(next_u32() >> 8) * (1.0f / 16777216.0f); }
  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform01(); }

  // Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject).
  uint32_t below(uint32_t n) {
    uint64_t m = static_cast<uint64_t>(next_u32()) * n;
    auto low = static_cast<uint32_t>(m);
    if (low < n) {
      const uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = static_cast<uint64_t>(next_u32()) * n;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

  // Standard normal by Marsaglia's polar method, in double, with a portable log.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
      u = 2.0 * uniform53() - 1.0;
      v = 2.0 * uniform53() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = sqrt_(-2.0 * log_(s) / s);
    spare_ = v * factor;
    has_spare_ = true;
    return u * factor;
  }
  float normal(float mean, float sd) { return mean + sd * static_cast<float>(normal()); }

 private:
  double uniform53() {
    const uint64_t hi = next_u32() >> 5, lo = next_u32() >> 6;  // 27 + 26 bits
    return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
  }
  static double sqrt_(double x);  // correctly rounded everywhere (IEEE requires it)
  // Natural log for x in (0, 1], from the exponent and an atanh series: basic operations only.
  static double log_(double x);

  uint64_t state_;
  uint64_t inc_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace actlab
