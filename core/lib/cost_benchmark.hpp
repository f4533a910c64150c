#pragma once
// The measured cost of each activation: nanoseconds per element for the forward pass and for
// forward + backward, with the lab's own vectorised kernels and with the textbook libm versions,
// timed over a buffer large enough to be stable. Run it in the reader's browser or natively.
#include <cstdint>
#include <string>
#include <vector>

namespace actlab {

struct ActivationCost {
  std::string name;
  double forward_ns = 0, forward_backward_ns = 0;          // fast kernels, per element
  double libm_forward_ns = 0, libm_forward_backward_ns = 0; // libm reference, per element
};

inline constexpr int kMinCostElements = 1024, kMaxCostElements = 1 << 22, kMaxCostRepeats = 100;

struct CostSettings {
  int elements = 16384;  // buffer length, [1024, 1 << 22]
  int repeats = 3;       // timed windows per figure, the fastest taken; [1, 100]
  double window_ms = 4;  // each window repeats the pass until this much time has passed; [0.1, 1000]
                         // (browsers round timers to 0.1 ms, so one pass alone cannot be timed)
};

// Inputs are drawn from U(-6, 6) with Pcg32(1, bench). Validates settings.
std::vector<ActivationCost> measure_activation_costs(const CostSettings& settings);

}  // namespace actlab
