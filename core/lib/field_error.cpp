#include "field_error.hpp"

#include <cmath>

#include "config.hpp"
#include "number_text.hpp"

namespace actlab {
namespace {

// Arguments that are not config settings, as the core names them and as JavaScript does. One row
// per name; config settings have their JS key in config.cpp's field table.
struct ArgumentName {
  const char* field;
  const char* js_key;
};
constexpr ArgumentName kArgumentNames[] = {
    {"steps", "steps"},       {"index", "index"},         {"members", "members"},   {"width", "width"},
    {"height", "height"},     {"x_min", "xMin"},          {"x_max", "xMax"},        {"y_min", "yMin"},
    {"y_max", "yMax"},        {"elements", "elements"},   {"repeats", "repeats"},   {"window_ms", "windowMs"},
    {"points", "points"},     {"labels", "labels"},       {"params", "params"},     {"data", "data"},
    {"deadline_ms", "deadlineMs"},
};

// The one table of kinds (field_error.hpp), in enum order. A page's catalog words each kind from
// these parameters; every error also carries `field` (and `path` when inside a list).
constexpr ErrorKindSpec kErrorKinds[] = {
    {ErrorKind::out_of_range, "out_of_range", "value,min,max"},
    {ErrorKind::not_whole, "not_whole", "value,min,max"},
    {ErrorKind::not_one_of, "not_one_of", "value,allowed"},
    {ErrorKind::count_out_of_range, "count_out_of_range", "count,unit,min,max"},
    {ErrorKind::length_mismatch, "length_mismatch", "length,expected"},
    {ErrorKind::wrong_type, "wrong_type", "expected"},
    {ErrorKind::not_a_number, "not_a_number", "value"},
    {ErrorKind::not_boolean, "not_boolean", "value"},
    {ErrorKind::not_finite, "not_finite", "value"},
    {ErrorKind::unknown_name, "unknown_name", "value,allowed"},
    {ErrorKind::no_training_points, "no_training_points", "points"},
    {ErrorKind::layer_count_mismatch, "layer_count_mismatch", "count,layers"},
    {ErrorKind::too_many_added, "too_many_added", "count,max"},
    {ErrorKind::training_set_full, "training_set_full", "max"},
    {ErrorKind::read_failed, "read_failed", "reason"},
    {ErrorKind::deleted, "deleted", "method"},
    {ErrorKind::busy, "busy", "method,running"},
    {ErrorKind::borrowed, "borrowed", "method"},
    {ErrorKind::out_of_memory, "out_of_memory", "maxBytes"},
};

constexpr bool kinds_in_enum_order() {
  for (size_t i = 0; i < std::size(kErrorKinds); ++i)
    if (static_cast<size_t>(kErrorKinds[i].kind) != i) return false;
  return true;
}
static_assert(kinds_in_enum_order(), "error kind rows must follow ErrorKind");

// How the message is worded from value and allowed.
enum class Wording { range, one_of, whole, explanation };

Wording wording_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::out_of_range: return Wording::range;
    case ErrorKind::not_one_of: return Wording::one_of;
    case ErrorKind::not_whole: return Wording::whole;
    default: return Wording::explanation;
  }
}

std::string detail_of(Wording wording, const std::string& value, const std::string& allowed, std::string_view context) {
  std::string out;
  switch (wording) {
    case Wording::range: out.append(value).append(" is out of range ").append(allowed); break;
    case Wording::one_of: out.append("'").append(value).append("' is not one of ").append(allowed); break;
    case Wording::whole: out.append(value).append(" is not a whole number in ").append(allowed); break;
    case Wording::explanation: out = allowed; break;
  }
  return out.append(context);
}

// "identity, sigmoid, tanh" -> {"identity", "sigmoid", "tanh"}: names never contain ", ".
std::vector<std::string> split_names(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t comma = text.find(", ");
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 2);
  }
  return out;
}

