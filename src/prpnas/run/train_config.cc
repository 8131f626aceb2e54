#include "prpnas/run/train_config.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>
#include <sstream>
#include <variant>
#include <vector>

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "prpnas/nn/device.h"
#include "prpnas/pareto/objective.h"
#include "prpnas/space/search_space.h"
#include "prpnas/util/error.h"
#include "prpnas/util/input_file.h"
#include "prpnas/util/thread_count.h"

namespace prpnas::run {
namespace {

using Target = std::variant<bool*, int*, int64_t*, uint64_t*, double*, std::string*, std::vector<std::string>*>;

struct Field {
  std::string key;  // "section.name" or "name"
  Target target;
};

// One list drives reading, checking unknown keys and writing back.
std::vector<Field> fields(TrainConfig& c) {
  train::TrainingOptions& t = c.training;
  return {
      {"method", &c.method},
      {"seed", &t.seed},
      {"objectives", &c.objectives},
      {"threads", &c.threads},
      {"device", &c.device},
      {"network.space", &c.space},
      {"network.preset", &c.preset},
      {"data.dataset", &c.data.spec},
      {"data.valid_size", &c.data.valid_size},
      {"data.train_limit", &c.data.train_limit},
      {"data.valid_limit", &c.data.valid_limit},
      {"data.seed", &c.data.seed},
      {"training.batch_size", &t.batch_size},
      {"training.budget_images", &t.budget_images},
      {"training.fairness_share", &t.fairness_share},
      {"training.learning_rate", &t.sgd.learning_rate},
      {"training.momentum", &t.sgd.momentum},
      {"training.weight_decay", &t.sgd.weight_decay},
      {"alpha.samples", &t.alpha.samples},
      {"alpha.top_n", &t.alpha.top_n},
      {"alpha.margin", &t.alpha.margin},
      {"alpha.hinge_weight", &t.alpha.hinge_weight},
      {"alpha.listnet_weight", &t.alpha.listnet_weight},
      {"alpha.learning_rate", &t.alpha.learning_rate},
      {"alpha.temperature", &t.alpha.temperature},
      {"ranking.pool", &t.rank_pool},
      {"ranking.degenerate", &t.pool_degenerate},
      {"ranking.table", &c.rank_table},
      {"pruning.every", &t.prune_every},
      {"pruning.worst_fraction", &t.prune_worst_fraction},
      {"evaluation.recalibration_batches", &t.evaluation.recalibration_batches},
      {"evaluation.batch_size", &t.evaluation.batch_size},
      {"evaluation.valid_images", &t.evaluation.valid_images},
      {"evaluation.every", &t.evaluate_every},
      {"evaluation.final_sample", &t.final_sample},
      {"evaluation.final_candidates", &t.final_candidates},
      {"evaluation.truth", &c.truth},
      {"evaluation.truth_limit", &c.truth_limit},
      {"evaluation.lut", &c.lut},
      {"evaluation.lut_network", &c.lut_network},
      {"front.fix_probability", &t.front.fix_probability},
      {"front.keep_ratio", &t.front.keep_ratio},
      {"front.max_candidates", &t.front.max_candidates},
      {"checkpoint.every", &t.checkpoint_every},
  };
}

template <typename Int>
void read_integer(const toml::node& node, Int* out, const std::string& where) {
  const auto value = node.value_exact<int64_t>();
  if (!value || (std::is_unsigned_v<Int> && *value < 0) ||
      *value != static_cast<int64_t>(static_cast<Int>(*value))) {
    throw ConfigError(fmt::format("{} must be an integer in range", where));
  }
  *out = static_cast<Int>(*value);
}

void read_field(const toml::node& node, const Target& target, const std::string& where) {
  std::visit(
      [&](auto* out) {
        using T = std::remove_pointer_t<decltype(out)>;
        if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          const toml::array* array = node.as_array();
          if (!array) throw ConfigError(fmt::format("{} must be a list of strings", where));
          out->clear();
          for (const auto& item : *array) {
            const auto value = item.value_exact<std::string>();
            if (!value) throw ConfigError(fmt::format("{} must be a list of strings", where));
            out->push_back(*value);
          }
        } else if constexpr (std::is_same_v<T, std::string>) {
          const auto value = node.value_exact<std::string>();
          if (!value) throw ConfigError(fmt::format("{} must be a string", where));
          *out = *value;
        } else if constexpr (std::is_same_v<T, bool>) {
          const auto value = node.value_exact<bool>();
          if (!value) throw ConfigError(fmt::format("{} must be true or false", where));
          *out = *value;
        } else if constexpr (std::is_same_v<T, double>) {
          const auto value = node.value<double>();  // integers are fine too
          if (!value) throw ConfigError(fmt::format("{} must be a number", where));
          *out = *value;
        } else {
          read_integer(node, out, where);
        }
      },
      target);
}

// Keys of the file no field reads, "section.name".
void check_known(const toml::table& root, const std::set<std::string>& known, const std::string& path) {
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (const toml::table* section = node.as_table()) {
      for (const auto& [inner, unused] : *section) {
        const std::string full = name + "." + std::string(inner.str());
        if (!known.count(full)) {
          throw ConfigError(fmt::format("{}:{}: unknown key '{}'; docs/CLI.md lists the keys", path,
                                        inner.source().begin.line, full));
        }
      }
    } else if (!known.count(name)) {
      throw ConfigError(fmt::format("{}:{}: unknown key '{}'; docs/CLI.md lists the keys", path,
                                    key.source().begin.line, name));
    }
  }
}

