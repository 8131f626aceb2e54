#include "prpnas/space/darts_space.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "prpnas/util/error.h"
#include "prpnas/util/printable.h"

namespace prpnas::space {

namespace {

constexpr int kFirstNode = 2, kLastNode = 5;
constexpr const char* kCellNames[DartsSpace::kNumCells] = {"normal", "reduce"};

const std::vector<std::string>& op_names() {
  static const std::vector<std::string> names = {"max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3",
                                                 "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5"};
  return names;
}

// "a+b" for every pair a < b < node, lexicographic.
std::vector<std::string> pair_names(int node) {
  std::vector<std::string> names;
  for (int a = 0; a < node; ++a) {
    for (int b = a + 1; b < node; ++b) names.push_back(fmt::format("{}+{}", a, b));
  }
  return names;
}

// One edge of a genotype as written: (op, input), at `pos` in the text.
struct Edge {
  int op;
  int input;
  std::size_t pos;
};

// Recursive descent over the Genotype grammar; every failure names the
// character position and what was expected there.
class GenotypeParser {
 public:
  explicit GenotypeParser(std::string_view text) : text_(text) {}

  Architecture parse() {
    skip_space();
    if (text_.substr(pos_).starts_with("Genotype")) pos_ += 8;
    expect('(', "'(' opening the genotype");
    Architecture arch(DartsSpace::kNumCells * DartsSpace::kDecisionsPerCell);
    for (int cell = 0; cell < DartsSpace::kNumCells; ++cell) {
      if (cell > 0) expect(',', "',' before reduce=");
      keyword(kCellNames[cell]);
      expect('=', "'='");
      read_cell(cell, arch);
      expect(',', fmt::format("',' before {}_concat=", kCellNames[cell]));
      keyword(std::string(kCellNames[cell]) + "_concat");
      expect('=', "'='");
      read_concat(kCellNames[cell]);
    }
    expect(')', "')' closing the genotype");
    skip_space();
    if (pos_ != text_.size()) fail("the end of the text");
    return arch;
  }

 private:
  void read_cell(int cell, Architecture& arch) {
    expect('[', fmt::format("'[' opening the {} edges", kCellNames[cell]));
    for (int node = kFirstNode; node <= kLastNode; ++node) {
      if (node > kFirstNode) {
        expect(',', fmt::format("',' before the edges of {} node {} (4 nodes x 2 edges)", kCellNames[cell], node));
      }
      Edge first = read_edge(cell, node);
      expect(',', fmt::format("',' between the two edges of {} node {}", kCellNames[cell], node));
      Edge second = read_edge(cell, node);
      if (first.input == second.input) {
        pos_ = second.pos;
        fail(fmt::format("an input other than {} ({} node {} takes each predecessor at most once)", first.input,
                         kCellNames[cell], node));
      }
      if (first.input > second.input) std::swap(first, second);
      arch[DartsSpace::decision_index(cell, node, DartsSpace::Kind::kInputs)] =
          DartsSpace::pair_choice(node, first.input, second.input);
      arch[DartsSpace::decision_index(cell, node, DartsSpace::Kind::kOpA)] = first.op;
      arch[DartsSpace::decision_index(cell, node, DartsSpace::Kind::kOpB)] = second.op;
    }
    expect(']', fmt::format("']' after the 8 edges of the {} cell (4 nodes x 2)", kCellNames[cell]));
  }

  Edge read_edge(int cell, int node) {
    Edge edge{0, 0, 0};
    expect('(', "'(' opening an (operation, input) edge");
    edge.op = read_op();
    expect(',', "',' after the operation");
    skip_space();
    edge.pos = pos_;
    const std::optional<int> input = read_int();
    if (!input) fail("an input node number");
    if (*input >= node) {
      pos_ = edge.pos;
      fail(fmt::format("an input node below {} ({} node {} reads nodes 0..{})", node, kCellNames[cell], node,
                       node - 1));
    }
    edge.input = *input;
    expect(')', "')' closing the edge");
    return edge;
  }

  int read_op() {
    skip_space();
    const std::size_t start = pos_;
    if (pos_ >= text_.size() || (text_[pos_] != '\'' && text_[pos_] != '"')) fail("a quoted operation name");
    const char quote = text_[pos_++];
    const std::size_t end = text_.find(quote, pos_);
    if (end == std::string_view::npos) fail(fmt::format("the closing {} of the operation name", quote));
    const std::string_view name = text_.substr(pos_, end - pos_);
    const auto& names = op_names();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
      pos_ = start;
      fail(fmt::format("one of {}{}", fmt::join(names, ", "),
                       name == "none" ? " (a derived DARTS cell has no `none` edge)" : ""));
    }
    pos_ = end + 1;
    return static_cast<int>(it - names.begin());
  }

