// `prpnas export --run DIR --front --count S --out BUNDLE/`: S architectures
// of a trained run's front (the most accurate, the cheapest and evenly in
// between): the front, on the run's objectives as estimated now, of its
// front.csv or of other candidates (a search's front, its Step 2 pool). They
// go into one TorchScript module with shared weights (deploy/bundle_export.h),
// BUNDLE/bundle.pt, described by BUNDLE/manifest.json: per
// architecture its native string, accuracy (stand-alone when the run's
// ground truth knows it, else the shared-weight estimate, labelled), costs
// with their source (export_description.h) and size; the bundle's size
// against the S separate exports; the file's CRC-32.
//
// Before anything is written, the bytes are loaded back and every method
// must give its network's logits (the single export of that architecture)
// to within kExportTolerance on real test images.
#ifndef PRPNAS_RUN_BUNDLE_RUN_H_
#define PRPNAS_RUN_BUNDLE_RUN_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

namespace prpnas::run {

struct BundleOptions {
  std::string run_dir;
  int count = 5;       // architectures; fewer when the front has fewer
  std::string out;     // a directory
  std::string candidates;  // a CSV with an `arch` column to take the front of; "" = the run's front.csv
};

struct BundleResult {
  nlohmann::json manifest;
  double max_difference = 0;
  double seconds = 0;
};

// Indices of `count` of `n` points sorted from most to least accurate:
// the first, the last and evenly spaced between (all when n <= count).
std::vector<std::size_t> spread_indices(std::size_t n, std::size_t count);

BundleResult export_bundle_from_run(const BundleOptions& options, std::FILE* log);

}  // namespace prpnas::run

#endif  // PRPNAS_RUN_BUNDLE_RUN_H_
