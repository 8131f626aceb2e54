#include "prpnas/train/run_judgement.h"

#include <cmath>

#include <fmt/core.h>

#include "prpnas/dist/process_group.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/search/front_from_alpha.h"
#include "prpnas/train/methods/baselines.h"
#include "prpnas/train/methods/prp.h"
#include "prpnas/train/methods/training_method.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/number_cell.h"

namespace prpnas::train {
namespace {

std::vector<double> as_doubles(const std::vector<int>& values) { return {values.begin(), values.end()}; }

// The current front: from alpha once Step 2 has trained it, otherwise the
// non-dominated ones among `archs` (already estimated as `points`).
pareto::Points current_front(SupernetRun& run, const std::vector<space::Architecture>& archs,
                             const pareto::Points& points) {
  std::vector<space::Architecture> candidates = archs;
  pareto::Points candidate_points = points;
  if (run.in_step2() && run.alpha.steps() > 0) {
    candidates = valid_alpha_candidates(run);
    std::vector<double> accuracy;
    candidate_points = run.estimate(candidates, accuracy);
  }
  pareto::Points front;
  for (std::size_t i : pareto::non_dominated(candidate_points)) front.push_back(candidate_points[i]);
  return front;
}

// The latest judgement cell by cell (judged.csv), so that its Kendall
// figures can get intervals over cells: arch, the truth's accuracy, the
// estimate, the costs, and -P(a) for methods that train alpha.
void write_judged_cells(const SupernetRun& run, const std::vector<double>& accuracy, const pareto::Points& points,
                        const std::vector<double>& negated_score) {
  const ScoredArchitectures& truth = run.inputs.truth;
  CsvTable csv{"judged.csv", {"arch", "true_accuracy", "accuracy"}, {}, {}};
  for (const CostObjective& cost : run.objectives.costs()) csv.header.push_back(cost.name);
  if (!negated_score.empty()) csv.header.push_back("negated_alpha_score");
  for (std::size_t i = 0; i < truth.archs.size(); ++i) {
    std::vector<std::string> row = {run.space.format(truth.archs[i]), fmt::format("{}", truth.accuracy[i]),
                                    fmt::format("{}", accuracy[i])};
    for (std::size_t k = 1; k < points[i].size(); ++k) row.push_back(fmt::format("{}", points[i][k]));
    if (!negated_score.empty()) row.push_back(fmt::format("{}", negated_score[i]));
    csv.rows.push_back(std::move(row));
  }
  if (dist::world().writes()) write_csv_file(run.layout.judged(), csv);
}

double cell_number(const std::string& cell) { return cell.empty() ? std::nan("") : std::stod(cell); }

}  // namespace

RunJudgement::RunJudgement(const SupernetRun& run) : kendall_cost_only_(std::nan("")) {
  const ScoredArchitectures& truth = run.inputs.truth;
  if (truth.empty()) return;
  truth_ranks_ = as_doubles(pareto::pareto_ranks(run.objectives.points(truth.accuracy, truth.archs)));
  std::vector<double> first_cost;
  for (const auto& arch : truth.archs) first_cost.push_back(run.objectives.costs_of(arch).front());
  kendall_cost_only_ = pareto::kendall_tau_b(first_cost, truth_ranks_);
}

void RunJudgement::judge(SupernetRun& run, LogRow& row) const {
  const ScoredArchitectures& truth = run.inputs.truth;
  if (truth.empty()) return;
  const auto start = std::chrono::steady_clock::now();
  std::vector<double> accuracy;
  const pareto::Points points = run.estimate(truth.archs, accuracy);
  row[kKendallSupernet] = number_cell(pareto::kendall_tau_b(as_doubles(pareto::pareto_ranks(points)), truth_ranks_));
  row[kKendallAccuracy] = number_cell(pareto::kendall_tau_b(accuracy, truth.accuracy));
  std::vector<double> score;
  if (run.method.trains_alpha()) {
    score = run.alpha.predicted_scores(truth.archs);
    for (double& s : score) s = -s;  // high P = good = low rank
    row[kKendallAlpha] = number_cell(pareto::kendall_tau_b(score, truth_ranks_));
  }
  write_judged_cells(run, accuracy, points, score);
  row[kHypervolume] = number_cell(run.objectives.normalized_hypervolume(current_front(run, truth.archs, points)));
  run.state.seconds.evaluation += SupernetRun::seconds_since(start);
}

namespace {

// The non-dominated estimates of `candidates`, also written to `path`.
FinalFront estimated_front(SupernetRun& run, const std::vector<space::Architecture>& candidates,
                           const std::string& path) {
  std::vector<double> accuracy;
  const pareto::Points points = run.estimate(candidates, accuracy);
  CsvTable csv{"front.csv", {"arch", "accuracy"}, {}, {}};
  for (const CostObjective& cost : run.objectives.costs()) csv.header.push_back(cost.name);
  csv.header.push_back("true_accuracy");
  FinalFront front;
  pareto::Points front_points;
  const ScoredArchitectures& truth = run.inputs.truth;
  for (std::size_t i : pareto::non_dominated(points)) {
    FrontMember member{candidates[i], accuracy[i], {points[i].begin() + 1, points[i].end()}, std::nullopt};
    for (std::size_t t = 0; t < truth.archs.size(); ++t) {
      if (truth.archs[t] == candidates[i]) member.true_accuracy = truth.accuracy[t];
    }
    std::vector<std::string> row = {run.space.format(member.arch), number_cell(member.accuracy)};
    for (double c : member.costs) row.push_back(number_cell(c));
    row.push_back(member.true_accuracy ? number_cell(*member.true_accuracy) : "");
    csv.rows.push_back(std::move(row));
    front.members.push_back(std::move(member));
    front_points.push_back(points[i]);
  }
  if (dist::world().writes()) write_csv_file(path, csv);
  front.candidates = static_cast<int64_t>(candidates.size());
  front.size = static_cast<int64_t>(front_points.size());
  front.hypervolume = run.objectives.normalized_hypervolume(front_points);
  return front;
}

}  // namespace

void make_final_front(SupernetRun& run) {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<space::Architecture> candidates = run.method.final_candidates(run);
  run.say(fmt::format("front: estimating {} candidate architectures", candidates.size()));
  run.state.front = estimated_front(run, candidates, run.layout.front());
  // Estimates are cached, so for the baselines (whose candidates these are) this costs nothing.
  run.state.uniform_front = estimated_front(run, shared_front_candidates(run), run.layout.uniform_front());
  run.state.seconds.evaluation += SupernetRun::seconds_since(start);
}

Judgement last_judgement(const TextRows& log) {
  Judgement j;
  for (auto it = log.rbegin(); it != log.rend(); ++it) {
    const LogRow& row = *it;
    if (row[kKendallSupernet].empty() && row[kHypervolume].empty()) continue;
    j.judged = true;
    j.kendall_supernet = cell_number(row[kKendallSupernet]);
    j.kendall_supernet_accuracy = cell_number(row[kKendallAccuracy]);
    j.kendall_alpha = cell_number(row[kKendallAlpha]);
    j.hypervolume = cell_number(row[kHypervolume]);
    break;
  }
  return j;
}

}  // namespace prpnas::train
