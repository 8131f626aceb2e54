#include "prpnas/train/checkpoint.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <fmt/core.h>

#include "prpnas/train/run_tables.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

// libtorch's messages run over several lines with a stack: keep the first line.
std::string first_line(const std::string& text) { return text.substr(0, std::min(text.find('\n'), std::size_t{200})); }

[[noreturn]] void unreadable(const std::string& path, const std::string& why) {
  throw DataError(fmt::format("{}: checkpoint is unreadable ({}); delete the run directory to start again", path,
                              first_line(why)));
}

// A checkpoint is libtorch's archive followed by this trailer: "\nprpnas-crc32 "
// and the archive's CRC-32 as 8 hex digits, so that a flipped bit is caught
// on load instead of resuming with damaged weights.
constexpr std::string_view kTrailer = "\nprpnas-crc32 ";
constexpr std::size_t kTrailerSize = kTrailer.size() + 8;

uint32_t crc32_of(std::string_view bytes) {
  return static_cast<uint32_t>(
      ::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

std::string with_checksum(std::string archive) {
  const uint32_t crc = crc32_of(archive);
  archive += kTrailer;
  archive += fmt::format("{:08x}", crc);
  return archive;
}

// The archive of the checkpoint at `path`, its checksum verified; DataError
// in one line otherwise.
std::string verified_archive(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(path + ": checkpoint cannot be opened");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < kTrailerSize || bytes.compare(bytes.size() - kTrailerSize, kTrailer.size(), kTrailer) != 0) {
    throw DataError(path + ": checkpoint has no checksum (cut short, or written by an older prpnas)");
  }
  const std::string recorded = bytes.substr(bytes.size() - 8);
  bytes.resize(bytes.size() - kTrailerSize);
  if (fmt::format("{:08x}", crc32_of(bytes)) != recorded) {
    throw DataError(path + ": checkpoint is damaged (its CRC-32 does not match its contents)");
  }
  return bytes;
}

RunState read_state(torch::serialize::InputArchive& archive, const space::SearchSpace& space) {
  c10::IValue text;
  archive.read("state", text);
  return RunState::from_json(nlohmann::json::parse(text.toStringRef()), space);
}

}  // namespace

void save_checkpoint(SupernetRun& run, bool also_as_step1) {
  write_run_tables(run);
  run.state.seconds.total = run.elapsed();
  torch::serialize::OutputArchive archive, net, sgd, alpha, stream;
  run.supernet->module().save(net);
  run.sgd.save(sgd);
  run.alpha.save(alpha);
  run.stream.save(stream);
  archive.write("supernet", net);
  archive.write("sgd", sgd);
  archive.write("alpha", alpha);
  archive.write("stream", stream);
  archive.write("state", c10::IValue(run.state.to_json(run.space).dump()));
  std::ostringstream out;
  archive.save_to(out);
  const std::string bytes = with_checksum(out.str());
  // The last two are kept: a damaged newest one falls back to the one before.
  // A hard link, renamed into place, keeps `checkpoint` present throughout.
  const std::string path = run.layout.checkpoint(), previous = run.layout.previous_checkpoint();
  const std::string link = previous + kTemporarySuffix + "link";
  std::error_code ec;
  if (std::filesystem::exists(path)) {
    std::filesystem::remove(link, ec);
    std::filesystem::create_hard_link(path, link, ec);
    if (!ec) std::filesystem::rename(link, previous, ec);
    if (ec) throw Error(fmt::format("{}: cannot keep it as {} ({})", path, previous, ec.message()));
  }
  write_file_atomically(path, bytes);
  if (also_as_step1) write_file_atomically(run.layout.step1_checkpoint(), bytes);
  run.checkpointed_step = run.state.step;
}

void load_checkpoint(SupernetRun& run) {
  std::string path = run.layout.checkpoint(), bytes;
  try {
    bytes = verified_archive(path);
  } catch (const DataError& e) {
    const std::string previous = run.layout.previous_checkpoint();
    if (!std::filesystem::exists(previous)) throw;
    bytes = verified_archive(previous);
    run.say(fmt::format("{}; resuming from the one before it, {}", e.what(), previous));
    path = previous;
  }
  try {
    torch::serialize::InputArchive archive, net, sgd, alpha, stream;
    std::istringstream in(bytes);
    archive.load_from(in);
    archive.read("supernet", net);
    archive.read("sgd", sgd);
    archive.read("alpha", alpha);
    archive.read("stream", stream);
    run.supernet->module().load(net);
    run.sgd.load(sgd);
    run.alpha.load(alpha);
    run.stream.load(stream);
    RunState state = read_state(archive, run.space);
    if (state.step < 0 || state.step > run.plan.total()) throw Error("inconsistent state");
    ScoredArchitectures pool = std::move(state.pool);
    run.state = std::move(state);
    run.set_pool(std::move(pool));
  } catch (const std::exception& e) {
    unreadable(path, e.what());
  }
  run.resume_clock(run.state.seconds.total);
  run.checkpointed_step = run.state.step;
}

RunState load_supernet_from_checkpoint(const std::string& path, nn::Supernet& supernet) {
  std::istringstream in(verified_archive(path));
  try {
    torch::serialize::InputArchive archive, net;
    archive.load_from(in);
    archive.read("supernet", net);
    supernet.module().load(net);
    return read_state(archive, supernet.space());
  } catch (const std::exception& e) {
    throw DataError(fmt::format("{}: checkpoint is unreadable or of another network ({})", path, first_line(e.what())));
  }
}

}  // namespace prpnas::train
