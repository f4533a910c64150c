// Every public entry rejects bad input with std::invalid_argument naming the field.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "race.hpp"
#include "cost_benchmark.hpp"
#include "lab_fixtures.hpp"

using namespace actlab;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Values of the right type that break the field's range, for every row of the field table.
std::vector<FieldValue> bad_values(const FieldSpec& f) {
  switch (f.type) {
    case FieldType::integer: return {kNan, kInf, f.min - 1, f.max + 1, f.min + 0.5, 1e300};
    case FieldType::number: return {kNan, kInf, -kInf, f.min - 1, f.max + 1};
    case FieldType::boolean: return {std::string("yes"), 1.0};
    case FieldType::choice: return {std::string("nope"), std::string("<b>x</b>"), std::string(""), 1.0};
    case FieldType::integer_list:
      return {std::vector<double>(size_t(f.max_items) + 1, f.min), std::vector<double>{f.max + 1},
              std::vector<double>{kNan}, std::vector<double>{f.min - 1}, std::string("8,8")};
    case FieldType::choice_list: {
      std::vector<FieldValue> out = {std::vector<std::string>{"nope"}, std::vector<std::string>(size_t(f.max_items) + 1, f.choices[0])};
      if (f.min_items > 0) out.push_back(std::vector<std::string>{});
      return out;
    }
  }
  return {};
}

}  // namespace

TEST_CASE("every config field rejects out-of-range values, naming itself", "[validation][config]") {
  const FieldSpec& field = config_fields()[GENERATE(range(size_t{0}, config_fields().size()))];
  INFO(field.name);
  for (const FieldValue& value : bad_values(field)) {
    LabConfig c;
    REQUIRE_THROWS_WITH(set_field(c, field.name, value), StartsWith(field.name));
  }
  // The default is valid and survives a round trip through the field.
  LabConfig c;
  REQUIRE_NOTHROW(set_field(c, field.name, field.get(LabConfig{})));
}

TEST_CASE("a number field set to either bound reads back as a value the field accepts again", "[validation][config]") {
  // Number fields are stored as floats: 1e-6 reads back as 9.99999997e-7, below 1e-6 as a double.
  // The libFuzzer target found set_field refusing it, so config() did not round-trip natively.
  const FieldSpec& field = config_fields()[GENERATE(range(size_t{0}, config_fields().size()))];
  if (field.type != FieldType::number) return;
  for (const double bound : {field.min, field.max}) {
    INFO(field.name << " = " << bound);
    LabConfig c;
    REQUIRE_NOTHROW(set_field(c, field.name, bound));
    LabConfig again;
    REQUIRE_NOTHROW(set_field(again, field.name, field.get(c)));
    REQUIRE_NOTHROW(validate(again));
    CHECK(field.get(again) == field.get(c));
  }
  // Only what stores as the bound's own float is let through: the next float out is refused.
  LabConfig c;
  const double below = std::nextafter(float(field.min), -1.0f), above = std::nextafter(float(field.max), 1e30f);
  CHECK_THROWS_WITH(set_field(c, field.name, below), StartsWith(field.name));
  CHECK_THROWS_WITH(set_field(c, field.name, above), StartsWith(field.name));
}

TEST_CASE("range errors name the value and the range", "[validation][config]") {
  LabConfig c;
  REQUIRE_THROWS_WITH(set_field(c, "learning_rate", kNan), "learning_rate: nan is out of range [1e-06, 10]");
  REQUIRE_THROWS_WITH(set_field(c, "hidden", std::vector<double>{8, 100}), "hidden[1]: 100 is out of range [1, 64]");
  REQUIRE_THROWS_WITH(set_field(c, "hidden", std::vector<double>(11, 4.0)), Contains("11 items") && Contains("[0, 10]"));
  REQUIRE_THROWS_WITH(set_field(c, "activation", std::string("relu7")), Contains("'relu7' is not one of") && Contains("leaky_relu"));
  REQUIRE_THROWS_WITH(set_field(c, "lr", 0.1), StartsWith("lr: unknown setting") && Contains("learning_rate"));
  REQUIRE_THROWS_WITH(set_field_from_text(c, "points", "12abc"), "points: '12abc' is not a number");
  REQUIRE_THROWS_WITH(set_field_from_text(c, "nesterov", "maybe"), StartsWith("nesterov"));
}

TEST_CASE("cross-field checks", "[validation][config]") {
  LabConfig c;
  c.hidden = {8, 8};
  c.layer_activations = {ActivationId::relu};
  REQUIRE_THROWS_WITH(validate(c), StartsWith("layer_activations"));
  c.layer_activations = {};
  c.dataset = DatasetKind::xor_;
  c.classes = 3;
  REQUIRE_NOTHROW(validate(c));  // fine for caller-supplied data...
  REQUIRE_THROWS_WITH(make_shared_dataset(c), StartsWith("classes") && Contains("xor"));  // not for XOR's generator
  REQUIRE_THROWS_WITH(Network(c, nullptr), StartsWith("data"));
}

