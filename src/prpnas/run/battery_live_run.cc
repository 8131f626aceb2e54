#include "prpnas/run/battery_live_run.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "prpnas/data/image_dataset.h"
#include "prpnas/deploy/battery_policy.h"
#include "prpnas/deploy/switchable_model.h"
#include "prpnas/hw/rapl_meter.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"
#include "prpnas/util/interruption.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::run {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void check_options(const BatteryLiveOptions& o) {
  if (!(o.seconds > 0 && std::isfinite(o.seconds))) throw ConfigError(fmt::format("--seconds {}: give a positive length", o.seconds));
  if (o.inferences < 0) throw ConfigError(fmt::format("--inferences {}: give 0 (no limit) or a count", o.inferences));
  if (!(o.rate_hz >= 0 && std::isfinite(o.rate_hz))) throw ConfigError(fmt::format("--rate {}: give 0 (back to back) or a rate", o.rate_hz));
  if (o.threads < 1) throw ConfigError(fmt::format("--threads {}: give 1 or more", o.threads));
}

// The test images, normalised as the manifest says, with their labels.
struct TestImages {
  torch::Tensor images, labels;
  std::string source;
};

TestImages test_images(const BatteryLiveOptions& o, const nlohmann::json& manifest) {
  data::DatasetOptions options;
  options.spec = o.data.empty() ? manifest.at("dataset").get<std::string>() : o.data;
  data::DatasetSplits splits = data::load_dataset(options);
  if (splits.test.size() == 0) throw DataError(fmt::format("--data {}: has no test images to infer on", options.spec));
  const nlohmann::json& input = manifest.at("input");
  const std::vector<int64_t> want = {input.at("channels"), input.at("height"), input.at("width")};
  const auto shape = splits.test.images.sizes().slice(1).vec();
  if (shape != want) {
    throw ConfigError(fmt::format("--data {}: images are {}x{}x{} but the bundle takes {}x{}x{}", options.spec, shape[0],
                                  shape[1], shape[2], want[0], want[1], want[2]));
  }
  // The bundle's own normalisation, not the one recomputed from these files.
  splits.mean = manifest.at("normalisation").at("mean").get<std::vector<float>>();
  splits.stddev = manifest.at("normalisation").at("std").get<std::vector<float>>();
  return {data::normalize(splits.test.images, splits), splits.test.labels, splits.source};
}

// Measures every architecture briefly, so that the policy ranks them by what
// they cost on this machine: {bundle accuracy, mJ per inference}.
std::vector<deploy::Choice> calibrate(deploy::SwitchableModel& model, const TestImages& test, const hw::RaplMeter& rapl,
                                      double power_watts, std::vector<double>& latency_ms) {
  constexpr int kWarmup = 3, kTimed = 20;
  std::vector<deploy::Choice> choices;
  for (std::size_t k = 0; k < model.size(); ++k) {
    model.select(k);
    for (int i = 0; i < kWarmup; ++i) model.infer(test.images.narrow(0, i, 1));
    const hw::RaplSample before = rapl.available() ? rapl.sample() : hw::RaplSample{};
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < kTimed; ++i) model.infer(test.images.narrow(0, i % test.images.size(0), 1));
    const double ms = 1000 * seconds_since(start) / kTimed;
    const double mj = rapl.available() ? 1000 * rapl.joules_between(before, rapl.sample()) / kTimed
                                       : hw::model_energy_mj(ms, power_watts);
    latency_ms.push_back(ms);
    choices.push_back({model.entries()[k].bundle_test_accuracy, mj});
  }
  return choices;
}

CsvTable switch_table(const std::string& path, const deploy::BatteryLedger& ledger,
                      const std::vector<deploy::BundleEntry>& entries) {
  CsvTable table{path, {"wall_s", "device_hours", "charge_percent", "from", "to", "to_arch"}, {}, {}};
  for (const deploy::SwitchEvent& s : ledger.switches()) {
    table.rows.push_back({number_cell(s.wall_s), number_cell(s.hours), number_cell(100 * s.charge),
                          std::to_string(s.from), std::to_string(s.to), entries[s.to].arch});
  }
  return table;
}

CsvTable summary_table(const std::string& path, const deploy::BatteryLedger& ledger, double time_scale,
                       const std::vector<deploy::BundleEntry>& entries, const std::vector<deploy::Choice>& calibrated,
                       const std::vector<double>& calibrated_ms) {
  CsvTable table{path,
                 {"index", "arch", "inferences", "active_s", "device_hours", "accuracy", "bundle_test_accuracy",
                  "latency_ms", "calibration_latency_ms", "manifest_latency_ms", "energy_mj", "calibration_energy_mj",
                  "manifest_energy_mj"},
                 {},
                 {}};
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const deploy::ArchitectureTally& t = ledger.tallies()[k];
    const double n = static_cast<double>(t.inferences);  // 0: the means are NaN, written empty
    table.rows.push_back({std::to_string(k), entries[k].arch, std::to_string(t.inferences), number_cell(t.active_s),
                          number_cell(t.active_s * time_scale / 3600), number_cell(100.0 * t.correct / n),
                          number_cell(entries[k].bundle_test_accuracy), number_cell(t.latency_ms / n),
                          number_cell(calibrated_ms[k]), number_cell(entries[k].latency_ms.value_or(NAN)),
                          number_cell(t.energy_mj / n), number_cell(calibrated[k].energy_mj),
                          number_cell(entries[k].energy_mj.value_or(NAN))});
  }
  return table;
}

}  // namespace

