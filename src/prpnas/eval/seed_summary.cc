#include "prpnas/eval/seed_summary.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <limits>
#include <set>

#include <fmt/core.h>

#include "prpnas/eval/experiment_layout.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_cell.h"
#include "prpnas/util/number_text.h"
#include "prpnas/util/printable.h"

namespace prpnas::eval {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double value_of(const SeedResults& run, const std::string& method, const std::string& metric) {
  const auto m = run.values.find(method);
  if (m == run.values.end()) return kNaN;
  const auto v = m->second.find(metric);
  return v == m->second.end() ? kNaN : v->second;
}

MetricSummary summarize(const std::vector<SeedResults>& runs, const std::string& method, const std::string& metric,
                        const pareto::BootstrapOptions& bootstrap) {
  MetricSummary s{method, metric, 0, kNaN, kNaN, {kNaN, kNaN, kNaN}};
  std::vector<double> values;
  for (const SeedResults& run : runs) {
    const double v = value_of(run, method, metric);
    if (std::isfinite(v)) values.push_back(v);
  }
  s.n = values.size();
  if (values.empty()) return s;
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / values.size();
  s.ci.estimate = s.mean;
  if (values.size() < 2) return s;
  double squares = 0;
  for (double v : values) squares += (v - s.mean) * (v - s.mean);
  s.sd = std::sqrt(squares / (values.size() - 1));
  s.ci = pareto::bootstrap_mean(values, bootstrap);
  return s;
}

PairedComparison compare(const std::vector<SeedResults>& runs, const std::string& method,
                         const std::string& baseline, const MetricSense& metric) {
  PairedComparison c{method, baseline, metric.name, 0, kNaN, 0, 0, {}, {}};
  std::vector<double> x, y;
  for (const SeedResults& run : runs) {
    const double a = value_of(run, method, metric.name), b = value_of(run, baseline, metric.name);
    if (!std::isfinite(a) || !std::isfinite(b)) continue;
    x.push_back(a);
    y.push_back(b);
    if (a != b) ((a > b) == metric.higher_is_better ? c.better : c.worse) += 1;
  }
  c.n = x.size();
  if (x.empty()) return c;
  double sum = 0;
  for (std::size_t i = 0; i < x.size(); ++i) sum += x[i] - y[i];
  c.mean_difference = sum / x.size();
  c.sign = pareto::sign_test(x, y);
  c.wilcoxon = pareto::wilcoxon_signed_rank(x, y);
  return c;
}

std::string p_cell(const PairedComparison& c, const pareto::PairedTestResult& test) {
  return c.n == 0 ? "" : fmt::format("{:.4g}", test.p_value);
}

}  // namespace

SeedResults read_seed_results(const std::string& path, std::uint64_t seed, const std::vector<MetricSense>& metrics) {
  const CsvTable csv = read_csv(path);
  const std::size_t method = csv.column("method");
  std::vector<std::size_t> columns;
  for (const MetricSense& m : metrics) columns.push_back(csv.column(m.name));
  SeedResults run;
  run.seed = seed;
  for (std::size_t r = 0; r < csv.rows.size(); ++r) {
    const std::string& name = csv.rows[r][method];
    run.methods.push_back(name);
    for (std::size_t k = 0; k < metrics.size(); ++k) {
      const std::string& cell = csv.rows[r][columns[k]];
      double v = kNaN;
      if (!without_blanks(cell).empty()) {
        const std::optional<double> parsed = parse_decimal(cell);
        if (!parsed) {
          throw DataError(fmt::format("{}:{}: {} = {} is not a number; re-run the experiment to rewrite it", path,
                                      csv.lines[r], metrics[k].name, echoed(cell)));
        }
        v = *parsed;
      }
      run.values[name][metrics[k].name] = v;
    }
  }
  return run;
}

SeedSummary summarize_seeds(const std::vector<SeedResults>& runs, const std::vector<MetricSense>& metrics,
                            const pareto::BootstrapOptions& bootstrap) {
  if (runs.empty()) throw ConfigError("no seeds to summarise");
  SeedSummary out;
  for (const SeedResults& run : runs) out.seeds.push_back(run.seed);
  const std::vector<std::string>& methods = runs.front().methods;
  for (const std::string& method : methods) {
    for (const MetricSense& metric : metrics) out.metrics.push_back(summarize(runs, method, metric.name, bootstrap));
  }
  for (const std::string& method : methods) {
    if (method.rfind("prp", 0) != 0) continue;
    for (const std::string& baseline : methods) {
      if (baseline.rfind("prp", 0) == 0) continue;
      for (const MetricSense& metric : metrics) out.comparisons.push_back(compare(runs, method, baseline, metric));
    }
    if (method == "prp" || method == "prp-alpha") continue;
    const std::string plain = method.ends_with("-alpha") ? "prp-alpha" : "prp";
    if (std::find(methods.begin(), methods.end(), plain) == methods.end()) continue;
    for (const MetricSense& metric : metrics) out.comparisons.push_back(compare(runs, method, plain, metric));
  }
  return out;
}

