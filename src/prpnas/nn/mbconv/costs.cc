#include "prpnas/nn/mbconv/costs.h"

#include "prpnas/nn/mbconv/supernet.h"

namespace prpnas::nn {

NetworkCosts measure_mbconv_costs(const MbConvConfig& config) {
  const MbConvSupernet supernet(config);
  const space::MbConvSpace& space = supernet->table();
  const int64_t stem_size = conv_out_size(config.image_size, config.stem_stride);
  const double final_area = static_cast<double>(supernet->final_size() * supernet->final_size());
  const int64_t last = config.stage_channels(static_cast<int>(space.stages().size()) - 1);

  NetworkCosts costs;
  for (const auto& [part, module] : supernet->fixed_parts()) costs.params.fixed += parameter_count(*module);
  const int64_t features = config.feature_mix_channels > 0 ? config.feature_mix_channels : config.head_channels;
  costs.flops.fixed = static_cast<double>(config.in_channels * config.stem_channels() * 9 * stem_size * stem_size) +
                      supernet->first_block()->macs(stem_size) + static_cast<double>(last * config.head_channels) * final_area +
                      static_cast<double>(config.head_channels * config.feature_mix_channels) +
                      static_cast<double>(features * config.num_classes + config.num_classes);
  for (int d = 0; d < space.num_decisions(); ++d) {
    const int choices = static_cast<int>(space.choices(d).size());
    costs.params.choice.emplace_back(choices, 0.0);
    costs.flops.choice.emplace_back(choices, 0.0);
    for (int c = 0; c < choices; ++c) {
      const MbConvBlock block = supernet->op(d, c);
      if (block.is_empty()) continue;  // skip
      costs.params.choice[d][c] = parameter_count(*block);
      costs.flops.choice[d][c] = block->macs(supernet->layer_input_size(d));
    }
  }
  return costs;
}

}  // namespace prpnas::nn
