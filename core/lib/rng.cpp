#include "rng.hpp"

#include <cmath>

namespace actlab {

double Pcg32::sqrt_(double x) { return std::sqrt(x); }

double Pcg32::log_(double x) {
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); log(m) = 2 atanh(t), t = (m-1)/(m+1), |t| < 0.172.
  int e = 0;
  double m = std::frexp(x, &e);  // exact: m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    e -= 1;
  }
  const double t = (m - 1.0) / (m + 1.0);
  const double t2 = t * t;
  // Series to t^23: the next term is below 2^-60 relative for |t| < 0.172.
  double sum = 1.0 / 23.0;
  for (int k = 21; k >= 1; k -= 2) sum = 1.0 / k + t2 * sum;
  return 2.0 * t * sum + static_cast<double>(e) * 0.69314718055994530942;
}

}  // namespace actlab
