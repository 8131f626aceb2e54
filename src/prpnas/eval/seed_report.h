// What a person opens after `prpnas experiment --seeds`: DIR/report.html with
// every method's mean and 95 % interval per metric, PRP against each
// baseline with paired p-values, one interval chart per metric
// (DIR/seeds_<metric>.svg and its PNG), and DIR/seeds.md (the table).
#ifndef PRPNAS_EVAL_SEED_REPORT_H_
#define PRPNAS_EVAL_SEED_REPORT_H_

#include <string>
#include <vector>

#include "prpnas/eval/seed_summary.h"

namespace prpnas::eval {

struct SeedReportContext {
  std::string title;        // e.g. "prpnas tabular experiment, 20 seeds"
  std::string setting;      // one paragraph: objectives, budget, what was judged
  std::string command;      // the command that made it
};

// `metrics` are those of `summary`, in the order to show them.
void write_seed_report(const std::string& dir, const SeedSummary& summary, const std::vector<MetricSense>& metrics,
                       const SeedReportContext& context);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_SEED_REPORT_H_
