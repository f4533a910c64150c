// Whole-network gradient check: every parameter (weights, biases, PReLU slopes) of nets of several
// depths, for every activation, against central differences of the loss itself.
#include <catch2/catch.hpp>

#include <cmath>

#include "lab_fixtures.hpp"

using namespace actlab;

namespace {

struct Batch {
  std::vector<float> xy;
  std::vector<int32_t> labels;
};

Batch batch_from(const Network& net, size_t n) {
  Batch b;
  const Points& p = net.data().train;
  for (size_t i = 0; i < n; ++i) {
    b.xy.push_back(p.x[i]);
    b.xy.push_back(p.y[i]);
    b.labels.push_back(p.label[i]);
  }
  return b;
}

}  // namespace

TEST_CASE("analytic gradient matches central differences for every parameter", "[mlp][gradient]") {
  const ActivationSpec& act = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  const std::vector<int> hidden = GENERATE(std::vector<int>{}, std::vector<int>{5}, std::vector<int>{4, 3, 4});
  INFO(act.name << " with " << hidden.size() << " hidden layers");
  LabConfig c = test::config_for(act.id, hidden);
  c.features = {Feature::x, Feature::y, Feature::x_times_y};
  c.init = InitScheme::xavier_normal;
  auto net = test::network_for(c);
  // Take a few steps first so PReLU slopes and biases move off their initial values.
  net->train(20);
  const Batch batch = batch_from(*net, 16);
  const std::vector<float> start(net->params().begin(), net->params().end());
  const LossAndGradient analytic = net->loss_and_gradient(batch.xy, batch.labels);

  const float h = 1e-3f;
  double largest = 0.0;
  int mismatches = 0;
  std::vector<float> probe = start;
  for (size_t i = 0; i < start.size(); ++i) {
    probe[i] = start[i] + h;
    net->set_params(probe);
    const double up = net->loss_and_gradient(batch.xy, batch.labels).loss;
    probe[i] = start[i] - h;
    net->set_params(probe);
    const double down = net->loss_and_gradient(batch.xy, batch.labels).loss;
    probe[i] = start[i];
    const double numeric = (up - down) / (2.0 * double(h));
    const double g = analytic.gradient[i];
    largest = std::max(largest, std::fabs(g));
    // float32 forward passes: allow rounding noise plus the O(h^2) truncation of the difference.
    const double tolerance = 2e-4 + 3e-2 * std::fabs(numeric);
    if (std::fabs(g - numeric) > tolerance) {
      ++mismatches;
      INFO("param " << i << ": analytic " << g << " numeric " << numeric);
      CHECK_FALSE(act.props.smooth);  // smooth activations must match everywhere
    }
  }
  // Kinked activations may straddle a kink within +-h for a few parameters, never for many.
  CHECK(mismatches <= int(start.size() / 20));
  net->set_params(start);
  CHECK(largest > 1e-4);  // an all-zero gradient would pass every comparison above
}

TEST_CASE("PReLU slopes receive a gradient and are trained", "[mlp][gradient]") {
  auto net = test::network_for(test::config_for(ActivationId::prelu, {6, 6}));
  const Mlp& mlp = net->model();
  const size_t first_slope = mlp.layers()[0].slope_offset;
  REQUIRE(first_slope != kNoOffset);
  REQUIRE(mlp.layers()[1].slope_offset == first_slope + 6);
  REQUIRE(mlp.params().size() == first_slope + 12);  // slopes come last, PyTorch order before them
  CHECK(mlp.params()[first_slope] == 0.25f);
  net->train(200);
  bool moved = false;
  for (size_t i = first_slope; i < first_slope + 12; ++i) moved |= net->params()[i] != 0.25f;
  CHECK(moved);
}

TEST_CASE("parameters are laid out as PyTorch's nn.Linear", "[mlp]") {
  const std::vector<int> hidden = {3, 4};
  const std::vector<ActivationId> acts = {ActivationId::relu, ActivationId::relu};
  Mlp mlp(2, hidden, acts, 5);
  const auto layers = mlp.layers();
  REQUIRE(layers.size() == 3);
  CHECK(layers[0].weight_offset == 0);
  CHECK(layers[0].bias_offset == 6);     // weight [3][2]
  CHECK(layers[1].weight_offset == 9);   // bias [3]
  CHECK(layers[1].bias_offset == 21);    // weight [4][3]
  CHECK(layers[2].weight_offset == 25);
  CHECK(layers[2].bias_offset == 45);    // weight [5][4]
  CHECK(mlp.params().size() == 50);
}

TEST_CASE("softmax cross-entropy stays finite for extreme logits", "[mlp]") {
  const std::vector<int> hidden = {};
  const std::vector<ActivationId> acts = {};
  Mlp mlp(2, hidden, acts, 3);
  auto w = mlp.params();
  // Logits of +-1e4 for a point at (1, 1): a naive softmax would overflow to inf/inf.
  std::fill(w.begin(), w.end(), 0.0f);
  w[0] = 5000.0f; w[1] = 5000.0f;    // class 0
  w[2] = -5000.0f; w[3] = -5000.0f;  // class 1
  const float inputs[2] = {1.0f, 1.0f};
  const int32_t wrong[1] = {1}, right[1] = {0};
  mlp.forward(inputs, 1, PassMode::evaluate, nullptr);
  CHECK(std::isfinite(mlp.loss_sum(wrong)));
  CHECK_THAT(mlp.loss_sum(wrong), Catch::Matchers::WithinRel(20000.0, 1e-6));
  CHECK_THAT(mlp.loss_sum(right), Catch::Matchers::WithinAbs(0.0, 1e-6));
}
