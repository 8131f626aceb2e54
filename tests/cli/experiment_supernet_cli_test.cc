// `prpnas experiment --config` end to end on the synthetic dataset: two
// methods train tiny supernets, the front architectures without ground truth
// are trained stand-alone, and results.csv agrees with a recomputation from
// the files it leaves behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "prpnas/eval/floor_rows.h"
#include "prpnas/hw/latency_table.h"
#include <nlohmann/json.hpp>

#include "prpnas/pareto/front_metrics.h"
#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/point.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/pareto/hypervolume.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/space/nb201_space.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/csv.h"

namespace prpnas::testing {
namespace {

class ExperimentSupernetCli : public CliFixture {};

void add_known(const std::string& path, std::map<std::string, double>& known) {
  const CsvTable csv = read_csv(path);
  const std::vector<double> test = csv.numbers("test_acc");
  for (std::size_t r = 0; r < csv.rows.size(); ++r) known[csv.rows[r][csv.column("arch")]] = test[r];
}

// tau-b of the Pareto ranks of two sets of points, one per judged cell.
double pareto_rank_tau(const pareto::Points& estimated, const pareto::Points& truth) {
  const std::vector<int> a = pareto::pareto_ranks(estimated), b = pareto::pareto_ranks(truth);
  return pareto::kendall_tau_b({a.begin(), a.end()}, {b.begin(), b.end()});
}

TEST_F(ExperimentSupernetCli, JudgesEachMethodsFrontWithStandAloneResults) {
  const std::string lut = (dir_ / "lut.csv").string(), gt = (dir_ / "gt.csv").string();
  ASSERT_EQ(run("lut measure --input 1x16x16 --classes 10 --repeats 3 --warmup 1 --out " + lut).code, 0);
  const CliResult truth = run("ground-truth --samples 6 --seed 3 --jobs 2 --dataset synthetic --valid-size 1000 "
                           "--train-limit 1000 --epochs 1 --batch-size 64 --out " + gt);
  ASSERT_EQ(truth.code, 0) << truth.err;
  const std::string config = file("tiny.toml", R"(seed = 3
[data]
dataset = "synthetic"
valid_size = 1000
train_limit = 2000
valid_limit = 300
[training]
batch_size = 32
budget_images = 2560
fairness_share = 0.625
[alpha]
samples = 16
top_n = 4
[ranking]
pool = 40
[evaluation]
recalibration_batches = 1
batch_size = 100
valid_images = 200
final_sample = 20
every = 10
truth = ")" + gt + R"("
lut = ")" + lut + R"("
[front]
max_candidates = 16
[checkpoint]
every = 10
)");
  const std::string out = (dir_ / "results").string();
  const std::string command = "experiment --config " + config + " --methods spos,prp --jobs 2 --out " + out;
  const CliResult r = run(command);
  ASSERT_EQ(r.code, 0) << r.err;

  std::map<std::string, double> known;
  add_known(gt, known);
  add_known(out + "/ground_truth.csv", known);
  const space::Nb201Space space;
  const space::CostTable latency = hw::read_latency_table(lut, space).latency_ms();
  auto point = [&](const std::string& arch) { return pareto::Point{-known.at(arch), latency.cost(space.parse(arch))}; };
  pareto::Points all, truth_front;
  for (const auto& [arch, accuracy] : known) all.push_back(point(arch));
  for (std::size_t i : pareto::non_dominated(all)) truth_front.push_back(all[i]);
  pareto::Point reference = all[0];
  for (const auto& p : all) reference = {std::max(reference[0], p[0]), std::max(reference[1], p[1])};
  // The near-front judgement: valid cells only, reference behind their front.
  auto valid = [&](const std::vector<std::string>& archs) {
    pareto::Points points;
    for (const auto& arch : archs) {
      if (!space.is_degenerate(space.parse(arch))) points.push_back(point(arch));
    }
    return points;
  };
  std::vector<std::string> known_archs;
  for (const auto& [arch, accuracy] : known) known_archs.push_back(arch);
  const pareto::Points all_valid = valid(known_archs);
  pareto::Points valid_front;
  for (std::size_t i : pareto::non_dominated(all_valid)) valid_front.push_back(all_valid[i]);
  const pareto::Point nadir = pareto::near_front_reference(valid_front);

  const CsvTable results = read_csv(out + "/results.csv");
  EXPECT_EQ(results.header,
            (std::vector<std::string>{"method", "hv_ratio", "igd_plus", "epsilon", "true_front_hits", "near_hits",
                                      "true_front_size", "kendall_tau_b", "kendall_ci_low", "kendall_ci_high",
                                      "kendall_tau_b_accuracy", "kendall_accuracy_ci_low", "kendall_accuracy_ci_high",
                                      "front_size", "candidates", "hypervolume", "front_approximation",
                                      "front_approximation_nadir", "igd", "train_seconds", "search_seconds", "images",
                                      "objectives"}));
  EXPECT_EQ(results.rows[0][results.column("objectives")], "test_accuracy:max latency_ms:min");
  ASSERT_EQ(results.rows.size(), 5u);
  EXPECT_EQ(results.rows[0][0], "spos");
  EXPECT_EQ(results.rows[1][0], "prp");
  EXPECT_EQ(results.rows[2][0], "prp-alpha");  // the same run, answering with alpha's front
  EXPECT_EQ(results.rows[3][0], "cost-only");  // the floors, no supernet
  EXPECT_EQ(results.rows[4][0], "random-estimates");
  // Fair fronts: every method's row is the front of the same 20 uniform
  // candidates under its own estimates; for a baseline that is its own front.
  const std::vector<double> candidates = results.numbers("candidates");
  EXPECT_EQ(candidates[0], 20);
  EXPECT_EQ(candidates[1], 20);
  EXPECT_LE(candidates[2], 16);  // front.max_candidates
  EXPECT_EQ(slurp(out + "/spos/uniform_front.csv"), slurp(out + "/spos/front.csv"));
  const nlohmann::json results_json = nlohmann::json::parse(slurp(out + "/results.json"));
  const std::vector<std::string> front_files = {out + "/spos/uniform_front.csv", out + "/prp/uniform_front.csv",
                                                out + "/prp/front.csv"};
  pareto::NamedFront valid_named;
  for (const auto& arch : known_archs) {
    if (space.is_degenerate(space.parse(arch))) continue;
    bool dominated = false;
    for (const auto& other : known_archs) {
      dominated = dominated || (!space.is_degenerate(space.parse(other)) && pareto::dominates(point(other), point(arch)));
    }
    if (!dominated) {
      valid_named.points.push_back(point(arch));
      valid_named.architectures.push_back(arch);
    }
  }
  auto metrics_of = [&](const std::vector<std::string>& archs) {
    pareto::NamedFront found;
    for (const auto& arch : archs) {
      found.points.push_back(point(arch));
      found.architectures.push_back(arch);
    }
    return pareto::front_metrics(valid_named, found);
  };
  for (std::size_t m = 0; m < 3; ++m) {
    SCOPED_TRACE(results.rows[m][0]);
    std::vector<std::string> archs;
    for (const auto& row : read_csv(front_files[m]).rows) archs.push_back(row[0]);
    EXPECT_EQ(results_json["methods"][m]["front"].get<std::vector<std::string>>(), archs);
    EXPECT_EQ(results.numbers("front_size")[m], archs.size());
    // The discriminating figures, recomputed from the files.
    const pareto::FrontMetrics metrics = metrics_of(archs);
    EXPECT_NEAR(results.numbers("hv_ratio")[m], metrics.hypervolume_ratio, 1e-5);
    EXPECT_NEAR(results.numbers("igd_plus")[m], metrics.igd_plus, 1e-5);
    EXPECT_EQ(results.numbers("true_front_hits")[m], metrics.exact_hits);
    EXPECT_EQ(results.numbers("true_front_size")[m], valid_named.points.size());
  }
  // Kendall: the run's judged cells give it back, inside its interval.
  for (std::size_t m = 0; m < 2; ++m) {
    const CsvTable judged = read_csv(out + "/" + results.rows[m][0] + "/judged.csv");
    const std::vector<double> truth_acc = judged.numbers("true_accuracy"), estimate = judged.numbers("accuracy"),
                              cost = judged.numbers("latency_ms");
    pareto::Points estimated, true_points;
    for (std::size_t i = 0; i < truth_acc.size(); ++i) {
      estimated.push_back({-estimate[i], cost[i]});
      true_points.push_back({-truth_acc[i], cost[i]});
    }
    const double tau = pareto_rank_tau(estimated, true_points);
    const double reported = results.numbers("kendall_tau_b")[m];
    EXPECT_NEAR(reported, tau, 1e-5);
    EXPECT_LE(results.numbers("kendall_ci_low")[m], reported + 1e-9);
    EXPECT_GE(results.numbers("kendall_ci_high")[m], reported - 1e-9);
  }
  // The floor: every accuracy estimate equal, so its front is the cheapest of
  // the same 20 candidates. Latency being exact, each method's front of those
  // candidates holds an architecture that cheap; its Kendall is latency's own
  // Pareto order on the judged cells.
  {
    const std::vector<std::string> floor = results_json["methods"][3]["front"];
    ASSERT_FALSE(floor.empty());
    EXPECT_EQ(candidates[3], 20);
    const double cheapest = latency.cost(space.parse(floor[0]));
    for (const auto& arch : floor) EXPECT_EQ(latency.cost(space.parse(arch)), cheapest) << arch;
    for (const std::string& file : {out + "/spos/uniform_front.csv", out + "/prp/uniform_front.csv"}) {
      double fastest = std::numeric_limits<double>::infinity();
      for (const auto& row : read_csv(file).rows) fastest = std::min(fastest, latency.cost(space.parse(row[0])));
      EXPECT_EQ(fastest, cheapest) << file;
    }
    EXPECT_NEAR(results.numbers("hv_ratio")[3], metrics_of(floor).hypervolume_ratio, 1e-5);
    const CsvTable judged = read_csv(out + "/spos/judged.csv");
    const std::vector<double> truth_acc = judged.numbers("true_accuracy"), cost = judged.numbers("latency_ms");
    pareto::Points costs, true_points;
    for (std::size_t i = 0; i < cost.size(); ++i) {
      costs.push_back({cost[i]});
      true_points.push_back({-truth_acc[i], cost[i]});
    }
    EXPECT_NEAR(results.numbers("kendall_tau_b")[3], pareto_rank_tau(costs, true_points), 1e-5);
    EXPECT_EQ(results.rows[3][results.column("kendall_tau_b_accuracy")], "");  // no accuracy estimate
  }
  // The other floor: one seeded uniform estimate per architecture. Its front
  // is the non-dominated set of the same 20 candidates (the uniform sample
  // of seed 3 + 1) under those estimates, its Kendall figures those of the
  // same estimates on the judged cells.
  {
    auto estimated_point = [&](const std::string& arch) {
      return pareto::Point{-eval::random_estimate(3, arch), latency.cost(space.parse(arch))};
    };
    pareto::Points estimated;
    std::vector<std::string> sample;
    for (const auto& arch : space::distinct_sample(space, 20, 4)) {
      sample.push_back(space.format(arch));
      estimated.push_back(estimated_point(sample.back()));
    }
    std::vector<std::string> expected_front;
    for (std::size_t i : pareto::non_dominated(estimated)) expected_front.push_back(sample[i]);
    EXPECT_EQ(results_json["methods"][4]["front"].get<std::vector<std::string>>(), expected_front);
    EXPECT_EQ(candidates[4], 20);
    EXPECT_NEAR(results.numbers("hv_ratio")[4], metrics_of(expected_front).hypervolume_ratio, 1e-5);
    const CsvTable judged = read_csv(out + "/spos/judged.csv");
    const std::vector<double> truth_acc = judged.numbers("true_accuracy"), cost = judged.numbers("latency_ms");
    pareto::Points random_points, true_points;
    std::vector<double> random;
    for (std::size_t i = 0; i < cost.size(); ++i) {
      random.push_back(eval::random_estimate(3, judged.rows[i][0]));
      random_points.push_back({-random.back(), cost[i]});
      true_points.push_back({-truth_acc[i], cost[i]});
    }
    EXPECT_NEAR(results.numbers("kendall_tau_b")[4], pareto_rank_tau(random_points, true_points), 1e-5);
    EXPECT_NEAR(std::stod(results.rows[4][results.column("kendall_tau_b_accuracy")]),
                pareto::kendall_tau_b(random, truth_acc), 1e-5);
  }
  EXPECT_NE(r.out.find("one seed: a single draw"), std::string::npos) << r.out;
  const std::vector<double> ratio = results.numbers("front_approximation"), hv = results.numbers("hypervolume");
  // Empty when undefined: a true front of one point leaves the near-front box no volume.
  std::vector<double> near_ratio;
  for (const auto& row : results.rows) {
    const std::string& cell = row[results.column("front_approximation_nadir")];
    near_ratio.push_back(cell.empty() ? std::nan("") : std::stod(cell));
  }
  const std::vector<double> images = results.numbers("images");
  EXPECT_EQ(images[0], images[1]);  // equal budgets
  for (std::size_t m = 0; m < 3; ++m) {
    const CsvTable front = read_csv(front_files[m]);
    pareto::Points found;
    std::vector<std::string> found_archs;
    for (const auto& row : front.rows) {
      ASSERT_TRUE(known.count(row[0])) << row[0] << " has no stand-alone result";
      found.push_back(point(row[0]));
      found_archs.push_back(row[0]);
    }
    EXPECT_NEAR(hv[m], pareto::hypervolume(found, reference), 1e-4 * hv[m] + 1e-9);
    EXPECT_NEAR(ratio[m], pareto::front_approximation(found, truth_front, reference), 1e-5);
    EXPECT_LE(ratio[m], 1.0 + 1e-9);
    const double near_expected = pareto::front_approximation(valid(found_archs), valid_front, nadir);
    if (std::isnan(near_expected)) {
      EXPECT_TRUE(std::isnan(near_ratio[m])) << near_ratio[m];
    } else {
      EXPECT_NEAR(near_ratio[m], near_expected, 1e-5);
      EXPECT_LE(near_ratio[m], 1.0 + 1e-9);
    }
  }

  // The report: one self-contained page with every front's architectures,
  // and its plots as files.
  EXPECT_NE(r.out.find("report: " + out + "/report.html"), std::string::npos) << r.out;
  const std::string html = slurp(out + "/report.html");
  EXPECT_EQ(html.find("http"), std::string::npos);
  for (std::size_t m = 0; m < 3; ++m) {
    for (const auto& row : read_csv(front_files[m]).rows) {
      EXPECT_NE(html.find(row[0]), std::string::npos) << row[0];
    }
  }
  for (const char* svg : {"fronts", "kendall", "hypervolume", "alpha_start", "alpha_middle", "alpha_end", "pruning"}) {
    const std::string text = slurp(out + "/" + svg + ".svg");
    EXPECT_NE(text.find("</svg>"), std::string::npos) << svg;
    EXPECT_EQ(slurp(out + "/" + svg + ".png").substr(0, 4), "\x89PNG") << svg;  // rsvg-convert: bootstrap
  }
  std::size_t inline_svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++inline_svgs;
  EXPECT_EQ(inline_svgs, 7u);
  // PRP's alpha history: zero at Step 2's start (step 10 of 40), the end
  // equal to alpha.csv.
  const CsvTable history = read_csv(out + "/prp/alpha_history.csv");
  const CsvTable final_alpha = read_csv(out + "/prp/alpha.csv");
  ASSERT_GE(history.rows.size(), 2 * final_alpha.rows.size());
  ASSERT_EQ(history.rows.size() % final_alpha.rows.size(), 0u);
  for (std::size_t i = 0; i < final_alpha.rows.size(); ++i) {
    EXPECT_EQ(history.rows[i][0], "10");
    EXPECT_EQ(std::stod(history.rows[i][3]), 0.0);
    const auto& last = history.rows[history.rows.size() - final_alpha.rows.size() + i];
    EXPECT_EQ(last[0], "40");
    EXPECT_EQ(last[3], final_alpha.rows[i][final_alpha.column("alpha")]);
  }

  // Each method's folder is a training run directory of its own.
  const CliResult search = run("search --run " + out + "/prp --budget 6 --population 4 --out " + out + "/s.csv");
  EXPECT_EQ(search.code, 0) << search.err;

  // The same command again resumes: nothing is trained again, same results.
  const std::string before = slurp(out + "/results.csv"), gt_before = slurp(out + "/ground_truth.csv");
  const CliResult again = run(command);
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(slurp(out + "/ground_truth.csv"), gt_before);
  EXPECT_EQ(slurp(out + "/results.csv"), before);
  // PRP without pruning, run in the same experiment, starts from PRP's Step 1
  // and rank pool, and ends exactly where a run of its own ends.
  const std::string with_sibling =
      "experiment --config " + config + " --methods spos,prp,prp-no-pruning --jobs 2 --out " + out;
  const CliResult shared = run(with_sibling);
  ASSERT_EQ(shared.code, 0) << shared.err;
  EXPECT_NE(shared.err.find("prp-no-pruning starts from prp's Step 1"), std::string::npos) << shared.err;
  const std::string alone = (dir_ / "alone").string();
  const CliResult own = run("train --config " + out + "/prp-no-pruning/config.toml --out " + alone);
  ASSERT_EQ(own.code, 0) << own.err;
  for (const char* name : {"alpha.csv", "mask.csv", "pool.csv", "front.csv", "alpha_history.csv"}) {
    EXPECT_EQ(slurp(out + "/prp-no-pruning/" + name), slurp(alone + "/" + name)) << name;
  }

  // --seeds: each seed trains into seed-N; the architectures the truth lacks
  // are trained once for all seeds, and every seed is judged against the same
  // known set; the summary pairs PRP's rows with the baseline.
  const std::string seeded = (dir_ / "seeded").string();
  const std::string seeds_command = "experiment --config " + config + " --methods spos,prp --seeds 0-1 --out " + seeded;
  const CliResult s = run(seeds_command);
  ASSERT_EQ(s.code, 0) << s.err;
  EXPECT_NE(s.out.find("over 2 seeds"), std::string::npos) << s.out;
  const nlohmann::json seed0 = nlohmann::json::parse(slurp(seeded + "/seed-0/results.json"));
  const nlohmann::json seed1 = nlohmann::json::parse(slurp(seeded + "/seed-1/results.json"));
  EXPECT_EQ(seed0["true_front"], seed1["true_front"]);
  EXPECT_EQ(seed0["known_architectures"], seed1["known_architectures"]);
  EXPECT_FALSE(std::filesystem::exists(seeded + "/seed-0/ground_truth.csv"));
  EXPECT_NE(slurp(seeded + "/seed-0/spos/log.csv"), slurp(seeded + "/seed-1/spos/log.csv"));  // other seeds
  const CsvTable paired = read_csv(seeded + "/paired.csv");
  ASSERT_FALSE(paired.rows.empty());
  EXPECT_EQ(paired.rows[0][paired.column("method")], "prp");
  EXPECT_EQ(paired.rows[0][paired.column("baseline")], "spos");
  EXPECT_EQ(slurp(seeded + "/report.html").find("http"), std::string::npos);
  const std::string seeds_before = slurp(seeded + "/seeds.csv");
  const CliResult seeds_again = run(seeds_command);  // resumes: nothing to train, the same summary
  ASSERT_EQ(seeds_again.code, 0) << seeds_again.err;
  EXPECT_NE(seeds_again.err.find("already finished"), std::string::npos);
  EXPECT_EQ(slurp(seeded + "/seeds.csv"), seeds_before);

  // ranking.degenerate = false: Step 2's pool holds working cells only (an ablation).
  std::string working = slurp(config);
  working.replace(working.find("pool = 40"), 9, "pool = 40\ndegenerate = false");
  const std::string working_run = (dir_ / "working").string();
  const CliResult w = run("train --method prp --config " + file("working.toml", working) + " --out " + working_run);
  ASSERT_EQ(w.code, 0) << w.err;
  const CsvTable pool = read_csv(working_run + "/pool.csv");
  EXPECT_EQ(pool.rows.size(), 40u);
  for (const auto& row : pool.rows) EXPECT_FALSE(space.is_degenerate(space.parse(row[0]))) << row[0];
  // The same draws as the default pool (same seed), degenerate ones skipped.
  std::vector<std::string> kept;
  for (const auto& row : read_csv(out + "/prp/pool.csv").rows) {
    if (!space.is_degenerate(space.parse(row[0]))) kept.push_back(row[0]);
  }
  for (std::size_t i = 0; i < kept.size(); ++i) EXPECT_EQ(pool.rows[i][0], kept[i]) << i;

  expect_error("experiment --config " + config + " --methods darts --out " + (dir_ / "other").string(),
               "unknown method 'darts'");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "other"));  // refused before anything is written
}

}  // namespace
}  // namespace prpnas::testing
