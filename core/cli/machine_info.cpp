#include "machine_info.hpp"

#include <fstream>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

namespace actlab::cli {
namespace {

int usable_cpus() {
#if defined(__linux__)
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);  // what nproc prints
#endif
  return static_cast<int>(std::thread::hardware_concurrency());
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) break;
    const size_t start = line.find_first_not_of(" \t", colon + 1);
    return start == std::string::npos ? "unknown" : line.substr(start);
  }
  return "unknown";
}

double load_average() {
  std::ifstream in("/proc/loadavg");
  double one_minute = -1;
  if (!(in >> one_minute)) return -1;
  return one_minute;
}

}  // namespace

MachineInfo machine_info() {
  MachineInfo m;
  m.nproc = usable_cpus();
  m.cpu = cpu_model();
  m.load_average = load_average();
#if defined(__clang__)
  m.compiler = __VERSION__;  // "Debian Clang 14.0.6"
#elif defined(__GNUC__)
  m.compiler = "GCC " __VERSION__;  // GCC's __VERSION__ is the bare number
#else
  m.compiler = "unknown";
#endif
#if defined(__OPTIMIZE__)
  m.optimised = true;
#endif
#if defined(NDEBUG)
  m.assertions = false;
#endif
  return m;
}

}  // namespace actlab::cli
