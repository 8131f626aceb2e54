// Tensors and modules in and out of a TensorBundle (util/tensor_bundle.h),
// the checkpoint's container.
#ifndef PRPNAS_TRAIN_BUNDLE_TENSORS_H_
#define PRPNAS_TRAIN_BUNDLE_TENSORS_H_

#include <torch/torch.h>

#include <string>
#include <string_view>

#include "prpnas/util/tensor_bundle.h"

namespace prpnas::train {

// Adds a copy of `tensor` (CPU; float32/64, int32/64 or uint8) as `name`.
void put_tensor(TensorBundle& bundle, std::string name, const torch::Tensor& tensor);

// A tensor holding the array `name`; DataError naming `source` when the
// bundle has none.
torch::Tensor take_tensor(const TensorBundle& bundle, std::string_view name, const std::string& source);

// Every parameter and buffer of `module` as PREFIX + its name.
void put_module(TensorBundle& bundle, const std::string& prefix, torch::nn::Module& module);

// Copies them back; DataError naming `source` unless the bundle holds
// exactly the module's parameters and buffers, with their shapes and dtypes.
void take_module(const TensorBundle& bundle, const std::string& prefix, torch::nn::Module& module,
                 const std::string& source);

}  // namespace prpnas::train

#endif  // PRPNAS_TRAIN_BUNDLE_TENSORS_H_
