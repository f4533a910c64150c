#pragma once
// What the "why" view shows, computed in one call over the whole training set in evaluation mode
// (RReLU at its mean slope), on the network's current parameters. Nothing is updated.
//
// Fixed, documented definitions:
// - Gradients are of the mean cross-entropy over the training set.
// - weight_grad_norm: L2 norm of dL/dW of the layer (weights only, biases apart).
// - preact_grad_norm: L2 norm of dL/dz over all units and points of the layer, z the pre-activations.
// - gradient histogram: log10 |dL/dW| per weight, kGradBins bins of equal width over
//   [kGradLogMin, kGradLogMax]; values outside go to the end bins; exact zeros are counted apart.
// - activation histogram: outputs over all units and points, kActBins bins over [kActMin, kActMax],
//   clamped into the end bins.
// - zero_fraction: share of (unit, point) outputs exactly 0.0.
// - dead unit: output exactly 0 for every training point (no gradient can reach its weights).
//   unit_maps.cpp judges its units' states on the same points (all of the training set).
// - saturated: z lies in a flat tail of the activation (a side where its properties say it
//   saturates: sigmoid and tanh both, ELU and GELU below, ReLU6 above), |f'(z)| < kSaturationThreshold,
//   and the output is not exactly zero: the unit passes a value but (almost) no gradient. Leaky
//   ReLU's 0.01 slope is a design choice, not a tail, so it never counts; exact zeros are counted
//   by zero_fraction instead, so the two never overlap.
// - zero_input_fraction (every layer): share of the layer's multiply-adds (inputs x units x points)
//   whose input is exactly 0.0: the previous hidden layer's exact zeros (the features' for the
//   first layer). zero_multiply_add_fraction: the same share over all layers' multiply-adds
//   together. That is work a sparse kernel could skip; the dense kernels here (and most
//   libraries') do every one of them.
#include <cstdint>
#include <string>
#include <vector>

#include "network.hpp"

namespace actlab {

inline constexpr int kGradBins = 28;
inline constexpr float kGradLogMin = -12.0f, kGradLogMax = 2.0f;  // half-decade bins
inline constexpr int kActBins = 48;
inline constexpr float kActMin = -3.0f, kActMax = 3.0f;           // 0.125 wide
inline constexpr float kSaturationThreshold = 0.02f;

struct LayerDiagnostics {
  int units = 0;
  std::string activation;  // table name, or "softmax" for the output layer
  double weight_norm = 0, weight_grad_norm = 0, bias_grad_norm = 0, preact_grad_norm = 0;
  std::vector<uint32_t> grad_histogram;  // kGradBins counts
  uint32_t grad_zeros = 0;               // weights whose gradient is exactly 0
  // Hidden layers only (zero for the output layer):
  std::vector<uint32_t> activation_histogram;  // kActBins counts
  double zero_fraction = 0, saturated_fraction = 0, dead_fraction = 0, mean_activation = 0;
  int dead_units = 0;
  double zero_input_fraction = 0;  // every layer, the output layer included
};

// The hidden layers taken together, from the same counts as the per-layer figures, so no caller
// re-derives them: the shares are over every (hidden unit, point) output, i.e. each layer weighted
// by its units.
struct HiddenTotals {
  int units = 0, dead_units = 0;
  double zero_fraction = 0, saturated_fraction = 0;
};

struct Diagnostics {
  int64_t step = 0;
  bool diverged = false;
  Metrics metrics;
  std::vector<LayerDiagnostics> layers;  // input side first; the last is the softmax output layer
  double first_last_grad_ratio = 0;      // weight_grad_norm of the first layer / of the last
  double zero_multiply_add_fraction = 0; // share of all the forward pass's multiply-adds by an exact 0
  HiddenTotals hidden;                   // all zero (units 0) for a net without hidden layers
};

Diagnostics diagnose(Network& network);

}  // namespace actlab
