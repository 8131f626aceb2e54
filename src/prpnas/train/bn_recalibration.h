// Batch-norm recalibration for one path of a supernet. The running
// statistics a supernet collects during training mix every path that ran
// through a BN layer; a single path evaluated with them is misjudged. So,
// before evaluating a path, its BN layers get statistics of that path alone:
//
//   1. the running statistics of every BatchNorm2d the path uses (stem,
//      fixed parts and the chosen choice of every decision: path_modules) are
//      reset (mean 0, var 1, count 0); BN layers of other ops are left alone;
//   2. their momentum is set to c10::nullopt: libtorch then keeps a
//      cumulative average (factor 1/num_batches_tracked) instead of an
//      exponential one;
//   3. the batches are forwarded along `path` in train mode, without gradients;
//   4. momentum is restored (also on an exception) and the supernet is left
//      in eval mode.
//
// Afterwards each such BN's running_mean is the mean over the batches of the
// per-batch channel means of its input (the channel mean over all images
// when the batches have equal sizes), and running_var the mean of the
// per-batch unbiased variances. The weights are not touched. The previous
// statistics are lost: save and restore the buffers to keep them
// (SupernetEvaluator does).
#ifndef PRPNAS_TRAIN_BN_RECALIBRATION_H_
#define PRPNAS_TRAIN_BN_RECALIBRATION_H_

#include <torch/torch.h>

#include <memory>
#include <vector>

#include "prpnas/nn/supernet.h"
#include "prpnas/space/search_space.h"

namespace prpnas::train {

// The BatchNorm2d modules `path` runs through, in no particular order.
// Throws prpnas::Error for an invalid path.
std::vector<std::shared_ptr<torch::nn::BatchNorm2dImpl>> path_batch_norms(const nn::Supernet& supernet,
                                                                           const space::Architecture& path);

// `batches`: normalised images [B, C, H, W]. With a memo, batch i runs in
// its slot i (nn/forward_memo.h): the BN layers of parts the memo already
// holds are reset but not recalibrated, which is exact as long as those
// parts' outputs are taken from the memo afterwards too. Throws
// prpnas::Error for an invalid path or when `batches` is empty.
void recalibrate_bn(nn::Supernet& supernet, const space::Architecture& path,
                    const std::vector<torch::Tensor>& batches, nn::ForwardMemo* memo = nullptr);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_BN_RECALIBRATION_H_
