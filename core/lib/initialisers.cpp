#include "initialisers.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

#include "field_error.hpp"

namespace actlab {
namespace {

// Biases start at zero except in the Playground scheme, which copies TensorFlow Playground (0.1).
constexpr std::array<InitialiserInfo, static_cast<size_t>(InitScheme::count)> kInitialisers = {{
    {InitScheme::playground, "U(-0.5, 0.5), bias 0.1 (TensorFlow Playground)", 0.1f},
    {InitScheme::normal, "N(0, 1), bias 0: too large for deep nets", 0.0f},
    {InitScheme::xavier, "Glorot uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out)), bias 0", 0.0f},
    {InitScheme::xavier_normal, "Glorot normal: N(0, 2 / (fan_in + fan_out)), bias 0", 0.0f},
    {InitScheme::he, "He normal: N(0, 2 / fan_in), bias 0", 0.0f},
    {InitScheme::he_uniform, "He uniform: U(-a, a), a = sqrt(6 / fan_in), bias 0", 0.0f},
    {InitScheme::lecun, "LeCun normal: N(0, 1 / fan_in), bias 0", 0.0f},
}};

}  // namespace

const InitialiserInfo& initialiser_info(InitScheme scheme) {
  const auto i = static_cast<size_t>(scheme);
  if (i >= kInitialisers.size()) throw_out_of_range("init", double(i), 0, double(kInitialisers.size() - 1));
  return kInitialisers[i];
}

void initialise_layer(InitScheme scheme, int in, int out, Pcg32& rng, float* weights, float* biases) {
  const auto fan_in = static_cast<float>(in), fan_out = static_cast<float>(out);
  const size_t count = static_cast<size_t>(in) * out;
  const auto uniform = [&](float a) { for (size_t i = 0; i < count; ++i) weights[i] = rng.uniform(-a, a); };
  const auto normal = [&](float sd) { for (size_t i = 0; i < count; ++i) weights[i] = rng.normal(0.0f, sd); };
  switch (scheme) {
    case InitScheme::playground: uniform(0.5f); break;
    case InitScheme::normal: normal(1.0f); break;
    case InitScheme::xavier: uniform(std::sqrt(6.0f / (fan_in + fan_out))); break;
    case InitScheme::xavier_normal: normal(std::sqrt(2.0f / (fan_in + fan_out))); break;
    case InitScheme::he: normal(std::sqrt(2.0f / fan_in)); break;
    case InitScheme::he_uniform: uniform(std::sqrt(6.0f / fan_in)); break;
    case InitScheme::lecun: normal(std::sqrt(1.0f / fan_in)); break;
    case InitScheme::count: throw_not_one_of("init", "count", "the schemes of the initialiser table");
  }
  for (int j = 0; j < out; ++j) biases[j] = initialiser_info(scheme).bias;
}

}  // namespace actlab
