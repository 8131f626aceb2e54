// Every path of a training run directory comes from here (as LevelDB's
// db/filename.h names a database's files): what a run writes, what a
// search or an experiment reads back, and what resume looks for.
// docs/FORMATS.md describes each file.
#ifndef PRPNAS_TRAIN_RUN_LAYOUT_H_
#define PRPNAS_TRAIN_RUN_LAYOUT_H_

#include <string>

namespace prpnas::train {

class RunLayout {
 public:
  explicit RunLayout(std::string dir) : dir_(std::move(dir)) {}

  const std::string& dir() const { return dir_; }
  std::string config() const { return file("config.toml"); }  // the effective configuration
  std::string lock() const { return file("lock"); }            // one process at a time (util/file_lock.h)
  std::string lut() const { return file("lut.csv"); }         // a LUT measured for the run
  std::string checkpoint() const { return file("checkpoint"); }
  std::string previous_checkpoint() const { return file("checkpoint.previous"); }  // the one before (checkpoint.h)
  // The checkpoint once Step 1 and the rank pool are done: PRP with and
  // without pruning are identical up to there, so either may start from it.
  std::string step1_checkpoint() const { return file("step1_checkpoint"); }
  std::string log() const { return file("log.csv"); }
  std::string alpha() const { return file("alpha.csv"); }
  std::string alpha_history() const { return file("alpha_history.csv"); }
  std::string mask() const { return file("mask.csv"); }
  std::string pool() const { return file("pool.csv"); }
  std::string front() const { return file("front.csv"); }
  // The front of the uniform candidates every method estimates alike (run_state.h).
  std::string uniform_front() const { return file("uniform_front.csv"); }
  std::string summary() const { return file("summary.json"); }
  // The latest judgement against the ground truth, cell by cell.
  std::string judged() const { return file("judged.csv"); }

 private:
  std::string file(const char* name) const { return dir_ + "/" + name; }

  std::string dir_;
};

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_RUN_LAYOUT_H_
