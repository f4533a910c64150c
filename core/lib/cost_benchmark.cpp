#include "cost_benchmark.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "field_error.hpp"
#include <tuple>

#include "activations.hpp"
#include "config.hpp"
#include "rng.hpp"

namespace actlab {
namespace {

// A value the compiler cannot prove unused, so timed loops are not optimised away.
volatile float g_sink = 0.0f;

// Runs pass() repeatedly until window_ms has elapsed, `repeats` times; returns the fastest window's
// time per element. Whole windows, not single passes, so coarse timers still give real figures.
template <class Pass>
double best_ns_per_element(const CostSettings& s, size_t n, Pass pass) {
  using Clock = std::chrono::steady_clock;
  double best = 1e300;
  for (int r = 0; r < s.repeats; ++r) {
    const auto start = Clock::now();
    int64_t passes = 0;
    double elapsed_ns = 0.0;
    do {
      pass();
      ++passes;
      elapsed_ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    } while (elapsed_ns < s.window_ms * 1e6);
    best = std::min(best, elapsed_ns / double(passes));
  }
  return best / double(n);
}

}  // namespace

std::vector<ActivationCost> measure_activation_costs(const CostSettings& s) {
  if (s.elements < kMinCostElements || s.elements > kMaxCostElements)
    throw_out_of_range("elements", s.elements, kMinCostElements, kMaxCostElements);
  if (s.repeats < 1 || s.repeats > kMaxCostRepeats) throw_out_of_range("repeats", s.repeats, 1, kMaxCostRepeats);
  if (!(s.window_ms >= 0.1 && s.window_ms <= 1000)) throw_out_of_range("window_ms", s.window_ms, 0.1, 1000);
  const auto n = static_cast<size_t>(s.elements);
  std::vector<float> z(n), y(n), dy(n), dz(n);
  Pcg32 rng(1, RngStream::bench);
  for (size_t i = 0; i < n; ++i) {
    z[i] = rng.uniform(-6.0f, 6.0f);
    dy[i] = rng.uniform(-1.0f, 1.0f);
  }
  std::vector<ActivationCost> out;
  for (const auto& spec : activation_table()) {
    const float p = spec.param_default;
    const auto time = [&](ForwardKernel fwd, BackwardKernel bwd) {
      const double f = best_ns_per_element(s, n, [&] {
        fwd(z.data(), y.data(), n, p, nullptr);
        g_sink = g_sink + y[n / 2];
      });
      const double fb = best_ns_per_element(s, n, [&] {
        fwd(z.data(), y.data(), n, p, nullptr);
        bwd(z.data(), y.data(), dy.data(), dz.data(), n, p, nullptr);
        g_sink = g_sink + dz[n / 2];
      });
      return std::pair{f, fb};
    };
    ActivationCost cost;
    cost.name = spec.name;
    std::tie(cost.forward_ns, cost.forward_backward_ns) = time(spec.forward, spec.backward);
    std::tie(cost.libm_forward_ns, cost.libm_forward_backward_ns) = time(spec.ref_forward, spec.ref_backward);
    out.push_back(cost);
  }
  return out;
}

}  // namespace actlab
