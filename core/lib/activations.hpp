#pragma once
// The activation table: one row per activation. The network, the tests, the CLI, the JS
// bindings and the page menus all read this table, so a new activation is one new row
// (plus its kernel struct in activation_kernels.hpp) and is tested automatically.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace actlab {

enum class ActivationId : uint8_t {
  identity, sigmoid, tanh, relu, relu6, leaky_relu, prelu, rrelu, elu, selu,
  gelu, gelu_tanh, swish, mish, softplus, hard_sigmoid, hard_swish, count
};
inline constexpr size_t kActivationCount = static_cast<size_t>(ActivationId::count);

// What the per-unit parameter p of an activation means.
enum class ParamKind : uint8_t {
  none,        // p is ignored
  fixed,       // a constant slope (Leaky ReLU's 0.01)
  learnable,   // one slope per unit, trained like a weight (PReLU, initial 0.25)
  randomised,  // RReLU: drawn per element from U(param_lo, param_hi) while training,
               // fixed at the mean (param_default) when evaluating
};

struct ActivationProperties {
  bool bounded_below;      // output has a finite lower bound
  bool bounded_above;      // output has a finite upper bound
  bool zero_centred;       // odd function, f(-x) = -f(x): activations average near zero
  bool negative_outputs;   // can output negative values (pulls mean activations towards zero)
  bool saturates_low;      // f'(x) -> 0 as x -> -inf while the output stays non-zero
  bool saturates_high;     // f'(x) -> 0 as x -> +inf (the vanishing-gradient culprit)
  bool monotonic;
  bool smooth;             // continuously differentiable everywhere
  bool exact_zeros;        // outputs exactly 0 on a half-line: sparse codes, and dead units
  bool learnable;          // has trained parameters (PReLU)
  bool randomised;         // random while training (RReLU)
  bool saturating() const { return saturates_low || saturates_high; }
  bool bounded() const { return bounded_below && bounded_above; }
};

// Array kernels: n elements; p is the parameter for every element unless p_per_element is
// non-null, which only rows with ParamKind::randomised (RReLU in training) honour. Backward writes dz = dy * f'(z), given input z and output y.
// The arrays must not overlap (the loops are __restrict, so that they vectorise).
using ForwardKernel = void (*)(const float* z, float* y, size_t n, float p, const float* p_per_element);
using AffineKernel = void (*)(const float* wt, const float* b, const float* x, float* y, int in, int out, size_t stride);
using BackwardKernel = void (*)(const float* z, const float* y, const float* dy, float* dz, size_t n,
                                float p, const float* p_per_element);

struct ActivationSpec {
  ActivationId id;
  const char* name;     // stable identifier: URLs, CLI, JS ("leaky_relu")
  const char* label;    // human label ("Leaky ReLU")
  const char* formula;  // plain-text formula for tooltips
  ActivationProperties props;
  ParamKind param_kind;
  float param_default;             // p when not learnable/random; PReLU's initial slope
  float param_lo, param_hi;        // RReLU's sampling range
  float max_derivative;            // sup |f'(x)|: 0.25 for sigmoid is the vanishing-gradient story
  std::array<float, 2> kinks;      // where f' or f'' jumps (finite-difference tests skip them); NaN = unused
  // Fast scalar kernels (float, own math, vectorisable when inlined into the array loops).
  float (*f)(float x, float p);
  float (*df)(float x, float y, float p);    // d f / d x, given input x and output y = f(x)
  float (*dfdp)(float x, float y, float p);  // d f / d p (non-zero only where p matters)
  ForwardKernel forward;
  BackwardKernel backward;
  // libm reference: the closed form, in double for the tests and in float for the cost table.
  double (*ref)(double x, double p);
  double (*ref_df)(double x, double p);
  ForwardKernel ref_forward;    // float, libm (std::exp, std::tanh, std::erf...)
  BackwardKernel ref_backward;  // float, libm, derivative recomputed from z
  // y = f(W x + b) in one pass (weights column-major, as dense::affine_columns takes them; p fixed
  // at its default), the same bits as the affine pass then `forward`; nullptr for most: only ReLU
  // has one, and only in WebAssembly (its separate pass over the outputs was a fifth of a grid).
  AffineKernel affine_forward;
};

std::span<const ActivationSpec> activation_table();
const ActivationSpec& activation_spec(ActivationId id);
std::optional<ActivationId> find_activation(std::string_view name);
// Like find_activation, but throws std::invalid_argument naming `field`, the value and the choices.
ActivationId parse_activation(std::string_view name, std::string_view field = "activation");
// "identity, sigmoid, ..." for error messages and help text.
std::string_view activation_names();

}  // namespace actlab
