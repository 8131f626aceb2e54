// Results over several seeds (`prpnas experiment --seeds`): every seed's
// results.csv read back, and per method and metric the mean, the standard
// deviation and a 95 % bootstrap interval of the mean; per PRP row against
// each baseline, a paired comparison over the seeds both have a value for.
// A PRP variant (prp-no-pruning, prp-coupled, prp-noise1, ...) is also
// paired with plain PRP: `prp-X` with `prp`, `prp-X-alpha` with `prp-alpha`.
// Pure: no torch.
#ifndef PRPNAS_EVAL_SEED_SUMMARY_H_
#define PRPNAS_EVAL_SEED_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "prpnas/pareto/bootstrap.h"
#include "prpnas/pareto/paired_test.h"

namespace prpnas::eval {

// A metric column of results.csv and which way is better.
struct MetricSense {
  std::string name;
  bool higher_is_better = true;
};

// One seed's results.csv: method -> metric -> value; NaN for an empty cell
// (undefined: e.g. no Kendall for NSGA-II, IGD+ of an empty front).
struct SeedResults {
  std::uint64_t seed = 0;
  std::vector<std::string> methods;  // in the file's order
  std::map<std::string, std::map<std::string, double>> values;
};

// Reads `path` (a results.csv with a `method` column); the `metrics` columns
// must be there. Throws DataError naming the file as read_csv does, and for a
// cell that is neither empty nor a number.
SeedResults read_seed_results(const std::string& path, std::uint64_t seed, const std::vector<MetricSense>& metrics);

struct MetricSummary {
  std::string method, metric;
  std::size_t n = 0;              // seeds with a finite value
  double mean = 0, sd = 0;        // sd with n - 1; NaN when n < 2
  pareto::ConfidenceInterval ci;  // of the mean (bootstrap over seeds); NaN when n < 2
};

struct PairedComparison {
  std::string method, baseline, metric;
  std::size_t n = 0;                   // seeds where both are finite
  double mean_difference = 0;          // method - baseline
  std::size_t better = 0, worse = 0;   // seeds where the method is better / worse (by the metric's sense)
  pareto::PairedTestResult sign, wilcoxon;
};

struct SeedSummary {
  std::vector<std::uint64_t> seeds;
  std::vector<MetricSummary> metrics;          // method-major, in first-seed method order
  std::vector<PairedComparison> comparisons;   // for every method named prp* against every other one
};

// The summary of `runs` (one per seed, same methods). bootstrap.seed is used
// for every interval, so a summary is reproducible. Throws ConfigError on no
// runs.
SeedSummary summarize_seeds(const std::vector<SeedResults>& runs, const std::vector<MetricSense>& metrics,
                            const pareto::BootstrapOptions& bootstrap = {});

// Writes DIR/seeds.csv (method,metric,n,mean,sd,ci_low,ci_high) and
// DIR/paired.csv (method,baseline,metric,n,mean_difference,better,worse,
// sign_p,wilcoxon_p,wilcoxon_method), atomically.
void write_seed_summary(const std::string& dir, const SeedSummary& summary);
// The paired.csv columns, for any comparisons.
void write_paired_csv(const std::string& path, const std::vector<PairedComparison>& comparisons);

// One method's rows in a multi-seed experiment directory.
struct FolderMethod {
  std::string dir, method;
};

// The seeds N with a DIR/seed-N/results.csv, ascending. Throws ConfigError
// when DIR is not a directory.
std::vector<std::uint64_t> folder_seeds(const std::string& dir);

// `a` against `b`, paired by the seeds both folders hold, per metric: the
// study ablations, where each setting has its own folder. Labelled
// "DIR:method". Throws ConfigError when no seed is shared, DataError when a
// results.csv lacks the method or a metric column.
std::vector<PairedComparison> compare_folders(const FolderMethod& a, const FolderMethod& b,
                                              const std::vector<MetricSense>& metrics);

}  // namespace prpnas::eval

#endif  // PRPNAS_EVAL_SEED_SUMMARY_H_
