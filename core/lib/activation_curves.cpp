#include "activation_curves.hpp"

#include <cmath>

#include "field_error.hpp"

namespace actlab {
namespace {

void validate(const CurveSettings& s) {
  for (const auto& name : s.activations) parse_activation(name, "activations");  // names the bad one
  if (s.activations.size() > activation_table().size())
    throw_out_of_range("activations", double(s.activations.size()), 0, double(activation_table().size()));
  if (!(std::fabs(s.x_min) <= kMaxCurveAbsX)) throw_out_of_range("x_min", s.x_min, -kMaxCurveAbsX, kMaxCurveAbsX);
  if (!(std::fabs(s.x_max) <= kMaxCurveAbsX)) throw_out_of_range("x_max", s.x_max, -kMaxCurveAbsX, kMaxCurveAbsX);
  if (!(s.x_min < s.x_max)) throw_out_of_range("x_max", s.x_max, s.x_min, kMaxCurveAbsX, " (above x_min)");
  if (s.points < kMinCurvePoints || s.points > kMaxCurvePoints)
    throw_out_of_range("points", s.points, kMinCurvePoints, kMaxCurvePoints);
}

ActivationCurve evaluate(const ActivationSpec& spec, const std::vector<float>& x) {
  ActivationCurve c;
  c.id = spec.id;
  c.max_derivative = spec.max_derivative;
  c.x = x;
  c.f.resize(x.size());
  c.df.resize(x.size());
  const std::vector<float> ones(x.size(), 1.0f);
  // p per element is null: RReLU then uses its fixed evaluation slope, as diagnose() does.
  spec.forward(x.data(), c.f.data(), x.size(), spec.param_default, nullptr);
  spec.backward(x.data(), c.f.data(), ones.data(), c.df.data(), x.size(), spec.param_default, nullptr);
  return c;
}

}  // namespace

std::vector<ActivationCurve> activation_curves(const CurveSettings& settings) {
  validate(settings);
  std::vector<float> x(size_t(settings.points));
  const double step = (double(settings.x_max) - double(settings.x_min)) / double(settings.points - 1);
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(double(settings.x_min) + double(i) * step);
  x.back() = settings.x_max;
  std::vector<ActivationCurve> out;
  if (settings.activations.empty()) {
    for (const auto& spec : activation_table()) out.push_back(evaluate(spec, x));
  } else {
    for (const auto& name : settings.activations) out.push_back(evaluate(activation_spec(parse_activation(name)), x));
  }
  return out;
}

}  // namespace actlab
