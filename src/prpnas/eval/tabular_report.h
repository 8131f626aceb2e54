// What a person opens after a tabular experiment: DIR/fronts.svg (every
// method's front over the true front and all cells), DIR/alpha.svg (PRP's
// alpha at the end, pruned choices blank), DIR/results.md (the table) and
// DIR/report.html (all of it in one self-contained page, with the front's
// architectures and the settings).
#ifndef PRPNAS_EVAL_TABULAR_REPORT_H_
#define PRPNAS_EVAL_TABULAR_REPORT_H_

#include <string>

#include "prpnas/eval/tabular_experiment.h"

namespace prpnas::eval {

// `command` is the command line that made the experiment, shown in the report.
void write_tabular_report(const std::string& dir, const space::SearchSpace& space, const TabularProblem& problem,
                          const TabularExperimentOptions& options, const TabularExperiment& experiment,
                          const std::string& command);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_TABULAR_REPORT_H_
