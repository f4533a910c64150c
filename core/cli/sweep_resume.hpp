#pragma once
// --resume FILE: the rows a killed (or finished) sweep already wrote to FILE. A last line without
// its newline was cut off mid-write: it is removed from the file. Every kept line must be a row
// of this sweep (its number, config and step as this sweep would write them; CSV: after the same
// header), else the sweep stops before any work, naming the line: appending to another sweep's
// file would mix two sweeps.
#include <cstddef>
#include <string>
#include <unordered_set>

#include "sweep_rows.hpp"

namespace actlab::cli {

struct ResumeState {
  std::unordered_set<size_t> rows;  // row numbers present
  bool has_header = false;          // CSV: the header is already there
};

ResumeState read_resume_file(const std::string& path, const SweepPlan& plan, RowFormat format);

}  // namespace actlab::cli
