#include "prpnas/train/training_summary.h"

namespace prpnas::train {
namespace {

nlohmann::json number_or_null(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(); }

double per_step(double seconds, int64_t steps) { return steps ? seconds / static_cast<double>(steps) : 0.0; }

}  // namespace

nlohmann::json TrainingSummary::to_json(const space::SearchSpace& space) const {
  nlohmann::json final_judgement = nlohmann::json::object();
  if (last.judged) {
    final_judgement = {{"kendall_supernet", number_or_null(last.kendall_supernet)},
                       {"kendall_supernet_accuracy", number_or_null(last.kendall_supernet_accuracy)},
                       {"kendall_alpha", number_or_null(last.kendall_alpha)},
                       {"hypervolume", number_or_null(last.hypervolume)}};
  }
  std::vector<std::string> objective_names, front_archs;
  for (const auto& o : objectives) objective_names.push_back(o.name + (o.sense == pareto::Sense::kMaximize ? ":max" : ":min"));
  for (const auto& m : front.members) front_archs.push_back(space.format(m.arch));
  return {{"method", method},
          {"objectives", objective_names},
          {"steps", {{"fairness", steps.fairness_steps}, {"single_path", steps.single_path_steps}}},
          {"path_images", path_images},
          {"alpha_steps", alpha_steps},
          {"alive_choices", alive_choices},
          {"seconds", seconds.to_json()},
          {"seconds_per_step",
           {{"fairness", per_step(seconds.fairness, steps.fairness_steps)},
            {"single_path", per_step(seconds.single_path, steps.single_path_steps)}}},
          {"final", final_judgement},
          {"kendall_cost_only", number_or_null(kendall_cost_only)},
          {"truth_architectures", truth_architectures},
          {"front",
           {{"candidates", front.candidates},
            {"size", front.size},
            {"hypervolume", front.hypervolume},
            {"archs", front_archs}}}};
}

}  // namespace prpnas::train
