#include "optimizer.hpp"

#include <cmath>

namespace actlab {

Optimizer::Optimizer(const OptimizerSettings& settings, size_t parameter_count)
    : s_(settings), n_(parameter_count) {
  const size_t slots = s_.kind == OptimizerKind::adam ? 2 : (s_.kind == OptimizerKind::momentum ? 1 : 0);
  state_.assign(slots * n_, 0.0f);
  staged_.assign(slots * n_, 0.0f);
}

double l2_norm(std::span<const float> values) {
  double sum = 0.0;
  for (float v : values) sum += static_cast<double>(v) * v;
  return std::sqrt(sum);
}

namespace {

// 1 if v is inf or NaN (exponent bits all ones), else 0: an integer test, OR-ed over the update
// loops as they write each value. No early exit and no float compare, so GCC and clang both keep
// those loops vectorised (a bool &= of a float test kept them scalar), and the buffer is not
// read a second time.
inline uint32_t special(float v) {
  return static_cast<uint32_t>((__builtin_bit_cast(uint32_t, v) & 0x7F800000u) == 0x7F800000u);
}

}  // namespace

bool Optimizer::stage(std::span<const float> w, std::span<float> g, std::span<const float> mask,
                      std::span<float> w_out) {
  const size_t n = w.size();
  if (s_.clip_norm > 0.0f) {
    const double norm = l2_norm(g);
    if (norm > s_.clip_norm) {
      const auto factor = static_cast<float>(s_.clip_norm / norm);
      for (size_t i = 0; i < n; ++i) g[i] *= factor;
    }
  }
  if (s_.l2 > 0.0f)
    for (size_t i = 0; i < n; ++i) g[i] += s_.l2 * mask[i] * w[i];
  if (s_.l1 > 0.0f)
    for (size_t i = 0; i < n; ++i) g[i] += s_.l1 * mask[i] * static_cast<float>((w[i] > 0.0f) - (w[i] < 0.0f));
  const float lr = s_.learning_rate;
  uint32_t non_finite = 0;
  switch (s_.kind) {
    case OptimizerKind::sgd:
      for (size_t i = 0; i < n; ++i) {
        const float v = w[i] - lr * g[i];
        w_out[i] = v;
        non_finite |= special(v);
      }
      break;
    case OptimizerKind::momentum: {
      const float mu = s_.momentum;
      const float* v = state_.data();
      float* v_out = staged_.data();
      for (size_t i = 0; i < n; ++i) {
        v_out[i] = mu * v[i] + g[i];
        const float v = w[i] - lr * (s_.nesterov ? g[i] + mu * v_out[i] : v_out[i]);
        w_out[i] = v;
        non_finite |= special(v);
      }
      break;
    }
    case OptimizerKind::adam: {
      staged_beta1_power_ = beta1_power_ * s_.beta1;
      staged_beta2_power_ = beta2_power_ * s_.beta2;
      const auto c1 = static_cast<float>(1.0 - staged_beta1_power_), c2 = static_cast<float>(1.0 - staged_beta2_power_);
      const float b1 = s_.beta1, b2 = s_.beta2;
      const float *m = state_.data(), *v = state_.data() + n_;
      float *m_out = staged_.data(), *v_out = staged_.data() + n_;
      for (size_t i = 0; i < n; ++i) {
        m_out[i] = b1 * m[i] + (1.0f - b1) * g[i];
        v_out[i] = b2 * v[i] + (1.0f - b2) * g[i] * g[i];
        const float v = w[i] - lr * (m_out[i] / c1) / (std::sqrt(v_out[i] / c2) + s_.epsilon);
        w_out[i] = v;
        non_finite |= special(v);
      }
      break;
    }
    case OptimizerKind::count: break;
  }
  return non_finite == 0;
}

void Optimizer::commit() {
  state_.swap(staged_);
  beta1_power_ = staged_beta1_power_;
  beta2_power_ = staged_beta2_power_;
  ++t_;
}

void Optimizer::step(std::span<float> w, std::span<float> g, std::span<const float> mask) {
  stage(w, g, mask, w);
  commit();
}

}  // namespace actlab
