#include "sweep_resume.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace actlab::cli {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};  // no file yet: nothing to resume
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The row number a line starts with: `{"row":N,` or `N,`.
std::optional<size_t> row_of(const std::string& line, RowFormat format) {
  const std::string lead = format == RowFormat::json ? "{\"row\":" : "";
  if (line.compare(0, lead.size(), lead) != 0) return std::nullopt;
  size_t n = 0;
  const char* begin = line.data() + lead.size();
  const auto [end, ec] = std::from_chars(begin, line.data() + line.size(), n);
  if (ec != std::errc() || end == begin) return std::nullopt;
  return n;
}

}  // namespace

ResumeState read_resume_file(const std::string& path, const SweepPlan& plan, RowFormat format) {
  const std::string text = read_all(path);
  const size_t complete = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
  if (complete < text.size()) std::filesystem::resize_file(path, complete);  // drop a cut-off last line
  ResumeState state;
  const size_t total_rows = plan.job_count() * plan.rows_per_job();
  std::istringstream lines(text.substr(0, complete));
  std::string line;
  for (size_t number = 1; std::getline(lines, line); ++number) {
    const auto fail = [&](const std::string& why) {
      throw UsageError("resume: " + path + " line " + std::to_string(number) + " " + why);
    };
    if (format == RowFormat::csv && number == 1) {
      if (line + "\n" != csv_header()) fail("is not this sweep's CSV header");
      state.has_header = true;
      continue;
    }
    const auto row = row_of(line, format);
    if (!row || *row >= total_rows) fail("is not a row of this sweep");
    const size_t job = *row / plan.rows_per_job(), k = *row % plan.rows_per_job();
    if (line.rfind(row_prefix(plan, job, k, format), 0) != 0)
      fail("is row " + std::to_string(*row) + " of another sweep (its config or step differs)");
    state.rows.insert(*row);
  }
  return state;
}

}  // namespace actlab::cli
