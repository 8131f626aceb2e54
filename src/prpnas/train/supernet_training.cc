#include "prpnas/train/supernet_training.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <fmt/core.h>

#include "prpnas/nn/nb201_supernet.h"
#include "prpnas/pareto/hypervolume.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/space/choice_mask.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/alpha_trainer.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/pool_rank_step.h"
#include "prpnas/train/pruning.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/train/supernet_steps.h"
#include "prpnas/util/atomic_file.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_cell.h"
#include "prpnas/util/progress.h"

namespace prpnas::train {
namespace {

const std::vector<std::string> kLogHeader = {
    "step",  "phase",  "learning_rate",    "weight_loss", "hinge", "listnet", "alpha_loss",
    "alive", "kendall_supernet", "kendall_supernet_accuracy", "kendall_alpha", "hypervolume", "seconds"};
enum LogColumn { kStep, kPhase, kRate, kWeightLoss, kHinge, kListnet, kAlphaLoss, kAlive, kKendallSupernet,
                 kKendallAccuracy, kKendallAlpha, kHypervolume, kSeconds };

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

nn::Nb201Supernet seeded_supernet(const nn::Nb201Config& config, uint64_t seed) {
  torch::manual_seed(seed);
  return nn::Nb201Supernet(config);
}

// Every objective minimised: (-accuracy %, latency ms).
pareto::Points objective_points(const std::vector<double>& accuracy, const std::vector<double>& latency) {
  pareto::Points points;
  for (std::size_t i = 0; i < accuracy.size(); ++i) points.push_back({-accuracy[i], latency[i]});
  return points;
}

std::vector<double> as_doubles(const std::vector<int>& values) { return {values.begin(), values.end()}; }

class Run {
 public:
  Run(const data::DatasetSplits& data, const TrainingInputs& inputs, const TrainingOptions& options,
      std::string run_dir, std::FILE* progress)
      : data_(data),
        inputs_(inputs),
        options_(options),
        dir_(std::move(run_dir)),
        progress_(progress),
        plan_(plan_steps(options, kChoices)),
        supernet_(seeded_supernet(inputs.network, options.seed)),
        sgd_(make_weight_optimizer(*supernet_, options.sgd)),
        alpha_(supernet_->alpha(), options.alpha),
        stream_(data, options.batch_size, options.seed),
        evaluator_(supernet_, data, options.evaluation),
        alive_(space_.full_mask()),
        pruned_at_(space_.num_decisions(), std::vector<int64_t>(kChoices, 0)),
        rng_(options.seed ^ 0x5eedULL) {
    for (const auto& arch : inputs_.truth.archs) truth_latency_.push_back(inputs_.latency_ms.cost(arch));
    if (!inputs_.truth.empty()) {
      truth_ranks_ = as_doubles(pareto::pareto_ranks(objective_points(inputs_.truth.accuracy, truth_latency_)));
      latency_only_kendall_ = pareto::kendall_tau_b(truth_latency_, truth_ranks_);
    }
    max_latency_ = inputs_.latency_ms.fixed;
    for (const auto& row : inputs_.latency_ms.choice) max_latency_ += *std::max_element(row.begin(), row.end());
  }

  nlohmann::json go() {
    std::filesystem::create_directories(dir_);
    if (std::filesystem::exists(checkpoint_path())) {
      load_checkpoint();
    } else {
      save_checkpoint();  // so a failure at any step leaves one from before it
    }
    if (finished_) {
      say(fmt::format("{}: already finished ({} steps); nothing to do", dir_, step_));
      return summary();
    }
    if (step_ > 0) say(fmt::format("resuming {} at step {}/{}", dir_, step_, plan_.total()));
    Progress bar(method_name(options_.method), plan_.total(), "step", progress_);
    while (step_ < plan_.total()) {
      if (in_step2() && pool_.empty()) {
        build_pool();
        save_checkpoint(/*also_as_step1=*/true);
      }
      try {
        one_step();
      } catch (const Error& e) {
        throw Error(fmt::format("{} (run stopped at step {}; the checkpoint in {} is from step {}, before it)",
                                e.what(), step_ + 1, dir_, checkpointed_step_));
      }
      ++step_;
      const bool phase_end = step_ == plan_.total() || (is_prp() && step_ == plan_.fairness_steps);
      if (phase_end || (options_.evaluate_every > 0 && step_ % options_.evaluate_every == 0)) evaluate();
      log_.back()[kSeconds] = number_cell(elapsed());
      if (phase_end || step_ % options_.checkpoint_every == 0) {
        if (in_step2()) record_alpha();
        save_checkpoint();
      }
      bar.update(step_, fmt::format("{} loss {} alive {}", log_.back()[kPhase], log_.back()[kWeightLoss],
                                    log_.back()[kAlive]));
    }
    bar.finish();
    write_front();
    finished_ = true;
    save_checkpoint();
    const nlohmann::json result = summary();
    write_file_atomically(dir_ + "/summary.json", result.dump(2) + "\n");
    return result;
  }

