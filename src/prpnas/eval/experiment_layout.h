// Every path of an experiment directory (`prpnas experiment`, supernet or
// tabular) comes from here, as train/run_layout.h names a training run's:
// the results and report, the plots, the LUT and the ground truth trained
// for the experiment, and one training run directory per method.
// docs/FORMATS.md describes each file.
#ifndef PRPNAS_EVAL_EXPERIMENT_LAYOUT_H_
#define PRPNAS_EVAL_EXPERIMENT_LAYOUT_H_

#include <cstdint>
#include <string>

#include "prpnas/train/run_layout.h"

namespace prpnas::eval {

class ExperimentLayout {
 public:
  explicit ExperimentLayout(std::string dir) : dir_(std::move(dir)) {}

  const std::string& dir() const { return dir_; }
  std::string config() const { return file("config.toml"); }
  std::string lut() const { return file("lut.csv"); }
  // Stand-alone results of front architectures the configured truth lacked.
  std::string ground_truth() const { return file("ground_truth.csv"); }
  std::string results_csv() const { return file("results.csv"); }
  std::string results_json() const { return file("results.json"); }
  std::string results_md() const { return file("results.md"); }
  std::string report() const { return file("report.html"); }
  // A plot of the report, e.g. "fronts.svg" (its PNG copy sits beside it).
  std::string plot(const std::string& name) const { return file(name); }
  // A method's folder: a complete training run directory (supernet mode).
  train::RunLayout run(const std::string& method) const { return train::RunLayout(file(method)); }

  // With --seeds: one complete experiment directory per seed, and the
  // summary over them (eval/seed_summary.h) in this one.
  std::string seed(std::uint64_t seed) const { return file("seed-" + std::to_string(seed)); }
  std::string seeds_csv() const { return file("seeds.csv"); }
  std::string paired_csv() const { return file("paired.csv"); }

  // Tabular mode: the true front, and PRP's alpha front and S sweep.
  std::string true_front() const { return file("true_front.csv"); }
  std::string alpha_front() const { return file("prp/alpha_front.csv"); }
  std::string sample_sweep() const { return file("prp/sample_sweep.csv"); }

 private:
  std::string file(const std::string& name) const { return dir_ + "/" + name; }

  std::string dir_;
};

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_EXPERIMENT_LAYOUT_H_
