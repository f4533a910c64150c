#include "network.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "field_error.hpp"
#include <string>

#include "features.hpp"

namespace actlab {
namespace {

std::vector<ActivationId> hidden_activations(const LabConfig& c) {
  std::vector<ActivationId> out;
  for (size_t l = 0; l < c.hidden.size(); ++l) out.push_back(c.layer_activation(l));
  return out;
}

const LabConfig& validated(const LabConfig& config) {
  validate(config);
  return config;
}

std::vector<float> features_of(const LabConfig& c, const Points& points) {
  std::vector<float> out(c.features.size() * points.size());
  expand_features(c.features, points.x.data(), points.y.data(), points.size(), out.data());
  return out;
}

}  // namespace

std::shared_ptr<const Dataset> make_shared_dataset(const LabConfig& config) {
  validate(config);
  return std::make_shared<const Dataset>(make_dataset(config.data_spec()));
}

Network::Network(const LabConfig& config, std::shared_ptr<const Dataset> data)
    : config_(validated(config)),
      data_(std::move(data)),
      mlp_(static_cast<int>(config.features.size()), config.hidden, hidden_activations(config),
           data_ ? data_->classes : 2),
      optimizer_(config.optimizer, mlp_.params().size()),
      staged_params_(mlp_.params().size()),
      batch_rng_(config.seed, RngStream::batches),
      rrelu_rng_(config.seed, RngStream::rrelu) {
  if (!data_ || data_->train.size() == 0)
    throw_field_error(ErrorKind::no_training_points, "data", "", "the training set is empty", {{"points", 0.0}});
  // config_.classes stays as given: it describes the generated dataset, and caller-supplied data
  // brings its own count (model().classes()), so config() round-trips with or without that data.
  Pcg32 init_rng(config.seed, RngStream::init);
  mlp_.initialise(config.init, init_rng);
  train_features_ = features_of(config_, data_->train);
  test_features_ = features_of(config_, data_->test);
  order_.resize(data_->train.size());
  cursor_ = order_.size();  // the first batch shuffles a fresh epoch
}

// Epochs of a seeded Fisher-Yates shuffle; a batch may straddle two epochs.
void Network::next_batch(size_t batch) {
  const size_t total = data_->train.size(), features = config_.features.size();
  batch_features_.resize(features * batch);
  batch_labels_.resize(batch);
  for (size_t b = 0; b < batch; ++b) {
    if (cursor_ == order_.size()) {
      for (size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<uint32_t>(i);
      for (size_t i = order_.size() - 1; i > 0; --i) std::swap(order_[i], order_[batch_rng_.below(uint32_t(i + 1))]);
      cursor_ = 0;
    }
    const uint32_t index = order_[cursor_++];
    for (size_t f = 0; f < features; ++f) batch_features_[f * batch + b] = train_features_[f * total + index];
    batch_labels_[b] = data_->train.label[index];
  }
}

std::vector<float> Network::train(int steps, const Deadline& deadline) {
  if (steps < 0 || steps > kMaxTrainSteps)
    throw_out_of_range("steps", steps, 0, kMaxTrainSteps);
  if (diverged()) return {};
  std::vector<float> losses(static_cast<size_t>(steps));
  losses.resize(static_cast<size_t>(train_steps(losses.data(), steps, deadline)));
  return losses;
}

// The step loop, apart from train() so that it owns no object with a destructor: in WebAssembly
// (Emscripten's JS-based exceptions) every call made where a destructor might have to run goes
// through a JS invoke_ trampoline, which cost ~8 of them per step.
int Network::train_steps(float* losses, int steps, const Deadline& deadline) {
  const size_t batch = std::min<size_t>(config_.batch_size, data_->train.size());
  for (int s = 0; s < steps; ++s) {
    // Between steps only: the clock chooses how many steps are taken, never what one computes.
    if (s > 0 && deadline.passed()) return s;
    next_batch(batch);
    mlp_.forward(batch_features_.data(), batch, PassMode::train, &rrelu_rng_);
    mlp_.zero_grads();
    const auto loss = static_cast<float>(mlp_.backward(batch_labels_.data(), 1.0f / float(batch)) / double(batch));
    // The step is staged out of place and committed only if every new parameter is finite, so a
    // divergent step leaves parameters and optimizer state as they were without any copy.
    const bool finite = std::isfinite(loss) &&
                        optimizer_.stage(mlp_.params(), mlp_.grads(), mlp_.penalty_mask(), staged_params_);
    ++steps_;
    if (!finite) {
      diverged_at_ = steps_;
      return s;
    }
    mlp_.swap_params(staged_params_);
    optimizer_.commit();
    losses[s] = loss;
  }
  return steps;
}

// Loss sum and correct count over points [begin, end) of a set, in chunks; accuracy by arg-max.
Network::PartialMetrics Network::pass_range(const std::vector<float>& features, const Points& points, size_t begin,
                                            size_t end) {
  PartialMetrics out;
  const size_t total = points.size();
  for (size_t first = begin; first < end; first += kPassChunk) {
    const size_t n = std::min(kPassChunk, end - first);
    mlp_.forward(features.data() + first, n, PassMode::evaluate, nullptr, total,
                 first == begin ? Weights::changed : Weights::as_last_pass);
    out.loss_sum += mlp_.loss_sum(points.label.data() + first);
    const float* p = mlp_.output(mlp_.layers().size() - 1);
    const size_t stride = mlp_.stride();
    for (size_t i = 0; i < n; ++i) {
      int best = 0;
      for (int c = 1; c < mlp_.classes(); ++c)
        if (p[c * stride + i] > p[best * stride + i]) best = c;
      out.correct += best == points.label[first + i];
    }
  }
  out.points = end > begin ? end - begin : 0;
  return out;
}

// Mean loss over a point set; accuracy by arg-max. Returns NaN for an empty set.
double Network::pass_over(const std::vector<float>& features, const Points& points, double& accuracy) {
  const size_t total = points.size();
  if (total == 0) {
    accuracy = std::nan("");
    return std::nan("");
  }
  const PartialMetrics all = pass_range(features, points, 0, total);
  accuracy = double(all.correct) / double(total);
  return all.loss_sum / double(total);
}

Network::PartialMetrics Network::evaluate_part(bool test_set, size_t begin, size_t count) {
  const Points& points = test_set ? data_->test : data_->train;
  const size_t first = std::min(begin, points.size()), end = first + std::min(count, points.size() - first);
  return pass_range(test_set ? test_features_ : train_features_, points, first, end);
}

Metrics Network::evaluate() {
  Metrics m;
  m.train_loss = pass_over(train_features_, data_->train, m.train_accuracy);
  m.test_loss = pass_over(test_features_, data_->test, m.test_accuracy);
  return m;
}

void Network::predict_grid(const GridSpec& g, std::span<float> out) {
  const auto check_side = [](const char* field, int v) {
    if (v < 1 || v > kMaxGridSide) throw_out_of_range(field, v, 1, kMaxGridSide);
  };
  check_side("width", g.width);
  check_side("height", g.height);
  for (auto [name, v] : {std::pair{"x_min", g.x_min}, {"x_max", g.x_max}, {"y_min", g.y_min}, {"y_max", g.y_max}})
    if (!std::isfinite(v) || std::fabs(v) > 1e6f)
      throw_out_of_range(name, v, -1e6, 1e6);
  // Named by value, not by the other field's name, so the message reads the same in every spelling.
  if (!(g.x_min < g.x_max)) throw_out_of_range("x_max", g.x_max, g.x_min, 1e6, " (must be greater than the minimum)");
  if (!(g.y_min < g.y_max)) throw_out_of_range("y_max", g.y_max, g.y_min, 1e6, " (must be greater than the minimum)");
  const size_t cells = size_t(g.width) * size_t(g.height), classes = size_t(mlp_.classes());
  if (out.size() != classes * cells)
    throw_field_error(ErrorKind::length_mismatch, "out", std::to_string(out.size()),
                      "length " + std::to_string(out.size()) + " is not classes x width x height = " +
                          std::to_string(classes * cells),
                      {{"length", double(out.size())}, {"expected", double(classes * cells)}});
  predict_cells(g, out);
}

const float* Network::grid_features(const GridSpec& g, size_t begin, size_t n) {
  const float dx = (g.x_max - g.x_min) / float(g.width), dy = (g.y_max - g.y_min) / float(g.height);
  scratch_x_.resize(kPassChunk);
  scratch_y_.resize(kPassChunk);
  scratch_features_.resize(config_.features.size() * kPassChunk);
  // Row by row, so the inner loop has no wrap-around test and vectorises (a 256-wide grid's
  // chunks are whole rows). Cell centres; column indices are below 2^24, exact as floats.
  const size_t width = size_t(g.width);
  size_t row = begin / width, col = begin % width;
  float* x = scratch_x_.data();
  float* y = scratch_y_.data();
  for (size_t i = 0; i < n; col = 0, ++row) {
    const size_t run = std::min(n - i, width - col);
    const float row_y = g.y_max - (float(row) + 0.5f) * dy;
    for (size_t r = 0; r < run; ++r) {
      x[i + r] = g.x_min + (float(uint32_t(col + r)) + 0.5f) * dx;
      y[i + r] = row_y;
    }
    i += run;
  }
  expand_features(config_.features, scratch_x_.data(), scratch_y_.data(), n, scratch_features_.data());
  return scratch_features_.data();
}

// The grid's chunk loop, apart from predict_grid so that it owns no object with a destructor (see
// train_steps): in WebAssembly that keeps its calls off the JS invoke_ trampolines.
void Network::predict_cells(const GridSpec& g, std::span<float> out) {
  const size_t cells = size_t(g.width) * size_t(g.height), classes = size_t(mlp_.classes());
  const size_t top = mlp_.layers().size() - 1;
  for (size_t begin = 0; begin < cells; begin += kPassChunk) {
    const size_t n = std::min(kPassChunk, cells - begin);
    mlp_.forward(grid_features(g, begin, n), n, PassMode::predict, nullptr, 0,
                 begin == 0 ? Weights::changed : Weights::as_last_pass);
    const float* p = mlp_.output(top);
    for (size_t c = 0; c < classes; ++c) std::copy_n(p + c * mlp_.stride(), n, out.data() + c * cells + begin);
  }
}

LossAndGradient Network::loss_and_gradient(std::span<const float> xy, std::span<const int32_t> labels) {
  validate_labelled_points(xy, labels, mlp_.classes());
  const size_t total = labels.size(), rows = config_.features.size();
  // In chunks, accumulating the gradient of the mean, so the workspace stays bounded.
  std::vector<float> features(rows * kPassChunk);
  scratch_x_.resize(kPassChunk);
  scratch_y_.resize(kPassChunk);
  mlp_.zero_grads();
  LossAndGradient out;
  for (size_t begin = 0; begin < total; begin += kPassChunk) {
    const size_t n = std::min(kPassChunk, total - begin);
    for (size_t i = 0; i < n; ++i) {
      scratch_x_[i] = xy[2 * (begin + i)];
      scratch_y_[i] = xy[2 * (begin + i) + 1];
    }
    expand_features(config_.features, scratch_x_.data(), scratch_y_.data(), n, features.data());
    mlp_.forward(features.data(), n, PassMode::evaluate, nullptr);
    out.loss += mlp_.backward(labels.data() + begin, 1.0f / float(total));
  }
  out.loss /= double(total);
  out.gradient.assign(mlp_.grads().begin(), mlp_.grads().end());
  return out;
}

void Network::check_param_count(size_t n) const {
  if (n != mlp_.params().size()) throw_length_mismatch("params", double(n), double(mlp_.params().size()));
}

void Network::training_point_appended() {
  train_features_ = features_of(config_, data_->train);
  // The new point's index joins the current epoch at its end (or the next shuffle, if the epoch is
  // over): the batches already drawn stay the same.
  order_.push_back(static_cast<uint32_t>(data_->train.size() - 1));
}

void Network::training_point_removed() {
  train_features_ = features_of(config_, data_->train);
  const auto removed = static_cast<uint32_t>(data_->train.size());
  const auto at = std::find(order_.begin(), order_.end(), removed);
  if (at != order_.end()) {
    if (size_t(at - order_.begin()) < cursor_) --cursor_;
    order_.erase(at);
  }
}

void Network::set_params(std::span<const float> values) {
  check_param_count(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      throw_field_error(ErrorKind::not_finite, "params[" + std::to_string(i) + "]", format_number(values[i]),
                        format_number(values[i]) + " is not finite", {{"value", double(values[i])}});
  std::copy(values.begin(), values.end(), mlp_.params().begin());
}

}  // namespace actlab
