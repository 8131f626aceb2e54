// NB201 results must not move when the training stack is reshaped: all four
// methods train on a tiny synthetic config with a fixed LUT and seed, and
// their alpha.csv, mask.csv, front.csv, pool.csv and alpha_history.csv must
// equal the recorded fixtures byte for byte, and log.csv must equal it in
// every column but the wall time. The fixtures were recorded before the
// generic-stack redesign (issue 15). PRPNAS_WRITE_FIXTURES=1 rewrites them:
// only for a deliberate change of results, named in the commit.
//
// Floating-point results depend on the CPU's vector units (libtorch picks
// kernels by them), so the fixtures hold the CPU they were recorded on; on
// another CPU the comparison is skipped with a message, not passed.
#include "cli_fixture.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "prpnas/util/csv.h"

namespace {

namespace fs = std::filesystem;
using Result = prpnas::testing::CliResult;

const fs::path kFixtures = fs::path(PRPNAS_SOURCE_DIR) / "tests/fixtures/nb201_four_methods";

// The CPU and what libtorch and OpenBLAS choose their kernels by: the model
// (a virtual machine may say only "AMD EPYC", so also family, model and
// stepping), the vector extensions, and the cache size (OpenBLAS's blocking).
// Two machines that both said "AMD EPYC,avx,avx2,fma,avx512f,avx512_vnni"
// gave different last bits at step 6 with the same binary (2026-12-05).
std::string cpu_signature() {
  std::ifstream in("/proc/cpuinfo");
  std::string model, flags, family, number, stepping, cache;
  auto value = [](const std::string& line) { return line.substr(line.find(':') + 2); };
  for (std::string line; std::getline(in, line);) {
    if (model.empty() && line.rfind("model name", 0) == 0) model = value(line);
    if (number.empty() && line.rfind("model\t", 0) == 0) number = value(line);
    if (family.empty() && line.rfind("cpu family", 0) == 0) family = value(line);
    if (stepping.empty() && line.rfind("stepping", 0) == 0) stepping = value(line);
    if (cache.empty() && line.rfind("cache size", 0) == 0) cache = value(line);
    if (flags.empty() && line.rfind("flags", 0) == 0) flags = line;
  }
  std::string out = model + ",family " + family + ",model " + number + ",stepping " + stepping + ",cache " + cache;
  for (const std::string ext : {"avx", "avx2", "fma", "avx512f", "avx512_vnni", "avx512_bf16", "amx_tile"}) {
    if ((flags + " ").find(" " + ext + " ") != std::string::npos) out += "," + ext;
  }
  return out;
}

class Nb201Fixtures : public prpnas::testing::CliFixture {
 protected:
  // 10 fairness steps, 30 Step 2 iterations (3 prunings), Kendall every 10 steps.
  std::string config() {
    return file("fixture.toml", R"(seed = 7
threads = 1
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
budget_images = 2560
fairness_share = 0.625
[alpha]
samples = 16
top_n = 4
learning_rate = 0.05
[ranking]
pool = 40
[pruning]
every = 10
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 200
every = 10
final_sample = 20
truth = ")" + std::string(PRPNAS_SOURCE_DIR) + R"(/data/ground_truth/seed1_first30.csv"
lut = ")" + (kFixtures / "lut.csv").string() + R"("
[front]
max_candidates = 16
[checkpoint]
every = 5
)");
  }
};

TEST_F(Nb201Fixtures, EveryMethodReproducesTheRecordedRun) {
  const bool write = std::getenv("PRPNAS_WRITE_FIXTURES") != nullptr;
  if (write) {
    std::ofstream(kFixtures / "cpu.txt") << cpu_signature() << "\n";
  } else if (slurp(kFixtures / "cpu.txt") != cpu_signature() + "\n") {
    GTEST_SKIP() << "fixtures recorded on " << slurp(kFixtures / "cpu.txt") << "this CPU is " << cpu_signature();
  }
  const std::string cfg = config();
  for (const char* method : {"prp", "prp-no-pruning", "fairnas", "spos"}) {
    SCOPED_TRACE(method);
    const fs::path out = dir_ / method, expected = kFixtures / method;
    const Result r = run(std::string("train --method ") + method + " --config " + cfg + " --out " + out.string());
    ASSERT_EQ(r.code, 0) << r.err;
    std::vector<std::string> files = {"alpha.csv", "mask.csv", "front.csv", "log.csv"};
    if (std::string(method).rfind("prp", 0) == 0) files.insert(files.end(), {"pool.csv", "alpha_history.csv"});
    for (const std::string& f : files) {
      if (write) {
        fs::create_directories(expected);
        fs::copy_file(out / f, expected / f, fs::copy_options::overwrite_existing);
        continue;
      }
      if (f != "log.csv") {
        EXPECT_EQ(slurp(out / f), slurp(expected / f)) << f;
        continue;
      }
      prpnas::testing::expect_same_log_but_time((out / f).string(), (expected / f).string());
    }
  }
}

}  // namespace
