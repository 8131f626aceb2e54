#include "prpnas/eval/experiment.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>

#include <fmt/core.h>

#include "prpnas/eval/experiment_layout.h"
#include "prpnas/eval/floor_rows.h"
#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/eval/ground_truth_jobs.h"
#include "prpnas/eval/judge_front.h"
#include "prpnas/eval/judged_cells.h"
#include "prpnas/eval/standalone.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/pareto/front_metrics.h"
#include "prpnas/pareto/kendall_interval.h"
#include "prpnas/pareto/objective.h"
#include "prpnas/train/methods/training_method.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/report/markdown_table.h"
#include "prpnas/space/search_space.h"
#include "prpnas/train/run_objectives.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::eval {
namespace {

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

// The Kendall figures of a run's last judgement with intervals over its
// judged cells. Truth: the truth's accuracy and the same costs; NaN
// intervals without a judgement.
struct JudgedKendall {
  pareto::ConfidenceInterval pareto_ranks, accuracy, alpha;
};

JudgedKendall judged_kendall(const JudgedCells& cells) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  JudgedKendall out{{kNaN, kNaN, kNaN}, {kNaN, kNaN, kNaN}, {kNaN, kNaN, kNaN}};
  if (cells.archs.empty()) return out;
  const pareto::Points true_points = cells.true_points();
  out.pareto_ranks = pareto::pareto_rank_kendall_interval(cells.points(cells.estimate), true_points);
  out.accuracy = pareto::kendall_interval(cells.estimate, cells.true_accuracy);
  if (!cells.alpha_score.empty()) {
    pareto::Points score;
    for (double s : cells.alpha_score) score.push_back({s});
    out.alpha = pareto::pareto_rank_kendall_interval(score, true_points);
  }
  return out;
}

// The run's judged cells, none before its first judgement.
JudgedCells judged_cells(const std::string& path, std::size_t cost_count) {
  return std::filesystem::exists(path) ? read_judged_cells(path, cost_count) : JudgedCells{};
}

std::vector<std::string> formatted(const space::SearchSpace& space, const train::FinalFront& front) {
  std::vector<std::string> archs;
  for (const auto& member : front.members) archs.push_back(space.format(member.arch));
  return archs;
}

}  // namespace

std::vector<MethodOutcome> train_methods(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                         const std::string& dir, std::FILE* progress) {
  const ExperimentLayout layout(dir);
  const auto space_ptr = space::make_search_space(inputs.training_inputs.network.space);
  const space::SearchSpace& space = *space_ptr;
  // The ground truth's fidelity, checked before any training.
  const Fidelity fidelity = Fidelity::from_json(read_fidelity_json(inputs.truth_path));
  if (fidelity.space != space.name()) {
    throw ConfigError(inputs.truth_path + ": a ground truth of space " + fidelity.space + ", but the runs search " +
                      std::string(space.name()));
  }
  std::filesystem::create_directories(dir);
  const std::size_t cost_count = inputs.training_inputs.costs.size();
  std::vector<MethodOutcome> out;
  for (train::Method method : inputs.methods) {
    train::TrainingOptions options = inputs.training;
    options.method = method;
    MethodOutcome o;
    o.method = o.run = train::method_name(method);
    if (progress) fmt::print(progress, "experiment: {}\n", o.method);
    const std::string run_dir = layout.run(o.method).dir();
    start_from_siblings_step1(dir, method, progress);
    const train::TrainingSummary summary =
        train::run_supernet_training(data, inputs.training_inputs, options, run_dir, progress);
    if (summary.uniform_front.candidates == 0) {
      throw DataError(fmt::format("{}: finished by an older prpnas without the uniform-candidate front; move the "
                                  "folder away to train it again",
                                  run_dir));
    }
    const JudgedKendall kendall = judged_kendall(judged_cells(layout.run(o.method).judged(), cost_count));
    o.kendall_tau_b = summary.last.kendall_supernet;
    o.kendall_tau_b_accuracy = summary.last.kendall_supernet_accuracy;
    o.kendall_ci = kendall.pareto_ranks;
    o.kendall_accuracy_ci = kendall.accuracy;
    o.train_seconds = summary.training_seconds();
    o.search_seconds = summary.seconds.evaluation;
    o.images = summary.path_images;
    o.candidates = static_cast<std::size_t>(summary.uniform_front.candidates);
    o.front = formatted(space, summary.uniform_front);
    if (train::make_training_method(method)->trains_alpha()) {
      MethodOutcome alpha = o;  // the same run, answering with alpha's front
      alpha.method = o.method + "-alpha";
      alpha.kendall_tau_b = summary.last.kendall_alpha;
      alpha.kendall_ci = kendall.alpha;
      alpha.kendall_tau_b_accuracy = std::numeric_limits<double>::quiet_NaN();
      alpha.kendall_accuracy_ci = {alpha.kendall_tau_b_accuracy, alpha.kendall_tau_b_accuracy,
                                   alpha.kendall_tau_b_accuracy};
      alpha.candidates = static_cast<std::size_t>(summary.front.candidates);
      alpha.front = formatted(space, summary.front);
      out.push_back(std::move(o));
      out.push_back(std::move(alpha));
    } else {
      out.push_back(std::move(o));
    }
  }
  if (!out.empty()) {
    const JudgedCells cells = judged_cells(layout.run(out.front().run).judged(), cost_count);
    out.push_back(cost_only_outcome(space, inputs, cells));
    out.push_back(random_estimates_outcome(space, inputs, cells));
  }
  return out;
}

