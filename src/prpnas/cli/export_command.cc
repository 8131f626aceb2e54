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
  command->callback([o] {
    const run::ExportResult r = run::export_from_run(*o, stderr);
    fmt::print("{}: {:.1f} KiB in {:.1f} s; logits within {:.2g} of prpnas's on {} test images; test accuracy "
               "{:.2f} % (shared-weight validation estimate {:.2f} %); described in {}.json\n",
               o->out, r.bytes / 1024.0, r.seconds, r.max_difference, r.checked_images,
               r.sidecar["accuracy"]["exported_test"].get<double>(),
               r.sidecar["accuracy"]["shared_weight_valid"].get<double>(), o->out);
  });
}

}  // namespace prpnas::cli
