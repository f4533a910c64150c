// actlab sweep: trains a grid of configs over a list of seeds, on every core, and writes one row
// per (config, seed, checkpoint) as JSON lines or CSV (sweep_plan.hpp says how rows are numbered,
// sweep_rows.hpp what a row holds). Output order is row order, for any thread count; --shard runs
// every n-th job, so shards sorted by row number concatenate to the unsharded output; --resume
// appends only the rows a file lacks.
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "network.hpp"
#include "sweep_plan.hpp"
#include "sweep_progress.hpp"
#include "sweep_resume.hpp"
#include "sweep_rows.hpp"
#include "sweep_runner.hpp"

namespace actlab::cli {
namespace {

// Above this many optimizer steps (jobs x steps, this shard's) a sweep asks for --yes: five to ten
// minutes on one core for the default 5 x 8 net; a typo in --seeds or --steps is caught before hours.
constexpr double kAskAboveSteps = 1e8;
// Or above this many runs: each also draws its data and evaluates and diagnoses it at every
// checkpoint, which short runs make the larger part of the work.
constexpr size_t kAskAboveRuns = 1'000'000;
constexpr int kMaxThreads = 1024;

int default_threads() { return std::max(1, int(std::thread::hardware_concurrency())); }

// Seconds per run of the first job's config, from a short timed run of it (its data, a
// 300-step slice of its training scaled to its steps, one evaluation and diagnosis per checkpoint).
double seconds_per_run(const SweepPlan& plan, size_t job) {
  const auto start = std::chrono::steady_clock::now();
  const LabConfig config = plan.job_config(job);
  Network network(config, make_shared_dataset(config));
  const int slice = int(std::min<int64_t>(300, plan.steps));
  network.train(slice);
  const auto trained = std::chrono::steady_clock::now();
  network.evaluate();
  diagnose(network);
  const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  const double checkpoint_seconds = seconds(trained, std::chrono::steady_clock::now());
  return seconds(start, trained) / slice * double(plan.steps) + checkpoint_seconds * double(plan.rows_per_job());
}

void refuse_large_sweep(const SweepPlan& plan, const std::vector<size_t>& jobs, int threads) {
  const double steps = double(jobs.size()) * double(plan.steps);
  const double eta = double(jobs.size()) * seconds_per_run(plan, jobs.front()) / threads;
  throw UsageError("this sweep is " + std::to_string(jobs.size()) + " runs x " + std::to_string(plan.steps) +
                   " steps (" + format_number(steps) + " optimizer steps; without asking, a sweep runs up to " +
                   format_number(kAskAboveSteps) + " steps and " + std::to_string(kAskAboveRuns) + " runs), about " +
                   duration_text(eta) + " on " + std::to_string(threads) + " threads; add --yes to run it");
}

}  // namespace

const CommandSpec& sweep_spec() {
  static const CommandSpec spec{
      "sweep",
      "actlab sweep [--set 'field=v1;v2'...] [--seeds 1-20] [--steps N] [--every K] [--csv] [--threads T]\n"
      "                    [--shard i/n] [--resume FILE] [--yes] [--<field> value...]",
      "train a grid of configs over many seeds on every core; one row per checkpoint",
      "Trains every combination of the --set values (one --set per field, values separated by ';' so\n"
      "lists keep their commas) for every seed, and writes one row per config, seed and checkpoint\n"
      "(steps K, 2K, ... and N), e.g.\n"
      "  actlab sweep --set 'activation=sigmoid;tanh;relu' --set 'hidden=8,8;8,8,8,8,8' \\\n"
      "               --seeds 1-20 --steps 5000 --every 500 > sweep.jsonl\n"
      "A row holds what 'actlab train --json --steps <checkpoint>' prints for its config (not the\n"
      "timings), a row number first, and diagnostics {first_last_grad_ratio, zero_fraction, dead_units,\n"
      "saturated_fraction} (hidden layers pooled). Rows come in row-number order whatever --threads is,\n"
      "and the bits do not depend on it. --shard i/n runs jobs i, i+n, ...: the shards' outputs,\n"
      "concatenated and sorted by row (sort -n -t: -k2,2 for JSON lines), are the unsharded output.\n"
      "--resume FILE writes to FILE, first keeping the rows it holds (a cut-off last line is dropped),\n"
      "so rerunning a killed sweep finishes it. Other config fields are fixed with --<field> value.\n"
      "Above 1e8 optimizer steps or 1e6 runs it prints its size and ETA and runs only with --yes.",
      {{"set", "FIELD=V1;V2", "sweep a config field over these values (repeat for more fields)", true},
       {"seeds", "LIST", "seeds: ranges and lists, e.g. 1-20 or 1,4,9 or 1-5,10 (default 1)"},
       {"steps", "N", "optimizer steps per run, 1-100000000 (default 1000)"},
       {"every", "K", "also write a row every K steps (default: only at N)"},
       {"csv", "", "CSV with a header instead of JSON lines"},
       {"threads", "T", "worker threads, 1-1024 (default: all cores)"},
       {"shard", "I/N", "run only shard I of N (0 <= I < N): every N-th run"},
       {"resume", "FILE", "write to FILE, keeping the rows it already holds"},
       {"yes", "", "run a sweep above the size that asks first"}},
      true,
  };
  return spec;
}

int run_sweep(std::span<const std::string> args) {
  const auto parsed = parse_args(sweep_spec(), args, std::cout);
  if (!parsed) return kExitOk;
  const SweepPlan plan = make_plan(*parsed);
  const RowFormat format = parsed->has("csv") ? RowFormat::csv : RowFormat::json;
  const auto threads_text = parsed->value("threads");
  const int threads = threads_text ? int(parse_integer("threads", *threads_text, 1, kMaxThreads)) : default_threads();
  const Shard shard = parsed->value("shard") ? parse_shard(*parsed->value("shard")) : Shard{};
  const auto resume_path = parsed->value("resume");
  const ResumeState present = resume_path ? read_resume_file(*resume_path, plan, format) : ResumeState{};

  std::vector<size_t> jobs;
  const size_t rows_per_job = plan.rows_per_job();
  for (size_t job = 0; job < plan.job_count(); ++job) {
    if (!shard.owns(job)) continue;
    for (size_t k = 0; k < rows_per_job; ++k)
      if (!present.rows.contains(job * rows_per_job + k)) {
        jobs.push_back(job);
        break;
      }
  }
  const bool large = double(jobs.size()) * double(plan.steps) > kAskAboveSteps || jobs.size() > kAskAboveRuns;
  if (large && !parsed->has("yes"))
    refuse_large_sweep(plan, jobs, threads);

  std::ofstream file;
  if (resume_path) {
    file.open(*resume_path, std::ios::app | std::ios::binary);
    if (!file) throw UsageError("resume: cannot write " + *resume_path);
  }
  std::ostream& out = resume_path ? static_cast<std::ostream&>(file) : std::cout;
  if (format == RowFormat::csv && !present.has_header) out << csv_header() << std::flush;
  ProgressBar progress(jobs.size(), stderr_is_terminal());
  run_in_order(
      jobs, std::min<int>(threads, int(std::max<size_t>(jobs.size(), 1))),
      [&](size_t job) { return run_job(plan, job, format); },
      [&](size_t job, const JobResult& rows) {
        for (size_t k = 0; k < rows.size(); ++k)
          if (!present.rows.contains(job * rows_per_job + k)) out << rows[k];
        out.flush();  // a killed sweep keeps every finished job
        progress.advance();
      });
  progress.finish();
  return kExitOk;
}

}  // namespace actlab::cli
