#include "prpnas/run/export_run.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <sstream>

#include <fmt/core.h>
#include <torch/script.h>

#include "prpnas/deploy/torchscript_export.h"
#include "prpnas/eval/standalone.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/torch_info.h"
#include "prpnas/run/export_description.h"
#include "prpnas/run/run_directory.h"
#include "prpnas/run/run_setup.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/run_layout.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

space::Architecture parse_arch(const space::SearchSpace& space, const std::string& text) {
  try {
    return space.parse(text);
  } catch (const ParseError& e) {
    throw ParseError(fmt::format("--arch: {}", e.what()));
  }
}

// A few test images (positions in the dataset's test file) and prpnas's
// logits for them: anyone can load the file elsewhere and compare
// (bench/export_check.py does, in Python).
nlohmann::json check_json(const train::Batch& batch, const torch::Tensor& logits, const data::ImageSet& test,
                          double max_difference) {
  constexpr int64_t kShown = 4;
  nlohmann::json check = {{"max_abs_logit_difference", max_difference}, {"images", batch.labels.size(0)}};
  const int64_t shown = std::min<int64_t>(kShown, logits.size(0));
  for (int64_t i = 0; i < shown; ++i) {
    check["test_file_positions"].push_back(test.index[i].item<int64_t>());
    const torch::Tensor row = logits[i].contiguous();
    check["logits"].push_back(std::vector<float>(row.data_ptr<float>(), row.data_ptr<float>() + row.numel()));
  }
  return check;
}

// A network to export, with what says where it came from.
struct Exportable {
  std::shared_ptr<nn::Network> network;
  const data::DatasetSplits* data = nullptr;  // checks it; its normalisation is the input's
  nlohmann::json weights, accuracy;
};

Exportable from_supernet(const ExportOptions& o, const TrainConfig& config, const RunSetup& setup,
                         const space::Architecture& arch, std::FILE* log) {
  train::TrainedSupernet trained = train::load_trained_supernet(o.run_dir, setup.inputs.network);
  if (log && !space::uses_only_alive(trained.alive, arch)) {
    fmt::print(log, "prpnas: warning: --arch uses choices the run pruned; their weights stopped training then\n");
  }
  train::SupernetEvaluator evaluator(trained.supernet, setup.data, config.training.evaluation);
  Exportable out{evaluator.standalone(arch), &setup.data, {}, {}};
  out.weights = {{"source", "supernet"}, {"run", o.run_dir}, {"step", trained.step}, {"finished", trained.finished}};
  out.accuracy = {{"shared_weight_valid", evaluator.accuracy(arch)},
                  {"shared_weight_valid_images", evaluator.valid_images()}};
  if (o.finetune_epochs > 0) {
    train::TrainOptions options;
    options.epochs = o.finetune_epochs;
    options.batch_size = config.training.batch_size;
    options.learning_rate = config.training.sgd.learning_rate;
    options.momentum = config.training.sgd.momentum;
    options.weight_decay = config.training.sgd.weight_decay;
    options.seed = config.training.seed;
    options.label = "fine-tune";
    const std::shared_ptr<nn::Network> network = out.network;
    const train::TrainResult r = train::train_classifier(
        network->module(), [&](const torch::Tensor& x) { return network->forward(x); }, setup.data, options);
    out.weights["source"] = "supernet, fine-tuned stand-alone";
    out.weights["finetune"] = {{"epochs", options.epochs}, {"batch_size", options.batch_size},
                               {"learning_rate", options.learning_rate}, {"train_images", setup.data.train.size()}};
    out.accuracy["finetuned_valid"] = r.valid_accuracy;
    out.accuracy["finetuned_test"] = r.test_accuracy;
  }
  return out;
}