// accuracy:max first, then known costs, each minimised, none twice.
void check_objectives(const std::vector<std::string>& objectives, const std::string& path) {
  const std::string where = fmt::format("{}: objectives", path.empty() ? "config" : path);
  if (objectives.size() < 2 || objectives[0] != "accuracy:max") {
    throw ConfigError(fmt::format("{} must start with \"accuracy:max\" and list at least one cost, e.g. "
                                  "[\"accuracy:max\", \"latency_ms:min\"]",
                                  where));
  }
  std::set<std::string> seen;
  for (std::size_t i = 1; i < objectives.size(); ++i) {
    const pareto::Objective o = pareto::parse_objective(objectives[i]);
    if (std::find(kKnownCosts.begin(), kKnownCosts.end(), o.name) == kKnownCosts.end() ||
        o.sense != pareto::Sense::kMinimize || !seen.insert(o.name).second) {
      throw ConfigError(fmt::format("{}: '{}' is not a cost to minimise, or is listed twice; costs: {}:min", where,
                                    objectives[i], fmt::join(kKnownCosts, ":min, ")));
    }
  }
}

}  // namespace

TrainConfig read_train_config(const std::string& path, const std::string& method, const std::string& space,
                              const std::string& device) {
  TrainConfig config;
  if (!path.empty()) {
    check_input_file(path, "give --config a TOML file (configs/default.toml is the default)");
    toml::table root;
    try {
      root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
      throw ConfigError(fmt::format("{}:{}: {}; fix the TOML syntax", path, e.source().begin.line, e.description()));
    }
    std::set<std::string> known;
    for (const Field& f : fields(config)) {
      known.insert(f.key);
      const toml::node_view<toml::node> node = root.at_path(f.key);
      if (!node) continue;
      read_field(*node.node(), f.target,
                 fmt::format("{}:{}: {}", path, node.node()->source().begin.line, f.key));
    }
    check_known(root, known, path);
  }
  if (!method.empty()) config.method = method;
  if (!space.empty()) config.space = space;
  if (!device.empty()) config.device = device;
  config.training.device =
      nn::parse_device(config.device, !device.empty() ? "--device" : path.empty() ? "device" : path + ": device");
  config.training.method = train::parse_method(config.method);
  config.training.evaluation.seed = config.training.seed;
  check_thread_count(config.threads, "threads");
  if (config.truth_limit < 0) {
    throw ConfigError(fmt::format("evaluation.truth_limit = {} must be >= 0 (0 = all)", config.truth_limit));
  }
  if (config.lut_network != "run" && config.lut_network != "space") {
    throw ConfigError(fmt::format("evaluation.lut_network must be \"run\" or \"space\", not \"{}\"",
                                  config.lut_network));
  }
  config.training.check();
  check_objectives(config.objectives, path);
  space::make_search_space(config.space);  // ConfigError naming the known spaces
  return config;
}

std::string effective_config(const TrainConfig& config) {
  TrainConfig copy = config;
  toml::table root;
  for (const Field& f : fields(copy)) {
    const std::size_t dot = f.key.find('.');
    toml::table* table = &root;
    std::string name = f.key;
    if (dot != std::string::npos) {
      const std::string section = f.key.substr(0, dot);
      if (!root.contains(section)) root.insert(section, toml::table{});
      table = root[section].as_table();
      name = f.key.substr(dot + 1);
    }
    std::visit(
        [&](auto* value) {
          using T = std::remove_pointer_t<decltype(value)>;
          if constexpr (std::is_same_v<T, uint64_t>) {
            table->insert(name, static_cast<int64_t>(*value));
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            toml::array array;
            for (const std::string& item : *value) array.push_back(item);
            table->insert(name, std::move(array));
          } else {
            table->insert(name, *value);
          }
        },
        f.target);
  }
  std::ostringstream out;
  out << "# the effective configuration of this run (every field; prpnas train compares it on resume)\n"
      << root << "\n";
  return out.str();
}

}  // namespace prpnas::run
