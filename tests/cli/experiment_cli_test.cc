// `prpnas experiment --tabular` on the shipped NAS-Bench-201 and HW-NAS-Bench
// tables: the files it writes must agree with each other and with the
// definitions of front approximation and dominance.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "prpnas/pareto/front_metrics.h"
#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/objective.h"
#include "prpnas/pareto/ranking.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/csv.h"

namespace prpnas::testing {
namespace {

class ExperimentCliTest : public CliFixture {
 protected:
  std::string tables() const {
    const std::string data = std::string(PRPNAS_SOURCE_DIR) + "/data/";
    return " --accuracy-table " + data + "nb201.csv.gz --cost-table " + data + "hwnasbench_nb201.csv.gz";
  }
};

pareto::Points front_points(const CsvTable& csv, const std::vector<pareto::Objective>& objectives) {
  std::vector<std::vector<double>> rows(csv.rows.size());
  for (const auto& o : objectives) {
    const std::vector<double> column = csv.numbers(o.name);
    for (std::size_t r = 0; r < rows.size(); ++r) rows[r].push_back(column[r]);
  }
  return pareto::to_minimized(objectives, rows);
}

TEST_F(ExperimentCliTest, TabularResultsAreConsistentWithTheFrontsWritten) {
  const std::string out = (dir_ / "tab").string();
  const CliResult r = run("experiment --tabular --budget 300 --cost c10_pixel3_latency --seed 1 --out " + out + tables());
  ASSERT_EQ(r.code, 0) << r.err;

  const nlohmann::json json = nlohmann::json::parse(slurp(out + "/results.json"));
  const std::vector<pareto::Objective> objectives = {{"cifar10_test", pareto::Sense::kMaximize},
                                                     {"c10_pixel3_latency", pareto::Sense::kMinimize}};
  pareto::Point reference;
  for (const auto& o : objectives) reference.push_back(pareto::to_minimized(o, json["reference_point"][o.name]));
  const pareto::Points truth = front_points(read_csv(out + "/true_front.csv"), objectives);
  EXPECT_EQ(pareto::non_dominated(truth).size(), truth.size());
  EXPECT_EQ(json["true_front_size"], truth.size());

  // Issue 18: the near-front reference comes from the true front of the valid
  // cells. With the degenerate ones (10 % accuracy, the cheapest) it sat near
  // 1.6 % accuracy, where one good cell scores about 0.95.
  const auto space = space::make_search_space("nb201");
  const CsvTable true_front = read_csv(out + "/true_front.csv");
  pareto::Points valid;
  for (std::size_t i = 0; i < true_front.rows.size(); ++i) {
    if (!space->is_degenerate(space->parse(true_front.rows[i][0]))) valid.push_back(truth[i]);
  }
  ASSERT_LT(valid.size(), truth.size()) << "the table's true front holds degenerate cells";
  const pareto::Point nadir = pareto::near_front_reference(valid);
  EXPECT_NEAR(json["nadir_reference_point"]["cifar10_test"].get<double>(), -nadir[0], 1e-9);
  EXPECT_NEAR(json["nadir_reference_point"]["c10_pixel3_latency"].get<double>(), nadir[1], 1e-9);
  EXPECT_GT(json["nadir_reference_point"]["cifar10_test"].get<double>(), 50.0);

  // The discriminating figures (issue 18), recomputed from the files written:
  // each method's front against the valid cells' true front.
  pareto::NamedFront valid_front;
  for (std::size_t i = 0; i < true_front.rows.size(); ++i) {
    if (space->is_degenerate(space->parse(true_front.rows[i][0]))) continue;
    valid_front.points.push_back(truth[i]);
    valid_front.architectures.push_back(true_front.rows[i][0]);
  }
  const CsvTable judged = read_csv(out + "/results.csv");
  for (std::size_t i = 0; i < judged.rows.size(); ++i) {
    const std::string method = judged.rows[i][0];
    const CsvTable front = read_csv(out + "/" + method + "/front.csv");
    pareto::NamedFront found{front_points(front, objectives), {}};
    for (const auto& row : front.rows) found.architectures.push_back(row[0]);
    const pareto::FrontMetrics m = pareto::front_metrics(valid_front, found);
    EXPECT_NEAR(judged.numbers("hv_ratio")[i], m.hypervolume_ratio, 1e-5) << method;
    EXPECT_NEAR(judged.numbers("igd_plus")[i], m.igd_plus, 1e-5) << method;
    EXPECT_NEAR(judged.numbers("epsilon")[i], m.epsilon, 1e-5) << method;
    EXPECT_EQ(judged.numbers("true_front_hits")[i], m.exact_hits) << method;
    EXPECT_EQ(judged.numbers("near_hits")[i], m.near_hits) << method;
    EXPECT_EQ(judged.numbers("true_front_size")[i], valid_front.points.size()) << method;
    EXPECT_LE(m.exact_hits, m.near_hits) << method;
  }

  const CsvTable results = read_csv(out + "/results.csv");
  ASSERT_EQ(results.rows.size(), 5u);
  EXPECT_EQ(results.rows[4][results.column("method")], "surrogate");
  const std::vector<double> ratio = results.numbers("front_approximation");
  const std::vector<double> queries = results.numbers("queries");
  for (std::size_t i = 0; i < results.rows.size(); ++i) {
    const std::string method = results.rows[i][results.column("method")];
    SCOPED_TRACE(method);
    EXPECT_LE(queries[i], 300);
    const pareto::Points found = front_points(read_csv(out + "/" + method + "/front.csv"), objectives);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(pareto::non_dominated(found).size(), found.size());
    // Every found point is a cell of the table, so the true front weakly dominates it.
    for (const auto& p : found) {
      bool covered = false;
      for (const auto& t : truth) covered = covered || t == p || pareto::dominates(t, p);
      EXPECT_TRUE(covered);
    }
    EXPECT_NEAR(ratio[i], pareto::front_approximation(found, truth, reference), 1e-5);
    EXPECT_LE(ratio[i], 1.0);
  }
  EXPECT_EQ(results.rows[0][results.column("method")], "prp");
  const double tau = std::stod(results.rows[0][results.column("kendall_tau_b")]);
  EXPECT_GT(tau, 0);
  EXPECT_LE(tau, 1);
  EXPECT_EQ(results.rows[2][results.column("kendall_tau_b")], "");  // NSGA-II has no P
  const double surrogate_tau = std::stod(results.rows[4][results.column("kendall_tau_b")]);  // its regressor's ranks
  EXPECT_GT(surrogate_tau, 0);
  EXPECT_LE(surrogate_tau, 1);
  // PRP's alpha front alone: a part of PRP's queries, and no better than PRP's whole front,
  // which holds it.
  EXPECT_EQ(results.rows[1][results.column("method")], "prp-alpha");
  EXPECT_LE(results.numbers("queries")[1], results.numbers("queries")[0]);
  EXPECT_LE(results.numbers("hv_ratio")[1], results.numbers("hv_ratio")[0] + 1e-12);
  EXPECT_LE(results.numbers("true_front_hits")[1], results.numbers("true_front_hits")[0]);

  // The page a person opens: self-contained, with every method and PRP's front.
  const std::string html = slurp(out + "/report.html");
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  for (const char* method : {"prp", "prp-alpha", "nsga2", "random", "surrogate"}) {
    EXPECT_NE(html.find(method), std::string::npos);
  }
  const CsvTable prp_front = read_csv(out + "/prp/front.csv");
  EXPECT_NE(html.find(prp_front.rows[0][0]), std::string::npos);
  EXPECT_NE(slurp(out + "/fronts.svg").find("<svg"), std::string::npos);
  EXPECT_NE(slurp(out + "/results.md").find("| prp |"), std::string::npos);

  // The S sweep reruns PRP with everything else equal, so at the run's own
  // S (64) it reproduces PRP's row exactly.
  const CsvTable sweep = read_csv(out + "/prp/sample_sweep.csv");
  ASSERT_EQ(sweep.rows.size(), 6u);
  const std::vector<double> samples = sweep.numbers("samples"), swept = sweep.numbers("front_approximation");
  for (std::size_t i = 0; i < samples.size(); ++i) {
    EXPECT_GT(swept[i], 0);
    EXPECT_LE(swept[i], 1);
    if (samples[i] == 64) {
      EXPECT_EQ(sweep.rows[i][1], results.rows[0][results.column("front_approximation")]);
    }
  }
  EXPECT_NE(slurp(out + "/sample_sweep.svg").find("</svg>"), std::string::npos);
  for (const char* png : {"fronts.png", "alpha.png", "sample_sweep.png"}) {
    EXPECT_EQ(slurp(out + "/" + png).substr(0, 4), "\x89PNG") << png;
  }
}

// --seeds runs each seed as --seed would, then summarises: seeds.csv's means
// are those of the seed files, paired.csv pairs every PRP row with every
// baseline, and the same command gives the same summary again.
TEST_F(ExperimentCliTest, TabularSeedsAreEachARunAndTheirSummary) {
  const std::string out = (dir_ / "seeds").string(), one = (dir_ / "one").string();
  const std::string common = " --tabular --budget 200 --cost c10_pixel3_latency --noise 1" + tables();
  const CliResult r = run("experiment --seeds 3,5-6 --out " + out + common);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("over 3 seeds"), std::string::npos) << r.out;
  ASSERT_EQ(run("experiment --seed 5 --out " + one + common).code, 0);
  const CsvTable from_seeds = read_csv(out + "/seed-5/results.csv"), alone = read_csv(one + "/results.csv");
  ASSERT_EQ(from_seeds.rows.size(), alone.rows.size());
  for (std::size_t i = 0; i < alone.rows.size(); ++i) {
    for (std::size_t c = 0; c < alone.header.size(); ++c) {
      if (alone.header[c] == "seconds") continue;  // wall time differs run to run
      EXPECT_EQ(from_seeds.rows[i][c], alone.rows[i][c]) << alone.header[c];
    }
  }

