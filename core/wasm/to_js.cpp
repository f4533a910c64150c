// Core results -> new JS objects (see convert.hpp). Result structs go through the core's
// output-field tables (output_fields.hpp, shared with the CLI's JSON); typed arrays are copied
// out of the wasm heap at once, so no view can die when memory grows.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>

#include "convert.hpp"
#include "initialisers.hpp"
#include "output_fields.hpp"

namespace actlab::wasm {
namespace {

template <class T>
val copy_out(const char* type, std::span<const T> values) {
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

// Out-of-line setters: one call per field keeps the many result objects small in code size.
[[gnu::noinline]] void set(val& object, const char* key, const val& value) { object.set(key, value); }
// array[array.length] = item: val::call's method cache is a thread_local, which this build
// (bulk memory, no atomics) cannot link.
[[gnu::noinline]] void push(val& array, const val& item) { array.set(array["length"], item); }

val output_to_js(const OutputValue& value) {
  return std::visit(
      [](const auto& v) -> val {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::span<const uint32_t>>) return copy_out<uint32_t>("Uint32Array", v);
        else if constexpr (std::is_same_v<V, std::string_view>) return val(std::string(v));
        else if constexpr (std::is_same_v<V, float>) return val(js_float(v));
        else if constexpr (std::is_same_v<V, int64_t>) return val(double(v));
        else return val(v);
      },
      value);
}

template <class T>
val object_of(const T& item, std::span<const OutputField<T>> table) {
  val out = val::object();
  for (const auto& row : table) set(out, row.js_key, output_to_js(row.get(item)));
  return out;
}

val field_value_to_js(const FieldValue& value) {
  return std::visit(
      [](const auto& v) -> val {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::vector<double>> || std::is_same_v<V, std::vector<std::string>>) {
          val array = val::array();
          for (const auto& item : v) {
            if constexpr (std::is_same_v<V, std::vector<double>>) push(array, val(js_float(item)));
            else push(array, val(item));
          }
          return array;
        } else if constexpr (std::is_same_v<V, double>) {
          return val(js_float(v));
        } else {
          return val(v);
        }
      },
      value);
}

val points_to_js(const Points& p) {
  val out = val::object();
  set(out, "x", copy_out<float>("Float32Array", p.x));
  set(out, "y", copy_out<float>("Float32Array", p.y));
  set(out, "label", copy_out<int32_t>("Int32Array", p.label));
  return out;
}

}  // namespace

val activations_to_js() {
  val out = val::array();
  for (const auto& a : activation_table()) push(out, object_of(a, activation_fields()));
  return out;
}

val datasets_to_js() {
  val out = val::array();
  for (const auto& d : dataset_table()) {
    val row = val::object();
    set(row, "name", val(std::string(d.name)));
    set(row, "label", val(std::string(d.label)));
    set(row, "description", val(std::string(d.description)));
    set(row, "minClasses", val(d.min_classes));
    set(row, "maxClasses", val(d.max_classes));
    push(out, row);
  }
  return out;
}

val initialisers_to_js() {
  val out = val::array();
  for (size_t i = 0; i < static_cast<size_t>(InitScheme::count); ++i) {
    const auto scheme = static_cast<InitScheme>(i);
    val row = val::object();
    set(row, "name", val(std::string(init_name(scheme))));
    set(row, "description", val(std::string(initialiser_info(scheme).description)));
    push(out, row);
  }
  return out;
}

val config_fields_to_js() {
  static constexpr const char* kTypes[] = {"integer", "number", "boolean", "choice", "integerList", "choiceList"};
  const LabConfig defaults;
  val out = val::array();
  for (const FieldSpec& s : config_fields()) {
    val row = val::object();
    set(row, "name", val(std::string(s.js_key)));
    set(row, "type", val(std::string(kTypes[static_cast<int>(s.type)])));
    set(row, "min", val(js_float(s.min)));
    set(row, "max", val(js_float(s.max)));
    set(row, "minItems", val(s.min_items));
    set(row, "maxItems", val(s.max_items));
    set(row, "choices", field_value_to_js(s.choices));
    set(row, "default", field_value_to_js(s.get(defaults)));
    set(row, "help", val(std::string(s.help)));
    push(out, row);
  }
  return out;
}

val config_to_js(const LabConfig& config) {
  val out = val::object();
  for (const FieldSpec& s : config_fields()) set(out, s.js_key, field_value_to_js(s.get(config)));
  return out;
}

val metrics_to_js(const Metrics& metrics) { return object_of(metrics, metrics_fields()); }

// The diagnostics histograms' bins and the saturation threshold (diagnostics.hpp).
static val histogram_edges_to_js() {
  val edges = val::object();
  set(edges, "gradLogMin", val(js_float(kGradLogMin)));
  set(edges, "gradLogMax", val(js_float(kGradLogMax)));
  set(edges, "gradBins", val(kGradBins));
  set(edges, "actMin", val(js_float(kActMin)));
  set(edges, "actMax", val(js_float(kActMax)));
  set(edges, "actBins", val(kActBins));
  set(edges, "saturationThreshold", val(js_float(kSaturationThreshold)));
  return edges;
}

