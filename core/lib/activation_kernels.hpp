#pragma once
// One struct per activation, forward and backward side by side:
//   f(x, p)            fast float forward (own math kernels, vectorisable)
//   df(x, y, p)        d f/d x, given the input x and the output y (tanh and sigmoid want y,
//                      ReLU and GELU want x, following tiny-dnn's convention)
//   dfdp(x, y, p)      d f/d p for parameterised rows (PReLU learns p)
//   ref<T>, ref_df<T>  the closed form with libm, in double for tests, in float for the cost table
// Kernels are written so that a loop over elements contains no calls and no branches; they are
// forced inline (ACTLAB_KERNEL), since a kernel left as a call keeps its loop scalar.
#include <cmath>

#include "fast_math.hpp"

namespace actlab::kernels {

struct NoParam {
  ACTLAB_KERNEL static float dfdp(float, float, float) { return 0.0f; }
};

struct Identity : NoParam {
  ACTLAB_KERNEL static float f(float x, float) { return x; }
  ACTLAB_KERNEL static float df(float, float, float) { return 1.0f; }
  template <class T> static T ref(T x, T) { return x; }
  template <class T> static T ref_df(T, T) { return T(1); }
};

struct Sigmoid : NoParam {
  ACTLAB_KERNEL static float f(float x, float) { return fm::sigmoid(x); }
#if defined(__wasm_simd128__)
  ACTLAB_KERNEL static fm::F32x4 f4(fm::F32x4 x) { return fm::sigmoid4(x); }
#endif
  ACTLAB_KERNEL static float df(float, float y, float) { return y * (1.0f - y); }
  template <class T> static T ref(T x, T) { return T(1) / (T(1) + std::exp(-x)); }
  template <class T> static T ref_df(T x, T p) { const T s = ref(x, p); return s * (T(1) - s); }
};

struct Tanh : NoParam {
  ACTLAB_KERNEL static float f(float x, float) { return fm::tanh(x); }
#if defined(__wasm_simd128__)
  ACTLAB_KERNEL static fm::F32x4 f4(fm::F32x4 x) { return fm::tanh4(x); }
  // Applied inside the affine tiles of prediction passes (see Relu): ~9% off a tanh grid in
  // interleaved A/B runs in Node, for ~9 KB of wasm (1 KB gzipped).
  static constexpr bool kFusedIntoAffine = true;
#endif
  ACTLAB_KERNEL static float df(float, float y, float) { return 1.0f - y * y; }
  template <class T> static T ref(T x, T) { return std::tanh(x); }
  template <class T> static T ref_df(T x, T) { const T t = std::tanh(x); return T(1) - t * t; }
};

struct Relu : NoParam {
  ACTLAB_KERNEL static float f(float x, float) { return x > 0.0f ? x : 0.0f; }
#if defined(__wasm_simd128__)
  // pmax(0, x) = 0 < x ? x : 0, exactly f lane by lane (NaN and -0 give +0): one instruction,
  // where clang's compare-and-select of f costs V8 four (see fm::tanh4).
  ACTLAB_KERNEL static fm::F32x4 f4(fm::F32x4 x) {
    const v128_t y = wasm_f32x4_pmax(wasm_f32x4_splat(0.0f), reinterpret_cast<v128_t&>(x));
    return reinterpret_cast<const fm::F32x4&>(y);
  }
  // Applied inside the affine tiles of prediction passes (ActivationSpec::affine_forward): ~10%
  // off a ReLU grid for ~5 KB of wasm.
  static constexpr bool kFusedIntoAffine = true;
#endif
  ACTLAB_KERNEL static float df(float x, float, float) { return x > 0.0f ? 1.0f : 0.0f; }
  template <class T> static T ref(T x, T) { return x > T(0) ? x : T(0); }
  template <class T> static T ref_df(T x, T) { return x > T(0) ? T(1) : T(0); }
};

struct Relu6 : NoParam {
  ACTLAB_KERNEL static float f(float x, float) { const float r = x > 0.0f ? x : 0.0f; return r < 6.0f ? r : 6.0f; }
  ACTLAB_KERNEL static float df(float x, float, float) { return (x > 0.0f && x < 6.0f) ? 1.0f : 0.0f; }
  template <class T> static T ref(T x, T) { return std::fmin(std::fmax(x, T(0)), T(6)); }
  template <class T> static T ref_df(T x, T) { return (x > T(0) && x < T(6)) ? T(1) : T(0); }
};

// Leaky ReLU, PReLU and RReLU share one formula; they differ in where the slope p comes from.
struct SlopedRelu {
  ACTLAB_KERNEL static float f(float x, float p) { return x > 0.0f ? x : p * x; }
  ACTLAB_KERNEL static float df(float x, float, float p) { return x > 0.0f ? 1.0f : p; }
  ACTLAB_KERNEL static float dfdp(float x, float, float) { return x > 0.0f ? 0.0f : x; }
  template <class T> static T ref(T x, T p) { return x > T(0) ? x : p * x; }
  template <class T> static T ref_df(T x, T p) { return x > T(0) ? T(1) : p; }
};

struct Elu : NoParam {  // alpha = 1
  ACTLAB_KERNEL static float f(float x, float) { return x > 0.0f ? x : fm::exp(x < 0.0f ? x : 0.0f) - 1.0f; }
#if defined(__wasm_simd128__)
  // x < 0 ? x : 0 is exactly pmin(0, x) (pmin(a, b) = b < a ? b : a), NaN and -0 included.
  ACTLAB_KERNEL static fm::F32x4 f4(fm::F32x4 x) {
    const fm::F32x4 e = fm::exp4(fm::pmin(fm::F32x4{}, x)) - 1.0f;
    return x > 0.0f ? x : e;
  }
#endif
  ACTLAB_KERNEL static float df(float x, float y, float) { return x > 0.0f ? 1.0f : y + 1.0f; }
  template <class T> static T ref(T x, T) { return x > T(0) ? x : std::expm1(x); }
  template <class T> static T ref_df(T x, T) { return x > T(0) ? T(1) : std::exp(x); }
};

// SELU constants from Klambauer et al. (2017), to the precision they publish.
inline constexpr double kSeluLambda = 1.0507009873554804934193349852946;
inline constexpr double kSeluAlpha = 1.6732632423543772848170429916717;

struct Selu : NoParam {
  static constexpr float lambda = static_cast<float>(kSeluLambda);
  static constexpr float lambda_alpha = static_cast<float>(kSeluLambda * kSeluAlpha);
  ACTLAB_KERNEL static float f(float x, float) {
    return x > 0.0f ? lambda * x : lambda_alpha * (fm::exp(x < 0.0f ? x : 0.0f) - 1.0f);
  }
#if defined(__wasm_simd128__)
  ACTLAB_KERNEL static fm::F32x4 f4(fm::F32x4 x) {
    const fm::F32x4 e = lambda_alpha * (fm::exp4(fm::pmin(fm::F32x4{}, x)) - 1.0f);
    return x > 0.0f ? lambda * x : e;
  }
#endif
  ACTLAB_KERNEL static float df(float x, float y, float) { return x > 0.0f ? lambda : y + lambda_alpha; }
  template <class T> static T ref(T x, T) {
    return x > T(0) ? T(kSeluLambda) * x : T(kSeluLambda * kSeluAlpha) * std::expm1(x);
  }
  template <class T> static T ref_df(T x, T) {
    return x > T(0) ? T(kSeluLambda) : T(kSeluLambda * kSeluAlpha) * std::exp(x);
  }
};

inline constexpr double kInvSqrt2 = 0.70710678118654752440;
inline constexpr double kInvSqrt2Pi = 0.39894228040143267794;

struct Gelu : NoParam {  // exact form: x * Phi(x)
  ACTLAB_KERNEL static float f(float x, float) { return 0.5f * x * (1.0f + fm::erf(x * static_cast<float>(kInvSqrt2))); }
  ACTLAB_KERNEL static float df(float x, float, float) {
    const float cdf = 0.5f * (1.0f + fm::erf(x * static_cast<float>(kInvSqrt2)));
    return cdf + x * static_cast<float>(kInvSqrt2Pi) * fm::exp(-0.5f * x * x);
  }
  template <class T> static T ref(T x, T) { return T(0.5) * x * (T(1) + std::erf(x * T(kInvSqrt2))); }
  template <class T> static T ref_df(T x, T) {
    return T(0.5) * (T(1) + std::erf(x * T(kInvSqrt2))) + x * T(kInvSqrt2Pi) * std::exp(T(-0.5) * x * x);
  }
};

struct GeluTanh : NoParam {  // Hendrycks & Gimpel's tanh approximation
  static constexpr double c = 0.79788456080286535588;  // sqrt(2 / pi)
  static constexpr double k = 0.044715;
  static constexpr float cf = static_cast<float>(c), kf = static_cast<float>(k);
  ACTLAB_KERNEL static float f(float x, float) { return 0.5f * x * (1.0f + fm::tanh(cf * (x + kf * x * x * x))); }
  ACTLAB_KERNEL static float df(float x, float, float) {
    // Beyond |x| = 10 the slope is 0 or 1 to float precision; clamping keeps x^2 finite (no 0 * inf).
    const float xc = x > 10.0f ? 10.0f : (x < -10.0f ? -10.0f : x);
    const float t = fm::tanh(cf * (xc + kf * xc * xc * xc));
    return 0.5f * (1.0f + t) + 0.5f * xc * (1.0f - t * t) * cf * (1.0f + 3.0f * kf * xc * xc);
  }
  template <class T> static T ref(T x, T) {
    return T(0.5) * x * (T(1) + std::tanh(T(c) * (x + T(k) * x * x * x)));
  }
  template <class T> static T ref_df(T x, T) {
    const T t = std::tanh(T(c) * (x + T(k) * x * x * x));
    return T(0.5) * (T(1) + t) + T(0.5) * x * (T(1) - t * t) * T(c) * (T(1) + T(3) * T(k) * x * x);
  }
};

struct Swish : NoParam {  // SiLU: x * sigmoid(x)
  ACTLAB_KERNEL static float f(float x, float) { return x * fm::sigmoid(x); }
#if defined(__wasm_simd128__)
  ACTLAB_KERNEL static fm::F32x4 f4(fm::F32x4 x) { return x * fm::sigmoid4(x); }
#endif
  ACTLAB_KERNEL static float df(float x, float y, float) { const float s = fm::sigmoid(x); return s + y * (1.0f - s); }
  template <class T> static T ref(T x, T) { return x / (T(1) + std::exp(-x)); }
  template <class T> static T ref_df(T x, T) { const T s = T(1) / (T(1) + std::exp(-x)); return s * (T(1) + x * (T(1) - s)); }
};

// Mish: x * tanh(softplus(x)). With e = exp(x), tanh(log(1 + e)) = n / (n + 2), n = e (e + 2),
// so one exp suffices. Beyond x = 20 the ratio is 1 in float; clamping keeps n finite.
struct Mish : NoParam {
  ACTLAB_KERNEL static float tanh_softplus(float x, float& e) {
    e = fm::exp(x < 20.0f ? x : 20.0f);
    const float n = e * (e + 2.0f);
    return n / (n + 2.0f);
  }
  ACTLAB_KERNEL static float f(float x, float) { float e; return x * tanh_softplus(x, e); }
  ACTLAB_KERNEL static float df(float x, float, float) {
    float e;
    const float t = tanh_softplus(x, e);
    return t + x * (1.0f - t * t) * (e / (1.0f + e));
  }
  template <class T> static T ref(T x, T) { return x * std::tanh(std::log1p(std::exp(x))); }
  template <class T> static T ref_df(T x, T) {
    const T t = std::tanh(std::log1p(std::exp(x)));
    return t + x * (T(1) - t * t) / (T(1) + std::exp(-x));
  }
};

struct Softplus : NoParam {  // log(1 + e^x) = max(x, 0) + log1p(e^-|x|), stable for all x
  ACTLAB_KERNEL static float f(float x, float) {
    const float ax = x < 0.0f ? -x : x;
    return (x > 0.0f ? x : 0.0f) + fm::log1p(fm::exp(-ax));
  }
  ACTLAB_KERNEL static float df(float x, float, float) { return fm::sigmoid(x); }
  template <class T> static T ref(T x, T) { return std::fmax(x, T(0)) + std::log1p(std::exp(-std::fabs(x))); }
  template <class T> static T ref_df(T x, T) { return T(1) / (T(1) + std::exp(-x)); }
};

struct HardSigmoid : NoParam {  // PyTorch's definition: relu6(x + 3) / 6
  ACTLAB_KERNEL static float f(float x, float) { return Relu6::f(x + 3.0f, 0.0f) * (1.0f / 6.0f); }
  ACTLAB_KERNEL static float df(float x, float, float) { return (x > -3.0f && x < 3.0f) ? (1.0f / 6.0f) : 0.0f; }
  template <class T> static T ref(T x, T) { return std::fmin(std::fmax(x + T(3), T(0)), T(6)) / T(6); }
  template <class T> static T ref_df(T x, T) { return (x > T(-3) && x < T(3)) ? T(1) / T(6) : T(0); }
};

struct HardSwish : NoParam {  // x * relu6(x + 3) / 6
  ACTLAB_KERNEL static float f(float x, float) { return x * HardSigmoid::f(x, 0.0f); }
  ACTLAB_KERNEL static float df(float x, float, float) {
    return x <= -3.0f ? 0.0f : (x >= 3.0f ? 1.0f : (2.0f * x + 3.0f) * (1.0f / 6.0f));
  }
  template <class T> static T ref(T x, T) { return x * HardSigmoid::ref<T>(x, T(0)); }
  template <class T> static T ref_df(T x, T) { return x <= T(-3) ? T(0) : (x >= T(3) ? T(1) : (T(2) * x + T(3)) / T(6)); }
};

}  // namespace actlab::kernels
