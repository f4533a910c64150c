// actlab activations: the activation table, as JSON Lines (one object per activation) or as an
// aligned table.
#include <algorithm>
#include <iostream>
#include <string_view>

#include "activations.hpp"
#include "commands.hpp"
#include "json_writer.hpp"
#include "output_fields.hpp"
#include "text_table.hpp"

namespace actlab::cli {
namespace {

void write_json(const ActivationSpec& a) {
  JsonWriter json(std::cout);
  json.begin_object().fields(a, activation_fields());
  if (a.param_kind == ParamKind::randomised) json.field("param_lo", a.param_lo).field("param_hi", a.param_hi);
  json.key("kinks").begin_array();
  for (float k : a.kinks)
    if (k == k) json.value(k);  // NaN marks an unused slot
  json.end_array().end_object().end_line();
}

const char* yes(bool v) { return v ? "yes" : "-"; }

void print_table() {
  TextTable table({"name", "label", "bounded", "zero-centred", "saturates", "monotonic", "smooth", "exact 0s",
                   "max f'", "param"},
                  2);
  for (const auto& a : activation_table()) {
    const ActivationProperties& p = a.props;
    const std::string bounded = p.bounded()         ? "both"
                                : p.bounded_below   ? "below"
                                : p.bounded_above   ? "above"
                                                    : "-";
    const std::string saturates = p.saturates_low && p.saturates_high ? "both"
                                  : p.saturates_low                   ? "low"
                                  : p.saturates_high                  ? "high"
                                                                      : "-";
    std::string param = "-";
    if (a.param_kind != ParamKind::none)
      param = std::string(param_kind_name(a.param_kind)) + " " + format_number(a.param_default);
    table.add({a.name, a.label, bounded, yes(p.zero_centred), saturates, yes(p.monotonic), yes(p.smooth),
               yes(p.exact_zeros), fixed(a.max_derivative, 4), param});
  }
  table.print(std::cout);
  std::cout << "\nformulas:\n";
  size_t width = 0;
  for (const auto& a : activation_table()) width = std::max(width, std::string_view(a.name).size());
  for (const auto& a : activation_table())
    std::cout << "  " << a.name << std::string(width + 2 - std::string_view(a.name).size(), ' ') << a.formula << "\n";
}

}  // namespace

const CommandSpec& activations_spec() {
  static const CommandSpec spec{
      "activations",
      "actlab activations [--json]",
      "list the activation table (JSON Lines with --json)",
      "Lists every activation of the table with its properties. With --json, one JSON object per\n"
      "activation per line (JSON Lines): name, label, formula, every property flag, max_derivative,\n"
      "param_kind, param_default (param_lo/param_hi for randomised ones) and kinks.",
      {{"json", "", "JSON Lines instead of a table"}},
  };
  return spec;
}

int run_activations(std::span<const std::string> args) {
  const auto parsed = parse_args(activations_spec(), args, std::cout);
  if (!parsed) return kExitOk;
  if (parsed->has("json")) {
    for (const auto& a : activation_table()) write_json(a);
  } else {
    print_table();
  }
  return kExitOk;
}

}  // namespace actlab::cli
