#include "prpnas/hw/xgboost_predictor.h"

#include <xgboost/c_api.h>

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "prpnas/hw/one_hot.h"
#include "prpnas/util/error.h"

namespace prpnas::hw {

namespace {

constexpr int kRounds = 300;

// Every C API call returns 0 on success; on failure XGBGetLastError says why,
// as "[hh:mm:ss] file:line: message" followed by lines of stack trace. Our
// errors are one line: keep the first, without the time.
void check(int status, const char* call) {
  if (status == 0) return;
  std::string message = XGBGetLastError();
  message = message.substr(0, message.find('\n'));
  if (message.starts_with('[') && message.find("] ") != std::string::npos) {
    message.erase(0, message.find("] ") + 2);
  }
  throw Error(fmt::format("xgboost predictor: {} failed: {}", call, message));
}

struct DMatrixFree {
  void operator()(void* matrix) const { XGDMatrixFree(matrix); }
};
using DMatrix = std::unique_ptr<void, DMatrixFree>;

// The one-hot rows of archs as a DMatrix. Missing is NaN, which one-hot
// features never are: a 0 is a real "not chosen", not a missing value.
DMatrix features(const space::SearchSpace& space, const std::vector<space::Architecture>& archs) {
  const std::vector<float> rows = one_hot_rows(space, archs);
  DMatrixHandle handle = nullptr;
  check(XGDMatrixCreateFromMat_omp(rows.data(), archs.size(), one_hot_width(space),
                                   std::numeric_limits<float>::quiet_NaN(), &handle, 1),
        "XGDMatrixCreateFromMat_omp");
  return DMatrix(handle);
}

}  // namespace

void XgboostPredictor::BoosterFree::operator()(void* booster) const { XGBoosterFree(booster); }

void XgboostPredictor::fit(const std::vector<space::Architecture>& archs, const std::vector<double>& y) {
  check_fit_inputs(archs, y);
  booster_.reset();
  const DMatrix train = features(space(), archs);
  const std::vector<float> labels(y.begin(), y.end());
  check(XGDMatrixSetFloatInfo(train.get(), "label", labels.data(), labels.size()), "XGDMatrixSetFloatInfo");

  double mean = 0;
  for (double v : y) mean += v / static_cast<double>(y.size());
  DMatrixHandle cache[] = {train.get()};
  BoosterHandle handle = nullptr;
  check(XGBoosterCreate(cache, 1, &handle), "XGBoosterCreate");
  std::unique_ptr<void, BoosterFree> booster(handle);
  const std::pair<const char*, std::string> params[] = {
      {"objective", "reg:squarederror"},
      {"eta", "0.1"},
      {"max_depth", "3"},
      {"tree_method", "exact"},
      {"nthread", "1"},
      {"seed", std::to_string(seed())},
      {"base_score", fmt::format("{}", mean)},
      {"verbosity", "0"},
  };
  for (const auto& [key, value] : params) {
    check(XGBoosterSetParam(booster.get(), key, value.c_str()), "XGBoosterSetParam");
  }
  for (int round = 0; round < kRounds; ++round) {
    check(XGBoosterUpdateOneIter(booster.get(), round, train.get()), "XGBoosterUpdateOneIter");
  }
  booster_ = std::move(booster);
}

double XgboostPredictor::predict(const space::Architecture& arch) const { return predict_all({arch}).front(); }

std::vector<double> XgboostPredictor::predict_all(const std::vector<space::Architecture>& archs) const {
  check_fitted(booster_ != nullptr);
  if (archs.empty()) return {};
  const DMatrix matrix = features(space(), archs);
  bst_ulong length = 0;
  const float* values = nullptr;  // owned by the booster, valid until its next call
  check(XGBoosterPredict(booster_.get(), matrix.get(), /*option_mask=*/0, /*ntree_limit=*/0, /*training=*/0,
                         &length, &values),
        "XGBoosterPredict");
  if (length != archs.size()) {
    throw Error(fmt::format("xgboost predictor: {} predictions for {} architectures", length, archs.size()));
  }
  return std::vector<double>(values, values + length);
}

}  // namespace prpnas::hw
