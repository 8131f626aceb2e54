// Times every operation and fixed part of one forward pass through the
// networks' OpObserver callbacks (libtorch has no forward hooks). CPU ops run
// synchronously, so the time between before_* and after_* is the op's own.
// A decision's op runs once per cell; its time is summed over the cells.
#ifndef PRPNAS_HW_OP_TIMER_H_
#define PRPNAS_HW_OP_TIMER_H_

#include <torch/torch.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "prpnas/nn/op_observer.h"

namespace prpnas::hw {

class OpTimer : public nn::OpObserver {
 public:
  OpTimer(int decisions, int choices);

  // Clears the times and counts before a forward pass.
  void reset();

  void before_op(int decision, int choice, const torch::Tensor& in) override;
  void after_op(int decision, int choice, const torch::Tensor& out) override;
  void before_fixed(const std::string& part, const torch::Tensor& in) override;
  void after_fixed(const std::string& part, const torch::Tensor& out) override;

  // Since the last reset: summed milliseconds and number of calls.
  const std::vector<std::vector<double>>& op_ms() const { return op_ms_; }
  const std::vector<std::vector<int>>& op_calls() const { return op_calls_; }
  const std::map<std::string, double>& fixed_ms() const { return fixed_ms_; }
  const std::map<std::string, int>& fixed_calls() const { return fixed_calls_; }
  // Everything timed: all ops and fixed parts.
  double total_ms() const;
  // The fixed parts in the order they first ran (reset keeps it).
  const std::vector<std::string>& fixed_order() const { return fixed_order_; }

 private:
  using Clock = std::chrono::steady_clock;
  static double ms_since(Clock::time_point start);

  Clock::time_point op_start_, fixed_start_;
  std::vector<std::vector<double>> op_ms_;
  std::vector<std::vector<int>> op_calls_;
  std::map<std::string, double> fixed_ms_;
  std::map<std::string, int> fixed_calls_;
  std::vector<std::string> fixed_order_;
};

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_OP_TIMER_H_
