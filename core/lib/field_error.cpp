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
};

std::string detail_of(Problem problem, const std::string& value, const std::string& allowed, std::string_view context) {
  std::string out;
  switch (problem) {
    case Problem::out_of_range: out.append(value).append(" is out of range ").append(allowed); break;
    case Problem::not_one_of: out.append("'").append(value).append("' is not one of ").append(allowed); break;
    case Problem::not_whole: out.append(value).append(" is not a whole number in ").append(allowed); break;
    case Problem::other: out = allowed; break;
  }
  return out.append(context);
}

}  // namespace

FieldError::FieldError(std::string field_, std::string path_, std::string value_, std::string allowed_, std::string detail_)
    : std::invalid_argument(field_ + path_ + ": " + detail_),
      field(std::move(field_)),
      path(std::move(path_)),
      value(std::move(value_)),
      allowed(std::move(allowed_)),
      detail(std::move(detail_)) {}

std::string FieldError::message_as(std::string_view name) const {
  return std::string(name).append(path).append(": ").append(detail);
}

void throw_field_error(Problem problem, std::string_view where, std::string value, std::string allowed,
                       std::string_view context) {
  const size_t split = std::min(where.find('['), where.find('.'));
  std::string field(where.substr(0, split)), path(split == std::string_view::npos ? "" : where.substr(split));
  std::string detail = detail_of(problem, value, allowed, context);
  throw FieldError(std::move(field), std::move(path), std::move(value), std::move(allowed), std::move(detail));
}

// Built by appending: GCC 12 warns falsely (-Wrestrict, bug 105651) on chains of "literal" + std::string.
std::string range_text(double lo, double hi) {
  std::string out = "[";
  return out.append(format_number(lo)).append(", ").append(format_number(hi)).append("]");
}

void throw_out_of_range(std::string_view where, double value, double lo, double hi, std::string_view context) {
  throw_field_error(Problem::out_of_range, where, format_number(value), range_text(lo, hi), context);
}

void throw_not_one_of(std::string_view where, std::string_view value, std::string allowed) {
  throw_field_error(Problem::not_one_of, where, std::string(value), std::move(allowed));
}

int checked_int(std::string_view where, double value, int lo, int hi) {
  if (!(value >= lo && value <= hi)) throw_out_of_range(where, value, lo, hi);  // NaN fails here too
  if (value != std::floor(value))
    throw_field_error(Problem::not_whole, where, format_number(value), range_text(lo, hi));
  return static_cast<int>(value);
}

std::string_view js_key(std::string_view field) {
  if (const FieldSpec* spec = find_field(field)) return spec->js_key;
  for (const auto& row : kArgumentNames)
    if (field == row.field) return row.js_key;
  return field;
}

}  // namespace actlab
