// The WebAssembly boundary: Embind bindings over actlab_core, and the only file that includes
// Emscripten headers. It only converts: every rule (ranges, defaults, names, choices) comes from
// the core's tables. web/lab/actlab.js wraps this raw module in the documented API
// (web/lab/actlab.d.ts).
//
// Rules every entry follows:
// - Arguments cross as emscripten::val and their JS types are checked here: release builds of
//   Embind do not check them ("abc" would become 0, -5 as a size would abort the module).
//   Sizes are checked before anything is allocated.
// - Every entry runs in guarded(): a C++ exception becomes a JS Error whose message names the
//   field (in camelCase, as JS spells it: js_names.hpp), the value and the allowed range; the module stays
//   usable. Before the Error is thrown, everything the entry owns is destroyed, val arguments
//   included (their handles are moved into guarded() first), because a JS exception leaves the
//   wasm frames without running destructors. The wasm stack pointer those frames lowered is
//   restored by stack_guard.js (--post-js), which wraps every bound function.
// - Typed arrays leave as copies (new T(typed_memory_view)), so no view can die when memory grows.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>  // EM_JS (em_js.h alone misses em_macros.h in 3.1.6)
#include <emscripten/heap.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "race.hpp"
#include "config.hpp"
#include "cost_benchmark.hpp"
#include "dataset.hpp"
#include "diagnostics.hpp"
#include "initialisers.hpp"
#include "peak_flops.hpp"
#include "js_names.hpp"
#include "network.hpp"

// Throws a JS Error. Called only by guarded(), once everything the entry owned is destroyed.
EM_JS(void, actlab_throw_js_error, (const char* message), { throw new Error(UTF8ToString(message)); });

namespace actlab::wasm {
namespace {

using emscripten::val;
using std::string;

// ---- errors -------------------------------------------------------------------------------

// A static buffer, so that reporting an error allocates nothing that the throw could leak.
char g_error[2048];

void store_error(const char* message) noexcept { js_message(message, g_error, sizeof g_error); }

// Called from a catch (...) block: stores the message of the exception being handled.
[[gnu::noinline]] void store_current_exception() noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    store_error("out of memory: the module's heap is limited to 256 MB (-sMAXIMUM_MEMORY); delete networks no longer used");
  } catch (const std::exception& e) {
    store_error(e.what());
  } catch (...) {
    store_error("internal error: unknown C++ exception");
  }
}

// Runs body(args...) with the val arguments moved into a scope of its own; on a C++ exception,
// leaves that scope (destroying everything the call owned) and only then throws a JS Error.
template <class Body, class... Vals>
auto guarded(Body&& body, Vals&... args) -> decltype(body(args...)) {
  {
    std::tuple<Vals...> owned(std::move(args)...);  // the caller's vals now hold no handle
    try {
      return std::apply(body, owned);
    } catch (...) {
      store_current_exception();
    }
  }
  actlab_throw_js_error(g_error);
  __builtin_unreachable();
}

[[noreturn]] void fail(const string& key, const string& what) { throw std::invalid_argument(key + ": " + what); }

// ---- reading JS values ----------------------------------------------------------------------

// A float as JS should see it: the shortest decimal that reads back as the same float, so a
// field stored as 0.1f shows as 0.1, not 0.10000000149011612. Values that are not floats
// (1e-6 as a double) pass through unchanged.
double js_float(double v) { return std::strtod(format_number(v).c_str(), nullptr); }

string type_of(const val& v) { return v.typeOf().as<string>(); }

// "'abc'", "1.5", "true", "null", "an array", "a Float64Array": what the caller passed, for messages.
string describe(const val& v) {
  const string type = type_of(v);
  if (type == "string") {
    const auto length = v["length"].as<double>();
    if (length > 40) return "a string of " + format_number(length) + " characters";
    return "'" + v.as<string>() + "'";
  }
  if (type == "number") return format_number(v.as<double>());
  if (type == "boolean") return v.as<bool>() ? "true" : "false";
  if (type == "undefined") return "undefined";
  if (v.isNull()) return "null";
  if (type == "object") {
    if (v.isArray()) return "an array";
    const val constructor = v["constructor"];
    if (type_of(constructor) == "function" && type_of(constructor["name"]) == "string") {
      const string name = constructor["name"].as<string>();
      if (name == "Object" || name.empty() || name.size() > 40) return "an object";
      return string(std::strchr("AEIO", name[0]) ? "an " : "a ") + name;  // a Uint8Array, an Int32Array
    }
    return "an object";
  }
  return "a " + type;  // function, symbol, bigint
}

