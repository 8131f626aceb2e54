#include "prpnas/nn/tensor_memory.h"

#include <malloc.h>

namespace prpnas::nn {

void keep_freed_tensor_memory() {
  // glibc refuses thresholds above HEAP_MAX_SIZE / 2, 32 MiB on 64-bit systems.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, -1);  // never give the heap's top back
}

}  // namespace prpnas::nn
