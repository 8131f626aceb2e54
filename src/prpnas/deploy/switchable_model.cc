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

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(fmt::format("{}: cannot be read; {}", path, kBundleFix));
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

SwitchableModel::SwitchableModel(const std::string& dir) : manifest_(read_bundle_manifest(dir)) {
  const std::string& bundle_path = manifest_.bundle_path;
  const nlohmann::json& recorded = manifest_.json["bundle"];
  const std::string bytes = read_bytes(bundle_path);
  try {
    if (bytes.size() != recorded.at("bytes").get<std::size_t>() || crc32_hex(bytes) != recorded.at("crc32").get<std::string>()) {
      throw DataError(fmt::format("{}: {} bytes with CRC-32 {}, but manifest.json says {} bytes, {} (cut short or "
                                  "damaged); {}",
                                  bundle_path, bytes.size(), crc32_hex(bytes), recorded["bytes"].dump(),
                                  recorded["crc32"].dump(), kBundleFix));
    }
    std::istringstream in(bytes);
    module_ = torch::jit::load(in);
  } catch (const nlohmann::json::exception& e) {
    throw DataError(fmt::format("{}: not a bundle manifest ({}); {}", manifest_.path, e.what(), kBundleFix));
  } catch (const c10::Error& e) {
    const std::string why = e.what_without_backtrace();
    throw DataError(fmt::format("{}: not a TorchScript bundle ({}); {}", bundle_path, why.substr(0, why.find('\n')),
                                kBundleFix));
  }
  module_.eval();
  for (std::size_t k = 0; k < size(); ++k) {
    const auto method = module_.find_method(fmt::format("forward_{}", k));
    if (!method) throw DataError(fmt::format("{}: has no method forward_{}; {}", bundle_path, k, kBundleFix));
    methods_.push_back(*method);
  }
}
void SwitchableModel::select(std::size_t k) {
  if (k >= size()) {
    throw ConfigError(fmt::format("select({}): the bundle holds architectures 0..{}", k, size() - 1));
  }
  selected_ = k;
}

torch::Tensor SwitchableModel::infer(const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  return methods_[selected_]({images}).toTensor();
}

}  // namespace prpnas::deploy
