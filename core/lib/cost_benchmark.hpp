#pragma once
// The measured cost of each activation: nanoseconds per element for the forward pass and for
// forward + backward, with the lab's own vectorised kernels and with the textbook libm versions,
// timed over a buffer large enough to be stable. Run it in the reader's browser or natively.
//
// How it is timed, so that the figures can be trusted on a shared, noisy machine:
// - one untimed warm-up round first (caches, branch predictors, the CPU's clock);
// - then `repeats` rounds; each round times one window of every (activation, figure) pair, with
//   the activations in a rotated order (round r starts at activation r), so a slow spell of the
//   machine or a position in the order hits every activation alike instead of one;
// - each figure is the median of its rounds' windows; its spread is (max - min) / median.
#include <cstdint>
#include <string>
#include <vector>

#include "deadline.hpp"

namespace actlab {

struct ActivationCost {
  std::string name;
  double forward_ns = 0, forward_backward_ns = 0;          // fast kernels, per element (medians)
  double libm_forward_ns = 0, libm_forward_backward_ns = 0; // libm reference, per element (medians)
  // (max - min) / median of the rounds' windows, per figure: 0.05 means the rounds spread over 5%.
  double forward_spread = 0, forward_backward_spread = 0;
  double libm_forward_spread = 0, libm_forward_backward_spread = 0;
  // The timed rounds the figures are over: settings.repeats, or fewer when a deadline cut it short.
  int rounds = 0;
};

inline constexpr int kMinCostElements = 1024, kMaxCostElements = 1 << 22, kMaxCostRepeats = 100;

struct CostSettings {
  int elements = 16384;  // buffer length, [1024, 1 << 22]
  int repeats = 5;       // timed rounds, the median taken; [1, 100]
  double window_ms = 2;  // each window repeats the pass until this much time has passed; [0.1, 1000]
                         // (browsers round timers to 0.1 ms, so one pass alone cannot be timed)
  std::vector<std::string> activations;  // table names to measure, in table order; empty: all
};

// Inputs are drawn from U(-6, 6) with Pcg32(1, bench). Validates settings (an unknown activation
// name throws naming "activations"). Stops early once `deadline` passes (checked before and during
// every window): the result then holds only the activations with at least one complete round of
// all four figures, each with its `rounds`.
std::vector<ActivationCost> measure_activation_costs(const CostSettings& settings, const Deadline& deadline = {});

}  // namespace actlab
