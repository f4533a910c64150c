// The network's read-outs: grid layout, evaluation, diagnostics bookkeeping and the cost table.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "cost_benchmark.hpp"
#include "diagnostics.hpp"
#include "lab_fixtures.hpp"

using namespace actlab;
using Catch::Matchers::WithinAbs;

TEST_CASE("grid cells are planar per class, row 0 at the top", "[network][grid]") {
  auto net = test::network_for(test::config_for(ActivationId::relu, {}));
  // No hidden layer: logits z0 = 0, z1 = 2 y, so class 1 wins where y > 0 (the top rows).
  std::vector<float> params(net->params().size(), 0.0f);
  params[3] = 2.0f;  // weight[1][1]: class 1 from feature y
  net->set_params(params);
  const int w = 4, h = 6;
  std::vector<float> out(2 * w * h);
  net->predict_grid(GridSpec{-3, 3, -3, 3, w, h}, out);
  for (int col = 0; col < w; ++col) {
    CHECK(out[w * h + 0 * w + col] > 0.99f);          // top row: y = 2.5
    CHECK(out[w * h + (h - 1) * w + col] < 0.01f);    // bottom row: y = -2.5
  }
  for (int cell = 0; cell < w * h; ++cell) CHECK_THAT(out[cell] + out[w * h + cell], WithinAbs(1.0, 1e-6));
  // Cell centres: row 2 of 6 over [-3, 3] is y = 3 - 2.5 = 0.5, where p1 = sigmoid(2 * 0.5).
  CHECK_THAT(out[w * h + 2 * w], WithinAbs(1.0 / (1.0 + std::exp(-1.0)), 1e-5));
  // Columns: class 1 from x instead; column 1 of 4 over [-3, 3] is centred at x = -3 + 1.5 * 1.5.
  params[3] = 0.0f;
  params[2] = 2.0f;  // weight[1][0]
  net->set_params(params);
  net->predict_grid(GridSpec{-3, 3, -3, 3, w, h}, out);
  for (int row = 0; row < h; ++row)
    CHECK_THAT(out[w * h + row * w + 1], WithinAbs(1.0 / (1.0 + std::exp(-2.0 * -0.75)), 1e-5));
}

TEST_CASE("evaluate: loss and accuracy of hand-set weights on known points, NaN without test points", "[network]") {
  // No hidden layer, logits z0 = 0, z1 = 2 y: class 1 wins where y > 0, p(class 1) = s(2 y).
  auto data = std::make_shared<Dataset>();
  data->train.push(0.0f, 1.0f, 1);   // right, p = s(2)
  data->train.push(0.0f, -1.0f, 0);  // right, p = s(2)
  data->train.push(3.0f, 0.5f, 0);   // wrong, p = s(-1)
  data->test.push(1.0f, -2.0f, 0);   // right, p = s(4)
  data->test.push(0.0f, 3.0f, 0);    // wrong, p = s(-6)
  auto net = std::make_unique<Network>(test::config_for(ActivationId::relu, {}), data);
  std::vector<float> params(net->params().size(), 0.0f);
  params[3] = 2.0f;  // weight[1][1]: class 1 from feature y
  net->set_params(params);
  const auto s = [](double x) { return 1.0 / (1.0 + std::exp(-x)); };
  const Metrics m = net->evaluate();
  CHECK_THAT(m.train_accuracy, WithinAbs(2.0 / 3.0, 1e-12));
  CHECK_THAT(m.test_accuracy, WithinAbs(0.5, 1e-12));
  CHECK_THAT(m.train_loss, WithinAbs(-(2 * std::log(s(2)) + std::log(s(-1))) / 3, 1e-6));
  CHECK_THAT(m.test_loss, WithinAbs(-(std::log(s(4)) + std::log(s(-6))) / 2, 1e-6));

  LabConfig c = test::config_for(ActivationId::tanh, {8});
  c.test_fraction = 0.0f;
  const Metrics all_train = test::network_for(c)->evaluate();
  CHECK(std::isnan(all_train.test_accuracy));
  CHECK(std::isnan(all_train.test_loss));
  CHECK(std::isfinite(all_train.train_loss));
}

