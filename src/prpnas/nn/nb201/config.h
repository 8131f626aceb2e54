// Size of an NB201 network: channels C of the first stage, N cells per stage
// (three stages at C, 2C, 4C), and the input and classes of the dataset.
// NAS-Bench-201 itself is the "paper" preset (C=16, N=5).
#ifndef PRPNAS_NN_NB201_CONFIG_H_
#define PRPNAS_NN_NB201_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace prpnas::nn {

struct Nb201Config {
  int channels = 16;        // C
  int cells_per_stage = 5;  // N
  int in_channels = 3;
  int image_size = 32;      // height == width
  int num_classes = 10;

  // Throws ConfigError naming the field unless every value can build a network.
  void check() const;
  // The five numbers, as measurements record the network they timed.
  nlohmann::json to_json() const;
  bool operator==(const Nb201Config&) const = default;
};

// The preset's C and N with the dataset's input and classes; checked.
// Presets: "paper" (C=16, N=5), "default" (C=8, N=1, small enough for a CPU).
// Throws ConfigError naming the known presets.
Nb201Config nb201_preset(std::string_view name, int in_channels, int image_size, int num_classes);

std::vector<std::string> nb201_preset_names();

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_CONFIG_H_