[[noreturn]] void throw_worded(ErrorKind kind, Wording wording, std::string_view where, std::string value,
                               std::string allowed, ErrorParams params, std::string_view context) {
  const size_t split = std::min(where.find('['), where.find('.'));
  std::string field(where.substr(0, split)), path(split == std::string_view::npos ? "" : where.substr(split));
  std::string detail = detail_of(wording, value, allowed, context);
  throw FieldError(std::move(field), std::move(path), std::move(value), std::move(allowed), std::move(detail), kind,
                   std::move(params));
}

}  // namespace

std::span<const ErrorKindSpec> error_kinds() { return kErrorKinds; }
const ErrorKindSpec& error_kind_spec(ErrorKind kind) { return kErrorKinds[static_cast<size_t>(kind)]; }

FieldError::FieldError(std::string field_, std::string path_, std::string value_, std::string allowed_,
                       std::string detail_, ErrorKind kind_, ErrorParams params_)
    : std::invalid_argument(field_ + path_ + ": " + detail_),
      field(std::move(field_)),
      path(std::move(path_)),
      value(std::move(value_)),
      allowed(std::move(allowed_)),
      detail(std::move(detail_)),
      kind(kind_),
      params(std::move(params_)) {}

std::string FieldError::message_as(std::string_view name) const {
  return std::string(name).append(path).append(": ").append(detail);
}

void throw_field_error(ErrorKind kind, std::string_view where, std::string value, std::string allowed,
                       ErrorParams params) {
  throw_worded(kind, wording_of(kind), where, std::move(value), std::move(allowed), std::move(params), {});
}

// Built by appending: GCC 12 warns falsely (-Wrestrict, bug 105651) on chains of "literal" + std::string.
std::string range_text(double lo, double hi) {
  std::string out = "[";
  return out.append(format_number(lo)).append(", ").append(format_number(hi)).append("]");
}

void throw_out_of_range(std::string_view where, double value, double lo, double hi, std::string_view context) {
  throw_worded(ErrorKind::out_of_range, Wording::range, where, format_number(value), range_text(lo, hi),
               {{"value", value}, {"min", lo}, {"max", hi}}, context);
}

void throw_not_one_of(std::string_view where, std::string_view value, std::string allowed) {
  ErrorParams params{{"value", std::string(value)}, {"allowed", split_names(allowed)}};
  throw_field_error(ErrorKind::not_one_of, where, std::string(value), std::move(allowed), std::move(params));
}

void throw_count_out_of_range(std::string_view where, double count, std::string_view unit, double lo, double hi) {
  std::string value = format_number(count);
  value.append(" ").append(unit);
  throw_worded(ErrorKind::count_out_of_range, Wording::range, where, std::move(value), range_text(lo, hi),
               {{"count", count}, {"unit", std::string(unit)}, {"min", lo}, {"max", hi}}, {});
}

void throw_wrong_type(std::string_view where, std::string_view what) {
  std::string allowed = "expected ";
  allowed.append(what);
  throw_field_error(ErrorKind::wrong_type, where, "", std::move(allowed), {{"expected", std::string(what)}});
}

void throw_length_mismatch(std::string_view where, double length, double expected) {
  std::string allowed = "length ";
  allowed.append(format_number(length)).append(", expected ").append(format_number(expected));
  throw_field_error(ErrorKind::length_mismatch, where, format_number(length), std::move(allowed),
                    {{"length", length}, {"expected", expected}});
}

int checked_int(std::string_view where, double value, int lo, int hi) {
  if (!(value >= lo && value <= hi)) throw_out_of_range(where, value, lo, hi);  // NaN fails here too
  if (value != std::floor(value))
    throw_field_error(ErrorKind::not_whole, where, format_number(value), range_text(lo, hi),
                      {{"value", value}, {"min", double(lo)}, {"max", double(hi)}});
  return static_cast<int>(value);
}

std::string_view js_key(std::string_view field) {
  if (const FieldSpec* spec = find_field(field)) return spec->js_key;
  for (const auto& row : kArgumentNames)
    if (field == row.field) return row.js_key;
  return field;
}

}  // namespace actlab
