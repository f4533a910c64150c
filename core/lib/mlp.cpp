#include "mlp.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "field_error.hpp"
#include <string>

#include "dense_kernels.hpp"
#include "fast_math.hpp"
#include "initialisers.hpp"
#include "softmax_kernels.hpp"
#include "weight_grads_by_point.hpp"

namespace actlab {
namespace {

void check_range(const std::string& field, int value, int lo, int hi) {
  if (value < lo || value > hi) throw_out_of_range(field, value, lo, hi);
}

}  // namespace

Mlp::Mlp(int inputs, std::span<const int> hidden, std::span<const ActivationId> activations, int classes)
    : inputs_(inputs), classes_(classes) {
  check_range("features", inputs, 1, static_cast<int>(Feature::count));
  if (hidden.size() > size_t(kMaxHiddenLayers))
    throw_count_out_of_range("hidden", double(hidden.size()), "items", 0, kMaxHiddenLayers);
  check_range("classes", classes, 2, 8);
  if (activations.size() != hidden.size())
    throw_field_error(ErrorKind::layer_count_mismatch, "layer_activations", std::to_string(activations.size()),
                      std::to_string(activations.size()) + " items, expected " + std::to_string(hidden.size()),
                      {{"count", double(activations.size())}, {"layers", double(hidden.size())}});
  size_t offset = 0;
  int fan_in = inputs;
  for (size_t l = 0; l <= hidden.size(); ++l) {
    const bool is_output = l == hidden.size();
    LayerLayout layer;
    layer.in = fan_in;
    layer.out = is_output ? classes : hidden[l];
    if (!is_output) {
      check_range("hidden[" + std::to_string(l) + "]", layer.out, 1, kMaxWidth);
      activation_spec(activations[l]);  // validates the id
      layer.activation = activations[l];
    }
    layer.is_output = is_output;
    layer.weight_offset = offset;
    offset += static_cast<size_t>(layer.in) * layer.out;
    layer.bias_offset = offset;
    offset += layer.out;
    layers_.push_back(layer);
    fan_in = layer.out;
  }
  for (auto& layer : layers_) {
    if (!layer.is_output && activation_spec(layer.activation).param_kind == ParamKind::learnable) {
      layer.slope_offset = offset;
      offset += layer.out;
    }
  }
  params_.assign(offset, 0.0f);
  grads_.assign(offset, 0.0f);
  penalty_mask_.assign(offset, 0.0f);
  for (const auto& layer : layers_)
    std::fill_n(penalty_mask_.begin() + layer.weight_offset, size_t(layer.in) * layer.out, 1.0f);
  z_.resize(layers_.size());
  a_.resize(layers_.size());
  dz_.resize(layers_.size());
  random_slopes_.resize(layers_.size());
}

void Mlp::initialise(InitScheme scheme, Pcg32& rng) {
  for (const auto& layer : layers_) {
    initialise_layer(scheme, layer.in, layer.out, rng, params_.data() + layer.weight_offset,
                     params_.data() + layer.bias_offset);
    if (layer.slope_offset != kNoOffset)
      std::fill_n(params_.begin() + layer.slope_offset, layer.out, activation_spec(layer.activation).param_default);
  }
}

void Mlp::swap_params(std::vector<float>& other) {
  if (other.size() != params_.size()) throw std::logic_error("swap_params: size mismatch");
  params_.swap(other);
}

// Workspace for up to n points (the caller's count; rows are padded to whole SIMD blocks).
void Mlp::reserve(size_t n) {
  const size_t stride = dense::padded(n);
  if (stride <= capacity_) return;
  for (size_t l = 0; l < layers_.size(); ++l) {
    const size_t size = static_cast<size_t>(layers_[l].out) * stride;
    z_[l].resize(size);
    a_[l].resize(size);
    dz_[l].resize(size);
    if (!layers_[l].is_output && activation_spec(layers_[l].activation).param_kind == ParamKind::randomised)
      random_slopes_[l].resize(size);
  }
  da_.resize(static_cast<size_t>(kMaxWidth) * stride);
  padded_inputs_.resize(static_cast<size_t>(inputs_) * stride);
  if (stride >= kColumnsMinPoints) weights_by_column_.resize(params_.size());
  if (inputs_by_point_.empty()) inputs_by_point_.resize(dense::padded(kByPointMaxPoints) * dense::padded(kMaxWidth));
  log_sum_exp_.resize(stride);
  capacity_ = stride;
}

float Mlp::slope(size_t layer, int unit) const {
  const LayerLayout& l = layers_.at(layer);
  if (l.slope_offset != kNoOffset) return params_[l.slope_offset + unit];
  return l.is_output ? 0.0f : activation_spec(l.activation).param_default;
}

void Mlp::forward(const float* inputs, size_t n, PassMode mode, Pcg32* rrelu_rng, size_t input_stride,
                  Weights weights) {
  reserve(n);
  if (weights == Weights::changed) columns_current_ = false;
  n_ = n;
  stride_ = dense::padded(n);
  const size_t stride = stride_;
  if (input_stride == 0) input_stride = n;
  if (n == stride && input_stride == n) {
    layer0_inputs_ = inputs;  // already whole SIMD blocks (grid chunks; batches of a multiple of 4)
  } else {
    for (int f = 0; f < inputs_; ++f) {
      float* row = padded_inputs_.data() + size_t(f) * stride;
      std::copy_n(inputs + size_t(f) * input_stride, n, row);
      std::fill(row + n, row + stride, 0.0f);
    }
    layer0_inputs_ = padded_inputs_.data();
  }
  const float* in = layer0_inputs_;
  for (size_t l = 0; l < layers_.size(); ++l) {
    const LayerLayout& layer = layers_[l];
    float* z = z_[l].data();
    const float* w = params_.data() + layer.weight_offset;
    const float* b = params_.data() + layer.bias_offset;
    if (stride >= kColumnsMinPoints) {
      const float* wt = transposed_weights(layer, columns_current_);
      const AffineKernel fused = layer.is_output ? nullptr : activation_spec(layer.activation).affine_forward;
      if (mode == PassMode::predict && fused != nullptr) {  // outputs only: no sums stored (see header)
        fused(wt, b, in, a_[l].data(), layer.in, layer.out, stride);
        in = a_[l].data();
        continue;
      }
#if defined(__wasm_simd128__)
      if (mode == PassMode::predict && layer.is_output && layer.out == 2) {  // probabilities only
        softmax_kernels::affine_softmax_two(wt, b, in, a_[l].data(), layer.in, stride);
        break;
      }
#endif
      dense::affine_columns(wt, b, in, z, layer.in, layer.out, stride);
    } else {
      dense::affine(w, b, in, z, layer.in, layer.out, stride);
    }
    if (layer.is_output) {
      softmax(l, mode != PassMode::predict);
      break;
    }
    const ActivationSpec& act = activation_spec(layer.activation);
    float* a = a_[l].data();
    const size_t size = static_cast<size_t>(layer.out) * stride;
    if (act.param_kind == ParamKind::randomised && mode == PassMode::train) {
      if (rrelu_rng == nullptr) throw std::logic_error("RReLU training pass needs a generator");
      float* slopes = random_slopes_[l].data();
      for (size_t i = 0; i < size; ++i) slopes[i] = rrelu_rng->uniform(act.param_lo, act.param_hi);
      act.forward(z, a, size, 0.0f, slopes);
    } else if (layer.slope_offset != kNoOffset) {
      for (int j = 0; j < layer.out; ++j)
        act.forward(z + j * stride, a + j * stride, stride, params_[layer.slope_offset + j], nullptr);
    } else {
      act.forward(z, a, size, act.param_default, nullptr);
    }
    in = a;
  }
  last_mode_ = mode;
  if (stride >= kColumnsMinPoints) columns_current_ = true;
}

// The layer's weights column-major, wt[k][j] (dense::affine_columns), at the layer's offset;
// transposed again unless reuse (a copy of the weights the caller promised are unchanged).
const float* Mlp::transposed_weights(const LayerLayout& layer, bool reuse) {
  const float* w = params_.data() + layer.weight_offset;
  float* wt = weights_by_column_.data() + layer.weight_offset;
  if (reuse) return wt;
  for (int j = 0; j < layer.out; ++j)
    for (int k = 0; k < layer.in; ++k) wt[size_t(k) * size_t(layer.out) + size_t(j)] = w[size_t(j) * size_t(layer.in) + size_t(k)];
  return wt;
}

// Numerically stable softmax: shift by the per-point maximum; remember log-sum-exp for the loss
// (a log per point, skipped when only the probabilities are wanted).
void Mlp::softmax(size_t l, bool keep_log_sum_exp) {
  const size_t n = stride_;
  const int k = classes_;
  const float* z = z_[l].data();
  float* p = a_[l].data();
  float* lse = log_sum_exp_.data();
  float* sum = dz_[l].data();  // scratch: dz of the output layer is written only in backward
  if (k == 2) {
    softmax_kernels::softmax_two(z, p, lse, sum, n);
  } else {
    softmax_kernels::general_softmax(z, p, lse, sum, k, n);
  }
  if (keep_log_sum_exp)
    for (size_t i = 0; i < n; ++i) lse[i] += fm::log(sum[i]);
}

double Mlp::loss_sum(const int32_t* labels) const {
  if (last_mode_ == PassMode::predict) throw std::logic_error("loss_sum after a predict pass (no log-sum-exp)");
  const float* z = z_.back().data();
  double total = 0.0;
  for (size_t i = 0; i < n_; ++i) total += static_cast<double>(log_sum_exp_[i] - z[size_t(labels[i]) * stride_ + i]);
  return total;
}

void Mlp::zero_grads() { std::fill(grads_.begin(), grads_.end(), 0.0f); }

double Mlp::backward(const int32_t* labels, float scale) {
  if (last_mode_ == PassMode::predict) throw std::logic_error("backward after a predict pass (no log-sum-exp)");
  const size_t n = n_, stride = stride_;
  const size_t top = layers_.size() - 1;
  // Softmax with cross-entropy: dL/dz = p - onehot(label); zero in the padding lanes, so nothing
  // below ever receives gradient from them.
  {
    const float* p = a_[top].data();
    float* dz = dz_[top].data();
    for (int c = 0; c < classes_; ++c) {
      const size_t row = size_t(c) * stride;
      for (size_t i = 0; i < n; ++i) dz[row + i] = (p[row + i] - (labels[i] == c ? 1.0f : 0.0f)) * scale;
      std::fill(dz + row + n, dz + row + stride, 0.0f);
    }
  }
  for (size_t l = top + 1; l-- > 0;) {
    const LayerLayout& layer = layers_[l];
    const float* in = l == 0 ? layer0_inputs_ : a_[l - 1].data();
    const float* dz = dz_[l].data();
    float* gw = grads_.data() + layer.weight_offset;
    float* gb = grads_.data() + layer.bias_offset;
    if (n <= kByPointMaxPoints) {
      dense::transpose_to_points(in, inputs_by_point_.data(), layer.in, stride);
      dense::accumulate_weight_grads_by_point(dz, inputs_by_point_.data(), gw, gb, layer.in, layer.out, n, stride);
    } else {
      dense::accumulate_weight_grads(dz, in, gw, gb, layer.in, layer.out, stride);
    }
    if (l == 0) break;
    const LayerLayout& below = layers_[l - 1];
    float* da = da_.data();
    dense::affine_transposed(params_.data() + layer.weight_offset, dz, da, layer.in, layer.out, stride);
    // Through the activation of the layer below.
    const ActivationSpec& act = activation_spec(below.activation);
    const float* z = z_[l - 1].data();
    const float* a = a_[l - 1].data();
    float* dz_below = dz_[l - 1].data();
    const size_t size = static_cast<size_t>(below.out) * stride;
    if (act.param_kind == ParamKind::randomised && last_mode_ == PassMode::train) {
      act.backward(z, a, da, dz_below, size, 0.0f, random_slopes_[l - 1].data());
    } else if (below.slope_offset != kNoOffset) {
      float* gs = grads_.data() + below.slope_offset;
      for (int j = 0; j < below.out; ++j) {
        const float p = params_[below.slope_offset + j];
        const size_t row = static_cast<size_t>(j) * stride;
        act.backward(z + row, a + row, da + row, dz_below + row, stride, p, nullptr);
        // dL/dp = sum_i da * df/dp; padding lanes have da = 0.
        float sum = 0.0f;
        for (size_t i = 0; i < n; ++i) sum += da[row + i] * act.dfdp(z[row + i], a[row + i], p);
        gs[j] += sum;
      }
    } else {
      act.backward(z, a, da, dz_below, size, act.param_default, nullptr);
    }
  }
  return loss_sum(labels);
}

}  // namespace actlab
