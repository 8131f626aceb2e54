// One numeric column of several CSV files joined on a key column: what
// `prpnas stats agreement` judges across seeds.
#ifndef PRPNAS_RUN_JOINED_COLUMN_H_
#define PRPNAS_RUN_JOINED_COLUMN_H_

#include <string>
#include <vector>

namespace prpnas::run {

// values[row][file] of `column` for the `key` values every file has, in the
// first file's order (those keys into `keys` when given). Throws DataError
// naming file and line for a key that appears twice in a file, and as
// read_csv and CsvTable::numbers do.
std::vector<std::vector<double>> joined_column(const std::vector<std::string>& inputs, const std::string& key,
                                               const std::string& column, std::vector<std::string>* keys = nullptr);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_JOINED_COLUMN_H_
