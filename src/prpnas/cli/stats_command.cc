// `prpnas stats kendall|spearman`: rank correlation of two CSV columns.
// `prpnas stats agreement`: how repeatable one column is across files made
// with different seeds (e.g. two ground-truth runs), joined on a key column.
// `prpnas stats mean`: a mean-of-seeds table. `prpnas stats paired`: one
// method of two multi-seed experiment folders, paired by seed.
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <cmath>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "prpnas/cli/commands.h"
#include "prpnas/eval/seed_summary.h"
#include "prpnas/pareto/kendall_interval.h"
#include "prpnas/pareto/rank_correlation.h"
#include "prpnas/pareto/seed_agreement.h"
#include "prpnas/run/joined_column.h"
#include "prpnas/run/mean_table.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct StatsOptions {
  std::string input, x, y;
  std::optional<double> min_gap;  // kendall: only pairs whose y differ by more
  bool interval = false;          // kendall: a 95 % bootstrap interval over rows
};

using Correlation = double (*)(const std::vector<double>&, const std::vector<double>&);

void run(const StatsOptions& o, const char* name, Correlation correlation) {
  const CsvTable table = read_csv(o.input);
  if (table.rows.size() < 2) {
    throw DataError(o.input + ": " + name + " needs at least 2 data rows, found " +
                    std::to_string(table.rows.size()));
  }
  const std::vector<double> x = table.numbers(o.x), y = table.numbers(o.y);
  for (const auto& [column, values] : {std::pair{&o.x, &x}, std::pair{&o.y, &y}}) {
    bool constant = true;
    for (double v : *values) constant = constant && v == values->front();
    if (constant) {
      throw DataError(o.input + ": column '" + *column + "' is constant, so " + name +
                      " is undefined; pick a column that varies");
    }
  }
  if (!o.min_gap && !o.interval) {
    fmt::print("{} of '{}' and '{}' over {} rows\n", name, o.x, o.y, x.size());
    fmt::print("{}\n", correlation(x, y));
    return;
  }
  fmt::print("{} of '{}' and '{}' over {} rows{}\n", name, o.x, o.y, x.size(),
             o.min_gap ? fmt::format(", pairs whose '{}' differ by more than {} only", o.y, *o.min_gap) : "");
  const double value = o.min_gap ? pareto::kendall_tau_b_separated(x, y, *o.min_gap) : correlation(x, y);
  if (o.interval) {
    const pareto::ConfidenceInterval ci = pareto::kendall_interval(x, y, {}, o.min_gap);
    fmt::print("95 % bootstrap interval over rows (10000 resamples): {} {}\n", ci.low, ci.high);
  }
  fmt::print("{}\n", value);
}

// `gap_and_interval`: the options --min-gap and --interval (Kendall's only).
void add_correlation(CLI::App* stats, const char* command, const char* name, Correlation correlation,
                     bool gap_and_interval) {
  auto o = std::make_shared<StatsOptions>();
  CLI::App* sub = stats->add_subcommand(command, std::string(name) + " of two columns; the last line is the value");
  sub->add_option("--input", o->input, "CSV file with a header row (.gz read directly)")->required();
  sub->add_option("--x", o->x, "first column")->required();
  sub->add_option("--y", o->y, "second column")->required();
  if (gap_and_interval) {
    sub->add_option("--min-gap", o->min_gap, "only pairs whose --y values differ by more than this (e.g. the seed noise)")
        ->check(CLI::NonNegativeNumber);
    sub->add_flag("--interval", o->interval, "also print a 95 % bootstrap interval over rows");
  }
  sub->callback([o, name, correlation] { run(*o, name, correlation); });
}

struct AgreementOptions {
  std::vector<std::string> inputs;
  std::string key = "arch", column = "test_acc";
};

void run_agreement(const AgreementOptions& o) {
  const std::vector<std::vector<double>> values = run::joined_column(o.inputs, o.key, o.column);
  if (values.size() < 2) {
    throw DataError("stats agreement: only " + std::to_string(values.size()) + " '" + o.key +
                    "' values are in every --input; at least 2 are needed");
  }
  const pareto::SeedAgreement a = pareto::seed_agreement(values);
  fmt::print("agreement of '{}' over {} rows present in all {} files\n", o.column, a.cells, a.seeds);
  fmt::print("cells {}\nseeds {}\n", a.cells, a.seeds);
  fmt::print("kendall_tau_b_mean {:.4f}\nkendall_tau_b_min {:.4f}\nkendall_tau_b_max {:.4f}\n", a.kendall_mean,
             a.kendall_min, a.kendall_max);
  fmt::print("mean_abs_difference {:.4f}\nseed_sd {:.4f}\ncell_sd {:.4f}\nreliability {:.4f}\n",
             a.mean_abs_difference, a.seed_sd, a.cell_sd, a.reliability);
  for (int k : {2, 3, 4}) fmt::print("reliability_mean_of_{} {:.4f}\n", k, pareto::reliability_of_mean(a.reliability, k));
  fmt::print("expected_kendall_to_cell_order {:.4f}\n", pareto::expected_kendall_to_cell_order(a.reliability));
}

