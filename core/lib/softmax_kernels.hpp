#pragma once
// The softmax passes of Mlp over padded rows ([class][point], n a multiple of dense::kLanes):
// any number of classes, two classes with one exp per point (the same bits), and in wasm a
// 2-class output layer fused with its softmax for prediction. All give the bits of the general
// path: max, e^(z - max) per class, the sum in class order, one division per class.
#include <algorithm>
#include <cstddef>

#include "dense_kernels.hpp"
#include "fast_math.hpp"

namespace actlab::softmax_kernels {

// p[i] = e^(z[i] - shift[i]) and sum[i] += p[i] over a padded row (n a multiple of kLanes). In
// wasm on four lanes with fm::exp4 (the same bits), where the vectorised scalar exp runs ~1.7x
// slower; the softmax's exps were 13% of a ReLU grid.
inline void exp_shifted_add(const float* z, const float* shift, float* p, float* sum, size_t n) {
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
inline void softmax_two(const float* z, float* p, float* max_out, float* sum_out, size_t n) {
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

inline void affine_softmax_two(const float* wt, const float* b, const float* x, float* p, int in, size_t stride) {
  size_t i0 = 0;
  for (; i0 + 4 * dense::kLanes <= stride; i0 += 4 * dense::kLanes) affine_softmax_two_block<4>(wt, b, x, p, in, stride, i0);
  for (; i0 < stride; i0 += dense::kLanes) affine_softmax_two_block<1>(wt, b, x, p, in, stride, i0);
}
#endif

// Any number of classes: p = e^(z - max) / sum over the classes, in class order.
inline void general_softmax(const float* z, float* p, float* max_out, float* sum_out, int k, size_t n) {
  for (size_t i = 0; i < n; ++i) max_out[i] = z[i];
  for (int c = 1; c < k; ++c)
    for (size_t i = 0; i < n; ++i) max_out[i] = std::max(max_out[i], z[c * n + i]);
  std::fill_n(sum_out, n, 0.0f);
  for (int c = 0; c < k; ++c) exp_shifted_add(z + c * n, max_out, p + c * n, sum_out, n);
  for (int c = 0; c < k; ++c)
    for (size_t i = 0; i < n; ++i) p[c * n + i] /= sum_out[i];
}

}  // namespace actlab::softmax_kernels
