#pragma once
// The machine's f32x4 multiply-add peak on one core, measured by a kernel of our own, so the
// benchmarks can say what fraction of the hardware each workload reaches (issue 10).
//
// The kernel: 12 independent chains acc = acc * m + a on 4-lane float vectors (GCC/clang vector
// extensions: SSE/AVX registers natively, simd128 in WebAssembly). 12 chains hide the latency
// of a multiply followed by an add (~8 cycles) on two vector ports. FLOPs are counted as the
// workloads' are: one multiply and one add are 2 FLOPs per lane, so one iteration is
// 12 chains x 4 lanes x 2 = 96 FLOPs. No fused multiply-add (the project compiles with
// -ffp-contract=off, and wasm 3.1.6 has none), so this is the peak of the instruction mix the
// core may use; a native build could go wider (AVX: 8 lanes), which peak_flops_f32x8 measures.
#include <cstdint>

namespace actlab {

struct PeakFlops {
  double gflops = 0;   // fastest window, 1e9 FLOPs per second
  int64_t flops = 0;   // FLOPs of the fastest window
  double seconds = 0;  // its length
};

// Runs the kernel in `windows` windows of about window_ms each and keeps the fastest; windows of
// whole kernel calls (a browser's timer is coarse). Throws a FieldError on window_ms
// outside [0.1, 1000] or windows outside [1, 100].
PeakFlops peak_flops_f32x4(double window_ms, int windows);
// The same kernel on 8-lane vectors (two SSE registers per chain where AVX is absent).
PeakFlops peak_flops_f32x8(double window_ms, int windows);

}  // namespace actlab
