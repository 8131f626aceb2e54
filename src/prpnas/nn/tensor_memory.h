// Keeps freed tensor memory in the process for reuse. libtorch's CPU
// allocator is malloc, and every op of a forward allocates and frees
// megabyte-sized tensors. By default glibc serves those with fresh mmap
// pages and returns them to the kernel on free (or trims the heap), so each
// op pays page faults on memory it just gave back: 30 % of a shared-weight
// evaluation of the default NB201 supernet (bench/supernet_bench.cc measured
// 11.8 against 17.1 architectures/s). The cost is that the resident size
// stays at its peak instead of shrinking between phases.
#ifndef PRPNAS_NN_TENSOR_MEMORY_H_
#define PRPNAS_NN_TENSOR_MEMORY_H_

namespace prpnas::nn {

// Serves blocks up to glibc's largest mmap threshold (32 MiB) from the heap
// and never trims it. Call once, early; harmless with another allocator.
void keep_freed_tensor_memory();

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_TENSOR_MEMORY_H_
