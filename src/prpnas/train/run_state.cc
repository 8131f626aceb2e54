#include "prpnas/train/run_state.h"

#include <sstream>

#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

nlohmann::json members_json(const std::vector<FrontMember>& members, const space::SearchSpace& space) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : members) {
    out.push_back({{"arch", space.format(m.arch)},
                   {"accuracy", m.accuracy},
                   {"costs", m.costs},
                   {"true_accuracy", m.true_accuracy ? nlohmann::json(*m.true_accuracy) : nlohmann::json()}});
  }
  return out;
}

nlohmann::json front_json(const FinalFront& front, const space::SearchSpace& space) {
  return {{"candidates", front.candidates}, {"size", front.size}, {"hypervolume", front.hypervolume},
          {"members", members_json(front.members, space)}};
}

FinalFront front_from_json(const nlohmann::json& json, const space::SearchSpace& space) {
  FinalFront front{json.at("candidates"), json.at("size"), json.at("hypervolume"), {}};
  for (const auto& m : json.value("members", nlohmann::json::array())) {
    FrontMember member{space.parse(m.at("arch").get<std::string>()), m.at("accuracy"),
                       m.at("costs").get<std::vector<double>>(), std::nullopt};
    if (m.at("true_accuracy").is_number()) member.true_accuracy = m.at("true_accuracy").get<double>();
    front.members.push_back(std::move(member));
  }
  return front;
}

}  // namespace

nlohmann::json RunSeconds::to_json() const {
  return {{"total", total}, {"fairness", fairness}, {"single_path", single_path}, {"rank", rank},
          {"evaluation", evaluation}};
}

RunSeconds RunSeconds::from_json(const nlohmann::json& j) {
  return {j.at("total"), j.at("fairness"), j.at("single_path"), j.at("rank"), j.at("evaluation")};
}

RunState RunState::start(const space::SearchSpace& space, uint64_t seed) {
  RunState state;
  state.alive = space.full_mask();
  for (const auto& row : state.alive) state.pruned_at.emplace_back(row.size(), 0);
  state.rng.seed(seed ^ 0x5eedULL);
  return state;
}

nlohmann::json RunState::to_json(const space::SearchSpace& space) const {
  std::ostringstream engine;
  engine << rng;
  std::vector<std::string> pool_archs;
  for (const auto& arch : pool.archs) pool_archs.push_back(space.format(arch));
  return {{"step", step},
          {"finished", finished},
          {"alive", alive},
          {"pruned_at", pruned_at},
          {"engine", engine.str()},
          {"pool", {{"archs", pool_archs}, {"accuracy", pool.accuracy}}},
          {"log", log},
          {"alpha_history", alpha_history},
          {"seconds", seconds.to_json()},
          {"front", front_json(front, space)},
          {"uniform_front", front_json(uniform_front, space)}};
}

RunState RunState::from_json(const nlohmann::json& s, const space::SearchSpace& space) {
  RunState state;
  state.step = s.at("step");
  state.finished = s.at("finished");
  state.alive = s.at("alive").get<space::ChoiceMask>();
  state.pruned_at = s.at("pruned_at").get<std::vector<std::vector<int64_t>>>();
  std::istringstream engine(s.at("engine").get<std::string>());
  engine >> state.rng;
  if (!engine) throw Error("unreadable random engine");
  for (const auto& arch : s.at("pool").at("archs")) state.pool.archs.push_back(space.parse(arch.get<std::string>()));
  state.pool.accuracy = s.at("pool").at("accuracy").get<std::vector<double>>();
  state.log = s.at("log").get<TextRows>();
  state.alpha_history = s.value("alpha_history", TextRows{});
  state.seconds = RunSeconds::from_json(s.at("seconds"));
  const auto& front = s.at("front");
  if (state.finished && !front.contains("members")) throw Error("finished by a prpnas that kept no front in it");
  state.front = front_from_json(front, space);
  // Runs finished before the uniform front existed have none (candidates 0).
  if (s.contains("uniform_front")) state.uniform_front = front_from_json(s.at("uniform_front"), space);
  return state;
}

}  // namespace prpnas::train
