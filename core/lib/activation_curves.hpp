#pragma once
// The curves figure's data: f(x) and f'(x) of activations over an evenly spaced range of x,
// computed by the same array kernels training uses (ActivationSpec::forward and ::backward with
// dy = 1, the parameter at its evaluation value), so the plot shows the lab's arithmetic, not a
// second formula. Each curve carries the table's bound on |f'| (0.25 for sigmoid, 1 for tanh and
// ReLU): the best case of the product of slopes across n layers is max|f'|^n.
#include <string>
#include <vector>

#include "activations.hpp"

namespace actlab {

inline constexpr int kMinCurvePoints = 2, kMaxCurvePoints = 4096;
inline constexpr float kMaxCurveAbsX = 100.0f;

struct CurveSettings {
  std::vector<std::string> activations;  // table names; empty: every row
  float x_min = -6.0f, x_max = 6.0f;     // in [-kMaxCurveAbsX, kMaxCurveAbsX], x_min < x_max
  int points = 241;                      // [kMinCurvePoints, kMaxCurvePoints], both ends included
};

struct ActivationCurve {
  ActivationId id;
  float max_derivative = 0;  // the table's sup |f'(x)|
  std::vector<float> x, f, df;
};

// Validates settings (FieldError naming activations, x_min, x_max or points), then evaluates.
// x[i] = x_min + i (x_max - x_min) / (points - 1), computed in double and rounded once.
std::vector<ActivationCurve> activation_curves(const CurveSettings& settings);

}  // namespace actlab
