#pragma once
// Number formatting shared by the reporters, the trainers and the eval commands.
#include <cstdio>
#include <string>

namespace framelens {

// "0.123": three decimals, the precision of the figures the eval commands and reports print.
inline std::string fmt3(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", x);
  return b;
}

}  // namespace framelens
