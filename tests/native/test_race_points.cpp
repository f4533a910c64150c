// Points added to a running race: they join every member's training set without a restart, a
// reshuffle or a change to the test set, and undo gives back exactly the race without them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "lab_fixtures.hpp"
#include "race.hpp"

using namespace actlab;

namespace {

Race race_of(uint32_t seed = 5) {
  LabConfig c = test::config_for(ActivationId::relu, {6}, DatasetKind::circle, 60, seed);
  c.batch_size = 8;
  return Race(c, {RaceMember{ActivationId::relu, std::nullopt}, RaceMember{ActivationId::tanh, std::nullopt}});
}

std::vector<float> params_of(Race& race, size_t i) {
  const auto p = race.member(i).params();
  return {p.begin(), p.end()};
}

}  // namespace

TEST_CASE("an added point joins the training set of every member, mid-run, without a reshuffle", "[race][points]") {
  Race race = race_of();
  race.train(10);
  const Points before_train = race.data().train, before_test = race.data().test;
  race.add_training_point(1.5f, -2.25f, 1);
  REQUIRE(race.added_points() == 1);
  const Points& train = race.data().train;
  REQUIRE(train.size() == before_train.size() + 1);
  CHECK(std::equal(before_train.x.begin(), before_train.x.end(), train.x.begin()));
  CHECK(std::equal(before_train.label.begin(), before_train.label.end(), train.label.begin()));
  CHECK(train.x.back() == 1.5f);
  CHECK(train.y.back() == -2.25f);
  CHECK(train.label.back() == 1);
  CHECK(race.data().test.x == before_test.x);
  for (size_t i = 0; i < race.size(); ++i) {
    CHECK(race.member(i).steps() == 10);  // no restart
    CHECK(race.member(i).data().train.size() == train.size());
    CHECK(race.member(i).train_features().size() == 2 * train.size());
  }
  race.train(10);
  for (size_t i = 0; i < race.size(); ++i) CHECK(race.member(i).steps() == 20);
}

TEST_CASE("the added point is trained on, and undo restores the race without it bit for bit", "[race][points]") {
  Race plain = race_of(), with_point = race_of(), undone = race_of();
  for (Race* r : {&plain, &with_point, &undone}) r->train(5);
  with_point.add_training_point(-5.0f, 5.0f, 0);
  undone.add_training_point(-5.0f, 5.0f, 0);
  REQUIRE(undone.remove_added_point());
  CHECK_FALSE(undone.remove_added_point());  // only added points can be removed
  CHECK(undone.data().train.size() == plain.data().train.size());
  // Two epochs of 8-point batches over ~43 points: the new point is in some batch.
  for (Race* r : {&plain, &with_point, &undone}) r->train(12);
  for (size_t i = 0; i < plain.size(); ++i) {
    INFO("member " << i);
    CHECK(params_of(undone, i) == params_of(plain, i));
    CHECK(params_of(with_point, i) != params_of(plain, i));
  }
}

TEST_CASE("added points are validated, naming the field", "[race][points][validation]") {
  Race race = race_of();
  CHECK_THROWS_WITH(race.add_training_point(NAN, 0, 0), Catch::StartsWith("x: nan is out of range"));
  CHECK_THROWS_WITH(race.add_training_point(0, 2e6f, 0), Catch::StartsWith("y: 2000000 is out of range"));
  CHECK_THROWS_WITH(race.add_training_point(0, 0, 2), Catch::StartsWith("label: 2 is out of range [0, 1]"));
  CHECK_THROWS_WITH(race.add_training_point(0, 0, -1), Catch::StartsWith("label: -1 is out of range"));
  CHECK(race.added_points() == 0);
}

TEST_CASE("evaluate_part slices add up to evaluate, bit for bit in the sums", "[network][metrics]") {
  LabConfig c = test::config_for(ActivationId::tanh, {6}, DatasetKind::spiral, 700, 3);
  auto net = test::network_for(c);
  net->train(50);
  const Metrics whole = net->evaluate();
  for (bool test_set : {false, true}) {
    const size_t n = test_set ? net->data().test.size() : net->data().train.size();
    double loss = 0;
    size_t correct = 0, points = 0;
    for (size_t begin = 0; begin < n + 300; begin += 300) {  // the last slice is clamped, then empty
      const auto part = net->evaluate_part(test_set, begin, 300);
      loss += part.loss_sum;
      correct += part.correct;
      points += part.points;
    }
    INFO(test_set);
    CHECK(points == n);
    CHECK_THAT(loss / double(n), Catch::Matchers::WithinRel(test_set ? whole.test_loss : whole.train_loss, 1e-12));
    CHECK(double(correct) / double(n) == (test_set ? whole.test_accuracy : whole.train_accuracy));
  }
}