std::map<std::string, double> complete_ground_truth(const ExperimentInputs& inputs,
                                                    const std::vector<MethodOutcome>& methods,
                                                    const std::string& cache_path, std::FILE* progress,
                                                    std::size_t& trained) {
  const auto space_ptr = space::make_search_space(inputs.training_inputs.network.space);
  const space::SearchSpace& space = *space_ptr;
  const nlohmann::json fidelity_json = read_fidelity_json(inputs.truth_path);
  Fidelity fidelity = Fidelity::from_json(fidelity_json);
  fidelity.train.device = inputs.training.device;  // the front's networks train where the runs did
  GroundTruthFile cache(cache_path, fidelity_json);
  std::map<std::string, double> known;
  add_test_accuracies(inputs.truth_path, known);
  add_test_accuracies(cache_path, known);
  std::vector<space::Architecture> missing;
  std::set<std::string> seen;
  for (const auto& o : methods) {
    for (const auto& arch : o.front) {
      if (!known.count(arch) && seen.insert(arch).second) missing.push_back(space.parse(arch));
    }
  }
  trained = missing.size();
  if (missing.empty()) return known;
  if (progress) {
    fmt::print(progress, "experiment: {} front architectures have no ground truth; training them stand-alone\n",
               missing.size());
  }
  const data::DatasetSplits truth_data = data::load_dataset(fidelity.data);
  nn::set_compute_threads(1);  // one per job, as the shipped ground truth
  train_missing(space, missing, truth_data, fidelity, cache, inputs.jobs, progress);
  add_test_accuracies(cache_path, known);
  return known;
}

ExperimentOutcome judge_methods(std::vector<MethodOutcome> methods, const std::map<std::string, double>& known,
                                std::size_t trained, const ExperimentInputs& inputs, const std::string& dir) {
  const ExperimentLayout layout(dir);
  const auto space_ptr = space::make_search_space(inputs.training_inputs.network.space);
  const space::SearchSpace& space = *space_ptr;
  ExperimentOutcome out;
  out.batch_size = inputs.training.batch_size;
  out.methods = std::move(methods);
  out.trained_for_this_experiment = trained;

  // Judged on stand-alone test accuracy and every cost of the runs (tables: exact).
  const train::RunObjectives run_objectives(inputs.training_inputs.costs);
  const pareto::Objective accuracy_objective{"test_accuracy", pareto::Sense::kMaximize};
  for (const auto& cost : run_objectives.costs()) out.cost_names.push_back(cost.name);
  for (const auto& [arch, accuracy] : known) out.known[arch] = {accuracy, run_objectives.costs_of(space.parse(arch))};
  for (const auto& o : out.methods) {
    for (const auto& arch : o.front) {
      if (!out.known.count(arch)) throw Error(arch + ": judged without a stand-alone result (complete_ground_truth first)");
    }
  }
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
  auto valid_names = [&](const std::vector<std::string>& archs) {
    std::vector<std::string> valid;
    for (const auto& arch : archs) {
      if (!space.is_degenerate(space.parse(arch))) valid.push_back(arch);
    }
    return valid;
  };
  auto points_of = [&](const std::vector<std::string>& archs) {
    pareto::Points points;
    for (const auto& arch : archs) points.push_back(point(arch));
    return points;
  };
  const std::vector<std::string> valid = valid_names(names);
  const pareto::Points all_valid = points_of(valid);
  pareto::NamedFront valid_truth;
  for (std::size_t i : pareto::non_dominated(all_valid)) {
    valid_truth.points.push_back(all_valid[i]);
    valid_truth.architectures.push_back(valid[i]);
  }
  // Degenerate cells stay out of the near-front reference and its figure.
  const FrontReferences references = front_references(all, valid_truth.points);
  out.reference = true_values(references.worst);
  out.nadir_reference = true_values(references.near_front);
  std::string objective_list = "test_accuracy:max";
  for (const std::string& name : out.cost_names) objective_list += " " + name + ":min";
  for (auto& o : out.methods) {
    o.objectives = objective_list;
    const FrontFigures figures =
        judge_front({points_of(o.front), truth}, {points_of(valid_names(o.front)), valid_truth.points}, references);
    o.hypervolume = figures.hypervolume;
    o.front_approximation = figures.front_approximation;
    o.front_approximation_nadir = figures.front_approximation_nadir;
    o.igd = figures.igd;
    o.metrics = pareto::front_metrics(valid_truth, {points_of(o.front), o.front});
  }

  CsvTable results{"results.csv", results_header(), {}, {}};
  nlohmann::json methods_json = nlohmann::json::array();
  for (const auto& o : out.methods) {
    results.rows.push_back(results_row(o));
    methods_json.push_back({{"method", o.method}, {"run", o.run}, {"front", o.front}, {"row", results.rows.back()}});
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
      {"trained_for_this_experiment", trained},
      {"true_front_size", truth.size()},
      {"true_front", out.true_front},
      {"valid_true_front", valid_truth.architectures},
      {"near_hit_tolerance", pareto::kDefaultHitTolerance},  // in units of the valid true front's range
      {"ground_truth", inputs.truth_path},
      {"ground_truth_fidelity", read_fidelity_json(inputs.truth_path)},
      {"methods", methods_json}};
  write_file_atomically(layout.results_json(), json.dump(2) + "\n");
  return out;
}

ExperimentOutcome run_experiment(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                 const std::string& dir, std::FILE* progress) {
  const std::vector<MethodOutcome> methods = train_methods(data, inputs, dir, progress);
  std::size_t trained = 0;
  const std::map<std::string, double> known =
      complete_ground_truth(inputs, methods, ExperimentLayout(dir).ground_truth(), progress, trained);
  return judge_methods(methods, known, trained, inputs, dir);
}

}  // namespace prpnas::eval
