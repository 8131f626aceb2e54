// The chain test space's supernet: every choice of every layer, alpha [4 x 4]
// (layer 1 has 2 choices, layers 2 and 3 have 3: the rest of their row is
// dead). Small enough to train end to end in a test; the proof that the
// training stack knows no NB201.
#ifndef PRPNAS_NN_CHAIN_SUPERNET_H_
#define PRPNAS_NN_CHAIN_SUPERNET_H_

#include "prpnas/nn/chain/skeleton.h"
#include "prpnas/nn/supernet.h"
#include "prpnas/space/chain_space.h"

namespace prpnas::nn {

class ChainSupernetImpl : public ChainSkeleton, public Supernet {
 public:
  explicit ChainSupernetImpl(const ChainConfig& config);

  const space::SearchSpace& space() const override { return space_; }
  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }
  torch::Tensor forward(const torch::Tensor& x, const space::Architecture& path) override { return run(x, path); }
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive) override { return run(x, alive); }
  torch::Tensor forward(const torch::Tensor& x, const space::ChoiceMask& alive, const torch::Tensor& weights) override {
    return run(x, alive, weights);
  }
  void set_observer(OpObserver* observer) override { ChainSkeleton::set_observer(observer); }
  std::vector<std::shared_ptr<torch::nn::Module>> path_modules(const space::Architecture& path) const override;
  std::shared_ptr<Network> standalone(const space::Architecture& arch) const override;

 private:
  space::ChainSpace space_;
};
TORCH_MODULE(ChainSupernet);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_CHAIN_SUPERNET_H_
