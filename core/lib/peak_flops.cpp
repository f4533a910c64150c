#include "peak_flops.hpp"

#include "field_error.hpp"
#include "monotonic_clock.hpp"

namespace actlab {
namespace {

volatile float g_sink = 0.0f;  // the chains' result, so no iteration can be dropped as unused

constexpr int kChains = 12;
constexpr int64_t kIterationsPerCall = 4096;

// One call: kIterationsPerCall iterations of kChains independent acc = acc * m + a chains on
// Lanes-wide vectors. m < 1 keeps every chain finite (it converges to a / (1 - m)). Each call
// reads m from a volatile, so the compiler can neither fold the chains nor hoist a call out of
// the timing loop as a repeated pure computation.
typedef float F32x4 __attribute__((vector_size(16)));
typedef float F32x8 __attribute__((vector_size(32)));

// Never inlined: in WebAssembly a hot function is recompiled by V8's optimising tier and used from
// its next call on (there is no on-stack replacement), so the timing loop must call it anew.
template <class Vec>
__attribute__((noinline)) float run_chains(float a) {
  constexpr int Lanes = sizeof(Vec) / sizeof(float);
  const float m = 0.999f + 1e-12f * g_sink;
  Vec acc[kChains];
  for (int c = 0; c < kChains; ++c)
    for (int l = 0; l < Lanes; ++l) acc[c][l] = float(c * Lanes + l) * 1e-3f;
  Vec mv, av;
  for (int l = 0; l < Lanes; ++l) {
    mv[l] = m;
    av[l] = a;
  }
  for (int64_t i = 0; i < kIterationsPerCall; ++i)
    for (int c = 0; c < kChains; ++c) acc[c] = acc[c] * mv + av;
  Vec total = acc[0];
  for (int c = 1; c < kChains; ++c) total += acc[c];
  float out = 0.0f;
  for (int l = 0; l < Lanes; ++l) out += total[l];
  return out;
}

template <class Vec>
PeakFlops measure(double window_ms, int windows) {
  if (!(window_ms >= 0.1 && window_ms <= 1000)) throw_out_of_range("window_ms", window_ms, 0.1, 1000);
  if (windows < 1 || windows > 100) throw_out_of_range("windows", windows, 1, 100);
  constexpr int Lanes = sizeof(Vec) / sizeof(float);
  constexpr int64_t kFlopsPerCall = kIterationsPerCall * kChains * Lanes * 2;
  const float a = 1e-3f;
  for (int i = 0; i < 64; ++i) g_sink = g_sink + run_chains<Vec>(a);  // warm-up: clock ramp, V8's tier-up
  PeakFlops best;
  for (int w = 0; w < windows; ++w) {
    const double start = monotonic_ms();
    int64_t calls = 0;
    double seconds = 0.0;
    do {
      g_sink = g_sink + run_chains<Vec>(a);
      ++calls;
      seconds = (monotonic_ms() - start) * 1e-3;
    } while (seconds < window_ms * 1e-3);
    const double gflops = double(calls * kFlopsPerCall) / seconds * 1e-9;
    if (gflops > best.gflops) best = {gflops, calls * kFlopsPerCall, seconds};
  }
  return best;
}

}  // namespace

PeakFlops peak_flops_f32x4(double window_ms, int windows) { return measure<F32x4>(window_ms, windows); }
PeakFlops peak_flops_f32x8(double window_ms, int windows) { return measure<F32x8>(window_ms, windows); }

}  // namespace actlab
