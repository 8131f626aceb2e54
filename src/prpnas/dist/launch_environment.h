// Which process of a distributed job this is, as the launcher says in the
// environment: torchrun's RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and
// MASTER_PORT; srun's SLURM_PROCID, SLURM_NTASKS and SLURM_LOCALID; mpirun's
// OMPI_COMM_WORLD_RANK, OMPI_COMM_WORLD_SIZE and OMPI_COMM_WORLD_LOCAL_RANK
// (first found wins, in that order). Ranks meet through a FileStore when
// PRPNAS_STORE_FILE names one (`prpnas launch` does, on one machine), else
// through a TCPStore that rank 0 serves at MASTER_ADDR:MASTER_PORT.
// PRPNAS_DIST_TIMEOUT (seconds, default 60) bounds every wait for another
// rank. Torch-free: dist/process_group.h joins the group it describes.
#ifndef PRPNAS_DIST_LAUNCH_ENVIRONMENT_H_
#define PRPNAS_DIST_LAUNCH_ENVIRONMENT_H_

#include <functional>
#include <string>

namespace prpnas::dist {

struct LaunchEnvironment {
  int rank = 0;
  int world_size = 1;
  int local_rank = 0;
  std::string launcher = "none";  // "torchrun", "srun", "mpirun" or "none"
  std::string store_file;         // FileStore path, or empty for the TCPStore
  std::string master_addr;
  int master_port = 0;
  double timeout_seconds = 60;
  bool distributed() const { return world_size > 1; }
};

// Reads the variables through `get` (std::getenv by default; tests pass a
// map). Throws ConfigError naming the variable for a malformed number, a
// rank outside [0, world size), half of a pair, or a missing MASTER_ADDR or
// MASTER_PORT when more than one rank needs a TCPStore.
LaunchEnvironment read_launch_environment(
    const std::function<const char*(const char*)>& get = [](const char* name) { return std::getenv(name); });

}  // namespace prpnas::dist

#endif  // PRPNAS_DIST_LAUNCH_ENVIRONMENT_H_
