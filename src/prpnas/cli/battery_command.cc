// `prpnas battery simulate`: a bundle's architectures through a simulated
// day under battery policies (run/battery_run.h); `prpnas battery run`: the
// bundle itself on this machine, metered (run/battery_live_run.h).
#include <memory>

#include <fmt/core.h>

#include "prpnas/cli/commands.h"
#include "prpnas/data/image_dataset.h"
#include "prpnas/run/battery_live_run.h"
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

void run_live(run::BatteryLiveOptions o) {
  o.on_switch = [](const deploy::SwitchEvent& s) {
    fmt::print("{:8.1f} s  device {:6.2f} h  battery {:5.1f} %  switch {} -> {}\n", s.wall_s, s.hours, 100 * s.charge,
               s.from, s.to);
    std::fflush(stdout);
  };
  const run::BatteryLiveResult r = run::run_battery_live(o);
  const deploy::BatteryLedger& ledger = r.ledger;
  const deploy::DeviceState end = ledger.state(r.wall_s);
  fmt::print("{}: {} for {:.1f} s ({:.2f} device hours at time scale {}), energy: {}\n", o.out, o.policy, r.wall_s,
             end.hours, o.time_scale, r.energy.description);
  fmt::print("{:>5} {:>10} {:>9} {:>10} {:>12} {:>12} {:>12} {:>11}\n", "arch", "inferences", "active s", "accuracy",
             "bundle acc.", "latency ms", "manifest ms", "energy mJ");
  for (const auto& row : r.summary.rows) {
    auto cell = [&](const char* name) { return row[r.summary.column(name)]; };
    fmt::print("{:>5} {:>10} {:>9} {:>9}% {:>11}% {:>12} {:>12} {:>11}\n", cell("index"), cell("inferences"),
               cell("active_s"), cell("accuracy"), cell("bundle_test_accuracy"), cell("latency_ms"),
               cell("manifest_latency_ms"), cell("energy_mj"));
  }
  fmt::print("battery left {:.2f} %{}, {} switches, time-weighted accuracy {:.2f} %; files: switches.csv, log.csv, "
             "summary.csv, run.json\n",
             100 * end.charge, ledger.empty() ? " (emptied)" : "", ledger.switches().size(), ledger.mean_accuracy());
}

}  // namespace

void add_battery_command(CLI::App& app) {
  CLI::App* battery = app.add_subcommand("battery", "a bundle on a battery: simulate a day of switching, or run it here");
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

  auto l = std::make_shared<run::BatteryLiveOptions>();
  CLI::App* live = battery->add_subcommand("run", "run the bundle on this machine: infer on test images, meter, switch");
  live->add_option("--bundle", l->bundle, "a bundle folder (prpnas export --front)")->required();
  live->add_option("--policy", l->policy, "fixed:K, most-accurate, most-efficient, time:H, battery:P1,P2,... or accuracy:X")
      ->capture_default_str();
  live->add_option("--seconds", l->seconds, "wall-clock length")->capture_default_str();
  live->add_option("--inferences", l->inferences, "stop after this many too (0: no limit)")->capture_default_str();
  live->add_option("--rate", l->rate_hz, "inferences per second (0: back to back)")->capture_default_str();
  live->add_option("--capacity-mwh", l->capacity_mwh, "battery capacity, mWh")->capture_default_str();
  live->add_option("--time-scale", l->time_scale,
                   "device seconds per wall second: 480 plays 24 h in 3 min, each inference standing for 480")
      ->capture_default_str();
  live->add_option("--power-watts", l->power_watts, "energy model (power x latency) when RAPL is not readable")
      ->capture_default_str();
  live->add_option("--threads", l->threads, "libtorch threads")->capture_default_str();
  live->add_option("--data", l->data, std::string("test images (default: the manifest's dataset): ") + data::kDatasetSpecs);
  live->add_option("--out", l->out, "output folder")->required();
  live->callback([l] { run_live(*l); });
}

}  // namespace prpnas::cli
