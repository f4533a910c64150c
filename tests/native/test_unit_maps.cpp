// Unit maps: every hidden unit's output over a grid, and its state (dead, saturated) over the
// training set, checked against hand-set weights whose outputs can be written down.
#include <catch2/catch.hpp>

#include <cmath>

#include "lab_fixtures.hpp"
#include "unit_maps.hpp"

using namespace actlab;
using Catch::Matchers::WithinAbs;

namespace {

// Sets weight [out][in] and bias of hidden/output layer l; everything else stays as given.
void set_weight(Network& net, std::vector<float>& p, size_t l, int out, int in, float v) {
  const LayerLayout& layer = net.model().layers()[l];
  p[layer.weight_offset + size_t(out) * size_t(layer.in) + size_t(in)] = v;
}
void set_bias(Network& net, std::vector<float>& p, size_t l, int out, float v) {
  p[net.model().layers()[l].bias_offset + size_t(out)] = v;
}

}  // namespace

TEST_CASE("unit maps hold each unit's output at the grid's cell centres, layer by layer", "[unit_maps]") {
  auto net = test::network_for(test::config_for(ActivationId::relu, {2, 1}));
  std::vector<float> p(net->params().size(), 0.0f);
  set_weight(*net, p, 0, 0, 0, 1.0f);   // unit 0 = relu(x)
  set_weight(*net, p, 0, 1, 1, -2.0f);  // unit 1 = relu(-2 y)
  set_weight(*net, p, 1, 0, 0, 3.0f);   // unit 2 (layer 1) = relu(3 relu(x) + 0.5)
  set_bias(*net, p, 1, 0, 0.5f);
  net->set_params(p);
  const int w = 4, h = 3;
  const UnitMaps maps = compute_unit_maps(*net, GridSpec{-4, 4, -3, 3, w, h});
  REQUIRE(maps.width == w);
  REQUIRE(maps.height == h);
  REQUIRE(maps.layer_units == std::vector<int>{2, 1});
  REQUIRE(maps.values.size() == size_t(3 * w * h));
  for (int row = 0; row < h; ++row) {
    for (int col = 0; col < w; ++col) {
      const float x = -4.0f + (float(col) + 0.5f) * 2.0f, y = 3.0f - (float(row) + 0.5f) * 2.0f;
      INFO("row " << row << " col " << col);
      const int cell = row * w + col;
      CHECK_THAT(maps.values[0 * w * h + cell], WithinAbs(std::max(0.0f, x), 1e-6));
      CHECK_THAT(maps.values[1 * w * h + cell], WithinAbs(std::max(0.0f, -2.0f * y), 1e-6));
      CHECK_THAT(maps.values[2 * w * h + cell], WithinAbs(3.0f * std::max(0.0f, x) + 0.5f, 1e-5));
    }
  }
  // The spiral's points spread over both signs of x and y: no unit here is dead.
  CHECK(maps.states == std::vector<UnitState>{UnitState::live, UnitState::live, UnitState::live});
}

TEST_CASE("a unit that is 0 on every training point is dead, one pinned in a flat tail is saturated", "[unit_maps]") {
  auto net = test::network_for(test::config_for(ActivationId::relu, {3}));
  std::vector<float> p(net->params().size(), 0.0f);
  set_weight(*net, p, 0, 0, 0, 1.0f);  // unit 0 = relu(x): live
  set_bias(*net, p, 0, 1, -1.0f);      // unit 1 = relu(-1) = 0 everywhere: dead
  set_bias(*net, p, 0, 2, 20.0f);      // unit 2 = relu(20): slope 1, not a flat tail: live
  net->set_params(p);
  const UnitMaps relu = compute_unit_maps(*net, GridSpec{-6, 6, -6, 6, 5, 5});
  CHECK(relu.states == std::vector<UnitState>{UnitState::live, UnitState::dead, UnitState::live});
  for (int cell = 0; cell < 25; ++cell) CHECK(relu.values[25 + cell] == 0.0f);

  auto sig = test::network_for(test::config_for(ActivationId::sigmoid, {2}));
  std::vector<float> q(sig->params().size(), 0.0f);
  set_bias(*sig, q, 0, 0, 20.0f);  // sigmoid(20): output ~1, slope ~2e-9 on every point
  set_weight(*sig, q, 0, 1, 0, 0.1f);  // sigmoid(0.1 x): slope >= 0.2 on [-6, 6]
  sig->set_params(q);
  const UnitMaps s = compute_unit_maps(*sig, GridSpec{-6, 6, -6, 6, 2, 2});
  CHECK(s.states == std::vector<UnitState>{UnitState::saturated, UnitState::live});
  CHECK_THAT(s.values[0], WithinAbs(1.0, 1e-6));

  // Leaky ReLU's negative side is a design choice, not a flat tail: never saturated, never dead.
  auto leaky = test::network_for(test::config_for(ActivationId::leaky_relu, {1}));
  std::vector<float> r(leaky->params().size(), 0.0f);
  set_bias(*leaky, r, 0, 0, -50.0f);
  leaky->set_params(r);
  CHECK(compute_unit_maps(*leaky, GridSpec{-6, 6, -6, 6, 2, 2}).states == std::vector<UnitState>{UnitState::live});
}

TEST_CASE("unit map sides outside their range are refused, naming the side", "[unit_maps][validation]") {
  auto net = test::network_for(test::config_for(ActivationId::tanh, {4}));
  CHECK_THROWS_WITH(compute_unit_maps(*net, GridSpec{-6, 6, -6, 6, 1, 8}), Catch::StartsWith("width: 1 is out of range"));
  CHECK_THROWS_WITH(compute_unit_maps(*net, GridSpec{-6, 6, -6, 6, 8, 65}), Catch::StartsWith("height: 65 is out of range"));
}