bool is_object(const val& v) { return type_of(v) == "object" && !v.isNull() && !v.isArray(); }
bool is_absent(const val& v) { return v.isUndefined() || v.isNull(); }

double number_of(const val& v, const string& key, const string& expected = "a number") {
  if (!v.isNumber()) fail(key, "expected " + expected + ", got " + describe(v));
  return v.as<double>();
}

// A whole number that fits an int; the range itself is the core's to check.
int int_of(const val& v, const string& key) {
  const double d = number_of(v, key, "a whole number");
  if (!(d == std::floor(d)) || std::fabs(d) > 2147483647.0) fail(key, format_number(d) + " is not a whole number");
  return static_cast<int>(d);
}

int int_in(const val& v, const string& key, int lo, int hi) {
  const double d = number_of(v, key, "a whole number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  if (!(d >= lo && d <= hi))
    fail(key, format_number(d) + " is out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  if (d != std::floor(d))
    fail(key, format_number(d) + " is not a whole number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return static_cast<int>(d);
}

// At most 64 characters: longer text cannot be a name from a table, and is cut for the message.
string name_of(const val& v, const string& key, const string& expected) {
  if (!v.isString()) fail(key, "expected " + expected + ", got " + describe(v));
  if (v["length"].as<double>() > 64) return v.call<string>("slice", 0, 64) + "...";
  return v.as<string>();
}

std::vector<string> keys_of(const val& object, const string& what) {
  const val keys = val::global("Object").call<val>("keys", object);
  const auto n = keys["length"].as<size_t>();
  if (n > 100) fail(what, std::to_string(n) + " keys is too many");
  std::vector<string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(keys[i].as<string>().substr(0, 64));
  return out;
}

void reject_unknown_keys(const val& object, const string& what, const std::vector<string>& known) {
  string unknown;
  size_t count = 0;
  for (const auto& key : keys_of(object, what)) {
    bool found = false;
    for (const auto& k : known) found |= k == key;
    if (!found) unknown += string(count++ ? ", " : "") + "'" + key + "'";
  }
  if (count == 0) return;
  string names;
  for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
  throw std::invalid_argument("unknown " + what + (count > 1 ? " keys " : " key ") + unknown + "; known keys are " + names);
}

// Checks that v is a T typed array (by constructor name, e.g. "Float32Array") of `length` elements.
void check_typed(const val& v, const string& key, const char* type, size_t length) {
  if (!v.instanceof(val::global(type))) fail(key, string("expected a ") + type + ", got " + describe(v));
  const auto n = v["length"].as<size_t>();
  if (n != length) fail(key, "length " + std::to_string(n) + ", expected " + std::to_string(length));
}

// Copies a typed array (already checked) into wasm memory. The view is made after the vector
// exists, and used at once, so memory growth cannot detach it.
template <class T>
std::vector<T> copy_in(const val& typed) {
  std::vector<T> out(typed["length"].as<size_t>());
  if (!out.empty()) val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", typed);
  return out;
}

template <class T>
val copy_out(const char* type, std::span<const T> values) {
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

// Out-of-line setters: one call per field keeps the many result objects small in code size.
[[gnu::noinline]] void set_val(val& object, const char* key, const val& value) { object.set(key, value); }
[[gnu::noinline]] void set_num(val& object, const char* key, double value) { object.set(key, value); }
[[gnu::noinline]] void set_bool(val& object, const char* key, bool value) { object.set(key, value); }
[[gnu::noinline]] void set_text(val& object, const char* key, const char* value) { object.set(key, val(value)); }
[[gnu::noinline]] void push(val& array, const val& item) { array.call<void>("push", item); }

// ---- configs: JS objects <-> LabConfig, through the core's field table ----------------------

struct ConfigKey {
  string key;  // camelCase
  const FieldSpec* spec;
};

const std::vector<ConfigKey>& config_keys() {
  static const std::vector<ConfigKey> keys = [] {
    std::vector<ConfigKey> out;
    for (const auto& spec : config_fields()) out.push_back({camel_case(spec.name), &spec});
    return out;
  }();
  return keys;
}

string range_of(const FieldSpec& spec) { return "[" + format_number(spec.min) + ", " + format_number(spec.max) + "]"; }

string choices_of(const FieldSpec& spec) {
  string out;
  for (const auto& c : spec.choices) out += (out.empty() ? "" : ", ") + c;
  return out;
}

template <class Item>
std::vector<Item> list_of(const val& v, const ConfigKey& k, const string& expected, Item (*item)(const val&, const string&)) {
  if (!v.isArray()) fail(k.key, "expected " + expected + ", got " + describe(v));
  const auto n = v["length"].as<size_t>();
  if (n > size_t(k.spec->max_items))
    fail(k.key, std::to_string(n) + " items is out of range [" + std::to_string(k.spec->min_items) + ", " +
                    std::to_string(k.spec->max_items) + "]");
  std::vector<Item> out;
  for (size_t i = 0; i < n; ++i) out.push_back(item(v[i], k.key + "[" + std::to_string(i) + "]"));
  return out;
}

FieldValue field_value(const val& v, const ConfigKey& k) {
  const FieldSpec& s = *k.spec;
  switch (s.type) {
    case FieldType::integer: return number_of(v, k.key, "a whole number in " + range_of(s));
    case FieldType::number: return number_of(v, k.key, "a number in " + range_of(s));
    case FieldType::boolean:
      if (type_of(v) != "boolean") fail(k.key, "expected true or false, got " + describe(v));
      return v.as<bool>();
    case FieldType::choice: return name_of(v, k.key, "one of " + choices_of(s));
    case FieldType::integer_list:
      return list_of<double>(v, k, "an array of whole numbers in " + range_of(s),
                             [](const val& item, const string& key) { return number_of(item, key, "a whole number"); });
    case FieldType::choice_list:
      return list_of<string>(v, k, "an array of names", [](const val& item, const string& key) {
        return name_of(item, key, "a name");
      });
  }
  fail(k.key, "unsupported field type");
}

// Defaults from LabConfig{}, then every key the object has; unknown keys are rejected, keys
// whose value is undefined take their default. `extra` keys are allowed and left to the caller.
LabConfig config_from(const val& object, const std::vector<string>& extra = {}) {
  LabConfig config;
  if (is_absent(object)) return config;
  if (!is_object(object)) fail("config", "expected an object, got " + describe(object));
  std::vector<string> known = extra;
  for (const auto& k : config_keys()) known.push_back(k.key);
  reject_unknown_keys(object, "config", known);
  for (const auto& k : config_keys()) {
    const val v = object[k.key];
    if (!v.isUndefined()) set_field(config, k.spec->name, field_value(v, k));
  }
  validate(config);
  return config;
}

val to_val(const FieldValue& value) {
  return std::visit(
      [](const auto& v) -> val {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::vector<double>> || std::is_same_v<T, std::vector<string>>) {
          val array = val::array();
          for (const auto& item : v) {
            if constexpr (std::is_same_v<T, std::vector<double>>) {
              array.call<void>("push", val(js_float(item)));
            } else {
              array.call<void>("push", val(item));
            }
          }
          return array;
        } else if constexpr (std::is_same_v<T, double>) {
          return val(js_float(v));
        } else {
          return val(v);
        }
      },
      value);
}

val config_to_val(const LabConfig& config) {
  val out = val::object();
  for (const auto& k : config_keys()) set_val(out, k.key.c_str(), to_val(k.spec->get(config)));
  return out;
}

// Caller-supplied points {points: Float32Array(2n), labels: Int32Array(n), classes, testFraction?}.
std::shared_ptr<const Dataset> data_from(const val& data, const LabConfig& config) {
  if (is_absent(data)) return make_shared_dataset(config);
  if (!is_object(data)) fail("data", "expected an object {points, labels, classes, testFraction?}, got " + describe(data));
  reject_unknown_keys(data, "data", {"points", "labels", "classes", "testFraction"});
  const val labels = data["labels"], points = data["points"];
  if (!labels.instanceof(val::global("Int32Array"))) fail("labels", "expected an Int32Array, got " + describe(labels));
  const auto n = labels["length"].as<size_t>();
  if (n > size_t(kMaxPoints))
    fail("labels", std::to_string(n) + " points is out of range [1, " + std::to_string(kMaxPoints) + "]");
  check_typed(points, "points", "Float32Array", 2 * n);
  const int classes = int_of(data["classes"], "classes");
  const val fraction = data["testFraction"];
  const float test_fraction = fraction.isUndefined() ? 0.0f : static_cast<float>(number_of(fraction, "testFraction"));
  return std::make_shared<const Dataset>(
      make_custom_dataset(copy_in<float>(points), copy_in<int32_t>(labels), classes, test_fraction, config.seed));
}

// ---- results -----------------------------------------------------------------------------------

val metrics_to_val(const Metrics& m) {
  val out = val::object();
  set_num(out, "trainLoss", m.train_loss);
  set_num(out, "testLoss", m.test_loss);
  set_num(out, "trainAccuracy", m.train_accuracy);
  set_num(out, "testAccuracy", m.test_accuracy);
  return out;
}

val points_to_val(const Points& p) {
  val out = val::object();
  set_val(out, "x", copy_out<float>("Float32Array", p.x));
  set_val(out, "y", copy_out<float>("Float32Array", p.y));
  set_val(out, "label", copy_out<int32_t>("Int32Array", p.label));
  return out;
}

val layer_to_val(const LayerDiagnostics& l) {
  val out = val::object();
  set_num(out, "units", l.units);
  set_text(out, "activation", l.activation.c_str());
  set_num(out, "weightNorm", l.weight_norm);
  set_num(out, "weightGradNorm", l.weight_grad_norm);
  set_num(out, "biasGradNorm", l.bias_grad_norm);
  set_num(out, "preactGradNorm", l.preact_grad_norm);
  set_val(out, "gradHistogram", copy_out<uint32_t>("Uint32Array", l.grad_histogram));
  set_num(out, "gradZeros", l.grad_zeros);
  set_val(out, "activationHistogram", copy_out<uint32_t>("Uint32Array", l.activation_histogram));
  set_num(out, "zeroFraction", l.zero_fraction);
  set_num(out, "saturatedFraction", l.saturated_fraction);
  set_num(out, "deadFraction", l.dead_fraction);
  set_num(out, "deadUnits", l.dead_units);
  set_num(out, "meanActivation", l.mean_activation);
  return out;
}

val diagnostics_to_val(const Diagnostics& d) {
  val out = val::object();
  set_num(out, "step", double(d.step));
  set_bool(out, "diverged", d.diverged);
  set_val(out, "metrics", metrics_to_val(d.metrics));
  val layers = val::array();
  for (const auto& l : d.layers) push(layers, layer_to_val(l));
  set_val(out, "layers", layers);
  set_num(out, "firstLastGradRatio", d.first_last_grad_ratio);
  val edges = val::object();
  set_num(edges, "gradLogMin", js_float(kGradLogMin));
  set_num(edges, "gradLogMax", js_float(kGradLogMax));
  set_num(edges, "gradBins", kGradBins);
  set_num(edges, "actMin", js_float(kActMin));
  set_num(edges, "actMax", js_float(kActMax));
  set_num(edges, "actBins", kActBins);
  set_num(edges, "saturationThreshold", js_float(kSaturationThreshold));
  set_val(out, "histogramEdges", edges);
  return out;
}

val losses_to_val(const std::vector<float>& losses) { return copy_out<float>("Float32Array", losses); }

// {xMin, xMax, yMin, yMax, width, height}, each optional; the core checks the values.
GridSpec grid_from(const val& grid) {
  GridSpec g;
  if (is_absent(grid)) return g;
  if (!is_object(grid)) fail("grid", "expected an object {xMin, xMax, yMin, yMax, width, height}, got " + describe(grid));
  reject_unknown_keys(grid, "grid", {"xMin", "xMax", "yMin", "yMax", "width", "height"});
  const auto coordinate = [&](const char* key, float& out) {
    const val v = grid[key];
    if (v.isUndefined()) return;
    const double d = number_of(v, key, "a number in [-1e6, 1e6]");
    if (!(std::fabs(d) <= 1e6)) fail(key, format_number(d) + " is out of range [-1e6, 1e6]");
    out = static_cast<float>(d);
  };
  coordinate("xMin", g.x_min);
  coordinate("xMax", g.x_max);
  coordinate("yMin", g.y_min);
  coordinate("yMax", g.y_max);
  for (auto [key, side] : {std::pair{"width", &g.width}, {"height", &g.height}})
    if (!grid[key].isUndefined()) *side = int_in(grid[key], key, 1, kMaxGridSide);
  return g;
}

// ---- bound objects -------------------------------------------------------------------------

// A network the JS side owns (created alone), or shares with its race: the shared_ptr of a
// race member aliases the race, so a member handle can never outlive the networks it points to.
class NetworkHandle {
 public:
  explicit NetworkHandle(std::shared_ptr<Network> network) : net_(std::move(network)) {}
  Network& net() const { return *net_; }

 private:
  std::shared_ptr<Network> net_;
};

class RaceHandle {
 public:
  explicit RaceHandle(std::shared_ptr<Race> race) : race_(std::move(race)) {}
  Race& race() const { return *race_; }
  NetworkHandle member(size_t i) const { return NetworkHandle(std::shared_ptr<Network>(race_, &race_->member(i))); }

 private:
  std::shared_ptr<Race> race_;
};

// ---- entries ------------------------------------------------------------------------------

val activations() {
  return guarded([] {
    val out = val::array();
    for (const auto& a : activation_table()) {
      val row = val::object();
      set_text(row, "name", a.name);
      set_text(row, "label", a.label);
      set_text(row, "formula", a.formula);
      const auto& p = a.props;
      for (auto [key, flag] : {std::pair{"boundedBelow", p.bounded_below}, {"boundedAbove", p.bounded_above},
                               {"bounded", p.bounded()}, {"zeroCentred", p.zero_centred},
                               {"negativeOutputs", p.negative_outputs}, {"saturatesLow", p.saturates_low},
                               {"saturatesHigh", p.saturates_high}, {"saturating", p.saturating()},
                               {"monotonic", p.monotonic}, {"smooth", p.smooth}, {"exactZeros", p.exact_zeros},
                               {"learnable", p.learnable}, {"randomised", p.randomised}})
        set_bool(row, key, flag);
      set_num(row, "maxDerivative", js_float(a.max_derivative));
      static constexpr const char* kKinds[] = {"none", "fixed", "learnable", "randomised"};
      set_text(row, "paramKind", kKinds[static_cast<int>(a.param_kind)]);
      set_num(row, "paramDefault", js_float(a.param_default));
      push(out, row);
    }
    return out;
  });
}

val datasets() {
  return guarded([] {
    val out = val::array();
    for (const auto& d : dataset_table()) {
      val row = val::object();
      set_text(row, "name", d.name);
      set_text(row, "label", d.label);
      set_text(row, "description", d.description);
      set_num(row, "minClasses", d.min_classes);
      set_num(row, "maxClasses", d.max_classes);
      push(out, row);
    }
    return out;
  });
}

val initialisers() {
  return guarded([] {
    val out = val::array();
    for (size_t i = 0; i < static_cast<size_t>(InitScheme::count); ++i) {
      const auto scheme = static_cast<InitScheme>(i);
      val row = val::object();
      set_text(row, "name", string(init_name(scheme)).c_str());
      set_text(row, "description", initialiser_info(scheme).description);
      push(out, row);
    }
    return out;
  });
}

val config_fields_val() {
  return guarded([] {
    static constexpr const char* kTypes[] = {"integer", "number", "boolean", "choice", "integerList", "choiceList"};
    const LabConfig defaults;
    val out = val::array();
    for (const auto& k : config_keys()) {
      const FieldSpec& s = *k.spec;
      val row = val::object();
      set_text(row, "name", k.key.c_str());
      set_text(row, "type", kTypes[static_cast<int>(s.type)]);
      set_num(row, "min", js_float(s.min));
      set_num(row, "max", js_float(s.max));
      set_num(row, "minItems", s.min_items);
      set_num(row, "maxItems", s.max_items);
      set_val(row, "choices", to_val(s.choices));
      set_val(row, "default", to_val(s.get(defaults)));
      set_text(row, "help", s.help);
      push(out, row);
    }
    return out;
  });
}

val default_config() {
  return guarded([] { return config_to_val(LabConfig{}); });
}

NetworkHandle create_network(val config, val data) {
  return guarded(
      [](val& c, val& d) {
        const LabConfig lab = config_from(c);
        return NetworkHandle(std::make_shared<Network>(lab, data_from(d, lab)));
      },
      config, data);
}

RaceHandle create_race(val config, val data) {
  return guarded(
      [](val& c, val& d) {
        if (!is_object(c)) fail("config", "expected an object with a members array, got " + describe(c));
        const LabConfig shared = config_from(c, {"members"});
        const val members = c["members"];
        if (!members.isArray()) fail("members", "expected an array of activation names or {activation, init} objects, got " + describe(members));
        const auto n = members["length"].as<size_t>();
        if (n < 1 || n > kMaxRaceMembers)
          fail("members", std::to_string(n) + " members is out of range [1, " + std::to_string(kMaxRaceMembers) + "]");
        std::vector<RaceMember> list;
        for (size_t i = 0; i < n; ++i) {
          const string key = "members[" + std::to_string(i) + "]";
          const val m = members[i];
          RaceMember member;
          if (m.isString()) {
            member.activation = parse_activation(name_of(m, key, "an activation name"), key);
          } else if (is_object(m)) {
            reject_unknown_keys(m, key, {"activation", "init"});
            member.activation = parse_activation(name_of(m["activation"], key + ".activation", "an activation name"),
                                                 key + ".activation");
            if (!m["init"].isUndefined()) member.init = parse_init(name_of(m["init"], key + ".init", "an initialiser name"), key + ".init");
          } else {
            fail(key, "expected an activation name or {activation, init}, got " + describe(m));
          }
          list.push_back(member);
        }
        return RaceHandle(std::make_shared<Race>(shared, list, data_from(d, shared)));
      },
      config, data);
}

val activation_costs(val options) {
  return guarded(
      [](val& o) {
        CostSettings settings;
        if (!is_absent(o)) {
          if (!is_object(o)) fail("options", "expected an object {elements, repeats, windowMs}, got " + describe(o));
          reject_unknown_keys(o, "options", {"elements", "repeats", "windowMs"});
          if (!o["elements"].isUndefined()) settings.elements = int_of(o["elements"], "elements");
          if (!o["repeats"].isUndefined()) settings.repeats = int_of(o["repeats"], "repeats");
          if (!o["windowMs"].isUndefined()) settings.window_ms = number_of(o["windowMs"], "windowMs");
        }
        val out = val::array();
        for (const auto& c : measure_activation_costs(settings)) {
          val row = val::object();
          set_text(row, "name", c.name.c_str());
          set_num(row, "forwardNs", c.forward_ns);
          set_num(row, "forwardBackwardNs", c.forward_backward_ns);
          set_num(row, "libmForwardNs", c.libm_forward_ns);
          set_num(row, "libmForwardBackwardNs", c.libm_forward_backward_ns);
          push(out, row);
        }
        return out;
      },
      options);
}

double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }
double heap_size() { return static_cast<double>(emscripten_get_heap_size()); }

// peakFlops(ms) -> GFLOP/s: the f32x4 multiply-add peak of core/lib/peak_flops.hpp over about ms
// milliseconds (windows of 5 ms, the fastest kept: on a busy machine the least disturbed), so a benchmark can say what fraction of the hardware
// a workload reaches. Kept self-contained (a number in, a number out; only guarded() for errors)
// so that a rewritten binding can carry it over as it is.
double peak_flops(double ms) {
  return guarded([ms] {
    if (!(ms >= 1 && ms <= 10000)) fail("ms", format_number(ms) + " is out of range [1, 10000]");
    const int windows = ms < 10 ? 2 : (ms > 500 ? 100 : static_cast<int>(ms / 5));
    return peak_flops_f32x4(ms / windows, windows).gflops;
  });
}

// Network methods.
double param_count(const NetworkHandle& h) { return static_cast<double>(h.net().params().size()); }
int classes(const NetworkHandle& h) { return h.net().model().classes(); }
double steps(const NetworkHandle& h) { return static_cast<double>(h.net().steps()); }
bool diverged(const NetworkHandle& h) { return h.net().diverged(); }
val diverged_at(const NetworkHandle& h) {
  const auto at = h.net().diverged_at();
  return at ? val(static_cast<double>(*at)) : val::null();
}

val train(NetworkHandle& h, val steps) {
  return guarded([&](val& s) { return losses_to_val(h.net().train(int_of(s, "steps"))); }, steps);
}

val evaluate(NetworkHandle& h) {
  return guarded([&] { return metrics_to_val(h.net().evaluate()); });
}

val predict_grid(NetworkHandle& h, val grid) {
  return guarded(
      [&](val& g) {
        const GridSpec spec = grid_from(g);
        std::vector<float> out(size_t(h.net().model().classes()) * size_t(spec.width) * size_t(spec.height));
        h.net().predict_grid(spec, out);
        return copy_out<float>("Float32Array", out);
      },
      grid);
}

val diagnostics(NetworkHandle& h) {
  return guarded([&] { return diagnostics_to_val(diagnose(h.net())); });
}

val get_params(NetworkHandle& h) {
  return guarded([&] { return copy_out<float>("Float32Array", h.net().params()); });
}

void set_params(NetworkHandle& h, val params) {
  guarded(
      [&](val& p) {
        check_typed(p, "params", "Float32Array", h.net().params().size());
        h.net().set_params(copy_in<float>(p));
      },
      params);
}

val loss_and_gradient(NetworkHandle& h, val points, val labels) {
  return guarded(
      [&](val& p, val& l) {
        if (!l.instanceof(val::global("Int32Array"))) fail("labels", "expected an Int32Array, got " + describe(l));
        const auto n = l["length"].as<size_t>();
        if (n < 1 || n > size_t(kMaxPoints))
          fail("labels", std::to_string(n) + " points is out of range [1, " + std::to_string(kMaxPoints) + "]");
        check_typed(p, "points", "Float32Array", 2 * n);
        const LossAndGradient result = h.net().loss_and_gradient(copy_in<float>(p), copy_in<int32_t>(l));
        val out = val::object();
        set_num(out, "loss", result.loss);
        set_val(out, "gradient", copy_out<float>("Float32Array", result.gradient));
        return out;
      },
      points, labels);
}

val data(NetworkHandle& h) {
  return guarded([&] {
    val out = val::object();
    set_val(out, "train", points_to_val(h.net().data().train));
    set_val(out, "test", points_to_val(h.net().data().test));
    set_num(out, "classes", h.net().data().classes);
    return out;
  });
}

val config(NetworkHandle& h) {
  return guarded([&] { return config_to_val(h.net().config()); });
}

// Race methods.
double race_size(const RaceHandle& a) { return static_cast<double>(a.race().size()); }

NetworkHandle race_member(RaceHandle& a, val index) {
  return guarded(
      [&](val& i) { return a.member(size_t(int_in(i, "index", 0, int(a.race().size()) - 1))); }, index);
}

val race_train(RaceHandle& a, val steps) {
  return guarded(
      [&](val& s) {
        const auto losses = a.race().train(int_of(s, "steps"));
        val out = val::array();
        for (const auto& l : losses) push(out, losses_to_val(l));
        return out;
      },
      steps);
}

}  // namespace
}  // namespace actlab::wasm

