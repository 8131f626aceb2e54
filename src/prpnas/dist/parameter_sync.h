// Keeping a module the same on every rank without a DDP module (the C++
// frontend has none): the weights are broadcast once, then each step's
// gradients (and BN running-statistics updates) are summed across ranks, so
// that every rank applies the same update and W stays bit-identical.
#ifndef PRPNAS_DIST_PARAMETER_SYNC_H_
#define PRPNAS_DIST_PARAMETER_SYNC_H_

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

#include "prpnas/dist/process_group.h"

namespace prpnas::dist {

// Every rank gets rank 0's values of `tensors` (in place, one collective).
void broadcast_from_rank0(ProcessGroup& group, const std::vector<torch::Tensor>& tensors, const char* what);

// Sums the gradients of `params` across ranks in one flat all-reduce. A
// parameter no rank gave a gradient keeps none (SGD then skips it, as in one
// process); one that only some ranks did gets zeros on the others first.
void sum_gradients(ProcessGroup& group, const std::vector<torch::Tensor>& params);

// `buffers` moved from `before` on each rank (BN running statistics of the
// paths it ran); afterwards each holds before + the sum of every rank's move.
void sum_buffer_updates(ProcessGroup& group, const std::vector<torch::Tensor>& buffers,
                        const std::vector<torch::Tensor>& before);

// A 64-bit hash of the bytes of `tensors` (order and values).
int64_t checksum(const std::vector<torch::Tensor>& tensors);
// Throws Error naming `what` unless `tensors` are bit-identical on every rank.
void check_identical(ProcessGroup& group, const std::vector<torch::Tensor>& tensors, const std::string& what);

}  // namespace prpnas::dist

#endif  // PRPNAS_DIST_PARAMETER_SYNC_H_
