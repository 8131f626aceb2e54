// The method comparison on real data (docs/METHOD.md, "The experiment"):
// every method trains its supernet at the same path-image budget
// (train/supernet_training.h, each in DIR/<method>, resumable), its final
// front (PRP: from alpha; baselines: the non-dominated of their
// final_sample estimates) is judged with *true* objective values: stand-alone
// test accuracy at the ground truth's fidelity and LUT latency. Front
// architectures the ground truth lacks are trained stand-alone at that
// fidelity into DIR/ground_truth.csv (resumable), so the true front is the
// non-dominated set of everything known.
#ifndef PRPNAS_EVAL_EXPERIMENT_H_
#define PRPNAS_EVAL_EXPERIMENT_H_

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/data/image_dataset.h"
#include "prpnas/eval/experiment_outcome.h"
#include "prpnas/train/supernet_training.h"
#include "prpnas/train/training_plan.h"

namespace prpnas::eval {

struct ExperimentInputs {
  train::TrainingInputs training_inputs;  // network, LUT, truth (valid accuracy) and rank table
  train::TrainingOptions training;        // method is set per method
  std::vector<train::Method> methods = {train::Method::kPrp, train::Method::kFairnas, train::Method::kSpos,
                                        train::Method::kPrpNoPruning};
  std::string truth_path;  // stand-alone results (arch,valid_acc,test_acc,...) with a FILE.json fidelity
  int jobs = 2;            // stand-alone trainings at once
};

// Runs (or resumes) everything into `dir` and writes results.csv,
// results.json (with the reference point), results.md and <method>/ (the
// run); the report is eval/experiment_report.h's. `progress` gets progress lines (nullptr: silent).
ExperimentOutcome run_experiment(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                          const std::string& dir, std::FILE* progress);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_EXPERIMENT_H_
