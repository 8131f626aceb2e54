#include "prpnas/hw/rapl_meter.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fmt/core.h>

#include "prpnas/util/error.h"

namespace prpnas::hw {

namespace {

namespace fs = std::filesystem;

// A small sysfs file as text; false with `why` set when it cannot be read.
bool read_small_file(const fs::path& path, std::string& text, std::string& why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    why = path.string() + ": " + std::strerror(errno);
    if (errno == EACCES) why += " (since Linux 5.10 only root may read RAPL counters)";
    return false;
  }
  char buffer[128];
  ssize_t n;
  do {
    n = ::read(fd, buffer, sizeof buffer - 1);
  } while (n < 0 && errno == EINTR);
  const int error = errno;
  ::close(fd);
  if (n < 0) {
    why = path.string() + ": " + std::strerror(error);
    return false;
  }
  text.assign(buffer, static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return true;
}

bool read_counter(const fs::path& path, std::uint64_t& value, std::string& why) {
  std::string text;
  if (!read_small_file(path, text, why)) return false;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) {
    why = path.string() + ": '" + text + "' is not a counter (expected a whole number of microjoules)";
    return false;
  }
  return true;
}

// N of "intel-rapl:N" (a top-level domain), or -1.
long package_number(const std::string& name) {
  constexpr std::string_view kPrefix = "intel-rapl:";
  if (!name.starts_with(kPrefix) || name.size() == kPrefix.size() || name.size() > kPrefix.size() + 6) return -1;
  long n = 0;
  for (std::size_t i = kPrefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9') return -1;
    n = n * 10 + (name[i] - '0');
  }
  return n;
}

}  // namespace

std::uint64_t counter_delta_uj(std::uint64_t before, std::uint64_t after, std::uint64_t max_range_uj) {
  if (after >= before) return after - before;
  return (max_range_uj - std::min(before, max_range_uj)) + after;
}

RaplMeter::RaplMeter(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) {
    why_unavailable_ = root_ + ": no such directory (no powercap interface: a VM, a container without /sys, "
                               "or a CPU or kernel without RAPL)";
    return;
  }
  std::vector<std::pair<long, std::string>> found;
  for (fs::directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const long n = package_number(name);
    if (n < 0) continue;
    // Top-level domains are packages, except psys (the whole platform) on some laptops.
    std::string kind, ignored;
    if (read_small_file(it->path() / "name", kind, ignored) && !kind.starts_with("package")) continue;
    found.emplace_back(n, name);
  }
  if (ec) {
    why_unavailable_ = root_ + ": cannot list (" + ec.message() + ")";
    return;
  }
  std::sort(found.begin(), found.end());
  for (const auto& [n, name] : found) {
    const fs::path dir = fs::path(root_) / name;
    std::uint64_t max_range = 0, energy = 0;
    if (!read_counter(dir / "max_energy_range_uj", max_range, why_unavailable_) ||
        !read_counter(dir / "energy_uj", energy, why_unavailable_)) {
      domains_.clear();
      max_range_uj_.clear();
      return;
    }
    if (max_range == 0) {
      why_unavailable_ = (dir / "max_energy_range_uj").string() + ": 0, so wrap-around cannot be handled";
      domains_.clear();
      max_range_uj_.clear();
      return;
    }
    domains_.push_back(name);
    max_range_uj_.push_back(max_range);
  }
  if (domains_.empty()) why_unavailable_ = root_ + ": no RAPL package domain (intel-rapl:N)";
}

RaplSample RaplMeter::sample() const {
  if (!available()) throw Error("RAPL energy is unavailable: " + why_unavailable_);
  RaplSample s;
  s.energy_uj.resize(domains_.size());
  for (std::size_t i = 0; i < domains_.size(); ++i) {
    std::string why;
    if (!read_counter(fs::path(root_) / domains_[i] / "energy_uj", s.energy_uj[i], why)) {
      throw Error("cannot read RAPL energy: " + why);
    }
  }
  return s;
}

double RaplMeter::joules_between(const RaplSample& before, const RaplSample& after) const {
  if (before.energy_uj.size() != domains_.size() || after.energy_uj.size() != domains_.size()) {
    throw Error(fmt::format("RAPL samples of {} and {} packages, the meter has {}", before.energy_uj.size(),
                            after.energy_uj.size(), domains_.size()));
  }
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < domains_.size(); ++i) {
    total += counter_delta_uj(before.energy_uj[i], after.energy_uj[i], max_range_uj_[i]);
  }
  return static_cast<double>(total) * 1e-6;
}

double RaplMeter::read_joules() const {
  std::uint64_t total = 0;
  for (const std::uint64_t uj : sample().energy_uj) total += uj;
  return static_cast<double>(total) * 1e-6;
}

EnergySource RaplMeter::energy_source(double model_power_watts) const {
  if (available()) {
    std::string names;
    for (const auto& d : domains_) names += (names.empty() ? "" : ", ") + d;
    return {"rapl", 0, "RAPL package energy (" + names + " under " + root_ + ")"};
  }
  model_energy_mj(0, model_power_watts);  // checks the power
  return {"model", model_power_watts,
          fmt::format("model: {} W x latency (no RAPL: {})", model_power_watts, why_unavailable_)};
}

}  // namespace prpnas::hw
