#include "activations.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "field_error.hpp"
#include <string>

#include "activation_kernels.hpp"
#include "dense_kernels.hpp"

namespace actlab {
namespace {

// The array loops every row gets. Kernel calls are inlined, so each loop is a straight,
// vectorisable pass. Only RReLU takes a parameter per element (its random slopes in training);
// the other rows are built without that second loop, which keeps the wasm module smaller.
// Pointers __restrict (every caller passes distinct arrays): without it the compilers version
// each loop with run-time overlap checks and a scalar twin (2 KB of wasm across the table).
template <class K, bool kPerElement>
void forward_loop(const float* __restrict z, float* __restrict y, size_t n, float p, const float* __restrict pe) {
  if constexpr (kPerElement) {
    if (pe != nullptr) {
      for (size_t i = 0; i < n; ++i) y[i] = K::f(z[i], pe[i]);
      return;
    }
  }
  size_t i = 0;
#if defined(__wasm_simd128__)
  if constexpr (requires(fm::F32x4 v) { K::f4(v); }) {  // a kernel with its own 4-lane form (fast_math.hpp)
    for (; i + 4 <= n; i += 4) {
      fm::F32x4 v;
      __builtin_memcpy(&v, z + i, sizeof v);
      v = K::f4(v);
      __builtin_memcpy(y + i, &v, sizeof v);
    }
  }
#endif
  for (; i < n; ++i) y[i] = K::f(z[i], p);
}

template <class K, bool kPerElement>
void backward_loop(const float* __restrict z, const float* __restrict y, const float* __restrict dy,
                   float* __restrict dz, size_t n, float p, const float* __restrict pe) {
  if constexpr (kPerElement) {
    if (pe != nullptr) {
      for (size_t i = 0; i < n; ++i) dz[i] = dy[i] * K::df(z[i], y[i], pe[i]);
      return;
    }
  }
  for (size_t i = 0; i < n; ++i) dz[i] = dy[i] * K::df(z[i], y[i], p);
}

// The affine pass with K applied in its tiles, for kernels with a 4-lane form on 4-lane builds.
// Tanh's tiles take three vectors of points (12 sums in registers): its rational form is long
// enough that more independent work per tile pays (256x256 tanh grid in wasm 4% faster, both
// orders of a paired run); ReLU's cheap apply gained nothing. The bits do not depend on the tile.
template <class K>
struct Lanes4 {
  static constexpr int kPointVectors = std::is_same_v<K, kernels::Tanh> ? 3 : 2;
  template <class V>
  static V apply(V v) { return K::f4(v); }
};

template <class K>
constexpr AffineKernel fused_affine() {
#if defined(__wasm_simd128__)
  if constexpr (requires { K::kFusedIntoAffine; }) return &dense::affine_columns<Lanes4<K>>;
#endif
  return nullptr;
}

// libm reference loops, for the cost table: the textbook way to write each activation.
template <class K>
void ref_forward_loop(const float* z, float* y, size_t n, float p, const float* pe) {
  for (size_t i = 0; i < n; ++i) y[i] = K::template ref<float>(z[i], pe ? pe[i] : p);
}

template <class K>
void ref_backward_loop(const float* z, const float*, const float* dy, float* dz, size_t n, float p,
                       const float* pe) {
  for (size_t i = 0; i < n; ++i) dz[i] = dy[i] * K::template ref_df<float>(z[i], pe ? pe[i] : p);
}

constexpr float kNone = std::numeric_limits<float>::quiet_NaN();

struct RowText {
  ActivationId id;
  const char* name;
  const char* label;
  const char* formula;
};

struct RowParam {
  ParamKind kind = ParamKind::none;
  float value = 0.0f, lo = 0.0f, hi = 0.0f;
};

template <class K, bool kPerElement = false>
constexpr ActivationSpec row(RowText text, ActivationProperties props, float max_derivative,
                             std::array<float, 2> kinks, RowParam param = {}) {
  return ActivationSpec{
      text.id, text.name, text.label, text.formula, props, param.kind, param.value, param.lo, param.hi,
      max_derivative, kinks,
      &K::f, &K::df, &K::dfdp, &forward_loop<K, kPerElement>, &backward_loop<K, kPerElement>,
      &K::template ref<double>, &K::template ref_df<double>, &ref_forward_loop<K>, &ref_backward_loop<K>,
      kPerElement ? nullptr : fused_affine<K>()};
}

// Property columns, in order: bounded_below, bounded_above, zero_centred, negative_outputs,
// saturates_low, saturates_high, monotonic, smooth, exact_zeros, learnable, randomised.
using P = ActivationProperties;
constexpr float kRreluLo = 1.0f / 8.0f, kRreluHi = 1.0f / 3.0f;

const std::array<ActivationSpec, kActivationCount> kTable = {
    row<kernels::Identity>({ActivationId::identity, "identity", "Identity", "x"},
                           P{false, false, true, true, false, false, true, true, false, false, false}, 1.0f,
                           {kNone, kNone}),
    row<kernels::Sigmoid>({ActivationId::sigmoid, "sigmoid", "Sigmoid", "1 / (1 + e^-x)"},
                          P{true, true, false, false, true, true, true, true, false, false, false}, 0.25f,
                          {kNone, kNone}),
    row<kernels::Tanh>({ActivationId::tanh, "tanh", "Tanh", "(e^x - e^-x) / (e^x + e^-x)"},
                       P{true, true, true, true, true, true, true, true, false, false, false}, 1.0f,
                       {kNone, kNone}),
    row<kernels::Relu>({ActivationId::relu, "relu", "ReLU", "max(0, x)"},
                       P{true, false, false, false, false, false, true, false, true, false, false}, 1.0f,
                       {0.0f, kNone}),
    row<kernels::Relu6>({ActivationId::relu6, "relu6", "ReLU6", "min(max(0, x), 6)"},
                        P{true, true, false, false, false, true, true, false, true, false, false}, 1.0f,
                        {0.0f, 6.0f}),
    row<kernels::SlopedRelu>({ActivationId::leaky_relu, "leaky_relu", "Leaky ReLU", "x > 0 ? x : 0.01 x"},
                             P{false, false, false, true, false, false, true, false, false, false, false}, 1.0f,
                             {0.0f, kNone}, {ParamKind::fixed, 0.01f, 0.01f, 0.01f}),
    row<kernels::SlopedRelu>({ActivationId::prelu, "prelu", "PReLU", "x > 0 ? x : a x (a learned per unit)"},
                             P{false, false, false, true, false, false, true, false, false, true, false}, 1.0f,
                             {0.0f, kNone}, {ParamKind::learnable, 0.25f, 0.0f, 0.0f}),
    row<kernels::SlopedRelu, true>({ActivationId::rrelu, "rrelu", "RReLU",
                              "x > 0 ? x : a x (a ~ U(1/8, 1/3) in training, 11/48 in evaluation)"},
                             P{false, false, false, true, false, false, true, false, false, false, true}, 1.0f,
                             {0.0f, kNone}, {ParamKind::randomised, (kRreluLo + kRreluHi) / 2, kRreluLo, kRreluHi}),
    row<kernels::Elu>({ActivationId::elu, "elu", "ELU", "x > 0 ? x : e^x - 1"},
                      P{true, false, false, true, true, false, true, true, false, false, false}, 1.0f,
                      {0.0f, kNone}),  // C1 at 0 (slope 1 both sides), but f'' jumps there
    row<kernels::Selu>({ActivationId::selu, "selu", "SELU", "1.0507 (x > 0 ? x : 1.6733 (e^x - 1))"},
                       P{true, false, false, true, true, false, true, false, false, false, false},
                       static_cast<float>(kernels::kSeluLambda * kernels::kSeluAlpha), {0.0f, kNone}),
    row<kernels::Gelu>({ActivationId::gelu, "gelu", "GELU", "x Phi(x) = x (1 + erf(x / sqrt 2)) / 2"},
                       P{true, false, false, true, true, false, false, true, false, false, false}, 1.1289f,
                       {kNone, kNone}),
    row<kernels::GeluTanh>({ActivationId::gelu_tanh, "gelu_tanh", "GELU (tanh)",
                            "x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2"},
                           P{true, false, false, true, true, false, false, true, false, false, false}, 1.1290f,
                           {kNone, kNone}),
    row<kernels::Swish>({ActivationId::swish, "swish", "Swish / SiLU", "x / (1 + e^-x)"},
                        P{true, false, false, true, true, false, false, true, false, false, false}, 1.0998f,
                        {kNone, kNone}),
    row<kernels::Mish>({ActivationId::mish, "mish", "Mish", "x tanh(ln(1 + e^x))"},
                       P{true, false, false, true, true, false, false, true, false, false, false}, 1.0886f,
                       {kNone, kNone}),
    row<kernels::Softplus>({ActivationId::softplus, "softplus", "Softplus", "ln(1 + e^x)"},
                           P{true, false, false, false, true, false, true, true, false, false, false}, 1.0f,
                           {kNone, kNone}),
    row<kernels::HardSigmoid>({ActivationId::hard_sigmoid, "hard_sigmoid", "Hard sigmoid", "min(max(0, x + 3), 6) / 6"},
                              P{true, true, false, false, false, true, true, false, true, false, false}, 1.0f / 6.0f,
                              {-3.0f, 3.0f}),
    row<kernels::HardSwish>({ActivationId::hard_swish, "hard_swish", "Hard swish", "x min(max(0, x + 3), 6) / 6"},
                            P{true, false, false, true, false, false, false, false, true, false, false}, 1.5f,
                            {-3.0f, 3.0f}),
};

std::string join_names() {
  std::string out;
  for (const auto& spec : kTable) {
    if (!out.empty()) out += ", ";
    out += spec.name;
  }
  return out;
}

}  // namespace

std::span<const ActivationSpec> activation_table() { return kTable; }

const ActivationSpec& activation_spec(ActivationId id) {
  const auto index = static_cast<size_t>(id);
  if (index >= kTable.size()) throw_out_of_range("activation", double(index), 0, double(kTable.size() - 1));
  return kTable[index];
}

std::optional<ActivationId> find_activation(std::string_view name) {
  for (const auto& spec : kTable)
    if (name == spec.name) return spec.id;
  return std::nullopt;
}

std::string_view activation_names() {
  static const std::string names = join_names();
  return names;
}

ActivationId parse_activation(std::string_view name, std::string_view field) {
  if (auto id = find_activation(name)) return *id;
  throw_not_one_of(field, name, std::string(activation_names()));
}

}  // namespace actlab
