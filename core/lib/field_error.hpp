#pragma once
// The core's one error type. Every check of a setting or an argument (the config field table,
// dataset and grid specs, train steps, custom points, parameters, cost-benchmark options) throws
// a FieldError built by throw_field_error(), which is also the one place that words the message:
//   "learning_rate: 20 is out of range [1e-06, 10]"
//   "activation: 'relu7' is not one of identity, sigmoid, ..."
//   "points: 100.5 is not a whole number in [10, 20000]"
// Beside the English message, every FieldError carries its kind and its parameters as data
// (kind out_of_range, params value 20, min 1e-06, max 10), so that a page can word it in the
// reader's language from a catalog; error_kinds() is the one table of kinds and their parameters.
// The CLI prints what() (core spelling); the WebAssembly binding re-spells only the field name,
// from the tables (js_key below), so no message text is ever rewritten word by word.
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace actlab {

// What went wrong. The comment of each row is its English wording (after "<field><path>: ").
enum class ErrorKind : unsigned char {
  out_of_range,          // "<value> is out of range [<min>, <max>]"
  not_whole,             // "<value> is not a whole number in [<min>, <max>]"
  not_one_of,            // "'<value>' is not one of <allowed>"
  count_out_of_range,    // "<count> <unit> is out of range [<min>, <max>]": list lengths, members, points
  length_mismatch,       // an array's length is not the one required
  wrong_type,            // "expected <expected>"
  not_a_number,          // text that is not a number (CLI flags)
  not_boolean,           // text that is not true or false (CLI flags)
  not_finite,            // a parameter that is NaN or infinite
  unknown_name,          // a setting or key that does not exist
  no_training_points,    // a split or a data set that leaves nothing to train on
  layer_count_mismatch,  // per-layer activations that do not match the hidden layers
  too_many_added,        // a race's clicked points are at their limit
  training_set_full,     // the training set is at its limit
  // Raised outside the core, listed here so that there is one table of kinds: by the JS API
  // (web/lab: read-once.js, raw-call.js, network.js, race.js) and by the binding.
  read_failed,           // a getter or Proxy trap threw, or an array could not be copied
  deleted,               // a call on a deleted Network or Race
  busy,                  // a call on a Network or Race while another call on it is running
  borrowed,              // delete() on a race member, which its race owns
  out_of_memory,         // the module's heap is full
};

struct ErrorKindSpec {
  ErrorKind kind;
  const char* name;    // as JavaScript sees it (error.kind): "out_of_range"
  const char* params;  // the parameters every error of this kind carries, comma-separated
};
std::span<const ErrorKindSpec> error_kinds();  // in enum order
const ErrorKindSpec& error_kind_spec(ErrorKind kind);

// One parameter of an error: a number, a text or a list of names.
using ErrorParamValue = std::variant<double, std::string, std::vector<std::string>>;
struct ErrorParam {
  std::string name;  // one of its kind's params
  ErrorParamValue value;
};
using ErrorParams = std::vector<ErrorParam>;

struct FieldError : std::invalid_argument {
  FieldError(std::string field, std::string path, std::string value, std::string allowed, std::string detail,
             ErrorKind kind = ErrorKind::out_of_range, ErrorParams params = {});
  std::string field;    // the setting or argument, core spelling: "learning_rate", "hidden", "x_min"
  std::string path;     // where inside it: "", "[2]", "[0].init"
  std::string value;    // the value given, as text ("20", "relu7")
  std::string allowed;  // "[1e-06, 10]", "identity, sigmoid, ...", or the explanation
  std::string detail;   // the message after "<field><path>: "
  ErrorKind kind;
  ErrorParams params;   // exactly its kind's params, in the table's order
  // Set by a caller when the field name alone is ambiguous: "data" for caller-supplied points,
  // whose `points` and `classes` are not the config settings of the same name.
  std::string argument;
  // The message with the field spelled `name` (the CLI passes `field`, the binding the JS key).
  std::string message_as(std::string_view name) const;
};

// Throws the FieldError for `where` ("hidden[2]", "members[0].init", "x_min"): the field is the
// name up to the first '[' or '.', the rest is the path. `allowed` is worded by the kind: the range
// or the names for out_of_range, not_whole and not_one_of, else the whole explanation. `params`
// are the kind's parameters (error_kinds()).
[[noreturn]] void throw_field_error(ErrorKind kind, std::string_view where, std::string value, std::string allowed,
                                    ErrorParams params);

// Shorthands over throw_field_error, which fill in the parameters.
[[noreturn]] void throw_out_of_range(std::string_view where, double value, double lo, double hi,
                                     std::string_view context = {});
[[noreturn]] void throw_not_one_of(std::string_view where, std::string_view value, std::string allowed);
// "<count> <unit> is out of range [lo, hi]": "11 items", "9 members", "20000001 points".
[[noreturn]] void throw_count_out_of_range(std::string_view where, double count, std::string_view unit, double lo,
                                           double hi);
// "expected <what>" ("a number", "an array", "Float32Array").
[[noreturn]] void throw_wrong_type(std::string_view where, std::string_view what);
// "length <length>, expected <expected>".
[[noreturn]] void throw_length_mismatch(std::string_view where, double length, double expected);
std::string range_text(double lo, double hi);  // "[lo, hi]", numbers as format_number writes them

// A whole number in [lo, hi] given as a double (a JS number, a parsed flag), checked before it
// is converted, so NaN, 1e12 or 2.5 never reach an int.
int checked_int(std::string_view where, double value, int lo, int hi);

// The JavaScript key of a core field name: the config field table's js_key column, then the
// table of non-config arguments (steps, index, grid sides and corners, windowMs, points, ...).
// Unknown names come back unchanged.
std::string_view js_key(std::string_view field);

}  // namespace actlab
