#include "config.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "field_error.hpp"

namespace actlab {
namespace {

constexpr std::array<const char*, static_cast<size_t>(InitScheme::count)> kInitNames = {
    "playground", "normal", "xavier", "xavier_normal", "he", "he_uniform", "lecun"};
constexpr std::array<const char*, static_cast<size_t>(OptimizerKind::count)> kOptimizerNames = {
    "sgd", "momentum", "adam"};
constexpr std::array<const char*, static_cast<size_t>(Feature::count)> kFeatureNames = {
    "x", "y", "x_squared", "y_squared", "x_times_y", "sin_x", "sin_y"};

template <size_t N>
std::vector<std::string> to_strings(const std::array<const char*, N>& names) {
  return {names.begin(), names.end()};
}

std::vector<std::string> activation_choices() {
  std::vector<std::string> out;
  for (const auto& spec : activation_table()) out.emplace_back(spec.name);
  return out;
}

std::vector<std::string> dataset_choices() {
  std::vector<std::string> out;
  for (const auto& info : dataset_table()) out.emplace_back(info.name);
  return out;
}

template <size_t N>
size_t index_of(const std::array<const char*, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i)
    if (name == names[i]) return i;
  return N;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

double as_number(const FieldValue& v) { return std::get<double>(v); }
const std::string& as_text(const FieldValue& v) { return std::get<std::string>(v); }

template <class E, size_t N>
E enum_from(const std::array<const char*, N>& names, const FieldValue& v) {
  return static_cast<E>(index_of(names, as_text(v)));
}

// Setters run after set_field validated type, range and choices, so they only convert.
std::vector<FieldSpec> make_fields() {
  using F = FieldType;
  std::vector<FieldSpec> f;
  f.push_back({"seed", "seed", F::integer, 0, 4294967295.0, 0, 0, {}, "one seed for data, initial weights, batch order and RReLU",
               [](LabConfig& c, const FieldValue& v) { c.seed = static_cast<uint32_t>(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.seed); }});
  f.push_back({"dataset", "dataset", F::choice, 0, 0, 0, 0, dataset_choices(), "which toy problem",
               [](LabConfig& c, const FieldValue& v) {
                 for (const auto& info : dataset_table())
                   if (as_text(v) == info.name) c.dataset = info.kind;
               },
               [](const LabConfig& c) -> FieldValue { return std::string(dataset_info(c.dataset).name); }});
  f.push_back({"points", "points", F::integer, kMinPoints, kMaxPoints, 0, 0, {}, "number of points, train and test together",
               [](LabConfig& c, const FieldValue& v) { c.points = int(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.points); }});
  f.push_back({"noise", "noise", F::number, 0, 1, 0, 0, {}, "label noise / jitter, 0 (clean) to 1 (very noisy)",
               [](LabConfig& c, const FieldValue& v) { c.noise = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.noise); }});
  f.push_back({"test_fraction", "testFraction", F::number, 0, 0.9, 0, 0, {}, "share of the points held out for testing",
               [](LabConfig& c, const FieldValue& v) { c.test_fraction = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.test_fraction); }});
  f.push_back({"classes", "classes", F::integer, 2, 8, 0, 0, {}, "number of classes (spiral and gauss take 2-8, others 2)",
               [](LabConfig& c, const FieldValue& v) { c.classes = int(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.classes); }});
  f.push_back({"features", "features", F::choice_list, 0, 0, 1, int(Feature::count), to_strings(kFeatureNames),
               "input features fed to the first layer",
               [](LabConfig& c, const FieldValue& v) {
                 c.features.clear();
                 for (const auto& name : std::get<std::vector<std::string>>(v))
                   c.features.push_back(static_cast<Feature>(index_of(kFeatureNames, name)));
               },
               [](const LabConfig& c) -> FieldValue {
                 std::vector<std::string> out;
                 for (auto feature : c.features) out.emplace_back(feature_name(feature));
                 return out;
               }});
  f.push_back({"hidden", "hidden", F::integer_list, 1, kMaxWidth, 0, kMaxHiddenLayers, {}, "units per hidden layer, input side first",
               [](LabConfig& c, const FieldValue& v) {
                 c.hidden.clear();
                 for (double width : std::get<std::vector<double>>(v)) c.hidden.push_back(int(width));
               },
               [](const LabConfig& c) -> FieldValue { return std::vector<double>(c.hidden.begin(), c.hidden.end()); }});
  f.push_back({"activation", "activation", F::choice, 0, 0, 0, 0, activation_choices(), "activation of every hidden layer",
               [](LabConfig& c, const FieldValue& v) { c.activation = parse_activation(as_text(v)); },
               [](const LabConfig& c) -> FieldValue { return std::string(activation_spec(c.activation).name); }});
  f.push_back({"layer_activations", "layerActivations", F::choice_list, 0, 0, 0, kMaxHiddenLayers, activation_choices(),
               "optional per-layer override: empty, or one activation per hidden layer",
               [](LabConfig& c, const FieldValue& v) {
                 c.layer_activations.clear();
                 for (const auto& name : std::get<std::vector<std::string>>(v))
                   c.layer_activations.push_back(parse_activation(name, "layer_activations"));
               },
               [](const LabConfig& c) -> FieldValue {
                 std::vector<std::string> out;
                 for (auto id : c.layer_activations) out.emplace_back(activation_spec(id).name);
                 return out;
               }});
  f.push_back({"init", "init", F::choice, 0, 0, 0, 0, to_strings(kInitNames), "weight initialisation scheme",
               [](LabConfig& c, const FieldValue& v) { c.init = enum_from<InitScheme>(kInitNames, v); },
               [](const LabConfig& c) -> FieldValue { return std::string(init_name(c.init)); }});
  f.push_back({"optimizer", "optimizer", F::choice, 0, 0, 0, 0, to_strings(kOptimizerNames), "sgd, momentum (optionally Nesterov) or adam",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.kind = enum_from<OptimizerKind>(kOptimizerNames, v); },
               [](const LabConfig& c) -> FieldValue { return std::string(optimizer_name(c.optimizer.kind)); }});
  f.push_back({"learning_rate", "learningRate", F::number, 1e-6, 10, 0, 0, {}, "step size",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.learning_rate = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.learning_rate); }});
  f.push_back({"momentum", "momentum", F::number, 0, 0.999, 0, 0, {}, "momentum coefficient (optimizer momentum)",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.momentum = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.momentum); }});
  f.push_back({"nesterov", "nesterov", F::boolean, 0, 1, 0, 0, {}, "Nesterov momentum",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.nesterov = std::get<bool>(v); },
               [](const LabConfig& c) -> FieldValue { return c.optimizer.nesterov; }});
  f.push_back({"beta1", "beta1", F::number, 0, 0.9999, 0, 0, {}, "Adam's first-moment decay",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.beta1 = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.beta1); }});
  f.push_back({"beta2", "beta2", F::number, 0, 0.99999, 0, 0, {}, "Adam's second-moment decay",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.beta2 = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.beta2); }});
  f.push_back({"epsilon", "epsilon", F::number, 1e-12, 1, 0, 0, {}, "Adam's denominator guard",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.epsilon = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.epsilon); }});
  f.push_back({"l1", "l1", F::number, 0, 1, 0, 0, {}, "L1 penalty on weights (not biases or slopes)",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.l1 = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.l1); }});
  f.push_back({"l2", "l2", F::number, 0, 1, 0, 0, {}, "L2 penalty on weights (not biases or slopes)",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.l2 = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.l2); }});
  f.push_back({"batch_size", "batchSize", F::integer, 1, kMaxBatch, 0, 0, {}, "points per step (capped at the training set size)",
               [](LabConfig& c, const FieldValue& v) { c.batch_size = int(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.batch_size); }});
  f.push_back({"clip_norm", "clipNorm", F::number, 0, 1e6, 0, 0, {}, "clip the gradient's global L2 norm to this (0: off)",
               [](LabConfig& c, const FieldValue& v) { c.optimizer.clip_norm = float(as_number(v)); },
               [](const LabConfig& c) -> FieldValue { return double(c.optimizer.clip_norm); }});
  return f;
}