TEST_CASE("network entry points validate their arguments", "[validation][network]") {
  auto net = test::network_for(test::config_for(ActivationId::relu, {4}));
  const size_t classes = 2;
  std::vector<float> grid(classes * 8 * 8);
  REQUIRE_THROWS_WITH(net->train(-1), StartsWith("steps"));
  REQUIRE_THROWS_WITH(net->train(2000000), StartsWith("steps"));
  REQUIRE_THROWS_WITH(net->predict_grid(GridSpec{-6, 6, -6, 6, 0, 8}, grid), StartsWith("width"));
  REQUIRE_THROWS_WITH(net->predict_grid(GridSpec{-6, 6, -6, 6, 8, 5000}, grid), StartsWith("height"));
  REQUIRE_THROWS_WITH(net->predict_grid(GridSpec{float(kNan), 6, -6, 6, 8, 8}, grid), StartsWith("x_min"));
  REQUIRE_THROWS_WITH(net->predict_grid(GridSpec{6, -6, -6, 6, 8, 8}, grid), StartsWith("x_max"));
  REQUIRE_THROWS_WITH(net->predict_grid(GridSpec{-6, 6, -6, 6, 8, 4}, grid), StartsWith("out"));
  std::vector<float> params(net->params().begin(), net->params().end());
  REQUIRE_THROWS_WITH(net->set_params(std::vector<float>(3, 0.0f)), StartsWith("params"));
  params[2] = float(kInf);
  REQUIRE_THROWS_WITH(net->set_params(params), StartsWith("params[2]"));
  REQUIRE_THROWS_WITH(net->loss_and_gradient(std::vector<float>{1, 2, 3}, std::vector<int32_t>{0, 1}), StartsWith("points"));
  REQUIRE_THROWS_WITH(net->loss_and_gradient(std::vector<float>{1, 2}, std::vector<int32_t>{5}), StartsWith("labels[0]"));
  REQUIRE_THROWS_WITH(net->loss_and_gradient(std::vector<float>{}, std::vector<int32_t>{}), StartsWith("labels"));
  // After all that, the network still works.
  REQUIRE(net->train(5).size() == 5);
  REQUIRE_NOTHROW(net->predict_grid(GridSpec{-6, 6, -6, 6, 8, 8}, grid));
}

TEST_CASE("model, race and benchmark constructors validate", "[validation]") {
  const std::vector<int> too_deep(11, 4), too_wide = {65}, ok = {4};
  const std::vector<ActivationId> relu11(11, ActivationId::relu), relu1 = {ActivationId::relu};
  REQUIRE_THROWS_WITH(Mlp(2, too_deep, relu11, 2), StartsWith("hidden: 11 items is out of range [0, 10]"));
  REQUIRE_THROWS_WITH(Mlp(2, too_wide, relu1, 2), StartsWith("hidden[0]"));
  REQUIRE_THROWS_WITH(Mlp(0, ok, relu1, 2), StartsWith("features"));
  REQUIRE_THROWS_WITH(Mlp(2, ok, relu1, 9), StartsWith("classes"));
  REQUIRE_THROWS_WITH(Mlp(2, ok, std::vector<ActivationId>{}, 2), StartsWith("layer_activations"));
  LabConfig c = test::config_for(ActivationId::relu, {4});
  REQUIRE_THROWS_WITH(Race(c, {}), StartsWith("members: 0 members is out of range [1, 8]"));
  REQUIRE_THROWS_WITH(Race(c, std::vector<RaceMember>(9)), StartsWith("members: 9 members is out of range [1, 8]"));
  Race race(c, {{ActivationId::relu, {}}});
  REQUIRE_THROWS_WITH(race.member(1), StartsWith("index: 1 is out of range [0, 0]"));
  REQUIRE_THROWS_WITH(measure_activation_costs({10, 1, 1.0, {}}), StartsWith("elements"));
  REQUIRE_THROWS_WITH(measure_activation_costs({4096, 0, 1.0, {}}), StartsWith("repeats"));
  REQUIRE_THROWS_WITH(measure_activation_costs({4096, 1, std::nan(""), {}}), StartsWith("window_ms"));
  REQUIRE_THROWS_WITH(parse_activation("nope"), StartsWith("activation"));
  REQUIRE_THROWS_WITH(parse_init("nope"), StartsWith("init"));
  REQUIRE_THROWS_WITH(parse_dataset("nope"), StartsWith("dataset"));
}
