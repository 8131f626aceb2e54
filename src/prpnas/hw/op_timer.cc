#include "prpnas/hw/op_timer.h"

#include <algorithm>

namespace prpnas::hw {

OpTimer::OpTimer(int decisions, int choices)
    : op_ms_(decisions, std::vector<double>(choices, 0)), op_calls_(decisions, std::vector<int>(choices, 0)) {}

void OpTimer::reset() {
  for (auto& row : op_ms_) std::fill(row.begin(), row.end(), 0.0);
  for (auto& row : op_calls_) std::fill(row.begin(), row.end(), 0);
  fixed_ms_.clear();
  fixed_calls_.clear();
}

double OpTimer::ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void OpTimer::before_op(int, int, const torch::Tensor&) { op_start_ = Clock::now(); }

void OpTimer::after_op(int decision, int choice, const torch::Tensor&) {
  op_ms_.at(decision).at(choice) += ms_since(op_start_);
  ++op_calls_[decision][choice];
}

void OpTimer::before_fixed(const std::string&, const torch::Tensor&) { fixed_start_ = Clock::now(); }

void OpTimer::after_fixed(const std::string& part, const torch::Tensor&) {
  if (std::find(fixed_order_.begin(), fixed_order_.end(), part) == fixed_order_.end()) fixed_order_.push_back(part);
  fixed_ms_[part] += ms_since(fixed_start_);
  ++fixed_calls_[part];
}

double OpTimer::total_ms() const {
  double total = 0;
  for (const auto& row : op_ms_) {
    for (double ms : row) total += ms;
  }
  for (const auto& [part, ms] : fixed_ms_) total += ms;
  return total;
}

}  // namespace prpnas::hw
