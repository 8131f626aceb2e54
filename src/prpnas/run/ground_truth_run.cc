#include "prpnas/run/ground_truth_run.h"

#include <utility>

#include <fmt/core.h>

#include "prpnas/dist/process_group.h"
#include "prpnas/dist/shards.h"
#include "prpnas/eval/distributed_ground_truth.h"
#include "prpnas/eval/ground_truth_jobs.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::run {

std::vector<space::Architecture> ground_truth_architectures(const space::SearchSpace& space,
                                                            const std::string& archs_file, int samples,
                                                            std::uint64_t seed) {
  if (!archs_file.empty()) return space::read_architecture_file(archs_file, space);
  if (samples < 1) throw ConfigError("give --samples N (at least 1) or --archs FILE");
  const std::uint64_t available = space::valid_alive_size(space, space.full_mask());
  if (static_cast<std::uint64_t>(samples) > available) {
    throw ConfigError(fmt::format("--samples {} exceeds the {} architectures of {}", samples, available,
                                  space.name()));
  }
  return space::distinct_sample(space, samples, seed);
}

GroundTruthRun::GroundTruthRun(GroundTruthRequest request)
    : request_(std::move(request)), space_(space::make_search_space(request_.fidelity.space)) {
  all_ = ground_truth_architectures(*space_, request_.archs_file, request_.samples, request_.fidelity.train.seed);
  // Rank 0 alone holds the file (and its lock); the others learn what it lacks.
  dist::ProcessGroup& group = dist::world();
  std::vector<int64_t> missing;
  if (group.writes()) {
    file_ = std::make_unique<eval::GroundTruthFile>(request_.out, request_.fidelity.to_json());
    for (std::size_t i = 0; i < all_.size(); ++i) {
      if (!file_->contains(space_->format(all_[i]))) missing.push_back(static_cast<int64_t>(i));
    }
  }
  for (int64_t i : dist::from_rank0(group, missing, "the architectures to train")) {
    missing_.push_back(all_.at(static_cast<std::size_t>(i)));
  }
}

std::size_t GroundTruthRun::train(std::FILE* progress) {
  if (missing_.empty()) return 0;
  const data::DatasetSplits data = data::load_dataset(request_.fidelity.data);
  if (dist::world().distributed()) {
    return eval::train_across_ranks(*space_, missing_, data, request_.fidelity, file_.get(), request_.jobs, progress);
  }
  return eval::train_missing(*space_, missing_, data, request_.fidelity, *file_, request_.jobs, progress);
}

}  // namespace prpnas::run
