#include "prpnas/hw/measured_latency.h"

#include <set>

#include <fmt/core.h>

#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {

std::vector<double> MeasuredLatency::median_ms() const {
  std::vector<double> out;
  for (const TimingSummary& t : latency) out.push_back(t.median_ms);
  return out;
}

void write_measured_latency(const std::string& path, const MeasuredLatency& measured) {
  CsvTable csv;
  csv.header = {"arch", "latency_ms", "mad_ms", "samples", "energy_mj"};
  for (std::size_t i = 0; i < measured.archs.size(); ++i) {
    const TimingSummary& t = measured.latency.at(i);
    csv.rows.push_back({measured.archs[i]});
    for (std::string& cell : timing_fields(t, measured.setup.power_watts())) {
      csv.rows.back().push_back(std::move(cell));
    }
  }
  write_with_setup(path, csv, measured.setup);
}

MeasuredLatency read_measured_latency(const std::string& path, const space::SearchSpace& space) {
  MeasuredLatency measured;
  measured.setup = read_setup_sidecar(path);
  if (measured.setup.space != space.name()) {
    throw ConfigError(fmt::format("{} holds latencies for space '{}', not '{}'", path, measured.setup.space,
                                  space.name()));
  }
  const CsvTable csv = read_csv(path);
  const std::size_t arch_col = csv.column("arch");
  const std::vector<double> median = csv.numbers("latency_ms"), mad = csv.numbers("mad_ms"),
                            samples = csv.numbers("samples");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < csv.rows.size(); ++i) {
    const std::string where = fmt::format("{}:{}", path, csv.lines[i]);
    const std::string& text = csv.rows[i][arch_col];
    try {
      measured.archs.push_back(space.format(space.parse(text)));
    } catch (const ParseError& e) {
      throw DataError(where + ": " + e.what());
    }
    if (!seen.insert(measured.archs.back()).second) throw DataError(where + ": architecture listed twice: " + text);
    if (!(median[i] > 0) || mad[i] < 0) throw DataError(where + ": latency must be positive; re-measure");
    measured.latency.push_back({median[i], mad[i], static_cast<int>(samples[i])});
  }
  if (measured.archs.empty()) throw DataError(path + ": no measurements; re-measure");
  return measured;
}

}  // namespace prpnas::hw
