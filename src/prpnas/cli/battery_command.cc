// `prpnas battery simulate`: a bundle's architectures through a simulated
// day under battery policies (run/battery_run.h).
#include <memory>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/run/battery_run.h"

namespace prpnas::cli {
namespace {

void simulate(const run::BatterySimulateOptions& o) {
  const run::BatterySimulateResult r = run::simulate_bundle(o);
  fmt::print("{}: {} policies, {} h at {} inferences/s on {} mWh; energy per inference from {}; accuracy from {}\n",
             o.out, o.policies.size(), o.simulation.hours, o.simulation.rate_hz, o.simulation.capacity_mwh,
             r.energy_source, r.accuracy_source);
  fmt::print("{:<16} {:>9} {:>8} {:>12} {:>12} {:>14} {:>9}\n", "policy", "hours run", "emptied", "battery left",
             "power saved", "mean accuracy", "switches");
  for (const auto& row : r.summary.rows) {
    fmt::print("{:<16} {:>9} {:>8} {:>11}% {:>11}% {:>13}% {:>9}\n", row[0], row[1], row[2], row[3], row[5], row[6],
               row[7]);
  }
  fmt::print("power saved: mean power against running the most accurate throughout; mean accuracy: time-weighted "
             "over the hours run; files: battery.csv, summary.csv, battery.svg\n");
}

}  // namespace

void add_battery_command(CLI::App& app) {
  CLI::App* battery = app.add_subcommand("battery", "a bundle on a battery: simulate a day of switching");
  battery->require_subcommand(1);
  auto o = std::make_shared<run::BatterySimulateOptions>();
  CLI::App* sim = battery->add_subcommand("simulate", "simulate a device repeating one inference at a fixed rate");
  sim->add_option("--bundle", o->bundle, "a bundle folder (prpnas export --front)")->required();
  sim->add_option("--capacity-mwh", o->simulation.capacity_mwh, "battery capacity, mWh")->required();
  sim->add_option("--hours", o->simulation.hours, "length of the day")->capture_default_str();
  sim->add_option("--rate", o->simulation.rate_hz, "inferences per second")->required();
  sim->add_option("--policy", o->policies,
                  "fixed:K, most-accurate, most-efficient, time:H, battery:P1,P2,... or accuracy:X; repeat for more")
      ->capture_default_str();
  sim->add_option("--energy-table", o->energy_table,
                  "per-architecture energy from a device table instead of the manifest (e.g. data/hwnasbench_nb201.csv.gz)");
  sim->add_option("--energy-column", o->energy_column, "its column, mJ per inference (e.g. c10_edgegpu_energy)");
  sim->add_option("--accuracy", o->accuracy,
                  "bundle: the bundle's networks' own test accuracy; manifest: each architecture's manifest accuracy")
      ->capture_default_str();
  sim->add_option("--out", o->out, "output folder")->required();
  sim->callback([o] { simulate(*o); });
}

}  // namespace prpnas::cli
