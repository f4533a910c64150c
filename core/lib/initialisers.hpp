#pragma once
// Weight initialisation schemes, one table row each (name in config.cpp's choice list).
#include "config.hpp"
#include "rng.hpp"

namespace actlab {

struct InitialiserInfo {
  InitScheme scheme;
  const char* description;  // formula, for help text and the page
  float bias;               // every scheme sets all biases to this constant
};

const InitialiserInfo& initialiser_info(InitScheme scheme);

// Fills an out x in weight matrix (row-major) and out biases, drawing from rng in row-major order.
void initialise_layer(InitScheme scheme, int in, int out, Pcg32& rng, float* weights, float* biases);

}  // namespace actlab
