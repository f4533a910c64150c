#pragma once
// Vectorisable float kernels for the hot loops: exp, log, log1p, tanh, sigmoid, erf, sin.
//
// Why our own: libm calls never vectorise, musl's (wasm) are slow, and glibc's and musl's
// results differ in the last bits, which would break native/wasm bit parity. These use only
// IEEE basic operations (+ - * / , compares, bit casts, integer ops) in a fixed order, so with
// -ffp-contract=off and no fast-math they give the same bits natively and in WebAssembly
// (NaN results excepted: wasm leaves a NaN's sign and payload unspecified, so only "is NaN" is
// portable). Every function is branch-free (mask selects only, see detail::select) and inline, so loops over arrays
// auto-vectorise (GCC -O3, clang -O3 -msimd128). No float-to-int conversion is used anywhere:
// rounding is the 1.5*2^23 magic-constant add/subtract, whose low mantissa bits are the integer,
// so NaN or huge inputs can never trap (wasm's i32.trunc_f32_s traps on NaN).
//
// Coefficients: fitted for this file (not copied) as minimax polynomials by Lawson's iteratively
// reweighted least squares in numpy, on the interval and with the error weight named at each
// kernel, then rounded to float one coefficient at a time (lowest order first), refitting the
// rest after each rounding. Cody-Waite constants are ln2 and pi/2 split into short heads (whose
// products with the integer are exact) plus a float tail.
//
// Maximum errors, measured against double-precision libm over every float in the stated range
// (an exhaustive sweep of all 2^32 inputs), rounded up a little; the dense-grid tests in
// tests/native/test_fast_math.cpp assert exactly these bounds.
#include <cstdint>
#include <limits>
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

// Forced inlining: a kernel left as a call (clang's inliner gives up on the larger ones, erf and
// log1p, inside GELU's and Softplus's loops) stops the loop from vectorising, and in wasm such a
// loop ran 5-10x slower than its vectorised twin.
#define ACTLAB_KERNEL inline __attribute__((always_inline))

