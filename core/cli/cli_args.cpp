#include "cli_args.hpp"

#include <algorithm>
#include <charconv>
#include <iomanip>

#include "config.hpp"
#include "config_io.hpp"

namespace actlab::cli {
namespace {

const FlagSpec* find_flag(const CommandSpec& spec, std::string_view name) {
  for (const auto& flag : spec.flags)
    if (flag.name == name) return &flag;
  return nullptr;
}

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

std::string see_help(const CommandSpec& spec) { return " (see 'actlab " + spec.name + " --help')"; }

}  // namespace

bool ParsedArgs::has(std::string_view flag) const {
  return std::any_of(flags_.begin(), flags_.end(), [&](const auto& f) { return f.first == flag; });
}

std::optional<std::string> ParsedArgs::value(std::string_view flag) const {
  for (const auto& [name, text] : flags_)
    if (name == flag) return text;
  return std::nullopt;
}

std::optional<ParsedArgs> parse_args(const CommandSpec& spec, std::span<const std::string> args,
                                     std::ostream& help_out) {
  if (std::any_of(args.begin(), args.end(), [](const std::string& a) { return is_help(a); })) {
    print_command_help(help_out, spec);
    return std::nullopt;
  }
  ParsedArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0)
      throw UsageError("unexpected argument '" + arg + "'" + see_help(spec));
    const size_t equals = arg.find('=');
    const std::string name = arg.substr(2, equals == std::string::npos ? std::string::npos : equals - 2);
    std::optional<std::string> inline_value;
    if (equals != std::string::npos) inline_value = arg.substr(equals + 1);

    const FlagSpec* flag = find_flag(spec, name);
    const bool is_field = flag == nullptr && spec.config_fields && find_field(name) != nullptr;
    if (flag == nullptr && !is_field) throw UsageError("unknown flag --" + name + see_help(spec));
    const bool takes_value = is_field || !flag->value_name.empty();

    std::string text;
    if (!takes_value) {
      if (inline_value) throw UsageError("--" + name + " takes no value");
    } else if (inline_value) {
      text = *inline_value;
    } else {
      if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value" + see_help(spec));
      text = args[++i];
    }

    auto& list = is_field ? parsed.config_ : parsed.flags_;
    if (std::any_of(list.begin(), list.end(), [&](const auto& f) { return f.first == name; }))
      throw UsageError("--" + name + " is given more than once");
    list.emplace_back(name, std::move(text));
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
