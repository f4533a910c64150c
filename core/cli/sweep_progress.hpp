#pragma once
// The sweep's progress line on stderr ("sweep: 37/120 runs [#####.....] 31%  ETA 1m12s"), redrawn
// in place. Only when stderr is a terminal: a log file or a batch system's output gets nothing.
#include <chrono>
#include <cstddef>
#include <string>

namespace actlab::cli {

// "45s", "12m05s", "3h20m": a duration for people.
std::string duration_text(double seconds);

class ProgressBar {
 public:
  ProgressBar(size_t total, bool enabled);
  void advance();  // one more job done
  void finish();   // ends the line

 private:
  size_t total_, done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

bool stderr_is_terminal();

}  // namespace actlab::cli
