// actlab probe: builds a network (depth x width hidden units, an activation and an initialiser)
// on its data, takes no training step, and reports actlab::diagnose() per layer: how much
// gradient reaches each layer, and how many units are silent, dead or saturated.
#include <iostream>

#include "commands.hpp"
#include "config_io.hpp"
#include "diagnostics.hpp"
#include "json_writer.hpp"
#include "network.hpp"
#include "text_table.hpp"

namespace actlab::cli {
namespace {

void write_json(const LabConfig& config, const Diagnostics& d) {
  JsonWriter json(std::cout);
  json.begin_object().field("command", "probe").key("config");
  write_config(json, config);
  json.field("step", d.step).field("diverged", d.diverged).key("metrics");
  write_metrics(json, d.metrics);
  json.field("first_last_grad_ratio", d.first_last_grad_ratio);
  json.field("zero_multiply_add_fraction", d.zero_multiply_add_fraction);
  json.key("histograms")
      .begin_object()
      .field("grad_bins", kGradBins)
      .field("grad_log10_min", kGradLogMin)
      .field("grad_log10_max", kGradLogMax)
      .field("activation_bins", kActBins)
      .field("activation_min", kActMin)
      .field("activation_max", kActMax)
      .field("saturation_threshold", kSaturationThreshold)
      .end_object();
  json.key("layers").begin_array();
  for (size_t l = 0; l < d.layers.size(); ++l) {
    const LayerDiagnostics& layer = d.layers[l];
    json.begin_object()
        .field("index", l)
        .field("is_output", l + 1 == d.layers.size())
        .fields(layer, layer_fields())
        .end_object();
  }
  json.end_array().end_object().end_line();
}

void print_text(const LabConfig& config, const Diagnostics& d) {
  std::cout << "probe: " << config_as_flags(config) << "\n"
            << "untrained network (step " << d.step << "), gradients of the mean cross-entropy over the "
            << "training set\n\n";
  TextTable table({"layer", "activation", "units", "|W|", "|dL/dW|", "|dL/dz|", "zero", "dead", "saturated",
                   "mean a"},
                  2);
  for (size_t l = 0; l < d.layers.size(); ++l) {
    const LayerDiagnostics& layer = d.layers[l];
    const bool output = l + 1 == d.layers.size();
    table.add({std::to_string(l) + (output ? " (out)" : ""), layer.activation, std::to_string(layer.units),
               fixed(layer.weight_norm, 3), scientific(layer.weight_grad_norm), scientific(layer.preact_grad_norm),
               output ? "-" : percent(layer.zero_fraction),
               output ? "-" : std::to_string(layer.dead_units) + "/" + std::to_string(layer.units),
               output ? "-" : percent(layer.saturated_fraction), output ? "-" : fixed(layer.mean_activation, 3)});
  }
  table.print(std::cout);
  const double ratio = d.first_last_grad_ratio;
  std::cout << "\nfirst/last layer |dL/dW| ratio: " << scientific(ratio)
            << (ratio < 1e-2   ? "  (the gradient vanishes on its way to the input side)"
                : ratio > 1e2 ? "  (the gradient explodes on its way to the input side)"
                               : "")
            << "\ntrain loss " << fixed(d.metrics.train_loss, 4) << ", accuracy " << percent(d.metrics.train_accuracy)
            << "; test loss " << fixed(d.metrics.test_loss, 4) << ", accuracy " << percent(d.metrics.test_accuracy)
            << "\n";
}

}  // namespace

const CommandSpec& probe_spec() {
  static const CommandSpec spec{
      "probe",
      "actlab probe [--activation A] [--depth D] [--width W] [--init I] [--seed S] [--json] [--<field> value...]",
      "diagnose an untrained network layer by layer (gradients, dead and saturated units)",
      "Builds a network with D hidden layers of W units (the config field 'hidden'), the given\n"
      "activation and initialiser, on the config's data (default: the 500-point spiral), takes no\n"
      "training step and runs actlab::diagnose() over the training set. --depth/--width and --hidden\n"
      "are alternatives. With --json, one JSON object: config, step, diverged, metrics,\n"
      "first_last_grad_ratio, zero_multiply_add_fraction, histograms (bin layout) and layers\n"
      "(input side first, the softmax output layer last), each with weight_grad_norm,\n"
      "preact_grad_norm, zero_fraction, zero_input_fraction, dead_fraction, dead_units,\n"
      "saturated_fraction, units, activation and more.",
      {{"depth", "D", "number of hidden layers, 0-10 (default 3)"},
       {"width", "W", "units in every hidden layer, 1-64 (default 8)"},
       {"json", "", "one JSON object instead of a table"}},
      true,
  };
  return spec;
}

int run_probe(std::span<const std::string> args) {
  const auto parsed = parse_args(probe_spec(), args, std::cout);
  if (!parsed) return kExitOk;
  LabConfig config;
  apply_config_flags(config, *parsed);
  const auto depth_text = parsed->value("depth"), width_text = parsed->value("width");
  if (depth_text || width_text) {
    for (const auto& [name, text] : parsed->config_fields())
      if (name == "hidden") throw UsageError("give either --hidden or --depth/--width, not both");
    const int64_t depth = depth_text ? parse_integer("depth", *depth_text, 0, kMaxHiddenLayers) : 3;
    const int64_t width = width_text ? parse_integer("width", *width_text, 1, kMaxWidth) : 8;
    set_field(config, "hidden", std::vector<double>(size_t(depth), double(width)));
  }
  Network network(config, make_shared_dataset(config));
  const Diagnostics d = diagnose(network);
  if (parsed->has("json")) {
    write_json(network.config(), d);
  } else {
    print_text(network.config(), d);
  }
  return kExitOk;
}

}  // namespace actlab::cli
