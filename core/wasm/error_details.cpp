// The kind and parameters of a failed call's error, as JavaScript sees them (field_error.hpp):
// take_error() (to_js.cpp) adds them to {field, argument, message} as `kind` and `params`, so a
// page can word the error from its own catalog; errorKinds() lists every kind and its parameters.
#include <emscripten/heap.h>

#include <optional>
#include <string>

#include "convert.hpp"
#include "field_error.hpp"

namespace actlab::wasm {
namespace {

struct ErrorDetails {
  ErrorKind kind = ErrorKind::out_of_range;
  std::string field, path;  // field as JavaScript spells it
  ErrorParams params;
};
std::optional<ErrorDetails> g_details;

val param_to_js(const ErrorParamValue& value) {
  if (const double* number = std::get_if<double>(&value)) return val(*number);
  if (const std::string* text = std::get_if<std::string>(&value)) return val(*text);
  val out = val::array();
  const auto& names = std::get<std::vector<std::string>>(value);
  for (size_t i = 0; i < names.size(); ++i) out.set(i, val(names[i]));
  return out;
}

}  // namespace

void record_error_details(const FieldError& error, std::string_view js_field) {
  g_details = ErrorDetails{error.kind, std::string(js_field), error.path, error.params};
}

// Allocates nothing: called when the heap is full.
void record_out_of_memory() {
  g_details.reset();
  g_details.emplace();
  g_details->kind = ErrorKind::out_of_memory;
}

void forget_error_details() { g_details.reset(); }

void add_error_details(val& error) {
  if (!g_details) return;
  const ErrorDetails details = std::move(*g_details);
  g_details.reset();
  error.set("kind", val(std::string(error_kind_spec(details.kind).name)));
  val params = val::object();
  if (!details.field.empty()) params.set("field", val(details.field));
  if (!details.path.empty()) params.set("path", val(details.path));
  for (const ErrorParam& p : details.params) params.set(p.name, param_to_js(p.value));
  if (details.kind == ErrorKind::out_of_memory) params.set("maxBytes", val(double(emscripten_get_heap_max())));
  error.set("params", params);
}

val error_kinds_to_js() {
  val out = val::array();
  for (size_t k = 0; k < error_kinds().size(); ++k) {
    const ErrorKindSpec& spec = error_kinds()[k];
    val row = val::object();
    row.set("name", val(std::string(spec.name)));
    val params = val::array();
    std::string_view names = spec.params;
    for (size_t i = 0; !names.empty(); ++i) {
      const size_t comma = names.find(',');
      params.set(i, val(std::string(names.substr(0, comma))));
      names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
    }
    row.set("params", params);
    out.set(k, row);
  }
  return out;
}

}  // namespace actlab::wasm
