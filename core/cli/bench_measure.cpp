#include "bench_measure.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <stdexcept>

#include "network.hpp"
#include "plain_mlp_baseline.hpp"

namespace actlab::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct Elapsed {
  double wall = 0, cpu = 0;  // seconds
};

template <class Work>
Elapsed elapsed_of(Work&& work) {
  const std::clock_t cpu_start = std::clock();
  const auto start = Clock::now();
  work();
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  return {wall, double(std::clock() - cpu_start) / CLOCKS_PER_SEC};
}

template <class Work>
double seconds_of(Work&& work) {
  return elapsed_of(work).wall;
}

// Finds how many steps take about `target` seconds: grows n until a run takes a tenth of the
// target (this also warms up caches and the branch predictor), then scales.
template <class RunSteps>
int64_t calibrate_steps(RunSteps&& run_steps, double target) {
  int64_t n = 100;
  while (true) {
    const double t = seconds_of([&] { run_steps(n); });
    if (t >= target / 10 || n >= (int64_t(1) << 32)) return std::max<int64_t>(1, int64_t(double(n) * target / t));
    n *= 4;
  }
}

template <class RunSteps>
ThroughputResult measure_training(RunSteps&& run_steps, size_t batch, const BenchSettings& s) {
  ThroughputResult r;
  r.steps_per_run = calibrate_steps(run_steps, s.train_seconds);
  const double samples = double(r.steps_per_run) * double(batch);
  for (int i = 0; i < s.train_runs; ++i) {
    const Elapsed t = elapsed_of([&] { run_steps(r.steps_per_run); });
    r.samples_per_second.runs.push_back(samples / t.wall);
    r.samples_per_second.cpu_runs.push_back(samples / std::max(t.cpu, 1e-9));
  }
  return r;
}

template <class Pass>
GridResult measure_grid(Pass&& pass, const BenchSettings& s) {
  pass();  // warm-up; also sizes the run count
  const double once = seconds_of(pass);
  const int runs = std::clamp(int(s.grid_seconds / std::max(once, 1e-9)), s.min_grid_runs, s.max_grid_runs);
  GridResult r;
  for (int i = 0; i < runs; ++i) {
    const Elapsed t = elapsed_of(pass);
    r.ms_per_grid.runs.push_back(1e3 * t.wall);
    r.ms_per_grid.cpu_runs.push_back(1e3 * t.cpu);
  }
  return r;
}

GridSpec bench_grid(const BenchSettings& s) {
  GridSpec g;
  g.width = g.height = s.grid_side;
  return g;
}

size_t batch_of(const LabConfig& config, const Dataset& data) {
  return std::min<size_t>(size_t(config.batch_size), data.train.size());
}

// The baseline only implements the bench workload's shape: x, y inputs, tanh, plain SGD.
PlainMlp baseline_for(const LabConfig& config, const Network& network) {
  if (config.activation != ActivationId::tanh || !config.layer_activations.empty() || config.features.size() != 2 ||
      config.optimizer.kind != OptimizerKind::sgd || config.optimizer.l1 != 0 || config.optimizer.l2 != 0 ||
      config.optimizer.clip_norm != 0)
    throw std::invalid_argument("bench: the baseline implements tanh, x/y inputs and plain SGD only");
  std::vector<int> sizes = {2};
  sizes.insert(sizes.end(), config.hidden.begin(), config.hidden.end());
  sizes.push_back(network.data().classes);
  PlainMlp mlp(sizes);
  mlp.set_params(network.params());
  return mlp;
}

// Mean cross-entropy of the baseline over a point set, computed as the baseline would.
double baseline_loss(PlainMlp& mlp, const Points& points) {
  double sum = 0.0;
  std::vector<float> input(2);
  for (size_t i = 0; i < points.size(); ++i) {
    input[0] = points.x[i];
    input[1] = points.y[i];
    sum -= std::log(double(mlp.predict(input)[size_t(points.label[i])]));
  }
  return sum / double(points.size());
}

}  // namespace

LabConfig bench_config() {
  LabConfig c;
  c.seed = 1;
  c.dataset = DatasetKind::spiral;
  c.points = 500;
  c.noise = 0.1f;
  c.test_fraction = 0.0f;
  c.classes = 2;
  c.hidden = {16, 16};
  c.activation = ActivationId::tanh;
  c.init = InitScheme::xavier;
  c.optimizer.kind = OptimizerKind::sgd;
  c.optimizer.learning_rate = 0.03f;
  c.batch_size = 10;
  return c;
}

BenchSettings quick_bench_settings() {
  BenchSettings s;
  s.train_seconds = 0.03;
  s.train_runs = 3;
  s.grid_seconds = 0.05;
  s.min_grid_runs = 2;
  s.check_steps = 100;
  return s;
}