 private:
  static constexpr int kChoices = 5;

  bool is_prp() const { return options_.method == Method::kPrp || options_.method == Method::kPrpNoPruning; }
  bool in_step2() const { return is_prp() && step_ >= plan_.fairness_steps; }
  std::string checkpoint_path() const { return dir_ + "/checkpoint"; }
  double elapsed() const { return seconds_before_ + seconds_since(started_); }
  void say(const std::string& line) const {
    if (progress_) fmt::print(progress_, "{}\n", line);
  }

  int alive_count() const {
    int n = 0;
    for (const auto& row : alive_) n += static_cast<int>(std::count(row.begin(), row.end(), true));
    return n;
  }

  // `count` distinct architectures drawn uniformly (all of them if the space is smaller).
  std::vector<space::Architecture> distinct_sample(int64_t count, uint64_t seed) const {
    return space::distinct_sample(space_, static_cast<uint64_t>(std::max<int64_t>(count, 0)), seed);
  }

  // Per decision, the alive choice with the largest alpha (lowest index on ties).
  space::Architecture argmax_path() const {
    const auto alpha = alpha_.alpha_values();
    space::Architecture path(alive_.size());
    for (std::size_t d = 0; d < alive_.size(); ++d) {
      int best = -1;
      for (int c = 0; c < kChoices; ++c) {
        if (alive_[d][c] && (best < 0 || alpha[d][c] > alpha[d][best])) best = c;
      }
      path[d] = best;
    }
    return path;
  }

  void one_step() {
    std::vector<std::string> row(kLogHeader.size());
    row[kStep] = std::to_string(step_ + 1);
    const double rate = cosine_learning_rate(options_.sgd.learning_rate, step_, plan_.total());
    set_learning_rate(sgd_, rate);
    row[kRate] = number_cell(rate);
    const Batch batch = stream_.next();
    accuracy_cache_.clear();  // W is about to change
    const auto start = std::chrono::steady_clock::now();
    StepResult result;
    if (step_ < plan_.fairness_steps) {
      row[kPhase] = "fairness";
      result = fairness_step(*supernet_, sgd_, batch, alive_, rng_);
      seconds_.fairness += seconds_since(start);
    } else if (options_.method == Method::kSpos) {
      row[kPhase] = "spos";
      result = single_path_step(*supernet_, sgd_, batch, sample_path(alive_, rng_));
      seconds_.single_path += seconds_since(start);
    } else {
      row[kPhase] = "pareto-rank";
      result = single_path_step(*supernet_, sgd_, batch, argmax_path());
      seconds_.single_path += seconds_since(start);
      const auto rank_start = std::chrono::steady_clock::now();
      rank_step(row);
      seconds_.rank += seconds_since(rank_start);
    }
    row[kWeightLoss] = number_cell(result.mean_loss());
    row[kAlive] = std::to_string(alive_count());
    log_.push_back(std::move(row));
  }

  // Step 2's alpha update on S pool members that use only alive choices,
  // then Step 3 every prune_every alpha steps.
  void rank_step(std::vector<std::string>& row) {
    const int prune_every = options_.method == Method::kPrp ? options_.prune_every : 0;
    const std::optional<PoolRankStep> step = pool_rank_step(alpha_, alive_, pool_.archs, pool_points_, rng_,
                                                            prune_every, options_.prune_worst_fraction);
    if (!step) return;  // too few pool members left to rank: alpha stays
    row[kHinge] = number_cell(step->alpha.hinge);
    row[kListnet] = number_cell(step->alpha.listnet);
    row[kAlphaLoss] = number_cell(step->alpha.total);
    for (const PruneEvent& e : step->pruned) {
      pruned_at_[e.decision][e.choice] = step_ + 1;
      say(fmt::format("step {}: pruned {} on {}", step_ + 1, space_.choices(e.decision)[e.choice],
                      space_.decision_name(e.decision)));
    }
  }

