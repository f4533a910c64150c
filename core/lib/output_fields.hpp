#pragma once
// One table of output fields per result struct (metrics, layer diagnostics, activation costs,
// activation info): each row gives the name the CLI's JSON uses, the key the JS API uses, and
// how to read the value. core/cli writes JSON from these rows and core/wasm builds JS objects
// from them, so a new figure is one row, spelled both ways in one place.
#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include "activations.hpp"
#include "cost_benchmark.hpp"
#include "diagnostics.hpp"
#include "diagnostics_summary.hpp"
#include "network.hpp"

namespace actlab {

// float is kept apart from double: the JSON writer and the binding print a float as the
// shortest text that reads back as the same float (0.25f, not 0.25000000372529).
using OutputValue = std::variant<double, float, int64_t, bool, std::string_view, std::span<const uint32_t>>;

template <class T>
struct OutputField {
  const char* name;    // CLI JSON key ("weight_grad_norm")
  const char* js_key;  // JS API key ("weightGradNorm")
  OutputValue (*get)(const T&);
};

std::span<const OutputField<Metrics>> metrics_fields();
std::span<const OutputField<LayerDiagnostics>> layer_fields();
std::span<const OutputField<DiagnosticsSummary>> summary_fields();
std::span<const OutputField<ActivationCost>> cost_fields();
std::span<const OutputField<ActivationSpec>> activation_fields();

std::string_view param_kind_name(ParamKind kind);  // "none", "fixed", "learnable", "randomised"

}  // namespace actlab
