#include "prpnas/dist/process_group.h"

#include <torch/csrc/distributed/c10d/FileStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <chrono>
#include <map>
#include <cstdlib>
#include <thread>
#include <vector>

namespace prpnas::dist {

struct ProcessGroup::Gloo {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

namespace {

using Milliseconds = std::chrono::milliseconds;

Milliseconds milliseconds(double seconds) { return Milliseconds(static_cast<int64_t>(seconds * 1000)); }

c10::intrusive_ptr<c10d::Store> make_store(const LaunchEnvironment& env) {
  c10::intrusive_ptr<c10d::Store> store;
  if (!env.store_file.empty()) {
    store = c10::make_intrusive<c10d::FileStore>(env.store_file, env.world_size);
  } else {
    c10d::TCPStoreOptions options;
    options.port = static_cast<uint16_t>(env.master_port);
    options.isServer = env.rank == 0;
    options.numWorkers = env.world_size;
    options.timeout = milliseconds(env.timeout_seconds);
    store = c10::make_intrusive<c10d::TCPStore>(env.master_addr, options);
  }
  store->setTimeout(milliseconds(env.timeout_seconds));
  return store;
}

// GLOO_SOCKET_IFNAME as in torch.distributed; loopback for one machine.
std::shared_ptr<gloo::transport::Device> make_device(const LaunchEnvironment& env) {
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME")) {
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  }
  if (!env.store_file.empty() || env.master_addr == "127.0.0.1" || env.master_addr == "localhost") {
    return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  }
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

std::string first_line_of(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

ProcessGroup::ProcessGroup() = default;

ProcessGroup::ProcessGroup(const LaunchEnvironment& env)
    : rank_(env.rank), size_(env.world_size), timeout_seconds_(env.timeout_seconds) {
  if (!env.distributed()) return;
  const auto start = std::chrono::steady_clock::now();
  try {
    gloo_ = std::make_unique<Gloo>();
    gloo_->store = make_store(env);
    auto options = c10d::ProcessGroupGloo::Options::create(milliseconds(env.timeout_seconds));
    options->devices.push_back(make_device(env));
    gloo_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(gloo_->store, rank_, size_, options);
  } catch (const std::exception& e) {
    throw LostRank(fmt::format("distributed: rank {} of {} could not meet the others within {} s through {} ({}); "
                               "check that every rank was started, and MASTER_ADDR/MASTER_PORT",
                               rank_, size_, env.timeout_seconds,
                               env.store_file.empty() ? fmt::format("{}:{}", env.master_addr, env.master_port)
                                                      : env.store_file,
                               first_line_of(e.what())));
  }
  traffic_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

ProcessGroup::~ProcessGroup() = default;

template <class Collective>
void ProcessGroup::run(const char* what, int64_t bytes, const Collective& collective) {
  if (!distributed()) return;
  const auto start = std::chrono::steady_clock::now();
  try {
    collective(*gloo_->group)->wait();
  } catch (const std::exception& e) {
    lost(what, first_line_of(e.what()));
  }
  ++traffic_.collectives;
  traffic_.bytes += bytes;
  traffic_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Each survivor marks itself in the store; who has not after a grace period
// is lost. Without the store (its server, rank 0, is gone) rank 0 is.
void ProcessGroup::lost(const char* what, const std::string& cause) {
  std::vector<int> missing;
  try {
    c10d::Store& store = *gloo_->store;
    store.setTimeout(Milliseconds(3000));
    store.set(fmt::format("prpnas/failed/{}", rank_), std::vector<uint8_t>{1});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    do {
      missing.clear();
      for (int r = 0; r < size_; ++r) {
        if (r != rank_ && !store.check({fmt::format("prpnas/failed/{}", r)})) missing.push_back(r);
      }
      if (missing.empty()) break;
      std::this_thread::sleep_for(Milliseconds(100));
    } while (std::chrono::steady_clock::now() < deadline);
  } catch (const std::exception&) {
    missing = {0};
  }
  throw LostRank(fmt::format("distributed: rank {} lost rank {} during {} ({}); every rank stops within {} s; run the "
                             "same command again to resume from the last checkpoint",
                             rank_, fmt::join(missing, ", "), what, cause, timeout_seconds_));
}

void ProcessGroup::sum(torch::Tensor& tensor, const char* what) {
  run(what, tensor.nbytes(), [&](c10d::ProcessGroupGloo& group) {
    std::vector<at::Tensor> tensors{tensor};
    return group.allreduce(tensors);
  });
}

void ProcessGroup::max(torch::Tensor& tensor, const char* what) {
  run(what, tensor.nbytes(), [&](c10d::ProcessGroupGloo& group) {
    std::vector<at::Tensor> tensors{tensor};
    return group.allreduce(tensors, c10d::AllreduceOptions{c10d::ReduceOp::MAX});
  });
}

void ProcessGroup::broadcast(torch::Tensor& tensor, int root, const char* what) {
  run(what, tensor.nbytes(), [&](c10d::ProcessGroupGloo& group) {
    std::vector<at::Tensor> tensors{tensor};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    return group.broadcast(tensors, options);
  });
}

int64_t ProcessGroup::max(int64_t value, const char* what) {
  if (!distributed()) return value;
  torch::Tensor t = torch::tensor({value}, torch::kInt64);
  max(t, what);
  return t.item<int64_t>();
}

int64_t ProcessGroup::from_rank0(int64_t value, const char* what) {
  if (!distributed()) return value;
  torch::Tensor t = torch::tensor({value}, torch::kInt64);
  broadcast(t, 0, what);
  return t.item<int64_t>();
}

// A single process keeps its "store" in memory.
namespace {
std::map<std::string, std::string>& local_store() {
  static std::map<std::string, std::string> store;
  return store;
}

template <class Operation>
auto with_store(std::mutex& mutex, const Operation& operation) {
  std::lock_guard lock(mutex);
  try {
    return operation();
  } catch (const LostRank&) {
    throw;
  } catch (const std::exception& e) {
    throw LostRank(fmt::format("distributed: the store is unreachable ({}); rank 0, which serves it, is lost; run "
                               "the same command again to resume",
                               first_line_of(e.what())));
  }
}

}  // namespace

int64_t ProcessGroup::store_add(const std::string& key, int64_t delta) {
  return with_store(store_mutex_, [&]() -> int64_t {
    if (!distributed()) {
      std::string& v = local_store()[key];
      v = std::to_string((v.empty() ? 0 : std::stoll(v)) + delta);
      return std::stoll(v);
    }
    return gloo_->store->add(key, delta);
  });
}

void ProcessGroup::store_set(const std::string& key, const std::string& value) {
  with_store(store_mutex_, [&] {
    if (!distributed()) {
      local_store()[key] = value;
      return 0;
    }
    gloo_->store->set(key, std::vector<uint8_t>(value.begin(), value.end()));
    return 0;
  });
}

std::string ProcessGroup::store_value(const std::string& key) {
  return with_store(store_mutex_, [&]() -> std::string {
    if (!distributed()) return local_store().count(key) ? local_store()[key] : "";
    if (!gloo_->store->check({key})) return "";
    const std::vector<uint8_t> bytes = gloo_->store->get(key);
    return std::string(bytes.begin(), bytes.end());
  });
}

namespace {
ProcessGroup* solo_group = nullptr;  // set while a SoloScope lives
}  // namespace

ProcessGroup& world() {
  static ProcessGroup group(read_launch_environment());
  return solo_group != nullptr ? *solo_group : group;
}

SoloScope::SoloScope() : saved_(solo_group) {
  world();  // the joined group first: a solo scope must not be where it joins
  static ProcessGroup single;
  solo_group = &single;
}

SoloScope::~SoloScope() { solo_group = saved_; }

}  // namespace prpnas::dist
