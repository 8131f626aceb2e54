// Small dataset files for the data tests: IDX and CIFAR records, written
// plain or gzipped into a fresh temporary folder per test.
#ifndef PRPNAS_TESTS_DATA_DATA_FILES_H_
#define PRPNAS_TESTS_DATA_DATA_FILES_H_

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::test_data {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

// A folder named after the running test (and process), removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("prpnas_data_" + std::string(info->test_suite_name()) + "_" +
                                         info->name() + "_" + std::to_string(getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

inline void append_big_endian(Bytes& bytes, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<uint8_t>(value >> shift));
}

// Header for n images of rows x cols, then `pixels` (any length, to test truncation).
inline Bytes idx_images(uint32_t n, uint32_t rows, uint32_t cols, const Bytes& pixels) {
  Bytes bytes;
  for (uint32_t word : {0x00000803u, n, rows, cols}) append_big_endian(bytes, word);
  bytes.insert(bytes.end(), pixels.begin(), pixels.end());
  return bytes;
}

inline Bytes idx_labels(const Bytes& labels) {
  Bytes bytes;
  for (uint32_t word : {0x00000801u, static_cast<uint32_t>(labels.size())}) append_big_endian(bytes, word);
  bytes.insert(bytes.end(), labels.begin(), labels.end());
  return bytes;
}

// Deterministic bytes that gzip cannot shrink much.
inline Bytes noise_bytes(std::size_t n, uint32_t seed = 1) {
  Bytes bytes(n);
  for (auto& b : bytes) {
    seed = seed * 1664525u + 1013904223u;
    b = static_cast<uint8_t>(seed >> 24);
  }
  return bytes;
}

inline std::string write_file(const std::string& path, const Bytes& bytes) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  return path;
}

inline std::string write_gzip(const std::string& path, const Bytes& bytes) {
  gzFile file = gzopen(path.c_str(), "wb");
  EXPECT_NE(file, nullptr) << path;
  EXPECT_EQ(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())), static_cast<int>(bytes.size()));
  gzclose(file);
  return path;
}

// One CIFAR record: label byte(s), then 3072 pixels with pixel[i] = (seed + i) % 251.
inline Bytes cifar_record(const Bytes& label_bytes, uint32_t seed) {
  Bytes record = label_bytes;
  for (uint32_t i = 0; i < 3072; ++i) record.push_back(static_cast<uint8_t>((seed + i) % 251));
  return record;
}

// Runs `f`, which must throw DataError whose message contains every needle.
inline void expect_data_error(const std::function<void()>& f, const std::vector<std::string>& needles) {
  try {
    f();
    ADD_FAILURE() << "no DataError; expected one mentioning " << needles.front();
  } catch (const DataError& e) {
    const std::string message = e.what();
    for (const auto& needle : needles) EXPECT_NE(message.find(needle), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

}  // namespace prpnas::test_data

#endif  // PRPNAS_TESTS_DATA_DATA_FILES_H_
