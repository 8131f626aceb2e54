#include "prpnas/train/checkpoint.h"

#include <sstream>

#include <fmt/core.h>

#include "prpnas/train/run_tables.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

[[noreturn]] void unreadable(const std::string& path, const std::string& why) {
  throw DataError(fmt::format("{}: checkpoint is unreadable ({}); delete the run directory to start again", path,
                              why.substr(0, 200)));
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
  write_file_atomically(run.layout.checkpoint(), out.str());
  if (also_as_step1) write_file_atomically(run.layout.step1_checkpoint(), out.str());
  run.checkpointed_step = run.state.step;
}

void load_checkpoint(SupernetRun& run) {
  const std::string path = run.layout.checkpoint();
  try {
    torch::serialize::InputArchive archive, net, sgd, alpha, stream;
    archive.load_from(path);
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
  try {
    torch::serialize::InputArchive archive, net;
    archive.load_from(path);
    archive.read("supernet", net);
    supernet.module().load(net);
    return read_state(archive, supernet.space());
  } catch (const std::exception& e) {
    throw DataError(fmt::format("{}: checkpoint is unreadable or of another network ({})", path,
                                std::string(e.what()).substr(0, 200)));
  }
}

}  // namespace prpnas::train