namespace actlab::fm {

// Documented error bounds; tests/native/test_fast_math.cpp checks each one.
// Measured maximum in brackets.
inline constexpr float kMaxRelErrExp = 1.0e-7f;       // relative, over [-87.33, 88.72], normal results (8.08e-8)
inline constexpr float kMaxAbsErrTanh = 4.2e-7f;      // absolute, over all finite x (4.0e-7; relative 2.3e-7 below 1)
inline constexpr float kMaxAbsErrSigmoid = 1.0e-7f;   // absolute, over all finite x (8.93e-8)
inline constexpr float kMaxAbsErrErf = 1.25e-7f;      // absolute, over all finite x (1.16e-7)
inline constexpr float kMaxRelErrLog1p = 2.5e-7f;     // relative, over (-1, +inf) (2.34e-7)
inline constexpr float kMaxRelErrLog = 2.0e-7f;       // relative, over all positive finite x, denormals too (1.76e-7)
inline constexpr float kMaxAbsErrSin = 1.0e-7f;       // absolute, over [-1e4, 1e4] (9.38e-8)

namespace detail {

// Bit casts, for a float and for vectors of floats alike (the 4-lane forms below share the code).
// std::bit_cast is missing from Emscripten 3.1.6's libc++; the builtin is in GCC >= 11 and clang.
template <class To, class From>
ACTLAB_KERNEL To as(From v) { return __builtin_bit_cast(To, v); }
ACTLAB_KERNEL uint32_t bits(float x) { return as<uint32_t>(x); }
ACTLAB_KERNEL float from_bits(uint32_t u) { return as<float>(u); }

inline constexpr float kRound = 12582912.0f;  // 1.5 * 2^23: x + kRound - kRound rounds x to an integer
inline constexpr uint32_t kRoundBits = 0x4B400000u;
inline constexpr uint32_t kSignBit = 0x80000000u;
inline constexpr float kInf = std::numeric_limits<float>::infinity();
inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// ln 2 = kLn2Hi + kLn2Lo; kLn2Hi = 355/512 has 9 significant bits, so n * kLn2Hi is exact for |n| < 2^15.
inline constexpr float kLn2Hi = 0.693359375f;
inline constexpr float kLn2Lo = -2.12194440e-4f;

// c ? a : b, written once so every kernel selects the same way. The build passes
// -fno-trapping-math (CMakeLists.txt), without which GCC 12 will not if-convert a ?: on floats and
// leaves the loop scalar; with it GCC and clang both emit vector compares and blends (or min/max).
// (A bit-mask form also vectorises under trapping math, but GCC then builds the mask through
// integer lanes and the kernels run about 3x slower.)
ACTLAB_KERNEL float select(bool c, float a, float b) { return c ? a : b; }

// 2^n for n in [-126, 127], built directly in the exponent field (unsigned: no overflow UB on garbage n).
// F float with U uint32_t, or vectors of both.
template <class F = float, class U = uint32_t>
ACTLAB_KERNEL F pow2i(U n) { return as<F>((n + 127u) << 23); }

// e^x = 2^n * e^r with n = round(x / ln 2) and |r| <= ln2/2 (+ rounding slack). Returns e^r and n.
// Needs |x / ln2| < 2^22; callers bound x. e^r = 1 + r + r^2 q(r), q of degree 4, fitted for
// relative error on r in [-0.35, 0.35] (fit error 3.4e-9; the total is float rounding).
// F is float or a vector of floats, U the unsigned integers of the same shape.
template <class F, class U>
ACTLAB_KERNEL F exp_reduced_as(F x, U& n) {
  const F t = x * 1.44269502f + kRound;  // log2(e)
  n = as<U>(t) - kRoundBits;             // two's complement integer n, mod 2^32
  const F fn = t - kRound;
  const F r = (x - fn * kLn2Hi) - fn * kLn2Lo;
  const F q = 0.49999994f + r * (0.16666517f + r * (0.04166828f + r * (0.008369253f + r * 0.0013820927f)));
  return 1.0f + (r + (r * r) * q);
}
ACTLAB_KERNEL float exp_reduced(float x, uint32_t& n) { return exp_reduced_as(x, n); }

// e^x for x already clamped to [-104, 89], scaled by 2^n in two exact halves (see exp below).
// I is the signed integers of F's shape (the halving shift is arithmetic).
template <class F, class U, class I>
ACTLAB_KERNEL F exp_clamped(F x) {
  U n;
  const F p = exp_reduced_as(x, n);
  const U n1 = as<U>(as<I>(n) >> 1);
  return p * pow2i<F>(n1) * pow2i<F>(n - n1);
}

}  // namespace detail

// exp: argument clamped to [-104, 89] (selects keep NaN), reduced as above, then scaled by 2^n
// in two exact halves 2^(n>>1) * 2^(n - (n>>1)), so the one final rounding gives gradual
// underflow (denormals) and overflow to +inf without special cases: x > 88.72 gives +inf,
// x < -103.98 gives 0, -inf gives 0, NaN gives NaN.
ACTLAB_KERNEL float exp(float x) {
  x = detail::select(x > 89.0f, 89.0f, x);
  x = detail::select(x < -104.0f, -104.0f, x);
  return detail::exp_clamped<float, uint32_t, int32_t>(x);
}

// log: denormals are first scaled by 2^23. x = 2^e * m with m in [sqrt(1/2), sqrt(2)) from the
// bits (subtracting the bits of sqrt(1/2) makes the exponent field e directly). With f = m - 1
// (exact) and s = f / (2 + f), log m = 2 atanh s = 2s + s z L(z), z = s^2, |s| <= 0.1716;
// L of degree 2 fitted for relative error of log m (fit error 8e-10).
// Result e*ln2_hi + (log m + e*ln2_lo). log(+-0) = -inf, log(x < 0) = NaN, log(+inf) = +inf.
ACTLAB_KERNEL float log(float x) {
  const bool denormal = x < 1.17549435e-38f;  // also true for 0 and negatives, fixed up below
  const float xs = detail::select(denormal, x * 8388608.0f, x);
  const uint32_t ix = detail::bits(xs) - 0x3F3504F3u;  // bits of sqrt(1/2)
  const int32_t e = (static_cast<int32_t>(ix) >> 23) - static_cast<int32_t>((0u - static_cast<uint32_t>(denormal)) & 23u);
  const float m = detail::from_bits((ix & 0x007FFFFFu) + 0x3F3504F3u);
  const float f = m - 1.0f;
  const float s = f / (2.0f + f);
  const float z = s * s;
  const float lm = (s + s) + s * (z * (0.66666776f + z * (0.39977586f + z * 0.29870695f)));
  const float fe = static_cast<float>(e);
  float y = fe * detail::kLn2Hi + (lm + fe * detail::kLn2Lo);
  y = detail::select(x == 0.0f, -detail::kInf, y);
  y = detail::select(x == detail::kInf, detail::kInf, y);
  return detail::select(x >= 0.0f, y, detail::kNaN);  // negatives and NaN
}

// log1p: u = 1 + x rounded; its rounding error d = (1 + x) - u is exact by Fast2Sum (operands
// ordered by magnitude), and log(1 + x) = log(u) + log(1 + d/u) ~ log(u) + d/u. For tiny x,
// u = 1, log(u) = 0 and the result is x itself: relative accuracy down to denormals.
// log1p(-1) = -inf, log1p(x < -1) = NaN, log1p(+inf) = +inf, log1p(-0) = -0.
ACTLAB_KERNEL float log1p(float x) {
  const float u = 1.0f + x;
  const float d = detail::select(x > 1.0f, 1.0f - (u - x), x - (u - 1.0f));
  float y = fm::log(u) + d / u;
  y = detail::select(u == 0.0f, -detail::kInf, y);
  y = detail::select(x == detail::kInf, detail::kInf, y);
  return detail::select(x == 0.0f, x, y);
}

// tanh: a 13/6 rational, x P(x^2) / Q(x^2) with P of degree 6 and Q of degree 3, on x clamped to
// [-9, 9]; fitted here (Sanathanan-Koerner iteration, then Lawson reweighting, numpy) for minimax
// absolute error on [0, 9] with P(0) = 1 (so small x keep their relative accuracy): 6.5e-9 in
// double, the rest is float rounding. One division and ten multiply-adds, about half the work of
// going through exp; tanh is most of a tanh network's grid time.
// Two selects only (the input clamp): each further select cost ~0.4 ns/element in wasm, so the
// result is not clamped again, and |tanh(x)| may exceed 1 by up to kMaxAbsErrTanh (near |x| = 6-9).
// The clamp point 9.1 is where R rounds to exactly 1 in float, so |x| >= 9.1 gives exactly +-1
// (GELU's 1 + tanh must reach exactly 0 far out). Exactly odd; NaN gives NaN.
namespace detail {
// tanh's rational on a clamped argument, for a float or a vector of floats alike (the same
// operations in the same order, so the same bits lane by lane).
template <class T>
ACTLAB_KERNEL T tanh_rational(T xc) {
  const T z = xc * xc;
  const T p = 1.0f + z * (0.130834267f + z * (0.00310331048f + z * (1.11477875e-05f +
              z * (-2.02003498e-08f + z * (5.26687409e-11f + z * -8.46259911e-14f)))));
  const T q = 1.0f + z * (0.464167535f + z * (0.0244925879f + z * 0.000254521787f));
  return xc * p / q;
}
}  // namespace detail

ACTLAB_KERNEL float tanh(float x) {
  float xc = detail::select(x > 9.1f, 9.1f, x);
  xc = detail::select(xc < -9.1f, -9.1f, xc);
  return detail::tanh_rational(xc);
}

#if defined(__wasm_simd128__)
// tanh on four lanes, for WebAssembly's hot loops: the same bits as tanh() lane by lane. Written
// out because clang turns the scalar clamps into f32x4.min/max, whose IEEE NaN and signed-zero
// rules cost V8 about eight x86 instructions each; the clamps are exactly f32x4.pmin/pmax
// (pmin(a, b) = b < a ? b : a), one instruction each. This made a tanh loop ~1.8x faster in Node.
typedef float F32x4 __attribute__((vector_size(16)));
ACTLAB_KERNEL F32x4 tanh4(F32x4 x) {
  const v128_t hi = wasm_f32x4_splat(9.1f), lo = wasm_f32x4_splat(-9.1f);
  const v128_t xc = wasm_f32x4_pmax(wasm_f32x4_pmin(reinterpret_cast<v128_t&>(x), hi), lo);
  return detail::tanh_rational(reinterpret_cast<const F32x4&>(xc));
}

// exp and sigmoid on four lanes: the same bits as exp() and sigmoid() lane by lane. The clamps
// as pmin/pmax, as in tanh4: clang's vectorised exp() clamps with f32x4.min/max, and exp4 runs
// ~1.7x faster in Node. Used by the softmax and the exp-based activations' 4-lane forms.
// pmin(a, b) = b < a ? b : a, lane by lane: one instruction in V8 (IEEE min costs it about eight).
ACTLAB_KERNEL F32x4 pmin(F32x4 a, F32x4 b) {
  return detail::as<F32x4>(wasm_f32x4_pmin(detail::as<v128_t>(a), detail::as<v128_t>(b)));
}

// pmax(a, b) = a < b ? b : a, lane by lane: std::max's choice, NaN and signed zeros included.
ACTLAB_KERNEL F32x4 pmax(F32x4 a, F32x4 b) {
  return detail::as<F32x4>(wasm_f32x4_pmax(detail::as<v128_t>(a), detail::as<v128_t>(b)));
}

typedef uint32_t U32x4 __attribute__((vector_size(16)));
typedef int32_t I32x4 __attribute__((vector_size(16)));
ACTLAB_KERNEL F32x4 exp4(F32x4 x) {
  const v128_t hi = wasm_f32x4_splat(89.0f), lo = wasm_f32x4_splat(-104.0f);
  const v128_t xc = wasm_f32x4_pmax(wasm_f32x4_pmin(reinterpret_cast<v128_t&>(x), hi), lo);
  return detail::exp_clamped<F32x4, U32x4, I32x4>(reinterpret_cast<const F32x4&>(xc));
}
ACTLAB_KERNEL F32x4 sigmoid4(F32x4 x) { return 1.0f / (1.0f + exp4(-x)); }
#endif

// sigmoid = 1 / (1 + e^-x) with the exp above. Saturates by rounding: exactly 1 for x > ~16.6
// and +inf, exactly 0 for x < -88.72 (e^-x overflows; the true value is below 3e-39) and -inf.
// Never NaN for non-NaN x.
ACTLAB_KERNEL float sigmoid(float x) { return 1.0f / (1.0f + fm::exp(-x)); }

// erf, on a = |x| with the sign put back by bits (odd; erf(-0) = -0):
//  a < 0.875: a P(a^2), P of degree 5 fitted for relative error on [0, 0.875] (5.4e-8);
//  otherwise: 1 - e^(-a^2) R(t), t = 1 / (1 + a/2), R(t) = t (r0 + ... + r4 t^4) fitted to
//             erfc(a) e^(a^2) on [0.875, 4] weighted by e^(-a^2), i.e. for absolute error of erf
//             (2.2e-9; the form is that of Abramowitz-Stegun 7.1.26, the fit is ours).
//             a is clamped to 4, where the result rounds to exactly 1. NaN gives NaN.
ACTLAB_KERNEL float erf(float x) {
  const uint32_t sign = detail::bits(x) & detail::kSignBit;
  const float a = detail::from_bits(detail::bits(x) ^ sign);
  const float z = a * a;
  const float small = a * (1.1283791f + z * (-0.37612215f + z * (0.11278919f + z * (-0.026661295f + z * (0.0048368378f + z * -0.00051781646f)))));
  const float ac = detail::select(a > 4.0f, 4.0f, a);
  const float t = 1.0f / (1.0f + 0.5f * ac);
  const float rt = t * (0.275061f + t * (0.34522593f + t * (0.02179427f + t * (0.56482184f + t * -0.20694098f))));
  uint32_t n;
  const float ez = detail::exp_reduced(-(ac * ac), n) * detail::pow2i(n);  // n in [-23, 0]
  const float big = 1.0f - ez * rt;
  const float y = detail::select(a < 0.875f, small, big);
  return detail::from_bits(detail::bits(y) | sign);
}

// sin: n = round(x * 2/pi) (magic constant), r = x - n pi/2 by three-part Cody-Waite
// (pi/2 = P1 + P2 + P3, P1 and P2 with 11 significant bits, so n*P1 and n*P2 are exact for
// |n| < 2^13, i.e. |x| < 12867), |r| <= pi/4 + slack. sin r = r + r^3 S(r^2) and
// cos r = 1 - r^2/2 + r^4 C(r^2), S and C of degree 2 fitted for absolute error on
// [-0.787, 0.787] (1.9e-9, 1.1e-10). The quadrant n mod 4 selects sin/cos and the sign.
// Beyond |x| = 12867, n*P1 rounds and the error grows like ulp(x) (4e-3 at 1e5, 0.25 at 6e6);
// beyond ~6.6e6 the quadrant is meaningless too. r is clamped, so the result stays in [-1, 1]. sin(+-inf) = NaN, sin(NaN) = NaN, sin(-0) = -0.
ACTLAB_KERNEL float sin(float x) {
  const float t = x * 0.63661975f + detail::kRound;  // 2/pi
  const uint32_t q = detail::bits(t) - detail::kRoundBits;
  const float fn = t - detail::kRound;
  float r = ((x - fn * 1.5703125f) - fn * 4.8375130e-4f) - fn * 7.54978995e-8f;
  r = detail::select(r > 0.787f, 0.787f, r);
  r = detail::select(r < -0.787f, -0.787f, r);
  const float z = r * r;
  const float s = r + (r * z) * (-0.16666651f + z * (0.008331981f + z * -0.00019495566f));
  const float c = (1.0f - 0.5f * z) + (z * z) * (0.041666646f + z * (-0.0013887301f + z * 2.443067e-05f));
  const float y = detail::from_bits(detail::bits(detail::select((q & 1u) != 0u, c, s)) ^ ((q & 2u) << 30));
  return detail::select(x == 0.0f, x, y);  // -0 + (-0 * 0) * (negative) would be +0
}

}  // namespace actlab::fm
