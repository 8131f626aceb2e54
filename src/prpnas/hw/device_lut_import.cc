#include "prpnas/hw/device_lut_import.h"

#include <fmt/core.h>

#include <cmath>
#include <map>

#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {

namespace {

std::string shape(int side, int channels) { return fmt::format("{}x{}x{}", side, side, channels); }

// The table's rows by op, input, output, expand, kernel, stride, idskip.
class DeviceRows {
 public:
  explicit DeviceRows(const std::string& path) : path_(path) {
    const CsvTable csv = read_csv(path);
    const std::size_t mean = csv.column("mean_ms"), var = csv.column("var"), count = csv.column("count");
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
      const auto& r = csv.rows[i];
      const std::string key = fmt::format("{} {}->{} e{} k{} s{} id{}", r[csv.column("op")], r[csv.column("input")],
                                          r[csv.column("output")], r[csv.column("expand")], r[csv.column("kernel")],
                                          r[csv.column("stride")], r[csv.column("idskip")]);
      TimingSummary t;
      try {
        t.median_ms = std::stod(r[mean]);
        t.mad_ms = std::sqrt(std::stod(r[var]));
        t.samples = std::stoi(r[count]);
      } catch (const std::exception&) {
        throw DataError(fmt::format("{}:{}: mean_ms, var and count must be numbers", path, csv.lines[i]));
      }
      if (!(t.median_ms >= 0) || !std::isfinite(t.mad_ms)) {
        throw DataError(fmt::format("{}:{}: a negative or non-finite time", path, csv.lines[i]));
      }
      rows_[key] = t;
    }
  }

  TimingSummary at(const std::string& key, const std::string& what) const {
    const auto it = rows_.find(key);
    if (it == rows_.end()) {
      throw DataError(fmt::format("{}: no row for {} ({}); use a table measured for this space at this resolution",
                                  path_, what, key));
    }
    return it->second;
  }

 private:
  std::string path_;
  std::map<std::string, TimingSummary> rows_;
};

}  // namespace

LatencyTable import_device_table(const std::string& path, const space::MbConvSpace& space, int image_size,
                                 MeasurementSetup setup) {
  const DeviceRows rows(path);
  LatencyTable table;
  table.setup = std::move(setup);
  int side = (image_size - 1) / 2 + 1;  // the stem's stride 2
  table.fixed.emplace_back("stem", rows.at(fmt::format("Conv {}->{} e k s id", shape(image_size, 3), shape(side, 32)),
                                           "the stem"));
  table.fixed.emplace_back("first_block",
                           rows.at(fmt::format("expanded_conv {}->{} e1 k3 s1 id0", shape(side, 32), shape(side, 16)),
                                   "the first block"));
  int channels = 16;
  for (int d = 0; d < space.num_decisions(); ++d) {
    const space::MbStage& stage = space.stages()[space.stage_of(d)];
    const bool first = space.is_stage_first(d);
    const int stride = first ? stage.stride : 1;
    const int out_side = (side - 1) / stride + 1;
    table.choice.emplace_back();
    for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
      const int choice = static_cast<int>(c);
      if (choice == space::MbConvSpace::kSkip) {
        table.choice.back().push_back({});  // the zero block: nothing runs
        continue;
      }
      const std::string key = fmt::format("expanded_conv {}->{} e{} k{} s{} id{}", shape(side, channels),
                                          shape(out_side, stage.width), space::MbConvSpace::expansion(choice),
                                          space::MbConvSpace::kernel(choice), stride, first ? 0 : 1);
      table.choice.back().push_back(rows.at(key, space.decision_name(d) + " " + space.choices(d)[c]));
    }
    side = out_side;
    channels = stage.width;
  }
  const TimingSummary conv = rows.at(fmt::format("Conv_1 {}->{} e k s id", shape(side, channels), shape(side, 1280)),
                                     "the head's 1x1 conv");
  const TimingSummary logits = rows.at(fmt::format("Logits {}->1000 e k s id", shape(side, 1280)), "the classifier");
  table.fixed.emplace_back("head", TimingSummary{conv.median_ms + logits.median_ms,
                                                 std::hypot(conv.mad_ms, logits.mad_ms),
                                                 std::min(conv.samples, logits.samples)});
  // Timed runs per entry: the fewest any entry used has.
  table.setup.repeats = conv.samples;
  for (const auto& [name, t] : table.fixed) table.setup.repeats = std::min(table.setup.repeats, t.samples);
  for (const auto& layer : table.choice) {
    for (const TimingSummary& t : layer) {
      if (t.samples > 0) table.setup.repeats = std::min(table.setup.repeats, t.samples);
    }
  }
  return table;
}

}  // namespace prpnas::hw