val diagnostics_to_js(const Diagnostics& d) {
  val out = val::object();
  set(out, "step", val(double(d.step)));
  set(out, "diverged", val(d.diverged));
  set(out, "metrics", metrics_to_js(d.metrics));
  val layers = val::array();
  for (const auto& l : d.layers) push(layers, object_of(l, layer_fields()));
  set(out, "layers", layers);
  set(out, "firstLastGradRatio", val(d.first_last_grad_ratio));
  set(out, "zeroMultiplyAddFraction", val(d.zero_multiply_add_fraction));
  val hidden = val::object();
  set(hidden, "units", val(d.hidden.units));
  set(hidden, "deadUnits", val(d.hidden.dead_units));
  set(hidden, "zeroFraction", val(d.hidden.zero_fraction));
  set(hidden, "saturatedFraction", val(d.hidden.saturated_fraction));
  set(out, "hidden", hidden);
  set(out, "histogramEdges", histogram_edges_to_js());
  return out;
}

val constants_to_js() {
  val domain = val::object();
  set(domain, "xMin", val(js_float(-kDomain)));
  set(domain, "xMax", val(js_float(kDomain)));
  set(domain, "yMin", val(js_float(-kDomain)));
  set(domain, "yMax", val(js_float(kDomain)));
  val out = val::object();
  set(out, "domain", domain);
  set(out, "maxGridSide", val(kMaxGridSide));
  set(out, "minUnitMapSide", val(kMinUnitMapSide));
  set(out, "maxUnitMapSide", val(kMaxUnitMapSide));
  set(out, "maxPoints", val(kMaxPoints));
  set(out, "maxAddedPoints", val(int(kMaxAddedPoints)));
  set(out, "minClasses", val(kMinClasses));
  set(out, "maxClasses", val(kMaxClasses));
  set(out, "histogramEdges", histogram_edges_to_js());
  set(out, "saturatedUnitShare", val(kSaturatedUnitShare));
  return out;
}

val costs_to_js(const std::vector<ActivationCost>& costs) {
  val out = val::array();
  for (const auto& c : costs) push(out, object_of(c, cost_fields()));
  return out;
}

val curves_to_js(const std::vector<ActivationCurve>& curves) {
  val out = val::array();
  for (const auto& c : curves) {
    const ActivationSpec& spec = activation_spec(c.id);
    val row = val::object();
    set(row, "name", val(std::string(spec.name)));
    set(row, "label", val(std::string(spec.label)));
    set(row, "maxDerivative", val(js_float(c.max_derivative)));
    set(row, "x", floats_to_js(c.x));
    set(row, "f", floats_to_js(c.f));
    set(row, "df", floats_to_js(c.df));
    push(out, row);
  }
  return out;
}

val data_to_js(const Dataset& data) {
  val out = val::object();
  set(out, "train", points_to_js(data.train));
  set(out, "test", points_to_js(data.test));
  set(out, "classes", val(data.classes));
  return out;
}

val floats_to_js(std::span<const float> values) { return copy_out<float>("Float32Array", values); }

val race_losses_to_js(const std::vector<std::vector<float>>& losses) {
  val out = val::array();
  for (const auto& l : losses) push(out, floats_to_js(l));
  return out;
}

val loss_and_gradient_to_js(const LossAndGradient& result) {
  val out = val::object();
  set(out, "loss", val(result.loss));
  set(out, "gradient", floats_to_js(result.gradient));
  return out;
}

// {width, height, layerUnits: Int32Array, values: Float32Array [unit][row * width + col],
//  states: Uint8Array (0 live, 1 dead, 2 saturated)}
val unit_maps_to_js(const UnitMaps& maps) {
  std::vector<uint8_t> states(maps.states.size());
  for (size_t i = 0; i < states.size(); ++i) states[i] = static_cast<uint8_t>(maps.states[i]);
  const std::vector<int32_t> units(maps.layer_units.begin(), maps.layer_units.end());
  val out = val::object();
  set(out, "width", val(maps.width));
  set(out, "height", val(maps.height));
  set(out, "layerUnits", copy_out<int32_t>("Int32Array", units));
  set(out, "values", floats_to_js(maps.values));
  set(out, "states", copy_out<uint8_t>("Uint8Array", states));
  return out;
}

val partial_metrics_to_js(const Network::PartialMetrics& part) {
  val out = val::object();
  set(out, "lossSum", val(part.loss_sum));
  set(out, "correct", val(double(part.correct)));
  set(out, "points", val(double(part.points)));
  return out;
}

// ---- errors as data (convert.hpp): static buffers, so that reporting allocates nothing ----
namespace {
struct LastError {
  bool present = false;
  char field[64] = "";
  char argument[16] = "";
  char message[2048] = "";
} g_error;

void copy_text(char* out, size_t size, std::string_view text) {
  const size_t n = std::min(size - 1, text.size());
  std::memcpy(out, text.data(), n);
  out[n] = '\0';
}
}  // namespace

void record_error(std::string_view field, std::string_view message, std::string_view argument) {
  g_error.present = true;
  forget_error_details();
  copy_text(g_error.field, sizeof g_error.field, field);
  copy_text(g_error.argument, sizeof g_error.argument, argument);
  copy_text(g_error.message, sizeof g_error.message, message);
}

val take_error() {
  if (!g_error.present) return val::null();
  g_error.present = false;
  val out = val::object();
  out.set("field", val(std::string(g_error.field)));
  out.set("argument", val(std::string(g_error.argument)));
  out.set("message", val(std::string(g_error.message)));
  add_error_details(out);
  return out;
}

}  // namespace actlab::wasm
