// actlab bench --json: the report as one JSON object, a function per section (the field order is
// the output's, which scripts/bench.mjs and the tests read).
#include <iostream>

#include "bench_report.hpp"
#include "config_io.hpp"
#include "json_writer.hpp"
#include "output_fields.hpp"

namespace actlab::cli {
namespace {

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

}  // namespace

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

}  // namespace actlab::cli