  void set_pool_points() {
    std::vector<double> latency;
    for (const auto& arch : pool_.archs) latency.push_back(inputs_.latency_ms.cost(arch));
    pool_points_ = objective_points(pool_.accuracy, latency);
  }

  // The rank source of Step 2: a table, or rank_pool unique architectures
  // judged by the supernet as Step 1 left it.
  void build_pool() {
    const auto start = std::chrono::steady_clock::now();
    if (!inputs_.rank_table.empty()) {
      pool_ = inputs_.rank_table;
    } else {
      pool_.archs = distinct_sample(options_.rank_pool, options_.seed);
      say(fmt::format("Step 2 ranks with the supernet: evaluating a pool of {} architectures", pool_.archs.size()));
      pool_.accuracy = accuracies(pool_.archs);
    }
    set_pool_points();
    seconds_.evaluation += seconds_since(start);
  }

  // Shared-weight accuracies, remembered until the next weight step (the
  // final judgement and the final front often ask for the same ones).
  std::vector<double> accuracies(const std::vector<space::Architecture>& archs) {
    std::vector<space::Architecture> missing;
    for (const auto& arch : archs) {
      if (!accuracy_cache_.count(arch)) missing.push_back(arch);
    }
    const std::vector<double> fresh = evaluator_.accuracies(missing, missing.empty() ? nullptr : progress_);
    for (std::size_t i = 0; i < missing.size(); ++i) accuracy_cache_[missing[i]] = fresh[i];
    std::vector<double> out;
    for (const auto& arch : archs) out.push_back(accuracy_cache_.at(arch));
    return out;
  }

  // Accuracy and latency estimates of `archs` (shared weights + LUT).
  pareto::Points estimate(const std::vector<space::Architecture>& archs, std::vector<double>& accuracy) {
    accuracy = accuracies(archs);
    std::vector<double> latency;
    for (const auto& arch : archs) latency.push_back(inputs_.latency_ms.cost(arch));
    return objective_points(accuracy, latency);
  }

  // Share of the box [0 %, 100 %] x [0, slowest architecture] dominated.
  double normalized_hypervolume(const pareto::Points& points) const {
    return pareto::hypervolume(points, {0.0, max_latency_}) / (100.0 * max_latency_);
  }

  // The current front: from alpha in Step 2 and after, otherwise the
  // non-dominated ones among `archs` (already estimated as `points`).
  std::vector<space::Architecture> current_front(const std::vector<space::Architecture>& archs,
                                                 const pareto::Points& points, pareto::Points& front_points) {
    std::vector<space::Architecture> candidates = archs;
    pareto::Points candidate_points = points;
    if (in_step2() && alpha_.steps() > 0) {
      candidates = search::alpha_candidates(alpha_.alpha_values(), alive_, options_.front);
      std::vector<double> accuracy;
      candidate_points = estimate(candidates, accuracy);
    }
    std::vector<space::Architecture> front;
    front_points.clear();
    for (std::size_t i : pareto::non_dominated(candidate_points)) {
      front.push_back(candidates[i]);
      front_points.push_back(candidate_points[i]);
    }
    return front;
  }

  // The Kendall and hypervolume columns of the last log row.
  void evaluate() {
    if (inputs_.truth.empty()) return;
    const auto start = std::chrono::steady_clock::now();
    std::vector<double> accuracy;
    const pareto::Points points = estimate(inputs_.truth.archs, accuracy);
    auto& row = log_.back();
    row[kKendallSupernet] =
        number_cell(pareto::kendall_tau_b(as_doubles(pareto::pareto_ranks(points)), truth_ranks_));
    row[kKendallAccuracy] = number_cell(pareto::kendall_tau_b(accuracy, inputs_.truth.accuracy));
    if (is_prp()) {
      std::vector<double> score = alpha_.predicted_scores(inputs_.truth.archs);
      for (double& s : score) s = -s;  // high P = good = low rank
      row[kKendallAlpha] = number_cell(pareto::kendall_tau_b(score, truth_ranks_));
    }
    pareto::Points front_points;
    current_front(inputs_.truth.archs, points, front_points);
    row[kHypervolume] = number_cell(normalized_hypervolume(front_points));
    seconds_.evaluation += seconds_since(start);
  }

