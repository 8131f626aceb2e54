#include "prpnas/util/number_cell.h"

#include <cmath>

#include <fmt/core.h>

namespace prpnas {

std::string number_cell(double value) { return std::isfinite(value) ? fmt::format("{:.6g}", value) : ""; }

}  // namespace prpnas
