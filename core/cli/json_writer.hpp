#pragma once
// A tiny streaming JSON writer for the CLI's machine-readable output: compact (one line per
// document, so a stream of documents is JSON Lines), commas and nesting tracked for the caller,
// strings escaped per RFC 8259, and numbers that read back exactly:
// - float: the shortest text that reads back as the same float32 (actlab::format_number, at
//   most 9 significant digits), checked the way JavaScript and Python read it (text -> double
//   -> float32), so the WebAssembly parity test can compare parameters bit for bit;
// - double: the shortest text that reads back as the same double (std::to_chars);
// - NaN and infinities, which JSON cannot spell, become null.
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "config.hpp"
#include "output_fields.hpp"

namespace actlab::cli {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // The key of the next value inside an object.
  JsonWriter& key(std::string_view name) {
    separate();
    write_string(name);
    out_ << ':';
    after_key_ = true;
    return *this;
  }

  JsonWriter& null() { return raw("null"); }
  JsonWriter& value(bool v) { return raw(v ? "true" : "false"); }
  JsonWriter& value(std::string_view v) {
    separate();
    write_string(v);
    return *this;
  }
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }
  JsonWriter& value(const std::string& v) { return value(std::string_view(v)); }
  JsonWriter& value(float v) {
    if (!std::isfinite(v)) return null();
    return raw(format_number(static_cast<double>(v)));
  }
  JsonWriter& value(double v) {
    if (!std::isfinite(v)) return null();
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    return raw(std::string_view(buf, static_cast<size_t>(result.ptr - buf)));
  }
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  JsonWriter& value(T v) {
    return raw(std::to_string(v));
  }

  // key + value in one call: w.field("steps", 100).
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  JsonWriter& null_field(std::string_view name) {
    key(name);
    return null();
  }

  // An array of numbers or strings.
  template <class T>
  JsonWriter& array(std::span<const T> items) {
    begin_array();
    for (const T& item : items) value(item);
    return end_array();
  }
  template <class T>
  JsonWriter& array(const std::vector<T>& items) {
    return array(std::span<const T>(items));
  }
  template <class T>
  JsonWriter& array_field(std::string_view name, const std::vector<T>& items) {
    key(name);
    return array(items);
  }

  // Every row of an output-field table (core/lib/output_fields.hpp), keys as the CLI spells them.
  template <class T>
  JsonWriter& fields(const T& item, std::span<const OutputField<T>> table) {
    for (const auto& row : table) {
      key(row.name);
      std::visit([this](const auto& v) { output_value(v); }, row.get(item));
    }
    return *this;
  }

  // Ends a top-level document with a newline (one document per line).
  void end_line() { out_ << '\n'; }

 private:
  template <class V>
  void output_value(const V& v) {
    if constexpr (std::is_same_v<V, std::span<const uint32_t>>) {
      array(v);
    } else {
      value(v);
    }
  }

  JsonWriter& open(char bracket) {
    separate();
    out_ << bracket;
    first_.push_back(true);
    return *this;
  }
  JsonWriter& close(char bracket) {
    out_ << bracket;
    if (!first_.empty()) first_.pop_back();
    return *this;
  }
  JsonWriter& raw(std::string_view text) {
    separate();
    out_ << text;
    return *this;
  }
  // Writes the comma between siblings; nothing after a key or before the first item.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ << ',';
    first_.back() = false;
  }
  void write_string(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ << '"';
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_ << "\\\""; break;
        case '\\': out_ << "\\\\"; break;
        case '\b': out_ << "\\b"; break;
        case '\f': out_ << "\\f"; break;
        case '\n': out_ << "\\n"; break;
        case '\r': out_ << "\\r"; break;
        case '\t': out_ << "\\t"; break;
        default:
          if (c < 0x20) {
            out_ << "\\u00" << kHex[c >> 4] << kHex[c & 0xf];
          } else {
            out_ << ch;  // UTF-8 passes through unchanged, as JSON allows
          }
      }
    }
    out_ << '"';
  }

  std::ostream& out_;
  std::vector<bool> first_;  // per open container: no item written yet
  bool after_key_ = false;
};

}  // namespace actlab::cli
