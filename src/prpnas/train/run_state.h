// Everything a training run has decided so far, besides its tensors, as a
// value that a checkpoint encodes and decodes (as LevelDB's VersionEdit
// does): the step, the pruning mask, the random engine, Step 2's rank pool,
// the log rows and the time spent. train/checkpoint.h stores it with the
// tensors.
#ifndef PRPNAS_TRAIN_RUN_STATE_H_
#define PRPNAS_TRAIN_RUN_STATE_H_

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "prpnas/space/search_space.h"
#include "prpnas/train/scored_architectures.h"

namespace prpnas::train {

using TextRows = std::vector<std::vector<std::string>>;

// Seconds by kind of work; total includes earlier processes of the run.
struct RunSeconds {
  double total = 0, fairness = 0, single_path = 0, rank = 0, evaluation = 0;

  nlohmann::json to_json() const;
  static RunSeconds from_json(const nlohmann::json& json);
};

// A member of the final front: shared-weight accuracy, costs in the order of
// the run's objectives, and the stand-alone accuracy when the truth has it.
struct FrontMember {
  space::Architecture arch;
  double accuracy = 0;
  std::vector<double> costs;
  std::optional<double> true_accuracy;
};

// The final front, its number of candidates and normalised hypervolume.
struct FinalFront {
  int64_t candidates = 0, size = 0;
  double hypervolume = 0;
  std::vector<FrontMember> members;
};

struct RunState {
  int64_t step = 0;  // weight steps done
  bool finished = false;
  space::ChoiceMask alive;
  std::vector<std::vector<int64_t>> pruned_at;  // [decision][choice]: step, 0 = alive
  std::mt19937_64 rng;
  ScoredArchitectures pool;  // Step 2's rank source; empty before Step 2
  TextRows log;              // log.csv rows (train/run_log.h)
  // Alpha at Step 2's start, at every checkpoint in it and at the end:
  // step,decision,choice,alpha,alive rows (alpha_history.csv).
  TextRows alpha_history;
  RunSeconds seconds;
  FinalFront front;  // from the method's own candidates (PRP: alpha's)
  // From evaluation.final_sample uniform candidates, the same draw for every
  // method of a seed: the front that compares supernets on equal terms.
  // Baselines' own candidates are these, so for them it equals `front`.
  FinalFront uniform_front;

  // A fresh run: every choice of `space` alive, the engine seeded.
  static RunState start(const space::SearchSpace& space, uint64_t seed);

  nlohmann::json to_json(const space::SearchSpace& space) const;
  // Throws std::exception (json's, ParseError) on a malformed state.
  static RunState from_json(const nlohmann::json& json, const space::SearchSpace& space);
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_RUN_STATE_H_
