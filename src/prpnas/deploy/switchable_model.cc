#include "prpnas/deploy/switchable_model.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/core.h>

#include "prpnas/util/crc32.h"
#include "prpnas/util/error.h"

namespace prpnas::deploy {
namespace {

constexpr const char* kFix = "export the bundle again (prpnas export --front)";

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(fmt::format("{}: cannot be read; {}", path, kFix));
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// manifest["architectures"][k], checked field by field.
BundleEntry read_entry(const nlohmann::json& a, const std::string& path, std::size_t k) {
  BundleEntry e;
  e.arch = a.at("arch").get<std::string>();
  e.accuracy = a.at("accuracy").at("value").get<double>();
  e.accuracy_kind = a.at("accuracy").at("kind").get<std::string>();
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
    throw DataError(fmt::format("{}: architecture {} is listed as index {}; {}", path, k, a["index"].dump(), kFix));
  }
  return e;
}

}  // namespace

SwitchableModel::SwitchableModel(const std::string& dir) {
  const std::string manifest_path = (std::filesystem::path(dir) / "manifest.json").string();
  if (!std::filesystem::is_directory(dir)) {
    throw DataError(fmt::format("{}: not a bundle directory (no such directory); {}", dir, kFix));
  }
  const std::string manifest_text = read_bytes(manifest_path);
  std::string bundle_path;
  try {
    manifest_ = nlohmann::json::parse(manifest_text);
    const nlohmann::json& list = manifest_.at("architectures");
    if (!list.is_array() || list.empty()) throw DataError(manifest_path + ": no architectures; " + kFix);
    for (std::size_t k = 0; k < list.size(); ++k) entries_.push_back(read_entry(list[k], manifest_path, k));
    bundle_path = (std::filesystem::path(dir) / manifest_.at("bundle").at("file").get<std::string>()).string();
    const std::string bytes = read_bytes(bundle_path);
    if (bytes.size() != manifest_["bundle"].at("bytes").get<std::size_t>() ||
        crc32_hex(bytes) != manifest_["bundle"].at("crc32").get<std::string>()) {
      throw DataError(fmt::format("{}: {} bytes with CRC-32 {}, but manifest.json says {} bytes, {} (cut short or "
                                  "damaged); {}",
                                  bundle_path, bytes.size(), crc32_hex(bytes), manifest_["bundle"]["bytes"].dump(),
                                  manifest_["bundle"]["crc32"].dump(), kFix));
    }
    std::istringstream in(bytes);
    module_ = torch::jit::load(in);
  } catch (const nlohmann::json::exception& e) {
    throw DataError(fmt::format("{}: not a bundle manifest ({}); {}", manifest_path, e.what(), kFix));
  } catch (const c10::Error& e) {
    const std::string why = e.what_without_backtrace();
    throw DataError(fmt::format("{}: not a TorchScript bundle ({}); {}", bundle_path, why.substr(0, why.find('\n')),
                                kFix));
  }
  module_.eval();
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const auto method = module_.find_method(fmt::format("forward_{}", k));
    if (!method) throw DataError(fmt::format("{}: has no method forward_{}; {}", bundle_path, k, kFix));
    methods_.push_back(*method);
  }
}

void SwitchableModel::select(std::size_t k) {
  if (k >= entries_.size()) {
    throw ConfigError(fmt::format("select({}): the bundle holds architectures 0..{}", k, entries_.size() - 1));
  }
  selected_ = k;
}

torch::Tensor SwitchableModel::infer(const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  return methods_[selected_]({images}).toTensor();
}

}  // namespace prpnas::deploy
