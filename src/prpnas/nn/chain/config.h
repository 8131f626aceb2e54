// Size of a network of the chain test space (space/chain_space.h): C
// channels throughout, and the dataset's input and classes. Presets:
// "default" (C=16) and "small" (C=8).
#ifndef PRPNAS_NN_CHAIN_CONFIG_H_
#define PRPNAS_NN_CHAIN_CONFIG_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace prpnas::nn {

struct ChainConfig {
  int channels = 16;
  int in_channels = 1;
  int image_size = 28;
  int num_classes = 10;

  // Throws ConfigError naming the field.
  void check() const;
  nlohmann::json to_json() const;
  bool operator==(const ChainConfig&) const = default;
};

// Throws ConfigError naming the known presets.
ChainConfig chain_preset(std::string_view name, int in_channels, int image_size, int num_classes);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_CHAIN_CONFIG_H_
