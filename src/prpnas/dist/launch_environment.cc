#include "prpnas/dist/launch_environment.h"

#include <fmt/core.h>

#include <limits>
#include <optional>

#include "prpnas/util/error.h"
#include "prpnas/util/number_text.h"

namespace prpnas::dist {
namespace {

using Getenv = std::function<const char*(const char*)>;

std::optional<std::string> variable(const Getenv& get, const char* name) {
  const char* value = get(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

int whole_variable(const Getenv& get, const char* name, int fallback, int low, int high) {
  const std::optional<std::string> text = variable(get, name);
  if (!text) return fallback;
  const std::optional<int64_t> value = parse_whole(*text);
  if (!value || *value < low || *value > high) {
    throw ConfigError(fmt::format("environment: {}='{}' is not a whole number in [{}, {}]; the launcher sets it, or "
                                  "unset it for a single process",
                                  name, *text, low, high));
  }
  return static_cast<int>(*value);
}

// The first launcher whose rank and size are both set; `out` gets them.
void read_rank(const Getenv& get, LaunchEnvironment& out) {
  struct Names {
    const char *launcher, *rank, *size, *local;
  };
  static const Names kLaunchers[] = {{"torchrun", "RANK", "WORLD_SIZE", "LOCAL_RANK"},
                                     {"srun", "SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID"},
                                     {"mpirun", "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE",
                                      "OMPI_COMM_WORLD_LOCAL_RANK"}};
  constexpr int kMax = std::numeric_limits<int>::max();
  for (const Names& n : kLaunchers) {
    const bool has_rank = get(n.rank) != nullptr, has_size = get(n.size) != nullptr;
    if (!has_rank && !has_size) continue;
    if (has_rank != has_size) {
      throw ConfigError(fmt::format("environment: {} is set but {} is not; {} sets both", has_rank ? n.rank : n.size,
                                    has_rank ? n.size : n.rank, n.launcher));
    }
    out.launcher = n.launcher;
    out.world_size = whole_variable(get, n.size, 1, 1, kMax);
    out.rank = whole_variable(get, n.rank, 0, 0, out.world_size - 1);
    out.local_rank = whole_variable(get, n.local, 0, 0, kMax);
    return;
  }
}

}  // namespace

LaunchEnvironment read_launch_environment(const Getenv& get) {
  LaunchEnvironment out;
  read_rank(get, out);
  if (const std::optional<std::string> text = variable(get, "PRPNAS_DIST_TIMEOUT")) {
    const std::optional<double> seconds = parse_decimal(*text);
    if (!seconds || *seconds <= 0) {
      throw ConfigError(fmt::format("environment: PRPNAS_DIST_TIMEOUT='{}' is not a positive number of seconds",
                                    *text));
    }
    out.timeout_seconds = *seconds;
  }
  out.store_file = variable(get, "PRPNAS_STORE_FILE").value_or("");
  if (!out.distributed() || !out.store_file.empty()) return out;
  const std::optional<std::string> addr = variable(get, "MASTER_ADDR");
  if (!addr || addr->empty() || get("MASTER_PORT") == nullptr) {
    throw ConfigError(fmt::format("environment: {} ranks need MASTER_ADDR (the host of rank 0) and MASTER_PORT (a "
                                  "free port there) to meet; torchrun sets them, with srun or mpirun export them",
                                  out.world_size));
  }
  out.master_addr = *addr;
  out.master_port = whole_variable(get, "MASTER_PORT", 0, 1, 65535);
  return out;
}

}  // namespace prpnas::dist