  // [2, 3, 4, 5] or range(2, 6): every intermediate node, in order.
  void read_concat(const char* cell) {
    skip_space();
    const std::string what = fmt::format("[2, 3, 4, 5] or range(2, 6) for {}_concat (the cell outputs all four "
                                         "intermediate nodes)",
                                         cell);
    const std::size_t start = pos_;
    if (text_.substr(pos_).starts_with("range")) {
      pos_ += 5;
      expect('(', "'(' after range");
      if (read_int() != kFirstNode) { pos_ = start; fail(what); }
      expect(',', "','");
      if (read_int() != kLastNode + 1) { pos_ = start; fail(what); }
      expect(')', "')' closing range");
      return;
    }
    expect('[', what);
    for (int node = kFirstNode; node <= kLastNode; ++node) {
      if (node > kFirstNode) expect(',', what);
      skip_space();
      if (read_int() != node) { pos_ = start; fail(what); }
    }
    expect(']', what);
  }

  void keyword(const std::string& word) {
    skip_space();
    if (!text_.substr(pos_).starts_with(word)) fail(word + "=");
    pos_ += word.size();
  }

  std::optional<int> read_int() {
    skip_space();
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_])) && pos_ - start < 3) ++pos_;
    if (pos_ == start) return std::nullopt;
    return std::stoi(std::string(text_.substr(start, pos_ - start)));
  }

  void expect(char c, const std::string& what) {
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != c) fail(what);
    ++pos_;
  }

  void skip_space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  [[noreturn]] void fail(const std::string& expected) const {
    std::string found = "the end of the text";
    if (pos_ < text_.size()) {
      constexpr std::size_t kShown = 24;
      found = echoed(text_.substr(pos_, kShown));
      if (pos_ + kShown < text_.size()) found.insert(found.size() - 1, "...");
    }
    throw ParseError(fmt::format("bad darts genotype: at character {} expected {}, found {}", pos_, expected, found));
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

DartsSpace::Decision DartsSpace::decision(int index) {
  if (index < 0 || index >= kNumCells * kDecisionsPerCell) {
    throw Error(fmt::format("darts decision {} is out of range 0..{}", index, kNumCells * kDecisionsPerCell - 1));
  }
  const int in_cell = index % kDecisionsPerCell;
  return {index / kDecisionsPerCell, kFirstNode + in_cell / kDecisionsPerNode,
          static_cast<Kind>(in_cell % kDecisionsPerNode)};
}

int DartsSpace::decision_index(int cell, int node, Kind kind) {
  return cell * kDecisionsPerCell + (node - kFirstNode) * kDecisionsPerNode + static_cast<int>(kind);
}

std::pair<int, int> DartsSpace::input_pair(int node, int choice) {
  int k = 0;
  for (int a = 0; a < node; ++a) {
    for (int b = a + 1; b < node; ++b) {
      if (k++ == choice) return {a, b};
    }
  }
  throw Error(fmt::format("darts node {} has no input pair {}", node, choice));
}

int DartsSpace::pair_choice(int node, int a, int b) {
  if (!(0 <= a && a < b && b < node)) throw Error(fmt::format("darts node {} cannot take inputs {}, {}", node, a, b));
  // Pairs starting below a: (node - 1) + (node - 2) + ... + (node - a).
  return a * node - a * (a + 1) / 2 + (b - a - 1);
}

const std::vector<std::string>& DartsSpace::choices(int index) const {
  static const std::vector<std::vector<std::string>> pairs = {pair_names(2), pair_names(3), pair_names(4),
                                                              pair_names(5)};
  const Decision d = decision(index);
  return d.kind == Kind::kInputs ? pairs[d.node - kFirstNode] : op_names();
}

std::string DartsSpace::decision_name(int index) const {
  const Decision d = decision(index);
  const char* what = d.kind == Kind::kInputs ? "inputs"
                     : d.kind == Kind::kOpA  ? "op on the lower input"
                                             : "op on the higher input";
  return fmt::format("{} node {} {}", kCellNames[d.cell], d.node, what);
}

bool DartsSpace::paces_fairness(int index) const { return decision(index).kind != Kind::kInputs; }

std::string DartsSpace::format(const Architecture& arch) const {
  check(arch);
  std::string out = "Genotype(";
  for (int cell = 0; cell < kNumCells; ++cell) {
    out += fmt::format("{}{}=[", cell > 0 ? ", " : "", kCellNames[cell]);
    for (int node = kFirstNode; node <= kLastNode; ++node) {
      const auto [a, b] = input_pair(node, arch[decision_index(cell, node, Kind::kInputs)]);
      out += fmt::format("{}('{}', {}), ('{}', {})", node > kFirstNode ? ", " : "",
                         op_names()[arch[decision_index(cell, node, Kind::kOpA)]], a,
                         op_names()[arch[decision_index(cell, node, Kind::kOpB)]], b);
    }
    out += fmt::format("], {}_concat=[2, 3, 4, 5]", kCellNames[cell]);
  }
  return out + ")";
}

Architecture DartsSpace::parse(std::string_view text) const { return GenotypeParser(text).parse(); }

}  // namespace prpnas::space
