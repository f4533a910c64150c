#include "optimizer.hpp"

#include <cmath>

namespace actlab {

OptimizerSettings OptimizerSettings::from(const LabConfig& c) {
  return {c.optimizer, c.learning_rate, c.momentum, c.nesterov, c.beta1, c.beta2, c.epsilon, c.l1, c.l2, c.clip_norm};
}

Optimizer::Optimizer(const OptimizerSettings& settings, size_t parameter_count) : s_(settings) {
  if (s_.kind != OptimizerKind::sgd) first_.assign(parameter_count, 0.0f);
  if (s_.kind == OptimizerKind::adam) second_.assign(parameter_count, 0.0f);
}

double l2_norm(std::span<const float> values) {
  double sum = 0.0;
  for (float v : values) sum += static_cast<double>(v) * v;
  return std::sqrt(sum);
}

void Optimizer::step(std::span<float> w, std::span<float> g, std::span<const float> mask) {
  const size_t n = w.size();
  if (s_.clip_norm > 0.0f) {
    const double norm = l2_norm(g);
    if (norm > s_.clip_norm) {
      const auto factor = static_cast<float>(s_.clip_norm / norm);
      for (size_t i = 0; i < n; ++i) g[i] *= factor;
    }
  }
  if (s_.l2 > 0.0f)
    for (size_t i = 0; i < n; ++i) g[i] += s_.l2 * mask[i] * w[i];
  if (s_.l1 > 0.0f)
    for (size_t i = 0; i < n; ++i) g[i] += s_.l1 * mask[i] * static_cast<float>((w[i] > 0.0f) - (w[i] < 0.0f));
  ++t_;
  const float lr = s_.learning_rate;
  switch (s_.kind) {
    case OptimizerKind::sgd:
      for (size_t i = 0; i < n; ++i) w[i] -= lr * g[i];
      break;
    case OptimizerKind::momentum: {
      const float mu = s_.momentum;
      for (size_t i = 0; i < n; ++i) {
        first_[i] = mu * first_[i] + g[i];
        w[i] -= lr * (s_.nesterov ? g[i] + mu * first_[i] : first_[i]);
      }
      break;
    }
    case OptimizerKind::adam: {
      beta1_power_ *= s_.beta1;
      beta2_power_ *= s_.beta2;
      const auto c1 = static_cast<float>(1.0 - beta1_power_), c2 = static_cast<float>(1.0 - beta2_power_);
      const float b1 = s_.beta1, b2 = s_.beta2;
      for (size_t i = 0; i < n; ++i) {
        first_[i] = b1 * first_[i] + (1.0f - b1) * g[i];
        second_[i] = b2 * second_[i] + (1.0f - b2) * g[i] * g[i];
        w[i] -= lr * (first_[i] / c1) / (std::sqrt(second_[i] / c2) + s_.epsilon);
      }
      break;
    }
    case OptimizerKind::count: break;
  }
}

}  // namespace actlab