double Timings::median_of(std::vector<double> values) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double Timings::best(bool higher_is_better) const {
  if (runs.empty()) return std::nan("");
  return higher_is_better ? *std::max_element(runs.begin(), runs.end()) : *std::min_element(runs.begin(), runs.end());
}

namespace {

// Multiply-adds of each layer: in x out, inputs first.
std::vector<double> layer_macs(const LabConfig& config, int classes) {
  std::vector<double> macs;
  double fan_in = double(config.features.size());
  for (int width : config.hidden) {
    macs.push_back(fan_in * width);
    fan_in = width;
  }
  macs.push_back(fan_in * classes);
  return macs;
}

}  // namespace

double dense_flops_per_forward_point(const LabConfig& config, int classes) {
  double total = 0;
  for (double m : layer_macs(config, classes)) total += 2 * m;
  return total;
}

double dense_flops_per_training_sample(const LabConfig& config, int classes) {
  const auto macs = layer_macs(config, classes);
  double total = 0;
  for (size_t l = 0; l < macs.size(); ++l) total += 2 * macs[l] * (l == 0 ? 2 : 3);
  return total;
}

ThroughputResult measure_core_training(const LabConfig& config, const BenchSettings& s) {
  Network network(config, make_shared_dataset(config));
  const auto run_steps = [&](int64_t steps) {
    for (int64_t done = 0; done < steps; done += s.steps_per_call)
      network.train(int(std::min(s.steps_per_call, steps - done)));
  };
  ThroughputResult r = measure_training(run_steps, batch_of(config, network.data()), s);
  if (network.diverged()) throw std::runtime_error("bench: the core network diverged; timings are void");
  return r;
}

ThroughputResult measure_baseline_training(const LabConfig& config, const BenchSettings& s) {
  const Network network(config, make_shared_dataset(config));
  PlainMlp mlp = baseline_for(config, network);
  PlainBatcher batcher(network.data().train, config.seed);
  const size_t batch = batch_of(config, network.data());
  std::vector<std::vector<float>> inputs;
  std::vector<int> labels;
  float sink = 0.0f;  // the losses, so no step can be dropped as unused
  const auto run_steps = [&](int64_t steps) {
    for (int64_t i = 0; i < steps; ++i) {
      batcher.next(batch, inputs, labels);
      sink += mlp.train_batch(inputs, labels, config.optimizer.learning_rate);
    }
  };
  ThroughputResult r = measure_training(run_steps, batch, s);
  if (!std::isfinite(sink)) throw std::runtime_error("bench: the baseline diverged; timings are void");
  return r;
}

GridResult measure_core_grid(const LabConfig& config, const BenchSettings& s) {
  Network network(config, make_shared_dataset(config));
  const GridSpec grid = bench_grid(s);
  std::vector<float> out(size_t(network.data().classes) * size_t(grid.width) * size_t(grid.height));
  return measure_grid([&] { network.predict_grid(grid, out); }, s);
}

GridResult measure_baseline_grid(const LabConfig& config, const BenchSettings& s) {
  const Network network(config, make_shared_dataset(config));
  PlainMlp mlp = baseline_for(config, network);
  const GridSpec grid = bench_grid(s);
  std::vector<float> out;
  return measure_grid([&] { mlp.predict_grid(grid, out); }, s);
}

CrossCheck cross_check(const LabConfig& config, const BenchSettings& s) {
  Network network(config, make_shared_dataset(config));
  PlainMlp mlp = baseline_for(config, network);
  PlainBatcher batcher(network.data().train, config.seed);
  const size_t batch = batch_of(config, network.data());
  std::vector<std::vector<float>> inputs;
  std::vector<int> labels;
  network.train(s.check_steps);
  for (int i = 0; i < s.check_steps; ++i) {
    batcher.next(batch, inputs, labels);
    mlp.train_batch(inputs, labels, config.optimizer.learning_rate);
  }
  CrossCheck c;
  c.steps = s.check_steps;
  const std::vector<float> baseline_params = mlp.params();
  for (size_t i = 0; i < baseline_params.size(); ++i)
    c.max_param_diff = std::max(c.max_param_diff, std::fabs(double(baseline_params[i]) - network.params()[i]));
  c.core_train_loss = network.evaluate().train_loss;
  c.baseline_train_loss = baseline_loss(mlp, network.data().train);
  const GridSpec grid = bench_grid(s);
  std::vector<float> core_out(size_t(network.data().classes) * size_t(grid.width) * size_t(grid.height)), baseline_out;
  network.predict_grid(grid, core_out);
  mlp.predict_grid(grid, baseline_out);
  for (size_t i = 0; i < core_out.size(); ++i)
    c.max_grid_prob_diff = std::max(c.max_grid_prob_diff, std::fabs(double(core_out[i]) - baseline_out[i]));
  return c;
}

}  // namespace actlab::cli
