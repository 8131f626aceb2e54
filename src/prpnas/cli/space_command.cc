// `prpnas space info|enumerate|sample|check`: look at a search space and its
// architecture strings. `space costs` lives in space_costs_command.cc.
#include <fmt/core.h>

#include <charconv>
#include <algorithm>
#include <limits>
#include <memory>
#include <random>
#include <set>

#include "prpnas/cli/commands.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/enumeration.h"
#include "prpnas/space/sampling.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"

namespace prpnas::cli {

namespace {

struct SpaceOptions {
  std::string space = "nb201", input, count, seed = "0";
  bool valid_only = false, unique = false;
};

// CLI11 2.1 reads integers with strtoull in base 0: "010" is octal, "-1"
// wraps and 2^64 saturates without a word. Read counts and seeds here instead:
// decimal digits only.
std::uint64_t parse_whole(const std::string& text, const char* option) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw ConfigError(std::string(option) + ": '" + text + "' is not a whole number from 0 to " +
                      std::to_string(std::numeric_limits<std::uint64_t>::max()));
  }
  return value;
}

CLI::App* add_space_subcommand(CLI::App* space, const char* name, const char* help, SpaceOptions& o) {
  CLI::App* sub = space->add_subcommand(name, help);
  sub->add_option("--space", o.space, "search space (known: nb201, chain)")->capture_default_str();
  return sub;
}

void add_valid_only_flag(CLI::App* sub, SpaceOptions& o) {
  sub->add_flag("--valid-only", o.valid_only, "skip degenerate architectures (NB201: output cut off from input)");
}

// "Valid" on the command line means "not degenerate" (the flag predates the
// space's own validity rule); combinations a space does not allow are never
// listed, drawn or counted as architectures.
struct SpaceCounts {
  std::uint64_t combinations = 0, allowed = 0, degenerate = 0;
};

// Walks the whole space; fine for NB201's 15,625 architectures.
SpaceCounts count_space(const space::SearchSpace& s) {
  const space::Enumeration all(s);
  SpaceCounts counts{all.size(), 0, 0};
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const space::Architecture arch = all.at(i);
    if (!s.is_valid(arch)) continue;
    ++counts.allowed;
    counts.degenerate += s.is_degenerate(arch) ? 1 : 0;
  }
  return counts;
}

void run_info(const SpaceOptions& o) {
  const auto s = space::make_search_space(o.space);
  fmt::print("space: {}\n", s->name());
  fmt::print("decisions: {}\n", s->num_decisions());
  for (int d = 0; d < s->num_decisions(); ++d) {
    std::string choices;
    for (const std::string& c : s->choices(d)) choices += (choices.empty() ? "" : " ") + c;
    fmt::print("  {} {}: {}\n", d, s->decision_name(d), choices);
  }
  const SpaceCounts counts = count_space(*s);
  if (counts.allowed == counts.combinations) {
    fmt::print("architectures: {}\n", counts.allowed);
  } else {
    fmt::print("architectures: {} (of {} combinations; the other {} break the space's rule)\n", counts.allowed,
               counts.combinations, counts.combinations - counts.allowed);
  }
  fmt::print("valid: {} ({} degenerate)\n", counts.allowed - counts.degenerate, counts.degenerate);
}

void run_enumerate(const SpaceOptions& o) {
  const auto s = space::make_search_space(o.space);
  const space::Enumeration all(*s);
  for (std::uint64_t i = 0; i < all.size(); ++i) {
    const space::Architecture arch = all.at(i);
    if (s->is_valid(arch) && !(o.valid_only && s->is_degenerate(arch))) fmt::print("{}\n", s->format(arch));
  }
}

void run_sample(const SpaceOptions& o) {
  const auto s = space::make_search_space(o.space);
  const std::uint64_t wanted = parse_whole(o.count, "-n");
  if (o.unique) {
    const SpaceCounts counts = count_space(*s);
    const std::uint64_t available = counts.allowed - (o.valid_only ? counts.degenerate : 0);
    if (wanted > available) {
      throw ConfigError("cannot draw " + std::to_string(wanted) + " unique architectures: space '" +
                        std::string(s->name()) + "' has only " + std::to_string(available) +
                        (o.valid_only ? " valid ones" : "") + "; lower -n or drop --unique");
    }
  }
  // Rejection keeps each draw uniform over what is allowed; even drawing the
  // whole of NB201 uniquely takes only about 15,625 * ln(15,625) tries.
  std::mt19937_64 rng(parse_whole(o.seed, "--seed"));
  std::set<space::Architecture> seen;
  for (std::uint64_t drawn = 0; drawn < wanted;) {
    const space::Architecture arch = space::sample_uniform(*s, rng);
    if (o.valid_only && s->is_degenerate(arch)) continue;
    if (o.unique && !seen.insert(arch).second) continue;
    fmt::print("{}\n", s->format(arch));
    ++drawn;
  }
}

void run_check(const SpaceOptions& o) {
  const auto s = space::make_search_space(o.space);
  const auto archs = space::read_architecture_file(o.input, *s);
  const auto degenerate = std::count_if(archs.begin(), archs.end(), [&](const auto& a) { return s->is_degenerate(a); });
  const std::size_t checked = archs.size();
  fmt::print("{} architectures OK ({} degenerate)\n", checked, degenerate);
}

}  // namespace

void add_space_command(CLI::App& app) {
  CLI::App* space = app.add_subcommand("space", "search spaces and their architecture strings");
  space->require_subcommand(1);
  auto o = std::make_shared<SpaceOptions>();

  CLI::App* info = add_space_subcommand(space, "info", "decisions, choices and number of architectures", *o);
  info->callback([o] { run_info(*o); });

  CLI::App* enumerate =
      add_space_subcommand(space, "enumerate", "every architecture string, one per line, in index order", *o);
  add_valid_only_flag(enumerate, *o);
  enumerate->callback([o] { run_enumerate(*o); });

  CLI::App* sample =
      add_space_subcommand(space, "sample", "uniformly random architecture strings, one per line", *o);
  sample->add_option("-n,--count", o->count, "number of architectures")->required()->type_name("N");
  sample->add_option("--seed", o->seed, "random seed; the same seed gives the same lines")
      ->capture_default_str()
      ->type_name("S");
  add_valid_only_flag(sample, *o);
  sample->add_flag("--unique", o->unique, "draw without replacement (no line twice)");
  sample->callback([o] { run_sample(*o); });

  CLI::App* check = add_space_subcommand(
      space, "check", "validate a file of architecture strings, one per line (blank lines skipped)", *o);
  check->add_option("--input", o->input, "text file")->required();
  check->callback([o] { run_check(*o); });

  add_space_costs_subcommand(*space);
}

}  // namespace prpnas::cli
