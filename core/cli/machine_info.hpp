#pragma once
// The facts a benchmark figure needs next to it: how many CPUs this process may use (as nproc
// reports), the CPU model, how busy the machine is, the compiler that built this binary and whether it was optimised.
#include <string>

namespace actlab::cli {

struct MachineInfo {
  int nproc = 0;
  std::string cpu;       // "model name" from /proc/cpuinfo, or "unknown"
  std::string compiler;  // __VERSION__
  bool optimised = false;  // built with optimisation (__OPTIMIZE__)
  bool assertions = true;  // NDEBUG not defined
  double load_average = -1;  // 1-minute load average from /proc/loadavg (-1: unknown); timings
                             // taken with it above nproc are shared with other work
};

MachineInfo machine_info();

}  // namespace actlab::cli
