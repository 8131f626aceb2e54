// `prpnas export`: one architecture of a trained run as a TorchScript file
// (run/export_run.h).
#include <memory>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/run/export_run.h"

namespace prpnas::cli {

void add_export_command(CLI::App& app) {
  auto o = std::make_shared<run::ExportOptions>();
  CLI::App* command =
      app.add_subcommand("export", "write one architecture of a trained run as a self-contained TorchScript file");
  command->add_option("--run", o->run_dir, "training run directory (prpnas train --out)")->required();
  command->add_option("--arch", o->arch, "the architecture, as the space's native string")->required();
  command->add_option("--out", o->out, "the TorchScript file (its description goes to OUT.json)")->required();
  command->add_option("--finetune-epochs", o->finetune_epochs,
                      "train the supernet's network this many epochs stand-alone first (the run's data and SGD)")
      ->capture_default_str();
  command->add_flag("--from-ground-truth", o->from_ground_truth,
                    "train the network from scratch at the fidelity of the run's evaluation.truth instead");
  command->callback([o] {
    const run::ExportResult r = run::export_from_run(*o, stderr);
    fmt::print("{}: {:.1f} KiB in {:.1f} s ({}); logits within {:.2g} of prpnas's on {} test images, test accuracy "
               "{:.2f} %; described in {}.json\n",
               o->out, r.bytes / 1024.0, r.seconds, r.sidecar["weights"]["source"].get<std::string>(),
               r.max_difference, r.checked_images, r.sidecar["accuracy"]["exported_test"].get<double>(), o->out);
  });
}

}  // namespace prpnas::cli
