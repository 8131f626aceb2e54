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

namespace prpnas::eval {
namespace {

double json_number(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_number() ? j[key].get<double>() : std::numeric_limits<double>::quiet_NaN();
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

// PRP with and without pruning share Step 1 and the rank pool (same
// settings, same seed): a fresh run of one starts from the other's
// step1_checkpoint when there is one, as if it had trained Step 1 itself.
void start_from_siblings_step1(const std::string& dir, train::Method method, std::FILE* progress) {
  if (method != train::Method::kPrp && method != train::Method::kPrpNoPruning) return;
  const train::Method sibling = method == train::Method::kPrp ? train::Method::kPrpNoPruning : train::Method::kPrp;
  const std::string from = dir + "/" + train::method_name(sibling) + "/" + train::kStep1Checkpoint;
  const std::string to = dir + "/" + train::method_name(method) + "/checkpoint";
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
  const space::Nb201Space space;
  std::filesystem::create_directories(dir);
  ExperimentOutcome out;
  out.batch_size = inputs.training.batch_size;
  for (train::Method method : inputs.methods) {
    train::TrainingOptions options = inputs.training;
    options.method = method;
    MethodOutcome o;
    o.method = train::method_name(method);
    if (progress) fmt::print(progress, "experiment: {}\n", o.method);
    const std::string run_dir = dir + "/" + o.method;
    start_from_siblings_step1(dir, method, progress);
    const nlohmann::json summary =
        train::run_supernet_training(data, inputs.training_inputs, options, run_dir, progress);
    o.kendall_tau_b = json_number(summary["final"], "kendall_supernet");
    o.kendall_tau_b_accuracy = json_number(summary["final"], "kendall_supernet_accuracy");
    const auto& s = summary["seconds"];
    o.train_seconds = s["fairness"].get<double>() + s["single_path"].get<double>() + s["rank"].get<double>();
    o.search_seconds = s["evaluation"].get<double>();
    o.images = summary["path_images"];
    const CsvTable front = read_csv(run_dir + "/front.csv");
    for (const auto& row : front.rows) o.front.push_back(row[front.column("arch")]);
    out.methods.push_back(std::move(o));
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
    add_test_accuracies(dir + "/ground_truth.csv", known);
  }
  out.trained_for_this_experiment = missing.size();

  // Every objective minimised: (-test accuracy, latency).
  for (const auto& [arch, accuracy] : known) {
    out.known[arch] = {accuracy, inputs.training_inputs.latency_ms.cost(space.parse(arch))};
  }
  auto point = [&](const std::string& arch) {
    const TrueValues& v = out.known.at(arch);
    return pareto::Point{-v.test_accuracy, v.latency_ms};
  };
  std::vector<std::string> names;
  pareto::Points all;
  for (const auto& [arch, values] : out.known) {
    names.push_back(arch);
    all.push_back(point(arch));
  }
  pareto::Point reference = all.front();
  for (const auto& p : all) {
    for (std::size_t k = 0; k < p.size(); ++k) reference[k] = std::max(reference[k], p[k]);
  }
  out.reference = {-reference[0], reference[1]};
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
  const pareto::Point nadir = pareto::near_front_reference(valid_truth);
  out.nadir_reference = {-nadir[0], nadir[1]};
  for (auto& o : out.methods) {
    pareto::Points found;
    for (const auto& arch : o.front) found.push_back(point(arch));
    o.hypervolume = pareto::hypervolume(found, reference);
    o.front_approximation = pareto::front_approximation(found, truth, reference);
    o.front_approximation_nadir = pareto::front_approximation(valid_points(o.front), valid_truth, nadir);
    o.igd = pareto::igd(found, truth);
  }

  CsvTable results{"results.csv", results_header(), {}, {}};
  nlohmann::json methods = nlohmann::json::array();
  for (const auto& o : out.methods) {
    results.rows.push_back(results_row(o));
    methods.push_back({{"method", o.method}, {"front", o.front}, {"row", results.rows.back()}});
  }
  write_csv_file(dir + "/results.csv", results);
  write_file_atomically(dir + "/results.md", report::markdown_table(results.header, results.rows));
  const nlohmann::json json = {
      {"objectives", {"test_accuracy (max, stand-alone)", "latency_ms (min, LUT)"}},
      {"reference_point", {{"test_accuracy", out.reference.test_accuracy}, {"latency_ms", out.reference.latency_ms}}},
      {"nadir_reference_point",
       {{"test_accuracy", out.nadir_reference.test_accuracy}, {"latency_ms", out.nadir_reference.latency_ms}}},
      {"known_architectures", out.known.size()},
      {"trained_for_this_experiment", missing.size()},
      {"true_front_size", truth.size()},
      {"true_front", out.true_front},
      {"ground_truth", inputs.truth_path},
      {"ground_truth_fidelity", fidelity_json},
      {"methods", methods}};
  write_file_atomically(dir + "/results.json", json.dump(2) + "\n");
  return out;
}

}  // namespace prpnas::eval
