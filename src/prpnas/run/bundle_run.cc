#include "prpnas/run/bundle_run.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <fmt/core.h>
#include <torch/script.h>

#include "prpnas/deploy/bundle_export.h"
#include "prpnas/deploy/torchscript_export.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/torch_info.h"
#include "prpnas/pareto/objective.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/run/export_description.h"
#include "prpnas/run/export_run.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/run_layout.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/crc32.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

// arch -> stand-alone test accuracy, from the run's ground truth.
std::map<std::string, double> known_accuracies(const TrainConfig& config) {
  std::map<std::string, double> known;
  if (config.truth.empty() || !std::filesystem::exists(config.truth)) return known;
  const CsvTable truth = read_csv(config.truth);
  const std::size_t arch = truth.column("arch");
  const std::vector<double> test = truth.numbers("test_acc");
  for (std::size_t r = 0; r < truth.rows.size(); ++r) known[truth.rows[r][arch]] = test[r];
  return known;
}

std::string saved(const torch::jit::Module& module) {
  std::ostringstream out;
  module.save(out);
  return out.str();
}

}  // namespace

std::vector<std::size_t> spread_indices(std::size_t n, std::size_t count) {
  std::vector<std::size_t> out;
  if (n == 0 || count == 0) return out;
  if (n <= count || count == 1) {
    for (std::size_t i = 0; i < std::min(n, count); ++i) out.push_back(i);
    return out;
  }
  for (std::size_t j = 0; j < count; ++j) {
    const std::size_t i = (j * (n - 1) * 2 + (count - 1)) / ((count - 1) * 2);  // round(j (n-1) / (count-1))
    if (out.empty() || out.back() != i) out.push_back(i);
  }
  return out;
}