TEST_CASE("diagnostics account for every weight and every activation", "[network][diagnostics]") {
  auto net = test::network_for(test::config_for(ActivationId::relu, {8, 6}));
  net->train(50);
  const Diagnostics d = diagnose(*net);
  REQUIRE(d.layers.size() == 3);
  CHECK(d.step == 50);
  CHECK(d.layers.back().activation == "softmax");
  const auto layers = net->model().layers();
  for (size_t l = 0; l < d.layers.size(); ++l) {
    INFO("layer " << l);
    const auto& ld = d.layers[l];
    REQUIRE(ld.grad_histogram.size() == size_t(kGradBins));
    const auto counted = std::accumulate(ld.grad_histogram.begin(), ld.grad_histogram.end(), uint32_t{0}) + ld.grad_zeros;
    CHECK(counted == uint32_t(layers[l].in * layers[l].out));
    CHECK(ld.weight_grad_norm > 0.0);
    if (l + 1 < d.layers.size()) {
      const auto values = std::accumulate(ld.activation_histogram.begin(), ld.activation_histogram.end(), uint64_t{0});
      CHECK(values == uint64_t(layers[l].out) * net->data().train.size());
      CHECK(ld.zero_fraction + ld.saturated_fraction <= 1.0);
    }
  }
  // Diagnosing changes nothing: training continues from the same state either way.
  const std::vector<float> before(net->params().begin(), net->params().end());
  diagnose(*net);
  CHECK(std::equal(before.begin(), before.end(), net->params().begin()));
}

TEST_CASE("the cost table has a row per activation with positive timings", "[network][cost]") {
  const auto costs = measure_activation_costs({4096, 1, 0.2, {}});
  REQUIRE(costs.size() == kActivationCount);
  for (size_t i = 0; i < costs.size(); ++i) {
    INFO(costs[i].name);
    CHECK(costs[i].name == activation_table()[i].name);
    CHECK(costs[i].forward_ns > 0.0);
    CHECK(costs[i].forward_backward_ns > 0.0);
    CHECK(costs[i].libm_forward_ns > 0.0);
    CHECK(costs[i].libm_forward_backward_ns > 0.0);
    CHECK(costs[i].forward_spread == 0.0);  // one round: nothing to spread over
  }
}

TEST_CASE("the cost table measures only the chosen activations, in table order, with spreads", "[network][cost]") {
  CostSettings settings{4096, 3, 0.2, {"tanh", "relu", "sigmoid"}};
  const auto costs = measure_activation_costs(settings);
  REQUIRE(costs.size() == 3);
  CHECK(costs[0].name == "sigmoid");
  CHECK(costs[1].name == "tanh");
  CHECK(costs[2].name == "relu");
  for (const auto& c : costs) {
    INFO(c.name);
    CHECK(c.forward_backward_ns > 0.0);
    CHECK(c.forward_spread >= 0.0);
    CHECK(std::isfinite(c.libm_forward_backward_spread));
  }
  settings.activations = {"relu", "swoosh"};
  REQUIRE_THROWS_WITH(measure_activation_costs(settings), Catch::Matchers::StartsWith("activations"));
}

TEST_CASE("caller-supplied data brings its own class count", "[network]") {
  std::vector<float> xy;
  std::vector<int32_t> labels;
  for (int i = 0; i < 30; ++i) {
    xy.push_back(float(i % 5));
    xy.push_back(float(i % 7));
    labels.push_back(i % 3);
  }
  LabConfig c = test::config_for(ActivationId::relu, {4}, DatasetKind::circle);  // circle alone is 2-class
  auto data = std::make_shared<const Dataset>(make_custom_dataset(xy, labels, 3, 0.0f, 1));
  Network net(c, data);
  // config() is the config as given (its classes describe the generated dataset), so it builds a
  // network again, with or without this data; the model takes its class count from the data.
  CHECK(net.config().classes == c.classes);
  CHECK(net.model().classes() == 3);
  CHECK_NOTHROW(Network(net.config(), data));
  CHECK_NOTHROW(Network(net.config(), make_shared_dataset(net.config())));
  CHECK(net.train(5).size() == 5);
}

TEST_CASE("loss and gradient over many points is the mean over chunks", "[network]") {
  auto net = test::network_for(test::config_for(ActivationId::tanh, {6}, DatasetKind::spiral, 1000));
  const Points& p = net->data().train;
  REQUIRE(p.size() >= 600);
  std::vector<float> xy;
  for (size_t i = 0; i < 600; ++i) {
    xy.push_back(p.x[i]);
    xy.push_back(p.y[i]);
  }
  const std::span<const float> all(xy);
  const std::span<const int32_t> labels(p.label.data(), 600);
  const auto whole = net->loss_and_gradient(all, labels);
  const auto first = net->loss_and_gradient(all.first(600), labels.first(300));
  const auto second = net->loss_and_gradient(all.last(600), labels.last(300));
  CHECK_THAT(whole.loss, WithinAbs((first.loss + second.loss) / 2, 1e-6));
  for (size_t i = 0; i < whole.gradient.size(); ++i)
    CHECK_THAT(whole.gradient[i], WithinAbs((first.gradient[i] + second.gradient[i]) / 2, 1e-6));
}
