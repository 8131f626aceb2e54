#include "prpnas/eval/judge_front.h"

#include <algorithm>

#include "prpnas/pareto/front_quality.h"
#include "prpnas/pareto/hypervolume.h"

namespace prpnas::eval {

FrontReferences front_references(const pareto::Points& all, const pareto::Points& true_front) {
  pareto::Point worst = all.front();
  for (const pareto::Point& p : all) {
    for (std::size_t k = 0; k < p.size(); ++k) worst[k] = std::max(worst[k], p[k]);
  }
  return {worst, pareto::near_front_reference(true_front)};
}

FrontFigures judge_front(const JudgedPoints& points, const FrontReferences& references) {
  return judge_front(points, points, references);
}

FrontFigures judge_front(const JudgedPoints& points, const JudgedPoints& near_front_points,
                         const FrontReferences& references) {
  FrontFigures figures;
  figures.hypervolume = pareto::hypervolume(points.found, references.worst);
  figures.front_approximation = pareto::front_approximation(points.found, points.truth, references.worst);
  figures.front_approximation_nadir =
      pareto::front_approximation(near_front_points.found, near_front_points.truth, references.near_front);
  figures.igd = pareto::igd(points.found, points.truth);
  return figures;
}

}  // namespace prpnas::eval
