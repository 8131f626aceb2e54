#include "prpnas/data/cifar_file.h"

#include <fmt/core.h>

#include <cstdint>
#include <filesystem>

#include "prpnas/util/file_bytes.h"
#include "prpnas/util/error.h"

namespace prpnas::data {

ImageSet read_cifar_file(const std::string& path, Cifar kind, const std::string& fix) {
  const std::vector<uint8_t> bytes = read_file_bytes(path, fix);
  const int64_t n = check_cifar_records(bytes, kind, path, fix);
  const int64_t label_bytes = cifar_label_bytes(kind), record = label_bytes + kCifarPixels;
  const torch::Tensor records =
      torch::from_blob(const_cast<uint8_t*>(bytes.data()), {n, record}, torch::kUInt8);
  ImageSet set;
  // Copy explicitly: `bytes` dies with this function.
  set.images = records.slice(1, label_bytes).clone(torch::MemoryFormat::Contiguous).view({n, 3, 32, 32});
  set.labels = records.select(1, label_bytes - 1).to(torch::kLong);
  set.index = torch::arange(n, torch::kLong);
  return set;
}

CifarFiles find_cifar_files(const std::string& dir, Cifar kind, const std::string& fix) {
  namespace fs = std::filesystem;
  CifarFiles names;
  if (kind == Cifar::k10) {
    for (int i = 1; i <= 5; ++i) names.train.push_back(fmt::format("data_batch_{}.bin", i));
    names.test = "test_batch.bin";
  } else {
    names.train = {"train.bin"};
    names.test = "test.bin";
  }
  const fs::path sub = fs::path(dir) / (kind == Cifar::k10 ? "cifar-10-batches-bin" : "cifar-100-binary");
  std::error_code ec;
  const fs::path folder = fs::is_regular_file(fs::path(dir) / names.test, ec) ? fs::path(dir)
                          : fs::is_regular_file(sub / names.test, ec)         ? sub
                                                                              : fs::path(dir);
  CifarFiles files;
  for (const auto& name : names.train) files.train.push_back((folder / name).string());
  files.test = (folder / names.test).string();
  std::vector<std::string> all = files.train;
  all.push_back(files.test);
  for (const auto& path : all) {
    if (!fs::is_regular_file(path, ec)) {
      const std::string also = folder == sub ? "" : fmt::format(" (nor in {})", sub.string());
      throw DataError(path + ": no such file" + also + "; " + fix);
    }
  }
  return files;
}

}  // namespace prpnas::data
