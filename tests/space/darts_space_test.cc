#include "prpnas/space/darts_space.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "prpnas/run/space_listing.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

// As published: DARTS's and PC-DARTS's genotypes.py (DARTS_V1, DARTS_V2,
// PC_DARTS_cifar, PC_DARTS_image; github.com/yuhuixu1993/PC-DARTS) and
// P-DARTS's (github.com/chenxin061/pdarts), copied verbatim.
const std::map<std::string, std::string>& published() {
  static const std::map<std::string, std::string> genotypes = {
      {"DARTS_V1",
       "Genotype(normal=[('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 0), ('sep_conv_3x3', 1), "
       "('skip_connect', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('skip_connect', 2)], normal_concat=[2, 3, 4, "
       "5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), "
       "('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, "
       "4, 5])"},
      {"DARTS_V2",
       "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
       "('sep_conv_3x3', 1), ('skip_connect', 0), ('skip_connect', 0), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, "
       "5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 1), "
       "('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('max_pool_3x3', 1)], reduce_concat=[2, 3, "
       "4, 5])"},
      {"PC_DARTS_cifar",
       "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 0), ('dil_conv_3x3', 1), "
       "('sep_conv_5x5', 0), ('sep_conv_3x3', 1), ('avg_pool_3x3', 0), ('dil_conv_3x3', 1)], "
       "normal_concat=range(2, 6), reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1), "
       "('sep_conv_5x5', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2)], "
       "reduce_concat=range(2, 6))"},
      {"PC_DARTS_image",
       "Genotype(normal=[('skip_connect', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 0), ('skip_connect', 1), "
       "('sep_conv_3x3', 1), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('dil_conv_5x5', 4)], "
       "normal_concat=range(2, 6), reduce=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_5x5', 2), "
       "('max_pool_3x3', 1), ('sep_conv_3x3', 2), ('sep_conv_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_3x3', 3)], "
       "reduce_concat=range(2, 6))"},
      {"PDARTS",
       "Genotype(normal=[('skip_connect', 0), ('dil_conv_3x3', 1), ('skip_connect', 0),('sep_conv_3x3', 1), "
       "('sep_conv_3x3', 1), ('sep_conv_3x3', 3), ('sep_conv_3x3',0), ('dil_conv_5x5', 4)], "
       "normal_concat=range(2, 6), reduce=[('avg_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_3x3', 0), "
       "('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('dil_conv_3x3', 1), ('dil_conv_3x3', 1), ('dil_conv_5x5', 3)], "
       "reduce_concat=range(2, 6))"},
  };
  return genotypes;
}

// A genotype as a cell -> node -> multiset of (op name, input), read with a
// tokenizer independent of the parser: what the published text means.
using Edges = std::multiset<std::pair<std::string, int>>;
std::vector<std::vector<Edges>> meaning(const std::string& text) {
  std::vector<std::vector<Edges>> cells;
  for (const char* list : {"normal=", "reduce="}) {
    std::size_t pos = text.find(list);
    const std::size_t end = text.find(']', pos);
    std::vector<Edges> nodes(4);
    for (int e = 0; e < 8; ++e) {
      const std::size_t q1 = text.find('\'', pos), q2 = text.find('\'', q1 + 1);
      const std::size_t comma = text.find(',', q2), close = text.find(')', comma);
      EXPECT_LT(close, end);
      nodes[e / 2].insert({text.substr(q1 + 1, q2 - q1 - 1), std::stoi(text.substr(comma + 1, close - comma - 1))});
      pos = close;
    }
    cells.push_back(nodes);
  }
  return cells;
}

TEST(DartsSpace, DecisionsChoicesAndNames) {
  const DartsSpace s;
  EXPECT_EQ(s.name(), "darts");
  ASSERT_EQ(s.num_decisions(), 24);
  const std::vector<std::size_t> sizes = {1, 7, 7, 3, 7, 7, 6, 7, 7, 10, 7, 7};
  for (int d = 0; d < 24; ++d) EXPECT_EQ(s.choices(d).size(), sizes[d % 12]) << d;
  EXPECT_EQ(s.choices(9), (std::vector<std::string>{"0+1", "0+2", "0+3", "0+4", "1+2", "1+3", "1+4", "2+3", "2+4",
                                                     "3+4"}));
  EXPECT_EQ(s.choices(1)[DartsSpace::kSepConv3x3], "sep_conv_3x3");
  EXPECT_EQ(s.decision_name(0), "normal node 2 inputs");
  EXPECT_EQ(s.decision_name(13), "reduce node 2 op on the lower input");
  EXPECT_EQ(s.decision_name(23), "reduce node 5 op on the higher input");
  EXPECT_EQ(make_search_space("darts")->name(), "darts");
  for (int node = 2; node <= 5; ++node) {
    for (int c = 0; c < node * (node - 1) / 2; ++c) {
      const auto [a, b] = DartsSpace::input_pair(node, c);
      EXPECT_LT(a, b);
      EXPECT_LT(b, node);
      EXPECT_EQ(DartsSpace::pair_choice(node, a, b), c);
    }
  }
  for (int d = 0; d < 24; ++d) {
    const DartsSpace::Decision x = DartsSpace::decision(d);
    EXPECT_EQ(DartsSpace::decision_index(x.cell, x.node, x.kind), d);
    EXPECT_EQ(s.paces_fairness(d), x.kind != DartsSpace::Kind::kInputs);
  }
}

