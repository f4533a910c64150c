// The dense-layer loops. The two forms of the forward sum (weights row-major, dense::affine, for
// small batches; column-major, dense::affine_columns, from Mlp's threshold on) must give the same
// bits, or a point's probabilities would depend on how many points share its pass.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "dense_kernels.hpp"
#include "weight_grads_by_point.hpp"
#include "lab_fixtures.hpp"
#include "rng.hpp"

using namespace actlab;

namespace {

std::vector<float> uniform_values(size_t n, Pcg32& rng) {
  std::vector<float> v(n);
  for (auto& x : v) x = rng.uniform(-2.0f, 2.0f);
  return v;
}

}  // namespace

TEST_CASE("affine and affine_columns give the same bits for every shape", "[dense]") {
  Pcg32 rng(3, RngStream::bench);
  for (int in : {1, 2, 3, 5, 7, 16, 33, 64})
    for (int out : {1, 2, 3, 4, 5, 8, 16, 63})
      for (size_t stride : {size_t(4), size_t(12), size_t(20), size_t(64), size_t(100), size_t(256)}) {
        const auto w = uniform_values(size_t(in) * size_t(out), rng), b = uniform_values(size_t(out), rng);
        const auto x = uniform_values(size_t(in) * stride, rng);
        std::vector<float> wt(w.size()), by_rows(size_t(out) * stride), by_columns(size_t(out) * stride);
        for (int j = 0; j < out; ++j)
          for (int k = 0; k < in; ++k) wt[size_t(k) * size_t(out) + size_t(j)] = w[size_t(j) * size_t(in) + size_t(k)];
        dense::affine(w.data(), b.data(), x.data(), by_rows.data(), in, out, stride);
        dense::affine_columns(wt.data(), b.data(), x.data(), by_columns.data(), in, out, stride);
        INFO("in " << in << ", out " << out << ", stride " << stride);
        REQUIRE(std::memcmp(by_rows.data(), by_columns.data(), by_rows.size() * sizeof(float)) == 0);
      }
}

TEST_CASE("a point's probabilities do not depend on how many points share its pass", "[dense][mlp]") {
  for (const char* activation : {"tanh", "relu", "gelu"}) {
    auto net = test::network_for(test::config_for(parse_activation(activation, "activation"), {16, 16}));
    Mlp& mlp = net->model();
    const auto& features = net->train_features();  // neuron-major, stride = training points
    const size_t total = net->data().train.size(), small = 12, large = 128;  // below and above the threshold
    REQUIRE(total >= large);
    mlp.forward(features.data(), small, PassMode::predict, nullptr, total);
    const size_t top = mlp.layers().size() - 1;
    std::vector<float> few(mlp.output(top), mlp.output(top) + mlp.stride() * size_t(mlp.classes()));
    const size_t few_stride = mlp.stride();
    mlp.forward(features.data(), large, PassMode::predict, nullptr, total);
    for (int c = 0; c < mlp.classes(); ++c)
      for (size_t i = 0; i < small; ++i) {
        INFO(activation << ", class " << c << ", point " << i);
        REQUIRE(std::memcmp(&few[size_t(c) * few_stride + i], mlp.output(top) + size_t(c) * mlp.stride() + i, sizeof(float)) == 0);
      }
  }
}

// weight_grads_by_point.hpp promises one summation order: 0 + point 0 + point 1 + ... in float,
// then added to gw. A plain loop in that order must give the same bits for every shape the core
// allows (inputs up to kMaxWidth, partial vectors, batches up to Mlp's by-point threshold).
TEST_CASE("accumulate_weight_grads_by_point sums point by point in order", "[dense]") {
  Pcg32 rng(5, RngStream::bench);
  for (int in : {1, 2, 3, 4, 5, 7, 8, 13, 16, 17, 31, 64})
    for (int out : {1, 2, 3, 5, 16})
      for (size_t n : {size_t(1), size_t(3), size_t(4), size_t(10), size_t(16)}) {
        const size_t stride = dense::padded(n);
        auto x = uniform_values(size_t(in) * stride, rng), dz = uniform_values(size_t(out) * stride, rng);
        for (int j = 0; j < out; ++j) std::fill(dz.begin() + j * stride + n, dz.begin() + (j + 1) * stride, 0.0f);
        const auto gw0 = uniform_values(size_t(in) * size_t(out), rng), gb0 = uniform_values(size_t(out), rng);
        std::vector<float> xt(stride * dense::padded(size_t(in)), -1.0f), gw = gw0, gb = gb0;
        dense::transpose_to_points(x.data(), xt.data(), in, stride);
        dense::accumulate_weight_grads_by_point(dz.data(), xt.data(), gw.data(), gb.data(), in, out, n, stride);
        INFO("in " << in << ", out " << out << ", n " << n);
        for (size_t i = 0; i < stride; ++i)
          for (size_t k = 0; k < dense::padded(size_t(in)); ++k)
            REQUIRE(xt[i * dense::padded(size_t(in)) + k] == (k < size_t(in) ? x[k * stride + i] : 0.0f));
        for (int j = 0; j < out; ++j) {
          for (int k = 0; k < in; ++k) {
            float acc = 0.0f;
            for (size_t i = 0; i < n; ++i) acc += dz[j * stride + i] * x[k * stride + i];
            const float expected = gw0[size_t(j) * size_t(in) + size_t(k)] + acc;
            REQUIRE(std::memcmp(&expected, &gw[size_t(j) * size_t(in) + size_t(k)], sizeof(float)) == 0);
          }
          const float expected_bias = gb0[size_t(j)] + dense::sum(dz.data() + j * stride, stride);
          REQUIRE(std::memcmp(&expected_bias, &gb[size_t(j)], sizeof(float)) == 0);
        }
      }
}

