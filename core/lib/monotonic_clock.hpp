#pragma once
// Milliseconds on a monotonic clock with an arbitrary start: what the cost table and the peak
// kernel time their windows with.
//
// POSIX clock_gettime rather than std::chrono::steady_clock: libc++'s steady_clock throws
// std::system_error when clock_gettime fails, and that exception's error categories pull printf and
// its float formatting into the WebAssembly module (~7 KB of the wasm). In wasm this reads
// performance.now(), as steady_clock would.
#include <time.h>

namespace actlab {

inline double monotonic_ms() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

}  // namespace actlab
