#include "prpnas/search/additive_regressor.h"

#include <cmath>
#include <cstddef>
#include <string>

#include <Eigen/Core>
#include <Eigen/QR>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "prpnas/util/error.h"

namespace prpnas::search {

AdditiveRegressor AdditiveRegressor::fit(const space::SearchSpace& space, const std::vector<space::Architecture>& archs,
                                         const std::vector<double>& targets, double ridge) {
  if (archs.empty()) throw ConfigError("additive regressor: no architectures to fit; pass at least one");
  if (targets.size() != archs.size()) {
    throw ConfigError(fmt::format("additive regressor: {} targets for {} architectures; pass one per architecture",
                                  targets.size(), archs.size()));
  }
  if (!(ridge >= 0) || !std::isfinite(ridge)) {
    throw ConfigError(fmt::format("additive regressor: ridge = {} must be a finite number >= 0", ridge));
  }
  for (std::size_t i = 0; i < archs.size(); ++i) {
    space.check(archs[i]);
    if (!std::isfinite(targets[i])) {
      throw DataError(fmt::format("additive regressor: target {} of architecture {} (sample {}) is not finite; "
                                  "leave such samples out of the fit",
                                  targets[i], archs[i], i));
    }
  }

  // Column of each (decision, choice): decisions in order, choices within.
  const int decisions = space.num_decisions();
  std::vector<Eigen::Index> first_column(decisions + 1, 0);
  for (int d = 0; d < decisions; ++d) {
    first_column[d + 1] = first_column[d] + static_cast<Eigen::Index>(space.choices(d).size());
  }
  const Eigen::Index features = first_column[decisions];
  const auto samples = static_cast<Eigen::Index>(archs.size());

  // Centring the one-hot columns and the targets eliminates the unpenalised
  // intercept: intercept = mean(y) - mean(X) w.
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(samples, features);
  Eigen::VectorXd y(samples);
  for (Eigen::Index i = 0; i < samples; ++i) {
    for (int d = 0; d < decisions; ++d) x(i, first_column[d] + archs[i][d]) = 1;
    y(i) = targets[i];
  }
  const Eigen::RowVectorXd x_mean = x.colwise().mean();
  const double y_mean = y.mean();

  // Ridge as extra rows: min |[Xc; sqrt(ridge) I] w - [yc; 0]|^2. The
  // complete orthogonal decomposition returns the least-squares solution of
  // smallest norm, which is the unique one when ridge > 0.
  Eigen::MatrixXd a(samples + features, features);
  a.topRows(samples) = x.rowwise() - x_mean;
  a.bottomRows(features) = std::sqrt(ridge) * Eigen::MatrixXd::Identity(features, features);
  Eigen::VectorXd b = Eigen::VectorXd::Zero(samples + features);
  b.head(samples) = y.array() - y_mean;
  const Eigen::VectorXd w = Eigen::CompleteOrthogonalDecomposition<Eigen::MatrixXd>(a).solve(b);

  AdditiveRegressor model;
  model.intercept_ = y_mean - x_mean.dot(w);
  model.weights_.resize(decisions);
  for (int d = 0; d < decisions; ++d) {
    for (Eigen::Index j = first_column[d]; j < first_column[d + 1]; ++j) model.weights_[d].push_back(w(j));
  }
  return model;
}

double AdditiveRegressor::predict(const space::Architecture& arch) const {
  if (arch.size() != weights_.size()) {
    throw Error(fmt::format("additive regressor: fitted on {} decisions, architecture {} has {}", weights_.size(),
                            arch, arch.size()));
  }
  double total = intercept_;
  for (std::size_t d = 0; d < arch.size(); ++d) {
    if (arch[d] < 0 || static_cast<std::size_t>(arch[d]) >= weights_[d].size()) {
      throw Error(fmt::format("additive regressor: choice {} of decision {} in architecture {} is out of range "
                              "(the decision has {} choices)",
                              arch[d], d, arch, weights_[d].size()));
    }
    total += weights_[d][arch[d]];
  }
  return total;
}

}  // namespace prpnas::search
