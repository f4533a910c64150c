// format_number (core/lib/number_text.hpp) for WebAssembly, written in the glue's JavaScript.
//
// Why not the core's version: it needs printf's %g and strtod, which pull musl's printf core,
// floating-point formatting and scanning and their long-double arithmetic into the module:
// ~17 KB of the wasm (~6 KB gzipped) for error messages alone. The browser already formats and
// parses numbers with correct rounding (toExponential, toFixed, Number), so this reproduces
// exactly what core/lib/number_text.cpp prints (C's "%.0f" and "%.*g", shortest precision that
// reads back as the same value, or as the same float), and the messages read the same natively
// and in wasm (tests/node/number-text.test.mjs compares them with C's output).
#include <emscripten.h>

#include <string>

#include "convert.hpp"
#include "number_text.hpp"

// Writes the text into out (ASCII, at most size - 1 chars and a NUL) and returns its length.
// (The body is stringified by the EM_JS macro: double-quoted strings only, no backslashes.)
EM_JS(int, actlab_format_number, (double v, char* out, int size), {
  // Trailing zeros of a fraction removed, then a bare point, as %g does without the # flag.
  function trim(s) {
    if (s.indexOf(".") < 0) return s;
    let end = s.length;
    while (s[end - 1] === "0") end--;
    if (s[end - 1] === ".") end--;
    return s.slice(0, end);
  }
  // C's "%.*g": %e's exponent X decides; fixed with p - 1 - X decimals if p > X >= -4, else
  // exponential with at least two exponent digits.
  function formatG(x, p) {
    const e = x.toExponential(p - 1);
    const at = e.indexOf("e");
    const exponent = Number(e.slice(at + 1));
    if (p > exponent && exponent >= -4) return trim(x.toFixed(p - 1 - exponent));
    const digits = String(Math.abs(exponent)).padStart(2, "0");
    return trim(e.slice(0, at)) + "e" + (exponent < 0 ? "-" : "+") + digits;
  }
  let text;
  if (Number.isNaN(v)) text = "nan";
  else if (!Number.isFinite(v)) text = v > 0 ? "inf" : "-inf";
  else if (Math.abs(v) < 1e15 && v === Math.floor(v)) text = Object.is(v, -0) ? "-0" : v.toFixed(0);
  else {
    const isFloat = Math.fround(v) === v;
    for (let p = 1; p <= 17; p++) {
      text = formatG(v, p);
      const back = Number(text);
      if (back === v || (isFloat && Math.fround(back) === Math.fround(v))) break;
    }
  }
  const n = Math.min(text.length, size - 1);
  for (let i = 0; i < n; i++) HEAPU8[out + i] = text.charCodeAt(i);
  HEAPU8[out + n] = 0;
  return n;
});

namespace actlab {

std::string format_number(double value) {
  char text[40];  // the longest output, "-1.2345678901234567e-308", has 24 chars
  const int length = actlab_format_number(value, text, sizeof text);
  return std::string(text, size_t(length));
}

namespace wasm {

// The double JS should see for a stored float: the value of its shortest text, which format_number
// wrote with correct rounding, so reading it back with the same correctness needs no strtod.
EM_JS(double, actlab_read_number, (const char* text), { return Number(UTF8ToString(text)); });

double js_float(double v) { return actlab_read_number(format_number(v).c_str()); }

}  // namespace wasm
}  // namespace actlab
