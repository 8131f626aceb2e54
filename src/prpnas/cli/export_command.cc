// `prpnas export`: one architecture of a trained run as a TorchScript file
// (run/export_run.h), or several of its front as a shared-weight bundle
// (run/bundle_run.h).
#include <memory>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/run/bundle_run.h"
#include "prpnas/run/export_run.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {
namespace {

struct ExportCommandOptions {
  run::ExportOptions single;
  bool front = false;
  int count = 5;
  std::string candidates;
};

void export_bundle(const ExportCommandOptions& o) {
  if (!o.single.arch.empty() || o.single.finetune_epochs > 0 || o.single.from_ground_truth) {
    throw ConfigError("--front exports the supernet's shared weights: give no --arch, --finetune-epochs or "
                      "--from-ground-truth with it");
  }
  const run::BundleResult r =
      run::export_bundle_from_run({o.single.run_dir, o.count, o.single.out, o.candidates}, stderr);
  const nlohmann::json& m = r.manifest;
  fmt::print("{}/bundle.pt: {} architectures in {:.1f} KiB, against {:.1f} KiB as separate files; logits within "
             "{:.2g} of each single network's on {} test images; {:.1f} s; manifest.json\n",
             o.single.out, m["architectures"].size(), m["bundle"]["bytes"].get<double>() / 1024,
             m["separate_exports_bytes"].get<double>() / 1024, r.max_difference, m["check"]["test_images"].get<int>(),
             r.seconds);
}

void export_one(const run::ExportOptions& o) {
  if (o.arch.empty()) throw ConfigError("export: give --arch A (one network) or --front (a bundle)");
  const run::ExportResult r = run::export_from_run(o, stderr);
  fmt::print("{}: {:.1f} KiB in {:.1f} s ({}); logits within {:.2g} of prpnas's on {} test images, test accuracy "
             "{:.2f} %; described in {}.json\n",
             o.out, r.bytes / 1024.0, r.seconds, r.sidecar["weights"]["source"].get<std::string>(), r.max_difference,
             r.checked_images, r.sidecar["accuracy"]["exported_test"].get<double>(), o.out);
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto all = std::make_shared<ExportCommandOptions>();
  run::ExportOptions* o = &all->single;
  CLI::App* command =
      app.add_subcommand("export", "write one architecture of a trained run as a self-contained TorchScript file");
  command->add_option("--run", o->run_dir, "training run directory (prpnas train --out)")->required();
  command->add_option("--arch", o->arch, "the architecture, as the space's native string");
  command->add_flag("--front", all->front, "a bundle of --count architectures across the run's front, sharing weights");
  command->add_option("--count", all->count, "architectures in a --front bundle")->capture_default_str();
  command->add_option("--candidates", all->candidates,
                      "with --front: a CSV with an arch column whose front to take (e.g. the run's pool.csv, a search's "
                      "output); default: the run's front.csv");
  command->add_option("--out", o->out, "the TorchScript file (its description goes to OUT.json), or the bundle's folder")
      ->required();
  command->add_option("--finetune-epochs", o->finetune_epochs,
                      "train the supernet's network this many epochs stand-alone first (the run's data and SGD)")
      ->capture_default_str();
  command->add_flag("--from-ground-truth", o->from_ground_truth,
                    "train the network from scratch at the fidelity of the run's evaluation.truth instead");
  command->callback([all] {
    if (!all->front && !all->candidates.empty()) throw ConfigError("--candidates goes with --front");
    all->front ? export_bundle(*all) : export_one(all->single);
  });
}

}  // namespace prpnas::cli
