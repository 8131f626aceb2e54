// `prpnas space info|enumerate|sample|check`: look at a search space and its
// architecture strings. `space costs` lives in space_costs_command.cc: it
// builds networks, so only prpnas-torch adds it.
#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <memory>
#include <optional>

#include "prpnas/cli/commands.h"
#include "prpnas/run/space_listing.h"
#include "prpnas/space/architecture_file.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"
#include "prpnas/util/number_text.h"
#include "prpnas/util/printable.h"

namespace prpnas::cli {

namespace {

struct SpaceOptions {
  std::string space = "nb201", input, count, seed = "0", mix;
  bool valid_only = false, unique = false;
};

// CLI11 2.1 reads integers with strtoull in base 0: "010" is octal, "-1"
// wraps and 2^64 saturates without a word. Read counts and seeds here instead:
// decimal digits only.
// Surrounding spaces are ignored, as by the number rule (util/number_text.h).
std::uint64_t parse_count(const std::string& given, const char* option) {
  const std::string_view text = without_blanks(given);
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw ConfigError(std::string(option) + ": " + echoed(text) + " is not a whole number from 0 to " +
                      std::to_string(std::numeric_limits<std::uint64_t>::max()));
  }
  return value;
}

CLI::App* add_space_subcommand(CLI::App* space, const char* name, const char* help, SpaceOptions& o) {
  CLI::App* sub = space->add_subcommand(name, help);
  sub->add_option("--space", o.space, "search space (known: nb201, chain, darts, proxyless, mobilenetv2, ofa)")->capture_default_str();
  return sub;
}

void add_valid_only_flag(CLI::App* sub, SpaceOptions& o) {
  sub->add_flag("--valid-only", o.valid_only, "skip degenerate architectures (NB201: output cut off from input)");
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
  const run::SpaceCounts counts = run::count_space(*s);
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
  run::enumerate_architectures(*s, o.valid_only,
                               [&](const space::Architecture& a) { fmt::print("{}\n", s->format(a)); });
}

void run_sample(const SpaceOptions& o) {
  const auto s = space::make_search_space(o.space);
  run::SampleRequest request;
  request.count = parse_count(o.count, "-n");
  request.seed = parse_count(o.seed, "--seed");
  request.skip_degenerate = o.valid_only;
  request.unique = o.unique;
  if (!o.mix.empty()) {
    const std::optional<double> mix = parse_decimal(o.mix);
    if (!mix || *mix <= 0) throw ConfigError("--mix: " + echoed(o.mix) + " is not a number above 0 (try 0.3)");
    request.mix = *mix;
  }
  run::sample_architectures(*s, request, [&](const space::Architecture& a) { fmt::print("{}\n", s->format(a)); });
}

void run_check(const SpaceOptions& o) {
  const auto s = space::make_search_space(o.space);
  const auto archs = space::read_architecture_file(o.input, *s);
  const auto degenerate = std::count_if(archs.begin(), archs.end(), [&](const auto& a) { return s->is_degenerate(a); });
  const std::size_t checked = archs.size();
  fmt::print("{} architectures OK ({} degenerate)\n", checked, degenerate);
}

}  // namespace

CLI::App* add_space_command(CLI::App& app) {
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
      add_space_subcommand(space, "sample", "random architecture strings (uniform, or mixed with --mix), one per line", *o);
  sample->add_option("-n,--count", o->count, "number of architectures")->required()->type_name("N");
  sample->add_option("--seed", o->seed, "random seed; the same seed gives the same lines")
      ->capture_default_str()
      ->type_name("S");
  add_valid_only_flag(sample, *o);
  sample->add_flag("--unique", o->unique, "draw without replacement (no line twice)");
  sample->add_option("--mix", o->mix,
                     "instead of uniformly, draw each architecture's own operation mix first (symmetric Dirichlet of "
                     "this concentration over operation names), so that the sample spans light to heavy networks; "
                     "smaller is more extreme")
      ->type_name("A");
  sample->callback([o] { run_sample(*o); });

  CLI::App* check = add_space_subcommand(
      space, "check", "validate a file of architecture strings, one per line (blank lines skipped)", *o);
  check->add_option("--input", o->input, "text file")->required();
  check->callback([o] { run_check(*o); });
  return space;
}

}  // namespace prpnas::cli
