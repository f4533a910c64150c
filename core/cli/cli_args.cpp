#include "cli_args.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <iomanip>
#include <map>

#include "config.hpp"
#include "config_io.hpp"

namespace actlab::cli {
namespace {

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

std::string see_help(const CommandSpec& spec) { return " (see 'actlab " + spec.name + " --help')"; }

// One CLI11 app per command: the command's own flags from its spec, then (for commands that take a
// config) one --<field> option per row of the core's field table, so a new config field is a new
// flag here without an edit. Every option takes its value as text: the field table parses and
// validates it (set_field_from_text), so its messages name the field, the value and the range.
struct FlagParser {
  CLI::App app;
  std::vector<std::pair<CLI::Option*, bool>> options;  // (option, is a config field)

  explicit FlagParser(const CommandSpec& spec) : app(spec.description, "actlab " + spec.name) {
    app.set_help_flag();  // --help is answered before parsing, with the field table's help text
    const auto once = [](CLI::Option* option) {
      return option->multi_option_policy(CLI::MultiOptionPolicy::Throw);
    };
    for (const FlagSpec& flag : spec.flags) {
      const std::string name = "--" + flag.name;
      CLI::Option* option = flag.value_name.empty()
                                ? app.add_flag(name, flag.help)->disable_flag_override()
                                : app.add_option(name, flag.help)->type_name(flag.value_name)->expected(1);
      if (!flag.value_name.empty()) {
        if (flag.repeatable) {
          option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        } else {
          once(option);
        }
      }
      options.emplace_back(option, false);
    }
    if (!spec.config_fields) return;
    for (const FieldSpec& field : config_fields()) {
      if (app.get_option_no_throw("--" + std::string(field.name)) != nullptr) continue;  // a command flag wins
      options.emplace_back(once(app.add_option("--" + std::string(field.name), field.help)->expected(1)), true);
    }
  }
};

std::string flag_name(const CLI::Option* option) { return option->get_name().substr(2); }

bool is_repeatable(const CommandSpec& spec, const CLI::Option& option) {
  return std::any_of(spec.flags.begin(), spec.flags.end(),
                     [&](const FlagSpec& f) { return f.repeatable && "--" + f.name == option.get_name(); });
}

// CLI11's messages in the CLI's own words ("unknown flag --x", "--x needs a value"), as before.
std::string usage_message(const CLI::ParseError& e, const CLI::App& app) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const std::vector<std::string> extras = app.remaining();
    for (const std::string& arg : extras)
      if (arg.rfind("--", 0) == 0) return "unknown flag " + arg.substr(0, arg.find('='));
    if (!extras.empty()) return "unexpected argument '" + extras.front() + "'";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    // CLI11 starts these with the option's name: "--steps: At Most 1 ...", "json was given ...".
    std::string name = what.substr(0, what.find_first_of(": "));
    if (name.rfind("--", 0) != 0) name.insert(0, "--");
    if (what.find("flag override") != std::string::npos) return name + " takes no value";
    if (what.find("At Most") != std::string::npos) return name + " is given more than once";
    return name + " needs a value";
  }
  return what;
}

}  // namespace

bool ParsedArgs::has(std::string_view flag) const {
  return std::any_of(flags_.begin(), flags_.end(), [&](const auto& f) { return f.first == flag; });
}

std::optional<std::string> ParsedArgs::value(std::string_view flag) const {
  for (const auto& [name, text] : flags_)
    if (name == flag) return text;
  return std::nullopt;
}

std::vector<std::string> ParsedArgs::values(std::string_view flag) const {
  std::vector<std::string> out;
  for (const auto& [name, text] : flags_)
    if (name == flag) out.push_back(text);
  return out;
}

std::optional<ParsedArgs> parse_args(const CommandSpec& spec, std::span<const std::string> args,
                                     std::ostream& help_out) {
  if (std::any_of(args.begin(), args.end(), [](const std::string& a) { return is_help(a); })) {
    print_command_help(help_out, spec);
    return std::nullopt;
  }
  FlagParser parser(spec);
  // CLI11 takes the arguments last first. "--hidden=" means an empty value (no hidden layers),
  // where CLI11 would take the next argument: it is passed as "--hidden" "".
  std::vector<std::string> reversed;
  for (auto arg = args.rbegin(); arg != args.rend(); ++arg) {
    if (arg->size() > 3 && arg->rfind("--", 0) == 0 && arg->back() == '=' && arg->find('=') == arg->size() - 1) {
      reversed.emplace_back();
      reversed.push_back(arg->substr(0, arg->size() - 1));
    } else {
      reversed.push_back(*arg);
    }
  }
  try {
    parser.app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    throw UsageError(usage_message(e, parser.app) + see_help(spec));
  }
  for (const auto& [option, is_field] : parser.options)  // switches count their repeats
    if (option->count() > 1 && !is_repeatable(spec, *option)) throw UsageError(option->get_name() + " is given more than once");
  ParsedArgs parsed;
  // In command-line order: parse_order() lists an option once per occurrence.
  std::map<const CLI::Option*, size_t> seen;  // occurrences so far: a repeatable flag's k-th value
  for (const CLI::Option* option : parser.app.parse_order()) {
    const auto found = std::find_if(parser.options.begin(), parser.options.end(),
                                    [&](const auto& entry) { return entry.first == option; });
    const bool is_field = found != parser.options.end() && found->second;
    const size_t occurrence = seen[option]++;
    const std::string text = option->get_expected_min() == 0 ? std::string() : option->results().at(occurrence);
    (is_field ? parsed.config_ : parsed.flags_).emplace_back(flag_name(option), text);
  }
  return parsed;
}

void print_command_help(std::ostream& out, const CommandSpec& spec) {
  out << "usage: " << spec.usage << "\n\n" << spec.description << "\n";
  if (!spec.flags.empty()) {
    size_t width = 0;
    for (const auto& f : spec.flags) width = std::max(width, f.name.size() + f.value_name.size() + 3);
    out << "\nflags:\n";
    for (const auto& f : spec.flags) {
      const std::string left = "--" + f.name + (f.value_name.empty() ? "" : " " + f.value_name);
      out << "  " << std::left << std::setw(int(width)) << left << "  " << f.help << "\n";
    }
    out << "  " << std::left << std::setw(int(width)) << "--help" << "  show this help\n";
  }
  if (spec.config_fields) {
    out << "\nconfig fields, each also a flag --<field> <value> (lists are comma-separated):\n";
    print_config_field_help(out);
  }
}

int64_t parse_integer(std::string_view flag, const std::string& text, int64_t lo, int64_t hi) {
  int64_t v = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict, its bug 105329) on "[" + std::string.
  std::string range = std::to_string(lo);
  range.insert(0, 1, '[');
  range.append(", ").append(std::to_string(hi)).append("]");
  if (ec == std::errc::result_out_of_range && ptr == end)
    throw UsageError(std::string(flag) + ": " + text + " is out of range " + range);
  if (text.empty() || ec != std::errc() || ptr != end)
    throw UsageError(std::string(flag) + ": '" + text + "' is not a whole number in " + range);
  if (v < lo || v > hi) throw UsageError(std::string(flag) + ": " + text + " is out of range " + range);
  return v;
}

}  // namespace actlab::cli
