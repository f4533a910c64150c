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

// Explicit 4-lane vectors (GCC/clang vector extensions: SSE natively, simd128 in wasm) where the
// auto-vectorisers disagree: GCC left the reductions below scalar (two thirds of a training step),
// clang vectorised them. Loads and stores go through memcpy, so rows need no alignment.
typedef float V4 __attribute__((vector_size(16)));
inline V4 load4(const float* p) {
  V4 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
inline void store4(float* p, V4 v) { __builtin_memcpy(p, &v, sizeof v); }
inline float lanes_sum(V4 a) { return (a[0] + a[1]) + (a[2] + a[3]); }
// {lanes_sum(a), lanes_sum(b), lanes_sum(c), lanes_sum(d)}, with the same additions in the same
// order as lanes_sum (so the same bits), by two rounds of shuffles instead of twelve scalar adds.
inline V4 lanes_sum4(V4 a, V4 b, V4 c, V4 d) {
  const V4 ab = __builtin_shufflevector(a, b, 0, 4, 2, 6) + __builtin_shufflevector(a, b, 1, 5, 3, 7);
  const V4 cd = __builtin_shufflevector(c, d, 0, 4, 2, 6) + __builtin_shufflevector(c, d, 1, 5, 3, 7);
  return __builtin_shufflevector(ab, cd, 0, 1, 4, 5) + __builtin_shufflevector(ab, cd, 2, 3, 6, 7);
}

// sum_i a[i] * b[i] over a padded row: kLanes partial sums, then combined pairwise.
inline float dot(const float* __restrict a, const float* __restrict b, size_t stride) {
  V4 acc = {};
  for (size_t i0 = 0; i0 < stride; i0 += kLanes) acc += load4(a + i0) * load4(b + i0);
  return lanes_sum(acc);
}

inline float sum(const float* __restrict a, size_t stride) {
  V4 acc = {};
  for (size_t i0 = 0; i0 < stride; i0 += kLanes) acc += load4(a + i0);
  return lanes_sum(acc);
}

// gw[j][k] += sum_i dz[j][i] x[k][i]; gb[j] += sum_i dz[j][i]. Padded points have dz = 0.
// Four inputs k at a time: four dot products share each load of dz[j], and their lane sums are
// combined in one vector and added to gw[j][k..k+3] at once. Each sum is exactly dot()'s.
inline void accumulate_weight_grads(const float* __restrict dz, const float* __restrict x, float* __restrict gw,
                                    float* __restrict gb, int in, int out, size_t stride) {
  for (int j = 0; j < out; ++j) {
    const float* dzj = dz + size_t(j) * stride;
    float* gwj = gw + size_t(j) * size_t(in);
    int k = 0;
    for (; k + 4 <= in; k += 4) {
      const float* x0 = x + size_t(k) * stride;
      V4 a0 = {}, a1 = {}, a2 = {}, a3 = {};
      for (size_t i0 = 0; i0 < stride; i0 += kLanes) {
        const V4 d = load4(dzj + i0);
        a0 += d * load4(x0 + i0);
        a1 += d * load4(x0 + stride + i0);
        a2 += d * load4(x0 + 2 * stride + i0);
        a3 += d * load4(x0 + 3 * stride + i0);
      }
      store4(gwj + k, load4(gwj + k) + lanes_sum4(a0, a1, a2, a3));
    }
    for (; k < in; ++k) gwj[k] += dot(dzj, x + size_t(k) * stride, stride);
    gb[j] += sum(dzj, stride);
  }
}

}  // namespace actlab::dense
