// A stand-alone DARTS network for one architecture (quark0/darts
// cnn/model.py's NetworkCIFAR of its genotype, without the auxiliary head
// and drop path): the supernet's skeleton with only the chosen op on each of
// the two input edges of every node. Its tensor names are the supernet's,
// so copy_from takes this architecture's shared weights and BN statistics
// out of a trained supernet.
#ifndef PRPNAS_NN_DARTS_NETWORK_H_
#define PRPNAS_NN_DARTS_NETWORK_H_

#include <torch/torch.h>

#include "prpnas/nn/darts/skeleton.h"
#include "prpnas/nn/darts/supernet.h"
#include "prpnas/nn/network.h"

namespace prpnas::nn {

class DartsNetworkImpl : public DartsSkeleton, public Network {
 public:
  // Throws prpnas::Error unless arch is a darts architecture.
  DartsNetworkImpl(const DartsConfig& config, const space::Architecture& arch);

  torch::nn::Module& module() override { return *this; }
  const torch::nn::Module& module() const override { return *this; }
  torch::Tensor forward(const torch::Tensor& x) override;
  void set_observer(OpObserver* observer) override { DartsSkeleton::set_observer(observer); }

  const space::Architecture& architecture() const override { return arch_; }

  // Copies every parameter and buffer from the supernet's tensor of the same
  // name. Throws prpnas::Error when the configs differ.
  void copy_from(const DartsSupernetImpl& supernet);

 private:
  space::Architecture arch_;
};
TORCH_MODULE(DartsNetwork);

// The ops a cell of type `cell` (0 normal, 1 reduce) of `arch` builds:
// op_a on a->k and op_b on b->k for every node k. Checks the architecture.
DartsCellOps darts_chosen_ops(const space::Architecture& arch, int cell);

}  // namespace prpnas::nn

#endif  // PRPNAS_NN_DARTS_NETWORK_H_
