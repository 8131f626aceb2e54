// prpnas's side of bench/compare_pytorch.sh: the three measurements of
// ../shared/bench/pytorch_nb201_ref.py (the NB201 supernet in Python
// PyTorch), taken on prpnas's own code at the same settings: default preset
// (C = 8, N = 1), batch 64, 2 threads, and the default config's evaluation
// (BN recalibrated on 1 batch of 250 training images, accuracy on 500
// validation images). Real Fashion-MNIST images where the peer uses random
// ones; the time of a step does not depend on the values.
//
//   Nb201EvaluationBefore/N  recalibration + accuracy of N architectures as
//                            the code did before its speed-up: one at a time,
//                            torch's avg_pool2d, glibc's default memory policy
//   Nb201SinglePathStep      one uniform path per batch          images/s
//   Nb201FairnessStep        FairNAS: 5 paths per batch, 1 step  path-images/s
//   Nb201Evaluation/N        SupernetEvaluator::accuracies       archs/s
//   Nb201StepGrowth/C/N/paths  a strict-fairness step over `paths` choices
//                            per edge, at other network sizes (docs/PERFORMANCE.md)
//   Space*/SPACE             the same three at the CPU preset of darts,
//                            proxyless and ofa, for the per-space figures
//
// Run Nb201EvaluationBefore first in its process (bench/compare_pytorch.sh
// does): the memory policy the others set cannot be undone.
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include "prpnas/data/image_dataset.h"
#include "prpnas/nn/average_pool_3x3.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/nb201/supernet.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/nn/tensor_memory.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/train/supernet_steps.h"

namespace prpnas {
namespace {

constexpr int kThreads = 2;
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

bool memory_kept = false;

void keep_memory() {
  nn::keep_freed_tensor_memory();  // as prpnas-torch does
  memory_kept = true;
}

std::shared_ptr<nn::Supernet> default_supernet(bool keep_freed_memory = true) {
  if (keep_freed_memory) keep_memory();
  torch::manual_seed(0);
  nn::NetworkSpec spec;  // nb201, preset "default": C = 8, N = 1
  spec.in_channels = 1;
  spec.image_size = 28;
  return nn::make_supernet(spec);
}

train::Batch first_batch() {
  return train::make_batch(fashion_mnist().train, torch::arange(kBatch), fashion_mnist());
}

void SpaceSinglePathStep(benchmark::State& state, const char* space);
void SpaceFairnessStep(benchmark::State& state, const char* space);

void Nb201SinglePathStep(benchmark::State& state) { SpaceSinglePathStep(state, "nb201"); }
BENCHMARK(Nb201SinglePathStep)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3);

void Nb201FairnessStep(benchmark::State& state) { SpaceFairnessStep(state, "nb201"); }
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
void run_evaluation(benchmark::State& state, std::shared_ptr<nn::Supernet> supernet, Evaluate evaluate) {
  nn::set_compute_threads(kThreads);
  train::SupernetEvaluator evaluator(supernet, fashion_mnist(), default_evaluation());
  const auto archs = space::distinct_sample(supernet->space(), static_cast<uint64_t>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(evaluate(evaluator, archs));
  state.counters["archs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * state.range(0)),
                                                 benchmark::Counter::kIsRate);
}

void Nb201EvaluationBefore(benchmark::State& state) {
  if (memory_kept) {
    state.SkipWithError("run Nb201EvaluationBefore first in its process (--benchmark_filter=Nb201EvaluationBefore)");
    return;
  }
  nn::use_torch_average_pool(true);
  auto one_at_a_time = [](train::SupernetEvaluator& e, const auto& archs) {
    std::vector<double> out;
    for (const auto& arch : archs) out.push_back(e.accuracy(arch));
    return out;
  };
  run_evaluation(state, default_supernet(/*keep_freed_memory=*/false), one_at_a_time);
  nn::use_torch_average_pool(false);
}
BENCHMARK(Nb201EvaluationBefore)->Arg(100)->Arg(1000)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

void Nb201Evaluation(benchmark::State& state) {
  run_evaluation(state, default_supernet(),
                 [](train::SupernetEvaluator& e, const auto& archs) { return e.accuracies(archs); });
}
BENCHMARK(Nb201Evaluation)->Arg(10)->Arg(100)->Arg(1000)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

// How a FairNAS-style step grows with the network (C, N) and with the
// number of paths per step (k alive choices on every edge: k paths).
void Nb201StepGrowth(benchmark::State& state) {
  keep_memory();
  nn::set_compute_threads(kThreads);
  const int channels = static_cast<int>(state.range(0)), cells = static_cast<int>(state.range(1));
  const int paths = static_cast<int>(state.range(2));
  torch::manual_seed(0);
  nn::Nb201Supernet supernet(nn::Nb201Config{channels, cells, 1, 28, 10});
  auto sgd = train::make_weight_optimizer(*supernet);
  const train::Batch batch = first_batch();
  // The first `paths` of nor_conv_3x3, nor_conv_1x1, avg_pool_3x3, skip_connect, none:
  // one path is all 3x3 convolutions.
  const std::vector<int> order = {3, 2, 4, 1, 0};
  space::ChoiceMask alive(6, std::vector<bool>(5, false));
  for (auto& row : alive) {
    for (int k = 0; k < paths; ++k) row[order[k]] = true;
  }
  std::mt19937_64 rng(0);
  for (auto _ : state) train::fairness_step(*supernet, sgd, batch, alive, rng);
  state.counters["path-images/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * paths * kBatch), benchmark::Counter::kIsRate);
}
BENCHMARK(Nb201StepGrowth)
    ->ArgNames({"C", "N", "paths"})
    ->ArgsProduct({{8, 16}, {1, 2, 5}, {1, 5}})
    ->MinTime(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

std::shared_ptr<nn::Supernet> space_supernet(const char* space) {
  keep_memory();
  torch::manual_seed(0);
  return nn::make_supernet(nn::NetworkSpec{space, "default", 1, 28, 10});
}

void SpaceSinglePathStep(benchmark::State& state, const char* space) {
  nn::set_compute_threads(kThreads);
  auto supernet = space_supernet(space);
  auto sgd = train::make_weight_optimizer(*supernet);
  const train::Batch batch = first_batch();
  std::mt19937_64 rng(0);
  for (auto _ : state) {
    train::single_path_step(*supernet, sgd, batch, space::sample_uniform(supernet->space(), rng));
  }
  state.counters["images/s"] = benchmark::Counter(static_cast<double>(state.iterations() * kBatch),
                                                  benchmark::Counter::kIsRate);
}

void SpaceFairnessStep(benchmark::State& state, const char* space) {
  nn::set_compute_threads(kThreads);
  auto supernet = space_supernet(space);
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

// 20 architectures, each recalibrated on 250 images and judged on 500.
void SpaceEvaluation(benchmark::State& state, const char* space) {
  run_evaluation(state, space_supernet(space),
                 [](train::SupernetEvaluator& e, const auto& archs) { return e.accuracies(archs); });
}

#define PRPNAS_SPACE_BENCHMARKS(name)                                                                     \
  BENCHMARK_CAPTURE(SpaceSinglePathStep, name, #name)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3); \
  BENCHMARK_CAPTURE(SpaceFairnessStep, name, #name)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(3);   \
  BENCHMARK_CAPTURE(SpaceEvaluation, name, #name)->Arg(20)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1)
PRPNAS_SPACE_BENCHMARKS(darts);
PRPNAS_SPACE_BENCHMARKS(proxyless);
PRPNAS_SPACE_BENCHMARKS(ofa);

}  // namespace
}  // namespace prpnas
