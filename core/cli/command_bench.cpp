// actlab bench: the core against a plain scalar baseline on one fixed workload (training
// samples/s, 256x256 grid forward ms), a cross-check that both compute the same thing, and the
// activation cost table. Prints the command line and the machine next to the figures.
#include <iostream>

#include "bench_measure.hpp"
#include "commands.hpp"
#include "config_io.hpp"
#include "cost_benchmark.hpp"
#include "json_writer.hpp"
#include "machine_info.hpp"
#include "peak_flops.hpp"
#include "text_table.hpp"

namespace actlab::cli {
namespace {

// Issue 10's targets (for the core natively and in wasm alike).
constexpr double kTargetSamplesPerSecond = 6e6;
constexpr double kTargetGridMs = 2.5;      // tanh
constexpr double kTargetReluGridMs = 2.0;  // the same network with ReLU

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

constexpr const char* kWorkload =
    "MLP 2-16-16-2, tanh hidden layers, softmax cross-entropy, SGD lr 0.03, batch 10, "
    "500-point two-arm spiral (noise 0.1, seed 1), test_fraction 0: all 500 points train";

void write_timings(JsonWriter& json, const Timings& t, const char* unit, bool higher_is_better) {
  json.begin_object()
      .field("median", t.median())
      .field("best", t.best(higher_is_better))
      .field("cpu_time_median", t.cpu_median())
      .field("unit", unit)
      .array_field("runs", t.runs)
      .array_field("cpu_time_runs", t.cpu_runs)
      .end_object();
}

// The report as one JSON object, a function per section (the field order is the output's).
void write_machine(JsonWriter& json, const BenchReport& r) {
  json.key("machine")
      .begin_object()
      .field("nproc", r.machine.nproc)
      .field("cpu", r.machine.cpu)
      .field("compiler", r.machine.compiler)
      .field("optimised", r.machine.optimised)
      .field("assertions", r.machine.assertions);
  if (r.machine.load_average >= 0) {
    json.field("load_average", r.machine.load_average);
  } else {
    json.null_field("load_average");
  }
  json.end_object();
  json.key("workload").begin_object().field("description", kWorkload).key("config");
  write_config(json, r.config);
  json.end_object();
}

void write_speeds(JsonWriter& json, const BenchReport& r) {
  const Timings &ct = r.core_train.samples_per_second, &bt = r.baseline_train.samples_per_second;
  const Timings &cg = r.core_grid.ms_per_grid, &bg = r.baseline_grid.ms_per_grid;
  json.key("training").begin_object().field("steps_per_call", r.settings.steps_per_call);
  json.field("core_steps_per_run", r.core_train.steps_per_run).key("core");
  write_timings(json, ct, "samples/s", true);
  json.field("baseline_steps_per_run", r.baseline_train.steps_per_run).key("baseline");
  write_timings(json, bt, "samples/s", true);
  json.field("ratio_core_over_baseline_median", ct.median() / bt.median())
      .field("ratio_core_over_baseline_best", ct.best(true) / bt.best(true))
      .end_object();

  json.key("grid").begin_object().field("width", r.settings.grid_side).field("height", r.settings.grid_side);
  json.key("core");
  write_timings(json, cg, "ms", false);
  json.key("baseline");
  write_timings(json, bg, "ms", false);
  json.field("ratio_core_over_baseline_median", cg.median() / bg.median())
      .field("speedup_median", bg.median() / cg.median())
      .field("speedup_best", bg.best(false) / cg.best(false))
      .end_object();

  json.key("grid_relu").begin_object().field("activation", "relu").key("core");
  write_timings(json, r.core_relu_grid.ms_per_grid, "ms", false);
  json.end_object();
}

void write_peak(JsonWriter& json, const BenchReport& r) {
  const double cells = double(r.settings.grid_side) * r.settings.grid_side;
  const double train_gflops = r.core_train.samples_per_second.median() * r.train_flops_per_sample * 1e-9;
  const double grid_gflops = cells * r.grid_flops_per_point / (r.core_grid.ms_per_grid.median() * 1e-3) * 1e-9;
  const double relu_gflops = cells * r.grid_flops_per_point / (r.core_relu_grid.ms_per_grid.median() * 1e-3) * 1e-9;
  json.key("peak")
      .begin_object()
      .field("kernel", "12 independent f32x4 chains acc = acc * m + a (core/lib/peak_flops.hpp), fastest window")
      .field("gflops_f32x4", r.peak_f32x4.gflops)
      .field("gflops_f32x8", r.peak_f32x8.gflops)
      .field("flop_counting",
             "2 per multiply-add of the dense layers only (forward, weight and input gradients); "
             "activations, softmax, loss and optimizer not counted")
      .field("training_flops_per_sample", r.train_flops_per_sample)
      .field("grid_flops_per_point", r.grid_flops_per_point)
      .field("training_gflops", train_gflops)
      .field("grid_gflops", grid_gflops)
      .field("grid_relu_gflops", relu_gflops)
      .field("training_fraction_of_f32x4_peak", train_gflops / r.peak_f32x4.gflops)
      .field("grid_fraction_of_f32x4_peak", grid_gflops / r.peak_f32x4.gflops)
      .field("grid_relu_fraction_of_f32x4_peak", relu_gflops / r.peak_f32x4.gflops)
      .end_object();
}

void write_checks_and_costs(JsonWriter& json, const BenchReport& r) {
  json.key("cross_check")
      .begin_object()
      .field("steps", r.check.steps)
      .field("max_param_diff", r.check.max_param_diff)
      .field("core_train_loss", r.check.core_train_loss)
      .field("baseline_train_loss", r.check.baseline_train_loss)
      .field("max_grid_prob_diff", r.check.max_grid_prob_diff)
      .end_object();

  json.key("activation_costs")
      .begin_object()
      .field("elements", r.cost_settings.elements)
      .field("repeats", r.cost_settings.repeats)
      .field("window_ms", r.cost_settings.window_ms)
      .field("unit", "ns/element, median of `repeats` interleaved rounds of one window_ms window each; spread = (max - min) / median")
      .key("rows")
      .begin_array();
  for (const auto& c : r.costs) json.begin_object().fields(c, cost_fields()).end_object();
  json.end_array().end_object();
}

void write_targets(JsonWriter& json, const BenchReport& r) {
  const double samples = r.core_train.samples_per_second.median(), grid_ms = r.core_grid.ms_per_grid.median();
  json.key("targets")
      .begin_object()
      .field("samples_per_second_min", kTargetSamplesPerSecond)
      .field("grid_ms_max", kTargetGridMs)
      .field("grid_relu_ms_max", kTargetReluGridMs)
      .field("samples_per_second_met", samples >= kTargetSamplesPerSecond)
      .field("grid_ms_met", grid_ms <= kTargetGridMs)
      .field("grid_relu_ms_met", r.core_relu_grid.ms_per_grid.median() <= kTargetReluGridMs)
      .field("judged_on", "median")
      .end_object();
}

void write_json(const BenchReport& r) {
  JsonWriter json(std::cout);
  json.begin_object().field("command", "bench").field("command_line", r.command_line).field("quick", r.quick);
  write_machine(json, r);
  write_speeds(json, r);
  write_peak(json, r);
  write_checks_and_costs(json, r);
  write_targets(json, r);
  json.end_object().end_line();
}

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
