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
#include "prpnas/hw/device_lut_import.h"
#include "prpnas/hw/latency_table.h"
#include "prpnas/hw/network_latency.h"
#include "prpnas/nn/mbconv/config.h"
#include "prpnas/run/estimator_comparison.h"
#include "prpnas/nn/supernet_factory.h"
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

void print_estimator_rows(const std::vector<run::EstimatorRow>& rows) {
  fmt::print("estimator,architectures,kendall_tau_b,spearman,mape_percent\n");
  for (const run::EstimatorRow& r : rows) {
    fmt::print("{},{},{:.4f},{:.4f},{:.2f}\n", r.name, r.architectures, r.kendall_tau_b, r.spearman, r.mape);
  }
}

void run_eval(const LutEvalOptions& o) {
  const auto s = space::make_search_space(o.space);
  const run::LatencyPair pair = run::read_latency_pair(o.lut, o.measured, *s, stderr);
  print_estimator_rows({run::evaluate_lut(*s, pair)});
}

struct LutImportOptions {
  std::string space = "proxyless", from, out;
  std::string device;  // default: the device of the space's published tables
  int resolution = 224;
};

// The family's ImageNet network (its imagenet preset, 1000 classes) at the table's resolution.
void run_import(const LutImportOptions& o) {
  const auto s = space::make_search_space(o.space);
  const auto* mbconv = dynamic_cast<const space::MbConvSpace*>(s.get());
  if (mbconv == nullptr) {
    throw ConfigError("--space " + o.space + ": lut import reads per-block tables of the MobileNet-style spaces "
                      "(proxyless, mobilenetv2, ofa)");
  }
  if (o.resolution < 32 || o.resolution > 1024) throw ConfigError("--resolution must be in 32..1024");
  const nn::MbConvConfig network = nn::mbconv_preset(o.space, "imagenet", 3, o.resolution, 1000);
  hw::MbChannels channels{network.stem_channels(), network.first_block_channels(), {}, network.head_channels,
                          network.feature_mix_channels};
  for (std::size_t k = 0; k < network.stage_strides.size(); ++k) {
    channels.stages.push_back(network.stage_channels(static_cast<int>(k)));
  }
  const std::string device = !o.device.empty() ? o.device
                             : o.space == "ofa" ? "Samsung Galaxy Note10 (Once-for-All's latency tables)"
                                                : "Google Pixel 1 (the ProxylessNAS paper's mobile phone)";
  hw::MeasurementSetup setup;
  hw::describe_this_machine(setup, device,
                            "imported from " + o.from + " (mean_ms as median_ms, std or sqrt(var) as mad_ms)");
  setup.cpu_model = "";
  setup.space = o.space;
  setup.preset = "imagenet";
  setup.network = nn::network_json({o.space, "imagenet", 3, o.resolution, 1000});
  setup.energy = {{"source", "none"}, {"description", "the device table gives latency only"}};
  const hw::LatencyTable table = hw::import_device_table(o.from, *mbconv, channels, o.resolution, setup);
  hw::write_latency_table(o.out, table, *s);
  fmt::print(stderr, "prpnas: wrote {} ({} layers, device: {})\n", o.out, table.choice.size(), device);
}

struct LutCompareOptions {
  LutEvalOptions files;
  std::uint64_t seed = 0;
  double train_fraction = 0.7;
};

void run_compare(const LutCompareOptions& o) {
  const auto s = space::make_search_space(o.files.space);
  const run::LatencyPair pair = run::read_latency_pair(o.files.lut, o.files.measured, *s, stderr);
  const run::EstimatorComparison c = run::compare_estimators(*s, pair, o.train_fraction, o.seed);
  print_estimator_rows(c.rows);
  std::fflush(stdout);
  fmt::print(stderr, "prpnas: {} architectures: predictors trained on {}, all estimators judged on the other {} "
             "(--seed {})\n", pair.measured.archs.size(), c.train, c.test, o.seed);
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
  eval->add_option("--space", e->space, "search space (nb201, chain, darts, proxyless, mobilenetv2 or ofa)")->capture_default_str();
  eval->add_option("--lut", e->lut, "LUT file from `lut measure`")->required();
  eval->add_option("--measured", e->measured, "file from `latency measure`")->required();
  eval->callback([e] { run_eval(*e); });

  auto i = std::make_shared<LutImportOptions>();
  CLI::App* import = lut->add_subcommand(
      "import", "a LUT from a published per-block device table (ProxylessNAS mobile_trim, Once-for-All Note10), "
                "for its ImageNet network");
  import->add_option("--space", i->space, "proxyless, mobilenetv2 or ofa")->capture_default_str();
  import->add_option("--from", i->from, "the device table as CSV (../shared/data/device_luts/README.md)")->required();
  import->add_option("--out", i->out, "LUT file (CSV) to write, with OUT.json")->required();
  import->add_option("--device", i->device, "device name to record (default: the Pixel 1 for proxyless and "
                                            "mobilenetv2, the Note10 for ofa)");
  import->add_option("--resolution", i->resolution, "input side the table was measured at")->capture_default_str();
  import->callback([i] { run_import(*i); });

  auto c = std::make_shared<LutCompareOptions>();
  CLI::App* compare = lut->add_subcommand(
      "compare", "LUT vs XGBoost vs MLP predictors, trained on part of the measurements and judged on the rest");
  compare->add_option("--space", c->files.space, "search space (nb201, chain, darts, proxyless, mobilenetv2 or ofa)")->capture_default_str();
  compare->add_option("--lut", c->files.lut, "LUT file from `lut measure`")->required();
  compare->add_option("--measured", c->files.measured, "file from `latency measure`")->required();
  compare->add_option("--train-fraction", c->train_fraction, "part of the measurements the predictors learn from")
      ->capture_default_str();
  compare->add_option("--seed", c->seed, "seed of the split and of the predictors")->capture_default_str();
  compare->callback([c] { run_compare(*c); });
}

}  // namespace prpnas::cli
