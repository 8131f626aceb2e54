#include "prpnas/cli/fidelity_options.h"

#include "prpnas/cli/network_options.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/device.h"
#include "prpnas/util/error.h"
#include "prpnas/util/thread_count.h"

namespace prpnas::cli {

void add_fidelity_options(CLI::App& command, eval::Fidelity& f, int& threads) {
  command.add_option("--dataset", f.data.spec, data::kDatasetSpecs)->capture_default_str();
  command.add_option("--valid-size", f.data.valid_size, "training images held out for validation")
      ->capture_default_str();
  command.add_option("--train-limit", f.data.train_limit, "train on a seeded subset of this size (0 = all)")
      ->capture_default_str();
  command.add_option("--valid-limit", f.data.valid_limit, "validate on a subset (0 = all)")->capture_default_str();
  command.add_option("--test-limit", f.data.test_limit, "test on a subset (0 = all)")->capture_default_str();
  command.add_option("--preset", f.preset, kPresetHelp)->capture_default_str();
  command.add_option("--epochs", f.train.epochs)->capture_default_str();
  command.add_option("--batch-size", f.train.batch_size)->capture_default_str();
  command.add_option("--lr", f.train.learning_rate, "initial learning rate (cosine decay to 0)")
      ->capture_default_str();
  command.add_option("--weight-decay", f.train.weight_decay)->capture_default_str();
  command.add_option("--seed", f.train.seed, "seeds the initialisation and the image order")
      ->capture_default_str();
  command.add_option("--split-seed", f.data.seed, "seeds the train/validation split and subsets")
      ->capture_default_str();
  command.add_option("--threads", threads, "libtorch intra-op threads")->capture_default_str();
  command.add_option_function<std::string>(
      "--device", [&f](const std::string& name) { f.train.device = nn::parse_device(name, "--device"); },
      "cpu, cuda or cuda:N: where the networks train (default cpu)");
}

void apply_fidelity_options(const eval::Fidelity& f, int threads) {
  if (f.train.epochs < 1) throw ConfigError("--epochs must be at least 1");
  if (f.train.batch_size < 1) throw ConfigError("--batch-size must be at least 1");
  if (!(f.train.learning_rate > 0)) throw ConfigError("--lr must be positive");
  if (!(f.train.weight_decay >= 0)) throw ConfigError("--weight-decay must be >= 0");
  check_thread_count(threads, "--threads");
  nn::set_compute_threads(threads);
}

}  // namespace prpnas::cli
