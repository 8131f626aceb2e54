// Loads a bundle (`prpnas export --front`), lets a battery policy pick an
// architecture at a few charge levels, and runs each pick on one image of the
// bundle's input shape: how a device application uses the runtime.
#include <cstdio>
#include <exception>

#include <prpnas/deploy/battery_policy.h>
#include <prpnas/deploy/switchable_model.h>
#include <torch/torch.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: switch_demo BUNDLE_DIR\n");
    return 2;
  }
  try {
    prpnas::deploy::SwitchableModel model(argv[1]);
    std::vector<prpnas::deploy::Choice> choices;
    for (const auto& e : model.entries()) choices.push_back({e.bundle_test_accuracy, e.energy_mj.value_or(0)});
    const auto policy = prpnas::deploy::parse_battery_policy("battery:50,20");
    const auto& input = model.manifest().at("input");
    const torch::Tensor image = torch::zeros({1, input.at("channels").get<int64_t>(), input.at("height").get<int64_t>(),
                                              input.at("width").get<int64_t>()});
    for (double charge : {1.0, 0.4, 0.1}) {
      model.select(policy->choose({0, charge}, choices));
      const torch::Tensor logits = model.infer(image);
      std::printf("charge %.0f%%: architecture %zu (%s), %lld logits, class %lld\n", 100 * charge, model.selected(),
                  model.active().arch.c_str(), static_cast<long long>(logits.size(1)),
                  static_cast<long long>(logits.argmax(1).item<int64_t>()));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "switch_demo: %s\n", e.what());
    return 1;
  }
  return 0;
}
