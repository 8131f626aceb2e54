// Ground truth for one architecture: build its stand-alone network (any space
// with networks, nn/supernet_factory.h) from scratch, train it, measure
// accuracy, parameters and FLOPs.
#ifndef PRPNAS_EVAL_STANDALONE_H_
#define PRPNAS_EVAL_STANDALONE_H_

#include <string>

#include <nlohmann/json.hpp>

#include "prpnas/data/image_dataset.h"
#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/classifier_trainer.h"

namespace prpnas::eval {

// Everything that decides a stand-alone result besides the architecture.
struct Fidelity {
  data::DatasetOptions data;
  std::string space = "nb201";  // the search space whose networks are trained
  std::string preset = "default";
  train::TrainOptions train;  // train.seed also seeds the weight initialisation

  nlohmann::json to_json() const;
  // Inverse of to_json (extra keys ignored; "space" defaults to "nb201", as
  // sidecars written before other spaces lack it); throws DataError naming a
  // missing or mistyped key.
  static Fidelity from_json(const nlohmann::json& json);
};

// The fidelity sidecar (TRUTH.json, written by ground-truth) of a
// ground-truth file; DataError naming it when missing or not JSON.
nlohmann::json read_fidelity_json(const std::string& truth_path);

// The network of `fidelity.space` and `fidelity.preset` at the dataset's
// shape; throws ConfigError for non-square images.
nn::NetworkSpec network_config(const Fidelity& fidelity, const data::DatasetSplits& data);

// Trains `arch` (an architecture of `fidelity.space`, which `space` must be;
// else ConfigError) from scratch. Thread-safe: several architectures may
// train at once on separate threads; a given fidelity and architecture give
// the same result on the same machine. NB201: the same torch draws as ever
// (seed, then build), so earlier results are reproduced.
// `trained`, when given, receives the trained network.
GroundTruthRow train_standalone(const space::SearchSpace& space, const space::Architecture& arch,
                                const data::DatasetSplits& data, const Fidelity& fidelity,
                                std::shared_ptr<nn::Network>* trained = nullptr);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_STANDALONE_H_
