#include "prpnas/space/mbconv_space.h"

#include <fmt/core.h>

#include <cctype>
#include <utility>

#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::space {

const MbFamily& proxyless_family() {
  static const MbFamily family{.stages = {{24, 4, 2}, {40, 4, 2}, {80, 4, 2}, {96, 4, 1}, {192, 4, 2}, {320, 1, 1}}};
  return family;
}

const MbFamily& mobilenet_v2_family() {
  static const MbFamily family{.stages = {{24, 2, 2}, {32, 3, 2}, {64, 4, 2}, {96, 3, 1}, {160, 3, 2}, {320, 1, 1}}};
  return family;
}

const MbFamily& ofa_family() {
  using enum MbActivation;
  static const MbFamily family{.stem = 16,
                               .stem_activation = kHswish,
                               .first_block = 16,
                               .first_block_activation = kRelu,
                               .first_block_shortcut = true,
                               .stages = {{24, 4, 2, kRelu, false},
                                          {40, 4, 2, kRelu, true},
                                          {80, 4, 2, kHswish, false},
                                          {112, 4, 1, kHswish, true},
                                          {160, 4, 2, kHswish, true}},
                               .head = 960,
                               .feature_mix = 1280,
                               .head_activation = kHswish,
                               .expansions = {3, 4, 6},
                               .min_depth = 2};
  return family;
}

MbConvSpace::MbConvSpace(std::string name, MbFamily family) : name_(std::move(name)), family_(std::move(family)) {
  if (family_.kernels.empty() || family_.expansions.empty() || family_.min_depth < 1) {
    throw ConfigError(fmt::format("{} space: needs kernels, expansions and a min_depth of at least 1", name_));
  }
  for (int k : family_.kernels) {
    for (int e : family_.expansions) names_.push_back(fmt::format("k{}e{}", k, e));
  }
  unskippable_names_ = names_;
  names_.push_back("skip");
  const std::vector<MbStage>& stages = family_.stages;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    if (stages[s].layers < 1 || stages[s].width < 1 || stages[s].stride < 1) {
      throw ConfigError(fmt::format("{} space: stage {} needs positive width, layers and stride", name_, s + 1));
    }
    for (int l = 0; l < stages[s].layers; ++l) {
      layer_stage_.push_back(static_cast<int>(s));
      layer_position_.push_back(l);
    }
  }
}

const std::vector<std::string>& MbConvSpace::choices(int decision) const {
  return layer_position_.at(decision) < family_.min_depth ? unskippable_names_ : names_;
}

std::string MbConvSpace::decision_name(int decision) const {
  return fmt::format("stage {} layer {}", stage_of(decision) + 1, layer_position_.at(decision) + 1);
}

int MbConvSpace::kernel(int choice) const {
  return family_.kernels.at(static_cast<std::size_t>(choice) / family_.expansions.size());
}
int MbConvSpace::expansion(int choice) const {
  return family_.expansions.at(static_cast<std::size_t>(choice) % family_.expansions.size());
}

std::string MbConvSpace::format(const Architecture& arch) const {
  check(arch);
  std::string text;
  for (std::size_t d = 0; d < arch.size(); ++d) {
    if (d > 0) text += ' ';
    text += choices(static_cast<int>(d))[arch[d]];
  }
  return text;
}

Architecture MbConvSpace::parse(std::string_view text) const {
  auto fail = [&](std::size_t pos, const std::string& what) -> void {
    throw ParseError(fmt::format("bad {} architecture {}: at character {} {}", name_, echoed(text), pos, what));
  };
  Architecture arch;
  std::size_t pos = 0;
  while (true) {
    while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos == text.size()) break;
    std::size_t end = pos;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    const std::string_view token = text.substr(pos, end - pos);
    const int layer = static_cast<int>(arch.size());
    if (layer == num_decisions()) {
      fail(pos, fmt::format("expected the end ({} layers), found {}", num_decisions(), echoed(token)));
    }
    const std::vector<std::string>& names = choices(layer);
    int choice = -1;
    for (std::size_t c = 0; c < names.size(); ++c) {
      if (token == names[c]) choice = static_cast<int>(c);
    }
    if (choice < 0 && token == "skip") {
      fail(pos, is_stage_first(layer)
                    ? fmt::format("found skip on {}, the first layer of its stage: it changes width or stride, so "
                                  "it cannot be skipped", decision_name(layer))
                    : fmt::format("found skip on {}: a stage keeps at least its first {} layers", decision_name(layer),
                                  family_.min_depth));
    }
    if (choice < 0) {
      std::string known;
      for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
      fail(pos, fmt::format("expected one of {} ({}), found {}", known, decision_name(layer), echoed(token)));
    }
    arch.push_back(choice);
    pos = end;
  }
  if (static_cast<int>(arch.size()) != num_decisions()) {
    fail(text.size(), fmt::format("expected {} layers, found {}", num_decisions(), arch.size()));
  }
  return arch;
}

}  // namespace prpnas::space
