#include "prpnas/eval/experiment.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>

#include <fmt/core.h>

#include "prpnas/eval/experiment_layout.h"
#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/eval/ground_truth_jobs.h"
#include "prpnas/eval/judge_front.h"
#include "prpnas/eval/standalone.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/pareto/objective.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/report/markdown_table.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/run_objectives.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::eval {
namespace {

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw DataError(path + ": missing; the ground truth needs its fidelity sidecar (written by ground-truth)");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw DataError(path + ": not JSON (" + e.what() + ")");
  }
}

// arch -> stand-alone test accuracy of every row of a ground-truth file.
void add_test_accuracies(const std::string& path, std::map<std::string, double>& known) {
  if (!std::filesystem::exists(path)) return;
  const CsvTable csv = read_csv(path);
  const std::size_t arch = csv.column("arch");
  const std::vector<double> test = csv.numbers("test_acc");
  for (std::size_t r = 0; r < csv.rows.size(); ++r) known[csv.rows[r][arch]] = test[r];
}

// PRP with and without pruning share Step 1 and the rank pool (same
// settings, same seed): a fresh run of one starts from the other's
// step1_checkpoint when there is one, as if it had trained Step 1 itself.
void start_from_siblings_step1(const std::string& dir, train::Method method, std::FILE* progress) {
  if (method != train::Method::kPrp && method != train::Method::kPrpNoPruning) return;
  const train::Method sibling = method == train::Method::kPrp ? train::Method::kPrpNoPruning : train::Method::kPrp;
  const ExperimentLayout layout(dir);
  const std::string from = layout.run(train::method_name(sibling)).step1_checkpoint();
  const std::string to = layout.run(train::method_name(method)).checkpoint();
  if (std::filesystem::exists(to) || !std::filesystem::exists(from)) return;
  std::filesystem::copy_file(from, to + ".tmp", std::filesystem::copy_options::overwrite_existing);
  std::filesystem::rename(to + ".tmp", to);
  if (progress) {
    fmt::print(progress, "experiment: {} starts from {}'s Step 1 and rank pool (identical until Step 2)\n",
               train::method_name(method), train::method_name(sibling));
  }
}

}  // namespace

