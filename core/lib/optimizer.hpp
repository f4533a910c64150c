#pragma once
// Optimizers as functions over flat parameter and gradient buffers (kann's way): SGD, momentum
// (optionally Nesterov) and Adam, with L1/L2 penalties on weights and global-norm clipping.
//
// One step, in this order (PyTorch's order for clip_grad_norm_ followed by weight_decay):
//   1. g = data gradient (mean over the batch), clipped to clip_norm if its global L2 norm exceeds it;
//   2. g += l2 * w + l1 * sign(w), on weights only (penalty_mask = 1), not on biases or slopes;
//   3. SGD:      w -= lr * g
//      momentum: v = mu * v + g;  w -= lr * v              (Nesterov: w -= lr * (g + mu * v))
//      Adam:     m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2;
//                w -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
#include <cstdint>
#include <span>
#include <vector>

#include "config.hpp"

namespace actlab {

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::sgd;
  float learning_rate = 0.03f, momentum = 0.9f;
  bool nesterov = false;
  float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
  float l1 = 0.0f, l2 = 0.0f, clip_norm = 0.0f;
  static OptimizerSettings from(const LabConfig& config);
};

class Optimizer {
 public:
  Optimizer(const OptimizerSettings& settings, size_t parameter_count);
  // Updates params in place from grads (grads are modified: clipped and penalised).
  void step(std::span<float> params, std::span<float> grads, std::span<const float> penalty_mask);
  int64_t steps() const { return t_; }
  const OptimizerSettings& settings() const { return s_; }

 private:
  OptimizerSettings s_;
  std::vector<float> first_, second_;  // momentum velocity or Adam's m; Adam's v
  int64_t t_ = 0;
  double beta1_power_ = 1.0, beta2_power_ = 1.0;  // running b^t: no pow(), same bits everywhere
};

// Global L2 norm of a buffer, accumulated in double in index order.
double l2_norm(std::span<const float> values);

}  // namespace actlab
