// deadlineMs on the long calls (deadline.hpp): a deadline decides how many steps or windows are
// done, never what a step computes. A fake clock, advancing 1 ms at every read, makes the counts
// exact, so these tests check logic, never how long anything took.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "cost_benchmark.hpp"
#include "field_error.hpp"
#include "lab_fixtures.hpp"
#include "race.hpp"

using namespace actlab;

namespace {

double g_fake_ms = 0;
double fake_clock() { return g_fake_ms += 1.0; }  // every read is 1 ms after the last
int g_reads = 0;  // reads of the step clock below

Deadline fake_deadline(double ms) { return Deadline::after("deadline_ms", ms, fake_clock); }

std::vector<float> params_of(const Network& net) { return {net.params().begin(), net.params().end()}; }

LabConfig small_config() {
  LabConfig c = test::config_for(ActivationId::tanh, {8, 8}, DatasetKind::spiral, 120, 11);
  c.batch_size = 7;  // epochs of 120 points do not divide into batches: cuts fall mid-epoch
  return c;
}

}  // namespace

TEST_CASE("deadline_ms is validated like any field", "[deadline][validation]") {
  for (double bad : {0.0, -1.0, 0.09, 3.6e6 + 1, double(NAN), double(INFINITY), -double(INFINITY)}) {
    INFO(bad);
    try {
      Deadline::after("deadline_ms", bad);
      FAIL("accepted");
    } catch (const FieldError& e) {
      CHECK(e.field == "deadline_ms");
      CHECK(e.kind == ErrorKind::out_of_range);
      CHECK(e.allowed == "[0.1, 3600000]");
    }
  }
  CHECK(Deadline::after("deadline_ms", 0.1).set());
  CHECK(Deadline::after("deadline_ms", 3.6e6).set());
  CHECK_FALSE(Deadline{}.set());
  CHECK_FALSE(Deadline{}.passed());
  CHECK(js_key("deadline_ms") == "deadlineMs");
}

TEST_CASE("train stops at the first step boundary after the deadline, after at least one step", "[deadline][network]") {
  auto net = test::network_for(small_config());
  // after() reads the clock once (1), so the deadline is at 6; steps 2.. read 2, 3, 4, 5, 6.
  g_fake_ms = 0;
  CHECK(net->train(100, fake_deadline(5)).size() == 5);
  CHECK(net->steps() == 5);
  // A deadline already passed still takes one step: a caller looping with deadlines always progresses.
  g_fake_ms = 0;
  CHECK(net->train(100, fake_deadline(0.1)).size() == 1);
  CHECK(net->steps() == 6);
  CHECK(net->train(3, fake_deadline(1000)).size() == 3);  // the step count still bounds it
}

TEST_CASE("a run cut by deadlines and continued equals one uninterrupted run, bit for bit", "[deadline][network][determinism]") {
  const int total = 90;
  auto whole = test::network_for(small_config());
  const std::vector<float> whole_losses = whole->train(total);
  auto cut = test::network_for(small_config());
  std::vector<float> cut_losses;
  int calls = 0;
  while (cut->steps() < total) {
    const auto part = cut->train(total - int(cut->steps()), fake_deadline(4 + calls % 3));
    cut_losses.insert(cut_losses.end(), part.begin(), part.end());
    ++calls;
  }
  CHECK(calls > 10);  // really cut, many times
  CHECK(cut->steps() == total);
  CHECK(cut_losses == whole_losses);
  CHECK(params_of(*cut) == params_of(*whole));
}

TEST_CASE("a race with a deadline keeps its members in step and continues to the same bits", "[deadline][race][determinism]") {
  const LabConfig c = small_config();
  const std::vector<RaceMember> members = {{ActivationId::relu, {}}, {ActivationId::tanh, {}}, {ActivationId::sigmoid, {}}};
  Race whole(c, members), cut(c, members);
  whole.train(60);
  int calls = 0;
  while (cut.member(0).steps() < 60) {
    const auto losses = cut.train(60 - int(cut.member(0).steps()), fake_deadline(6));
    for (const auto& l : losses) CHECK(l.size() == losses[0].size());  // in step
    CHECK(losses[0].size() < 60);
    ++calls;
  }
  CHECK(calls > 5);
  for (size_t m = 0; m < members.size(); ++m) {
    INFO("member " << m);
    CHECK(cut.member(m).steps() == 60);
    CHECK(params_of(cut.member(m)) == params_of(whole.member(m)));
  }
}

TEST_CASE("activation costs cut by a deadline hold only complete rounds, marked", "[deadline][costs]") {
  CostSettings s;
  s.elements = kMinCostElements;
  s.repeats = 50;
  s.window_ms = 0.1;
  s.activations = {"relu", "tanh"};
  SECTION("a deadline passed before the first window: nothing measured, nothing claimed") {
    g_fake_ms = 0;
    CHECK(measure_activation_costs(s, fake_deadline(0.1)).empty());
  }
  SECTION("cut part way: every figure is over the same complete rounds, fewer than asked") {
    // Buffers so long that one pass outlasts a 0.1 ms window, so each window reads the deadline's
    // clock exactly once (before it starts): 1 read to set it, 8 warm-up windows, then 8 windows
    // per round. A clock that passes at its 36th read leaves 3 complete rounds and 2 windows.
    s.elements = kMaxCostElements;
    s.activations = {"identity", "relu"};
    g_reads = 0;
    const auto costs = measure_activation_costs(s, Deadline::after("deadline_ms", 1, [] { return g_reads++ < 35 ? 0.0 : 1e9; }));
    REQUIRE(costs.size() == 2);
    for (const ActivationCost& c : costs) {
      INFO(c.name);
      CHECK(c.rounds == 3);
      CHECK(c.forward_ns > 0);
      CHECK(c.libm_forward_backward_ns > 0);
    }
  }
  SECTION("no deadline: every round") {
    s.repeats = 2;
    const auto costs = measure_activation_costs(s);
    REQUIRE(costs.size() == 2);
    for (const ActivationCost& c : costs) CHECK(c.rounds == 2);
  }
}
