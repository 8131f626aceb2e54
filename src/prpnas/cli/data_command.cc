// `prpnas data check`: load a dataset with the split a run would use and show
// what is in it, so a bad or missing file shows up before training starts.
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <memory>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/data/class_counts.h"
#include "prpnas/data/image_dataset.h"

namespace prpnas::cli {

namespace {

std::string join(const std::vector<float>& values) { return fmt::format("{:.4f}", fmt::join(values, " ")); }

void run_check(const data::DatasetOptions& o) {
  const data::DatasetSplits d = data::load_dataset(o);
  fmt::print("dataset: {}\n", d.name);
  fmt::print("source: {}\n", d.source);
  fmt::print("images: {}x{}x{} (channels x height x width), uint8\n", d.channels, d.height, d.width);
  fmt::print("classes: {}\n", d.num_classes);
  fmt::print("split: seed {}, valid_size {}\n", o.seed, o.valid_size);
  const std::vector<int64_t> train = data::class_counts(d.train, d.num_classes),
                             valid = data::class_counts(d.valid, d.num_classes),
                             test = data::class_counts(d.test, d.num_classes);
  fmt::print("{:>8} {:>8} {:>8} {:>8} {:>8}\n", "class", "train", "valid", "test", "total");
  for (int c = 0; c < d.num_classes; ++c) {
    fmt::print("{:>8} {:>8} {:>8} {:>8} {:>8}\n", c, train[c], valid[c], test[c], train[c] + valid[c] + test[c]);
  }
  fmt::print("{:>8} {:>8} {:>8} {:>8} {:>8}\n", "total", d.train.size(), d.valid.size(), d.test.size(),
             d.train.size() + d.valid.size() + d.test.size());
  fmt::print("mean: {} (train split, per channel, pixels in [0,1])\n", join(d.mean));
  fmt::print("std: {}\n", join(d.stddev));
}

}  // namespace

void add_data_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand("data", "check the image datasets that training uses");
  command->require_subcommand(1);
  auto o = std::make_shared<data::DatasetOptions>();
  CLI::App* check = command->add_subcommand(
      "check", "load a dataset, verify its files and print image shape, classes and per-split class counts");
  check->add_option("--dataset", o->spec, std::string("dataset (") + data::kDatasetSpecs + ")")
      ->capture_default_str();
  check->add_option("--valid-size", o->valid_size, "training images held out for validation")
      ->capture_default_str();
  check->add_option("--seed", o->seed, "seed of the train/valid split and of the limits")
      ->capture_default_str();
  check->add_option("--train-limit", o->train_limit, "keep this many train images (0 = all)");
  check->add_option("--valid-limit", o->valid_limit, "keep this many valid images (0 = all)");
  check->add_option("--test-limit", o->test_limit, "keep this many test images (0 = all)");
  check->callback([o] { run_check(*o); });
}

}  // namespace prpnas::cli
