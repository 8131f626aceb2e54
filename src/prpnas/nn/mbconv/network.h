// A stand-alone network of the MBConv family: only the chosen block of each
// layer is built (none for skip).
#ifndef PRPNAS_NN_MBCONV_NETWORK_H_
#define PRPNAS_NN_MBCONV_NETWORK_H_

#include "prpnas/nn/mbconv/skeleton.h"
#include "prpnas/nn/network.h"

namespace prpnas::nn {

class MbConvNetworkImpl : public MbConvSkeleton, public Network {
 public:
  // Throws prpnas::Error unless `arch` is an architecture of the config's space.
  MbConvNetworkImpl(const MbConvConfig& config, const space::Architecture& arch);

  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }
  const space::Architecture& architecture() const override { return arch_; }
  torch::Tensor forward(const torch::Tensor& x) override { return run(x, arch_); }
  void set_observer(OpObserver* observer) override { MbConvSkeleton::set_observer(observer); }

 private:
  space::Architecture arch_;
};
TORCH_MODULE(MbConvNetwork);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MBCONV_NETWORK_H_
