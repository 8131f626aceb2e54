#include "prpnas/hw/measurement_setup.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <utility>
#include <ctime>
#include <fstream>

#include <fmt/core.h>

#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"
#include "prpnas/util/input_file.h"

namespace prpnas::hw {

namespace {

std::string cpu_model_name() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);) {
    // x86 says "model name", ARM boards often only "Model" or "Hardware".
    for (const char* key : {"model name", "Model", "Hardware"}) {
      if (line.rfind(key, 0) != 0) continue;
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      const auto begin = line.find_first_not_of(" \t", colon + 1);
      if (begin != std::string::npos) return line.substr(begin);
    }
  }
  return "unknown CPU";
}

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

template <class T>
T field(const nlohmann::json& json, const char* name, const std::string& source) {
  try {
    return json.at(name).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw DataError(source + ": field '" + name + "' is missing or has the wrong type; re-measure to rewrite it");
  }
}

}  // namespace

std::optional<double> MeasurementSetup::power_watts() const {
  if (!energy.is_object() || !energy.contains("power_watts") || !energy["power_watts"].is_number()) return {};
  return energy["power_watts"].get<double>();
}

nlohmann::json MeasurementSetup::to_json() const {
  return {{"space", space},         {"preset", preset},   {"network", network},     {"batch", batch},
          {"threads", threads},     {"repeats", repeats}, {"warmup", warmup},       {"device", device},
          {"cpu_model", cpu_model}, {"libraries", libraries}, {"date", date},      {"seconds", seconds},
          {"energy", energy}};
}

MeasurementSetup MeasurementSetup::from_json(const nlohmann::json& json, const std::string& source) {
  MeasurementSetup s;
  s.space = field<std::string>(json, "space", source);
  s.preset = field<std::string>(json, "preset", source);
  s.network = field<nlohmann::json>(json, "network", source);
  s.batch = field<int>(json, "batch", source);
  s.threads = field<int>(json, "threads", source);
  s.repeats = field<int>(json, "repeats", source);
  s.warmup = field<int>(json, "warmup", source);
  s.device = field<std::string>(json, "device", source);
  s.cpu_model = field<std::string>(json, "cpu_model", source);
  s.libraries = field<std::string>(json, "libraries", source);
  s.date = field<std::string>(json, "date", source);
  s.seconds = field<double>(json, "seconds", source);
  s.energy = json.value("energy", nlohmann::json());
  if (const std::optional<double> watts = s.power_watts(); watts && !(*watts >= 0 && std::isfinite(*watts))) {
    throw DataError(fmt::format("{}: field 'energy.power_watts' is {}; it must be a finite number of watts >= 0 "
                                "(re-measure, or fix it by hand)",
                                source, *watts));
  }
  for (const auto& [name, value] : {std::pair{"batch", s.batch}, {"threads", s.threads}, {"repeats", s.repeats}}) {
    if (value < 1) {
      throw DataError(fmt::format("{}: field '{}' is {}; it must be at least 1; re-measure", source, name, value));
    }
  }
  return s;
}

void describe_this_machine(MeasurementSetup& setup, const std::string& device, const std::string& libraries) {
  setup.cpu_model = cpu_model_name();
  setup.device = device.empty() ? setup.cpu_model : device;
  setup.libraries = libraries + ", g++ " + __VERSION__;
  setup.date = utc_now();
}

void check_comparable(const MeasurementSetup& a, const std::string& a_file, const MeasurementSetup& b,
                      const std::string& b_file) {
  auto differ = [&](const char* what, const std::string& x, const std::string& y) {
    throw ConfigError(fmt::format("{} and {} were measured with different {} ({} vs {}); measure both with the "
                                  "same settings",
                                  a_file, b_file, what, x, y));
  };
  if (a.space != b.space) differ("space", a.space, b.space);
  if (a.preset != b.preset) differ("preset", a.preset, b.preset);
  if (a.network != b.network) differ("network shape", a.network.dump(), b.network.dump());
  if (a.batch != b.batch) differ("batch", std::to_string(a.batch), std::to_string(b.batch));
  if (a.threads != b.threads) differ("threads", std::to_string(a.threads), std::to_string(b.threads));
}

MeasurementSetup read_setup_sidecar(const std::string& path) {
  const std::string sidecar = path + ".json";
  check_input_file(path, "measure one with `prpnas lut measure`, or check the path");
  check_input_file(sidecar, "it records how " + path + " was measured; re-measure");
  std::ifstream in(sidecar);
  if (!in) throw DataError(sidecar + ": not readable; check its permissions");
  nlohmann::json json;
  try {
    in >> json;
  } catch (const nlohmann::json::exception&) {
    throw DataError(sidecar + ": not valid JSON; re-measure to rewrite it");
  }
  return MeasurementSetup::from_json(json, sidecar);
}

}  // namespace prpnas::hw

namespace prpnas::hw {

void write_with_setup(const std::string& path, const CsvTable& table, const MeasurementSetup& setup) {
  write_file_atomically(path + ".json", setup.to_json().dump(2) + "\n");
  write_csv_file(path, table);
}

std::vector<std::string> timing_fields(const TimingSummary& t, std::optional<double> watts) {
  return {fmt::format("{:.6f}", t.median_ms), fmt::format("{:.6f}", t.mad_ms), std::to_string(t.samples),
          watts ? fmt::format("{:.6f}", t.median_ms * *watts) : ""};
}

}  // namespace prpnas::hw
