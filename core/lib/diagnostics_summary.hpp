#pragma once
// The handful of diagnostics figures that describe a whole run in one row (a sweep's row, an
// across-seeds dot): the first/last gradient ratio as diagnose() gives it, and the hidden layers'
// exact-zero, saturated and dead figures of all hidden units together (Diagnostics::hidden: shares
// of all hidden (unit, point) outputs), the same numbers diagnostics().hidden gives in JS.
#include "diagnostics.hpp"

namespace actlab {

struct DiagnosticsSummary {
  double first_last_grad_ratio = 0;
  double zero_fraction = 0;       // share of hidden outputs exactly 0
  double saturated_fraction = 0;  // share of hidden outputs in a flat tail (diagnostics.hpp)
  int dead_units = 0;             // hidden units silent for every training point
};

DiagnosticsSummary summarise(const Diagnostics& d);

}  // namespace actlab
