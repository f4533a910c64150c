// actlab bench's report: what it measured (BenchReport), the goals it is judged by, and its two
// forms: text (command_bench.cpp) and one JSON object (bench_report_json.cpp).
#pragma once

#include <string>
#include <vector>

#include "bench_measure.hpp"
#include "config.hpp"
#include "cost_benchmark.hpp"
#include "machine_info.hpp"
#include "peak_flops.hpp"

namespace actlab::cli {

// Issue 10's targets (for the core natively and in wasm alike).
inline constexpr double kTargetSamplesPerSecond = 6e6;
inline constexpr double kTargetGridMs = 2.5;      // tanh
inline constexpr double kTargetReluGridMs = 2.0;  // the same network with ReLU

struct BenchReport {
  std::string command_line;
  bool quick = false;
  MachineInfo machine;
  LabConfig config;
  BenchSettings settings;
  ThroughputResult core_train, baseline_train;
  GridResult core_grid, baseline_grid, core_relu_grid;
  PeakFlops peak_f32x4, peak_f32x8;
  double train_flops_per_sample = 0, grid_flops_per_point = 0;
  CrossCheck check;
  CostSettings cost_settings;
  std::vector<ActivationCost> costs;
};

inline constexpr const char* kWorkload =
    "MLP 2-16-16-2, tanh hidden layers, softmax cross-entropy, SGD lr 0.03, batch 10, "
    "500-point two-arm spiral (noise 0.1, seed 1), test_fraction 0: all 500 points train";

/** The report as one JSON object on stdout (actlab bench --json). */
void write_json(const BenchReport& r);

}  // namespace actlab::cli
