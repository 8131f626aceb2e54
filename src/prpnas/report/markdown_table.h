// GitHub-flavoured Markdown pipe tables, for results.md: readable as plain
// text and rendered as a table on GitHub.
#ifndef PRPNAS_REPORT_MARKDOWN_TABLE_H_
#define PRPNAS_REPORT_MARKDOWN_TABLE_H_

#include <string>
#include <vector>

namespace prpnas::report {

// "| a | b |\n| --- | ---: |\n| x | 1.5 |\n". `|` in a cell is escaped as
// `\|`, line breaks become spaces (a row is one line). A column whose
// non-empty cells all look numeric (see looks_numeric) is right-aligned.
// Throws ConfigError when the header is empty or a row is not as wide as it.
std::string markdown_table(const std::vector<std::string>& header,
                           const std::vector<std::vector<std::string>>& rows);

}  // namespace prpnas::report

#endif  // PRPNAS_REPORT_MARKDOWN_TABLE_H_
