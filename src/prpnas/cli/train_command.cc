// `prpnas train`: a supernet training run (PRP, its ablation, or a baseline)
// from a TOML configuration into a run directory; the same command resumes.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/run_latency.h"
#include "prpnas/cli/train_config.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/train/supernet_training.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {
namespace {

struct TrainCommandOptions {
  std::string method, space = "nb201", config = "configs/quick.toml", out;
};

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first line where two configurations differ, for the resume refusal.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string lx, ly;
  while (true) {
    const bool more_x = static_cast<bool>(std::getline(x, lx)), more_y = static_cast<bool>(std::getline(y, ly));
    if (!more_x && !more_y) return "";
    if (!more_x) lx.clear();
    if (!more_y) ly.clear();
    if (lx != ly) return fmt::format("'{}' was '{}'", ly, lx);
  }
}

// Records the effective configuration, or checks a resumed run used the same.
void claim_run_directory(const std::string& out, const std::string& config) {
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) throw ConfigError(fmt::format("--out {}: cannot create the directory ({})", out, ec.message()));
  const std::string path = out + "/config.toml";
  if (std::filesystem::exists(path)) {
    const std::string before = read_text(path);
    if (before != config) {
      throw ConfigError(fmt::format("{} was started with other settings ({}); use the same settings to resume, or "
                                    "another --out",
                                    out, first_difference(before, config)));
    }
    return;
  }
  write_file_atomically(path, config);
}

// `arch` and `valid_acc` columns of a stand-alone results file (ground-truth's format).
train::ScoredArchitectures read_scored(const std::string& path, const space::SearchSpace& space,
                                       const char* field) {
  train::ScoredArchitectures scored;
  if (path.empty()) return scored;
  if (!std::filesystem::exists(path)) {
    throw ConfigError(fmt::format("{} = '{}': no such file (relative paths start at the working directory; run "
                                  "from the repository root, or set it to \"\" to go without)",
                                  field, path));
  }
  const CsvTable csv = read_csv(path);
  const std::size_t arch = csv.column("arch");
  scored.accuracy = csv.numbers("valid_acc");
  for (std::size_t i = 0; i < csv.rows.size(); ++i) {
    try {
      scored.archs.push_back(space.parse(csv.rows[i][arch]));
    } catch (const Error& e) {
      throw DataError(fmt::format("{}:{}: {}", path, csv.lines[i], e.what()));
    }
  }
  if (scored.empty()) throw DataError(fmt::format("{}: no architectures; give a file with rows", path));
  return scored;
}

void run(const TrainCommandOptions& o) {
  if (o.space != "nb201") throw ConfigError(fmt::format("--space {}: only nb201 trains so far", o.space));
  const TrainConfig config = read_train_config(o.config, o.method);
  claim_run_directory(o.out, effective_config(config));
  const space::Nb201Space space;
  const data::DatasetSplits data = data::load_dataset(config.data);

  train::TrainingInputs inputs;
  inputs.network = nn::nb201_preset(config.preset, data.channels, data.height, data.num_classes);
  inputs.truth = read_scored(config.truth, space, "evaluation.truth");
  inputs.rank_table = read_scored(config.rank_table, space, "ranking.table");
  inputs.latency_ms = run_latency_table(config, inputs.network, o.out, space, /*measure_if_missing=*/true);
  nn::set_compute_threads(config.threads);  // after the LUT, which times one thread

  const nlohmann::json summary = train::run_supernet_training(data, inputs, config.training, o.out, stderr);
  const auto& last = summary["final"];
  auto show = [&](const char* key) {
    return last.contains(key) && last[key].is_number() ? fmt::format("{:.3f}", last[key].get<double>())
                                                       : std::string("-");
  };
  fmt::print("{}: {} {} steps in {:.0f} s; Kendall tau-b vs ground truth: supernet {} (accuracy alone {}), "
             "alpha {}, latency alone {}; front {} of {} candidates, hypervolume {:.4f}\n",
             o.out, config.method, summary["steps"]["fairness"].get<int64_t>() +
                                       summary["steps"]["single_path"].get<int64_t>(),
             summary["seconds"]["total"].get<double>(), show("kendall_supernet"),
             show("kendall_supernet_accuracy"), show("kendall_alpha"),
             summary["kendall_latency_only"].is_number()
                 ? fmt::format("{:.3f}", summary["kendall_latency_only"].get<double>())
                 : std::string("-"),
             summary["front"]["size"].get<int64_t>(),
             summary["front"]["candidates"].get<int64_t>(), summary["front"]["hypervolume"].get<double>());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto o = std::make_shared<TrainCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "train", "train a supernet (PRP or a baseline) into a run directory; the same command resumes a killed run");
  command->add_option("--method", o->method, std::string("prp, prp-no-pruning, fairnas or spos (default: the "
                                                         "config's, else prp)"));
  command->add_option("--space", o->space)->capture_default_str();
  command->add_option("--config", o->config, "TOML configuration (keys: docs/CLI.md)")->capture_default_str();
  command->add_option("--out", o->out, "run directory")->required();
  command->callback([o] { run(*o); });
}

}  // namespace prpnas::cli
