#include "sweep_runner.hpp"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace actlab::cli {
namespace {

// How far the pool may run ahead of the writer, in jobs per thread: enough that a slow job does
// not idle the other threads for long, few enough that finished rows waiting for an earlier slow
// job stay a few megabytes, however long the sweep.
constexpr size_t kAheadPerThread = 32;

}  // namespace

void run_in_order(const std::vector<size_t>& jobs, int threads, const std::function<JobResult(size_t job)>& compute,
                  const std::function<void(size_t job, const JobResult&)>& write) {
  const size_t ahead = kAheadPerThread * size_t(threads);
  std::map<size_t, JobResult> finished_results;  // by position in `jobs`, until written
  size_t written = 0;                            // positions below this are written
  std::atomic<size_t> next{0};
  bool stop = false;
  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable changed;

  const auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || i < written + ahead; });
        if (stop) return;
      }
      try {
        JobResult result = compute(jobs[i]);
        const std::lock_guard lock(mutex);
        finished_results.emplace(i, std::move(result));
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  // The calling thread writes: each result as soon as every earlier one is written.
  try {
    while (written < jobs.size()) {
      JobResult result;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return finished_results.contains(written) || failure; });
        if (failure) break;
        result = std::move(finished_results.extract(written).mapped());
      }
      write(jobs[written], result);
      {
        const std::lock_guard lock(mutex);
        ++written;
      }
      changed.notify_all();
    }
  } catch (...) {
    const std::lock_guard lock(mutex);
    if (!failure) failure = std::current_exception();
  }
  {
    const std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace actlab::cli