  // front.csv: PRP's front from alpha; a baseline's non-dominated ones among
  // final_sample uniformly drawn architectures (the same draw for every method).
  void write_front() {
    const auto start = std::chrono::steady_clock::now();
    std::vector<space::Architecture> candidates;
    if (is_prp()) {
      candidates = search::alpha_candidates(alpha_.alpha_values(), alive_, options_.front);
    } else {
      candidates = distinct_sample(options_.final_sample, options_.seed + 1);
    }
    say(fmt::format("front: estimating {} candidate architectures", candidates.size()));
    std::vector<double> accuracy;
    const pareto::Points points = estimate(candidates, accuracy);
    CsvTable csv{"front.csv", {"arch", "accuracy", "latency_ms", "true_accuracy"}, {}, {}};
    pareto::Points front_points;
    for (std::size_t i : pareto::non_dominated(points)) {
      std::string truth;
      for (std::size_t t = 0; t < inputs_.truth.archs.size(); ++t) {
        if (inputs_.truth.archs[t] == candidates[i]) truth = number_cell(inputs_.truth.accuracy[t]);
      }
      csv.rows.push_back({space_.format(candidates[i]), number_cell(accuracy[i]), number_cell(points[i][1]), truth});
      front_points.push_back(points[i]);
    }
    write_table("front.csv", csv);
    front_candidates_ = static_cast<int64_t>(candidates.size());
    front_size_ = static_cast<int64_t>(front_points.size());
    front_hypervolume_ = normalized_hypervolume(front_points);
    seconds_.evaluation += seconds_since(start);
  }

  nlohmann::json seconds_json() const {
    return {{"total", elapsed()}, {"fairness", seconds_.fairness}, {"single_path", seconds_.single_path},
            {"rank", seconds_.rank}, {"evaluation", seconds_.evaluation}};
  }

  nlohmann::json front_json() const {
    return {{"candidates", front_candidates_}, {"size", front_size_}, {"hypervolume", front_hypervolume_}};
  }

  nlohmann::json summary() const {
    nlohmann::json last = nlohmann::json::object();
    for (auto it = log_.rbegin(); it != log_.rend(); ++it) {
      if (!(*it)[kKendallSupernet].empty() || !(*it)[kHypervolume].empty()) {
        for (std::size_t c = kKendallSupernet; c <= kHypervolume; ++c) {
          last[kLogHeader[c]] = (*it)[c].empty() ? nlohmann::json() : nlohmann::json(std::stod((*it)[c]));
        }
        break;
      }
    }
    const int64_t fair_images = plan_.fairness_steps * options_.batch_size * kChoices;
    return {{"method", method_name(options_.method)},
            {"steps", {{"fairness", plan_.fairness_steps}, {"single_path", plan_.single_path_steps}}},
            {"path_images", fair_images + plan_.single_path_steps * options_.batch_size},
            {"alpha_steps", alpha_.steps()},
            {"alive_choices", alive_count()},
            {"seconds", seconds_json()},
            {"seconds_per_step",
             {{"fairness", plan_.fairness_steps ? seconds_.fairness / plan_.fairness_steps : 0.0},
              {"single_path", plan_.single_path_steps ? seconds_.single_path / plan_.single_path_steps : 0.0}}},
            {"final", last},
            {"kendall_latency_only", std::isfinite(latency_only_kendall_) ? nlohmann::json(latency_only_kendall_)
                                                                          : nlohmann::json()},
            {"truth_architectures", inputs_.truth.archs.size()},
            {"front", front_json()}};
  }

  void write_table(const std::string& name, const CsvTable& csv) const {
    write_csv_file(dir_ + "/" + name, csv);
  }

  // A row per (decision, choice) of alpha as it is now, for alpha_history.csv.
  void record_alpha() {
    const auto alpha = alpha_.alpha_values();
    for (int d = 0; d < space_.num_decisions(); ++d) {
      for (int c = 0; c < kChoices; ++c) {
        alpha_history_.push_back({std::to_string(step_), space_.decision_name(d), space_.choices(d)[c],
                                  fmt::format("{:.9g}", alpha[d][c]), alive_[d][c] ? "1" : "0"});
      }
    }
  }