BundleResult export_bundle_from_run(const BundleOptions& o, std::FILE* log) {
  const auto start = std::chrono::steady_clock::now();
  if (o.count < 1) throw ConfigError(fmt::format("--count {}: give at least 1", o.count));
  const TrainConfig config = read_run_config(o.run_dir);
  const std::string front_path = o.candidates.empty() ? train::RunLayout(o.run_dir).front() : o.candidates;
  if (!std::filesystem::exists(front_path)) {
    throw DataError(fmt::format("{}: no front; finish the run first (prpnas train --out {})", front_path, o.run_dir));
  }
  std::filesystem::create_directories(o.out);
  const RunSetup setup = assemble_run(config, o.run_dir, /*measure_if_missing=*/false);

  // The candidates' front on the run's objectives, estimated now with the
  // trained supernet and the run's cost tables (a file's own columns may be
  // stale: a Step 2 pool is ranked after Step 1), most accurate first.
  const CsvTable candidates = read_csv(front_path);
  std::vector<space::Architecture> archs;
  std::set<space::Architecture> seen;
  for (const auto& row : candidates.rows) {
    const space::Architecture arch = setup.space->parse(row.at(candidates.column("arch")));
    if (seen.insert(arch).second) archs.push_back(arch);
  }
  if (archs.empty()) throw DataError(front_path + ": no architectures");
  train::TrainedSupernet trained = train::load_trained_supernet(o.run_dir, setup.inputs.network);
  nn::set_compute_threads(config.threads);
  train::SupernetEvaluator evaluator(trained.supernet, setup.data, config.training.evaluation);
  const std::vector<double> estimate = evaluator.accuracies(archs, log);
  std::vector<pareto::Objective> objectives;
  for (const std::string& spec : config.objectives) objectives.push_back(pareto::parse_objective(spec));
  std::vector<std::vector<double>> rows;
  for (std::size_t i = 0; i < archs.size(); ++i) {
    rows.push_back({estimate[i]});
    for (const auto& cost : setup.inputs.costs) rows.back().push_back(cost.table.cost(archs[i]));
  }
  std::vector<std::size_t> order = pareto::non_dominated(pareto::to_minimized(objectives, rows));
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return estimate[a] > estimate[b]; });
  std::vector<std::size_t> picked;
  for (std::size_t i : spread_indices(order.size(), static_cast<std::size_t>(o.count))) picked.push_back(order[i]);
  if (log && picked.size() < static_cast<std::size_t>(o.count)) {
    fmt::print(log, "prpnas: note: the front of {} has {} architectures; the bundle holds all of them\n", front_path,
               picked.size());
  }
  std::vector<space::Architecture> paths;
  for (std::size_t i : picked) paths.push_back(archs[i]);

  const train::Batch batch = export_check_batch(setup.data, o.run_dir);
  const int64_t checked = batch.labels.size(0);
  const torch::Tensor example = batch.images.slice(0, 0, 2);

  const std::string bytes = saved(deploy::export_bundle(
      *trained.supernet, paths,
      [&](const space::Architecture& path, const std::function<void()>& fn) { evaluator.with_statistics_of(path, fn); },
      example));
  std::istringstream in(bytes);
  torch::jit::Module loaded = torch::jit::load(in);

  // Each method against its own single export, and the sizes.
  const std::map<std::string, double> known = known_accuracies(config);
  const ArchitectureCostSheet sheet(config, setup, o.run_dir);
  BundleResult result;
  nlohmann::json architectures = nlohmann::json::array();
  int64_t separate_bytes = 0;
  torch::NoGradGuard no_grad;
  for (std::size_t k = 0; k < paths.size(); ++k) {
    const std::shared_ptr<nn::Network> network = evaluator.standalone(paths[k]);
    network->module().eval();
    const int64_t single_bytes = static_cast<int64_t>(saved(deploy::export_torchscript(*network, example)).size());
    separate_bytes += single_bytes;
    const torch::Tensor expected = network->forward(batch.images);
    const torch::Tensor got = loaded.get_method(fmt::format("forward_{}", k))({batch.images}).toTensor();
    result.max_difference = std::max(result.max_difference, (got - expected).abs().max().item<double>());
    const std::string arch = setup.space->format(paths[k]);
    const auto truth = known.find(arch);
    const nlohmann::json accuracy =
        truth != known.end()
            ? nlohmann::json{{"value", truth->second}, {"kind", "stand-alone test accuracy (evaluation.truth)"}}
            : nlohmann::json{{"value", estimate[picked[k]]}, {"kind", "shared-weight validation estimate"}};
    architectures.push_back({
        {"index", k},
        {"arch", arch},
        {"accuracy", accuracy},
        {"bundle_test_accuracy", 100.0 * got.argmax(1).eq(batch.labels).sum().item<double>() / checked},
        {"costs", sheet.costs(paths[k])},
        {"single_export_bytes", single_bytes},
    });
  }
  if (!(result.max_difference <= kExportTolerance)) {
    throw Error(fmt::format("export: the bundle's logits differ from the single networks' by {:.3g} (more than {}) "
                            "on {} test images; nothing written",
                            result.max_difference, kExportTolerance, checked));
  }
  result.manifest = {
      {"format", "TorchScript: forward(x, k) or forward_k(x); input float [N, C, H, W], output logits [N, classes]"},
      {"bundle", {{"file", "bundle.pt"}, {"bytes", bytes.size()}, {"crc32", crc32_hex(bytes)}}},
      {"separate_exports_bytes", separate_bytes},
      {"architectures", architectures},
      {"weights", {{"source", "supernet"}, {"run", o.run_dir}, {"step", trained.step}, {"finished", trained.finished}}},
      {"check", {{"max_abs_logit_difference", result.max_difference}, {"test_images", checked}}},
      {"libraries", nn::torch_info()},
  };
  result.manifest.update(input_description(config, setup, setup.data));
  const std::filesystem::path dir(o.out);
  write_file_atomically((dir / "bundle.pt").string(), bytes);
  write_file_atomically((dir / "manifest.json").string(), result.manifest.dump(2) + "\n");  // last: the commit point
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace prpnas::run
