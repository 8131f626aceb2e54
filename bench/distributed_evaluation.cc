// One side of bench/distributed_evaluation.sh, which runs it as 1 process and
// as 2 ranks (`prpnas launch`) and prints the ratios. Each run prints:
//  - shared-weight evaluation of 1,000 NB201 architectures (default preset,
//    the default config's evaluation: BN recalibrated on 1 batch of 250
//    training images, accuracy on 500 validation images) with
//    SupernetEvaluator::accuracies, sharded over the ranks;
//  - the all-reduce of one fairness step's gradients (every weight of the
//    supernet, float32, one flat buffer), its bytes and mean time;
//  - a fairness step (5 paths, batch 64) two ways: the paths dealt to the
//    ranks (what train/supernet_steps.cc does), and data parallel (every
//    rank all 5 paths on its share of the batch, gradients summed), here
//    only, to show which is faster. One process does both the same way.
// One libtorch thread per rank; a single process runs at the threads its
// first argument gives (default 2: the best one process can do on 2 cores).
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <random>

#include <fmt/core.h>

#include "prpnas/data/image_dataset.h"
#include "prpnas/dist/parameter_sync.h"
#include "prpnas/dist/process_group.h"
#include "prpnas/dist/shards.h"
#include "prpnas/nn/compute_threads.h"
#include "prpnas/nn/supernet_factory.h"
#include "prpnas/nn/tensor_memory.h"
#include "prpnas/space/sampling.h"
#include "prpnas/train/batches.h"
#include "prpnas/train/supernet_evaluator.h"
#include "prpnas/train/supernet_steps.h"

using namespace prpnas;

// Mean milliseconds of a fairness step over 20 steps (after 3 warm-up ones):
// train::fairness_step, or (`batch_split`) every path on this rank's rows of
// the batch with the loss scaled to the whole batch's mean, gradients summed.
double fairness_step_ms(nn::Supernet& supernet, const data::DatasetSplits& data, bool batch_split) {
  dist::ProcessGroup& group = dist::world();
  torch::optim::SGD sgd = train::make_weight_optimizer(supernet);
  train::BatchStream batches(data, 64, 3);
  std::mt19937_64 rng(3);
  const space::ChoiceMask alive = supernet.space().full_mask();
  auto step = [&] {
    const train::Batch batch = batches.next();
    if (!batch_split || !group.distributed()) {
      train::fairness_step(supernet, sgd, batch, alive, rng);
      return;
    }
    const dist::Shard rows = dist::shard_of(static_cast<std::size_t>(batch.images.size(0)), group.rank(), group.size());
    const auto begin = static_cast<int64_t>(rows.begin), end = static_cast<int64_t>(rows.end);
    const torch::Tensor images = batch.images.slice(0, begin, end), labels = batch.labels.slice(0, begin, end);
    const double share = static_cast<double>(end - begin) / static_cast<double>(batch.images.size(0));
    supernet.module().train();
    for (auto& p : supernet.weights()) p.mutable_grad() = torch::Tensor();
    for (const space::Architecture& path : train::valid_fair_paths(supernet.space(), alive, rng)) {
      (torch::nn::functional::cross_entropy(supernet.forward(images, path), labels) * share).backward();
    }
    dist::sum_gradients(group, supernet.weights());
    sgd.step();
  };
  for (int i = 0; i < 3; ++i) step();
  group.barrier("steps");
  const auto start = std::chrono::steady_clock::now();
  constexpr int kSteps = 20;
  for (int i = 0; i < kSteps; ++i) step();
  return 1000 * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / kSteps;
}

int main(int argc, char** argv) {
  dist::ProcessGroup& group = dist::world();
  nn::set_compute_threads(group.distributed() ? 1 : (argc > 1 ? std::atoi(argv[1]) : 2));
  nn::keep_freed_tensor_memory();
  data::DatasetOptions options;
  options.train_limit = 10000;
  options.valid_limit = 1000;
  const data::DatasetSplits data = data::load_dataset(options);
  torch::manual_seed(0);
  nn::NetworkSpec spec;  // nb201, preset "default": C = 8, N = 1
  spec.in_channels = 1;
  spec.image_size = 28;
  const std::shared_ptr<nn::Supernet> supernet = nn::make_supernet(spec);
  train::SupernetEvaluatorOptions eval;
  eval.recalibration_batches = 1;
  eval.batch_size = 250;
  eval.valid_images = 500;
  train::SupernetEvaluator evaluator(supernet, data, eval);
  std::mt19937_64 rng(1);
  std::vector<space::Architecture> archs;
  for (int i = 0; i < 1000; ++i) archs.push_back(space::sample_uniform(supernet->space(), rng));

  group.barrier("start");
  auto start = std::chrono::steady_clock::now();
  const std::vector<double> accuracy = evaluator.accuracies(archs);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<torch::Tensor> grads;
  int64_t weights = 0;
  for (const torch::Tensor& w : supernet->weights()) {
    w.mutable_grad() = torch::ones_like(w);
    weights += w.numel();
  }
  constexpr int kReduces = 50;
  group.barrier("all-reduce");
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < kReduces; ++i) dist::sum_gradients(group, supernet->weights());
  const double reduce = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / kReduces;
  const double paths_ms = fairness_step_ms(*supernet, data, false), batch_ms = fairness_step_ms(*supernet, data, true);
  if (group.rank() == 0) {
    fmt::print("ranks {} threads {} evaluation_seconds {:.2f} archs_per_second {:.1f} first_accuracy {:.2f} weights {} "
               "gradient_bytes {} allreduce_ms {:.3f} fairness_step_ms_paths_split {:.1f} batch_split {:.1f}\n",
               group.size(), torch::get_num_threads(), seconds, 1000 / seconds, accuracy[0], weights, 4 * weights,
               1000 * reduce, paths_ms, batch_ms);
  }
  return 0;
}
