#include "prpnas/space/mbconv_space.h"

#include <fmt/core.h>

#include <cctype>
#include <utility>

#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::space {

namespace {

const std::vector<std::string>& all_choices(bool with_skip) {
  static const std::vector<std::string> with(std::begin(MbConvSpace::kChoices), std::end(MbConvSpace::kChoices));
  static const std::vector<std::string> without(with.begin(), with.end() - 1);
  return with_skip ? with : without;
}

}  // namespace

const std::vector<MbStage>& proxyless_stages() {
  static const std::vector<MbStage> stages = {{24, 4, 2}, {40, 4, 2}, {80, 4, 2}, {96, 4, 1}, {192, 4, 2}, {320, 1, 1}};
  return stages;
}

const std::vector<MbStage>& mobilenet_v2_stages() {
  static const std::vector<MbStage> stages = {{24, 2, 2}, {32, 3, 2}, {64, 4, 2}, {96, 3, 1}, {160, 3, 2}, {320, 1, 1}};
  return stages;
}

MbConvSpace::MbConvSpace(std::string name, std::vector<MbStage> stages) : name_(std::move(name)), stages_(std::move(stages)) {
  for (std::size_t s = 0; s < stages_.size(); ++s) {
    if (stages_[s].layers < 1 || stages_[s].width < 1 || stages_[s].stride < 1) {
      throw ConfigError(fmt::format("{} space: stage {} needs positive width, layers and stride", name_, s + 1));
    }
    for (int l = 0; l < stages_[s].layers; ++l) layer_stage_.push_back(static_cast<int>(s));
  }
}

bool MbConvSpace::is_stage_first(int decision) const {
  return decision == 0 || layer_stage_.at(decision) != layer_stage_.at(decision - 1);
}

const std::vector<std::string>& MbConvSpace::choices(int decision) const {
  return all_choices(!is_stage_first(decision));
}

std::string MbConvSpace::decision_name(int decision) const {
  int first = decision;
  while (!is_stage_first(first)) --first;
  return fmt::format("stage {} layer {}", stage_of(decision) + 1, decision - first + 1);
}

int MbConvSpace::kernel(int choice) { return 3 + 2 * (choice / 2); }
int MbConvSpace::expansion(int choice) { return choice % 2 == 0 ? 3 : 6; }

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
    if (choice < 0 && token == kChoices[kSkip]) {
      fail(pos, fmt::format("found skip on {}, the first layer of its stage: it changes width or stride, so it "
                            "cannot be skipped", decision_name(layer)));
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
