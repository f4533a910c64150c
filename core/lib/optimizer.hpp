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

// State lives in one flat buffer (momentum's velocity, or Adam's m then v, each one value per
// parameter). A step is computed out of place: stage() writes the new parameters where the caller
// says and the new state into a twin buffer, and changes nothing else; commit() then swaps the
// buffers. A caller that finds the staged step bad (a non-finite parameter) simply does not
// commit: rolling back costs nothing, where copying every parameter and all state before each
// step cost a full pass over both.
class Optimizer {
 public:
  Optimizer(const OptimizerSettings& settings, size_t parameter_count);
  // Reads params w and grads g (g is scratch: clipped and penalised in place), writes the stepped
  // parameters to w_out (which may be w itself) and the new state to the staging buffer. Returns
  // whether every value written to w_out is finite.
  bool stage(std::span<const float> w, std::span<float> g, std::span<const float> penalty_mask,
             std::span<float> w_out);
  void commit();  // the staged state becomes the current one
  // stage() in place, then commit(), whatever the values.
  void step(std::span<float> params, std::span<float> grads, std::span<const float> penalty_mask);
  int64_t steps() const { return t_; }
  const OptimizerSettings& settings() const { return s_; }

 private:
  OptimizerSettings s_;
  size_t n_;
  std::vector<float> state_, staged_;  // [first | second]: velocity or Adam's m; Adam's v
  int64_t t_ = 0;
  double beta1_power_ = 1.0, beta2_power_ = 1.0;  // running b^t: no pow(), same bits everywhere
  double staged_beta1_power_ = 1.0, staged_beta2_power_ = 1.0;
};

// Global L2 norm of a buffer, accumulated in double in index order.
double l2_norm(std::span<const float> values);

}  // namespace actlab
