#include "plain_mlp_baseline.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace actlab::cli {

PlainMlp::PlainMlp(const std::vector<int>& sizes) : sizes_(sizes) {
  if (sizes.size() < 2) throw std::invalid_argument("baseline: needs at least an input and an output layer");
  for (size_t l = 1; l < sizes.size(); ++l) {
    const auto in = size_t(sizes[l - 1]), out = size_t(sizes[l]);
    weights_.emplace_back(out, std::vector<float>(in, 0.0f));
    weight_grads_.emplace_back(out, std::vector<float>(in, 0.0f));
    biases_.emplace_back(out, 0.0f);
    bias_grads_.emplace_back(out, 0.0f);
    outputs_.emplace_back(out, 0.0f);
    deltas_.emplace_back(out, 0.0f);
  }
}

void PlainMlp::set_params(std::span<const float> flat) {
  size_t i = 0;
  for (size_t l = 0; l < weights_.size(); ++l) {
    for (auto& row : weights_[l])
      for (float& w : row) w = flat[i++];
    for (float& b : biases_[l]) b = flat[i++];
  }
  if (i != flat.size()) throw std::invalid_argument("baseline: parameter count does not match");
}

std::vector<float> PlainMlp::params() const {
  std::vector<float> flat;
  for (size_t l = 0; l < weights_.size(); ++l) {
    for (const auto& row : weights_[l]) flat.insert(flat.end(), row.begin(), row.end());
    flat.insert(flat.end(), biases_[l].begin(), biases_[l].end());
  }
  return flat;
}

void PlainMlp::forward(const std::vector<float>& input) {
  const size_t last = weights_.size() - 1;
  for (size_t l = 0; l < weights_.size(); ++l) {
    const std::vector<float>& in = l == 0 ? input : outputs_[l - 1];
    for (size_t j = 0; j < weights_[l].size(); ++j) {
      float sum = biases_[l][j];
      for (size_t k = 0; k < in.size(); ++k) sum += weights_[l][j][k] * in[k];
      outputs_[l][j] = l == last ? sum : std::tanh(sum);
    }
  }
  // Softmax, shifted by the largest logit so exp cannot overflow.
  std::vector<float>& p = outputs_[last];
  const float largest = *std::max_element(p.begin(), p.end());
  float total = 0.0f;
  for (float& v : p) {
    v = std::exp(v - largest);
    total += v;
  }
  for (float& v : p) v /= total;
}

const std::vector<float>& PlainMlp::predict(const std::vector<float>& input) {
  forward(input);
  return outputs_.back();
}

// Adds this sample's gradient of -log p[label] to the gradient accumulators.
void PlainMlp::backward(const std::vector<float>& input, int label) {
  const size_t last = weights_.size() - 1;
  for (size_t j = 0; j < deltas_[last].size(); ++j)
    deltas_[last][j] = outputs_[last][j] - (int(j) == label ? 1.0f : 0.0f);
  for (size_t l = last + 1; l-- > 0;) {
    const std::vector<float>& in = l == 0 ? input : outputs_[l - 1];
    for (size_t j = 0; j < weights_[l].size(); ++j) {
      bias_grads_[l][j] += deltas_[l][j];
      for (size_t k = 0; k < in.size(); ++k) weight_grads_[l][j][k] += deltas_[l][j] * in[k];
    }
    if (l == 0) break;
    for (size_t k = 0; k < in.size(); ++k) {
      float sum = 0.0f;
      for (size_t j = 0; j < weights_[l].size(); ++j) sum += weights_[l][j][k] * deltas_[l][j];
      deltas_[l - 1][k] = sum * (1.0f - in[k] * in[k]);  // tanh' = 1 - tanh^2
    }
  }
}

float PlainMlp::train_batch(const std::vector<std::vector<float>>& inputs, const std::vector<int>& labels,
                            float learning_rate) {
  double loss = 0.0;
  for (size_t s = 0; s < inputs.size(); ++s) {
    forward(inputs[s]);
    loss -= std::log(outputs_.back()[size_t(labels[s])]);
    backward(inputs[s], labels[s]);
  }
  const float step = learning_rate / float(inputs.size());
  for (size_t l = 0; l < weights_.size(); ++l) {
    for (size_t j = 0; j < weights_[l].size(); ++j) {
      for (size_t k = 0; k < weights_[l][j].size(); ++k) {
        weights_[l][j][k] -= step * weight_grads_[l][j][k];
        weight_grads_[l][j][k] = 0.0f;
      }
      biases_[l][j] -= step * bias_grads_[l][j];
      bias_grads_[l][j] = 0.0f;
    }
  }
  return float(loss / double(inputs.size()));
}

void PlainMlp::predict_grid(const GridSpec& g, std::vector<float>& out) {
  const size_t cells = size_t(g.width) * size_t(g.height), classes = size_t(sizes_.back());
  out.assign(classes * cells, 0.0f);
  const float dx = (g.x_max - g.x_min) / float(g.width), dy = (g.y_max - g.y_min) / float(g.height);
  std::vector<float> point(2);
  for (int row = 0; row < g.height; ++row) {
    for (int col = 0; col < g.width; ++col) {
      point[0] = g.x_min + (float(col) + 0.5f) * dx;
      point[1] = g.y_max - (float(row) + 0.5f) * dy;
      const std::vector<float>& p = predict(point);
      const size_t cell = size_t(row) * size_t(g.width) + size_t(col);
      for (size_t c = 0; c < classes; ++c) out[c * cells + cell] = p[c];
    }
  }
}

PlainBatcher::PlainBatcher(const Points& points, uint32_t seed)
    : points_(points), rng_(seed, RngStream::batches), order_(points.size()), cursor_(points.size()) {}

void PlainBatcher::next(size_t batch, std::vector<std::vector<float>>& inputs, std::vector<int>& labels) {
  inputs.resize(batch, std::vector<float>(2));
  labels.resize(batch);
  for (size_t b = 0; b < batch; ++b) {
    if (cursor_ == order_.size()) {
      for (size_t i = 0; i < order_.size(); ++i) order_[i] = uint32_t(i);
      for (size_t i = order_.size() - 1; i > 0; --i) std::swap(order_[i], order_[rng_.below(uint32_t(i + 1))]);
      cursor_ = 0;
    }
    const uint32_t index = order_[cursor_++];
    inputs[b][0] = points_.x[index];
    inputs[b][1] = points_.y[index];
    labels[b] = points_.label[index];
  }
}

}  // namespace actlab::cli