EMSCRIPTEN_BINDINGS(actlab) {
  using namespace actlab::wasm;
  namespace em = emscripten;
  // Built now rather than on first use, so that error reporting (store_error reads the field
  // table) never allocates, and the heap baseline of leak tests includes them.
  config_keys();
  em::function("activations", &activations);
  em::function("datasets", &datasets);
  em::function("initialisers", &initialisers);
  em::function("configFields", &config_fields_val);
  em::function("defaultConfig", &default_config);
  em::function("createNetwork", &create_network);
  em::function("createRace", &create_race);
  em::function("activationCosts", &activation_costs);
  em::function("heapBytesInUse", &heap_bytes_in_use);
  em::function("heapSize", &heap_size);
  em::function("peakFlops", &peak_flops);

  em::class_<NetworkHandle>("Network")
      .function("paramCount", &param_count)
      .function("classes", &classes)
      .function("steps", &steps)
      .function("diverged", &diverged)
      .function("divergedAt", &diverged_at)
      .function("train", &train)
      .function("evaluate", &evaluate)
      .function("predictGrid", &predict_grid)
      .function("diagnostics", &diagnostics)
      .function("getParams", &get_params)
      .function("setParams", &set_params)
      .function("lossAndGradient", &loss_and_gradient)
      .function("data", &data)
      .function("config", &config);

  em::class_<RaceHandle>("Race")
      .function("size", &race_size)
      .function("member", &race_member)
      .function("train", &race_train);
}
