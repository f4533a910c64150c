// summarise(): a run's diagnostics in one row (a sweep's row). The pooling of the hidden layers is
// diagnose()'s (Diagnostics::hidden, known-value tested in test_diagnostics.cpp); this checks that
// the row carries exactly those figures, each in its own field.
#include <catch2/catch.hpp>

#include "diagnostics_summary.hpp"

using namespace actlab;

TEST_CASE("summarise carries the hidden totals and the first/last ratio, each in its own field") {
  Diagnostics d;
  d.first_last_grad_ratio = 0.0125;
  d.hidden.units = 12;
  d.hidden.dead_units = 3;
  d.hidden.zero_fraction = 5.0 / 12;
  d.hidden.saturated_fraction = 2.0 / 12;
  const DiagnosticsSummary s = summarise(d);
  CHECK(s.first_last_grad_ratio == 0.0125);
  CHECK(s.zero_fraction == 5.0 / 12);
  CHECK(s.saturated_fraction == 2.0 / 12);
  CHECK(s.dead_units == 3);
}

TEST_CASE("summarise of a net without hidden layers is all zeros") {
  Diagnostics d;
  d.first_last_grad_ratio = 1.0;
  const DiagnosticsSummary s = summarise(d);
  CHECK(s.zero_fraction == 0.0);
  CHECK(s.saturated_fraction == 0.0);
  CHECK(s.dead_units == 0);
  CHECK(s.first_last_grad_ratio == 1.0);
}
