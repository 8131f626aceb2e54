// prpnas's side of bench/compare_pytorch.sh: the three measurements of
// ../shared/bench/pytorch_nb201_ref.py (the NB201 supernet in Python
// PyTorch), taken on prpnas's own code at the same settings: default preset
// (C = 8, N = 1), batch 64, 2 threads, and the default config's evaluation
// (BN recalibrated on 1 batch of 250 training images, accuracy on 500
// validation images). Real Fashion-MNIST images where the peer uses random
// ones; the time of a step does not depend on the values.
//
//   Nb201SinglePathStep   one uniform path per batch         images/s
//   Nb201FairnessStep     FairNAS: 5 paths per batch, 1 step  path-images/s
//   Nb201Evaluation       recalibration + accuracy           archs/s
//   Nb201EvaluationPerArch  the same, one architecture at a time as before
//                         (SupernetEvaluator::accuracy): the speed-up's peer
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include "prpnas/data/image_dataset.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/nn/tensor_memory.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/train/supernet_steps.h"

namespace prpnas {
namespace {

static int kThreads = std::getenv("BT") ? std::atoi(std::getenv("BT")) : 2;
constexpr int64_t kBatch = 64;

// The default config's data: 10k training and 1k validation Fashion-MNIST images.
const data::DatasetSplits& fashion_mnist() {
  static const data::DatasetSplits splits = [] {
    data::DatasetOptions options;
    options.train_limit = 10000;
    options.valid_limit = 1000;
    return data::load_dataset(options);
  }();
  return splits;
}

std::shared_ptr<nn::Supernet> default_supernet() {
  nn::keep_freed_tensor_memory();
  torch::manual_seed(0);
  nn::NetworkSpec spec;  // nb201, preset "default": C = 8, N = 1
  spec.in_channels = 1;
  spec.image_size = 28;
  return nn::make_supernet(spec);
}

train::Batch first_batch() {
  return train::make_batch(fashion_mnist().train, torch::arange(kBatch), fashion_mnist());
}

void Nb201SinglePathStep(benchmark::State& state) {
  nn::set_compute_threads(kThreads);
  auto supernet = default_supernet();
  auto sgd = train::make_weight_optimizer(*supernet);
  const train::Batch batch = first_batch();
  std::mt19937_64 rng(0);
  for (auto _ : state) {
    train::single_path_step(*supernet, sgd, batch, space::sample_uniform(supernet->space(), rng));
  }
  state.counters["images/s"] = benchmark::Counter(static_cast<double>(state.iterations() * kBatch),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(Nb201SinglePathStep)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3);

void Nb201FairnessStep(benchmark::State& state) {
  nn::set_compute_threads(kThreads);
  auto supernet = default_supernet();
  auto sgd = train::make_weight_optimizer(*supernet);
  const train::Batch batch = first_batch();
  const space::ChoiceMask all = supernet->space().full_mask();
  std::mt19937_64 rng(0);
  int64_t path_images = 0;
  for (auto _ : state) {
    path_images += static_cast<int64_t>(train::fairness_step(*supernet, sgd, batch, all, rng).paths.size()) * kBatch;
  }
  state.counters["path-images/s"] = benchmark::Counter(static_cast<double>(path_images), benchmark::Counter::kIsRate);
}
BENCHMARK(Nb201FairnessStep)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3);

train::SupernetEvaluatorOptions default_evaluation() {
  train::SupernetEvaluatorOptions options;
  options.recalibration_batches = 1;
  options.batch_size = 250;
  options.valid_images = 500;
  return options;
}

// Each iteration judges state.range(0) distinct architectures.
template <class Evaluate>
void run_evaluation(benchmark::State& state, Evaluate evaluate) {
  nn::set_compute_threads(kThreads);
  auto supernet = default_supernet();
  train::SupernetEvaluator evaluator(supernet, fashion_mnist(), default_evaluation());
  const auto archs = space::distinct_sample(supernet->space(), static_cast<uint64_t>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(evaluate(evaluator, archs));
  state.counters["archs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                                                 benchmark::Counter::kIsRate);
}

void Nb201Evaluation(benchmark::State& state) {
  run_evaluation(state, [](train::SupernetEvaluator& e, const auto& archs) { return e.accuracies(archs); });
}
BENCHMARK(Nb201Evaluation)->Arg(100)->Arg(1000)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

void Nb201EvaluationPerArch(benchmark::State& state) {
  run_evaluation(state, [](train::SupernetEvaluator& e, const auto& archs) {
    std::vector<double> out;
    for (const auto& arch : archs) out.push_back(e.accuracy(arch));
    return out;
  });
}
BENCHMARK(Nb201EvaluationPerArch)->Arg(100)->Arg(1000)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

}  // namespace
}  // namespace prpnas
#include "prpnas/nn/nb201/supernet.h"
#include <chrono>
namespace prpnas { namespace {
void TmpProfile(benchmark::State& state) {
  nn::keep_freed_tensor_memory();
  nn::set_compute_threads(kThreads);
  auto sp = default_supernet();
  auto& net = dynamic_cast<nn::Nb201SupernetImpl&>(*sp);
  const auto archs = space::distinct_sample(sp->space(), 40, 1);
  torch::Tensor x = train::make_batch(fashion_mnist().train, torch::arange(250), fashion_mnist()).images;
  auto parts = net.fixed_parts();
  std::map<std::string, double> t;
  torch::NoGradGuard ng;
  for (bool training : {true, false}) {
    net.train(training);
    for (int rep = 0; rep < 1; ++rep) {
    for (const auto& arch : archs) {
      auto tic = std::chrono::steady_clock::now();
      auto lap = [&](const std::string& name) { auto now = std::chrono::steady_clock::now(); t[(training ? "train " : "eval ") + name] += std::chrono::duration<double>(now - tic).count(); tic = now; };
      torch::Tensor h = parts[0].second->as<torch::nn::Sequential>()->forward(x); lap("stem");
      h = const_cast<nn::Nb201CellImpl&>(*net.cell(0)).forward(h, arch); lap("cell1");
      h = parts[1].second->as<nn::ResNetBasicBlockImpl>()->forward(h); lap("red1");
      h = const_cast<nn::Nb201CellImpl&>(*net.cell(1)).forward(h, arch); lap("cell2");
      h = parts[2].second->as<nn::ResNetBasicBlockImpl>()->forward(h); lap("red2");
      h = const_cast<nn::Nb201CellImpl&>(*net.cell(2)).forward(h, arch); lap("cell3");
      h = parts[3].second->as<nn::Nb201HeadImpl>()->forward(h); lap("head");
    }}
  }
  for (auto _ : state) {}
  for (auto& [k, v] : t) std::printf("%-14s %7.2f ms/arch\n", k.c_str(), 1e3 * v / 40);
}
BENCHMARK(TmpProfile)->Iterations(1);
}}
