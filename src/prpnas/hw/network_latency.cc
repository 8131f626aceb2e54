#include "prpnas/hw/network_latency.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <numeric>
#include <random>

#include "prpnas/hw/op_timer.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/util/error.h"
#include "prpnas/util/progress.h"

namespace prpnas::hw {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kBurst = 3;  // timed runs per network and round in measure_latency

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

torch::Tensor random_input(const nn::NetworkSpec& spec, int batch) {
  return torch::randn({batch, spec.in_channels, spec.image_size, spec.image_size});
}

// Fisher–Yates with our own draws: the same order with every standard library.
std::vector<int> permutation(int n, std::mt19937_64& rng) {
  std::vector<int> p(n);
  std::iota(p.begin(), p.end(), 0);
  for (int i = n - 1; i > 0; --i) std::swap(p[i], p[rng() % static_cast<uint64_t>(i + 1)]);
  return p;
}

MeasurementSetup setup_for(const nn::NetworkSpec& spec, const LatencyOptions& options) {
  MeasurementSetup setup;
  setup.space = spec.space;
  setup.network = nn::network_json(spec);
  setup.batch = options.batch;
  setup.threads = torch::get_num_threads();
  setup.repeats = options.repeats;
  setup.warmup = options.warmup;
  return setup;
}

}  // namespace

void LatencyOptions::check() const {
  if (batch < 1) throw ConfigError("--batch " + std::to_string(batch) + ": needs at least 1 image");
  if (repeats < 1) throw ConfigError("--repeats " + std::to_string(repeats) + ": needs at least 1 timed run");
  if (warmup < 0) throw ConfigError("--warmup " + std::to_string(warmup) + ": cannot be negative");
}

LatencyTable measure_lut(const nn::NetworkSpec& spec, const LatencyOptions& options, std::FILE* progress) {
  options.check();
  const auto start = Clock::now();
  torch::NoGradGuard no_grad;
  const std::shared_ptr<nn::Supernet> supernet = nn::make_supernet(spec);
  const space::SearchSpace& space = supernet->space();
  const int decisions = space.num_decisions(), widest = space::widest_decision(space);
  supernet->module().eval();
  OpTimer timer(decisions, widest);
  supernet->set_observer(&timer);
  const torch::Tensor x = random_input(spec, options.batch);

  std::mt19937_64 rng(options.seed);
  std::vector<std::vector<std::vector<double>>> op_samples(decisions, std::vector<std::vector<double>>(widest));
  std::map<std::string, std::vector<double>> fixed_samples;
  const int rounds = options.warmup + options.repeats;
  Progress bar("lut", rounds, "round", progress);
  for (int round = 0; round < rounds; ++round) {
    std::vector<std::vector<int>> order(decisions);
    for (int d = 0; d < decisions; ++d) order[d] = permutation(static_cast<int>(space.choices(d).size()), rng);
    for (int k = 0; k < widest; ++k) {
      space::Architecture path(decisions);
      for (int d = 0; d < decisions; ++d) path[d] = order[d][k % order[d].size()];
      timer.reset();
      const auto t0 = Clock::now();
      supernet->forward(x, path);
      const double total = ms_since(t0);
      if (round < options.warmup) continue;
      for (int d = 0; d < decisions; ++d) op_samples[d][path[d]].push_back(timer.op_ms()[d][path[d]]);
      for (const auto& [part, ms] : timer.fixed_ms()) fixed_samples[part].push_back(ms);
      fixed_samples["other"].push_back(std::max(0.0, total - timer.total_ms()));
    }
    bar.update(round + 1);
  }
  bar.finish();
  supernet->set_observer(nullptr);

  LatencyTable table;
  table.setup = setup_for(spec, options);
  std::vector<std::string> fixed_names = timer.fixed_order();  // forward order
  fixed_names.push_back("other");
  for (const std::string& name : fixed_names) table.fixed.emplace_back(name, summarize_timings(fixed_samples[name]));
  for (int d = 0; d < decisions; ++d) {
    table.choice.emplace_back(space.choices(d).size());
    for (std::size_t c = 0; c < space.choices(d).size(); ++c) {
      // `none` adds zeros: stand-alone networks do not build it, so it costs nothing.
      if (space.choices(d)[c] != "none") table.choice[d][c] = summarize_timings(op_samples[d][c]);
    }
  }
  table.setup.seconds = ms_since(start) / 1000;
  return table;
}

MeasuredLatency measure_latency(const nn::NetworkSpec& spec, const std::vector<space::Architecture>& archs,
                                const LatencyOptions& options, std::FILE* progress) {
  options.check();
  const auto start = Clock::now();
  torch::NoGradGuard no_grad;
  std::vector<std::shared_ptr<nn::Network>> networks;
  for (const auto& arch : archs) {
    networks.push_back(nn::make_network(spec, arch));
    networks.back()->module().eval();
  }
  const torch::Tensor x = random_input(spec, options.batch);
  std::vector<std::vector<double>> samples(archs.size());
  const int rounds = options.warmup + options.repeats;
  Progress bar("latency", rounds, "round", progress);
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < networks.size(); ++i) {
      networks[i]->forward(x);  // warm this network's weights
      // The fastest of a short burst: preemption only ever adds time.
      double ms = std::numeric_limits<double>::infinity();
      for (int k = 0; k < kBurst; ++k) {
        const auto t0 = Clock::now();
        networks[i]->forward(x);
        ms = std::min(ms, ms_since(t0));
      }
      if (round >= options.warmup) samples[i].push_back(ms);
    }
    bar.update(round + 1);
  }
  bar.finish();
  MeasuredLatency result;
  result.setup = setup_for(spec, options);
  const auto space = space::make_search_space(spec.space);
  for (std::size_t i = 0; i < archs.size(); ++i) {
    result.archs.push_back(space->format(archs[i]));
    result.latency.push_back(summarize_timings(std::move(samples[i])));
  }
  result.setup.seconds = ms_since(start) / 1000;
  return result;
}

}  // namespace prpnas::hw
