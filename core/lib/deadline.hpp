#pragma once
// An optional time limit for the long synchronous calls (a network's train, a race's train, the
// cost table): past it they stop and return what they finished. The calls cannot be interrupted
// from outside (WebAssembly on one thread), so the caller says in advance how long it can wait.
//
// The clock decides only how much work is done, never how it is done: a run cut by a deadline and
// continued computes the same bits as one uninterrupted run of the same total steps.
#include <limits>
#include <string_view>

#include "field_error.hpp"
#include "monotonic_clock.hpp"

namespace actlab {

// deadlineMs: from a browser's timer resolution (0.1 ms) to one hour.
inline constexpr double kMinDeadlineMs = 0.1, kMaxDeadlineMs = 3.6e6;

class Deadline {
 public:
  using Clock = double (*)();  // milliseconds on a monotonic clock; a test passes a fake one

  Deadline() = default;  // none: never passes

  // Passes `ms` milliseconds from now. Throws a FieldError naming `where` unless ms is in
  // [kMinDeadlineMs, kMaxDeadlineMs] (NaN and infinities included).
  static Deadline after(std::string_view where, double ms, Clock clock = monotonic_ms) {
    if (!(ms >= kMinDeadlineMs && ms <= kMaxDeadlineMs)) throw_out_of_range(where, ms, kMinDeadlineMs, kMaxDeadlineMs);
    Deadline d;
    d.clock_ = clock;
    d.at_ms_ = clock() + ms;
    return d;
  }

  bool set() const { return at_ms_ != kNever; }
  // Reads the clock only when a deadline is set.
  bool passed() const { return set() && clock_() >= at_ms_; }

 private:
  static constexpr double kNever = std::numeric_limits<double>::infinity();
  double at_ms_ = kNever;
  Clock clock_ = monotonic_ms;
};

}  // namespace actlab
