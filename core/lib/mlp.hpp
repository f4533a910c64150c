#pragma once
// The multilayer perceptron: all parameters in one contiguous buffer, gradients in a twin buffer,
// layers as offsets into them; batched forward and backward passes over neuron-major activations
// ([unit][point]), so the inner loops run over independent points and vectorise.
//
// Parameter order matches PyTorch's nn.Linear, so results can be checked against it: for each
// layer (hidden layers, then the output layer) weight [out][in] row-major, then bias [out]; after
// all layers, the PReLU slopes of each PReLU hidden layer in order, one per unit.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "activations.hpp"
#include "config.hpp"
#include "rng.hpp"

namespace actlab {

inline constexpr size_t kNoOffset = std::numeric_limits<size_t>::max();

struct LayerLayout {
  int in = 0, out = 0;
  size_t weight_offset = 0, bias_offset = 0;
  size_t slope_offset = kNoOffset;  // PReLU slopes, one per unit
  bool is_output = false;           // the softmax layer
  ActivationId activation = ActivationId::identity;  // hidden layers only
};

// RReLU draws random slopes only in train mode. predict is evaluate without the loss: the softmax
// skips its log-sum-exp, so neither loss_sum nor backward may follow a predict pass, and hidden
// layers whose activation has a fused kernel (ActivationSpec::affine_forward) write their outputs
// only: pre_activation() of those layers is stale after it. So is the output layer's in wasm when
// it has two classes (its sums and softmax run in one pass there).
enum class PassMode : uint8_t { predict, evaluate, train };

// A caller that runs one set of points in chunks says so for every chunk after the first: the
// weights are those of the previous pass, so a pass of many points reuses the column-major copy
// it made of them (dense::affine_columns) instead of transposing every layer again.
enum class Weights : uint8_t { changed, as_last_pass };

class Mlp {
 public:
  // Validates the shape: inputs [1, 7], hidden widths [1, kMaxWidth], at most kMaxHiddenLayers
  // layers, one activation per hidden layer, classes [2, 8].
  Mlp(int inputs, std::span<const int> hidden, std::span<const ActivationId> activations, int classes);

  int inputs() const { return inputs_; }
  int classes() const { return classes_; }
  std::span<const LayerLayout> layers() const { return layers_; }  // hidden layers, then output
  size_t hidden_layers() const { return layers_.size() - 1; }

  std::span<float> params() { return params_; }
  std::span<const float> params() const { return params_; }
  // Exchanges the parameter buffer with `other` (same size): a staged optimizer step becomes
  // current without a copy. Spans taken from params() before the swap then see the old values.
  void swap_params(std::vector<float>& other);
  std::span<float> grads() { return grads_; }
  std::span<const float> grads() const { return grads_; }
  // 1 for weights, 0 for biases and slopes: where L1/L2 penalties apply.
  std::span<const float> penalty_mask() const { return penalty_mask_; }

  void initialise(InitScheme scheme, Pcg32& rng);

  // Forward pass over n points; inputs is neuron-major, feature f of point i at
  // inputs[f * input_stride + i] (input_stride 0 means n), so a caller can pass a window of a
  // larger feature matrix without copying it. rrelu_rng is used only in train mode by RReLU
  // layers. Results stay in the workspace until the next pass. Inputs that already fill whole SIMD
  // blocks (n a multiple of dense::kLanes, input_stride n) are read in place, not copied, so they
  // must stay unchanged until backward() has run.
  void forward(const float* inputs, size_t n, PassMode mode, Pcg32* rrelu_rng, size_t input_stride = 0,
               Weights weights = Weights::changed);
  // Backward pass for the last forward: adds scale * d(sum of per-point losses)/d(param) to grads
  // (the caller zeroes grads, and passes scale = 1/N for a mean). Returns the sum of per-point
  // cross-entropy losses of the last forward.
  double backward(const int32_t* labels, float scale);
  // Sum of per-point losses without a backward pass.
  double loss_sum(const int32_t* labels) const;
  void zero_grads();

  // Workspace views after forward (and backward for dz), each [units][stride]: unit j of point i
  // is at j * stride() + i for i < batch(); stride() is batch() rounded up to whole SIMD blocks,
  // and the padding lanes hold harmless values (zero inputs, zero gradients).
  size_t batch() const { return n_; }
  size_t stride() const { return stride_; }
  const float* pre_activation(size_t layer) const { return z_[layer].data(); }
  const float* output(size_t layer) const { return a_[layer].data(); }       // probabilities for the output layer
  const float* pre_activation_grad(size_t layer) const { return dz_[layer].data(); }
  float slope(size_t layer, int unit) const;  // the p each unit of a hidden layer uses in evaluation

 private:
  void reserve(size_t n);
  void softmax(size_t layer, bool keep_log_sum_exp);
  const float* transposed_weights(const LayerLayout& layer, bool reuse);

  int inputs_, classes_;
  std::vector<LayerLayout> layers_;
  std::vector<float> params_, grads_, penalty_mask_;
  // Workspace, per layer: pre-activations z, outputs a, gradient at z; RReLU's drawn slopes.
  std::vector<std::vector<float>> z_, a_, dz_, random_slopes_;
  std::vector<float> da_;          // gradient at a layer's outputs, reused per layer
  // From this many points a pass transposes each layer's weights first (dense::affine_columns).
  static constexpr size_t kColumnsMinPoints = 64;
  std::vector<float> weights_by_column_;  // every layer's weights, wt[k][j], at the offsets of params_
  bool columns_current_ = false;          // weights_by_column_ holds the weights of the last pass
  // Up to this many points, backward sums weight gradients point by point over a point-major copy
  // of each layer's inputs (weight_grads_by_point.hpp): a training batch, not a chunk of a set.
  static constexpr size_t kByPointMaxPoints = 16;
  std::vector<float> inputs_by_point_;  // one layer's inputs, xt[i][k], up to kByPointMaxPoints points
  std::vector<float> padded_inputs_;  // the caller's inputs, copied into padded rows
  const float* layer0_inputs_ = nullptr;  // padded_inputs_, or the caller's rows read in place
  std::vector<float> log_sum_exp_; // per point, from the last forward: loss = lse - z[label]
  size_t n_ = 0, stride_ = 0, capacity_ = 0;
  PassMode last_mode_ = PassMode::evaluate;
};

}  // namespace actlab
