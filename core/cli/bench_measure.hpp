#pragma once
// What `actlab bench` measures, apart from how it prints it: training throughput and 256x256
// grid forward time of the core against the plain scalar baseline, on one fixed workload, plus
// a cross-check that the two compute the same thing.
#include <cstdint>
#include <vector>

#include "config.hpp"

namespace actlab::cli {

// The workload of TOOLCHAIN.md's comparison table: MLP 2-16-16-2, tanh, softmax cross-entropy,
// SGD lr 0.03, batch 10, 500-point two-arm spiral (noise 0.1, seed 1). test_fraction is 0, so
// all 500 points are training points (the test split does not change the cost of a step).
LabConfig bench_config();

struct BenchSettings {
  double train_seconds = 1.0;  // length of one timed training run
  int train_runs = 5;          // timed training runs per implementation
  double grid_seconds = 1.0;   // total time budget for the grid runs of one implementation
  int min_grid_runs = 10, max_grid_runs = 500;
  int grid_side = 256;
  int64_t steps_per_call = 1000;  // core steps per Network::train call, as a worker would
  int check_steps = 500;          // steps of the core/baseline cross-check
};
BenchSettings quick_bench_settings();

// One figure over several runs, in the figure's unit, in run order: from wall-clock time, and
// from this process's CPU time (which other work on a busy machine does not inflate as much).
struct Timings {
  std::vector<double> runs, cpu_runs;
  double median() const { return median_of(runs); }
  double cpu_median() const { return median_of(cpu_runs); }
  double best(bool higher_is_better) const;
  static double median_of(std::vector<double> values);
};

struct ThroughputResult {
  int64_t steps_per_run = 0;
  Timings samples_per_second;
};

struct GridResult {
  Timings ms_per_grid;
};

struct CrossCheck {
  int steps = 0;
  double max_param_diff = 0;      // after `steps` steps from the same initial weights and batches
  double core_train_loss = 0, baseline_train_loss = 0;  // mean over the training set afterwards
  double max_grid_prob_diff = 0;  // largest probability difference over the 256x256 grid
};

// FLOPs counted for the fraction of peak: 2 per multiply-add of the dense layers only (forward,
// weight gradient, and input gradient of every layer but the first); biases, activations,
// softmax, the loss and the optimizer are not counted, so the fraction is a lower bound.
// 2-16-16-2: forward 2 x (2x16 + 16x16 + 16x2) = 640, training 640 + 640 + 2 x (16x16 + 16x2) = 1856.
double dense_flops_per_forward_point(const LabConfig& config, int classes);
double dense_flops_per_training_sample(const LabConfig& config, int classes);

ThroughputResult measure_core_training(const LabConfig& config, const BenchSettings& s);
ThroughputResult measure_baseline_training(const LabConfig& config, const BenchSettings& s);
GridResult measure_core_grid(const LabConfig& config, const BenchSettings& s);
GridResult measure_baseline_grid(const LabConfig& config, const BenchSettings& s);
CrossCheck cross_check(const LabConfig& config, const BenchSettings& s);

}  // namespace actlab::cli
