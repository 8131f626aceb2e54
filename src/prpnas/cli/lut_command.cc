// `prpnas lut measure|eval|compare`: build a latency lookup table on this
// machine, and judge it (and learned predictors) against measured latency.
#include <fmt/core.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/cli/measure_options.h"
#include "prpnas/hw/estimate_quality.h"
#include "prpnas/hw/latency_table.h"
#include "prpnas/hw/measured_latency.h"
#include "prpnas/hw/mlp_predictor.h"
#include "prpnas/hw/train_test_split.h"
#include "prpnas/hw/xgboost_predictor.h"
#include "prpnas/hw/network_latency.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct LutMeasureOptions {
  MeasureOptions measure;
  std::string out;
};

void run_measure(const LutMeasureOptions& o) {
  const hw::MeasurementRecorder recorder(o.measure, o.measure.network.preset);
  const auto space = space::make_search_space(o.measure.space);
  hw::LatencyTable table = hw::measure_lut(network_spec(o.measure.network, o.measure.space), o.measure.latency, stderr);
  recorder.complete(table.setup);
  hw::write_latency_table(o.out, table, *space);
  fmt::print(stderr, "prpnas: wrote {} ({} rounds in {:.1f} s; energy: {})\n", o.out, o.measure.latency.repeats,
             table.setup.seconds, table.setup.energy["description"].get<std::string>());
}

struct LutEvalOptions {
  std::string space = "nb201", lut, measured;
};

// Reads both files and checks they time the same network the same way.
std::pair<hw::LatencyTable, hw::MeasuredLatency> read_pair(const LutEvalOptions& o, const space::SearchSpace& s) {
  hw::LatencyTable lut = hw::read_latency_table(o.lut, s);
  hw::MeasuredLatency measured = hw::read_measured_latency(o.measured, s);
  hw::check_comparable(lut.setup, o.lut, measured.setup, o.measured);
  if (lut.setup.device != measured.setup.device) {
    fmt::print(stderr, "prpnas: warning: {} was measured on '{}', {} on '{}'\n", o.lut, lut.setup.device,
               o.measured, measured.setup.device);
  }
  return {std::move(lut), std::move(measured)};
}

void print_quality_header() { fmt::print("estimator,architectures,kendall_tau_b,spearman,mape_percent\n"); }

void print_quality(const std::string& name, const std::vector<double>& estimate, const std::vector<double>& measured) {
  const hw::EstimateQuality q = hw::compare_estimates(estimate, measured);
  fmt::print("{},{},{:.4f},{:.4f},{:.2f}\n", name, estimate.size(), q.kendall_tau_b, q.spearman, q.mape);
}

void run_eval(const LutEvalOptions& o) {
  const auto s = space::make_search_space(o.space);
  const auto [lut, measured] = read_pair(o, *s);
  const space::CostTable cost = lut.latency_ms();
  std::vector<double> estimate;
  for (const std::string& arch : measured.archs) estimate.push_back(cost.cost(s->parse(arch)));
  print_quality_header();
  print_quality("lut", estimate, measured.median_ms());
}

struct LutCompareOptions {
  LutEvalOptions files;
  std::uint64_t seed = 0;
  double train_fraction = 0.7;
};

// The predictors learn from the measured training part; every estimator is
// judged on the same held-out part.
void run_compare(const LutCompareOptions& o) {
  const auto s = space::make_search_space(o.files.space);
  const auto [lut, measured] = read_pair(o.files, *s);
  if (!(o.train_fraction > 0 && o.train_fraction < 1)) {
    throw ConfigError(fmt::format("--train-fraction {}: must be between 0 and 1", o.train_fraction));
  }
  const hw::TrainTestSplit split = hw::split_train_test(measured.archs.size(), o.train_fraction, o.seed);
  if (split.train.size() < 10 || split.test.size() < 10) {
    throw ConfigError(fmt::format("{} has {} architectures; comparing predictors needs at least 10 in each of the "
                                  "train and test parts (measure 200 or more)",
                                  o.files.measured, measured.archs.size()));
  }
  auto part = [&](const std::vector<std::size_t>& rows) {
    std::pair<std::vector<space::Architecture>, std::vector<double>> out;
    for (std::size_t r : rows) {
      out.first.push_back(s->parse(measured.archs[r]));
      out.second.push_back(measured.latency[r].median_ms);
    }
    return out;
  };
  const auto [train_archs, train_ms] = part(split.train);
  const auto [test_archs, test_ms] = part(split.test);

  const space::CostTable cost = lut.latency_ms();
  std::vector<double> lut_estimate;
  for (const auto& arch : test_archs) lut_estimate.push_back(cost.cost(arch));
  print_quality_header();
  print_quality("lut", lut_estimate, test_ms);
  hw::XgboostPredictor xgboost(*s, o.seed);
  hw::MlpPredictor mlp(*s, o.seed);
  for (hw::CostPredictor* predictor : std::initializer_list<hw::CostPredictor*>{&xgboost, &mlp}) {
    predictor->fit(train_archs, train_ms);
    print_quality(predictor->name(), predictor->predict_all(test_archs), test_ms);
  }
  std::fflush(stdout);
  fmt::print(stderr, "prpnas: {} architectures: predictors trained on {}, all estimators judged on the other {} "
             "(--seed {})\n", measured.archs.size(), split.train.size(), split.test.size(), o.seed);
}

}  // namespace

void add_lut_command(CLI::App& app) {
  CLI::App* lut = app.add_subcommand("lut", "latency lookup tables: measure one on this machine, judge it");
  lut->require_subcommand(1);

  auto m = std::make_shared<LutMeasureOptions>();
  CLI::App* measure = lut->add_subcommand(
      "measure", "time every operation and fixed part of the supernet (batch, threads as given) into a LUT");
  add_measure_options(*measure, m->measure, /*default_repeats=*/500, /*default_warmup=*/50);
  measure->add_option("--seed", m->measure.latency.seed, "seed of the order the paths run in")->capture_default_str();
  measure->add_option("--out", m->out, "LUT file (CSV) to write, with OUT.json")->required();
  measure->callback([m] { run_measure(*m); });

  auto e = std::make_shared<LutEvalOptions>();
  CLI::App* eval = lut->add_subcommand(
      "eval", "Kendall tau-b, Spearman and MAPE of LUT estimates against measured latency (CSV to stdout)");
  eval->add_option("--space", e->space, "search space (known: nb201)")->capture_default_str();
  eval->add_option("--lut", e->lut, "LUT file from `lut measure`")->required();
  eval->add_option("--measured", e->measured, "file from `latency measure`")->required();
  eval->callback([e] { run_eval(*e); });

  auto c = std::make_shared<LutCompareOptions>();
  CLI::App* compare = lut->add_subcommand(
      "compare", "LUT vs XGBoost vs MLP predictors, trained on part of the measurements and judged on the rest");
  compare->add_option("--space", c->files.space, "search space (known: nb201)")->capture_default_str();
  compare->add_option("--lut", c->files.lut, "LUT file from `lut measure`")->required();
  compare->add_option("--measured", c->files.measured, "file from `latency measure`")->required();
  compare->add_option("--train-fraction", c->train_fraction, "part of the measurements the predictors learn from")
      ->capture_default_str();
  compare->add_option("--seed", c->seed, "seed of the split and of the predictors")->capture_default_str();
  compare->callback([c] { run_compare(*c); });
}

}  // namespace prpnas::cli