// affine_transposed's tiles (four or three inputs, one to three vectors of points: the block of
// three that starts a 12- or 20-point stride) must each give the plain loop's bits: 0, then
// w[j][k] dz[j][i] added for j in order.
TEST_CASE("affine_transposed sums over the outputs in order for every shape", "[dense]") {
  Pcg32 rng(7, RngStream::bench);
  for (int in : {1, 2, 3, 4, 5, 7, 16, 17})
    for (int out : {1, 2, 3, 16})
      for (size_t stride : {size_t(4), size_t(8), size_t(12), size_t(16), size_t(20), size_t(28)}) {
        const auto w = uniform_values(size_t(in) * size_t(out), rng), dz = uniform_values(size_t(out) * stride, rng);
        std::vector<float> dx(size_t(in) * stride, -1.0f);
        dense::affine_transposed(w.data(), dz.data(), dx.data(), in, out, stride);
        INFO("in " << in << ", out " << out << ", stride " << stride);
        for (int k = 0; k < in; ++k)
          for (size_t i = 0; i < stride; ++i) {
            float expected = 0.0f;
            for (int j = 0; j < out; ++j)
              expected += w[size_t(j) * size_t(in) + size_t(k)] * dz[size_t(j) * stride + i];
            REQUIRE(std::memcmp(&expected, &dx[size_t(k) * stride + i], sizeof(float)) == 0);
          }
      }
}

// A grid runs in chunks that share one column-major copy of the weights (Weights::as_last_pass).
// The copy must be the current weights: a grid after training equals the same grid from a fresh
// network given those parameters, and every chunk equals a pass that transposes anew.
TEST_CASE("chunked grid passes reuse the column copy of the current weights only", "[dense][mlp]") {
  for (const char* activation : {"tanh", "relu"}) {
    auto net = test::network_for(test::config_for(parse_activation(activation, "activation"), {16, 16}));
    GridSpec g;
    g.width = 40;  // 1,600 cells: seven chunks, the last one partial
    g.height = 40;
    const size_t size = size_t(net->model().classes()) * size_t(g.width) * size_t(g.height);
    std::vector<float> before(size), after(size), fresh_grid(size);
    net->predict_grid(g, before);
    net->train(50);
    net->predict_grid(g, after);
    auto fresh = test::network_for(test::config_for(parse_activation(activation, "activation"), {16, 16}));
    fresh->set_params(net->params());
    fresh->predict_grid(g, fresh_grid);
    INFO(activation);
    REQUIRE(std::memcmp(after.data(), before.data(), size * sizeof(float)) != 0);  // training moved the boundary
    REQUIRE(std::memcmp(after.data(), fresh_grid.data(), size * sizeof(float)) == 0);

    // Chunk by chunk with a fresh transpose each time: the same bits as the shared copy.
    Mlp& mlp = net->model();
    const size_t cells = size_t(g.width) * size_t(g.height);
    for (size_t begin = 0; begin < cells; begin += kPassChunk) {
      const size_t n = std::min(kPassChunk, cells - begin);
      mlp.forward(net->grid_features(g, begin, n), n, PassMode::predict, nullptr, 0, Weights::changed);
      for (int c = 0; c < mlp.classes(); ++c)
        REQUIRE(std::memcmp(mlp.output(mlp.layers().size() - 1) + size_t(c) * mlp.stride(), after.data() + size_t(c) * cells + begin,
                            n * sizeof(float)) == 0);
    }
  }
}
