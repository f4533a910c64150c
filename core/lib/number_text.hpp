#pragma once
// Numbers as error messages and JSON show them: the shortest text that reads back as the same
// value (as the same float when the value is one, so 0.95f prints "0.95", not "0.949999988"),
// whole numbers in plain digits ("1000000", not "1e+06"), and "nan", "inf", "-inf" by name.
#include <string>

namespace actlab {

std::string format_number(double value);

}  // namespace actlab
