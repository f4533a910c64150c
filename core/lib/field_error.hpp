#pragma once
// The core's one error type. Every check of a setting or an argument (the config field table,
// dataset and grid specs, train steps, custom points, parameters, cost-benchmark options) throws
// a FieldError built by throw_field_error(), which is also the one place that words the message:
//   "learning_rate: 20 is out of range [1e-06, 10]"
//   "activation: 'relu7' is not one of identity, sigmoid, ..."
//   "points: 100.5 is not a whole number in [10, 20000]"
// The CLI prints what() (core spelling); the WebAssembly binding re-spells only the field name,
// from the tables (js_key below), so no message text is ever rewritten word by word.
#include <stdexcept>
#include <string>
#include <string_view>

namespace actlab {

enum class Problem : unsigned char {
  out_of_range,  // "<value> is out of range <allowed><context>"
  not_one_of,    // "'<value>' is not one of <allowed>"
  not_whole,     // "<value> is not a whole number in <allowed>"
  other,         // "<allowed>" is the whole explanation ("leaves no training points out of 3")
};

struct FieldError : std::invalid_argument {
  FieldError(std::string field, std::string path, std::string value, std::string allowed, std::string detail);
  std::string field;    // the setting or argument, core spelling: "learning_rate", "hidden", "x_min"
  std::string path;     // where inside it: "", "[2]", "[0].init"
  std::string value;    // the value given, as text ("20", "relu7")
  std::string allowed;  // "[1e-06, 10]", "identity, sigmoid, ...", or the explanation (Problem::other)
  std::string detail;   // the message after "<field><path>: "
  // Set by a caller when the field name alone is ambiguous: "data" for caller-supplied points,
  // whose `points` and `classes` are not the config settings of the same name.
  std::string argument;
  // The message with the field spelled `name` (the CLI passes `field`, the binding the JS key).
  std::string message_as(std::string_view name) const;
};

// Throws the FieldError for `where` ("hidden[2]", "members[0].init", "x_min"): the field is the
// name up to the first '[' or '.', the rest is the path.
[[noreturn]] void throw_field_error(Problem problem, std::string_view where, std::string value,
                                    std::string allowed, std::string_view context = {});

// Shorthands over throw_field_error.
[[noreturn]] void throw_out_of_range(std::string_view where, double value, double lo, double hi,
                                     std::string_view context = {});
[[noreturn]] void throw_not_one_of(std::string_view where, std::string_view value, std::string allowed);
std::string range_text(double lo, double hi);  // "[lo, hi]", numbers as format_number writes them

// A whole number in [lo, hi] given as a double (a JS number, a parsed flag), checked before it
// is converted, so NaN, 1e12 or 2.5 never reach an int.
int checked_int(std::string_view where, double value, int lo, int hi);

// The JavaScript key of a core field name: the config field table's js_key column, then the
// table of non-config arguments (steps, index, grid sides and corners, windowMs, points, ...).
// Unknown names come back unchanged.
std::string_view js_key(std::string_view field);

}  // namespace actlab
