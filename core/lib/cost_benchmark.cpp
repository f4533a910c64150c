#include "cost_benchmark.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>

#include "field_error.hpp"
#include "monotonic_clock.hpp"

#include "activations.hpp"
#include "config.hpp"
#include "rng.hpp"

namespace actlab {
namespace {

// A value the compiler cannot prove unused, so timed loops are not optimised away.
volatile float g_sink = 0.0f;

// Runs pass() repeatedly until window_ms has elapsed (or the deadline has passed); returns
// nanoseconds per pass. Whole windows, not single passes, so coarse timers still give real figures.
template <class Pass>
double window_ns_per_pass(double window_ms, const Deadline& deadline, Pass&& pass) {
  const double start = monotonic_ms();
  int64_t passes = 0;
  double elapsed_ns = 0.0;
  do {
    pass();
    ++passes;
    elapsed_ns = (monotonic_ms() - start) * 1e6;
  } while (elapsed_ns < window_ms * 1e6 && !deadline.passed());
  return elapsed_ns / double(passes);
}

struct Summary {
  double median, spread;
};

Summary summarise(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  const size_t n = samples.size();
  const double median = n % 2 ? samples[n / 2] : 0.5 * (samples[n / 2 - 1] + samples[n / 2]);
  return {median, median > 0 ? (samples.back() - samples.front()) / median : 0.0};
}

// The four figures of one activation, in the order they are timed within a round.
enum Figure { kForward, kForwardBackward, kLibmForward, kLibmForwardBackward, kFigures };

std::vector<const ActivationSpec*> chosen_activations(const CostSettings& s) {
  std::vector<const ActivationSpec*> out;
  for (const auto& spec : activation_table()) {
    const bool wanted = s.activations.empty() ||
                        std::find(s.activations.begin(), s.activations.end(), spec.name) != s.activations.end();
    if (wanted) out.push_back(&spec);
  }
  for (const auto& name : s.activations) parse_activation(name, "activations");  // names the bad one
  return out;
}

}  // namespace

std::vector<ActivationCost> measure_activation_costs(const CostSettings& s, const Deadline& deadline) {
  if (s.elements < kMinCostElements || s.elements > kMaxCostElements)
    throw_out_of_range("elements", s.elements, kMinCostElements, kMaxCostElements);
  if (s.repeats < 1 || s.repeats > kMaxCostRepeats) throw_out_of_range("repeats", s.repeats, 1, kMaxCostRepeats);
  if (!(s.window_ms >= 0.1 && s.window_ms <= 1000)) throw_out_of_range("window_ms", s.window_ms, 0.1, 1000);
  const auto specs = chosen_activations(s);
  const auto n = static_cast<size_t>(s.elements);
  std::vector<float> z(n), y(n), dy(n), dz(n);
  Pcg32 rng(1, RngStream::bench);
  for (size_t i = 0; i < n; ++i) {
    z[i] = rng.uniform(-6.0f, 6.0f);
    dy[i] = rng.uniform(-1.0f, 1.0f);
  }

  const auto time_figure = [&](const ActivationSpec& spec, int figure, double window_ms) {
    const bool libm = figure == kLibmForward || figure == kLibmForwardBackward;
    const bool backward = figure == kForwardBackward || figure == kLibmForwardBackward;
    const ForwardKernel fwd = libm ? spec.ref_forward : spec.forward;
    const BackwardKernel bwd = libm ? spec.ref_backward : spec.backward;
    const float p = spec.param_default;
    return window_ns_per_pass(window_ms, deadline, [&] {
      fwd(z.data(), y.data(), n, p, nullptr);
      if (backward) bwd(z.data(), y.data(), dy.data(), dz.data(), n, p, nullptr);
      g_sink = g_sink + (backward ? dz[n / 2] : y[n / 2]);
    });
  };

  const size_t count = specs.size();
  // samples[activation][figure][round], ns per element.
  std::vector<std::array<std::vector<double>, kFigures>> samples(count);
  const double warm_up_ms = std::min(s.window_ms, 1.0);
  for (const auto* spec : specs)
    for (int f = 0; f < kFigures && !deadline.passed(); ++f) time_figure(*spec, f, warm_up_ms);
  const auto time_rounds = [&] {
    for (int round = 0; round < s.repeats; ++round) {
      for (size_t k = 0; k < count; ++k) {
        const size_t a = (k + static_cast<size_t>(round)) % count;
        for (int f = 0; f < kFigures; ++f) {
          if (deadline.passed()) return;
          samples[a][f].push_back(time_figure(*specs[a], f, s.window_ms) / double(n));
        }
      }
    }
  };
  time_rounds();

  std::vector<ActivationCost> out;
  for (size_t a = 0; a < count; ++a) {
    // Complete rounds only: a cut round's figures would not be over the same rounds.
    size_t rounds = samples[a][0].size();
    for (auto& figure : samples[a]) rounds = std::min(rounds, figure.size());
    if (rounds == 0) continue;
    for (auto& figure : samples[a]) figure.resize(rounds);
    ActivationCost cost;
    cost.name = specs[a]->name;
    cost.rounds = static_cast<int>(rounds);
    const Summary f = summarise(samples[a][kForward]), fb = summarise(samples[a][kForwardBackward]);
    const Summary lf = summarise(samples[a][kLibmForward]), lfb = summarise(samples[a][kLibmForwardBackward]);
    cost.forward_ns = f.median, cost.forward_spread = f.spread;
    cost.forward_backward_ns = fb.median, cost.forward_backward_spread = fb.spread;
    cost.libm_forward_ns = lf.median, cost.libm_forward_spread = lf.spread;
    cost.libm_forward_backward_ns = lfb.median, cost.libm_forward_backward_spread = lfb.spread;
    out.push_back(cost);
  }
  return out;
}

}  // namespace actlab
