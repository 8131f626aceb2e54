#include "prpnas/util/tensor_bundle.h"

#include <fmt/core.h>

#include <optional>
#include <set>

#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas {
namespace {

constexpr std::string_view kMagic = "prpnas-bundle 1\n";

[[noreturn]] void bad_bundle(const std::string& source, const std::string& why) {
  throw DataError(fmt::format("{}: not a whole checkpoint ({})", source, why));
}

// product(shape) x size; nothing for a negative size or a product past
// `limit` (a damaged shape must not overflow).
std::optional<uint64_t> array_bytes(const std::vector<int64_t>& shape, std::size_t size, uint64_t limit) {
  uint64_t total = size;
  for (const int64_t d : shape) {
    if (d < 0 || (d > 0 && total > limit / static_cast<uint64_t>(d))) return std::nullopt;
    total *= static_cast<uint64_t>(d);
  }
  return total;
}

}  // namespace

const BundleArray* TensorBundle::find(std::string_view name) const {
  for (const BundleArray& a : arrays) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::size_t dtype_size(std::string_view dtype) {
  if (dtype == "float64" || dtype == "int64") return 8;
  if (dtype == "float32" || dtype == "int32") return 4;
  if (dtype == "uint8") return 1;
  return 0;
}

std::string write_bundle(const TensorBundle& bundle) {
  nlohmann::json header = {{"meta", bundle.meta}, {"arrays", nlohmann::json::array()}};
  uint64_t offset = 0;
  for (const BundleArray& a : bundle.arrays) {
    header["arrays"].push_back(
        {{"name", a.name}, {"dtype", a.dtype}, {"shape", a.shape}, {"offset", offset}, {"bytes", a.bytes.size()}});
    offset += a.bytes.size();
  }
  std::string out(kMagic);
  out += header.dump();  // one line: dump() without indent escapes newlines in strings
  out += '\n';
  for (const BundleArray& a : bundle.arrays) out += a.bytes;
  return out;
}

TensorBundle read_bundle(std::string_view bytes, const std::string& source) {
  if (!bytes.starts_with(kMagic)) {
    throw DataError(source + ": not a prpnas checkpoint of this version (written by an older prpnas, or not a "
                             "checkpoint); delete the run directory to start again");
  }
  bytes.remove_prefix(kMagic.size());
  const std::size_t newline = bytes.find('\n');
  if (newline == std::string_view::npos) bad_bundle(source, "its header line never ends");
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(bytes.substr(0, newline));
  } catch (const nlohmann::json::exception&) {
    bad_bundle(source, "its header is not JSON");
  }
  const std::string_view payload = bytes.substr(newline + 1);
  if (!header.is_object() || !header.contains("meta") || !header.contains("arrays") || !header["arrays"].is_array()) {
    bad_bundle(source, "its header lacks meta or arrays");
  }
  TensorBundle bundle;
  bundle.meta = header["meta"];
  std::set<std::string> names;
  uint64_t end = 0;
  for (const nlohmann::json& entry : header["arrays"]) {
    BundleArray a;
    uint64_t offset = 0, size = 0;
    try {
      a.name = entry.at("name").get<std::string>();
      a.dtype = entry.at("dtype").get<std::string>();
      a.shape = entry.at("shape").get<std::vector<int64_t>>();
      offset = entry.at("offset").get<uint64_t>();
      size = entry.at("bytes").get<uint64_t>();
    } catch (const nlohmann::json::exception&) {
      bad_bundle(source, "an array entry lacks name, dtype, shape, offset or bytes, or has the wrong types");
    }
    const std::size_t element = dtype_size(a.dtype);
    if (element == 0) bad_bundle(source, "array " + echoed(a.name) + " has an unknown dtype " + echoed(a.dtype));
    const std::optional<uint64_t> expected = array_bytes(a.shape, element, payload.size());
    if (!expected || *expected != size) bad_bundle(source, "array " + echoed(a.name) + "'s shape does not match its size");
    if (offset != end || size > payload.size() - end) {
      bad_bundle(source, "array " + echoed(a.name) + " lies outside the file or out of order");
    }
    if (!names.insert(a.name).second) bad_bundle(source, "array " + echoed(a.name) + " appears twice");
    a.bytes = std::string(payload.substr(offset, size));
    end = offset + size;
    bundle.arrays.push_back(std::move(a));
  }
  if (end != payload.size()) bad_bundle(source, fmt::format("{} bytes after the last array", payload.size() - end));
  return bundle;
}

}  // namespace prpnas
