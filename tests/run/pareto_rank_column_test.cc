#include "prpnas/run/pareto_rank_column.h"

#include <gtest/gtest.h>

namespace prpnas::run {
namespace {

TEST(ParetoRankColumn, AppendsRanksAndReplacesAnOldColumn) {
  CsvTable table;
  table.header = {"arch", "acc"};
  table.rows = {{"a", "1"}, {"b", "2"}};
  const CsvTable ranked = with_pareto_rank_column(table, {2, 1});
  EXPECT_EQ(ranked.header, (std::vector<std::string>{"arch", "acc", "pareto_rank"}));
  EXPECT_EQ(ranked.rows, (std::vector<std::vector<std::string>>{{"a", "1", "2"}, {"b", "2", "1"}}));

  CsvTable old;
  old.header = {"pareto_rank", "arch"};
  old.rows = {{"7", "a"}, {"9", "b"}};
  const CsvTable again = with_pareto_rank_column(old, {1, 1});
  EXPECT_EQ(again.header, (std::vector<std::string>{"arch", "pareto_rank"}));
  EXPECT_EQ(again.rows, (std::vector<std::vector<std::string>>{{"a", "1"}, {"b", "1"}}));
}

}  // namespace
}  // namespace prpnas::run
