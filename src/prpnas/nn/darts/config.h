// Size of a DARTS network (Liu et al., ICLR 2019; quark0/darts cnn/model.py):
// C initial channels, `layers` cells with reductions (channels doubled) at
// layers/3 and 2*layers/3, a stem of stem_multiplier*C channels, and the
// input and classes of the dataset. Presets: "default" (C=8, 5 layers, small
// enough to train on 2 CPU cores), "search" (the paper's search network,
// C=16, 8 layers), "eval" (the paper's CIFAR-10 network, C=36, 20 layers,
// for counting parameters and FLOPs).
#ifndef PRPNAS_NN_DARTS_CONFIG_H_
#define PRPNAS_NN_DARTS_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace prpnas::nn {

struct DartsConfig {
  int channels = 16;  // C
  int layers = 8;     // cells
  int in_channels = 3;
  int image_size = 32;  // height == width
  int num_classes = 10;
  int stem_multiplier = 3;

  // Throws ConfigError naming the field unless every value can build a network.
  void check() const;
  // The numbers, as measurements record the network they timed.
  nlohmann::json to_json() const;
  bool operator==(const DartsConfig&) const = default;

  // Whether cell i reduces (DARTS: i == layers/3 or i == 2*layers/3).
  bool is_reduction(int cell) const { return cell == layers / 3 || cell == 2 * layers / 3; }
};

// The preset's C and layers with the dataset's input and classes; checked.
// Throws ConfigError naming the known presets.
DartsConfig darts_preset(std::string_view name, int in_channels, int image_size, int num_classes);

std::vector<std::string> darts_preset_names();

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DARTS_CONFIG_H_
