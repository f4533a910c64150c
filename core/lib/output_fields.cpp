#include "output_fields.hpp"

#include "usual_init.hpp"

namespace actlab {
namespace {

// Rows in the order the CLI has always written them.
#define ROW(T, name, key, expr) OutputField<T>{name, key, [](const T& v) -> OutputValue { return expr; }}

const OutputField<Metrics> kMetrics[] = {
    ROW(Metrics, "train_loss", "trainLoss", v.train_loss),
    ROW(Metrics, "test_loss", "testLoss", v.test_loss),
    ROW(Metrics, "train_accuracy", "trainAccuracy", v.train_accuracy),
    ROW(Metrics, "test_accuracy", "testAccuracy", v.test_accuracy),
};

const OutputField<LayerDiagnostics> kLayer[] = {
    ROW(LayerDiagnostics, "activation", "activation", std::string_view(v.activation)),
    ROW(LayerDiagnostics, "units", "units", int64_t(v.units)),
    ROW(LayerDiagnostics, "weight_norm", "weightNorm", v.weight_norm),
    ROW(LayerDiagnostics, "weight_grad_norm", "weightGradNorm", v.weight_grad_norm),
    ROW(LayerDiagnostics, "bias_grad_norm", "biasGradNorm", v.bias_grad_norm),
    ROW(LayerDiagnostics, "preact_grad_norm", "preactGradNorm", v.preact_grad_norm),
    ROW(LayerDiagnostics, "grad_zeros", "gradZeros", int64_t(v.grad_zeros)),
    ROW(LayerDiagnostics, "zero_fraction", "zeroFraction", v.zero_fraction),
    ROW(LayerDiagnostics, "dead_fraction", "deadFraction", v.dead_fraction),
    ROW(LayerDiagnostics, "dead_units", "deadUnits", int64_t(v.dead_units)),
    ROW(LayerDiagnostics, "saturated_fraction", "saturatedFraction", v.saturated_fraction),
    ROW(LayerDiagnostics, "mean_activation", "meanActivation", v.mean_activation),
    ROW(LayerDiagnostics, "zero_input_fraction", "zeroInputFraction", v.zero_input_fraction),
    ROW(LayerDiagnostics, "grad_histogram", "gradHistogram", std::span<const uint32_t>(v.grad_histogram)),
    ROW(LayerDiagnostics, "activation_histogram", "activationHistogram", std::span<const uint32_t>(v.activation_histogram)),
};

const OutputField<DiagnosticsSummary> kSummary[] = {
    ROW(DiagnosticsSummary, "first_last_grad_ratio", "firstLastGradRatio", v.first_last_grad_ratio),
    ROW(DiagnosticsSummary, "zero_fraction", "zeroFraction", v.zero_fraction),
    ROW(DiagnosticsSummary, "dead_units", "deadUnits", int64_t(v.dead_units)),
    ROW(DiagnosticsSummary, "saturated_fraction", "saturatedFraction", v.saturated_fraction),
};

const OutputField<ActivationCost> kCost[] = {
    ROW(ActivationCost, "name", "name", std::string_view(v.name)),
    ROW(ActivationCost, "forward_ns", "forwardNs", v.forward_ns),
    ROW(ActivationCost, "forward_backward_ns", "forwardBackwardNs", v.forward_backward_ns),
    ROW(ActivationCost, "libm_forward_ns", "libmForwardNs", v.libm_forward_ns),
    ROW(ActivationCost, "libm_forward_backward_ns", "libmForwardBackwardNs", v.libm_forward_backward_ns),
    ROW(ActivationCost, "forward_spread", "forwardSpread", v.forward_spread),
    ROW(ActivationCost, "forward_backward_spread", "forwardBackwardSpread", v.forward_backward_spread),
    ROW(ActivationCost, "libm_forward_spread", "libmForwardSpread", v.libm_forward_spread),
    ROW(ActivationCost, "libm_forward_backward_spread", "libmForwardBackwardSpread", v.libm_forward_backward_spread),
    ROW(ActivationCost, "rounds", "rounds", int64_t(v.rounds)),
};

const OutputField<ActivationSpec> kActivation[] = {
    ROW(ActivationSpec, "name", "name", std::string_view(v.name)),
    ROW(ActivationSpec, "label", "label", std::string_view(v.label)),
    ROW(ActivationSpec, "formula", "formula", std::string_view(v.formula)),
    ROW(ActivationSpec, "bounded", "bounded", v.props.bounded()),
    ROW(ActivationSpec, "bounded_below", "boundedBelow", v.props.bounded_below),
    ROW(ActivationSpec, "bounded_above", "boundedAbove", v.props.bounded_above),
    ROW(ActivationSpec, "zero_centred", "zeroCentred", v.props.zero_centred),
    ROW(ActivationSpec, "negative_outputs", "negativeOutputs", v.props.negative_outputs),
    ROW(ActivationSpec, "saturating", "saturating", v.props.saturating()),
    ROW(ActivationSpec, "saturates_low", "saturatesLow", v.props.saturates_low),
    ROW(ActivationSpec, "saturates_high", "saturatesHigh", v.props.saturates_high),
    ROW(ActivationSpec, "monotonic", "monotonic", v.props.monotonic),
    ROW(ActivationSpec, "smooth", "smooth", v.props.smooth),
    ROW(ActivationSpec, "exact_zeros", "exactZeros", v.props.exact_zeros),
    ROW(ActivationSpec, "learnable", "learnable", v.props.learnable),
    ROW(ActivationSpec, "randomised", "randomised", v.props.randomised),
    ROW(ActivationSpec, "max_derivative", "maxDerivative", v.max_derivative),
    ROW(ActivationSpec, "param_kind", "paramKind", param_kind_name(v.param_kind)),
    ROW(ActivationSpec, "param_default", "paramDefault", v.param_default),
    ROW(ActivationSpec, "usual_init", "usualInit", init_name(usual_init(v.id))),
};

#undef ROW

}  // namespace

std::span<const OutputField<Metrics>> metrics_fields() { return kMetrics; }
std::span<const OutputField<LayerDiagnostics>> layer_fields() { return kLayer; }
std::span<const OutputField<DiagnosticsSummary>> summary_fields() { return kSummary; }
std::span<const OutputField<ActivationCost>> cost_fields() { return kCost; }
std::span<const OutputField<ActivationSpec>> activation_fields() { return kActivation; }

std::string_view param_kind_name(ParamKind kind) {
  switch (kind) {
    case ParamKind::none: return "none";
    case ParamKind::fixed: return "fixed";
    case ParamKind::learnable: return "learnable";
    case ParamKind::randomised: return "randomised";
  }
  return "?";
}

}  // namespace actlab