BatteryLiveResult run_battery_live(const BatteryLiveOptions& o) {
  check_options(o);
  const std::unique_ptr<deploy::BatteryPolicy> policy = deploy::parse_battery_policy(o.policy);
  nn::set_compute_threads(o.threads);
  deploy::SwitchableModel model(o.bundle);
  const TestImages test = test_images(o, model.manifest());
  const hw::RaplMeter rapl;
  std::vector<double> calibrated_ms;
  const std::vector<deploy::Choice> choices = calibrate(model, test, rapl, o.power_watts, calibrated_ms);
  BatteryLiveResult result{deploy::BatteryLedger(o.capacity_mwh, o.time_scale, model.size(),
                                                 policy->choose({0, 1}, choices)),
                           rapl.energy_source(o.power_watts), 0, {}};
  deploy::BatteryLedger& ledger = result.ledger;
  std::filesystem::create_directories(o.out);

  CsvTable log{o.out + "/log.csv", {"wall_s", "device_hours", "charge_percent", "active", "inferences"}, {}, {}};
  const int64_t images = test.images.size(0);
  const Clock::time_point start = Clock::now();
  hw::RaplSample last = rapl.available() ? rapl.sample() : hw::RaplSample{};
  int64_t done = 0;
  double next_log_s = 0;
  while (!ledger.empty() && stop_signal() == 0 && (o.inferences == 0 || done < o.inferences)) {
    const double wall = seconds_since(start);
    if (wall >= o.seconds) break;
    if (wall >= next_log_s) {
      const deploy::DeviceState s = ledger.state(wall);
      log.rows.push_back({number_cell(wall), number_cell(s.hours), number_cell(100 * s.charge),
                          std::to_string(ledger.active()), std::to_string(done)});
      next_log_s = std::floor(wall) + 1;
    }
    const std::size_t k = policy->choose(ledger.state(wall), choices);
    if (k != ledger.active()) {
      ledger.activate(k, wall);
      if (o.on_switch) o.on_switch(ledger.switches().back());
    }
    model.select(k);
    const int64_t i = done % images;
    const Clock::time_point began = Clock::now();
    const torch::Tensor logits = model.infer(test.images.narrow(0, i, 1));
    const double latency_ms = 1000 * seconds_since(began);
    double energy_mj = 0;
    if (rapl.available()) {  // the package's energy since the last inference: idle time included
      const hw::RaplSample now = rapl.sample();
      energy_mj = 1000 * rapl.joules_between(last, now);
      last = now;
    } else {
      energy_mj = hw::model_energy_mj(latency_ms, o.power_watts);
    }
    const bool correct = logits.argmax(1).item<int64_t>() == test.labels[i].item<int64_t>();
    ++done;
    ledger.record(seconds_since(start), latency_ms, energy_mj, correct);
    if (o.rate_hz > 0) std::this_thread::sleep_until(start + std::chrono::duration<double>(done / o.rate_hz));
  }
  result.wall_s = std::min(seconds_since(start), o.seconds);
  ledger.activate(ledger.active(), result.wall_s);  // closes the last interval
  const deploy::DeviceState end = ledger.state(result.wall_s);
  log.rows.push_back({number_cell(result.wall_s), number_cell(end.hours), number_cell(100 * end.charge),
                      std::to_string(ledger.active()), std::to_string(done)});

  result.summary = summary_table(o.out + "/summary.csv", ledger, o.time_scale, model.entries(), choices, calibrated_ms);
  write_csv_file(log.source, log);
  write_csv_file(o.out + "/switches.csv", switch_table(o.out + "/switches.csv", ledger, model.entries()));
  write_csv_file(result.summary.source, result.summary);
  const nlohmann::json run = {
      {"bundle", o.bundle}, {"policy", policy->name()}, {"data", test.source},
      {"seconds", result.wall_s}, {"rate_hz", o.rate_hz}, {"time_scale", o.time_scale},
      {"capacity_mwh", o.capacity_mwh}, {"threads", o.threads},
      {"energy", {{"kind", result.energy.kind}, {"power_watts", result.energy.power_watts},
                  {"description", result.energy.description}}},
      {"inferences", done}, {"device_hours", end.hours}, {"charge_left_percent", 100 * end.charge},
      {"emptied", ledger.empty()}, {"mean_accuracy", ledger.mean_accuracy()},
      {"switches", ledger.switches().size()}, {"interrupted_by", stop_signal() ? signal_name(stop_signal()) : ""},
  };
  write_file_atomically(o.out + "/run.json", run.dump(2) + "\n");
  if (stop_signal() != 0) {
    throw Interrupted(stop_signal(), fmt::format("battery run stopped by {} after {:.1f} s; what ran is in {}",
                                                 signal_name(stop_signal()), result.wall_s, o.out));
  }
  return result;
}

}  // namespace prpnas::run