  void write_tables() const {
    write_table("log.csv", CsvTable{"log.csv", kLogHeader, log_, {}});
    if (is_prp()) {
      write_table("alpha_history.csv",
                  CsvTable{"alpha_history.csv", {"step", "decision", "choice", "alpha", "alive"}, alpha_history_, {}});
    }
    const auto alpha = alpha_.alpha_values();
    CsvTable alpha_csv{"alpha.csv", {"decision", "choice", "alpha", "alive"}, {}, {}};
    CsvTable mask_csv{"mask.csv", {"decision", "choice", "alive", "pruned_at_step"}, {}, {}};
    for (int d = 0; d < space_.num_decisions(); ++d) {
      for (int c = 0; c < kChoices; ++c) {
        const std::string decision = space_.decision_name(d), choice = space_.choices(d)[c];
        const std::string alive = alive_[d][c] ? "1" : "0";
        alpha_csv.rows.push_back({decision, choice, fmt::format("{:.9g}", alpha[d][c]), alive});
        mask_csv.rows.push_back({decision, choice, alive, pruned_at_[d][c] ? std::to_string(pruned_at_[d][c]) : ""});
      }
    }
    write_table("alpha.csv", alpha_csv);
    write_table("mask.csv", mask_csv);
    if (!pool_.empty()) {
      CsvTable pool{"pool.csv", {"arch", "accuracy", "latency_ms"}, {}, {}};
      for (std::size_t i = 0; i < pool_.archs.size(); ++i) {
        pool.rows.push_back(
            {space_.format(pool_.archs[i]), number_cell(pool_.accuracy[i]), number_cell(pool_points_[i][1])});
      }
      write_table("pool.csv", pool);
    }
  }

  nlohmann::json state() const {
    std::ostringstream engine;
    engine << rng_;
    std::vector<std::string> pool_archs;
    for (const auto& arch : pool_.archs) pool_archs.push_back(space_.format(arch));
    return {{"step", step_},
            {"finished", finished_},
            {"alive", alive_},
            {"pruned_at", pruned_at_},
            {"engine", engine.str()},
            {"pool", {{"archs", pool_archs}, {"accuracy", pool_.accuracy}}},
            {"log", log_},
            {"alpha_history", alpha_history_},
            {"seconds", seconds_json()},
            {"front", front_json()}};
  }

  // `also_as_step1`: the same bytes as kStep1Checkpoint too (PRP with and
  // without pruning are identical up to the end of the rank pool).
  void save_checkpoint(bool also_as_step1 = false) {
    write_tables();
    torch::serialize::OutputArchive archive, net, sgd, alpha, stream;
    supernet_->save(net);
    sgd_.save(sgd);
    alpha_.save(alpha);
    stream_.save(stream);
    archive.write("supernet", net);
    archive.write("sgd", sgd);
    archive.write("alpha", alpha);
    archive.write("stream", stream);
    archive.write("state", c10::IValue(state().dump()));
    std::ostringstream out;
    archive.save_to(out);
    write_file_atomically(checkpoint_path(), out.str());
    if (also_as_step1) write_file_atomically(dir_ + "/" + kStep1Checkpoint, out.str());
    checkpointed_step_ = step_;
  }

  void load_checkpoint() {
    const std::string path = checkpoint_path();
    try {
      torch::serialize::InputArchive archive, net, sgd, alpha, stream;
      archive.load_from(path);
      archive.read("supernet", net);
      archive.read("sgd", sgd);
      archive.read("alpha", alpha);
      archive.read("stream", stream);
      c10::IValue text;
      archive.read("state", text);
      supernet_->load(net);
      sgd_.load(sgd);
      alpha_.load(alpha);
      stream_.load(stream);
      const nlohmann::json s = nlohmann::json::parse(text.toStringRef());
      step_ = s.at("step");
      finished_ = s.at("finished");
      alive_ = s.at("alive").get<space::ChoiceMask>();
      pruned_at_ = s.at("pruned_at").get<std::vector<std::vector<int64_t>>>();
      std::istringstream engine(s.at("engine").get<std::string>());
      engine >> rng_;
      pool_ = {};
      for (const auto& arch : s.at("pool").at("archs")) pool_.archs.push_back(space_.parse(arch.get<std::string>()));
      pool_.accuracy = s.at("pool").at("accuracy").get<std::vector<double>>();
      set_pool_points();
      log_ = s.at("log").get<std::vector<std::vector<std::string>>>();
      alpha_history_ = s.value("alpha_history", std::vector<std::vector<std::string>>{});
      const auto& sec = s.at("seconds");
      seconds_before_ = sec.at("total");
      seconds_ = {sec.at("fairness"), sec.at("single_path"), sec.at("rank"), sec.at("evaluation")};
      front_candidates_ = s.at("front").at("candidates");
      front_size_ = s.at("front").at("size");
      front_hypervolume_ = s.at("front").at("hypervolume");
      if (!engine || step_ < 0 || step_ > plan_.total()) throw Error("inconsistent state");
    } catch (const Error& e) {
      throw DataError(fmt::format("{}: checkpoint is unreadable ({}); delete the run directory to start again",
                                  path, e.what()));
    } catch (const std::exception& e) {
      throw DataError(fmt::format("{}: checkpoint is unreadable ({}); delete the run directory to start again",
                                  path, std::string(e.what()).substr(0, 200)));
    }
    started_ = std::chrono::steady_clock::now();
    checkpointed_step_ = step_;
  }

