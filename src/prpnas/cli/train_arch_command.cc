// `prpnas train-arch`: train one architecture stand-alone and write metrics.json.
#include <filesystem>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/fidelity_options.h"
#include "prpnas/nn/torch_info.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct TrainArchOptions {
  std::string arch, out;
  eval::Fidelity fidelity;  // fidelity.space names the search space
  int threads = 1;
};

void run(TrainArchOptions& o) {
  apply_fidelity_options(o.fidelity, o.threads);
  const auto space = space::make_search_space(o.fidelity.space);
  const space::Architecture arch = space->parse(o.arch);
  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (ec) throw ConfigError("--out " + o.out + ": cannot create the directory (" + ec.message() + ")");

  const data::DatasetSplits data = data::load_dataset(o.fidelity.data);
  const eval::GroundTruthRow row = eval::train_standalone(*space, arch, data, o.fidelity);
  const nlohmann::json metrics = {{"arch", row.arch},
                                  {"space", o.fidelity.space},
                                  {"valid_acc", row.valid_accuracy},
                                  {"test_acc", row.test_accuracy},
                                  {"train_loss", row.train_loss},
                                  {"params", row.params},
                                  {"flops", row.flops},
                                  {"images_per_second", row.images_per_second},
                                  {"train_seconds", row.train_seconds},
                                  {"threads", o.threads},
                                  {"fidelity", o.fidelity.to_json()},
                                  {"prpnas", PRPNAS_VERSION},
                                  {"torch", nn::torch_info()}};
  const std::string path = (std::filesystem::path(o.out) / "metrics.json").string();
  write_file_atomically(path, metrics.dump(2) + "\n");
  fmt::print("{}: valid {:.2f}% test {:.2f}%, {} params, {} FLOPs, {:.0f} img/s, {:.1f} s\n", path,
             row.valid_accuracy, row.test_accuracy, row.params, row.flops, row.images_per_second,
             row.train_seconds);
}

}  // namespace

void add_train_arch_command(CLI::App& app) {
  auto o = std::make_shared<TrainArchOptions>();
  CLI::App* command = app.add_subcommand("train-arch", "train one architecture stand-alone; writes OUT/metrics.json");
  command->add_option("--space", o->fidelity.space)->capture_default_str();
  command->add_option("--arch", o->arch, "the architecture in its space's native string")->required();
  command->add_option("--out", o->out, "output directory")->required();
  add_fidelity_options(*command, o->fidelity, o->threads);
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
