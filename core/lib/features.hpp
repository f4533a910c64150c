#pragma once
// Turns raw (x, y) points into the first layer's inputs, neuron-major: out[f * n + i] is feature f
// of point i, so every later loop runs over independent points and vectorises.
#include <cstddef>
#include <span>

#include "config.hpp"

namespace actlab {

void expand_features(std::span<const Feature> features, const float* x, const float* y, size_t n, float* out);

}  // namespace actlab
