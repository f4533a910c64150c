#include "js_names.hpp"

#include <cstring>

#include "config.hpp"

namespace actlab::wasm {
namespace {

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// Field names the core writes in snake_case: the config table's, and the grid's (network.cpp
// names GridSpec's members).
bool is_snake_field(const char* word, size_t n) {
  const auto is = [&](const char* name) { return std::strlen(name) == n && std::strncmp(word, name, n) == 0; };
  for (const char* name : {"x_min", "x_max", "y_min", "y_max"})
    if (is(name)) return true;
  for (const auto& spec : config_fields())
    if (is(spec.name)) return true;
  return false;
}

}  // namespace

std::string camel_case(std::string_view snake) {
  std::string out;
  bool upper = false;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

void js_message(const char* message, char* out, size_t size) noexcept {
  if (size == 0) return;
  size_t n = 0;
  const auto put = [&](char c) {
    if (n + 1 < size) out[n++] = c;
  };
  for (size_t in = 0; message[in] != '\0';) {
    // Not at the start of a word, or quoted.
    if (!is_name_char(message[in]) || (in > 0 && (is_name_char(message[in - 1]) || message[in - 1] == '\''))) {
      put(message[in++]);
      continue;
    }
    size_t end = in;
    while (is_name_char(message[end])) ++end;
    if (is_snake_field(message + in, end - in)) {
      for (size_t i = in; i < end; ++i) {
        if (message[i] == '_') continue;
        const bool upper = i > in && message[i - 1] == '_' && message[i] >= 'a' && message[i] <= 'z';
        put(upper ? char(message[i] - 'a' + 'A') : message[i]);
      }
    } else {
      for (size_t i = in; i < end; ++i) put(message[i]);
    }
    in = end;
  }
  out[n] = '\0';
}

}  // namespace actlab::wasm
