#include "prpnas/space/chain_space.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <string>

#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::space {

namespace {

const std::array<std::vector<std::string>, ChainSpace::kNumLayers>& chain_ops() {
  static const std::array<std::vector<std::string>, ChainSpace::kNumLayers> ops = {{
      {"conv3x3", "conv5x5"},
      {"conv3x3", "conv5x5", "skip"},
      {"conv3x3", "conv5x5", "skip"},
      {"conv3x3", "conv5x5", "skip", "avg_pool3x3"},
  }};
  return ops;
}

bool is_chain_skip(int layer, int choice) { return chain_ops()[layer][choice] == "skip"; }

// Reads "op-op-op-op" left to right; failures name the 0-based character
// offset, what was expected there and what was found (as nb201_space.cc).
class ChainParser {
 public:
  explicit ChainParser(std::string_view text) : text_(text) {}

  std::size_t pos() const { return pos_; }

  int op(int layer) {
    // An op name is lower-case letters, digits and '_'; anything else ends it.
    const std::size_t end = std::min(text_.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_", pos_),
                                     text_.size());
    const std::string_view token = text_.substr(pos_, end - pos_);
    const std::vector<std::string>& ops = chain_ops()[layer];
    for (std::size_t c = 0; c < ops.size(); ++c) {
      if (token == ops[c]) {
        pos_ = end;
        return static_cast<int>(c);
      }
    }
    std::string names;
    for (const std::string& name : ops) names += (names.empty() ? "" : ", ") + name;
    fail(fmt::format("one of {} (layer {})", names, layer + 1));
  }

  void dash(int next_layer) {
    if (pos_ >= text_.size() || text_[pos_] != '-') fail(fmt::format("'-' before layer {}", next_layer + 1));
    ++pos_;
  }

  void end() {
    if (pos_ != text_.size()) fail("the end of the text (layer 4 is the last layer)");
  }

 private:
  [[noreturn]] void fail(const std::string& expected) const {
    throw ParseError(fmt::format("bad chain architecture {}: at character {} expected {}, found {}", echoed(text_),
                                 pos_, expected, found()));
  }

  std::string found() const {
    if (pos_ >= text_.size()) return "the end of the text";
    constexpr std::size_t kMaxShown = 24;
    std::size_t end = text_.find('-', pos_ + 1);
    end = std::min({end == std::string_view::npos ? text_.size() : end + 1, pos_ + kMaxShown, text_.size()});
    std::string shown = echoed(text_.substr(pos_, end - pos_));
    if (end < text_.size()) shown.insert(shown.size() - 1, "...");
    return shown;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

const std::vector<std::string>& ChainSpace::choices(int decision) const { return chain_ops().at(decision); }

std::string ChainSpace::decision_name(int decision) const { return "layer " + std::to_string(decision + 1); }

std::string ChainSpace::format(const Architecture& arch) const {
  check(arch);
  std::string text;
  for (int layer = 0; layer < kNumLayers; ++layer) {
    if (layer > 0) text += '-';
    text += chain_ops()[layer][arch[layer]];
  }
  return text;
}

Architecture ChainSpace::parse(std::string_view text) const {
  ChainParser parser(text);
  Architecture arch(kNumLayers);
  std::size_t start[kNumLayers] = {};
  for (int layer = 0; layer < kNumLayers; ++layer) {
    if (layer > 0) parser.dash(layer);
    start[layer] = parser.pos();
    arch[layer] = parser.op(layer);
  }
  parser.end();
  for (int layer = 1; layer < kNumLayers; ++layer) {
    if (is_chain_skip(layer - 1, arch[layer - 1]) && is_chain_skip(layer, arch[layer])) {
      throw ParseError(fmt::format("bad chain architecture {}: at character {} layer {} is skip like layer {}; "
                                   "the chain space allows no two consecutive skip layers",
                                   echoed(text), start[layer], layer + 1, layer));
    }
  }
  return arch;
}

bool ChainSpace::is_valid(const Architecture& arch) const {
  check(arch);
  for (int layer = 1; layer < kNumLayers; ++layer) {
    if (is_chain_skip(layer - 1, arch[layer - 1]) && is_chain_skip(layer, arch[layer])) return false;
  }
  return true;
}

}  // namespace prpnas::space