// The DARTS paper's count: per cell prod_{k=2..5} C(k, 2) * 7^2, squared for
// the two cells; about 1e18, and within what Enumeration numbers.
TEST(DartsSpace, SizeIsTheDartsPapersCount) {
  std::uint64_t cell = 1;
  for (int k = 2; k <= 5; ++k) cell *= static_cast<std::uint64_t>(k * (k - 1) / 2) * 49;
  EXPECT_EQ(cell, 1037664180u);
  EXPECT_EQ(Enumeration(DartsSpace()).size(), cell * cell);
  EXPECT_EQ(cell * cell, 1076746950455072400u);
  // `prpnas space info` counts without walking 1e18 combinations.
  const run::SpaceCounts counts = run::count_space(DartsSpace());
  EXPECT_EQ(counts.allowed, cell * cell);
  EXPECT_EQ(counts.degenerate, 0u);
}

// Brute force on a reduced cell (3 intermediate nodes, 2 ops): every ordered
// choice of two (op, input) edges with distinct inputs, deduplicated as a
// set per node, matches prod C(k, 2) * ops^2, the formula above.
TEST(DartsSpace, CountFormulaMatchesBruteForceOnAReducedCell) {
  constexpr int kOps = 2;
  std::set<std::vector<std::set<std::pair<int, int>>>> distinct;
  std::vector<std::vector<std::tuple<int, int, int, int>>> per_node;
  for (int k = 2; k <= 4; ++k) {
    std::vector<std::tuple<int, int, int, int>> edges;
    for (int o1 = 0; o1 < kOps; ++o1)
      for (int i1 = 0; i1 < k; ++i1)
        for (int o2 = 0; o2 < kOps; ++o2)
          for (int i2 = 0; i2 < k; ++i2)
            if (i1 != i2) edges.emplace_back(o1, i1, o2, i2);
    per_node.push_back(edges);
  }
  for (const auto& n2 : per_node[0])
    for (const auto& n3 : per_node[1])
      for (const auto& n4 : per_node[2]) {
        std::vector<std::set<std::pair<int, int>>> cell;
        for (const auto& [o1, i1, o2, i2] : {n2, n3, n4}) cell.push_back({{i1, o1}, {i2, o2}});
        distinct.insert(cell);
      }
  std::uint64_t formula = 1;
  for (int k = 2; k <= 4; ++k) formula *= static_cast<std::uint64_t>(k * (k - 1) / 2) * kOps * kOps;
  EXPECT_EQ(distinct.size(), formula);
  EXPECT_EQ(formula, 1u * 4 * 3 * 4 * 6 * 4);
}

TEST(DartsSpace, PublishedGenotypesParseAsWrittenAndRoundTrip) {
  const DartsSpace s;
  std::set<Architecture> seen;
  for (const auto& [name, text] : published()) {
    SCOPED_TRACE(name);
    const Architecture arch = s.parse(text);
    const std::string formatted = s.format(arch);
    EXPECT_EQ(s.parse(formatted), arch);
    EXPECT_EQ(s.format(s.parse(formatted)), formatted);
    EXPECT_EQ(meaning(formatted), meaning(text)) << formatted;  // same edges per node, only reordered
    seen.insert(arch);
  }
  EXPECT_EQ(seen.size(), published().size());
  // DARTS_V2 lists node 4's edges higher input first; the canonical form puts the lower first.
  EXPECT_EQ(s.format(s.parse(published().at("DARTS_V2"))),
            "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ('sep_conv_3x3', 0), ('sep_conv_3x3', 1), "
            "('skip_connect', 0), ('sep_conv_3x3', 1), ('skip_connect', 0), ('dil_conv_3x3', 2)], "
            "normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 1), "
            "('skip_connect', 2), ('max_pool_3x3', 0), ('skip_connect', 2), ('max_pool_3x3', 1), ('skip_connect', 2)], "
            "reduce_concat=[2, 3, 4, 5])");
  // Layout does not matter: line breaks, double quotes, no `Genotype` prefix.
  std::string loose = published().at("PDARTS");
  std::replace(loose.begin(), loose.end(), '\'', '"');
  loose.replace(loose.find("), ("), 4, "),\n        (");
  EXPECT_EQ(s.parse(loose.substr(8)), s.parse(published().at("PDARTS")));
}

