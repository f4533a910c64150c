#include "diagnostics_summary.hpp"

namespace actlab {

DiagnosticsSummary summarise(const Diagnostics& d) {
  DiagnosticsSummary s;
  s.first_last_grad_ratio = d.first_last_grad_ratio;
  double units = 0, zeros = 0, saturated = 0;
  for (size_t l = 0; l + 1 < d.layers.size(); ++l) {  // the last layer is the softmax output
    const LayerDiagnostics& layer = d.layers[l];
    units += layer.units;
    zeros += layer.zero_fraction * layer.units;
    saturated += layer.saturated_fraction * layer.units;
    s.dead_units += layer.dead_units;
  }
  if (units > 0) {
    s.zero_fraction = zeros / units;
    s.saturated_fraction = saturated / units;
  }
  return s;
}

}  // namespace actlab
