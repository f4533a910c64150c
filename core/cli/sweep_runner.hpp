#pragma once
// Runs a list of independent jobs on a pool of threads and hands their results to one writer in
// list order, whatever order they finish in: output is deterministic and the same for 1 and N
// threads (each job is a pure function of its number). A job's exception stops the pool and is
// rethrown to the caller after the threads have joined.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace actlab::cli {

using JobResult = std::vector<std::string>;

void run_in_order(const std::vector<size_t>& jobs, int threads, const std::function<JobResult(size_t job)>& compute,
                  const std::function<void(size_t job, const JobResult&)>& write);

}  // namespace actlab::cli
