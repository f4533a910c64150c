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
  // Its last finite parameters may still overflow far from the data: such cells come back NaN in
  // every class (the page draws them grey), never a half-finite mixture.
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

TEST_CASE("in a race, one member diverging does not stop the others", "[divergence][race]") {
  LabConfig c = exploding();
  c.optimizer.learning_rate = 10.0f;
  Race race(c, {{ActivationId::identity, {}}, {ActivationId::sigmoid, InitScheme::xavier}});
  const auto losses = race.train(300);
  CHECK(race.member(0).diverged());
  CHECK_FALSE(race.member(1).diverged());
  CHECK(losses[1].size() == 300);
  CHECK(race.member(1).steps() == 300);
}
