// The method comparison on real data (docs/METHOD.md, "The experiment"):
// every method trains its supernet at the same path-image budget
// (train/supernet_training.h, each in DIR/<method>, resumable). Every method
// then answers with the front of the same evaluation.final_sample uniform
// candidates under its own supernet's estimates, so the fronts are extracted
// alike; methods that train alpha also answer with alpha's front, as a row of
// its own ("prp-alpha"). Two last rows, "cost-only" and "random-estimates",
// are the floors without a supernet (eval/floor_rows.h). Fronts are judged in *true* values: stand-alone test
// accuracy at the ground truth's fidelity and table costs. Front
// architectures the ground truth lacks are trained stand-alone at that
// fidelity into DIR/ground_truth.csv (resumable), so the true front is the
// non-dominated set of everything known.
//
// The three phases are separate so that several seeds (eval/experiment_seeds.h)
// train first, complete one ground truth together, and are all judged
// against the same true front.
#ifndef PRPNAS_EVAL_EXPERIMENT_H_
#define PRPNAS_EVAL_EXPERIMENT_H_

#include <cstdio>
#include <map>
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

// Phase 1: trains (or resumes) every method into dir/<method>; the rows of
// the results without their true-value figures. Throws ConfigError when the
// truth's fidelity does not fit the runs, before any training.
std::vector<MethodOutcome> train_methods(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                         const std::string& dir, std::FILE* progress);

// Phase 2: every front architecture of `methods` that neither the truth nor
// `cache` (a ground-truth CSV at the truth's fidelity) holds is trained
// stand-alone into `cache`. Returns arch -> stand-alone test accuracy of
// everything known; `trained` is how many were trained now.
std::map<std::string, double> complete_ground_truth(const ExperimentInputs& inputs,
                                                    const std::vector<MethodOutcome>& methods,
                                                    const std::string& cache, std::FILE* progress,
                                                    std::size_t& trained);

// Phase 3: judges `methods` against `known` and writes dir/results.csv,
// results.json (with the reference points) and results.md; `trained` (from
// phase 2) is recorded.
ExperimentOutcome judge_methods(std::vector<MethodOutcome> methods, const std::map<std::string, double>& known,
                                std::size_t trained, const ExperimentInputs& inputs, const std::string& dir);

// All three for one seed, with the cache DIR/ground_truth.csv; the report
// is eval/experiment_report.h's. `progress` gets progress lines (nullptr: silent).
ExperimentOutcome run_experiment(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                 const std::string& dir, std::FILE* progress);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_EXPERIMENT_H_
