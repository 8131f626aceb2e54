// The mean of several runs that differ only in their seed (`prpnas stats
// mean`): e.g. three ground-truth files of the same cells averaged into one
// truth whose order seed noise decides less.
#ifndef PRPNAS_RUN_MEAN_TABLE_H_
#define PRPNAS_RUN_MEAN_TABLE_H_

#include <string>
#include <vector>

#include "prpnas/util/csv.h"

namespace prpnas::run {

// One row per `key` value that every input holds (the first input's order):
// the key, then for each column its mean and `<column>_sd` (the standard
// deviation over the inputs, n - 1), and `seeds` (the number of inputs).
// Throws ConfigError for fewer than 2 inputs or no column, and as
// joined_column does.
CsvTable mean_table(const std::vector<std::string>& inputs, const std::string& key,
                    const std::vector<std::string>& columns);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_MEAN_TABLE_H_
