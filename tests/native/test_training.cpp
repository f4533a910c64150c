// Training end to end with fixed seeds: the activations the lab races all learn the easy problems,
// and deep ReLU learns the spiral. Step counts are bounded, so a regression in speed of learning fails.
#include <catch2/catch.hpp>

#include "lab_fixtures.hpp"

using namespace actlab;

namespace {

Metrics train(ActivationId activation, DatasetKind data, std::vector<int> hidden, int steps, uint32_t seed = 3) {
  LabConfig c = test::config_for(activation, std::move(hidden), data, 400, seed);
  c.optimizer.kind = OptimizerKind::adam;
  c.optimizer.learning_rate = 0.01f;
  c.batch_size = 16;
  c.init = activation == ActivationId::tanh ? InitScheme::xavier : InitScheme::he;
  auto net = test::network_for(c);
  net->train(steps);
  REQUIRE_FALSE(net->diverged());
  return net->evaluate();
}

}  // namespace

TEST_CASE("common activations reach 95% test accuracy on circle and XOR", "[training]") {
  const ActivationId activation = GENERATE(ActivationId::relu, ActivationId::leaky_relu, ActivationId::elu,
                                           ActivationId::gelu, ActivationId::swish, ActivationId::tanh);
  const DatasetKind data = GENERATE(DatasetKind::circle, DatasetKind::xor_);
  INFO(activation_spec(activation).name << " on " << dataset_info(data).name);
  const Metrics m = train(activation, data, {8, 8}, 3000);
  CAPTURE(m.train_accuracy, m.test_accuracy);
  CHECK(m.test_accuracy >= 0.95);
}

TEST_CASE("ReLU with three hidden layers learns the two-arm spiral", "[training]") {
  const Metrics m = train(ActivationId::relu, DatasetKind::spiral, {16, 16, 16}, 6000);
  CAPTURE(m.train_accuracy, m.test_accuracy);
  CHECK(m.test_accuracy >= 0.90);
}

TEST_CASE("training lowers the loss", "[training]") {
  LabConfig c = test::config_for(ActivationId::relu, {8, 8}, DatasetKind::circle);
  auto net = test::network_for(c);
  const double before = net->evaluate().train_loss;
  net->train(500);
  CHECK(net->evaluate().train_loss < 0.5 * before);
  CHECK(net->steps() == 500);
}
