// The MBConv family's supernet: every choice of every layer (6 or 7), alpha
// [layers x 7] (the stages' first layers have no skip: that column stays dead).
#ifndef PRPNAS_NN_MBCONV_SUPERNET_H_
#define PRPNAS_NN_MBCONV_SUPERNET_H_

#include "prpnas/nn/mbconv/skeleton.h"
#include "prpnas/nn/supernet.h"

namespace prpnas::nn {

class MbConvSupernetImpl : public MbConvSkeleton, public Supernet {
 public:
  explicit MbConvSupernetImpl(const MbConvConfig& config);

  const space::SearchSpace& space() const override { return table(); }
  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path) override { return run(x, path); }
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive) override { return run(x, alive); }
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights) override {
    return run(x, alive, weights);
  }
  void set_observer(OpObserver* observer) override { MbConvSkeleton::set_observer(observer); }
  std::vector<std::shared_ptr<torch::nn::Module>> path_modules(const space::Architecture& path) const override;
  std::shared_ptr<Network> standalone(const space::Architecture& arch) const override;
};
TORCH_MODULE(MbConvSupernet);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_MBCONV_SUPERNET_H_
