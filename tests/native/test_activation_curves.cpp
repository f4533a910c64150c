// The curves figure's data: f and f' from the training kernels, the table's bounds on |f'|.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "activation_curves.hpp"
#include "field_error.hpp"

using namespace actlab;

TEST_CASE("curves are the training kernels at every x, for every activation", "[curves]") {
  const auto& spec = GENERATE(from_range(activation_table().begin(), activation_table().end()));
  INFO(spec.name);
  CurveSettings s;
  s.activations = {spec.name};
  const auto curves = activation_curves(s);
  REQUIRE(curves.size() == 1);
  const ActivationCurve& c = curves[0];
  REQUIRE(c.x.size() == 241);
  CHECK(c.x.front() == -6.0f);
  CHECK(c.x.back() == 6.0f);
  CHECK(c.x[120] == 0.0f);
  CHECK(c.max_derivative == spec.max_derivative);
  for (size_t i = 0; i < c.x.size(); ++i) {
    INFO("x = " << c.x[i]);
    CHECK(c.f[i] == spec.f(c.x[i], spec.param_default));
    CHECK(c.df[i] == spec.df(c.x[i], c.f[i], spec.param_default));
    // The bound holds on the grid, to the table's 5 significant digits (Swish's sup is 1.09984).
    CHECK(std::fabs(c.df[i]) <= spec.max_derivative * (1 + 1e-4f));
  }
}

TEST_CASE("the bounds the vanishing story rests on: 0.25 for sigmoid, 1 for tanh and ReLU", "[curves]") {
  CurveSettings s;
  s.activations = {"sigmoid", "tanh", "relu"};
  const auto curves = activation_curves(s);
  REQUIRE(curves.size() == 3);
  CHECK(curves[0].max_derivative == 0.25f);
  CHECK(curves[1].max_derivative == 1.0f);
  CHECK(curves[2].max_derivative == 1.0f);
  // Reached on the grid: sigmoid and tanh at x = 0, ReLU for every x > 0.
  CHECK(curves[0].df[120] == 0.25f);
  CHECK(curves[1].df[120] == 1.0f);
  CHECK(curves[2].df[121] == 1.0f);
  CHECK(curves[2].df[119] == 0.0f);
}

TEST_CASE("curve settings out of range name their field", "[curves]") {
  const auto message_of = [](CurveSettings s) {
    try {
      activation_curves(s);
    } catch (const FieldError& e) {
      return e.field;
    }
    return std::string("no error");
  };
  CurveSettings s;
  s.activations = {"relu7"};
  CHECK(message_of(s) == "activations");
  s = {};
  s.points = 1;
  CHECK(message_of(s) == "points");
  s = {};
  s.x_min = 2;
  s.x_max = 1;
  CHECK(message_of(s) == "x_max");
  s = {};
  s.x_min = NAN;
  CHECK(message_of(s) == "x_min");
  s = {};
  s.x_max = 1000;
  CHECK(message_of(s) == "x_max");
  CHECK(activation_curves(CurveSettings{}).size() == activation_table().size());
}
