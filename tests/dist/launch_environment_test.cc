#include "prpnas/dist/launch_environment.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "prpnas/dist/shards.h"
#include "prpnas/util/error.h"

namespace prpnas::dist {
namespace {

LaunchEnvironment read(const std::map<std::string, std::string>& env) {
  return read_launch_environment([&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

TEST(LaunchEnvironment, NoLauncherIsOneProcess) {
  const LaunchEnvironment e = read({});
  EXPECT_FALSE(e.distributed());
  EXPECT_EQ(e.rank, 0);
  EXPECT_EQ(e.launcher, "none");
  EXPECT_EQ(e.timeout_seconds, 60);
}

TEST(LaunchEnvironment, ReadsTorchrunSrunAndMpirun) {
  const LaunchEnvironment t = read({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"},
                                    {"MASTER_ADDR", "node0"}, {"MASTER_PORT", "29500"}});
  EXPECT_EQ(t.launcher, "torchrun");
  EXPECT_EQ(t.rank, 3);
  EXPECT_EQ(t.world_size, 4);
  EXPECT_EQ(t.local_rank, 1);
  EXPECT_EQ(t.master_addr, "node0");
  EXPECT_EQ(t.master_port, 29500);
  const LaunchEnvironment s = read({{"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "8"}, {"SLURM_LOCALID", "1"},
                                    {"MASTER_ADDR", "n"}, {"MASTER_PORT", "1234"}});
  EXPECT_EQ(s.launcher, "srun");
  EXPECT_EQ(s.rank, 5);
  EXPECT_EQ(s.world_size, 8);
  const LaunchEnvironment m = read({{"OMPI_COMM_WORLD_RANK", "0"}, {"OMPI_COMM_WORLD_SIZE", "2"},
                                    {"PRPNAS_STORE_FILE", "/tmp/s"}, {"PRPNAS_DIST_TIMEOUT", "5.5"}});
  EXPECT_EQ(m.launcher, "mpirun");
  EXPECT_EQ(m.store_file, "/tmp/s");  // no MASTER_ADDR needed with a FileStore
  EXPECT_EQ(m.timeout_seconds, 5.5);
}

TEST(LaunchEnvironment, TorchrunWinsOverSlurm) {
  const LaunchEnvironment e = read({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"},
                                    {"PRPNAS_STORE_FILE", "s"}});
  EXPECT_EQ(e.launcher, "torchrun");
  EXPECT_EQ(e.rank, 1);
}

void expect_refused(const std::map<std::string, std::string>& env, const std::string& named) {
  try {
    read(env);
    ADD_FAILURE() << "accepted; expected a complaint about " << named;
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(named), std::string::npos) << e.what();
  }
}

TEST(LaunchEnvironment, RefusesBadValuesNamingTheVariable) {
  expect_refused({{"RANK", "0"}}, "WORLD_SIZE");
  expect_refused({{"WORLD_SIZE", "2"}}, "RANK");
  expect_refused({{"RANK", "2"}, {"WORLD_SIZE", "2"}, {"PRPNAS_STORE_FILE", "s"}}, "RANK='2'");
  expect_refused({{"RANK", "x"}, {"WORLD_SIZE", "2"}, {"PRPNAS_STORE_FILE", "s"}}, "RANK='x'");
  expect_refused({{"RANK", "0"}, {"WORLD_SIZE", "0"}}, "WORLD_SIZE='0'");
  expect_refused({{"RANK", "0"}, {"WORLD_SIZE", "2"}}, "MASTER_ADDR");
  expect_refused({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_ADDR", "h"}, {"MASTER_PORT", "70000"}}, "MASTER_PORT");
  expect_refused({{"PRPNAS_DIST_TIMEOUT", "0"}}, "PRPNAS_DIST_TIMEOUT");
  expect_refused({{"PRPNAS_DIST_TIMEOUT", "soon"}}, "PRPNAS_DIST_TIMEOUT");
}

// Against the obvious reference: the blocks tile [0, n) in order, sizes within one.
TEST(Shards, TileTheItemsInOrderWithSizesWithinOne) {
  for (std::size_t n = 0; n < 40; ++n) {
    for (int ranks = 1; ranks <= 9; ++ranks) {
      std::size_t next = 0, smallest = n, largest = 0;
      for (int r = 0; r < ranks; ++r) {
        const Shard s = shard_of(n, r, ranks);
        ASSERT_EQ(s.begin, next);
        next = s.end;
        smallest = std::min(smallest, s.size());
        largest = std::max(largest, s.size());
      }
      EXPECT_EQ(next, n);
      EXPECT_LE(largest - smallest, 1u);
    }
  }
}

}  // namespace
}  // namespace prpnas::dist