const std::vector<FieldSpec>& fields() {
  static const std::vector<FieldSpec> table = make_fields();
  return table;
}

// Numbers are checked as given (a double), before any conversion: 1e-6 is a valid learning rate
// although the float it is stored in, 9.99999997e-7, is below 1e-6 as a double. Number fields are
// stored as floats, so a value that would be stored as a float within the floats of the bounds is
// accepted too: that is what a stored config reads back as (field.get gives 9.99999997e-7 for a
// learning rate set to 1e-6), and it must be accepted again (check_stored agrees).
void check_number(std::string_view where, double v, const FieldSpec& spec, bool integer) {
  const bool stored_within = !integer && std::fabs(v) <= 3.0e38 &&  // a float can hold it: no overflow
                             float(v) >= float(spec.min) && float(v) <= float(spec.max);
  if (!std::isfinite(v) || ((v < spec.min || v > spec.max) && !stored_within))
    throw_out_of_range(where, v, spec.min, spec.max);
  if (integer && v != std::floor(v))
    throw_field_error(ErrorKind::not_whole, where, format_number(v), range_text(spec.min, spec.max),
                      {{"value", v}, {"min", spec.min}, {"max", spec.max}});
}

void check_choice(std::string_view where, const std::string& v, const FieldSpec& spec) {
  for (const auto& choice : spec.choices)
    if (v == choice) return;
  throw_not_one_of(where, v, join(spec.choices));
}

