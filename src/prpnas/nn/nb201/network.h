// A stand-alone NB201 network for one architecture: the supernet's skeleton
// with only the chosen op on each edge (`none` edges hold no module). Its
// parameter and buffer names are the supernet's, so copy_from can take this
// architecture's shared weights and BN statistics out of a trained supernet.
#ifndef PRPNAS_NN_NB201_NETWORK_H_
#define PRPNAS_NN_NB201_NETWORK_H_

#include <torch/torch.h>

#include "prpnas/nn/nb201/skeleton.h"
#include "prpnas/nn/nb201/supernet.h"

namespace prpnas::nn {

class Nb201NetworkImpl : public Nb201Skeleton, public Network {
 public:
  // Throws prpnas::Error unless arch has 6 choices in 0..4.
  Nb201NetworkImpl(const Nb201Config& config, const space::Architecture& arch);

  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }
  torch::Tensor forward(const torch::Tensor& x) override;
  void set_observer(OpObserver* observer) override { Nb201Skeleton::set_observer(observer); }

  const space::Architecture& architecture() const override { return arch_; }

  // Copies every parameter and buffer (conv and BN weights, BN running
  // statistics; stem, cells, reductions, head) from the supernet's module of
  // the same name. Throws prpnas::Error when the configs differ.
  void copy_from(const Nb201SupernetImpl& supernet);

 private:
  space::Architecture arch_;
};
TORCH_MODULE(Nb201Network);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_NB201_NETWORK_H_
