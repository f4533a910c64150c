// JS snapshots -> core types (see convert.hpp). Keys are read through the core's tables: config
// keys from the field table's js_key column, argument names from field_error.cpp's table.
// Only own properties are read (own() below): actlab.js's snapshots have no prototype, and a
// direct caller's plain object must not pick up what a page put on Object.prototype either.
#include <cmath>
#include <string>

#include "convert.hpp"
#include "field_error.hpp"
#include "number_text.hpp"

namespace actlab::wasm {
namespace {

[[noreturn]] void expected(std::string_view where, const char* what) { throw_wrong_type(where, what); }

// object[key] if it is the object's own property, else undefined (never an inherited value).
val own(const val& object, const char* key) {
  if (!val::global("Object")["hasOwn"](object, val(key)).isTrue()) return val::undefined();
  return object[key];
}

double number_from(const val& v, std::string_view where) {
  if (!v.isNumber()) expected(where, "a number");
  return v.as<double>();
}

std::string text_from(const val& v, std::string_view where) {
  if (!v.isString()) expected(where, "a string");
  return v.as<std::string>();
}

// The list's length is checked before any item is read: actlab.js sends an over-long list as
// an empty array of that length, so its items are never copied.
size_t list_length(const val& v, const FieldSpec& spec) {
  if (!v.isArray()) expected(spec.name, "an array");
  const double n = v["length"].as<double>();
  check_list_length(spec, size_t(n));
  return size_t(n);
}

FieldValue field_value(const val& v, const FieldSpec& spec) {
  switch (spec.type) {
    case FieldType::integer:
    case FieldType::number: return number_from(v, spec.name);
    case FieldType::boolean:
      if (!v.isTrue() && !v.isFalse()) expected(spec.name, "true or false");
      return v.isTrue();
    case FieldType::choice: return text_from(v, spec.name);
    case FieldType::integer_list: {
      std::vector<double> items(list_length(v, spec));
      for (size_t i = 0; i < items.size(); ++i) items[i] = number_from(v[i], spec.name);
      return items;
    }
    case FieldType::choice_list: {
      std::vector<std::string> items(list_length(v, spec));
      for (size_t i = 0; i < items.size(); ++i) items[i] = text_from(v[i], spec.name);
      return items;
    }
  }
  expected(spec.name, "a known field type");
}

// The length of a typed array of `type`, or of the plain array actlab.js sends in place of one too
// long to copy (read-once.js, MAX_TYPED_ITEMS): its length is checked before anything is copied.
size_t typed_length(const val& typed, const char* type, const char* field) {
  if (!typed.instanceof(val::global(type)) && !typed.isArray()) expected(field, type);
  return typed["length"].as<size_t>();
}

template <class T>
std::vector<T> copy_in(const val& typed, size_t n, const char* type, const char* field) {
  if (!typed.instanceof(val::global(type))) expected(field, type);  // a length-only stand-in
  std::vector<T> out(n);
  // The view is made after the vector exists and used at once, so memory growth cannot detach it.
  // view.set(typed), called as Reflect.apply: val::call's method cache is a thread_local, which
  // this build (bulk memory, no atomics) cannot link.
  if (n > 0) {
    const val view(emscripten::typed_memory_view(n, out.data()));
    val arguments = val::array();
    arguments.set(0, typed);
    val::global("Reflect")["apply"](view["set"], view, arguments);
  }
  return out;
}

}  // namespace

LabConfig config_from(const val& config) {
  LabConfig out;
  if (config.isUndefined()) return out;
  for (const FieldSpec& spec : config_fields()) {
    const val v = own(config, spec.js_key);
    if (!v.isUndefined()) set_field(out, spec.name, field_value(v, spec));
  }
  validate(out);
  return out;
}

std::vector<RaceMember> members_from(const val& members) {
  if (!members.isArray()) expected("members", "an array");
  const size_t n = members["length"].as<size_t>();
  check_member_count(n);
  std::vector<RaceMember> out(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string where = "members[" + std::to_string(i) + "]";
    const val m = members[i];
    if (m.isString()) {
      out[i].activation = parse_activation(m.as<std::string>(), where);
      continue;
    }
    out[i].activation = parse_activation(text_from(own(m, "activation"), where + ".activation"), where + ".activation");
    if (const val init = own(m, "init"); !init.isUndefined())
      out[i].init = parse_init(text_from(init, where + ".init"), where + ".init");
  }
  return out;
}

std::shared_ptr<const Dataset> data_from(const val& data, const LabConfig& config) {
  if (data.isUndefined()) return make_shared_dataset(config);
  try {
    std::vector<int32_t> labels = labels_from(own(data, "labels"));
    std::vector<float> points = floats_from(own(data, "points"), "points", 2 * labels.size());
    const int classes = int_from(own(data, "classes"), "classes", kMinClasses, kMaxClasses);
    const val fraction = own(data, "testFraction");
    const float test_fraction = fraction.isUndefined() ? 0.0f : float(number_from(fraction, "test_fraction"));
    return std::make_shared<const Dataset>(make_custom_dataset(points, labels, classes, test_fraction, config.seed));
  } catch (FieldError& e) {
    e.argument = "data";  // its points and classes are not the config's
    throw;
  }
}

GridSpec grid_from(const val& grid) {
  GridSpec g;
  if (grid.isUndefined()) return g;
  for (auto [field, side] : {std::pair{"width", &g.width}, {"height", &g.height}}) {
    const val v = own(grid, js_key(field).data());
    if (!v.isUndefined()) *side = int_from(v, field, 1, kMaxGridSide);
  }
  for (auto [field, corner] : {std::pair{"x_min", &g.x_min}, {"x_max", &g.x_max}, {"y_min", &g.y_min}, {"y_max", &g.y_max}}) {
    const val v = own(grid, js_key(field).data());
    if (v.isUndefined()) continue;
    const double d = number_from(v, field);
    if (!(std::fabs(d) <= 1e6)) throw_out_of_range(field, d, -1e6, 1e6);  // before it becomes a float
    *corner = float(d);
  }
  return g;
}

// Activation names to time or plot: actlab.js made it an array of strings; the core names an
// unknown one. At most one per row of the table (a longer list can only repeat names).
static std::vector<std::string> activation_names_from(const val& names) {
  const auto n = names["length"].as<size_t>();
  if (n > activation_table().size()) throw_out_of_range("activations", double(n), 0, double(activation_table().size()));
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(names[i].as<std::string>());
  return out;
}

CostSettings cost_settings_from(const val& options) {
  CostSettings s;
  if (options.isUndefined()) return s;
  if (const val v = own(options, "elements"); !v.isUndefined()) s.elements = int_from(v, "elements", kMinCostElements, kMaxCostElements);
  if (const val v = own(options, "repeats"); !v.isUndefined()) s.repeats = int_from(v, "repeats", 1, kMaxCostRepeats);
  if (const val v = own(options, "windowMs"); !v.isUndefined()) s.window_ms = number_from(v, "window_ms");
  // Names to time (the claims strip times three).
  if (const val v = own(options, "activations"); !v.isUndefined()) s.activations = activation_names_from(v);
  return s;
}

CurveSettings curve_settings_from(const val& options) {
  CurveSettings s;
  if (options.isUndefined()) return s;
  if (const val v = own(options, "xMin"); !v.isUndefined()) s.x_min = static_cast<float>(number_from(v, "x_min"));
  if (const val v = own(options, "xMax"); !v.isUndefined()) s.x_max = static_cast<float>(number_from(v, "x_max"));
  if (const val v = own(options, "points"); !v.isUndefined()) s.points = int_from(v, "points", kMinCurvePoints, kMaxCurvePoints);
  if (const val v = own(options, "activations"); !v.isUndefined()) s.activations = activation_names_from(v);
  return s;
}

Deadline deadline_from(const val& options) {
  if (options.isUndefined()) return {};
  const val v = own(options, "deadlineMs");
  return v.isUndefined() ? Deadline{} : Deadline::after("deadline_ms", number_from(v, "deadline_ms"));
}

int int_from(const val& number, const char* field, int lo, int hi) { return checked_int(field, number_from(number, field), lo, hi); }

float coordinate_from(const val& number, const char* field) {
  const double d = number_from(number, field);
  if (!(std::fabs(d) <= kMaxAbsCoordinate)) throw_out_of_range(field, d, -kMaxAbsCoordinate, kMaxAbsCoordinate);
  return static_cast<float>(d);
}

std::vector<float> floats_from(const val& typed, const char* field, size_t expected_length) {
  const size_t n = typed_length(typed, "Float32Array", field);
  if (n != expected_length) throw_length_mismatch(field, double(n), double(expected_length));
  return copy_in<float>(typed, n, "Float32Array", field);
}

std::vector<int32_t> labels_from(const val& typed) {
  const size_t n = typed_length(typed, "Int32Array", "labels");
  if (n < 1 || n > size_t(kMaxPoints)) throw_count_out_of_range("labels", double(n), "points", 1, kMaxPoints);
  return copy_in<int32_t>(typed, n, "Int32Array", "labels");
}

}  // namespace actlab::wasm