const char* type_name(FieldType type) {
  switch (type) {
    case FieldType::integer: return "a whole number";
    case FieldType::number: return "a number";
    case FieldType::boolean: return "true or false";
    case FieldType::choice: return "a name";
    case FieldType::integer_list: return "a list of whole numbers";
    case FieldType::choice_list: return "a list of names";
  }
  return "?";
}

void check_value(const FieldSpec& spec, const FieldValue& value) {
  const auto wrong_type = [&] { throw_wrong_type(spec.name, type_name(spec.type)); };
  switch (spec.type) {
    case FieldType::integer:
    case FieldType::number:
      if (!std::holds_alternative<double>(value)) wrong_type();
      check_number(spec.name, std::get<double>(value), spec, spec.type == FieldType::integer);
      break;
    case FieldType::boolean:
      if (!std::holds_alternative<bool>(value)) wrong_type();
      break;
    case FieldType::choice:
      if (!std::holds_alternative<std::string>(value)) wrong_type();
      check_choice(spec.name, std::get<std::string>(value), spec);
      break;
    case FieldType::integer_list: {
      if (!std::holds_alternative<std::vector<double>>(value)) wrong_type();
      const auto& items = std::get<std::vector<double>>(value);
      check_list_length(spec, items.size());
      for (size_t i = 0; i < items.size(); ++i)
        check_number(std::string(spec.name) + "[" + std::to_string(i) + "]", items[i], spec, true);
      break;
    }
    case FieldType::choice_list: {
      if (!std::holds_alternative<std::vector<std::string>>(value)) wrong_type();
      const auto& items = std::get<std::vector<std::string>>(value);
      check_list_length(spec, items.size());
      for (size_t i = 0; i < items.size(); ++i)
        check_choice(std::string(spec.name) + "[" + std::to_string(i) + "]", items[i], spec);
      break;
    }
  }
}