ExperimentOutcome run_experiment(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                 const std::string& dir, std::FILE* progress) {
  const ExperimentLayout layout(dir);
  const auto space_ptr = space::make_search_space(inputs.training_inputs.network.space);
  const space::SearchSpace& space = *space_ptr;
  // The ground truth's fidelity, checked before any training.
  const nlohmann::json fidelity_json = read_json(inputs.truth_path + ".json");
  const Fidelity fidelity = Fidelity::from_json(fidelity_json);
  if (fidelity.space != space.name()) {
    throw ConfigError(inputs.truth_path + ": a ground truth of space " + fidelity.space + ", but the runs search " +
                      std::string(space.name()));
  }
  std::filesystem::create_directories(dir);
  ExperimentOutcome out;
  out.batch_size = inputs.training.batch_size;
  for (train::Method method : inputs.methods) {
    train::TrainingOptions options = inputs.training;
    options.method = method;
    MethodOutcome o;
    o.method = train::method_name(method);
    if (progress) fmt::print(progress, "experiment: {}\n", o.method);
    const std::string run_dir = layout.run(o.method).dir();
    start_from_siblings_step1(dir, method, progress);
    const train::TrainingSummary summary =
        train::run_supernet_training(data, inputs.training_inputs, options, run_dir, progress);
    o.kendall_tau_b = summary.last.kendall_supernet;
    o.kendall_tau_b_accuracy = summary.last.kendall_supernet_accuracy;
    o.train_seconds = summary.training_seconds();
    o.search_seconds = summary.seconds.evaluation;
    o.images = summary.path_images;
    for (const auto& member : summary.front.members) o.front.push_back(space.format(member.arch));
    out.methods.push_back(std::move(o));
  }

  // True values: stand-alone test accuracy at the ground truth's fidelity.
  GroundTruthFile cache(layout.ground_truth(), fidelity_json);
  std::map<std::string, double> known;
  add_test_accuracies(inputs.truth_path, known);
  add_test_accuracies(layout.ground_truth(), known);
  std::vector<space::Architecture> missing;
  std::set<std::string> seen;
  for (const auto& o : out.methods) {
    for (const auto& arch : o.front) {
      if (!known.count(arch) && seen.insert(arch).second) missing.push_back(space.parse(arch));
    }
  }
  if (!missing.empty()) {
    if (progress) {
      fmt::print(progress, "experiment: {} front architectures have no ground truth; training them stand-alone\n",
                 missing.size());
    }
    const data::DatasetSplits truth_data = data::load_dataset(fidelity.data);
    nn::set_compute_threads(1);  // one per job, as the shipped ground truth
    train_missing(space, missing, truth_data, fidelity, cache, inputs.jobs, progress);
    add_test_accuracies(layout.ground_truth(), known);
  }
  out.trained_for_this_experiment = missing.size();

  // Judged on stand-alone test accuracy and every cost of the runs (tables: exact).
  const train::RunObjectives run_objectives(inputs.training_inputs.costs);
  const pareto::Objective accuracy_objective{"test_accuracy", pareto::Sense::kMaximize};
  for (const auto& cost : run_objectives.costs()) out.cost_names.push_back(cost.name);
  for (const auto& [arch, accuracy] : known) out.known[arch] = {accuracy, run_objectives.costs_of(space.parse(arch))};
  auto point = [&](const std::string& arch) {
    const TrueValues& v = out.known.at(arch);
    pareto::Point p = {pareto::to_minimized(accuracy_objective, v.test_accuracy)};
    p.insert(p.end(), v.costs.begin(), v.costs.end());  // costs are minimised as they are
    return p;
  };
  auto true_values = [&](const pareto::Point& p) {
    return TrueValues{pareto::from_minimized(accuracy_objective, p[0]), {p.begin() + 1, p.end()}};
  };
  std::vector<std::string> names;
  pareto::Points all;
  for (const auto& [arch, values] : out.known) {
    names.push_back(arch);
    all.push_back(point(arch));
  }
  pareto::Points truth;
  for (std::size_t i : pareto::non_dominated(all)) {
    truth.push_back(all[i]);
    out.true_front.push_back(names[i]);
  }
  auto valid_points = [&](const std::vector<std::string>& archs) {
    pareto::Points points;
    for (const auto& arch : archs) {
      if (!space.is_degenerate(space.parse(arch))) points.push_back(point(arch));
    }
    return points;
  };
  const pareto::Points all_valid = valid_points(names);
  pareto::Points valid_truth;
  for (std::size_t i : pareto::non_dominated(all_valid)) valid_truth.push_back(all_valid[i]);
  // Degenerate cells stay out of the near-front reference and its figure.
  const FrontReferences references = front_references(all, valid_truth);
  out.reference = true_values(references.worst);
  out.nadir_reference = true_values(references.near_front);
  std::string objective_list = "test_accuracy:max";
  for (const std::string& name : out.cost_names) objective_list += " " + name + ":min";
  for (auto& o : out.methods) {
    o.objectives = objective_list;
    pareto::Points found;
    for (const auto& arch : o.front) found.push_back(point(arch));
    const FrontFigures figures = judge_front({found, truth}, {valid_points(o.front), valid_truth}, references);
    o.hypervolume = figures.hypervolume;
    o.front_approximation = figures.front_approximation;
    o.front_approximation_nadir = figures.front_approximation_nadir;
    o.igd = figures.igd;
  }

  CsvTable results{"results.csv", results_header(), {}, {}};
  nlohmann::json methods = nlohmann::json::array();
  for (const auto& o : out.methods) {
    results.rows.push_back(results_row(o));
    methods.push_back({{"method", o.method}, {"front", o.front}, {"row", results.rows.back()}});
  }
  write_csv_file(layout.results_csv(), results);
  write_file_atomically(layout.results_md(), report::markdown_table(results.header, results.rows));
  nlohmann::json objectives = {"test_accuracy (max, stand-alone)"};
  nlohmann::json reference = {{"test_accuracy", out.reference.test_accuracy}};
  nlohmann::json nadir = {{"test_accuracy", out.nadir_reference.test_accuracy}};
  for (std::size_t k = 0; k < out.cost_names.size(); ++k) {
    objectives.push_back(out.cost_names[k] + " (min, table)");
    reference[out.cost_names[k]] = out.reference.costs[k];
    nadir[out.cost_names[k]] = out.nadir_reference.costs[k];
  }
  const nlohmann::json json = {
      {"objectives", objectives},
      {"reference_point", reference},
      {"nadir_reference_point", nadir},
      {"known_architectures", out.known.size()},
      {"trained_for_this_experiment", missing.size()},
      {"true_front_size", truth.size()},
      {"true_front", out.true_front},
      {"ground_truth", inputs.truth_path},
      {"ground_truth_fidelity", fidelity_json},
      {"methods", methods}};
  write_file_atomically(layout.results_json(), json.dump(2) + "\n");
  return out;
}

}  // namespace prpnas::eval