  const CsvTable seeds = read_csv(out + "/seeds.csv");
  std::vector<CsvTable> per_seed;
  for (const char* s : {"3", "5", "6"}) per_seed.push_back(read_csv(out + "/seed-" + s + "/results.csv"));
  const std::vector<std::string> methods = {"prp", "prp-alpha", "prp-noise1", "nsga2", "random", "surrogate"};
  for (std::size_t m = 0; m < methods.size(); ++m) {
    ASSERT_EQ(per_seed[0].rows[m][0], methods[m]);
    for (const char* metric : {"hv_ratio", "true_front_hits"}) {
      double sum = 0;
      for (const CsvTable& t : per_seed) sum += t.numbers(metric)[m];
      bool found = false;
      for (std::size_t i = 0; i < seeds.rows.size(); ++i) {
        if (seeds.rows[i][0] != methods[m] || seeds.rows[i][1] != metric) continue;
        found = true;
        EXPECT_EQ(seeds.rows[i][seeds.column("n")], "3");
        const double mean = std::stod(seeds.rows[i][seeds.column("mean")]);
        EXPECT_NEAR(mean, sum / 3, 1e-5 * (1 + sum)) << methods[m] << " " << metric;
        EXPECT_LE(std::stod(seeds.rows[i][seeds.column("ci_low")]), mean + 1e-9);
        EXPECT_GE(std::stod(seeds.rows[i][seeds.column("ci_high")]), mean - 1e-9);
      }
      EXPECT_TRUE(found) << methods[m] << " " << metric;
    }
  }
  const CsvTable paired = read_csv(out + "/paired.csv");
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& row : paired.rows) pairs.insert({row[0], row[1]});
  EXPECT_EQ(pairs.size(), 10u);  // 3 PRP rows x 3 baselines, and the noisy variant against plain PRP
  EXPECT_TRUE(pairs.count({"prp-noise1", "surrogate"}));
  EXPECT_TRUE(pairs.count({"prp-noise1", "prp"}));
  const std::string html = slurp(out + "/report.html");
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_NE(html.find("wilcoxon p"), std::string::npos);
  EXPECT_EQ(slurp(out + "/seeds_hv_ratio.png").substr(0, 4), "\x89PNG");

  const std::string before = slurp(out + "/seeds.csv");
  ASSERT_EQ(run("experiment --seeds 3,5-6 --out " + out + common).code, 0);
  EXPECT_EQ(slurp(out + "/seeds.csv"), before);

  expect_error("experiment --seeds 2-1 --out " + out + common, "--seeds: the range '2-1' ends below its start");
  expect_error("experiment --seeds 1 --seed 1 --out " + out + common, "--seeds");
  expect_error("experiment --noise 0 --out " + out + " --tabular", "--noise 0: a standard deviation must be > 0");
}

TEST_F(ExperimentCliTest, TabularRefusesUnknownColumnsAndMissingTables) {
  expect_error("experiment --tabular --cost c10_nothing --out " + (dir_ / "a").string() + tables(), "c10_nothing");
  expect_error("experiment --tabular --accuracy-table " + (dir_ / "none.csv").string() + " --out " +
                   (dir_ / "b").string(),
               "none.csv");
}

}  // namespace
}  // namespace prpnas::testing