// A stored config, checked again where it is used (Network, make_shared_dataset): number fields
// are floats there, so each is compared with the floats nearest its bounds, which are exactly the
// values set_field's double check lets through (rounding to float is monotonic).
void check_stored(const FieldSpec& spec, const LabConfig& config) {
  const FieldValue value = spec.get(config);
  if (spec.type != FieldType::number) return check_value(spec, value);
  const double v = std::get<double>(value);
  if (!(v >= double(float(spec.min)) && v <= double(float(spec.max)))) throw_out_of_range(spec.name, v, spec.min, spec.max);
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    out.emplace_back(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

double parse_number(std::string_view field, const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size())
    throw_field_error(ErrorKind::not_a_number, field, text, "'" + text + "' is not a number", {{"value", text}});
  return v;
}

}  // namespace

void check_list_length(const FieldSpec& spec, size_t n) {
  if (int(n) < spec.min_items || int(n) > spec.max_items)
    throw_count_out_of_range(spec.name, double(n), "items", spec.min_items, spec.max_items);
}

DataSpec LabConfig::data_spec() const {
  return DataSpec{dataset, points, noise, test_fraction, classes, seed};
}

std::span<const FieldSpec> config_fields() { return fields(); }

const FieldSpec* find_field(std::string_view name) {
  for (const auto& spec : fields())
    if (name == spec.name) return &spec;
  return nullptr;
}

void set_field(LabConfig& config, std::string_view name, const FieldValue& value) {
  const FieldSpec* spec = find_field(name);
  if (spec == nullptr) {
    std::vector<std::string> names;
    for (const auto& s : fields()) names.emplace_back(s.name);
    throw_field_error(ErrorKind::unknown_name, name, std::string(name), "unknown setting; known settings are " + join(names),
                      {{"value", std::string(name)}, {"allowed", names}});
  }
  check_value(*spec, value);
  spec->set(config, value);
}

void set_field_from_text(LabConfig& config, std::string_view name, std::string_view text) {
  const FieldSpec* spec = find_field(name);
  if (spec == nullptr) return set_field(config, name, FieldValue{0.0});  // reports the unknown name
  const std::string s(text);
  switch (spec->type) {
    case FieldType::integer:
    case FieldType::number: return set_field(config, name, parse_number(name, s));
    case FieldType::boolean:
      if (s != "true" && s != "false" && s != "1" && s != "0")
        throw_field_error(ErrorKind::not_boolean, name, s, "'" + s + "' is not true or false", {{"value", s}});
      return set_field(config, name, s == "true" || s == "1");
    case FieldType::choice: return set_field(config, name, s);
    case FieldType::integer_list: {
      std::vector<double> items;
      for (const auto& item : split_commas(text)) items.push_back(parse_number(name, item));
      return set_field(config, name, items);
    }
    case FieldType::choice_list: return set_field(config, name, split_commas(text));
  }
}

void validate(const LabConfig& c) {
  for (const auto& spec : fields()) check_stored(spec, c);
  if (!c.layer_activations.empty() && c.layer_activations.size() != c.hidden.size())
    throw_field_error(ErrorKind::layer_count_mismatch, "layer_activations", std::to_string(c.layer_activations.size()),
                      std::to_string(c.layer_activations.size()) + " items, but hidden has " +
                          std::to_string(c.hidden.size()) + " layers (give none or one per hidden layer)",
                      {{"count", double(c.layer_activations.size())}, {"layers", double(c.hidden.size())}});
}

std::string_view init_name(InitScheme scheme) { return kInitNames.at(static_cast<size_t>(scheme)); }
std::string_view optimizer_name(OptimizerKind kind) { return kOptimizerNames.at(static_cast<size_t>(kind)); }
std::string_view feature_name(Feature feature) { return kFeatureNames.at(static_cast<size_t>(feature)); }

InitScheme parse_init(std::string_view name, std::string_view field) {
  const size_t i = index_of(kInitNames, name);
  if (i == kInitNames.size()) throw_not_one_of(field, name, join(to_strings(kInitNames)));
  return static_cast<InitScheme>(i);
}

}  // namespace actlab
