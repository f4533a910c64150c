// actlab train: trains one network for N steps (in calls of kStepsPerCall, as the page's worker
// does) and reports the final loss and accuracy, the speed, divergence and the config; with
// --params also every final parameter, in Mlp's documented order, as float32-exact numbers.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <limits>

#include "commands.hpp"
#include "config_io.hpp"
#include "json_writer.hpp"
#include "network.hpp"
#include "text_table.hpp"

namespace actlab::cli {
namespace {

constexpr int kStepsPerCall = 100;
constexpr int64_t kMaxSteps = 100'000'000;
constexpr int64_t kDefaultSteps = 1000;

struct TrainResult {
  int64_t requested = 0;
  double seconds = 0;        // time spent in Network::train only
  float last_batch_loss = 0; // loss of the last step taken (NaN if none)
  Metrics metrics;
};

TrainResult train(Network& network, int64_t steps) {
  TrainResult r;
  r.requested = steps;
  r.last_batch_loss = std::numeric_limits<float>::quiet_NaN();
  const auto start = std::chrono::steady_clock::now();
  for (int64_t done = 0; done < steps && !network.diverged(); done += kStepsPerCall) {
    const auto losses = network.train(static_cast<int>(std::min<int64_t>(kStepsPerCall, steps - done)));
    if (!losses.empty()) r.last_batch_loss = losses.back();
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.metrics = network.evaluate();
  return r;
}

double per_second(double count, double seconds) {
  return seconds > 0 ? count / seconds : std::numeric_limits<double>::quiet_NaN();
}

void write_json(const Network& network, const TrainResult& r, bool with_params) {
  const double steps = double(network.steps());
  const size_t batch = std::min<size_t>(network.config().batch_size, network.data().train.size());
  JsonWriter json(std::cout);
  json.begin_object().field("command", "train");
  write_run_fields(json, network, r.requested, r.metrics, r.last_batch_loss);
  json.field("seconds", r.seconds)
      .field("steps_per_second", per_second(steps, r.seconds))
      .field("samples_per_second", per_second(steps * double(batch), r.seconds))
      .field("param_count", network.params().size());
  if (with_params) {
    json.key("params");
    json.array(network.params());
  }
  json.end_object().end_line();
}

void print_text(const Network& network, const TrainResult& r, bool with_params) {
  const double steps = double(network.steps());
  const size_t batch = std::min<size_t>(network.config().batch_size, network.data().train.size());
  const Metrics& m = r.metrics;
  std::cout << "train: " << config_as_flags(network.config()) << "\n"
            << "data: " << network.data().train.size() << " training, " << network.data().test.size()
            << " test points; " << network.params().size() << " parameters\n"
            << "steps: " << network.steps() << " of " << r.requested << " in " << fixed(r.seconds, 3) << " s ("
            << fixed(per_second(steps, r.seconds), 0) << " steps/s, "
            << fixed(per_second(steps * double(batch), r.seconds), 0) << " samples/s)\n"
            << "diverged: ";
  if (const auto at = network.diverged_at()) {
    std::cout << "yes, at step " << *at << " (parameters kept from the step before)\n";
  } else {
    std::cout << "no\n";
  }
  TextTable table({"", "loss", "accuracy"});
  table.add({"train", fixed(m.train_loss, 4), percent(m.train_accuracy)});
  table.add({"test", fixed(m.test_loss, 4), percent(m.test_accuracy)});
  std::cout << "\n";
  table.print(std::cout);
  if (with_params) {
    std::cout << "\nparams:";
    for (float p : network.params()) std::cout << ' ' << format_number(p);
    std::cout << "\n";
  }
}

}  // namespace

const CommandSpec& train_spec() {
  static const CommandSpec spec{
      "train",
      "actlab train [--steps N] [--json] [--params] [--<field> value...]",
      "train one network and report loss, accuracy, speed and divergence",
      "Trains one network for N optimizer steps (in calls of 100 steps, as the page does) on the\n"
      "config's data, then evaluates it. Every config field below is a flag, e.g.\n"
      "  actlab train --dataset spiral --activation relu --hidden 8,8 --steps 2000 --seed 3 \\\n"
      "               --optimizer adam --learning_rate 0.01 --layer_activations relu,tanh\n"
      "With --json, one JSON object: config, steps_requested, steps (taken), diverged, diverged_at\n"
      "(null or the 1-based step that failed), metrics {train_loss, test_loss, train_accuracy,\n"
      "test_accuracy} (null without test points), last_batch_loss, seconds, steps_per_second,\n"
      "samples_per_second, param_count and, with --params, params: the final parameters in the\n"
      "network's order (per layer weight [out][in] row-major then bias; then PReLU slopes), each\n"
      "printed so it reads back as the same float32.",
      {{"steps", "N", "optimizer steps to take, 0-100000000 (default 1000)"},
       {"json", "", "one JSON object instead of text"},
       {"params", "", "also print the final parameters"}},
      true,
  };
  return spec;
}

int run_train(std::span<const std::string> args) {
  const auto parsed = parse_args(train_spec(), args, std::cout);
  if (!parsed) return kExitOk;
  const auto steps_text = parsed->value("steps");
  const int64_t steps = steps_text ? parse_integer("steps", *steps_text, 0, kMaxSteps) : kDefaultSteps;
  LabConfig config;
  apply_config_flags(config, *parsed);
  Network network(config, make_shared_dataset(config));
  const TrainResult result = train(network, steps);
  if (parsed->has("json")) {
    write_json(network, result, parsed->has("params"));
  } else {
    print_text(network, result, parsed->has("params"));
  }
  return kExitOk;
}

}  // namespace actlab::cli