Exportable from_ground_truth(const TrainConfig& config, const space::SearchSpace& space,
                             const space::Architecture& arch, std::optional<data::DatasetSplits>& data) {
  if (config.truth.empty()) {
    throw ConfigError("--from-ground-truth: the run's config names no evaluation.truth, whose fidelity it trains at");
  }
  const nlohmann::json fidelity_json = eval::read_fidelity_json(config.truth);
  const eval::Fidelity fidelity = eval::Fidelity::from_json(fidelity_json);
  data.emplace(data::load_dataset(fidelity.data));
  Exportable out;
  out.data = &*data;
  const eval::GroundTruthRow row = eval::train_standalone(space, arch, *data, fidelity, &out.network);
  out.weights = {{"source", "stand-alone training from scratch at the ground truth's fidelity"},
                 {"ground_truth", config.truth}, {"fidelity", fidelity_json}, {"train_seconds", row.train_seconds}};
  out.accuracy = {{"stand_alone_valid", row.valid_accuracy}, {"stand_alone_test", row.test_accuracy}};
  const CsvTable truth = read_csv(config.truth);
  const std::size_t arch_column = truth.column("arch"), test_column = truth.column("test_acc");
  for (const auto& r : truth.rows) {
    if (r[arch_column] == row.arch) out.accuracy["ground_truth_test"] = std::stod(r[test_column]);
  }
  return out;
}

}  // namespace

ExportResult export_from_run(const ExportOptions& o, std::FILE* log) {
  const auto start = std::chrono::steady_clock::now();
  if (o.finetune_epochs < 0 || (o.finetune_epochs > 0 && o.from_ground_truth)) {
    throw ConfigError("--finetune-epochs must be >= 0, and not given with --from-ground-truth");
  }
  const TrainConfig config = read_run_config(o.run_dir);
  const std::filesystem::path parent = std::filesystem::path(o.out).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);  // before the work, not after
  const RunSetup setup = assemble_run(config, o.run_dir, /*measure_if_missing=*/false);
  const space::Architecture arch = parse_arch(*setup.space, o.arch);
  nn::set_compute_threads(config.threads);
  std::optional<data::DatasetSplits> truth_data;
  const Exportable source = o.from_ground_truth ? from_ground_truth(config, *setup.space, arch, truth_data)
                                                : from_supernet(o, config, setup, arch, log);
  const data::DatasetSplits& data = *source.data;
  const train::Batch batch = export_check_batch(data, o.run_dir);
  const int64_t checked = batch.labels.size(0);

  // Export, then load the bytes back and compare before anything is written.
  nn::Network& network = *source.network;
  std::ostringstream bytes;
  deploy::export_torchscript(network, batch.images.slice(0, 0, 2)).save(bytes);
  std::istringstream in(bytes.str());
  torch::jit::Module loaded = torch::jit::load(in);
  network.module().eval();
  torch::NoGradGuard no_grad;
  const torch::Tensor expected = network.forward(batch.images);
  const torch::Tensor got = loaded.forward({batch.images}).toTensor();
  ExportResult result;
  result.max_difference = (got - expected).abs().max().item<double>();
  result.checked_images = checked;
  if (!(result.max_difference <= kExportTolerance)) {
    throw Error(fmt::format("export: the TorchScript module's logits differ from prpnas's by {:.3g} (more than {}) "
                            "on {} test images; nothing written",
                            result.max_difference, kExportTolerance, checked));
  }
  nlohmann::json accuracy = source.accuracy;
  accuracy["exported_test"] = 100.0 * got.argmax(1).eq(batch.labels).sum().item<double>() / static_cast<double>(checked);
  accuracy["exported_test_images"] = checked;

  result.sidecar = {
      {"format", "TorchScript (torch.jit.load / torch::jit::load), input float [N, C, H, W], output logits [N, classes]"},
      {"arch", setup.space->format(arch)},
      {"weights", source.weights},
      {"accuracy", accuracy},
      {"costs", ArchitectureCostSheet(config, setup, o.run_dir).costs(arch)},
      {"check", check_json(batch, expected, data.test, result.max_difference)},
      {"libraries", nn::torch_info()},
  };
  result.sidecar.update(input_description(config, setup, data));
  write_file_atomically(o.out, bytes.str());
  write_file_atomically(o.out + ".json", result.sidecar.dump(2) + "\n");
  result.bytes = static_cast<int64_t>(bytes.str().size());
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace prpnas::run
