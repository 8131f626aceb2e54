#include "prpnas/space/nb201_space.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "prpnas/space/enumeration.h"
#include "prpnas/space/sampling.h"
#include "prpnas/util/csv.h"
#include "prpnas/util/error.h"

namespace prpnas::space {
namespace {

const std::string kAllNone = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

TEST(Nb201Space, DecisionsAndChoices) {
  const Nb201Space s;
  EXPECT_EQ(s.name(), "nb201");
  ASSERT_EQ(s.num_decisions(), 6);
  EXPECT_EQ(Enumeration(s).size(), 15625u);
  const std::vector<std::string> ops = {"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"};
  const int edges[6][2] = {{0, 1}, {0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}};
  for (int d = 0; d < 6; ++d) {
    EXPECT_EQ(s.choices(d), ops);
    EXPECT_EQ(Nb201Space::edge(d).from, edges[d][0]);
    EXPECT_EQ(Nb201Space::edge(d).to, edges[d][1]);
    EXPECT_EQ(s.decision_name(d), "edge " + std::to_string(edges[d][0]) + "->" + std::to_string(edges[d][1]));
  }
  EXPECT_EQ(ops[Nb201Space::kNone], "none");
  EXPECT_EQ(ops[Nb201Space::kSkipConnect], "skip_connect");
  EXPECT_EQ(ops[Nb201Space::kConv1x1], "nor_conv_1x1");
  EXPECT_EQ(ops[Nb201Space::kConv3x3], "nor_conv_3x3");
  EXPECT_EQ(ops[Nb201Space::kAvgPool3x3], "avg_pool_3x3");
}

TEST(Nb201Space, EdgeOfEachDecisionMatchesItsPlaceInTheString) {
  // Put one skip_connect on decision d; where it lands in the string (group =
  // target node, ~j = source node) must be edge(d).
  const Nb201Space s;
  for (int d = 0; d < 6; ++d) {
    Architecture arch(6, Nb201Space::kNone);
    arch[d] = Nb201Space::kSkipConnect;
    const std::string text = s.format(arch);
    const std::size_t at = text.find("skip_connect~");
    ASSERT_NE(at, std::string::npos) << text;
    int to = 1;
    for (std::size_t i = 0; i < at; ++i) to += text[i] == '+';
    EXPECT_EQ(Nb201Space::edge(d).to, to) << text;
    EXPECT_EQ(Nb201Space::edge(d).from, text[at + 13] - '0') << text;
  }
}

TEST(Nb201Space, KnownStrings) {
  const Nb201Space s;
  const Enumeration e(s);
  EXPECT_EQ(s.format(e.at(0)), kAllNone);
  EXPECT_EQ(e.index(s.parse("|skip_connect~0|+|none~0|none~1|+|none~0|none~1|none~2|")), 3125u);
  EXPECT_EQ(e.index(s.parse("|none~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|")), 1u);
  EXPECT_EQ(s.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|"),
            (Architecture{3, 3, 4, 1, 2, 1}));
  EXPECT_EQ(s.format(e.at(15624)),
            "|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|");
  EXPECT_THROW(s.format({0, 0, 0, 0, 0}), ParseError);
  EXPECT_THROW(s.format({0, 0, 0, 0, 0, 5}), ParseError);
}

TEST(Nb201Space, EveryArchitectureRoundTrips) {
  const Nb201Space s;
  const Enumeration e(s);
  std::set<std::string> texts;
  for (std::uint64_t i = 0; i < e.size(); ++i) {
    const Architecture arch = e.at(i);
    ASSERT_EQ(e.index(arch), i);
    ASSERT_TRUE(s.is_valid(arch));  // NB201 allows every combination
    const std::string text = s.format(arch);
    ASSERT_EQ(s.parse(text), arch) << text;
    texts.insert(text);
  }
  EXPECT_EQ(texts.size(), 15625u);
}

TEST(Nb201Space, ShippedTableStringsRoundTrip) {
  const Nb201Space s;
  const CsvTable table = read_csv(std::string(PRPNAS_SOURCE_DIR) + "/data/nb201.csv.gz");
  ASSERT_EQ(table.rows.size(), 15625u);
  const std::size_t column = table.column("arch");
  const Enumeration e(s);
  std::set<std::uint64_t> indices;
  for (const auto& row : table.rows) {
    const std::string& text = row[column];
    ASSERT_EQ(s.format(s.parse(text)), text);
    indices.insert(e.index(s.parse(text)));
  }
  EXPECT_EQ(indices.size(), 15625u);  // every architecture once
}

// Independent of is_degenerate: the four paths from node 0 to node 3, as
// decisions (0:0->1, 1:0->2, 2:1->2, 3:0->3, 4:1->3, 5:2->3).
bool has_live_path(const Architecture& arch) {
  const std::vector<std::vector<int>> paths = {{3}, {0, 4}, {1, 5}, {0, 2, 5}};
  for (const auto& path : paths) {
    bool live = true;
    for (int d : path) live = live && arch[d] != Nb201Space::kNone;
    if (live) return true;
  }
  return false;
}

TEST(Nb201Space, DegenerateCellsAreExactlyThoseCutByNone) {
  const Nb201Space s;
  const Enumeration e(s);
  int degenerate = 0;
  for (std::uint64_t i = 0; i < e.size(); ++i) {
    const Architecture arch = e.at(i);
    EXPECT_EQ(s.is_degenerate(arch), !has_live_path(arch)) << s.format(arch);
    degenerate += s.is_degenerate(arch);
  }
  EXPECT_EQ(degenerate, 341);  // data/README.md
  EXPECT_TRUE(s.is_degenerate(s.parse(kAllNone)));
  EXPECT_TRUE(s.is_valid(s.parse(kAllNone)));  // degenerate, yet a legal NB201 cell
  EXPECT_FALSE(s.is_degenerate(s.parse("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|")));
  // Node 2 is fed only by node 1, which is cut off.
  EXPECT_TRUE(s.is_degenerate(s.parse("|none~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|skip_connect~2|")));
  EXPECT_FALSE(s.is_degenerate(s.parse("|avg_pool_3x3~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|skip_connect~2|")));
}

TEST(Nb201Space, DegenerateCellsDidNotCompileOnTheEdgeTpu) {
  // HW-NAS-Bench marks them -1 (data/README.md): independent evidence that
  // is_degenerate finds the cells the benchmark authors found broken.
  const Nb201Space s;
  const CsvTable table = read_csv(std::string(PRPNAS_SOURCE_DIR) + "/data/hwnasbench_nb201.csv.gz");
  const std::size_t arch = table.column("arch");
  const std::vector<double> latency = table.numbers("c10_edgetpu_latency");
  int degenerate = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (!s.is_degenerate(s.parse(table.rows[r][arch]))) continue;
    ++degenerate;
    EXPECT_EQ(latency[r], -1.0) << table.rows[r][arch];
  }
  EXPECT_EQ(degenerate, 341);
}

struct BadString {
  std::string text;
  int position;
  std::string expected;  // part of the message after "at character N "
};

TEST(Nb201Space, RejectsBadStringsNamingThePosition) {
  const std::string ops = "expected one of none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3";
  const std::vector<BadString> cases = {
      // empty, stray characters
      {"", 0, "expected '|', found the end of the text"},
      {" " + kAllNone, 0, "expected '|', found ' |...'"},
      {kAllNone + " ", 47, "expected the end of the text (node 3 is the last node), found ' '"},
      {kAllNone + "\n", 47, "expected the end of the text"},
      {"x" + kAllNone, 0, "expected '|'"},
      // unknown op
      {"|nor_conv_3x3~0|+|conv_3x3~0|none~1|+|none~0|none~1|none~2|", 18, ops + ", found 'conv_3x3~0|...'"},
      {"|None~0|+|none~0|none~1|+|none~0|none~1|none~2|", 1, ops + ", found 'None~0|...'"},
      {"|~0|+|none~0|none~1|+|none~0|none~1|none~2|", 1, ops + ", found '~0|...'"},
      {"|none~0|+|none~0|none~1|+|none~0|none~1|avg_pool_3x3x~2|", 40, ops + ", found 'avg_pool_3x3x~2|'"},
      // wrong or missing input index
      {"|none~2|+|none~0|none~1|+|none~0|none~1|none~2|", 6,
       "expected '0' (the input node of edge 0->1), found '2|...'"},
      {"|none~x|+|none~0|none~1|+|none~0|none~1|none~2|", 6, "expected '0' (the input node of edge 0->1), found 'x|...'"},
      {"|none~|+|none~0|none~1|+|none~0|none~1|none~2|", 6, "expected '0' (the input node of edge 0->1), found '|+...'"},
      {"|none~0|+|none~0|none~1|+|none~0|none~2|none~2|", 38, "expected '1' (the input node of edge 1->3)"},
      {"|none~0|+|none~1|none~0|+|none~0|none~1|none~2|", 15, "expected '0' (the input node of edge 0->2)"},
      {"|none~00|+|none~0|none~1|+|none~0|none~1|none~2|", 7, "expected '|', found '0|...'"},
      {"|none|+|none~0|none~1|+|none~0|none~1|none~2|", 5, "expected '~', found '|+...'"},
      // wrong number of nodes or edges
      {"|none~0|+|none~0|none~1|", 24, "expected '+' (node 2 has 2 edges), found the end of the text"},
      {"|none~0|", 8, "expected '+' (node 1 has 1 edge), found the end of the text"},
      {kAllNone + "+|none~0|", 47, "expected the end of the text (node 3 is the last node), found '+|...'"},
      {"|none~0|none~1|+|none~0|none~1|+|none~0|none~1|none~2|", 8, "expected '+' (node 1 has 1 edge), found 'none~1|...'"},
      {"|none~0|+|none~0|+|none~0|none~1|none~2|", 17, ops + ", found '+|...'"},
      {"|none~0|+|none~0|none~1|+|none~0|none~1|", 40, ops + ", found the end of the text"},
      // missing separators
      {"none~0|+|none~0|none~1|+|none~0|none~1|none~2|", 0, "expected '|', found 'none~0|...'"},
      {"|none~0||none~0|none~1|+|none~0|none~1|none~2|", 8, "expected '+' (node 1 has 1 edge), found '|none~0|...'"},
      {"|none~0|+none~0|none~1|+|none~0|none~1|none~2|", 9, "expected '|', found 'none~0|...'"},
      {"|none~0|+|none~0none~1|+|none~0|none~1|none~2|", 16, "expected '|', found 'none~1|...'"},
      {"|none~0|+|none~0|none~1|+|none~0|none~1|none~2", 46, "expected '|', found the end of the text"},
  };
  const Nb201Space s;
  for (const BadString& c : cases) {
    try {
      s.parse(c.text);
      ADD_FAILURE() << "accepted '" << c.text << "'";
    } catch (const ParseError& e) {
      const std::string message = e.what();
      std::string shown = c.text;  // as the message echoes it: control bytes as \xNN
      if (const std::size_t newline = shown.find('\n'); newline != std::string::npos) shown.replace(newline, 1, "\\x0a");
      const std::string want =
          "bad nb201 architecture '" + shown + "': at character " + std::to_string(c.position) + " " + c.expected;
      EXPECT_EQ(message.substr(0, want.size()), want) << c.text;
    }
  }
}

TEST(Nb201Space, SampleIsDeterministicAndUniform) {
  const Nb201Space s;
  std::mt19937_64 a(42), b(42), c(43);
  std::vector<Architecture> first, same, other;
  for (int i = 0; i < 100; ++i) {
    first.push_back(sample_uniform(s, a));
    same.push_back(sample_uniform(s, b));
    other.push_back(sample_uniform(s, c));
  }
  EXPECT_EQ(first, same);
  EXPECT_NE(first, other);

  // Chi-square of choice counts per decision (4 degrees of freedom, mean 4)
  // and of whole architectures (15,624 degrees, sd ~177): generous bounds
  // that a uniform sampler fails with probability far below 1e-6.
  constexpr int kSamples = 50000;
  std::mt19937_64 rng(2024);
  std::vector<std::vector<int>> counts(6, std::vector<int>(5, 0));
  const Enumeration e(s);
  std::vector<int> per_arch(e.size(), 0);
  for (int i = 0; i < kSamples; ++i) {
    const Architecture arch = sample_uniform(s, rng);
    for (int d = 0; d < 6; ++d) ++counts[d][arch[d]];
    ++per_arch[e.index(arch)];
  }
  for (int d = 0; d < 6; ++d) {
    double chi2 = 0;
    for (int n : counts[d]) chi2 += (n - kSamples / 5.0) * (n - kSamples / 5.0) / (kSamples / 5.0);
    EXPECT_LT(chi2, 35.0) << "decision " << d;
  }
  const double expected = double(kSamples) / e.size();
  double chi2 = 0;
  for (int n : per_arch) chi2 += (n - expected) * (n - expected) / expected;
  EXPECT_LT(chi2, 15624 + 8 * 177.0);
  EXPECT_GT(chi2, 15624 - 8 * 177.0);
}

}  // namespace
}  // namespace prpnas::space
