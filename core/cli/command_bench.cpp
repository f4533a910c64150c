// actlab bench: the core against a plain scalar baseline on one fixed workload (training
// samples/s, 256x256 grid forward ms), a cross-check that both compute the same thing, and the
// activation cost table. Prints the command line and the machine next to the figures.
#include <iostream>

#include "bench_report.hpp"
#include "commands.hpp"
#include "config_io.hpp"
#include "cost_benchmark.hpp"
#include "json_writer.hpp"
#include "machine_info.hpp"
#include "peak_flops.hpp"
#include "text_table.hpp"

namespace actlab::cli {
namespace {

std::string thousands(double v) {
  std::string digits = fixed(v, 0), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += ',';
    out += digits[i];
  }
  return out;
}

std::string times(double ratio) { return fixed(ratio, 2) + "x"; }

void print_text(const BenchReport& r) {
  const Timings &ct = r.core_train.samples_per_second, &bt = r.baseline_train.samples_per_second;
  const Timings &cg = r.core_grid.ms_per_grid, &bg = r.baseline_grid.ms_per_grid;
  std::cout << "command:  " << r.command_line << "\n"
            << "machine:  " << r.machine.nproc << " CPU(s) usable (nproc), " << r.machine.cpu;
  if (r.machine.load_average >= 0) {
    std::cout << ", load average " << fixed(r.machine.load_average, 2) << " at start";
    if (r.machine.load_average > r.machine.nproc) std::cout << " (busy: figures are shared with other work)";
  }
  std::cout << "\n"
            << "compiler: " << r.machine.compiler << (r.machine.optimised ? ", optimised" : ", NOT optimised")
            << (r.machine.assertions ? ", assertions on" : "") << "\n"
            << "workload: " << kWorkload << "\n"
            << "config:   " << config_as_flags(r.config) << "\n"
            << "baseline: plain_mlp_baseline.cpp, point-major, nested std::vector weights, std::tanh/std::exp\n\n";

  std::cout << "training throughput, samples/s (" << r.settings.train_runs << " runs of ~"
            << fixed(r.settings.train_seconds, 2) << " s; core " << r.settings.steps_per_call
            << " steps per Network::train call)\n";
  TextTable train({"", "median", "best", "median (CPU time)"});
  train.add({"core", thousands(ct.median()), thousands(ct.best(true)), thousands(ct.cpu_median())});
  train.add({"baseline", thousands(bt.median()), thousands(bt.best(true)), thousands(bt.cpu_median())});
  train.add({"core/baseline", times(ct.median() / bt.median()), times(ct.best(true) / bt.best(true)),
             times(ct.cpu_median() / bt.cpu_median())});
  train.print(std::cout, "  ");

  std::cout << "\nforward pass over a " << r.settings.grid_side << "x" << r.settings.grid_side
            << " grid, ms per grid (core " << cg.runs.size() << " runs, baseline " << bg.runs.size() << " runs)\n";
  TextTable grid({"", "median", "best", "median (CPU time)"});
  grid.add({"core", fixed(cg.median(), 3), fixed(cg.best(false), 3), fixed(cg.cpu_median(), 3)});
  grid.add({"baseline", fixed(bg.median(), 3), fixed(bg.best(false), 3), fixed(bg.cpu_median(), 3)});
  grid.add({"core/baseline", fixed(cg.median() / bg.median(), 3), fixed(cg.best(false) / bg.best(false), 3),
            fixed(cg.cpu_median() / bg.cpu_median(), 3)});
  grid.print(std::cout, "  ");
  std::cout << "  the core is " << times(bg.median() / cg.median()) << " faster (medians)\n";

  const Timings& rg = r.core_relu_grid.ms_per_grid;
  std::cout << "  the same network with ReLU (core): median " << fixed(rg.median(), 3) << " ms, best "
            << fixed(rg.best(false), 3) << " ms, median CPU time " << fixed(rg.cpu_median(), 3) << " ms\n";

  const double cells = double(r.settings.grid_side) * r.settings.grid_side;
  const double peak = r.peak_f32x4.gflops;
  const double train_gflops = ct.median() * r.train_flops_per_sample * 1e-9;
  const double grid_gflops = cells * r.grid_flops_per_point / (cg.median() * 1e-3) * 1e-9;
  const double relu_gflops = cells * r.grid_flops_per_point / (rg.median() * 1e-3) * 1e-9;
  std::cout << "\npeak (12 independent mul+add chains, fastest window): f32x4 " << fixed(peak, 1) << " GFLOP/s, f32x8 "
            << fixed(r.peak_f32x8.gflops, 1) << " GFLOP/s\n"
            << "  FLOPs counted: 2 per multiply-add of the dense layers only (" << fixed(r.train_flops_per_sample, 0)
            << " per training sample, " << fixed(r.grid_flops_per_point, 0) << " per grid point)\n"
            << "  training " << fixed(train_gflops, 2) << " GFLOP/s = " << fixed(100 * train_gflops / peak, 1)
            << "% of f32x4 peak; grid tanh " << fixed(grid_gflops, 2) << " GFLOP/s = " << fixed(100 * grid_gflops / peak, 1)
            << "%; grid ReLU " << fixed(relu_gflops, 2) << " GFLOP/s = " << fixed(100 * relu_gflops / peak, 1) << "%\n";

  std::cout << "\ncross-check after " << r.check.steps << " steps from the same weights and batches: "
            << "max |param diff| " << scientific(r.check.max_param_diff) << ", train loss core "
            << fixed(r.check.core_train_loss, 6) << " / baseline " << fixed(r.check.baseline_train_loss, 6)
            << ", max grid probability diff " << scientific(r.check.max_grid_prob_diff) << "\n";

  std::cout << "\nactivation cost, ns per element (" << r.cost_settings.elements << " elements, median of "
            << r.cost_settings.repeats << " interleaved rounds, one window of " << r.cost_settings.window_ms << " ms each)\n";
  TextTable costs({"activation", "forward", "fwd+bwd", "libm fwd", "libm fwd+bwd", "libm/fast fwd"});
  for (const auto& c : r.costs)
    costs.add({c.name, fixed(c.forward_ns, 3), fixed(c.forward_backward_ns, 3), fixed(c.libm_forward_ns, 3),
               fixed(c.libm_forward_backward_ns, 3), times(c.libm_forward_ns / c.forward_ns)});
  costs.print(std::cout, "  ");

  const bool train_met = ct.median() >= kTargetSamplesPerSecond, grid_met = cg.median() <= kTargetGridMs;
  const bool relu_met = rg.median() <= kTargetReluGridMs;
  std::cout << "\ntargets (medians): >= " << thousands(kTargetSamplesPerSecond) << " samples/s: "
            << (train_met ? "met" : "NOT met") << " (" << thousands(ct.median()) << "); <= " << fixed(kTargetGridMs, 1)
            << " ms per tanh grid: " << (grid_met ? "met" : "NOT met") << " (" << fixed(cg.median(), 3) << " ms); <= "
            << fixed(kTargetReluGridMs, 1) << " ms per ReLU grid: " << (relu_met ? "met" : "NOT met") << " ("
            << fixed(rg.median(), 3) << " ms)\n";
  if (r.quick) std::cout << "(--quick: short timings, for tests; run without --quick for figures to quote)\n";
}

}  // namespace

