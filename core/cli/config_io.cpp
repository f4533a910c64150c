#include "config_io.hpp"

#include <algorithm>
#include <iomanip>
#include <variant>

namespace actlab::cli {
namespace {

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string number_text(FieldType type, double v) {
  // Number fields hold floats: print the float's shortest form ("0.03", not 0.0299999993).
  return type == FieldType::number ? format_number(static_cast<float>(v)) : format_number(v);
}

std::string type_text(const FieldSpec& f) {
  switch (f.type) {
    case FieldType::integer: return "integer in [" + format_number(f.min) + ", " + format_number(f.max) + "]";
    case FieldType::number: return "number in [" + format_number(f.min) + ", " + format_number(f.max) + "]";
    case FieldType::boolean: return "true|false";
    case FieldType::choice: return join(f.choices, "|");
    case FieldType::integer_list:
      return std::to_string(f.min_items) + "-" + std::to_string(f.max_items) + " integers in [" +
             format_number(f.min) + ", " + format_number(f.max) + "]";
    case FieldType::choice_list:
      return std::to_string(f.min_items) + "-" + std::to_string(f.max_items) + " of " + join(f.choices, "|");
  }
  return "?";
}

}  // namespace

void apply_config_flags(LabConfig& config, const ParsedArgs& args) {
  for (const auto& [name, text] : args.config_fields()) set_field_from_text(config, name, text);
}

void write_config(JsonWriter& json, const LabConfig& config) {
  json.begin_object();
  for (const FieldSpec& f : config_fields()) {
    json.key(f.name);
    const FieldValue v = f.get(config);
    if (const auto* d = std::get_if<double>(&v)) {
      if (f.type == FieldType::number) {
        json.value(static_cast<float>(*d));
      } else {
        json.value(static_cast<int64_t>(*d));
      }
    } else if (const auto* b = std::get_if<bool>(&v)) {
      json.value(*b);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      json.value(*s);
    } else if (const auto* numbers = std::get_if<std::vector<double>>(&v)) {
      json.begin_array();
      for (double n : *numbers) json.value(static_cast<int64_t>(n));  // integer lists only
      json.end_array();
    } else {
      json.array(std::get<std::vector<std::string>>(v));
    }
  }
  json.end_object();
}

void write_metrics(JsonWriter& json, const Metrics& m) {
  json.begin_object().fields(m, metrics_fields()).end_object();
}

void write_run_fields(JsonWriter& json, const Network& network, int64_t requested, const Metrics& metrics,
                      float last_batch_loss) {
  json.key("config");
  write_config(json, network.config());
  json.field("steps_requested", requested).field("steps", network.steps()).field("diverged", network.diverged());
  if (const auto at = network.diverged_at()) {
    json.field("diverged_at", *at);
  } else {
    json.null_field("diverged_at");
  }
  json.key("metrics");
  write_metrics(json, metrics);
  json.field("last_batch_loss", last_batch_loss)
      .field("train_points", network.data().train.size())
      .field("test_points", network.data().test.size())
      .field("batch", std::min<size_t>(network.config().batch_size, network.data().train.size()));
}

std::string field_text(const FieldSpec& f, const LabConfig& config) {
  const FieldValue v = f.get(config);
  if (const auto* d = std::get_if<double>(&v)) return number_text(f.type, *d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* numbers = std::get_if<std::vector<double>>(&v)) {
    std::vector<std::string> items;
    for (double n : *numbers) items.push_back(format_number(n));
    return join(items, ",");
  }
  return join(std::get<std::vector<std::string>>(v), ",");
}

std::string config_as_flags(const LabConfig& config) {
  const LabConfig defaults;
  std::string out;
  for (const FieldSpec& f : config_fields()) {
    std::string text = field_text(f, config);
    if (text.empty()) {
      if (field_text(f, defaults).empty()) continue;  // an empty default list needs no flag
      text = "''";
    }
    out += (out.empty() ? "--" : " --") + std::string(f.name) + " " + text;
  }
  return out;
}

void print_config_field_help(std::ostream& out) {
  const LabConfig defaults;
  size_t width = 0;
  for (const FieldSpec& f : config_fields()) width = std::max(width, std::string_view(f.name).size() + 2);
  for (const FieldSpec& f : config_fields()) {
    std::string fallback = field_text(f, defaults);
    if (fallback.empty()) fallback = "(none)";
    out << "  " << std::left << std::setw(int(width)) << ("--" + std::string(f.name)) << "  " << f.help
        << "\n  " << std::setw(int(width)) << "" << "  " << type_text(f) << "; default " << fallback << "\n";
  }
}

}  // namespace actlab::cli
