#include "prpnas/deploy/bundle_manifest.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::deploy {
namespace {

BundleEntry read_entry(const nlohmann::json& a, const std::string& path, std::size_t k) {
  BundleEntry e;
  e.arch = a.at("arch").get<std::string>();
  e.accuracy = a.at("accuracy").at("value").get<double>();
  e.accuracy_kind = a.at("accuracy").at("kind").get<std::string>();
  e.bundle_test_accuracy = a.at("bundle_test_accuracy").get<double>();
  const nlohmann::json& costs = a.at("costs");
  if (costs.contains("latency_ms")) {
    e.latency_ms = costs["latency_ms"].at("value").get<double>();
    e.latency_source = costs["latency_ms"].at("source").get<std::string>();
  }
  if (costs.contains("energy_mj")) {
    e.energy_mj = costs["energy_mj"].at("value").get<double>();
    e.energy_source = costs["energy_mj"].at("source").get<std::string>();
  }
  if (a.at("index").get<std::size_t>() != k) {
    throw DataError(fmt::format("{}: architecture {} is listed as index {}; {}", path, k, a["index"].dump(), kBundleFix));
  }
  return e;
}

}  // namespace

BundleManifest read_bundle_manifest(const std::string& dir) {
  if (!std::filesystem::is_directory(dir)) {
    throw DataError(fmt::format("{}: not a bundle directory (no such directory); {}", dir, kBundleFix));
  }
  BundleManifest m;
  m.path = (std::filesystem::path(dir) / "manifest.json").string();
  std::ifstream in(m.path);
  if (!in) throw DataError(fmt::format("{}: cannot be read; {}", m.path, kBundleFix));
  try {
    m.json = nlohmann::json::parse(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
    const nlohmann::json& list = m.json.at("architectures");
    if (!list.is_array() || list.empty()) throw DataError(m.path + ": no architectures; " + kBundleFix);
    for (std::size_t k = 0; k < list.size(); ++k) m.entries.push_back(read_entry(list[k], m.path, k));
    m.bundle_path = (std::filesystem::path(dir) / m.json.at("bundle").at("file").get<std::string>()).string();
  } catch (const nlohmann::json::exception& e) {
    throw DataError(fmt::format("{}: not a bundle manifest ({}); {}", m.path, e.what(), kBundleFix));
  }
  return m;
}

}  // namespace prpnas::deploy
