#pragma once
// The yardstick for `actlab bench`: the same MLP written the way a first implementation usually
// is. Point-major (one sample at a time through the whole network), nested
// std::vector<std::vector<float>> weights, tanh hidden layers and a softmax output from libm
// (std::tanh, std::exp, std::log), per-sample backpropagation accumulated over a batch, then a
// plain SGD step on the batch mean. No SIMD, no tricks, but no deliberate waste either: the
// per-sample buffers are allocated once, not per call.
//
// It can start from a core network's parameters (same flat order as Mlp: per layer weight
// [out][in] row-major, then bias) and draws its batches exactly as Network does, so the two can
// be checked against each other: same work, same results up to libm's last bits.
#include <cstdint>
#include <span>
#include <vector>

#include "dataset.hpp"
#include "network.hpp"
#include "rng.hpp"

namespace actlab::cli {

class PlainMlp {
 public:
  // sizes = {inputs, hidden..., classes}, e.g. {2, 16, 16, 2}.
  explicit PlainMlp(const std::vector<int>& sizes);

  void set_params(std::span<const float> flat);
  std::vector<float> params() const;

  // Probabilities of one point: forward through every layer, softmax at the end.
  const std::vector<float>& predict(const std::vector<float>& input);
  // One SGD step on the mean cross-entropy of the batch; returns that mean loss.
  float train_batch(const std::vector<std::vector<float>>& inputs, const std::vector<int>& labels,
                    float learning_rate);
  // Same layout as Network::predict_grid: out[c * W * H + row * W + col].
  void predict_grid(const GridSpec& grid, std::vector<float>& out);

 private:
  void forward(const std::vector<float>& input);
  void backward(const std::vector<float>& input, int label);

  std::vector<int> sizes_;
  // Per layer l (0 = first hidden): weights_[l][out][in], biases_[l][out], and their gradients.
  std::vector<std::vector<std::vector<float>>> weights_, weight_grads_;
  std::vector<std::vector<float>> biases_, bias_grads_;
  // Per layer: outputs of the last forward (probabilities for the last layer), and deltas.
  std::vector<std::vector<float>> outputs_, deltas_;
};

// Batches of a Points set in Network's order: epochs of a Fisher-Yates shuffle drawn from
// Pcg32(seed, batches); a batch may straddle two epochs.
class PlainBatcher {
 public:
  PlainBatcher(const Points& points, uint32_t seed);
  void next(size_t batch, std::vector<std::vector<float>>& inputs, std::vector<int>& labels);

 private:
  const Points& points_;
  Pcg32 rng_;
  std::vector<uint32_t> order_;
  size_t cursor_;
};

}  // namespace actlab::cli
