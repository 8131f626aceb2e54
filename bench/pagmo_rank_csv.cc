// The peer of `prpnas pareto rank` as a whole process: the same CSV in and
// out, ranked by pagmo's fast_non_dominated_sorting (Deb's O(M N^2)
// algorithm) in a C++ program without libtorch. bench/whole_process_ranking.sh
// times both side by side.
//
//   pagmo_rank_csv INPUT OUTPUT MAXIMISED_COLUMN MINIMISED_COLUMN
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <pagmo/utils/multi_objective.hpp>

#include "prpnas/util/csv.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: pagmo_rank_csv INPUT OUTPUT MAXIMISED_COLUMN MINIMISED_COLUMN\n");
    return 2;
  }
  try {
    prpnas::CsvTable table = prpnas::read_csv(argv[1]);
    const std::vector<double> maximised = table.numbers(argv[3]), minimised = table.numbers(argv[4]);
    std::vector<pagmo::vector_double> points;
    for (std::size_t i = 0; i < maximised.size(); ++i) points.push_back({-maximised[i], minimised[i]});
    const auto fronts = std::get<0>(pagmo::fast_non_dominated_sorting(points));
    std::vector<std::size_t> rank(points.size());
    for (std::size_t f = 0; f < fronts.size(); ++f) {
      for (auto i : fronts[f]) rank[i] = f + 1;
    }
    table.header.push_back("pareto_rank");
    for (std::size_t i = 0; i < table.rows.size(); ++i) table.rows[i].push_back(std::to_string(rank[i]));
    prpnas::write_csv_file(argv[2], table);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pagmo_rank_csv: %s\n", e.what());
    return 1;
  }
  return 0;
}
