#include "prpnas/hw/rapl_meter.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "prpnas/hw/energy_model.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {
namespace {

namespace fs = std::filesystem;

// A fake /sys/class/powercap in a temporary folder.
class RaplMeterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() / ("prpnas_rapl_" + std::string(test->name()) + "_" + std::to_string(getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::create_directories(root_ / "intel-rapl");  // the control type, no domain
  }
  void TearDown() override {
    fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(root_);
  }

  void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  // A domain as the kernel shows it: counters end in a newline.
  void domain(const std::string& dir, const std::string& name, std::uint64_t energy, std::uint64_t max_range) {
    write(root_ / dir / "name", name + "\n");
    set_energy(dir, energy);
    write(root_ / dir / "max_energy_range_uj", std::to_string(max_range) + "\n");
  }
  void set_energy(const std::string& dir, std::uint64_t energy) {
    write(root_ / dir / "energy_uj", std::to_string(energy) + "\n");
  }

  fs::path root_;
};

TEST_F(RaplMeterTest, SumsPackagesAndIgnoresSubdomains) {
  domain("intel-rapl:0", "package-0", 1'000'000, 262'143'328'850);
  domain("intel-rapl:1", "package-1", 2'500'000, 262'143'328'850);
  domain("intel-rapl:0:0", "core", 900'000, 262'143'328'850);   // part of package 0
  domain("intel-rapl:0:1", "dram", 50'000, 65'712'999'613);
  domain("intel-rapl-mmio:0", "package-0", 1'000'000, 262'143'328'850);  // package 0 again
  const RaplMeter meter(root_.string());
  ASSERT_TRUE(meter.available()) << meter.why_unavailable();
  EXPECT_EQ(meter.why_unavailable(), "");
  EXPECT_EQ(meter.domains(), (std::vector<std::string>{"intel-rapl:0", "intel-rapl:1"}));
  EXPECT_DOUBLE_EQ(meter.read_joules(), 3.5);

  const RaplSample before = meter.sample();
  set_energy("intel-rapl:0", 3'000'000);
  set_energy("intel-rapl:1", 2'750'000);
  set_energy("intel-rapl:0:0", 99'000'000);
  const RaplSample after = meter.sample();
  EXPECT_EQ(after.energy_uj, (std::vector<std::uint64_t>{3'000'000, 2'750'000}));
  EXPECT_DOUBLE_EQ(meter.joules_between(before, after), 2.25);
  EXPECT_DOUBLE_EQ(meter.read_joules(), 5.75);

  const EnergySource source = meter.energy_source(15);
  EXPECT_EQ(source.kind, "rapl");
  EXPECT_EQ(source.power_watts, 0);
  EXPECT_NE(source.description.find("intel-rapl:0, intel-rapl:1"), std::string::npos) << source.description;
}

TEST_F(RaplMeterTest, PackagesSortNumerically) {
  for (int n : {10, 2, 0, 1}) domain("intel-rapl:" + std::to_string(n), "package-" + std::to_string(n), 1, 100);
  EXPECT_EQ(RaplMeter(root_.string()).domains(),
            (std::vector<std::string>{"intel-rapl:0", "intel-rapl:1", "intel-rapl:2", "intel-rapl:10"}));
}

TEST_F(RaplMeterTest, PsysIsNotAPackage) {
  domain("intel-rapl:0", "package-0", 1'000'000, 1'000'000'000);
  domain("intel-rapl:1", "psys", 7'000'000, 1'000'000'000);  // the whole platform, package included
  const RaplMeter meter(root_.string());
  EXPECT_EQ(meter.domains(), std::vector<std::string>{"intel-rapl:0"});
  EXPECT_DOUBLE_EQ(meter.read_joules(), 1.0);
}

TEST_F(RaplMeterTest, WrapAroundPerPackage) {
  EXPECT_EQ(counter_delta_uj(10, 25, 100), 15u);
  EXPECT_EQ(counter_delta_uj(90, 5, 100), 15u);
  EXPECT_EQ(counter_delta_uj(100, 0, 100), 0u);
  EXPECT_EQ(counter_delta_uj(7, 7, 100), 0u);

  domain("intel-rapl:0", "package-0", 999'000'000, 1'000'000'000);
  domain("intel-rapl:1", "package-1", 10'000'000, 2'000'000'000);
  const RaplMeter meter(root_.string());
  const RaplSample before = meter.sample();
  set_energy("intel-rapl:0", 2'000'000);   // wrapped: 1 J to the top, 2 J after
  set_energy("intel-rapl:1", 14'000'000);  // 4 J, no wrap
  const RaplSample after = meter.sample();
  EXPECT_DOUBLE_EQ(meter.joules_between(before, after), 7.0);
  EXPECT_THROW(meter.joules_between(RaplSample{{1}}, after), Error);
}

TEST_F(RaplMeterTest, UnavailableWithoutPowercap) {
  const RaplMeter meter((root_ / "absent").string());
  EXPECT_FALSE(meter.available());
  EXPECT_NE(meter.why_unavailable().find("no such directory"), std::string::npos) << meter.why_unavailable();
  EXPECT_THROW(meter.read_joules(), Error);
  EXPECT_THROW(meter.sample(), Error);

  const EnergySource source = meter.energy_source(15);
  EXPECT_EQ(source.kind, "model");
  EXPECT_EQ(source.power_watts, 15);
  EXPECT_NE(source.description.find("15 W"), std::string::npos) << source.description;
  EXPECT_NE(source.description.find("no such directory"), std::string::npos) << source.description;
  EXPECT_THROW(meter.energy_source(0), ConfigError);
}

TEST_F(RaplMeterTest, UnavailableWithoutPackageDomain) {
  domain("intel-rapl:0:0", "core", 1, 100);  // a subdomain alone does not count
  const RaplMeter meter(root_.string());
  EXPECT_FALSE(meter.available());
  EXPECT_NE(meter.why_unavailable().find("no RAPL package domain"), std::string::npos) << meter.why_unavailable();
}

TEST_F(RaplMeterTest, UnavailableWhenACounterCannotBeRead) {
  domain("intel-rapl:0", "package-0", 1, 100);
  domain("intel-rapl:1", "package-1", 1, 100);
  // A directory where the counter should be: unreadable for root too.
  fs::remove(root_ / "intel-rapl:1" / "energy_uj");
  fs::create_directories(root_ / "intel-rapl:1" / "energy_uj");
  RaplMeter meter(root_.string());
  EXPECT_FALSE(meter.available());
  EXPECT_TRUE(meter.domains().empty());
  EXPECT_NE(meter.why_unavailable().find("intel-rapl:1/energy_uj"), std::string::npos) << meter.why_unavailable();

  fs::remove_all(root_ / "intel-rapl:1");
  write(root_ / "intel-rapl:0" / "max_energy_range_uj", "lots\n");
  meter = RaplMeter(root_.string());
  EXPECT_FALSE(meter.available());
  EXPECT_NE(meter.why_unavailable().find("'lots' is not a counter"), std::string::npos) << meter.why_unavailable();

  // Permission denied, as for non-root users since Linux 5.10 (root reads anyway).
  domain("intel-rapl:0", "package-0", 1, 100);
  ASSERT_TRUE(RaplMeter(root_.string()).available());
  fs::permissions(root_ / "intel-rapl:0" / "energy_uj", fs::perms::owner_write);
  if (geteuid() != 0) {
    meter = RaplMeter(root_.string());
    EXPECT_FALSE(meter.available());
    EXPECT_NE(meter.why_unavailable().find("Permission denied"), std::string::npos) << meter.why_unavailable();
  }
}

TEST(EnergyModel, MillijoulesAreWattsTimesMilliseconds) {
  EXPECT_DOUBLE_EQ(model_energy_mj(5.8, 4.0), 23.2);
  EXPECT_EQ(model_energy_mj(0, 15), 0);
  EXPECT_THROW(model_energy_mj(-1, 15), ConfigError);
  EXPECT_THROW(model_energy_mj(1, 0), ConfigError);
  EXPECT_THROW(model_energy_mj(1, -3), ConfigError);
  EXPECT_THROW(model_energy_mj(std::nan(""), 15), ConfigError);
}

}  // namespace
}  // namespace prpnas::hw
