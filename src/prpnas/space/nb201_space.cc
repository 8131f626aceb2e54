#include "prpnas/space/nb201_space.h"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <string>

#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::space {

namespace {

// Edges grouped by target node, as NB201's string lists them.
constexpr std::array<Nb201Space::Edge, Nb201Space::kNumEdges> kEdges = {
    {{0, 1}, {0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}}};

const std::vector<std::string>& ops() {
  static const std::vector<std::string> names = {"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3",
                                                 "avg_pool_3x3"};
  return names;
}

// The decision of edge from->to: edges into node `to` start after the
// 0 + 1 + ... + (to - 1) edges into earlier nodes.
int decision_of(int from, int to) { return to * (to - 1) / 2 + from; }

// Reads the string left to right. Every failure names the 0-based character
// offset, what was expected there and what was found instead.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  void expect(char c, const std::string& what) {
    if (pos_ >= text_.size() || text_[pos_] != c) fail(what);
    ++pos_;
  }

  int op() {
    const std::size_t end = std::min(text_.find_first_of("~|+", pos_), text_.size());
    const std::string_view token = text_.substr(pos_, end - pos_);
    for (std::size_t c = 0; c < ops().size(); ++c) {
      if (token == ops()[c]) {
        pos_ = end;
        return static_cast<int>(c);
      }
    }
    std::string names;
    for (const std::string& name : ops()) names += (names.empty() ? "" : ", ") + name;
    fail("one of " + names);
  }

  void input(int from, int to) {
    expect(static_cast<char>('0' + from), fmt::format("'{}' (the input node of edge {}->{})", from, from, to));
  }

  void end() {
    if (pos_ != text_.size()) fail("the end of the text (node 3 is the last node)");
  }

 private:
  [[noreturn]] void fail(const std::string& expected) const {
    throw ParseError(
        fmt::format("bad nb201 architecture {}: at character {} expected {}, found {}", echoed(text_), pos_, expected, found()));
  }

  // The rest of the text up to and including the next separator, enough to
  // recognise the spot without echoing a long tail.
  std::string found() const {
    if (pos_ >= text_.size()) return "the end of the text";
    constexpr std::size_t kMaxShown = 24;
    std::size_t end = text_.find_first_of("|+", pos_ + 1);
    end = end == std::string_view::npos ? text_.size() : end + 1;
    end = std::min(end, pos_ + kMaxShown);
    std::string shown = echoed(text_.substr(pos_, end - pos_));
    if (end < text_.size()) shown.insert(shown.size() - 1, "...");
    return shown;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

Nb201Space::Edge Nb201Space::edge(int decision) { return kEdges.at(decision); }

const std::vector<std::string>& Nb201Space::choices(int decision) const {
  (void)decision;  // every edge offers the same ops
  return ops();
}

std::string Nb201Space::decision_name(int decision) const {
  const Edge e = edge(decision);
  return "edge " + std::to_string(e.from) + "->" + std::to_string(e.to);
}

std::string Nb201Space::format(const Architecture& arch) const {
  check(arch);
  std::string text;
  for (int to = 1; to < kNumNodes; ++to) {
    text += to == 1 ? "|" : "+|";
    for (int from = 0; from < to; ++from) {
      text += ops()[arch[decision_of(from, to)]] + "~" + std::to_string(from) + "|";
    }
  }
  return text;
}

Architecture Nb201Space::parse(std::string_view text) const {
  Parser parser(text);
  Architecture arch(kNumEdges);
  for (int to = 1; to < kNumNodes; ++to) {
    if (to > 1) {
      const int edges = to - 1;  // node to-1 has as many input edges as its number
      parser.expect('+', fmt::format("'+' (node {} has {} edge{})", edges, edges, edges == 1 ? "" : "s"));
    }
    parser.expect('|', "'|'");
    for (int from = 0; from < to; ++from) {
      arch[decision_of(from, to)] = parser.op();
      parser.expect('~', "'~'");
      parser.input(from, to);
      parser.expect('|', "'|'");
    }
  }
  parser.end();
  return arch;
}

bool Nb201Space::is_degenerate(const Architecture& arch) const {
  check(arch);
  // Edges come sorted by target node, so one pass settles reachability.
  bool reached[kNumNodes] = {true, false, false, false};
  for (int d = 0; d < kNumEdges; ++d) {
    if (arch[d] != kNone && reached[kEdges[d].from]) reached[kEdges[d].to] = true;
  }
  return !reached[kNumNodes - 1];
}

}  // namespace prpnas::space
