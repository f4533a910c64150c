#include "features.hpp"

#include "fast_math.hpp"

namespace actlab {

void expand_features(std::span<const Feature> features, const float* x, const float* y, size_t n, float* out) {
  for (size_t f = 0; f < features.size(); ++f) {
    float* row = out + f * n;
    switch (features[f]) {
      case Feature::x: for (size_t i = 0; i < n; ++i) row[i] = x[i]; break;
      case Feature::y: for (size_t i = 0; i < n; ++i) row[i] = y[i]; break;
      case Feature::x_squared: for (size_t i = 0; i < n; ++i) row[i] = x[i] * x[i]; break;
      case Feature::y_squared: for (size_t i = 0; i < n; ++i) row[i] = y[i] * y[i]; break;
      case Feature::x_times_y: for (size_t i = 0; i < n; ++i) row[i] = x[i] * y[i]; break;
      case Feature::sin_x: for (size_t i = 0; i < n; ++i) row[i] = fm::sin(x[i]); break;
      case Feature::sin_y: for (size_t i = 0; i < n; ++i) row[i] = fm::sin(y[i]); break;
      case Feature::count: break;
    }
  }
}

}  // namespace actlab
