#include "sweep_plan.hpp"

#include <algorithm>
#include <set>

#include "config_io.hpp"
#include "network.hpp"

namespace actlab::cli {
namespace {

constexpr size_t kMaxSeeds = 1'000'000;
constexpr size_t kMaxJobs = 10'000'000;  // ~2 days on one core at 20 ms a run: beyond any sweep meant
constexpr int64_t kMaxSteps = 100'000'000;
constexpr int64_t kMaxCheckpoints = 10'000;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

}  // namespace

size_t SweepPlan::config_count() const {
  size_t n = 1;
  for (const SweepAxis& axis : axes) n *= axis.values.size();
  return n;
}

std::vector<int64_t> SweepPlan::checkpoints() const {
  std::vector<int64_t> out;
  for (int64_t step = every; step < steps; step += every) out.push_back(step);
  out.push_back(steps);
  return out;
}

LabConfig SweepPlan::job_config(size_t job) const {
  LabConfig config = base;
  size_t index = job / seeds.size();
  for (auto axis = axes.rbegin(); axis != axes.rend(); ++axis) {  // the last axis varies fastest
    set_field_from_text(config, axis->field, axis->values[index % axis->values.size()]);
    index /= axis->values.size();
  }
  config.seed = seeds[job % seeds.size()];
  return config;
}

SweepAxis parse_set(const std::string& text) {
  const size_t equals = text.find('=');
  if (equals == std::string::npos)
    throw UsageError("--set: '" + text + "' is not field=value;value;... (e.g. 'activation=sigmoid;relu')");
  SweepAxis axis{text.substr(0, equals), split(text.substr(equals + 1), ';')};
  if (find_field(axis.field) == nullptr)
    throw UsageError("--set: '" + axis.field + "' is not a config field (see 'actlab sweep --help')");
  if (axis.field == "seed") throw UsageError("--set: seed is swept with --seeds, e.g. --seeds 1-20");
  LabConfig scratch;
  for (const std::string& value : axis.values) set_field_from_text(scratch, axis.field, value);
  return axis;
}

std::vector<uint32_t> parse_seeds(const std::string& text) {
  std::vector<uint32_t> seeds;
  std::set<uint32_t> seen;
  for (const std::string& item : split(text, ',')) {
    const size_t dash = item.find('-', 1);
    const int64_t first = parse_integer("seeds", item.substr(0, dash), 0, 4294967295LL);
    const int64_t last = dash == std::string::npos ? first : parse_integer("seeds", item.substr(dash + 1), first, 4294967295LL);
    if (size_t(last - first) >= kMaxSeeds - seeds.size())
      throw UsageError("seeds: '" + text + "' lists more than " + std::to_string(kMaxSeeds) + " seeds");
    for (int64_t seed = first; seed <= last; ++seed) {
      if (!seen.insert(uint32_t(seed)).second) throw UsageError("seeds: " + std::to_string(seed) + " is listed twice");
      seeds.push_back(uint32_t(seed));
    }
  }
  return seeds;
}

Shard parse_shard(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) throw UsageError("shard: '" + text + "' is not i/n (e.g. 0/3: the first of three)");
  Shard shard;
  shard.count = parse_integer("shard (n in i/n)", text.substr(slash + 1), 1, 1'000'000);
  shard.index = parse_integer("shard (i in i/n)", text.substr(0, slash), 0, shard.count - 1);
  return shard;
}

SweepPlan make_plan(const ParsedArgs& args) {
  SweepPlan plan;
  apply_config_flags(plan.base, args);
  for (const std::string& text : args.values("set")) {
    SweepAxis axis = parse_set(text);
    for (const auto& [name, value] : args.config_fields())
      if (name == axis.field) throw UsageError("--set " + axis.field + ": also given as --" + name + "; give one");
    for (const SweepAxis& other : plan.axes)
      if (other.field == axis.field) throw UsageError("--set " + axis.field + ": given twice; list its values in one --set");
    plan.axes.push_back(std::move(axis));
  }
  for (const auto& [name, value] : args.config_fields())
    if (name == "seed") throw UsageError("--seed: a sweep takes --seeds (e.g. --seeds 1-20)");
  plan.seeds = parse_seeds(args.value("seeds").value_or("1"));
  const auto steps = args.value("steps");
  plan.steps = steps ? parse_integer("steps", *steps, 1, kMaxSteps) : 1000;
  const auto every = args.value("every");
  plan.every = every ? parse_integer("every", *every, 1, plan.steps) : plan.steps;
  if ((plan.steps + plan.every - 1) / plan.every > kMaxCheckpoints)
    throw UsageError("every: " + *every + " gives more than " + std::to_string(kMaxCheckpoints) + " checkpoints");
  size_t jobs = plan.seeds.size();
  for (const SweepAxis& axis : plan.axes) {
    if (axis.values.size() > kMaxJobs / jobs) throw UsageError("set: the grid and seeds make more than 1e7 runs");
    jobs *= axis.values.size();
  }
  // Every config of the grid, checked whole (layer_activations against hidden, classes against the
  // dataset) with the first seed, so a bad combination stops the sweep before any work.
  for (size_t c = 0; c < plan.config_count(); ++c) make_shared_dataset(plan.job_config(c * plan.seeds.size()));
  return plan;
}

}  // namespace actlab::cli