struct MeanOptions {
  std::vector<std::string> inputs, columns;
  std::string key = "arch", out;
};

void run_mean(const MeanOptions& o) {
  CsvTable table = run::mean_table(o.inputs, o.key, o.columns);
  table.source = o.out;
  write_csv_file(o.out, table);
  fmt::print("{}: {} rows in all {} files, the mean and sd of {}\n", o.out, table.rows.size(), o.inputs.size(),
             fmt::join(o.columns, ", "));
}

}  // namespace

struct PairedOptions {
  std::string a, b, method = "prp", baseline_method, out;
  std::vector<std::string> metrics = {"hv_ratio", "igd_plus", "true_front_hits", "kendall_tau_b",
                                      "kendall_tau_b_accuracy"};
};

void run_paired(const PairedOptions& o) {
  std::vector<eval::MetricSense> metrics;
  for (const std::string& m : o.metrics) metrics.push_back({m, m != "igd_plus" && m != "epsilon" && m != "igd"});
  const std::string baseline = o.baseline_method.empty() ? o.method : o.baseline_method;
  const std::vector<eval::PairedComparison> pairs = eval::compare_folders({o.a, o.method}, {o.b, baseline}, metrics);
  fmt::print("{} against {}, paired by seed ({} seeds); each folder is judged against its own true front, so\n"
             "front figures compare exactly only when both hold the same architectures, Kendall figures when both judge\n"
             "the same cells\n",
             pairs.front().method, pairs.front().baseline, pairs.front().n);
  fmt::print("{:<24} {:>3} {:>12} {:>6} {:>5} {:>8} {:>10}\n", "metric", "n", "mean_diff", "better", "worse",
             "sign_p", "wilcoxon_p");
  for (const eval::PairedComparison& c : pairs) {
    fmt::print("{:<24} {:>3} {:>12.4f} {:>6} {:>5} {:>8.4f} {:>10.4f}\n", c.metric, c.n, c.mean_difference, c.better,
               c.worse, c.sign.p_value, c.wilcoxon.p_value);
  }
  if (!o.out.empty()) eval::write_paired_csv(o.out, pairs);
}

void add_stats_command(CLI::App& app) {
  CLI::App* stats = app.add_subcommand("stats", "rank correlations used to judge estimators");
  stats->require_subcommand(1);
  add_correlation(stats, "kendall", "kendall_tau_b", pareto::kendall_tau_b, true);
  add_correlation(stats, "spearman", "spearman_rho", pareto::spearman_rho, false);

  auto o = std::make_shared<AgreementOptions>();
  CLI::App* agreement = stats->add_subcommand(
      "agreement", "how repeatable a column is across runs with different seeds (files joined on --key)");
  agreement->add_option("--input", o->inputs, "one CSV per seed (at least 2; .gz read directly)")
      ->required()
      ->expected(2, 1000);
  agreement->add_option("--key", o->key, "column naming the row (e.g. the architecture)")->capture_default_str();
  agreement->add_option("--column", o->column, "the measured column")->capture_default_str();
  agreement->callback([o] { run_agreement(*o); });

  auto m = std::make_shared<MeanOptions>();
  CLI::App* mean = stats->add_subcommand(
      "mean", "per key, the mean and sd of columns over runs with different seeds (files joined on --key)");
  mean->add_option("--input", m->inputs, "one CSV per seed (at least 2; .gz read directly)")->required()->expected(2, 1000);
  mean->add_option("--key", m->key, "column naming the row (e.g. the architecture)")->capture_default_str();
  mean->add_option("--column", m->columns, "a measured column to average; repeat for more")->required();
  mean->add_option("--out", m->out, "the mean table (CSV, written atomically)")->required();
  mean->callback([m] { run_mean(*m); });

  auto p = std::make_shared<PairedOptions>();
  CLI::App* paired = stats->add_subcommand(
      "paired", "one method of two multi-seed experiment folders (e.g. an ablation and its base), paired by seed");
  paired->add_option("--a", p->a, "an experiment directory written with --seeds")->required();
  paired->add_option("--b", p->b, "the one to compare against (same seeds)")->required();
  paired->add_option("--method", p->method, "the method row of A")->capture_default_str();
  paired->add_option("--baseline-method", p->baseline_method, "the method row of B (default: --method)");
  paired->add_option("--metric", p->metrics, "a results.csv column; repeat for more")->capture_default_str();
  paired->add_option("--out", p->out, "also write the comparisons as paired.csv columns to this file");
  paired->callback([p] { run_paired(*p); });
}

}  // namespace prpnas::cli
