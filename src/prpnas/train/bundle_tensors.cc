#include "prpnas/train/bundle_tensors.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <cstring>
#include <set>

#include "prpnas/util/error.h"

namespace prpnas::train {
namespace {

std::string dtype_name(torch::ScalarType type) {
  switch (type) {
    case torch::kFloat: return "float32";
    case torch::kDouble: return "float64";
    case torch::kLong: return "int64";
    case torch::kInt: return "int32";
    case torch::kByte: return "uint8";
    default: throw Error(fmt::format("checkpoint: cannot keep a tensor of type {}", c10::toString(type)));
  }
}

torch::ScalarType scalar_type(const std::string& dtype) {
  if (dtype == "float32") return torch::kFloat;
  if (dtype == "float64") return torch::kDouble;
  if (dtype == "int64") return torch::kLong;
  if (dtype == "int32") return torch::kInt;
  return torch::kByte;  // read_bundle admits no other name
}

}  // namespace

void put_tensor(TensorBundle& bundle, std::string name, const torch::Tensor& tensor) {
  const torch::Tensor t = tensor.detach().cpu().contiguous();  // from any device
  BundleArray a{std::move(name), dtype_name(t.scalar_type()), t.sizes().vec(), {}};
  a.bytes.assign(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
  bundle.arrays.push_back(std::move(a));
}

torch::Tensor take_tensor(const TensorBundle& bundle, std::string_view name, const std::string& source) {
  const BundleArray* a = bundle.find(name);
  if (a == nullptr) throw DataError(fmt::format("{}: the checkpoint has no {}", source, name));
  torch::Tensor t = torch::empty(a->shape, torch::TensorOptions().dtype(scalar_type(a->dtype)));
  std::memcpy(t.data_ptr(), a->bytes.data(), a->bytes.size());
  return t;
}

void put_module(TensorBundle& bundle, const std::string& prefix, torch::nn::Module& module) {
  for (const auto& item : module.named_parameters()) put_tensor(bundle, prefix + item.key(), item.value());
  for (const auto& item : module.named_buffers()) put_tensor(bundle, prefix + item.key(), item.value());
}

void take_module(const TensorBundle& bundle, const std::string& prefix, torch::nn::Module& module,
                 const std::string& source) {
  std::set<std::string> expected;
  auto take = [&](const std::string& name, torch::Tensor& target) {
    expected.insert(prefix + name);
    const torch::Tensor saved = take_tensor(bundle, prefix + name, source);
    if (saved.sizes() != target.sizes() || saved.scalar_type() != target.scalar_type()) {
      throw DataError(fmt::format("{}: {} is {} [{}] in the checkpoint but {} [{}] in this network; it is of another "
                                  "network",
                                  source, prefix + name, dtype_name(saved.scalar_type()), fmt::join(saved.sizes(), "x"),
                                  dtype_name(target.scalar_type()), fmt::join(target.sizes(), "x")));
    }
    torch::NoGradGuard no_grad;
    target.copy_(saved);
  };
  for (auto& item : module.named_parameters()) take(item.key(), item.value());
  for (auto& item : module.named_buffers()) take(item.key(), item.value());
  for (const BundleArray& a : bundle.arrays) {
    if (a.name.starts_with(prefix) && !expected.count(a.name)) {
      throw DataError(fmt::format("{}: the checkpoint holds {}, which this network lacks; it is of another network",
                                  source, a.name));
    }
  }
}

}  // namespace prpnas::train