TEST(DartsSpace, EveryArchitectureIsADistinctGenotype) {
  const DartsSpace s;
  std::mt19937_64 rng(5);
  std::set<std::string> texts;
  for (int i = 0; i < 2000; ++i) {
    const Architecture arch = sample_uniform(s, rng);
    EXPECT_TRUE(s.is_valid(arch));
    const std::string text = s.format(arch);
    EXPECT_EQ(s.parse(text), arch);
    texts.insert(text);
  }
  EXPECT_EQ(texts.size(), 2000u);
  // One node exhaustively: all 5 * 4 * 49 ordered edge pairs of node 5 give
  // its 10 * 49 choices, each a genotype with those edges.
  const std::string base = published().at("DARTS_V2");
  const std::size_t node5 = base.find("('skip_connect', 0), ('dil_conv_3x3', 2)");
  std::set<std::tuple<int, int, int>> node5_choices;
  for (int o1 = 0; o1 < 7; ++o1)
    for (int i1 = 0; i1 < 5; ++i1)
      for (int o2 = 0; o2 < 7; ++o2)
        for (int i2 = 0; i2 < 5; ++i2) {
          if (i1 == i2) continue;
          std::string text = base;
          text.replace(node5, 40, "('" + s.choices(1)[o1] + "', " + std::to_string(i1) + "), ('" + s.choices(1)[o2] +
                                      "', " + std::to_string(i2) + ")");
          const Architecture arch = s.parse(text);
          node5_choices.insert({arch[9], arch[10], arch[11]});
          EXPECT_EQ(meaning(s.format(arch)), meaning(text));
        }
  EXPECT_EQ(node5_choices.size(), 490u);
}

TEST(DartsSpace, BadGenotypesNameThePosition) {
  const DartsSpace s;
  const std::string v2 = published().at("DARTS_V2");
  auto message = [&](std::string text) {
    try {
      s.parse(text);
    } catch (const ParseError& e) {
      return std::string(e.what());
    }
    return std::string("parsed");
  };
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = v2;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  const std::size_t input = v2.find("('dil_conv_3x3', 2)") + 17;  // the 2
  EXPECT_EQ(message(with("('dil_conv_3x3', 2)", "('dil_conv_3x3', 5)")),
            "bad darts genotype: at character " + std::to_string(input) +
                " expected an input node below 5 (normal node 5 reads nodes 0..4), found '5)], normal_concat=[2, "
                "3...'");
  EXPECT_NE(message(with("('sep_conv_3x3', 1), ('sep_conv_3x3', 0)", "('sep_conv_3x3', 1), ('sep_conv_3x3', 1)"))
                .find("an input other than 1 (normal node 3 takes each predecessor at most once)"),
            std::string::npos);
  EXPECT_NE(message(with("'dil_conv_3x3'", "'sep_conv_7x7'")).find("expected one of max_pool_3x3, "),
            std::string::npos);
  EXPECT_NE(message(with("'dil_conv_3x3'", "'none'")).find("a derived DARTS cell has no `none` edge"),
            std::string::npos);
  EXPECT_NE(message(with("normal_concat=[2, 3, 4, 5]", "normal_concat=[2, 3, 4]")).find("for normal_concat"),
            std::string::npos);
  EXPECT_NE(message(with("reduce_concat=[2, 3, 4, 5]", "reduce_concat=range(2, 5)")).find("for reduce_concat"),
            std::string::npos);
  EXPECT_NE(message(v2 + " x").find("expected the end of the text"), std::string::npos);
  EXPECT_NE(message(v2.substr(0, 100)).find("at character 100"), std::string::npos);
  EXPECT_NE(message(with("('dil_conv_3x3', 2)]", "('dil_conv_3x3', 2), ('skip_connect', 0)]"))
                .find("expected ']' after the 8 edges of the normal cell"),
            std::string::npos);
  EXPECT_NE(message("").find("at character 0 expected '(' opening the genotype, found the end of the text"),
            std::string::npos);
}

TEST(DartsSpace, FairStepsAreAsWideAsTheOperations) {
  const DartsSpace s;
  EXPECT_EQ(widest_decision(s), 10);
  EXPECT_EQ(fairness_width(s), 7);
  ChoiceMask alive = s.full_mask();
  alive[1] = {true, true, false, false, false, false, false};
  for (int d = 0; d < 24; ++d) {
    if (s.paces_fairness(d) && d != 1) alive[d][6] = alive[d][5] = false;
  }
  EXPECT_EQ(fairness_width(s, alive), 5);
  EXPECT_EQ(fairness_width(*make_search_space("nb201")), 5);
  EXPECT_EQ(fairness_width(*make_search_space("chain")), 4);
}

}  // namespace
}  // namespace prpnas::space
