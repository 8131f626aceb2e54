#include "prpnas/run/battery_run.h"

#include <filesystem>

#include <fmt/core.h>

#include "prpnas/deploy/battery_policy.h"
#include "prpnas/deploy/bundle_manifest.h"
#include "prpnas/hw/device_table.h"
#include "prpnas/report/png_copy.h"
#include "prpnas/report/svg_plot.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::run {
namespace {

// Accuracy and energy per inference of each architecture, and where the energy is from.
std::vector<deploy::Choice> bundle_choices(const BatterySimulateOptions& o, const deploy::BundleManifest& m,
                                           std::string& source) {
  std::vector<deploy::Choice> choices;
  if (o.energy_table.empty()) {
    for (const auto& e : m.entries) {
      if (!e.energy_mj) {
        throw DataError(fmt::format("{}: architecture {} has no energy_mj (its LUT gives latency only); name a device "
                                    "table with --energy-table and --energy-column",
                                    m.path, choices.size()));
      }
      choices.push_back({e.accuracy, *e.energy_mj});
    }
    source = "the bundle's manifest: " + m.entries.front().energy_source;
    return choices;
  }
  if (o.energy_column.empty()) throw ConfigError("--energy-table needs --energy-column (e.g. c10_edgegpu_energy)");
  const auto space = space::make_search_space(m.json.at("space").get<std::string>());
  const hw::DeviceTable table = hw::load_device_table(o.energy_table, *space);
  for (const auto& e : m.entries) {
    const std::optional<double> energy = table.cost(space->parse(e.arch), o.energy_column);
    if (!energy) {
      throw DataError(fmt::format("{}: no {} for architecture {} of the bundle", o.energy_table, o.energy_column,
                                  choices.size()));
    }
    choices.push_back({e.accuracy, *energy});
  }
  source = fmt::format("{}, column {}", o.energy_table, o.energy_column);
  return choices;
}

}  // namespace

BatterySimulateResult simulate_bundle(const BatterySimulateOptions& o) {
  if (o.accuracy != "bundle" && o.accuracy != "manifest") {
    throw ConfigError(fmt::format("--accuracy {}: bundle or manifest", o.accuracy));
  }
  const deploy::BundleManifest manifest = deploy::read_bundle_manifest(o.bundle);
  BatterySimulateResult result;
  std::vector<deploy::Choice> choices = bundle_choices(o, manifest, result.energy_source);
  if (o.accuracy == "bundle") {
    for (std::size_t k = 0; k < choices.size(); ++k) choices[k].accuracy = manifest.entries[k].bundle_test_accuracy;
    result.accuracy_source = fmt::format("the bundle's own test accuracy ({} test images)",
                                         manifest.json.at("check").at("test_images").get<int64_t>());
  } else {
    result.accuracy_source = "the manifest: " + manifest.entries.front().accuracy_kind;
  }
  std::vector<std::unique_ptr<deploy::BatteryPolicy>> policies;
  for (const std::string& spec : o.policies) policies.push_back(deploy::parse_battery_policy(spec));  // all, first
  std::filesystem::create_directories(o.out);

  CsvTable trace{o.out + "/battery.csv", {"policy", "hours", "charge_percent", "active", "accuracy"}, {}, {}};
  result.summary = CsvTable{o.out + "/summary.csv",
                            {"policy", "hours_run", "emptied", "charge_left_percent", "energy_mwh",
                             "power_saved_percent", "mean_accuracy", "switches"},
                            {},
                            {}};
  report::Plot plot{fmt::format("Battery over {} h at {} inferences/s, {} mWh", o.simulation.hours,
                                o.simulation.rate_hz, o.simulation.capacity_mwh),
                    "hours", "battery left (%)", {}, false};
  // Mean power of running the most accurate architecture throughout: what a
  // policy saves is measured against it.
  const deploy::SimulationResult reference =
      deploy::simulate_battery(choices, *deploy::parse_battery_policy("most-accurate"), o.simulation);
  const double reference_power = reference.energy_mj / reference.hours_run;
  for (const auto& policy : policies) {
    const deploy::SimulationResult r = deploy::simulate_battery(choices, *policy, o.simulation);
    report::Series series;
    series.name = policy->name();
    series.style = report::Series::Style::kLine;
    for (const auto& s : r.samples) {
      trace.rows.push_back({policy->name(), fmt::format("{:.6g}", s.hours), fmt::format("{:.6g}", 100 * s.charge),
                            std::to_string(s.active), fmt::format("{:.6g}", choices[s.active].accuracy)});
      series.x.push_back(s.hours);
      series.y.push_back(100 * s.charge);
    }
    plot.series.push_back(series);
    result.summary.rows.push_back({policy->name(), fmt::format("{:.4g}", r.hours_run), r.emptied ? "yes" : "no",
                                   fmt::format("{:.4g}", 100 * r.charge_left), fmt::format("{:.6g}", r.energy_mj / 3600),
                                   fmt::format("{:.4g}", 100 * (1 - r.energy_mj / r.hours_run / reference_power)),
                                   fmt::format("{:.4g}", r.mean_accuracy), std::to_string(r.switches_at.size())});
  }
  write_csv_file(trace.source, trace);
  write_csv_file(result.summary.source, result.summary);
  const std::string svg = o.out + "/battery.svg";
  report::write_svg(svg, report::render_svg(plot));
  report::write_png_copy(svg);
  return result;
}

}  // namespace prpnas::run
