// What a person opens after `prpnas experiment --config`: DIR/report.html
// (one self-contained page) and the plots it shows, each also a .svg file:
//   fronts.svg        every method's front in true values over the true front
//                     and every known architecture;
//   kendall.svg       Kendall tau-b of the supernet's Pareto ranks (and of
//                     PRP's score P) against the ground truth over training;
//   hypervolume.svg   the hypervolume of each method's current front
//                     (estimated values) over training;
//   alpha_start.svg, alpha_middle.svg, alpha_end.svg
//                     PRP's alpha through Step 2 on one colour scale,
//                     pruned choices blank;
//   pruning.svg       alive choices over PRP's training;
// each with a .png copy where rsvg-convert is installed (report/png_copy.h).
// The page also has the table, each front's architectures (native strings)
// with their true values, the configuration and the machine. The training
// curves come from DIR/<method>/log.csv and alpha_history.csv; a method
// without them is left out of those plots, not an error.
#ifndef PRPNAS_EVAL_EXPERIMENT_REPORT_H_
#define PRPNAS_EVAL_EXPERIMENT_REPORT_H_

#include <string>

#include "prpnas/eval/experiment_outcome.h"

namespace prpnas::eval {

struct ReportContext {
  std::string command;  // the command line that made the experiment
  std::string config;   // the effective configuration (TOML text)
  std::string machine;  // where latency was measured (JSON text); may be empty
  std::string notice;   // shown under the setting when not empty (run::cost_source_notice)
};

void write_experiment_report(const std::string& dir, const ExperimentOutcome& outcome, const ReportContext& context);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_EXPERIMENT_REPORT_H_
