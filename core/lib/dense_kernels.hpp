#pragma once
// The dense-layer loops, on explicit vectors (GCC natively, clang -msimd128 in wasm) in register
// tiles. Activations are neuron-major, x[k * stride + i] for feature k of point i, with the point
// count padded to a multiple of kLanes so that every loop runs over whole blocks of points.
// Each point's sums keep one fixed order (bias first, then inputs in order; reductions over
// points by lanes, then the lanes pairwise), so native and wasm give the same bits.
#include <cstddef>

namespace actlab::dense {

inline constexpr size_t kLanes = 4;  // one 128-bit vector of floats
static_assert(kLanes == 4, "dot() and sum() combine exactly four lanes");
inline constexpr size_t padded(size_t n) { return (n + kLanes - 1) / kLanes * kLanes; }

// Explicit vectors (GCC/clang vector extensions: SSE/AVX natively, simd128 in wasm) where the
// auto-vectorisers disagree: GCC left the reductions scalar (two thirds of a training step),
// clang vectorised them. Loads and stores go through memcpy, so rows need no alignment.
typedef float V4 __attribute__((vector_size(16)));
#if defined(__AVX__)
typedef float V8 __attribute__((vector_size(32)));
#endif

template <class V>
inline V load(const float* p) {
  V v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
template <class V>
inline void store(float* p, V v) {
  __builtin_memcpy(p, &v, sizeof v);
}
// Brace-initialised, not filled lane by lane: GCC builds the latter with a chain of inserts.
template <class V>
inline V splat(float s);
template <>
inline V4 splat<V4>(float s) {
  const V4 v = {s, s, s, s};
  return v;
}
#if defined(__AVX__)
template <>
inline V8 splat<V8>(float s) {
  const V8 v = {s, s, s, s, s, s, s, s};
  return v;
}
#endif
inline V4 load4(const float* p) { return load<V4>(p); }
inline void store4(float* p, V4 v) { store<V4>(p, v); }
inline float lanes_sum(V4 a) { return (a[0] + a[1]) + (a[2] + a[3]); }
// The 4x4 transpose {a, b, c, d} -> {lane 0 of each, lane 1 of each, ...}. It uses only interleave
// and 64-bit-half shuffles, which V8 maps to one x86 instruction each
// (unpcklps/unpckhps/punpcklqdq/punpckhqdq); other lane patterns cost it a pshufb sequence.
struct Transposed4 {
  V4 lane[4];
};
inline Transposed4 transpose4(V4 a, V4 b, V4 c, V4 d) {
  const V4 ab_lo = __builtin_shufflevector(a, b, 0, 4, 1, 5), ab_hi = __builtin_shufflevector(a, b, 2, 6, 3, 7);
  const V4 cd_lo = __builtin_shufflevector(c, d, 0, 4, 1, 5), cd_hi = __builtin_shufflevector(c, d, 2, 6, 3, 7);
  return {{__builtin_shufflevector(ab_lo, cd_lo, 0, 1, 4, 5),    // {a0, b0, c0, d0}
           __builtin_shufflevector(ab_lo, cd_lo, 2, 3, 6, 7),    // {a1, b1, c1, d1}
           __builtin_shufflevector(ab_hi, cd_hi, 0, 1, 4, 5),
           __builtin_shufflevector(ab_hi, cd_hi, 2, 3, 6, 7)}};
}
// {lanes_sum(a), lanes_sum(b), lanes_sum(c), lanes_sum(d)}, with the same additions in the same
// order as lanes_sum (so the same bits): a transpose, then three vector adds.
inline V4 lanes_sum4(V4 a, V4 b, V4 c, V4 d) {
  const Transposed4 t = transpose4(a, b, c, d);
  return (t.lane[0] + t.lane[1]) + (t.lane[2] + t.lane[3]);
}

namespace detail {

// What a tile stores: the sums themselves (Linear), or an activation of them (a functor with
// static V apply(V)), so a pass that needs only a layer's outputs never stores and reloads its sums.
struct Linear {
  template <class V>
  static V apply(V v) { return v; }
};

// Register tiles: NJ output rows x NV vectors of points, all accumulators in registers across the
// whole k loop; each loaded input vector serves NJ rows and each weight NV vectors. Per point the
// sum is bias first, then k in order, whatever the tile shape, vector width or weight layout: the
// same bits.
// Weights row-major (w[j][k], kColumns false) or column-major (w[k][j], row k of `out` floats,
// kColumns true). Pointers are stepped by hand because Emscripten compiles without loop strength
// reduction: indexed as w[j * in + k] and x[k * stride + i], V8's code recomputed each address with
// a multiply at every k. Column-major, the NJ weights of step k lie side by side at fixed offsets
// from one pointer, which wasm loads with an immediate offset: worth a transpose over many points.
template <class V, int NJ, int NV, bool kColumns, class Out = Linear>
inline void affine_tile(const float* __restrict w, const float* __restrict b, const float* __restrict x,
                        float* __restrict z, int in, int out, size_t stride, int j0, size_t i0) {
  constexpr size_t L = sizeof(V) / sizeof(float);
  V acc[NJ][NV];
  const float* rows[NJ];  // row-major: each row's pointer; column-major: unused
  for (int jj = 0; jj < NJ; ++jj) {
    rows[jj] = w + size_t(j0 + jj) * size_t(in);
    for (int v = 0; v < NV; ++v) acc[jj][v] = splat<V>(b[j0 + jj]);
  }
  const float* xk = x + i0;
  const float* wk = w + j0;  // column-major: step k's weights for rows j0..j0+NJ
  for (int k = 0; k < in; ++k, xk += stride, wk += out) {
    V xv[NV];
    for (int v = 0; v < NV; ++v) xv[v] = load<V>(xk + v * L);
    for (int jj = 0; jj < NJ; ++jj) {
      const V wv = splat<V>(kColumns ? wk[jj] : rows[jj][k]);
      for (int v = 0; v < NV; ++v) acc[jj][v] += wv * xv[v];
    }
  }
  for (int jj = 0; jj < NJ; ++jj)
    for (int v = 0; v < NV; ++v) store<V>(z + size_t(j0 + jj) * stride + i0 + v * L, Out::apply(acc[jj][v]));
}

// Rows in tiles of 4, 2, then one at a time, for one block of points (row-major weights and three
// vectors of points: tiles of 3, then one at a time).
template <class V, int NV, bool kColumns, class Out>
inline void affine_rows(const float* w, const float* b, const float* x, float* z, int in, int out, size_t stride,
                        size_t i0) {
  int j = 0;
  if constexpr (NV == 3 && !kColumns) {  // three rows: see starts_with_three
    for (; j + 3 <= out; j += 3) affine_tile<V, 3, NV, kColumns, Out>(w, b, x, z, in, out, stride, j, i0);
  } else {
    for (; j + 4 <= out; j += 4) affine_tile<V, 4, NV, kColumns, Out>(w, b, x, z, in, out, stride, j, i0);
    for (; j + 2 <= out; j += 2) affine_tile<V, 2, NV, kColumns, Out>(w, b, x, z, in, out, stride, j, i0);
  }
  for (; j < out; ++j) affine_tile<V, 1, NV, kColumns, Out>(w, b, x, z, in, out, stride, j, i0);
}

// dx[k][i] for NK inputs k: the weights w[j][k0..k0+NK) lie side by side in row j.
template <class V, int NK, int NV>
inline void transposed_tile(const float* __restrict w, const float* __restrict dz, float* __restrict dx, int in,
                            int out, size_t stride, int k0, size_t i0) {
  constexpr size_t L = sizeof(V) / sizeof(float);
  V acc[NK][NV];
  for (int kk = 0; kk < NK; ++kk)
    for (int v = 0; v < NV; ++v) acc[kk][v] = splat<V>(0.0f);
  const float* dzj = dz + i0;
  const float* wj = w + k0;
  for (int j = 0; j < out; ++j, dzj += stride, wj += in) {
    V dv[NV];
    for (int v = 0; v < NV; ++v) dv[v] = load<V>(dzj + v * L);
    for (int kk = 0; kk < NK; ++kk) {
      const V wk = splat<V>(wj[kk]);
      for (int v = 0; v < NV; ++v) acc[kk][v] += wk * dv[v];
    }
  }
  for (int kk = 0; kk < NK; ++kk)
    for (int v = 0; v < NV; ++v) store<V>(dx + size_t(k0 + kk) * stride + i0 + v * L, acc[kk][v]);
}

template <class V, int NV>
inline void transposed_rows(const float* w, const float* dz, float* dx, int in, int out, size_t stride, size_t i0) {
  int k = 0;
  if constexpr (NV == 3) {  // three inputs: see starts_with_three
    for (; k + 3 <= in; k += 3) transposed_tile<V, 3, NV>(w, dz, dx, in, out, stride, k, i0);
  } else {
    for (; k + 4 <= in; k += 4) transposed_tile<V, 4, NV>(w, dz, dx, in, out, stride, k, i0);
  }
  for (; k < in; ++k) transposed_tile<V, 1, NV>(w, dz, dx, in, out, stride, k, i0);
}

#if defined(__AVX__)
using Wide = V8;  // native AVX builds: 8 points per vector (the bits do not depend on the width)
#else
using Wide = V4;
#endif
inline constexpr size_t kWide = sizeof(Wide) / sizeof(float);

// Wide vectors of points per tile: Out::kPointVectors where an output functor sets it, else 2.
template <class Out>
constexpr int point_vectors() {
  if constexpr (requires { Out::kPointVectors; }) return Out::kPointVectors;
  else return 2;
}

// A training batch of 10 is 12 padded points, three 4-lane vectors: as one tile of three, each
// weight splat serves 12 points instead of 8 and then 4. So a small batch (the row-major path, and
// affine_transposed) with an odd count of vectors from three on starts with such a block; the rest
// is even. Its tiles take three rows or inputs, 9 sums in registers: 4 x 3 sums, with the inputs,
// a splat and a product, outnumber the 15 vector registers V8 allocates, and a training step in
// wasm ran ~3% slower than before instead of ~3% faster. The bits do not depend on the tiles.
inline constexpr bool starts_with_three(size_t stride) { return stride >= 3 * kLanes && (stride / kLanes) % 2 == 1; }

// Blocks of point_vectors<Out>() wide vectors of points, then of two, then single 4-lane vectors.
template <bool kColumns, class Out>
inline void affine_blocks(const float* w, const float* b, const float* x, float* z, int in, int out, size_t stride) {
  constexpr int NV = point_vectors<Out>();
  size_t i0 = 0;
  if constexpr (NV == 2 && !kColumns) {
    if (starts_with_three(stride)) {
      affine_rows<V4, 3, kColumns, Out>(w, b, x, z, in, out, stride, 0);
      i0 = 3 * kLanes;
    }
  }
  for (; i0 + NV * kWide <= stride; i0 += NV * kWide) affine_rows<Wide, NV, kColumns, Out>(w, b, x, z, in, out, stride, i0);
  if constexpr (NV > 2)
    for (; i0 + 2 * kWide <= stride; i0 += 2 * kWide) affine_rows<Wide, 2, kColumns, Out>(w, b, x, z, in, out, stride, i0);
  for (; i0 < stride; i0 += kLanes) affine_rows<V4, 1, kColumns, Out>(w, b, x, z, in, out, stride, i0);
}

}  // namespace detail

// z[j][i] = b[j] + sum_k w[j][k] x[k][i] for every point i < stride (a multiple of kLanes).
// w is [out][in] row-major.
inline void affine(const float* w, const float* b, const float* x, float* z, int in, int out, size_t stride) {
  detail::affine_blocks<false, detail::Linear>(w, b, x, z, in, out, stride);
}

// affine() with the weights given column-major, wt[k * out + j] = w[j][k]: the same bits, faster
// over many points (see affine_tile); for a handful, transposing costs more than it saves.
// With Out an activation, z receives Out::apply of each sum instead (only where Wide is V4: Out
// works on 4-lane vectors).
template <class Out = detail::Linear>
inline void affine_columns(const float* wt, const float* b, const float* x, float* z, int in, int out,
                           size_t stride) {
  detail::affine_blocks<true, Out>(wt, b, x, z, in, out, stride);
}

// dx[k][i] = sum_j w[j][k] dz[j][i]: the gradient reaching the layer's inputs.
inline void affine_transposed(const float* w, const float* dz, float* dx, int in, int out, size_t stride) {
  size_t i0 = 0;
  if (detail::starts_with_three(stride)) {  // see affine_blocks
    detail::transposed_rows<V4, 3>(w, dz, dx, in, out, stride, 0);
    i0 = 3 * kLanes;
  }
  for (; i0 + 2 * detail::kWide <= stride; i0 += 2 * detail::kWide)
    detail::transposed_rows<detail::Wide, 2>(w, dz, dx, in, out, stride, i0);
  for (; i0 < stride; i0 += kLanes) detail::transposed_rows<V4, 1>(w, dz, dx, in, out, stride, i0);
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
