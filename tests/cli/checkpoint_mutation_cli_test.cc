// Checkpoints past their checksum, end to end: a real checkpoint, mutated in
// seeded ways with its CRC-32 trailer recomputed, either loads into a
// supernet or is refused with a one-line DataError naming the file; never a
// crash or another exception. fuzz/tensor_bundle_fuzz.cc fuzzes the
// container alone. This test found that libtorch's archives, the format
// before, crash libtorch's reader (TorchScript's type parser) on some damaged
// files. Under scripts/sanitize this runs with ASan and UBSan.
#include "cli_fixture.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fmt/core.h>

#include <iostream>
#include <random>
#include <string>

#include "prpnas/nn/supernet_factory.h"
#include "prpnas/train/checkpoint.h"
#include "prpnas/util/error.h"

namespace prpnas::testing {
namespace {

constexpr std::size_t kTrailerSize = 14 + 8;  // "\nprpnas-crc32 " and 8 hex digits

std::string with_trailer(const std::string& archive) {
  const uLong crc = ::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(archive.data()),
                            static_cast<uInt>(archive.size()));
  return archive + fmt::format("\nprpnas-crc32 {:08x}", static_cast<uint32_t>(crc));
}

class CheckpointMutationCli : public CliFixture {};

TEST_F(CheckpointMutationCli, AMutatedCheckpointLoadsOrIsRefusedInOneLine) {
  const std::string config = file("c.toml", R"(seed = 3
method = "spos"
[network]
space = "chain"
preset = "small"
[data]
dataset = "synthetic"
train_limit = 500
valid_limit = 100
[training]
batch_size = 32
budget_images = 320
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 100
final_sample = 4
truth = ""
[alpha]
samples = 16
top_n = 4
[ranking]
pool = 40
[front]
max_candidates = 8
)");
  const std::string run_dir = (dir_ / "run").string();
  const CliResult r = run("train --config " + config + " --out " + run_dir);
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string original = slurp(dir_ / "run" / "checkpoint");
  ASSERT_GT(original.size(), kTrailerSize);
  const std::string archive = original.substr(0, original.size() - kTrailerSize);
  const auto supernet = nn::make_supernet({"chain", "small", 1, 16, 10});
  const std::string path = (dir_ / "mutated").string();

  // The unmutated archive loads: the harness itself is right.
  std::ofstream(path, std::ios::binary) << with_trailer(archive);
  EXPECT_NO_THROW(train::load_supernet_from_checkpoint(path, *supernet));

  std::mt19937_64 rng(17);
  int refused = 0, loaded = 0;
  constexpr int kMutations = 300;
  for (int i = 0; i < kMutations; ++i) {
    std::string bytes = archive;
    const std::size_t at = rng() % bytes.size();
    switch (i % 5) {
      case 0: bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8))); break;  // one bit
      case 1: bytes.resize(at); break;                                                // cut short
      case 2: bytes.erase(at, 1 + rng() % 64); break;                                 // a hole
      case 3: bytes.insert(at, std::string(1 + rng() % 64, static_cast<char>(rng()))); break;
      case 4: for (int k = 0; k < 8; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng()); break;
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << with_trailer(bytes);
    try {
      train::load_supernet_from_checkpoint(path, *supernet);
      ++loaded;
    } catch (const DataError& e) {
      ++refused;
      const std::string what = e.what();
      EXPECT_TRUE(what.starts_with(path + ": ")) << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << "mutation " << i << ": " << what;
    }
  }
  EXPECT_EQ(loaded + refused, kMutations);
  std::cout << "checkpoint mutations: " << loaded << " loaded, " << refused << " refused\n";
  EXPECT_GT(refused, kMutations / 2);  // most damage is noticed by the bundle's own structure
}

}  // namespace
}  // namespace prpnas::testing
