#pragma once
// Aligned plain-text tables for the human-readable output: the first `left_columns` columns
// (names) left-aligned, the others right-aligned (they are mostly numbers), a rule under the header.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace actlab::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header, size_t left_columns = 1)
      : rows_{std::move(header)}, left_columns_(left_columns) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }

  void print(std::ostream& out, const std::string& indent = "") const {
    std::vector<size_t> width;
    for (const auto& row : rows_) {
      width.resize(std::max(width.size(), row.size()), 0);
      for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    }
    for (size_t r = 0; r < rows_.size(); ++r) {
      std::string line = indent;
      for (size_t c = 0; c < rows_[r].size(); ++c) {
        const std::string& cell = rows_[r][c];
        const std::string pad(width[c] - cell.size(), ' ');
        if (c > 0) line += "  ";
        line += c < left_columns_ ? cell + pad : pad + cell;
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
      if (r == 0) {
        size_t total = 0;
        for (size_t w : width) total += w;
        out << indent << std::string(total + 2 * (width.size() - 1), '-') << '\n';
      }
    }
  }

 private:
  std::vector<std::vector<std::string>> rows_;
  size_t left_columns_;
};

// Human formatting of measured numbers: fixed decimals, or "-" for NaN.
inline std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A fraction as a percentage with one decimal ("93.1%"), or "-" for NaN (no test points).
inline std::string percent(double fraction) { return std::isnan(fraction) ? "-" : fixed(100.0 * fraction, 1) + "%"; }

// Three significant digits in scientific notation ("3.12e-05"), for values spanning decades.
inline std::string scientific(double v) {
  if (std::isnan(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2e", v);
  return buf;
}

}  // namespace actlab::cli
