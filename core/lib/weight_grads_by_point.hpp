#pragma once
// The weight gradient of a small batch, gw[j][k] += sum_i dz[j][i] x[k][i], with the vectors
// running over inputs k instead of over points i.
//
// Why: dense::accumulate_weight_grads puts points in the vector lanes, so every gw[j][k] ends
// with a horizontal sum of four lanes. A training batch of 10 points is 3 vectors, so that loop
// ran 3 iterations and then spent as many instructions on the lane sums as on the products: a
// third of a training step, natively and in wasm alike (perf, and V8's profile of a
// --profiling-funcs build). Here the layer's inputs are first transposed to point-major rows
// (xt[i][k], a few shuffles per 4x4 block), and each point adds splat(dz[j][i]) * xt[i][k..k+3]
// into accumulators that stay in registers for the whole batch: no lane sums at all.
//
// Bits: each gw[j][k] is 0 + the products of points 0, 1, ..., n-1 in order, then added to gw:
// one fixed order whatever the vector width, so native and wasm agree. It is not the order of
// accumulate_weight_grads (lanes, then pairwise), so Mlp picks one kernel by the batch's size
// alone (kByPointMaxPoints), never by platform.
#include <algorithm>
#include <cstddef>

#include "dense_kernels.hpp"

namespace actlab::dense {

// xt[i * padded(in) + k] = x[k * stride + i] for every point i < stride and input k < in; the
// lanes [in, padded(in)) of each row are zero. xt holds stride * padded(in) floats.
inline void transpose_to_points(const float* __restrict x, float* __restrict xt, int in, size_t stride) {
  const size_t inputs = size_t(in), row = padded(inputs);
  const V4 zero = splat<V4>(0.0f);
  for (size_t k = 0; k < inputs; k += kLanes) {
    // Rows k..k+3 of x; past the last input, zeros (the padding lanes of xt).
    const float* x0 = x + k * stride;
    const size_t rows = std::min(kLanes, inputs - k);
    for (size_t i0 = 0; i0 < stride; i0 += kLanes) {
      const Transposed4 t = transpose4(load4(x0 + i0), rows > 1 ? load4(x0 + stride + i0) : zero,
                                       rows > 2 ? load4(x0 + 2 * stride + i0) : zero,
                                       rows > 3 ? load4(x0 + 3 * stride + i0) : zero);
      for (size_t c = 0; c < kLanes; ++c) store4(xt + (i0 + c) * row + k, t.lane[c]);
    }
  }
}

namespace detail {

// NJ rows j from j0 times KV vectors of inputs from k0, accumulated over the n points in
// registers (NJ * KV <= 8, so with the loaded inputs and a splat they fit 16 vector registers).
template <int NJ, int KV>
inline void grads_by_point_tile(const float* __restrict dz, const float* __restrict xt, float* __restrict gw,
                                int in, size_t n, size_t stride, int j0, int k0) {
  const size_t row = padded(size_t(in));
  V4 acc[NJ][KV];
  for (int jj = 0; jj < NJ; ++jj)
    for (int v = 0; v < KV; ++v) acc[jj][v] = splat<V4>(0.0f);
  const float* dzi = dz + size_t(j0) * stride;  // dz[j0][i]; row jj is jj * stride further
  const float* xi = xt + k0;                    // xt[i][k0]
  for (size_t i = 0; i < n; ++i, ++dzi, xi += row) {
    V4 xv[KV];
    for (int v = 0; v < KV; ++v) xv[v] = load4(xi + v * kLanes);
    for (int jj = 0; jj < NJ; ++jj) {
      const V4 d = splat<V4>(dzi[size_t(jj) * stride]);
      for (int v = 0; v < KV; ++v) acc[jj][v] += d * xv[v];
    }
  }
  // Whole vectors straight from the registers; a last partial vector (in not a multiple of 4)
  // through a small array, so that indexing its lanes does not put every accumulator in memory.
  const bool whole = k0 + KV * int(kLanes) <= in;
  for (int jj = 0; jj < NJ; ++jj) {
    float* g = gw + size_t(j0 + jj) * size_t(in) + size_t(k0);
    for (int v = 0; v < KV; ++v) {
      const int k = v * int(kLanes), valid = std::min(int(kLanes), in - k0 - k);
      if (whole || valid == int(kLanes)) {
        store4(g + k, load4(g + k) + acc[jj][v]);
      } else {
        float lanes[kLanes];
        store4(lanes, acc[jj][v]);
        for (int l = 0; l < valid; ++l) g[k + l] += lanes[l];
      }
    }
  }
}

template <int NJ, int KV>
inline void grads_by_point_rows(const float* dz, const float* xt, float* gw, int in, int out, size_t n,
                                size_t stride, int k0) {
  int j = 0;
  for (; j + NJ <= out; j += NJ) grads_by_point_tile<NJ, KV>(dz, xt, gw, in, n, stride, j, k0);
  for (; j < out; ++j) grads_by_point_tile<1, KV>(dz, xt, gw, in, n, stride, j, k0);
}

}  // namespace detail

// gw[j][k] += sum_{i < n} dz[j][i] x[k][i] (see above), given xt = transpose_to_points(x);
// gb[j] += sum(dz[j]) exactly as accumulate_weight_grads does it. Up to 16 inputs per pass.
inline void accumulate_weight_grads_by_point(const float* dz, const float* xt, float* gw, float* gb, int in,
                                             int out, size_t n, size_t stride) {
  for (int k0 = 0; k0 < in; k0 += 4 * int(kLanes)) {
    switch (std::min(4, (in - k0 + int(kLanes) - 1) / int(kLanes))) {
      case 1: detail::grads_by_point_rows<4, 1>(dz, xt, gw, in, out, n, stride, k0); break;
      case 2: detail::grads_by_point_rows<4, 2>(dz, xt, gw, in, out, n, stride, k0); break;
      case 3: detail::grads_by_point_rows<2, 3>(dz, xt, gw, in, out, n, stride, k0); break;
      default: detail::grads_by_point_rows<2, 4>(dz, xt, gw, in, out, n, stride, k0); break;
    }
  }
  // Biases four rows at a time: each row's sum exactly as sum() forms it, the four lane sums in
  // one lanes_sum4.
  int j = 0;
  for (; j + 4 <= out; j += 4) {
    const float* d = dz + size_t(j) * stride;
    V4 acc[4] = {};
    for (size_t i0 = 0; i0 < stride; i0 += kLanes)
      for (size_t r = 0; r < 4; ++r) acc[r] += load4(d + r * stride + i0);
    store4(gb + j, load4(gb + j) + lanes_sum4(acc[0], acc[1], acc[2], acc[3]));
  }
  for (; j < out; ++j) gb[j] += sum(dz + size_t(j) * stride, stride);
}

}  // namespace actlab::dense
