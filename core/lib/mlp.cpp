#include "mlp.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "field_error.hpp"
#include <string>

#include "dense_kernels.hpp"
#include "fast_math.hpp"
#include "initialisers.hpp"
#include "weight_grads_by_point.hpp"

namespace actlab {
namespace {

void check_range(const std::string& field, int value, int lo, int hi) {
  if (value < lo || value > hi) throw_out_of_range(field, value, lo, hi);
}

#if defined(__wasm_simd128__)
void affine_softmax_two(const float* wt, const float* b, const float* x, float* p, int in, size_t stride);
#endif

}  // namespace

Mlp::Mlp(int inputs, std::span<const int> hidden, std::span<const ActivationId> activations, int classes)
    : inputs_(inputs), classes_(classes) {
  check_range("features", inputs, 1, static_cast<int>(Feature::count));
  if (hidden.size() > size_t(kMaxHiddenLayers))
    throw_field_error(Problem::out_of_range, "hidden", std::to_string(hidden.size()) + " items", range_text(0, kMaxHiddenLayers));
  check_range("classes", classes, 2, 8);
  if (activations.size() != hidden.size())
    throw_field_error(Problem::other, "layer_activations", std::to_string(activations.size()),
                      std::to_string(activations.size()) + " items, expected " + std::to_string(hidden.size()));
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
        affine_softmax_two(wt, b, in, a_[l].data(), layer.in, stride);
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

namespace {

// p[i] = e^(z[i] - shift[i]) and sum[i] += p[i] over a padded row (n a multiple of kLanes). In
// wasm on four lanes with fm::exp4 (the same bits), where the vectorised scalar exp runs ~1.7x
// slower; the softmax's exps were 13% of a ReLU grid.
void exp_shifted_add(const float* z, const float* shift, float* p, float* sum, size_t n) {
#if defined(__wasm_simd128__)
  for (size_t i = 0; i < n; i += dense::kLanes) {
    const dense::V4 e = fm::exp4(dense::load4(z + i) - dense::load4(shift + i));
    dense::store4(p + i, e);
    dense::store4(sum + i, dense::load4(sum + i) + e);
  }
#else
  for (size_t i = 0; i < n; ++i) {
    p[i] = fm::exp(z[i] - shift[i]);
    sum[i] += p[i];
  }
#endif
}

// Two classes, the same bits as the general softmax below with half its exps. With m the larger
// sum, one of da = z0 - m and db = z1 - m is exactly 0 and e^0 = 1 exactly (fm::exp), so the only
// exp needed is that of the other difference, which da + db is exactly (x + 0 = x). NaN and
// infinite sums give NaN probabilities, as in the general path.
#if defined(__wasm_simd128__)
struct SoftmaxTwo4 {
  dense::V4 p0, p1, max, sum;
};
inline SoftmaxTwo4 softmax_two4(dense::V4 z0, dense::V4 z1) {
  const dense::V4 one = dense::splat<dense::V4>(1.0f), zero = dense::splat<dense::V4>(0.0f);
  // pmax(a, b) = a < b ? b : a, std::max's lane by lane (f32x4.max differs on NaN and zeros).
  const dense::V4 m = fm::pmax(z0, z1);
  const dense::V4 da = z0 - m, db = z1 - m;
  const dense::V4 e = fm::exp4(da + db);
  const dense::V4 ea = da == zero ? one : e, eb = db == zero ? one : e;
  const dense::V4 sum = ea + eb;
  return {ea / sum, eb / sum, m, sum};
}
#endif

// softmax_two4's arithmetic over two padded rows; the max and the sum go to max_out and sum_out.
void softmax_two(const float* z, float* p, float* max_out, float* sum_out, size_t n) {
  const float *z0 = z, *z1 = z + n;
  float *p0 = p, *p1 = p + n;
#if defined(__wasm_simd128__)
  for (size_t i = 0; i < n; i += dense::kLanes) {
    const SoftmaxTwo4 s = softmax_two4(dense::load4(z0 + i), dense::load4(z1 + i));
    dense::store4(p0 + i, s.p0);
    dense::store4(p1 + i, s.p1);
    dense::store4(max_out + i, s.max);
    dense::store4(sum_out + i, s.sum);
  }
#else
  for (size_t i = 0; i < n; ++i) {
    const float m = std::max(z0[i], z1[i]);
    const float da = z0[i] - m, db = z1[i] - m;
    const float e = fm::exp(da + db);
    const float ea = da == 0.0f ? 1.0f : e, eb = db == 0.0f ? 1.0f : e;
    const float sum = ea + eb;
    p0[i] = ea / sum;
    p1[i] = eb / sum;
    max_out[i] = m;
    sum_out[i] = sum;
  }
#endif
}

#if defined(__wasm_simd128__)
// A 2-class output layer and its softmax in one pass, for prediction (probabilities only): each
// block of points keeps its two sums in registers instead of storing and reloading them. The
// sums in affine_tile's order (bias, then inputs in order) from column-major weights wt[k][c],
// then softmax_two4: the bits of affine_columns followed by softmax_two.
template <int NV>
inline void affine_softmax_two_block(const float* __restrict wt, const float* __restrict b, const float* __restrict x,
                                     float* __restrict p, int in, size_t stride, size_t i0) {
  dense::V4 acc0[NV], acc1[NV];
  for (int v = 0; v < NV; ++v) {
    acc0[v] = dense::splat<dense::V4>(b[0]);
    acc1[v] = dense::splat<dense::V4>(b[1]);
  }
  const float* xk = x + i0;
  for (int k = 0; k < in; ++k, xk += stride) {
    const dense::V4 w0 = dense::splat<dense::V4>(wt[2 * k]), w1 = dense::splat<dense::V4>(wt[2 * k + 1]);
    for (int v = 0; v < NV; ++v) {
      const dense::V4 xv = dense::load4(xk + v * dense::kLanes);
      acc0[v] += w0 * xv;
      acc1[v] += w1 * xv;
    }
  }
  for (int v = 0; v < NV; ++v) {
    const SoftmaxTwo4 s = softmax_two4(acc0[v], acc1[v]);
    dense::store4(p + i0 + v * dense::kLanes, s.p0);
    dense::store4(p + stride + i0 + v * dense::kLanes, s.p1);
  }
}

void affine_softmax_two(const float* wt, const float* b, const float* x, float* p, int in, size_t stride) {
  size_t i0 = 0;
  for (; i0 + 4 * dense::kLanes <= stride; i0 += 4 * dense::kLanes) affine_softmax_two_block<4>(wt, b, x, p, in, stride, i0);
  for (; i0 < stride; i0 += dense::kLanes) affine_softmax_two_block<1>(wt, b, x, p, in, stride, i0);
}
#endif

// Any number of classes: p = e^(z - max) / sum over the classes, in class order.
void general_softmax(const float* z, float* p, float* max_out, float* sum_out, int k, size_t n) {
  for (size_t i = 0; i < n; ++i) max_out[i] = z[i];
  for (int c = 1; c < k; ++c)
    for (size_t i = 0; i < n; ++i) max_out[i] = std::max(max_out[i], z[c * n + i]);
  std::fill_n(sum_out, n, 0.0f);
  for (int c = 0; c < k; ++c) exp_shifted_add(z + c * n, max_out, p + c * n, sum_out, n);
  for (int c = 0; c < k; ++c)
    for (size_t i = 0; i < n; ++i) p[c * n + i] /= sum_out[i];
}

}  // namespace

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
    softmax_two(z, p, lse, sum, n);
  } else {
    general_softmax(z, p, lse, sum, k, n);
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
