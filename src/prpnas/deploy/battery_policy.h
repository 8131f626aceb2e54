// When a battery-powered device switches between the architectures of a
// bundle (switchable_model.h): small policies behind one interface. Pure:
// no torch, no clock; the simulation (battery_simulation.h) and the real
// runtime (`prpnas battery run`) feed them the same state.
#ifndef PRPNAS_DEPLOY_BATTERY_POLICY_H_
#define PRPNAS_DEPLOY_BATTERY_POLICY_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace prpnas::deploy {

// One architecture as a policy sees it. A bundle lists them most accurate
// first, which is also most expensive first on a front.
struct Choice {
  double accuracy = 0;   // %
  double energy_mj = 0;  // per inference
};

struct DeviceState {
  double hours = 0;    // since the start
  double charge = 1;   // remaining fraction of the battery, in [0, 1]
};

class BatteryPolicy {
 public:
  virtual ~BatteryPolicy() = default;
  // The index into `choices` (not empty) to run now.
  virtual std::size_t choose(const DeviceState& state, const std::vector<Choice>& choices) const = 0;
  virtual std::string name() const = 0;  // the spec it was parsed from, e.g. "time:5"
};

// One of (errors: ConfigError naming the spec and the forms):
//   fixed:K           architecture K always (0 = the most accurate)
//   most-accurate     fixed:0
//   most-efficient    the one of least energy per inference
//   time:H            start at 0, one step cheaper every H hours (the paper's scenario, H = 5)
//   battery:P1,P2,..  start at 0, one step cheaper each time the charge falls under P1 %, P2 %, ...
//   accuracy:X        the least energy among those of accuracy >= X % (the most accurate if none)
std::unique_ptr<BatteryPolicy> parse_battery_policy(const std::string& spec);

}  // namespace prpnas::deploy

#endif  // PRPNAS_DEPLOY_BATTERY_POLICY_H_
