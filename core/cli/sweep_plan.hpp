#pragma once
// What `actlab sweep` runs: a grid of configs (the --<field> flags as the base, each --set field an
// axis) times a list of seeds, each trained to a list of checkpoints. A job is one (config, seed);
// its rows are its checkpoints. Jobs are numbered config-major (the last --set varies fastest,
// the seed fastest of all) and rows job-major, so a row's number fixes its config, seed and step
// however the work is split (threads, shards, resumed runs).
#include <cstdint>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "config.hpp"

namespace actlab::cli {

struct SweepAxis {
  std::string field;                // a config field's core name
  std::vector<std::string> values;  // as the command line spells them ("8,8", "relu")
};

struct SweepPlan {
  LabConfig base;
  std::vector<SweepAxis> axes;
  std::vector<uint32_t> seeds;
  int64_t steps = 1000;
  int64_t every = 1000;  // checkpoint spacing; the last checkpoint is always `steps`

  size_t config_count() const;
  size_t job_count() const { return config_count() * seeds.size(); }
  std::vector<int64_t> checkpoints() const;
  size_t rows_per_job() const { return checkpoints().size(); }
  LabConfig job_config(size_t job) const;
};

// --shard i/n: the jobs whose number is i modulo n.
struct Shard {
  int64_t index = 0, count = 1;
  bool owns(size_t job) const { return int64_t(job % size_t(count)) == index; }
};

// "activation=sigmoid;tanh;relu": the field must be in the field table (not seed: --seeds) and
// every value valid for it. Throws UsageError or the table's FieldError, naming the field.
SweepAxis parse_set(const std::string& text);
// "1-20", "1,5,9", "1-3,10": distinct seeds in the seed field's range, at most kMaxSeeds.
std::vector<uint32_t> parse_seeds(const std::string& text);
Shard parse_shard(const std::string& text);

// Builds the plan from parsed flags and checks every config of the grid (ranges, layer counts,
// classes for the dataset) before any training.
SweepPlan make_plan(const ParsedArgs& args);

}  // namespace actlab::cli
