// How many threads the CPU kernels use. torch::set_num_threads sets
// libtorch's intra-op pool, but Debian's libtorch also calls OpenBLAS, whose
// own pool it does not limit: beside other busy processes that pool made small
// matrix products 20-40x slower. Setting both keeps --threads honest.
#ifndef PRPNAS_NN_COMPUTE_THREADS_H_
#define PRPNAS_NN_COMPUTE_THREADS_H_

namespace prpnas::nn {

// Sets libtorch's intra-op threads and, when the BLAS in use is OpenBLAS,
// OpenBLAS's threads (found at run time, so another BLAS works too).
void set_compute_threads(int threads);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_COMPUTE_THREADS_H_
