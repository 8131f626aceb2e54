#include "prpnas/cli/number_options.h"

#include <fmt/core.h>

#include <string>

#include "prpnas/util/number_text.h"
#include "prpnas/util/printable.h"

namespace prpnas::cli {
namespace {

CLI::Validator number_rule(const std::string& type) {
  return CLI::Validator(
      [type](std::string& text) -> std::string {
        if (type == "FLOAT") {
          if (parse_decimal(text)) {
            text = std::string(without_blanks(text));
            return "";
          }
          return echoed(text) + " is not a finite decimal number (e.g. 0.5, 1e-3; docs/FORMATS.md, numbers)";
        }
        const std::optional<int64_t> value = parse_whole(text);
        if (value && (type == "INT" || *value >= 0)) {
          text = std::string(without_blanks(text));
          return "";
        }
        return fmt::format("{} is not a whole number{} in decimal digits (docs/FORMATS.md, numbers)", echoed(text),
                           type == "UINT" ? " >= 0" : "");
      },
      "", "number rule");
}

}  // namespace

void apply_number_rule(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    // "INT", or "INT:..." after other checks' descriptions.
    const std::string full = option->get_type_name();
    const std::string type = full.substr(0, full.find(':'));
    if (type == "INT" || type == "UINT" || type == "FLOAT") option->check(number_rule(type));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) apply_number_rule(*sub);
}

CLI::Validator at_least(double minimum) {
  return CLI::Validator(
      [minimum](std::string& text) -> std::string {
        const std::optional<double> value = parse_decimal(text);
        if (value && *value >= minimum) return "";
        return fmt::format("{} must be at least {}", echoed(text), minimum);
      },
      fmt::format("NUMBER >= {}", minimum), "at least");
}

}  // namespace prpnas::cli
