// Sparsity's consequence: the share of the forward pass's multiply-adds whose input is an exact
// zero (work a sparse kernel could skip), on a ReLU net whose weights are set by hand so that every
// zero is known: one input feature is 0, a dead unit, half-silent units.
#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "diagnostics.hpp"
#include "lab_fixtures.hpp"

using namespace actlab;
using Catch::Matchers::WithinAbs;

namespace {

// 2 features -> 2 ReLU -> 3 ReLU -> 2 softmax on four points, parameters in PyTorch's order.
std::unique_ptr<Network> known_zeros_net() {
  LabConfig c = test::config_for(ActivationId::relu, {2, 3});
  auto data = std::make_shared<Dataset>();
  data->classes = 2;
  data->train.push(1.0f, 2.0f, 0);
  data->train.push(-1.0f, 0.5f, 1);
  data->train.push(0.0f, 1.0f, 0);  // x = 0: one exact zero among the 8 features
  data->train.push(2.0f, -1.0f, 1);
  auto net = std::make_unique<Network>(c, data);
  const std::vector<float> params = {
      0, 0, 1, 0,        // layer 0 weights [out][in]: unit 0 sees nothing, unit 1 sees x
      -1, 0,             // biases: unit 0 is always 0 (dead); unit 1 = relu(x): 1, 0, 0, 2
      0, 1, 0, 0, 0, -1, // layer 1: relu(h1) = 1, 0, 0, 2; a constant 1; relu(-h1) = 0 always
      0, 1, 0,
      1, -1, 0.5f, 0.5f, 1, -1,  // output layer
      0, 0,
  };
  REQUIRE(net->params().size() == params.size());
  net->set_params(params);
  return net;
}

}  // namespace

TEST_CASE("each layer's share of multiply-adds by an exact zero input, by hand", "[diagnostics][sparsity]") {
  auto net = known_zeros_net();
  const Diagnostics d = diagnose(*net);
  REQUIRE(d.layers.size() == 3);
  // Zero outputs: layer 0 has 4 (dead unit) + 2 = 6 of 8; layer 1 has 2 + 0 + 4 = 6 of 12.
  CHECK_THAT(d.layers[0].zero_fraction, WithinAbs(6.0 / 8.0, 1e-12));
  CHECK_THAT(d.layers[1].zero_fraction, WithinAbs(6.0 / 12.0, 1e-12));
  // A layer's inputs are the previous layer's outputs (the features' for the first).
  CHECK_THAT(d.layers[0].zero_input_fraction, WithinAbs(1.0 / 8.0, 1e-12));
  CHECK_THAT(d.layers[1].zero_input_fraction, WithinAbs(6.0 / 8.0, 1e-12));
  CHECK_THAT(d.layers[2].zero_input_fraction, WithinAbs(6.0 / 12.0, 1e-12));
}

TEST_CASE("the network's share of multiply-adds by an exact zero weighs each zero by the next layer's width",
          "[diagnostics][sparsity]") {
  auto net = known_zeros_net();
  const Diagnostics d = diagnose(*net);
  // Multiply-adds per pass over 4 points: 2x2x4 + 2x3x4 + 3x2x4 = 64. By a zero: a zero feature
  // feeds 2 units, each zero of layer 0 feeds 3, each zero of layer 1 feeds 2: 1x2 + 6x3 + 6x2 = 32.
  CHECK_THAT(d.zero_multiply_add_fraction, WithinAbs(32.0 / 64.0, 1e-12));
  // Not the plain zero share of the hidden outputs (12 of 20), which ignores where the zeros go.
  CHECK(d.zero_multiply_add_fraction != Approx(12.0 / 20.0));
}

TEST_CASE("an activation without exact zeros leaves no multiply-add by zero", "[diagnostics][sparsity]") {
  auto net = test::network_for(test::config_for(ActivationId::tanh, {8, 8}));
  const Diagnostics d = diagnose(*net);
  CHECK(d.zero_multiply_add_fraction < 1e-3);  // only features that happen to be exactly 0
  for (const auto& layer : d.layers) CHECK(layer.zero_input_fraction <= d.layers[0].zero_input_fraction + 1e-3);
}
