#pragma once
// Milliseconds on a monotonic clock with an arbitrary start: what the cost table and the peak
// kernel time their windows with.
//
// In WebAssembly std::chrono::steady_clock would read the same clock (performance.now() through
// clock_gettime), but libc++'s steady_clock throws std::system_error when clock_gettime fails, and
// that exception's error categories pull printf and its float formatting into the module (~7 KB
// of the wasm). emscripten_get_now() is that clock without them.
#if defined(__EMSCRIPTEN__)
#include <emscripten/emscripten.h>
#else
#include <chrono>
#endif

namespace actlab {

inline double monotonic_ms() {
#if defined(__EMSCRIPTEN__)
  return emscripten_get_now();
#else
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

}  // namespace actlab
