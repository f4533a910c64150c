#pragma once
// One sweep job's rows: the network of one (config, seed) trained checkpoint by checkpoint, and at
// each checkpoint one row with what `actlab train --json --steps <checkpoint>` reports for that
// config (config, steps_requested, steps, diverged, diverged_at, metrics, last_batch_loss, point
// counts, batch, param_count; not its timings, which would make rows depend on the machine and the
// thread count) plus a diagnostics summary (diagnostics_summary.hpp). Training runs in calls of
// the same 100 steps as train, and neither evaluation nor diagnosis changes a network's state, so
// a row holds the same numbers as train's output.
#include <string>
#include <vector>

#include "sweep_plan.hpp"

namespace actlab::cli {

enum class RowFormat { json, csv };

// The CSV header line (with its newline).
std::string csv_header();

// The start of row `k` of `job`: its number, config and step, everything that is fixed before
// training. A resumed sweep checks each row it keeps against this prefix.
std::string row_prefix(const SweepPlan& plan, size_t job, size_t k, RowFormat format);

// Trains the job and returns its rows in checkpoint order, each ending in a newline.
std::vector<std::string> run_job(const SweepPlan& plan, size_t job, RowFormat format);

}  // namespace actlab::cli