  struct Seconds {
    double fairness = 0, single_path = 0, rank = 0, evaluation = 0;
  };

  const data::DatasetSplits& data_;
  const TrainingInputs& inputs_;
  TrainingOptions options_;
  std::string dir_;
  std::FILE* progress_;
  space::Nb201Space space_;
  StepPlan plan_;
  nn::Nb201Supernet supernet_;
  torch::optim::SGD sgd_;
  AlphaTrainer alpha_;
  BatchStream stream_;
  SupernetEvaluator evaluator_;
  std::vector<double> truth_latency_, truth_ranks_;
  double latency_only_kendall_ = std::nan("");  // ranking by LUT latency alone, the baseline to beat
  double max_latency_ = 0;

  // The state a checkpoint holds (besides the tensors).
  int64_t step_ = 0;
  bool finished_ = false;
  space::ChoiceMask alive_;
  std::vector<std::vector<int64_t>> pruned_at_;  // step, 0 = alive
  std::mt19937_64 rng_;
  ScoredArchitectures pool_;
  pareto::Points pool_points_;  // (-accuracy, latency) of each pool member
  std::vector<std::vector<std::string>> log_;
  // Alpha at Step 2's start (all zero), at every checkpoint step in it and
  // at the end: step,decision,choice,alpha,alive rows.
  std::vector<std::vector<std::string>> alpha_history_;
  Seconds seconds_;
  double seconds_before_ = 0;  // of earlier processes of this run
  int64_t front_candidates_ = 0, front_size_ = 0;
  double front_hypervolume_ = 0;

  std::map<space::Architecture, double> accuracy_cache_;  // shared-weight accuracy, for the current W
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  int64_t checkpointed_step_ = 0;
};

}  // namespace

nlohmann::json run_supernet_training(const data::DatasetSplits& data, const TrainingInputs& inputs,
                                     const TrainingOptions& options, const std::string& run_dir,
                                     std::FILE* progress) {
  options.check();
  if (inputs.truth.archs.size() != inputs.truth.accuracy.size() ||
      inputs.rank_table.archs.size() != inputs.rank_table.accuracy.size()) {
    throw Error("supernet training: ground truth and rank table need one accuracy per architecture");
  }
  if (!inputs.rank_table.empty() && inputs.rank_table.archs.size() < static_cast<std::size_t>(options.alpha.top_n)) {
    throw ConfigError(fmt::format("ranking.table holds {} architectures, fewer than alpha.top_n = {}",
                                  inputs.rank_table.archs.size(), options.alpha.top_n));
  }
  Run run(data, inputs, options, run_dir, progress);
  return run.go();
}

TrainedSupernet load_trained_supernet(const std::string& run_dir, const nn::Nb201Config& network) {
  const std::string path = run_dir + "/checkpoint";
  if (!std::filesystem::exists(path)) {
    throw DataError(fmt::format("{}: no checkpoint; train first (prpnas train --out {})", path, run_dir));
  }
  TrainedSupernet trained{nn::Nb201Supernet(network), {}, 0, false};
  try {
    torch::serialize::InputArchive archive, net;
    archive.load_from(path);
    archive.read("supernet", net);
    trained.supernet->load(net);
    c10::IValue text;
    archive.read("state", text);
    const nlohmann::json s = nlohmann::json::parse(text.toStringRef());
    trained.step = s.at("step");
    trained.finished = s.at("finished");
    trained.alive = s.at("alive").get<space::ChoiceMask>();
  } catch (const std::exception& e) {
    throw DataError(fmt::format("{}: checkpoint is unreadable or of another network ({})", path,
                                std::string(e.what()).substr(0, 200)));
  }
  trained.supernet->eval();
  return trained;
}

}  // namespace prpnas::train
