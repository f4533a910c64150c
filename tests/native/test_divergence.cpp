// A diverging network stops at the failing step with its last finite parameters; its race
// neighbours go on.
#include <catch2/catch.hpp>

#include <cmath>

#include "race.hpp"
#include "diagnostics.hpp"
#include "lab_fixtures.hpp"

using namespace actlab;

namespace {

LabConfig exploding() {
  LabConfig c = test::config_for(ActivationId::identity, {16, 16}, DatasetKind::spiral);
  c.init = InitScheme::normal;
  c.optimizer.kind = OptimizerKind::sgd;  // Adam's steps are bounded by the learning rate: it would not blow up
  c.optimizer.learning_rate = 10.0f;
  return c;
}

}  // namespace

TEST_CASE("a network that blows up is marked diverged and keeps finite parameters", "[divergence]") {
  auto net = test::network_for(exploding());
  const auto losses = net->train(1000);
  REQUIRE(net->diverged());
  REQUIRE(net->diverged_at().has_value());
  CHECK(*net->diverged_at() <= 1000);
  CHECK(losses.size() == size_t(*net->diverged_at() - 1));
  for (float loss : losses) CHECK(std::isfinite(loss));
  for (float p : net->params()) REQUIRE(std::isfinite(p));
  // Stopped: later calls take no steps, and everything stays readable.
  CHECK(net->train(10).empty());
  const Diagnostics d = diagnose(*net);
  CHECK(d.diverged);
  // Its last finite parameters may still overflow (here they do, on the whole grid): such cells
  // come back NaN in every class (the page draws them grey), never a half-finite mixture. The
  // next test shows both kinds of cell on one grid.
  std::vector<float> grid(2 * 16 * 16);
  net->predict_grid(GridSpec{-6, 6, -6, 6, 16, 16}, grid);
  for (size_t cell = 0; cell < 256; ++cell) {
    const float p0 = grid[cell], p1 = grid[256 + cell];
    if (std::isnan(p0) || std::isnan(p1)) {
      CHECK((std::isnan(p0) && std::isnan(p1)));
    } else {
      CHECK_THAT(p0 + p1, Catch::Matchers::WithinAbs(1.0, 1e-5));
    }
  }
}

TEST_CASE("cells whose logits overflow are NaN in every class, the others are probabilities", "[divergence]") {
  // One identity hidden unit a = 1e38 x: finite for |x| < 3.4, infinite beyond. Logits (a, -a):
  // a softmax of (inf, -inf) is NaN, never a finite probability next to a NaN.
  LabConfig c = test::config_for(ActivationId::identity, {1});
  auto net = test::network_for(c);
  net->set_params(std::vector<float>{1e38f, 0, 0, 1, -1, 0, 0});  // W1 [1][2], b1, W2 [2][1], b2
  const int side = 16;
  std::vector<float> grid(2 * side * side);
  net->predict_grid(GridSpec{-6, 6, -6, 6, side, side}, grid);
  int finite = 0, nan = 0;
  for (int row = 0; row < side; ++row)
    for (int col = 0; col < side; ++col) {
      const size_t cell = size_t(row * side + col);
      const float p0 = grid[cell], p1 = grid[size_t(side * side) + cell];
      const double x = -6 + (col + 0.5) * 12.0 / side;
      INFO("row " << row << " col " << col << " x " << x);
      if (std::fabs(x) > 3.5) {
        CHECK((std::isnan(p0) && std::isnan(p1)));
        ++nan;
      } else {
        CHECK(p0 == (x > 0 ? 1.0f : 0.0f));  // logits +-1e38 x: a certain class
        CHECK(p0 + p1 == 1.0f);
        ++finite;
      }
    }
  CHECK(finite == 10 * side);  // the columns at |x| <= 3.375
  CHECK(nan == 6 * side);
}

TEST_CASE("in a race, one member diverging does not stop the others", "[divergence][race]") {
  const LabConfig c = exploding();
  Race race(c, {{ActivationId::identity, {}}, {ActivationId::sigmoid, InitScheme::xavier}});
  const auto losses = race.train(300);
  CHECK(race.member(0).diverged());
  CHECK_FALSE(race.member(1).diverged());
  CHECK(losses[1].size() == 300);
  CHECK(race.member(1).steps() == 300);
}
