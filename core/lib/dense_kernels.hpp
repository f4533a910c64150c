#pragma once
// The dense-layer loops, written for auto-vectorisation (GCC -O3 natively, clang -O3 -msimd128 in
// wasm). Activations are neuron-major, x[k * stride + i] for feature k of point i, with the point
// count padded to a multiple of kLanes so that every loop runs over whole blocks of points.
// Each point's sums keep one fixed order (bias first, then inputs in order; reductions over
// points by lanes, then the lanes pairwise), so native and wasm give the same bits.
#include <cstddef>

namespace actlab::dense {

inline constexpr size_t kLanes = 4;  // one 128-bit vector of floats
static_assert(kLanes == 4, "dot() and sum() combine exactly four lanes");
inline constexpr size_t padded(size_t n) { return (n + kLanes - 1) / kLanes * kLanes; }

namespace detail {

// B points at once: B accumulators per output unit stay in registers across the whole k loop.
template <size_t B>
inline void affine_block(const float* __restrict w, const float* __restrict b, const float* __restrict x,
                         float* __restrict z, int in, int out, size_t stride, size_t i0) {
  for (int j = 0; j < out; ++j) {
    float acc[B];
    for (size_t l = 0; l < B; ++l) acc[l] = b[j];
    const float* wj = w + size_t(j) * size_t(in);
    for (int k = 0; k < in; ++k) {
      const float wjk = wj[k];
      const float* xk = x + size_t(k) * stride + i0;
      for (size_t l = 0; l < B; ++l) acc[l] += wjk * xk[l];
    }
    float* zj = z + size_t(j) * stride + i0;
    for (size_t l = 0; l < B; ++l) zj[l] = acc[l];
  }
}

template <size_t B>
inline void transposed_block(const float* __restrict w, const float* __restrict dz, float* __restrict dx, int in,
                             int out, size_t stride, size_t i0) {
  for (int k = 0; k < in; ++k) {
    float acc[B];
    for (size_t l = 0; l < B; ++l) acc[l] = 0.0f;
    for (int j = 0; j < out; ++j) {
      const float wjk = w[size_t(j) * size_t(in) + size_t(k)];
      const float* dzj = dz + size_t(j) * stride + i0;
      for (size_t l = 0; l < B; ++l) acc[l] += wjk * dzj[l];
    }
    float* dxk = dx + size_t(k) * stride + i0;
    for (size_t l = 0; l < B; ++l) dxk[l] = acc[l];
  }
}

}  // namespace detail

// z[j][i] = b[j] + sum_k w[j][k] x[k][i] for every point i < stride (a multiple of kLanes).
// w is [out][in] row-major. Blocks of 16 points give four independent vector chains per unit.
inline void affine(const float* w, const float* b, const float* x, float* z, int in, int out, size_t stride) {
  size_t i0 = 0;
  for (; i0 + 16 <= stride; i0 += 16) detail::affine_block<16>(w, b, x, z, in, out, stride, i0);
  for (; i0 + 8 <= stride; i0 += 8) detail::affine_block<8>(w, b, x, z, in, out, stride, i0);
  for (; i0 < stride; i0 += kLanes) detail::affine_block<kLanes>(w, b, x, z, in, out, stride, i0);
}

// dx[k][i] = sum_j w[j][k] dz[j][i]: the gradient reaching the layer's inputs.
inline void affine_transposed(const float* w, const float* dz, float* dx, int in, int out, size_t stride) {
  size_t i0 = 0;
  for (; i0 + 16 <= stride; i0 += 16) detail::transposed_block<16>(w, dz, dx, in, out, stride, i0);
  for (; i0 + 8 <= stride; i0 += 8) detail::transposed_block<8>(w, dz, dx, in, out, stride, i0);
  for (; i0 < stride; i0 += kLanes) detail::transposed_block<kLanes>(w, dz, dx, in, out, stride, i0);
}

// sum_i a[i] * b[i] over a padded row: kLanes partial sums, then combined pairwise.
inline float dot(const float* __restrict a, const float* __restrict b, size_t stride) {
  float acc[kLanes] = {};
  for (size_t i0 = 0; i0 < stride; i0 += kLanes)
    for (size_t l = 0; l < kLanes; ++l) acc[l] += a[i0 + l] * b[i0 + l];
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

inline float sum(const float* __restrict a, size_t stride) {
  float acc[kLanes] = {};
  for (size_t i0 = 0; i0 < stride; i0 += kLanes)
    for (size_t l = 0; l < kLanes; ++l) acc[l] += a[i0 + l];
  return (acc[0] + acc[1]) + (acc[2] + acc[3]);
}

// gw[j][k] += sum_i dz[j][i] x[k][i]; gb[j] += sum_i dz[j][i]. Padded points have dz = 0.
inline void accumulate_weight_grads(const float* dz, const float* x, float* gw, float* gb, int in, int out,
                                    size_t stride) {
  for (int j = 0; j < out; ++j) {
    const float* dzj = dz + size_t(j) * stride;
    for (int k = 0; k < in; ++k) gw[size_t(j) * size_t(in) + size_t(k)] += dot(dzj, x + size_t(k) * stride, stride);
    gb[j] += sum(dzj, stride);
  }
}

}  // namespace actlab::dense
