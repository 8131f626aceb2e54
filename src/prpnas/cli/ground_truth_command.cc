// `prpnas ground-truth`: train many architectures stand-alone, one CSV row
// each, resumable; --jobs trains several at once.
#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/sampling.h"
#include "prpnas/cli/fidelity_options.h"
#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/eval/ground_truth_jobs.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct GroundTruthOptions {
  std::string space = "nb201", archs_file, out;
  int samples = 0, jobs = 1, threads = 1;
  eval::Fidelity fidelity;
};

// --archs FILE (one string a line), else --samples distinct architectures
// drawn uniformly with --seed.
std::vector<space::Architecture> architectures(const GroundTruthOptions& o, const space::SearchSpace& space) {
  if (!o.archs_file.empty()) return space::read_architecture_file(o.archs_file, space);
  if (o.samples < 1) throw ConfigError("give --samples N (at least 1) or --archs FILE");
  const std::uint64_t available = space::valid_alive_size(space, space.full_mask());
  if (static_cast<std::uint64_t>(o.samples) > available) {
    throw ConfigError(fmt::format("--samples {} exceeds the {} architectures of {}", o.samples, available,
                                  space.name()));
  }
  return space::distinct_sample(space, o.samples, o.fidelity.train.seed);
}

void run(GroundTruthOptions& o) {
  if (o.jobs < 1) throw ConfigError("--jobs must be at least 1");
  apply_fidelity_options(o.fidelity, o.threads);
  const auto space = space::make_search_space(o.space);
  const std::vector<space::Architecture> all = architectures(o, *space);
  nlohmann::json fidelity = o.fidelity.to_json();
  fidelity["space"] = o.space;
  eval::GroundTruthFile file(o.out, fidelity);
  std::vector<space::Architecture> todo;
  for (const auto& arch : all) {
    if (!file.contains(space->format(arch))) todo.push_back(arch);
  }
  fmt::print(stderr, "ground-truth: {} architectures, {} already in {}, {} to train with {} job(s)\n",
             all.size(), all.size() - todo.size(), o.out, todo.size(), o.jobs);
  if (todo.empty()) return;

  const data::DatasetSplits data = data::load_dataset(o.fidelity.data);
  eval::train_missing(*space, todo, data, o.fidelity, file, o.jobs, stderr);
  fmt::print(stderr, "ground-truth: {} rows in {}\n", file.size(), o.out);
}

}  // namespace

void add_ground_truth_command(CLI::App& app) {
  auto o = std::make_shared<GroundTruthOptions>();
  CLI::App* command = app.add_subcommand(
      "ground-truth", "train architectures stand-alone into a resumable CSV (re-run the same command to resume)");
  command->add_option("--space", o->space)->capture_default_str();
  command->add_option("--samples", o->samples, "number of distinct architectures drawn uniformly with --seed");
  command->add_option("--archs", o->archs_file, "train these architectures instead (one native string a line)");
  command->add_option("--out", o->out, "the ground-truth CSV (its settings go to OUT.json)")->required();
  command->add_option("--jobs", o->jobs, "architectures trained at once")->capture_default_str();
  add_fidelity_options(*command, o->fidelity, o->threads);
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