const CommandSpec& bench_spec() {
  static const CommandSpec spec{
      "bench",
      "actlab bench [--json] [--quick]",
      "time the core against a plain scalar baseline, and every activation's cost",
      "Measures, on the workload MLP 2-16-16-2, tanh, softmax cross-entropy, SGD lr 0.03, batch 10,\n"
      "500-point two-arm spiral (test_fraction 0: all 500 points train):\n"
      "  1. training throughput in samples/s (5 runs of ~1 s each; median and best);\n"
      "  2. the forward pass over a 256x256 grid via Network::predict_grid, ms per grid (tanh, and\n"
      "     the same network with ReLU);\n"
      "  3. the same two figures for plain_mlp_baseline.cpp (point-major, nested std::vector\n"
      "     weights, std::tanh/std::exp) and the ratio core/baseline, plus a cross-check that both\n"
      "     reach the same weights from the same start and batches;\n"
      "  4. the activation cost table (actlab::measure_activation_costs): ns per element, forward\n"
      "     and forward+backward, the lab's kernels against libm, for every activation;\n"
      "  5. the f32x4 (and f32x8) multiply-add peak of core/lib/peak_flops.hpp, and the fraction of\n"
      "     it that training and the grids reach (FLOPs: 2 per multiply-add of the dense layers).\n"
      "Takes about 15 s; --quick takes well under a second and its figures are rough.",
      {{"json", "", "one JSON object instead of text"},
       {"quick", "", "short timings (for tests)"}},
  };
  return spec;
}

int run_bench(std::span<const std::string> args) {
  const auto parsed = parse_args(bench_spec(), args, std::cout);
  if (!parsed) return kExitOk;
  BenchReport r;
  r.command_line = "actlab bench";
  for (const auto& arg : args) r.command_line += " " + arg;
  r.quick = parsed->has("quick");
  r.machine = machine_info();
  r.config = bench_config();
  r.settings = r.quick ? quick_bench_settings() : BenchSettings{};
  if (r.quick) r.cost_settings = CostSettings{4096, 3, 0.5, {}};
  r.core_train = measure_core_training(r.config, r.settings);
  r.baseline_train = measure_baseline_training(r.config, r.settings);
  r.core_grid = measure_core_grid(r.config, r.settings);
  r.baseline_grid = measure_baseline_grid(r.config, r.settings);
  LabConfig relu = r.config;
  relu.activation = ActivationId::relu;
  r.core_relu_grid = measure_core_grid(relu, r.settings);
  r.check = cross_check(r.config, r.settings);
  r.peak_f32x4 = r.quick ? peak_flops_f32x4(2, 5) : peak_flops_f32x4(5, 50);
  r.peak_f32x8 = r.quick ? peak_flops_f32x8(2, 5) : peak_flops_f32x8(5, 50);
  r.train_flops_per_sample = dense_flops_per_training_sample(r.config, r.config.classes);
  r.grid_flops_per_point = dense_flops_per_forward_point(r.config, r.config.classes);
  r.costs = measure_activation_costs(r.cost_settings);
  if (parsed->has("json")) {
    write_json(r);
  } else {
    print_text(r);
  }
  return kExitOk;
}

}  // namespace actlab::cli
