// A ground-truth run (`prpnas ground-truth`): which architectures to train
// stand-alone, which of them the file already holds, and training the rest.
// Re-running the same request resumes.
#ifndef PRPNAS_RUN_GROUND_TRUTH_RUN_H_
#define PRPNAS_RUN_GROUND_TRUTH_RUN_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/eval/standalone.h"
#include "prpnas/space/search_space.h"

namespace prpnas::run {

struct GroundTruthRequest {
  std::string archs_file;  // one native string a line; "" = draw `samples`
  int samples = 0;         // distinct architectures drawn uniformly with fidelity.train.seed
  std::string out;         // the ground-truth CSV (its settings in OUT.json)
  int jobs = 1;            // architectures trained at once
  eval::Fidelity fidelity;  // fidelity.space names the search space
};

// The architectures of a request: the file's when it names one, else
// `samples` distinct valid draws seeded by `seed`. Throws ConfigError when
// neither is given or the space has fewer than `samples`.
std::vector<space::Architecture> ground_truth_architectures(const space::SearchSpace& space,
                                                            const std::string& archs_file, int samples,
                                                            std::uint64_t seed);

class GroundTruthRun {
 public:
  // Chooses the architectures and opens `out`; throws ConfigError as
  // ground_truth_architectures and eval::GroundTruthFile do (a file made at
  // other settings).
  explicit GroundTruthRun(GroundTruthRequest request);

  const std::vector<space::Architecture>& architectures() const { return all_; }
  // Those the file did not hold when the run was opened, in the order of architectures().
  const std::vector<space::Architecture>& missing() const { return missing_; }
  // Rows in the file now (0 on ranks other than 0, which hold no file).
  std::size_t rows() const { return file_ ? file_->size() : 0; }

  // Loads the dataset and trains missing() with `jobs` at once
  // (eval::train_missing; across the ranks with eval::train_across_ranks in
  // a distributed job); returns how many rows were added. Does nothing when
  // none is missing.
  std::size_t train(std::FILE* progress);

 private:
  GroundTruthRequest request_;
  std::unique_ptr<space::SearchSpace> space_;
  std::vector<space::Architecture> all_, missing_;
  std::unique_ptr<eval::GroundTruthFile> file_;
};

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_GROUND_TRUTH_RUN_H_
