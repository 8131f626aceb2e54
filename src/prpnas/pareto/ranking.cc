#include "prpnas/pareto/ranking.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <string>
#include <vector>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

// Throws unless every point has the same number of objectives (>= 1) and no
// NaN, since NaN breaks the orderings every algorithm below relies on.
// Returns that number, or 0 for no points.
std::size_t check_points(const Points& points) {
  if (points.empty()) return 0;
  const std::size_t dims = points[0].size();
  if (dims == 0) {
    throw Error("pareto ranking: point 0 has no objectives; give each point "
                "at least one value");
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].size() != dims) {
      throw Error("pareto ranking: point " + std::to_string(i) + " has " +
                  std::to_string(points[i].size()) + " objectives but point 0 "
                  "has " + std::to_string(dims) + "; all points need the same");
    }
    for (double v : points[i]) {
      if (std::isnan(v)) {
        throw Error("pareto ranking: point " + std::to_string(i) +
                    " has a NaN objective; drop or fix that point");
      }
    }
  }
  return dims;
}

void check_dims(const Points& points, std::size_t want, const char* name) {
  const std::size_t dims = check_points(points);
  if (dims != 0 && dims != want) {
    throw Error(std::string(name) + " needs points with " +
                std::to_string(want) + " objectives, got " +
                std::to_string(dims) + "; use pareto_ranks instead");
  }
}

// Indices in lexicographic order of their points. In this order a point can
// only be dominated by points before it, and identical points are adjacent.
std::vector<std::size_t> lex_order(const Points& points) {
  std::vector<std::size_t> order(points.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return points[a] < points[b];
  });
  return order;
}

// With one objective a chain of dominating points is a run of strictly
// smaller values, so the rank is the dense rank of the value.
std::vector<int> ranks_1d(const Points& points) {
  std::vector<double> values;
  values.reserve(points.size());
  for (const Point& p : points) values.push_back(p[0]);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::vector<int> ranks(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    ranks[i] = 1 + static_cast<int>(std::lower_bound(values.begin(),
                                                     values.end(),
                                                     points[i][0]) -
                                    values.begin());
  }
  return ranks;
}

// Fenwick tree over positions 1..n holding prefix maxima. Values only grow
// until reset() puts a touched position back to 0.
class MaxFenwick {
 public:
  explicit MaxFenwick(std::size_t n) : tree_(n + 1, 0) {}

  void raise(std::size_t pos, int value) {
    for (; pos < tree_.size(); pos += lowest_bit(pos)) {
      tree_[pos] = std::max(tree_[pos], value);
    }
  }

  int prefix_max(std::size_t pos) const {
    int best = 0;
    for (; pos > 0; pos -= lowest_bit(pos)) best = std::max(best, tree_[pos]);
    return best;
  }

  void reset(std::size_t pos) {
    for (; pos < tree_.size(); pos += lowest_bit(pos)) tree_[pos] = 0;
  }

 private:
  static std::size_t lowest_bit(std::size_t pos) { return pos & (0 - pos); }

  std::vector<int> tree_;
};

// CDQ divide and conquer for rank[i] = 1 + max rank[j] over j < i with
// y[j] <= y[i] and z[j] <= z[i], where i, j index distinct points in
// lexicographic order. best[i] collects that max; z holds 1-based ranks of
// the third objective among its distinct values.
class Cdq3d {
 public:
  Cdq3d(const std::vector<double>& y, const std::vector<std::size_t>& z,
        std::size_t z_count)
      : y_(y), z_(z), best_(y.size(), 0), fenwick_(z_count) {}

  std::vector<int> run() {
    solve(0, y_.size());
    std::vector<int> ranks(best_.size());
    for (std::size_t i = 0; i < best_.size(); ++i) ranks[i] = best_[i] + 1;
    return ranks;
  }

 private:
  // The left half must be final before it feeds the right half, and the right
  // half must have all its left contributions before it recurses.
  void solve(std::size_t l, std::size_t r) {
    if (r - l < 2) return;
    const std::size_t mid = l + (r - l) / 2;
    solve(l, mid);
    contribute(l, mid, r);
    solve(mid, r);
  }

  // Everything on the left comes before everything on the right, so only the
  // y and z conditions remain: sweep y, query z in the Fenwick tree.
  void contribute(std::size_t l, std::size_t mid, std::size_t r) {
    auto by_y = [&](std::size_t a, std::size_t b) { return y_[a] < y_[b]; };
    left_.resize(mid - l);
    right_.resize(r - mid);
    std::iota(left_.begin(), left_.end(), l);
    std::iota(right_.begin(), right_.end(), mid);
    std::sort(left_.begin(), left_.end(), by_y);
    std::sort(right_.begin(), right_.end(), by_y);
    std::size_t next = 0;
    for (std::size_t i : right_) {
      // Left points with equal y go in first: equal y still allows dominance.
      for (; next < left_.size() && y_[left_[next]] <= y_[i]; ++next) {
        fenwick_.raise(z_[left_[next]], best_[left_[next]] + 1);
      }
      best_[i] = std::max(best_[i], fenwick_.prefix_max(z_[i]));
    }
    for (std::size_t k = 0; k < next; ++k) fenwick_.reset(z_[left_[k]]);
  }

