#include "prpnas/train/checkpoint.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/core.h>

#include "prpnas/dist/process_group.h"
#include "prpnas/train/bundle_tensors.h"
#include "prpnas/train/run_tables.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/crc32.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

// Messages from libtorch run over several lines with a stack: keep the first line.
std::string first_line(const std::string& text) { return text.substr(0, std::min(text.find('\n'), std::size_t{200})); }

[[noreturn]] void unreadable(const std::string& path, const std::string& why) {
  throw DataError(fmt::format("{}: checkpoint is unreadable ({}); delete the run directory to start again", path,
                              first_line(why)));
}

// A checkpoint is a TensorBundle (util/tensor_bundle.h) followed by this trailer: "\nprpnas-crc32 "
// and the archive's CRC-32 as 8 hex digits, so that a flipped bit is caught
// on load instead of resuming with damaged weights.
constexpr std::string_view kTrailer = "\nprpnas-crc32 ";
constexpr std::size_t kTrailerSize = kTrailer.size() + 8;

std::string with_checksum(std::string archive) {
  const std::string crc = crc32_hex(archive);
  archive += kTrailer;
  archive += crc;
  return archive;
}

// The bundle of the checkpoint at `path`, its checksum verified; DataError
// in one line otherwise.
TensorBundle verified_bundle(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": checkpoint cannot be opened");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < kTrailerSize || bytes.compare(bytes.size() - kTrailerSize, kTrailer.size(), kTrailer) != 0) {
    throw DataError(path + ": checkpoint has no checksum (cut short, or written by an older prpnas)");
  }
  const std::string recorded = bytes.substr(bytes.size() - 8);
  bytes.resize(bytes.size() - kTrailerSize);
  if (crc32_hex(bytes) != recorded) {
    throw DataError(path + ": checkpoint is damaged (its CRC-32 does not match its contents)");
  }
  return read_bundle(bytes, path);
}

// A damaged SGD state is DataError here, not a crash in the next step: one
// momentum buffer per parameter that has stepped, of its shape.
void save_sgd(TensorBundle& bundle, const torch::optim::SGD& sgd) {
  const std::vector<torch::Tensor>& params = sgd.param_groups().at(0).params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto state = sgd.state().find(c10::guts::to_string(params[i].unsafeGetTensorImpl()));
    if (state == sgd.state().end()) continue;
    const auto& momentum = static_cast<const torch::optim::SGDParamState&>(*state->second);
    put_tensor(bundle, "sgd.momentum." + std::to_string(i), momentum.momentum_buffer());
  }
}

void load_sgd(const TensorBundle& bundle, torch::optim::SGD& sgd, const std::string& path) {
  const std::vector<torch::Tensor>& params = sgd.param_groups().at(0).params();
  sgd.state().clear();
  for (std::size_t i = 0; i < params.size(); ++i) {
    const std::string name = "sgd.momentum." + std::to_string(i);
    if (bundle.find(name) == nullptr) continue;
    torch::Tensor buffer = take_tensor(bundle, name, path);
    if (buffer.sizes() != params[i].sizes() || buffer.scalar_type() != params[i].scalar_type()) {
      throw DataError(fmt::format("{}: {} does not match its parameter", path, name));
    }
    auto state = std::make_unique<torch::optim::SGDParamState>();
    state->momentum_buffer(buffer.to(params[i].device()));
    sgd.state()[c10::guts::to_string(params[i].unsafeGetTensorImpl())] = std::move(state);
  }
}

}  // namespace

void save_checkpoint(SupernetRun& run, bool also_as_step1) {
  run.state.seconds.total = run.elapsed();
  run.checkpointed_step = run.state.step;
  if (!dist::world().writes()) return;
  write_run_tables(run);
  TensorBundle bundle;
  put_module(bundle, "supernet.", run.supernet->module());
  save_sgd(bundle, run.sgd);
  run.alpha.save(bundle);
  run.stream.save(bundle);
  bundle.meta["state"] = run.state.to_json(run.space);
  const std::string bytes = with_checksum(write_bundle(bundle));
  // The last two are kept: a damaged newest one falls back to the one before.
  // A hard link, renamed into place, keeps `checkpoint` present throughout.
  // The new one is written whole first, so that the two names share one
  // file only between two renames, not for a whole write (a kill there
  // would leave no second copy).
  const std::string path = run.layout.checkpoint(), previous = run.layout.previous_checkpoint();
  const std::string link = previous + kTemporarySuffix + "link", next = path + kTemporarySuffix + "next";
  write_file_atomically(next, bytes);
  std::error_code ec;
  if (std::filesystem::exists(path)) {
    std::filesystem::remove(link, ec);
    std::filesystem::create_hard_link(path, link, ec);
    if (!ec) std::filesystem::rename(link, previous, ec);
    if (ec) throw Error(fmt::format("{}: cannot keep it as {} ({})", path, previous, ec.message()));
  }
  std::filesystem::rename(next, path, ec);
  if (ec) throw Error(fmt::format("{}: cannot move the new checkpoint into place ({})", path, ec.message()));
  if (also_as_step1) write_file_atomically(run.layout.step1_checkpoint(), bytes);
}

void load_checkpoint(SupernetRun& run) {
  std::string path = run.layout.checkpoint();
  TensorBundle bundle;
  try {
    bundle = verified_bundle(path);
  } catch (const DataError& e) {
    const std::string previous = run.layout.previous_checkpoint();
    if (!std::filesystem::exists(previous)) throw;
    bundle = verified_bundle(previous);
    run.say(fmt::format("{}; resuming from the one before it, {}", e.what(), previous));
    path = previous;
  }
  try {
    take_module(bundle, "supernet.", run.supernet->module(), path);
    load_sgd(bundle, run.sgd, path);
    run.alpha.load(bundle, path);
    run.stream.load(bundle, path);
    RunState state = RunState::from_json(bundle.meta.at("state"), run.space);
    if (state.step < 0 || state.step > run.plan.total()) throw Error("inconsistent state");
    ScoredArchitectures pool = std::move(state.pool);
    run.state = std::move(state);
    run.set_pool(std::move(pool));
  } catch (const DataError&) {
    throw;  // names the file already
  } catch (const std::exception& e) {
    unreadable(path, e.what());  // e.g. a state field of the wrong JSON type
  }
  run.resume_clock(run.state.seconds.total);
  run.checkpointed_step = run.state.step;
}

RunState load_supernet_from_checkpoint(const std::string& path, nn::Supernet& supernet) {
  const TensorBundle bundle = verified_bundle(path);
  try {
    take_module(bundle, "supernet.", supernet.module(), path);
    return RunState::from_json(bundle.meta.at("state"), supernet.space());
  } catch (const DataError&) {
    throw;
  } catch (const std::exception& e) {
    throw DataError(fmt::format("{}: checkpoint is unreadable or of another network ({})", path, first_line(e.what())));
  }
}

}  // namespace prpnas::train
