// A stand-alone network of the chain test space: only the chosen choice of
// each layer is built.
#ifndef PRPNAS_NN_CHAIN_NETWORK_H_
#define PRPNAS_NN_CHAIN_NETWORK_H_

#include "prpnas/nn/chain/skeleton.h"
#include "prpnas/nn/network.h"

namespace prpnas::nn {

class ChainNetworkImpl : public ChainSkeleton, public Network {
 public:
  // Throws prpnas::Error unless `arch` is an architecture of the chain space.
  ChainNetworkImpl(const ChainConfig& config, const space::Architecture& arch);

  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }
  const space::Architecture& architecture() const override { return arch_; }
  torch::Tensor forward(const torch::Tensor& x) override { return run(x, arch_); }
  void set_observer(OpObserver* observer) override { ChainSkeleton::set_observer(observer); }

 private:
  space::Architecture arch_;
};
TORCH_MODULE(ChainNetwork);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_CHAIN_NETWORK_H_
