// A small multi-layer perceptron (libtorch) on one-hot features:
// Linear(width, 64) - ReLU - Linear(64, 64) - ReLU - Linear(64, 1), trained
// full-batch with Adam (learning rate 1e-2, 300 epochs, MSE).
//
// Targets: the MLP fits standardised log costs and predicts exp of its
// output. Costs are positive and spread over orders of magnitude across
// spaces and devices; on the log scale the squared error weighs relative
// errors alike (what MAPE measures), and predictions are never negative.
// (On the additive synthetic latency of the tests, log and raw targets rank
// equally well: Kendall tau within 0.005.)
//
// Seeding: the initial weights come from a torch::Generator of its own seeded
// with the constructor's seed (as data/synthetic.cc does), not from
// torch::manual_seed, so fitting neither races with nor disturbs other users
// of torch's global generator. Full-batch training draws nothing else.
//
// Speed: about 0.3 s per fit of 300 NB201 cells on an idle core. Its matrix
// products are tiny; OpenBLAS's own threads (not limited by
// torch::set_num_threads) made it 20-40x slower beside two busy processes;
// OPENBLAS_NUM_THREADS=1 avoids that.
#ifndef PRPNAS_HW_MLP_PREDICTOR_H_
#define PRPNAS_HW_MLP_PREDICTOR_H_

#include <memory>

#include "prpnas/hw/cost_predictor.h"

namespace prpnas::hw {

class MlpPredictor : public CostPredictor {
 public:
  MlpPredictor(const space::SearchSpace& space, std::uint64_t seed);
  ~MlpPredictor() override;

  // Also throws prpnas::Error for a cost that is not positive (see above).
  void fit(const std::vector<space::Architecture>& archs, const std::vector<double>& y) override;
  double predict(const space::Architecture& arch) const override;
  std::vector<double> predict_all(const std::vector<space::Architecture>& archs) const override;
  std::string name() const override { return "mlp"; }

 private:
  struct Model;
  std::unique_ptr<Model> model_;  // null before fit
};

}  // namespace prpnas::hw

#endif  // PRPNAS_HW_MLP_PREDICTOR_H_
