#include "sweep_progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace actlab::cli {

std::string duration_text(double seconds) {
  const long s = long(seconds + 0.5);
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%lds", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s / 60 % 60);
  }
  return buf;
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(size_t total, bool enabled) : total_(total), enabled_(enabled && total > 0) {}

void ProgressBar::advance() {
  ++done_;
  if (!enabled_) return;
  constexpr size_t kWidth = 30;
  const size_t filled = done_ * kWidth / total_;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = elapsed / double(done_) * double(total_ - done_);
  std::cerr << "\rsweep: " << done_ << "/" << total_ << " runs [" << std::string(filled, '#')
            << std::string(kWidth - filled, '.') << "] " << done_ * 100 / total_ << "%  ETA "
            << duration_text(eta) << "   " << std::flush;
}

void ProgressBar::finish() {
  if (enabled_) std::cerr << "\n";
}

}  // namespace actlab::cli
