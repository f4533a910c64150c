// One seed fixes everything: the same seed gives the same bits, different seeds differ, and
// race members start from identical weights and see identical batches.
#include <catch2/catch.hpp>

#include <cstring>

#include "race.hpp"
#include "lab_fixtures.hpp"

using namespace actlab;

namespace {

std::vector<float> params_after(const LabConfig& c, int steps) {
  auto net = test::network_for(c);
  net->train(steps);
  return {net->params().begin(), net->params().end()};
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("the same seed gives bit-identical parameters after 1000 steps", "[determinism]") {
  const ActivationSpec& act = activation_table()[GENERATE(range(size_t{0}, kActivationCount))];
  INFO(act.name);
  LabConfig c = test::config_for(act.id, {8, 8});
  c.features = {Feature::x, Feature::y, Feature::sin_x};
  const auto first = params_after(c, 1000), second = params_after(c, 1000);
  CHECK(same_bits(first, second));
  c.seed += 1;
  CHECK_FALSE(same_bits(first, params_after(c, 1000)));
}

TEST_CASE("race members start from identical weights and train on the same batches", "[determinism][race]") {
  LabConfig c = test::config_for(ActivationId::relu, {8, 8});
  Race race(c, {{ActivationId::sigmoid, {}}, {ActivationId::relu, {}}, {ActivationId::prelu, {}}, {ActivationId::tanh, {}}});
  const size_t shared = race.member(0).params().size();  // PReLU appends its slopes after these
  for (size_t m = 1; m < race.size(); ++m) {
    INFO("member " << m);
    REQUIRE(race.member(m).params().size() >= shared);
    CHECK(std::memcmp(race.member(0).params().data(), race.member(m).params().data(), shared * sizeof(float)) == 0);
    CHECK(&race.member(m).data() == &race.member(0).data());  // one dataset, shared
  }
  // Same batch order: two members with the same activation stay identical while training.
  Race twins(c, {{ActivationId::relu, {}}, {ActivationId::relu, {}}});
  twins.train(300);
  CHECK(std::memcmp(twins.member(0).params().data(), twins.member(1).params().data(), shared * sizeof(float)) == 0);
  // And a member with the same config as a lone network matches it to the bit.
  CHECK(same_bits({twins.member(0).params().begin(), twins.member(0).params().end()}, params_after(c, 300)));
}

TEST_CASE("RReLU's random slopes do not disturb the shared batch order", "[determinism][race]") {
  LabConfig c = test::config_for(ActivationId::relu, {6});
  Race race(c, {{ActivationId::rrelu, {}}, {ActivationId::relu, {}}});
  race.train(50);
  auto lone = test::network_for(c);
  lone->train(50);
  CHECK(std::memcmp(race.member(1).params().data(), lone->params().data(), lone->params().size() * sizeof(float)) == 0);
}
