#include "sweep_runner.hpp"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace actlab::cli {

void run_in_order(const std::vector<size_t>& jobs, int threads, const std::function<JobResult(size_t job)>& compute,
                  const std::function<void(size_t job, const JobResult&)>& write) {
  std::vector<std::optional<JobResult>> done(jobs.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable finished;

  const auto work = [&] {
    for (size_t i = next++; i < jobs.size() && !stop; i = next++) {
      try {
        JobResult result = compute(jobs[i]);
        const std::lock_guard lock(mutex);
        done[i] = std::move(result);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      finished.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  // The calling thread writes: each result as soon as every earlier one is written.
  try {
    for (size_t i = 0; i < jobs.size(); ++i) {
      JobResult result;
      {
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return done[i].has_value() || failure; });
        if (failure) break;
        result = std::move(*done[i]);
        done[i].reset();
      }
      write(jobs[i], result);
    }
  } catch (...) {
    const std::lock_guard lock(mutex);
    if (!failure) failure = std::current_exception();
  }
  stop = true;
  for (std::thread& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace actlab::cli
