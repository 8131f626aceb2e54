#include "prpnas/hw/device_lut_import.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {

namespace {

std::string shape(int side, int channels) { return fmt::format("{}x{}x{}", side, side, channels); }

// The table's rows by op, input, output, expand, kernel, stride, idskip, se, hs.
class DeviceRows {
 public:
  explicit DeviceRows(const std::string& path) : path_(path) {
    const CsvTable csv = read_csv(path);
    const std::size_t mean = csv.column("mean_ms"), count = csv.column("count");
    const auto& header = csv.header;
    has_std_ = std::find(header.begin(), header.end(), "std") != header.end();
    const std::size_t spread = csv.column(has_std_ ? "std" : "var");
    for (std::size_t i = 0; i < csv.rows.size(); ++i) {
      const auto& r = csv.rows[i];
      const std::string key = fmt::format("{} {}->{} e{} k{} s{} id{} se{} hs{}", r[csv.column("op")],
                                          r[csv.column("input")], r[csv.column("output")], r[csv.column("expand")],
                                          r[csv.column("kernel")], r[csv.column("stride")], r[csv.column("idskip")],
                                          r[csv.column("se")], r[csv.column("hs")]);
      TimingSummary t;
      try {
        t.median_ms = std::stod(r[mean]);
        t.mad_ms = has_std_ ? std::stod(r[spread]) : std::sqrt(std::stod(r[spread]));
        t.samples = std::stoi(r[count]);
      } catch (const std::exception&) {
        throw DataError(fmt::format("{}:{}: mean_ms, {} and count must be numbers", path, csv.lines[i],
                                    has_std_ ? "std" : "var"));
      }
      if (!(t.median_ms >= 0) || !std::isfinite(t.mad_ms)) {
        throw DataError(fmt::format("{}:{}: a negative or non-finite time", path, csv.lines[i]));
      }
      rows_[key] = t;
    }
  }

  // Once-for-All's style: `expand` is the middle channel count, and the
  // blocks carry SE and h-swish flags.
  bool ofa_style() const { return has_std_; }

  TimingSummary at(const std::string& key, const std::string& what) const {
    const auto it = rows_.find(key);
    if (it == rows_.end()) {
      throw DataError(fmt::format("{}: no row for {} ({}); use a table measured for this space at this resolution",
                                  path_, what, key));
    }
    return it->second;
  }

  // The expanded_conv row of a block.
  TimingSummary block(int side, int in, int out_side, int out, int expansion, int kernel, int stride, bool shortcut,
                      bool se, space::MbActivation activation, const std::string& what) const {
    const std::string expand = std::to_string(ofa_style() ? in * expansion : expansion);
    const bool hswish = activation == space::MbActivation::kHswish;
    const std::string flags = ofa_style() ? fmt::format("se{} hs{}", se ? 1 : 0, hswish ? 1 : 0) : "se hs";
    return at(fmt::format("expanded_conv {}->{} e{} k{} s{} id{} {}", shape(side, in), shape(out_side, out), expand,
                          kernel, stride, shortcut ? 1 : 0, flags),
              what);
  }

  // A fixed part's row: no block fields.
  TimingSummary part(const std::string& op, const std::string& in, const std::string& out,
                     const std::string& what) const {
    return at(fmt::format("{} {}->{} e k s id se hs", op, in, out), what);
  }

 private:
  std::string path_;
  bool has_std_ = false;
  std::map<std::string, TimingSummary> rows_;
};

TimingSummary sum(const std::vector<TimingSummary>& parts) {
  TimingSummary total{0, 0, parts.front().samples};
  for (const TimingSummary& t : parts) {
    total.median_ms += t.median_ms;
    total.mad_ms = std::hypot(total.mad_ms, t.mad_ms);
    total.samples = std::min(total.samples, t.samples);
  }
  return total;
}

}  // namespace

LatencyTable import_device_table(const std::string& path, const space::MbConvSpace& space, const MbChannels& channels,
                                 int image_size, MeasurementSetup setup) {
  const DeviceRows rows(path);
  LatencyTable table;
  table.setup = std::move(setup);
  int side = (image_size - 1) / 2 + 1;  // the stem's stride 2
  table.fixed.emplace_back("stem", rows.part("Conv", shape(image_size, 3), shape(side, channels.stem), "the stem"));
  table.fixed.emplace_back("first_block",
                           rows.block(side, channels.stem, side, channels.first_block, 1, 3, 1,
                                      space.family().first_block_shortcut, false,
                                      space.family().first_block_activation, "the first block"));
  int in = channels.first_block;
  for (int d = 0; d < space.num_decisions(); ++d) {
    const space::MbStage& stage = space.stages()[space.stage_of(d)];
    const int out = channels.stages.at(space.stage_of(d));
    const bool first = space.is_stage_first(d);
    const int stride = first ? stage.stride : 1;
    const int out_side = (side - 1) / stride + 1;
    table.choice.emplace_back();
    for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
      const int choice = static_cast<int>(c);
      if (space.is_skip(choice)) {
        table.choice.back().push_back({});  // the zero block: nothing runs
        continue;
      }
      table.choice.back().push_back(rows.block(side, in, out_side, out, space.expansion(choice), space.kernel(choice),
                                               stride, !first, stage.se, stage.activation,
                                               space.decision_name(d) + " " + space.choices(d)[c]));
    }
    side = out_side;
    in = out;
  }
  std::vector<TimingSummary> head = {
      rows.part("Conv_1", shape(side, in), shape(side, channels.head), "the head's 1x1 conv")};
  if (channels.feature_mix > 0) {
    head.push_back(rows.part("AvgPool2D", shape(side, channels.head), shape(1, channels.head), "the head's pooling"));
    head.push_back(
        rows.part("Conv_2", shape(1, channels.head), shape(1, channels.feature_mix), "the head's feature mix"));
    head.push_back(rows.part("Logits", shape(1, channels.feature_mix), "1000", "the classifier"));
  } else {
    head.push_back(rows.part("Logits", shape(side, channels.head), "1000", "the classifier"));
  }
  table.fixed.emplace_back("head", sum(head));
  // Timed runs per entry: the fewest any entry used has.
  table.setup.repeats = table.fixed.front().second.samples;
  for (const auto& [name, t] : table.fixed) table.setup.repeats = std::min(table.setup.repeats, t.samples);
  for (const auto& layer : table.choice) {
    for (const TimingSummary& t : layer) {
      if (t.samples > 0) table.setup.repeats = std::min(table.setup.repeats, t.samples);
    }
  }
  return table;
}

}  // namespace prpnas::hw
