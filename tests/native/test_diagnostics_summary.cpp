// summarise(): a run's diagnostics in one row, on layers written down by hand, so each pooled
// figure can be checked against arithmetic done here.
#include <catch2/catch.hpp>

#include "diagnostics_summary.hpp"

using namespace actlab;
using Catch::Matchers::WithinRel;

namespace {

LayerDiagnostics layer(int units, double zeros, double saturated, int dead) {
  LayerDiagnostics l;
  l.units = units;
  l.zero_fraction = zeros;
  l.saturated_fraction = saturated;
  l.dead_units = dead;
  return l;
}

}  // namespace

TEST_CASE("summarise pools the hidden layers by their units and leaves the output layer out") {
  Diagnostics d;
  d.first_last_grad_ratio = 0.0125;
  d.layers = {layer(8, 0.5, 0.25, 2), layer(4, 0.25, 0.0, 1), layer(2, 0.9, 0.9, 2)};  // the last: softmax
  const DiagnosticsSummary s = summarise(d);
  CHECK(s.first_last_grad_ratio == 0.0125);
  CHECK_THAT(s.zero_fraction, WithinRel((8 * 0.5 + 4 * 0.25) / 12, 1e-15));  // 5 of 12, not (0.5 + 0.25) / 2
  CHECK_THAT(s.saturated_fraction, WithinRel(8 * 0.25 / 12, 1e-15));
  CHECK(s.dead_units == 3);
}

TEST_CASE("summarise of a net without hidden layers is all zeros, not a division by zero") {
  Diagnostics d;
  d.first_last_grad_ratio = 1.0;
  d.layers = {layer(2, 0.0, 0.0, 0)};
  const DiagnosticsSummary s = summarise(d);
  CHECK(s.zero_fraction == 0.0);
  CHECK(s.saturated_fraction == 0.0);
  CHECK(s.dead_units == 0);
  CHECK(s.first_last_grad_ratio == 1.0);
}
