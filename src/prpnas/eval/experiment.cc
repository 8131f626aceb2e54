#include "prpnas/eval/experiment.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>

#include <fmt/core.h>

#include "prpnas/eval/ground_truth_file.h"
#include "prpnas/eval/ground_truth_jobs.h"
#include "prpnas/eval/standalone.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/hypervolume.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/report/markdown_table.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::eval {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double json_number(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_number() ? j[key].get<double>() : kNaN;
}

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

}  // namespace

std::vector<MethodOutcome> run_experiment(const data::DatasetSplits& data, const ExperimentInputs& inputs,
                                          const std::string& dir, std::FILE* progress) {
  const space::Nb201Space space;
  std::filesystem::create_directories(dir);
  std::vector<MethodOutcome> outcomes;
  for (train::Method method : inputs.methods) {
    train::TrainingOptions options = inputs.training;
    options.method = method;
    MethodOutcome o;
    o.method = train::method_name(method);
    if (progress) fmt::print(progress, "experiment: {}\n", o.method);
    const nlohmann::json summary =
        train::run_supernet_training(data, inputs.training_inputs, options, dir + "/" + o.method, progress);
    o.kendall_tau_b = json_number(summary["final"], "kendall_supernet");
    o.kendall_tau_b_accuracy = json_number(summary["final"], "kendall_supernet_accuracy");
    const auto& s = summary["seconds"];
    o.train_seconds = s["fairness"].get<double>() + s["single_path"].get<double>() + s["rank"].get<double>();
    o.search_seconds = s["evaluation"].get<double>();
    o.images = summary["path_images"];
    const CsvTable front = read_csv(dir + "/" + o.method + "/front.csv");
    for (const auto& row : front.rows) o.front.push_back(row[front.column("arch")]);
    outcomes.push_back(std::move(o));
  }

  // True values: stand-alone test accuracy at the ground truth's fidelity.
  const nlohmann::json fidelity_json = read_json(inputs.truth_path + ".json");
  const Fidelity fidelity = Fidelity::from_json(fidelity_json);
  GroundTruthFile cache(dir + "/ground_truth.csv", fidelity_json);
  std::map<std::string, double> known;
  add_test_accuracies(inputs.truth_path, known);
  add_test_accuracies(dir + "/ground_truth.csv", known);
  std::vector<space::Architecture> missing;
  std::set<std::string> seen;
  for (const auto& o : outcomes) {
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
    add_test_accuracies(dir + "/ground_truth.csv", known);
  }

  // Every objective minimised: (-test accuracy, latency).
  auto point = [&](const std::string& arch) {
    return pareto::Point{-known.at(arch), inputs.training_inputs.latency_ms.cost(space.parse(arch))};
  };
  pareto::Points all;
  for (const auto& [arch, accuracy] : known) all.push_back(point(arch));
  pareto::Point reference = all.front();
  for (const auto& p : all) {
    for (std::size_t k = 0; k < p.size(); ++k) reference[k] = std::max(reference[k], p[k]);
  }
  pareto::Points truth;
  for (std::size_t i : pareto::non_dominated(all)) truth.push_back(all[i]);
  for (auto& o : outcomes) {
    pareto::Points found;
    for (const auto& arch : o.front) found.push_back(point(arch));
    o.hypervolume = pareto::hypervolume(found, reference);
    o.front_approximation = pareto::front_approximation(found, truth, reference);
    o.igd = pareto::igd(found, truth);
  }

  const std::vector<std::string> header = {"method",         "kendall_tau_b",      "kendall_tau_b_accuracy",
                                           "hypervolume",    "front_approximation", "igd",
                                           "train_seconds",  "search_seconds",     "images"};
  CsvTable results{"results.csv", header, {}, {}};
  nlohmann::json methods = nlohmann::json::array();
  for (const auto& o : outcomes) {
    results.rows.push_back({o.method, number_cell(o.kendall_tau_b), number_cell(o.kendall_tau_b_accuracy),
                            number_cell(o.hypervolume), number_cell(o.front_approximation), number_cell(o.igd),
                            fmt::format("{:.1f}", o.train_seconds),
                            fmt::format("{:.1f}", o.search_seconds), std::to_string(o.images)});
    methods.push_back({{"method", o.method}, {"front", o.front}, {"row", results.rows.back()}});
  }
  write_csv_file(dir + "/results.csv", results);
  write_file_atomically(dir + "/results.md", report::markdown_table(header, results.rows));
  const nlohmann::json json = {
      {"objectives", {"test_accuracy (max, stand-alone)", "latency_ms (min, LUT)"}},
      {"reference_point", {{"test_accuracy", -reference[0]}, {"latency_ms", reference[1]}}},
      {"known_architectures", known.size()},
      {"trained_for_this_experiment", missing.size()},
      {"true_front_size", truth.size()},
      {"ground_truth", inputs.truth_path},
      {"ground_truth_fidelity", fidelity_json},
      {"methods", methods}};
  write_file_atomically(dir + "/results.json", json.dump(2) + "\n");
  return outcomes;
}

}  // namespace prpnas::eval
