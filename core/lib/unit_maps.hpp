#pragma once
// Every hidden unit's output over the plane, in one call: the small per-unit maps the page draws
// (as TensorFlow Playground's neuron thumbnails), with each unit's state over the training set,
// so a reader sees ReLU units die and sigmoid units go flat.
//
// Fixed, documented definitions (the same rules as diagnostics.hpp, per unit), over EVERY training
// point, the points diagnose() judges, so the why view's dead-unit count and the crossed-out maps
// always agree (a forward pass only: cheaper than diagnose()'s forward and backward):
// - dead: output exactly 0 for every training point.
// - saturated: not dead, and for at least kSaturatedUnitShare of those points the unit is
//   saturated by diagnostics' rule (z in a flat tail of the activation, |f'(z)| <
//   kSaturationThreshold, output not exactly 0).
#include <cstdint>
#include <vector>

#include "diagnostics.hpp"
#include "network.hpp"

namespace actlab {

inline constexpr int kMinUnitMapSide = 2, kMaxUnitMapSide = 64;
inline constexpr double kSaturatedUnitShare = 0.9;

enum class UnitState : uint8_t { live = 0, dead = 1, saturated = 2 };

struct UnitMaps {
  int width = 0, height = 0;
  std::vector<int> layer_units;  // units per hidden layer, input side first
  // Unit u (hidden layers in order, units in order) at cell (row, col) of the grid:
  // values[u * width * height + row * width + col]; the cells are GridSpec's (row 0 at y_max).
  std::vector<float> values;
  std::vector<UnitState> states;  // one per unit, same order
};

// Evaluation mode (RReLU at its mean slope); nothing is updated. Throws std::invalid_argument
// naming "width"/"height" when a side is outside [kMinUnitMapSide, kMaxUnitMapSide].
UnitMaps compute_unit_maps(Network& network, const GridSpec& grid);

}  // namespace actlab