  const std::vector<double>& y_;
  const std::vector<std::size_t>& z_;
  std::vector<int> best_;
  MaxFenwick fenwick_;
  std::vector<std::size_t> left_, right_;  // Scratch, reused across calls.
};

std::vector<int> ranks_2d(const Points& points) {
  std::vector<int> ranks(points.size());
  // min_f1[k] = smallest f1 among rank-(k+1) points so far. Every earlier
  // distinct point has f0 <= ours, so it dominates us iff its f1 <= ours, and
  // front k holds such a point iff min_f1[k] <= ours. min_f1 is
  // non-decreasing (the point giving min_f1[k + 1] is dominated by a front-k
  // point, whose f1 is no larger), hence a binary search.
  std::vector<double> min_f1;
  const std::vector<std::size_t> order = lex_order(points);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Point& p = points[order[k]];
    if (k > 0 && p == points[order[k - 1]]) {
      ranks[order[k]] = ranks[order[k - 1]];
      continue;
    }
    const std::size_t front =
        std::upper_bound(min_f1.begin(), min_f1.end(), p[1]) - min_f1.begin();
    if (front == min_f1.size()) {
      min_f1.push_back(p[1]);
    } else {
      min_f1[front] = p[1];
    }
    ranks[order[k]] = static_cast<int>(front) + 1;
  }
  return ranks;
}

std::vector<int> ranks_3d(const Points& points) {
  const std::vector<std::size_t> order = lex_order(points);
  // Collapse identical points: group[k] is the distinct point of order[k].
  std::vector<std::size_t> group(order.size());
  std::vector<double> y;
  std::vector<double> z_values;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Point& p = points[order[k]];
    if (k == 0 || p != points[order[k - 1]]) {
      y.push_back(p[1]);
      z_values.push_back(p[2]);
    }
    group[k] = y.size() - 1;
  }
  // The Fenwick tree is indexed by the rank of f2 among its distinct values.
  std::vector<double> sorted_z = z_values;
  std::sort(sorted_z.begin(), sorted_z.end());
  sorted_z.erase(std::unique(sorted_z.begin(), sorted_z.end()),
                 sorted_z.end());
  std::vector<std::size_t> z(z_values.size());
  for (std::size_t i = 0; i < z.size(); ++i) {
    z[i] = 1 + (std::lower_bound(sorted_z.begin(), sorted_z.end(),
                                 z_values[i]) -
                sorted_z.begin());
  }
  const std::vector<int> distinct_ranks = Cdq3d(y, z, sorted_z.size()).run();
  std::vector<int> ranks(points.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    ranks[order[k]] = distinct_ranks[group[k]];
  }
  return ranks;
}

std::vector<int> ranks_nd(const Points& points, std::size_t dims) {
  std::vector<int> ranks(points.size());
  // fronts[k] lists the distinct points of rank k+1 in insertion order.
  std::vector<std::vector<const Point*>> fronts;
  // An earlier distinct point in lexicographic order is never worse in f0,
  // so it dominates p iff it is no worse in every other objective.
  auto dominated_by = [dims](const Point& q, const Point& p) {
    for (std::size_t d = 1; d < dims; ++d) {
      if (q[d] > p[d]) return false;
    }
    return true;
  };
  // The latest members are the closest in f0 and so the likeliest dominators.
  auto front_dominates = [&](const std::vector<const Point*>& front,
                             const Point& p) {
    for (auto it = front.rbegin(); it != front.rend(); ++it) {
      if (dominated_by(**it, p)) return true;
    }
    return false;
  };
  const std::vector<std::size_t> order = lex_order(points);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Point& p = points[order[k]];
    if (k > 0 && p == points[order[k - 1]]) {
      ranks[order[k]] = ranks[order[k - 1]];
      continue;
    }
    // If front f has no dominator of p, neither has any later front (each of
    // its points is dominated by one in f, and dominance is transitive), so
    // the first front without one can be found by binary search.
    std::size_t lo = 0;
    std::size_t hi = fronts.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (front_dominates(fronts[mid], p)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == fronts.size()) fronts.emplace_back();
    fronts[lo].push_back(&p);
    ranks[order[k]] = static_cast<int>(lo) + 1;
  }
  return ranks;
}

}  // namespace

std::vector<int> pareto_ranks(const Points& points) {
  switch (const std::size_t dims = check_points(points)) {
    case 0:
      return {};
    case 1:
      return ranks_1d(points);
    case 2:
      return ranks_2d(points);
    case 3:
      return ranks_3d(points);
    default:
      return ranks_nd(points, dims);
  }
}

std::vector<int> pareto_ranks_2d(const Points& points) {
  check_dims(points, 2, "pareto_ranks_2d");
  return ranks_2d(points);
}

std::vector<int> pareto_ranks_3d(const Points& points) {
  check_dims(points, 3, "pareto_ranks_3d");
  return ranks_3d(points);
}

std::vector<int> pareto_ranks_nd(const Points& points) {
  return ranks_nd(points, check_points(points));
}

std::vector<std::size_t> non_dominated(const Points& points) {
  const std::vector<int> ranks = pareto_ranks(points);
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    if (ranks[i] == 1) indices.push_back(i);
  }
  return indices;
}

}  // namespace prpnas::pareto
