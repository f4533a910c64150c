#include "number_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace actlab {

std::string format_number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {  // whole numbers in plain digits: "10", not "1e+01"
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
  }
  const bool is_float = static_cast<double>(static_cast<float>(v)) == v;
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    const double back = std::strtod(buf, nullptr);
    if (back == v || (is_float && static_cast<float>(back) == static_cast<float>(v))) break;
  }
  return buf;
}

}  // namespace actlab
