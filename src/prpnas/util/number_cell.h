// A measured number as a table cell: 6 significant digits, empty when it is
// NaN or infinite (undefined, e.g. Kendall tau-b of a constant score), so
// that readers see "no value" rather than "nan".
#ifndef PRPNAS_UTIL_NUMBER_CELL_H_
#define PRPNAS_UTIL_NUMBER_CELL_H_

#include <string>

namespace prpnas {

std::string number_cell(double value);

}  // namespace prpnas

#endif  // PRPNAS_UTIL_NUMBER_CELL_H_
