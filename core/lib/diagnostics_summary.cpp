#include "diagnostics_summary.hpp"

namespace actlab {

DiagnosticsSummary summarise(const Diagnostics& d) {
  // The hidden totals come from diagnose()'s own counts (Diagnostics::hidden): no second pooling.
  DiagnosticsSummary s;
  s.first_last_grad_ratio = d.first_last_grad_ratio;
  s.zero_fraction = d.hidden.zero_fraction;
  s.saturated_fraction = d.hidden.saturated_fraction;
  s.dead_units = d.hidden.dead_units;
  return s;
}

}  // namespace actlab
