#pragma once
// Command-line flags: each command declares its flags once (name, value, help) in a CommandSpec;
// the same spec drives parsing (with CLI11), error messages and the per-command --help text.
// Commands that take a LabConfig also accept every field of config_fields() as --<field> <value>:
// the options are generated from the core's field table, so a new config field is a new flag
// without touching the CLI, and its value is validated by the table (field, value and range).
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actlab::cli {

// A usage or validation error: main prints "actlab: <message>" and exits with kExitUsage.
class UsageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // unexpected internal failure (never a user mistake)
inline constexpr int kExitUsage = 2;

struct FlagSpec {
  std::string name;        // without the leading "--"
  std::string value_name;  // empty: a switch that takes no value
  std::string help;
  bool repeatable = false;  // may be given more than once (sweep's --set); values() lists them all
};

struct CommandSpec {
  std::string name;
  std::string usage;        // "actlab train [flags]"
  std::string summary;      // one line, for the top-level help
  std::string description;  // a paragraph for the command's own help
  std::vector<FlagSpec> flags;
  bool config_fields = false;  // also accept --<field> for every field of config_fields()
};

class ParsedArgs {
 public:
  bool has(std::string_view flag) const;
  // The flag's value, or nullopt when it was not given.
  std::optional<std::string> value(std::string_view flag) const;
  // Every value of a repeatable flag, in command-line order.
  std::vector<std::string> values(std::string_view flag) const;
  // Config fields given as flags, in command-line order: (field name, text).
  const std::vector<std::pair<std::string, std::string>>& config_fields() const { return config_; }

 private:
  friend std::optional<ParsedArgs> parse_args(const CommandSpec&, std::span<const std::string>, std::ostream&);
  std::vector<std::pair<std::string, std::string>> flags_, config_;
};

// Parses a command's arguments (after the command name). Accepts "--flag value" and
// "--flag=value". Throws UsageError on an unknown flag, a missing value, a value given to a
// switch, a repeated flag or a positional argument. With --help or -h anywhere, prints the
// command's help to `help_out` and returns nullopt.
std::optional<ParsedArgs> parse_args(const CommandSpec& spec, std::span<const std::string> args,
                                     std::ostream& help_out);

void print_command_help(std::ostream& out, const CommandSpec& spec);

// Strict whole-number parsing for command flags: "--steps: 'x' is not a whole number in [0, 10]".
int64_t parse_integer(std::string_view flag, const std::string& text, int64_t lo, int64_t hi);

}  // namespace actlab::cli