void write_seed_summary(const std::string& dir, const SeedSummary& summary) {
  CsvTable seeds{"seeds.csv", {"method", "metric", "n", "mean", "sd", "ci_low", "ci_high"}, {}, {}};
  for (const MetricSummary& s : summary.metrics) {
    seeds.rows.push_back({s.method, s.metric, std::to_string(s.n), number_cell(s.mean), number_cell(s.sd),
                          number_cell(s.ci.low), number_cell(s.ci.high)});
  }
  write_csv_file(ExperimentLayout(dir).seeds_csv(), seeds);
  write_paired_csv(ExperimentLayout(dir).paired_csv(), summary.comparisons);
}

void write_paired_csv(const std::string& path, const std::vector<PairedComparison>& comparisons) {
  CsvTable paired{path,
                  {"method", "baseline", "metric", "n", "mean_difference", "better", "worse", "sign_p", "wilcoxon_p",
                   "wilcoxon_method"},
                  {}, {}};
  for (const PairedComparison& c : comparisons) {
    paired.rows.push_back({c.method, c.baseline, c.metric, std::to_string(c.n), number_cell(c.mean_difference),
                           std::to_string(c.better), std::to_string(c.worse), p_cell(c, c.sign),
                           p_cell(c, c.wilcoxon),
                           c.n == 0 ? "" : (c.wilcoxon.method == pareto::PValueMethod::kExact ? "exact" : "normal")});
  }
  write_csv_file(path, paired);
}

std::vector<std::uint64_t> folder_seeds(const std::string& dir) {
  if (!std::filesystem::is_directory(dir)) {
    throw ConfigError(dir + ": no such experiment directory; give one written by prpnas experiment --seeds");
  }
  std::vector<std::uint64_t> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("seed-", 0) != 0 || name.size() == 5 || name.size() > 5 + 19) continue;  // fits uint64
    if (name.find_first_not_of("0123456789", 5) != std::string::npos) continue;
    const std::uint64_t seed = std::stoull(name.substr(5));
    const std::string results = ExperimentLayout(ExperimentLayout(dir).seed(seed)).results_csv();
    if (std::filesystem::exists(results)) seeds.push_back(seed);
  }
  std::sort(seeds.begin(), seeds.end());
  return seeds;
}

std::vector<PairedComparison> compare_folders(const FolderMethod& a, const FolderMethod& b,
                                              const std::vector<MetricSense>& metrics) {
  const std::vector<std::uint64_t> a_seeds = folder_seeds(a.dir), b_seeds = folder_seeds(b.dir);
  std::vector<std::uint64_t> seeds;
  std::set_intersection(a_seeds.begin(), a_seeds.end(), b_seeds.begin(), b_seeds.end(), std::back_inserter(seeds));
  if (seeds.empty()) {
    throw ConfigError(fmt::format("{} and {} have no seed-N/results.csv for the same seed; run both with the same "
                                  "--seeds",
                                  a.dir, b.dir));
  }
  const std::string a_label = a.dir + ":" + a.method, b_label = b.dir + ":" + b.method;
  std::vector<SeedResults> runs;
  for (std::uint64_t seed : seeds) {
    SeedResults pair;
    pair.seed = seed;
    pair.methods = {a_label, b_label};
    for (const auto& [side, label] : {std::pair{&a, a_label}, std::pair{&b, b_label}}) {
      const std::string path = ExperimentLayout(ExperimentLayout(side->dir).seed(seed)).results_csv();
      SeedResults one = read_seed_results(path, seed, metrics);
      if (!one.values.count(side->method)) {
        throw DataError(fmt::format("{}: no row for method '{}'", path, side->method));
      }
      pair.values[label] = one.values[side->method];
    }
    runs.push_back(std::move(pair));
  }
  std::vector<PairedComparison> out;
  for (const MetricSense& metric : metrics) out.push_back(compare(runs, a_label, b_label, metric));
  return out;
}

}  // namespace prpnas::eval
