#include "prpnas/deploy/battery_policy.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/core.h>

#include "prpnas/util/error.h"
#include "prpnas/util/number_text.h"

namespace prpnas::deploy {
namespace {

constexpr const char* kForms =
    "fixed:K, most-accurate, most-efficient, time:H, battery:P1,P2,... (percent, falling) or accuracy:X";

std::size_t least_energy(const std::vector<Choice>& choices, double min_accuracy) {
  std::size_t best = 0;
  bool found = false;
  for (std::size_t k = 0; k < choices.size(); ++k) {
    if (choices[k].accuracy < min_accuracy) continue;
    if (!found || choices[k].energy_mj < choices[best].energy_mj) best = k;
    found = true;
  }
  return best;  // the most accurate (0) when none qualifies
}

class Fixed : public BatteryPolicy {
 public:
  Fixed(std::size_t k, std::string name) : k_(k), name_(std::move(name)) {}
  std::size_t choose(const DeviceState&, const std::vector<Choice>& choices) const override {
    if (k_ >= choices.size()) {
      throw ConfigError(fmt::format("--policy {}: the bundle holds architectures 0..{}", name_, choices.size() - 1));
    }
    return k_;
  }
  std::string name() const override { return name_; }

 private:
  std::size_t k_;
  std::string name_;
};

class MostEfficient : public BatteryPolicy {
 public:
  std::size_t choose(const DeviceState&, const std::vector<Choice>& choices) const override {
    return least_energy(choices, -INFINITY);
  }
  std::string name() const override { return "most-efficient"; }
};

class TimeBased : public BatteryPolicy {
 public:
  TimeBased(double every, std::string name) : every_(every), name_(std::move(name)) {}
  std::size_t choose(const DeviceState& state, const std::vector<Choice>& choices) const override {
    const double steps = std::floor(state.hours / every_);
    return static_cast<std::size_t>(std::min(steps, static_cast<double>(choices.size() - 1)));
  }
  std::string name() const override { return name_; }

 private:
  double every_;
  std::string name_;
};

class BatteryThreshold : public BatteryPolicy {
 public:
  BatteryThreshold(std::vector<double> levels, std::string name) : levels_(std::move(levels)), name_(std::move(name)) {}
  std::size_t choose(const DeviceState& state, const std::vector<Choice>& choices) const override {
    std::size_t under = 0;
    for (double level : levels_) under += state.charge < level ? 1 : 0;
    return std::min(under, choices.size() - 1);
  }
  std::string name() const override { return name_; }

 private:
  std::vector<double> levels_;  // fractions, falling
  std::string name_;
};

class AccuracyFloor : public BatteryPolicy {
 public:
  AccuracyFloor(double floor, std::string name) : floor_(floor), name_(std::move(name)) {}
  std::size_t choose(const DeviceState&, const std::vector<Choice>& choices) const override {
    return least_energy(choices, floor_);
  }
  std::string name() const override { return name_; }

 private:
  double floor_;
  std::string name_;
};

double number(const std::string& text, const std::string& spec) {
  const std::optional<double> value = parse_decimal(text);
  if (!value) {
    throw ConfigError(fmt::format("--policy {}: '{}' is not a number; forms: {}", spec, text, kForms));
  }
  return *value;
}

}  // namespace

std::unique_ptr<BatteryPolicy> parse_battery_policy(const std::string& spec) {
  const std::size_t colon = spec.find(':');
  const std::string kind = spec.substr(0, colon), arg = colon == std::string::npos ? "" : spec.substr(colon + 1);
  if (spec == "most-accurate") return std::make_unique<Fixed>(0, spec);
  if (spec == "most-efficient") return std::make_unique<MostEfficient>();
  if (colon != std::string::npos && !arg.empty()) {
    if (kind == "fixed") {
      const std::optional<int64_t> k = parse_whole(arg);
      if (!k || *k < 0) throw ConfigError(fmt::format("--policy {}: K must be 0, 1, 2, ...", spec));
      return std::make_unique<Fixed>(static_cast<std::size_t>(*k), spec);
    }
    if (kind == "time") {
      const double hours = number(arg, spec);
      if (!(hours > 0)) throw ConfigError(fmt::format("--policy {}: H must be more than 0 hours", spec));
      return std::make_unique<TimeBased>(hours, spec);
    }
    if (kind == "battery") {
      std::vector<double> levels;
      std::size_t begin = 0;
      while (begin <= arg.size()) {
        const std::size_t comma = std::min(arg.find(',', begin), arg.size());
        const double percent = number(arg.substr(begin, comma - begin), spec);
        if (!(percent > 0 && percent < 100) || (!levels.empty() && percent / 100 >= levels.back())) {
          throw ConfigError(fmt::format("--policy {}: levels are percents in (0, 100), falling", spec));
        }
        levels.push_back(percent / 100);
        begin = comma + 1;
      }
      return std::make_unique<BatteryThreshold>(levels, spec);
    }
    if (kind == "accuracy") return std::make_unique<AccuracyFloor>(number(arg, spec), spec);
  }
  throw ConfigError(fmt::format("--policy {}: unknown; forms: {}", spec, kForms));
}

}  // namespace prpnas::deploy
