#include "prpnas/pareto/hypervolume.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "prpnas/util/error.h"

namespace prpnas::pareto {
namespace {

using Point2 = std::array<double, 2>;
using Point3 = std::array<double, 3>;

// Throws unless every point has the reference's size (and that is
// `dimension`, when given) and nothing is NaN.
void check(const Points& points, const Point& reference, std::size_t dimension, const char* caller) {
  if (reference.empty()) {
    throw Error(fmt::format("{}: the reference point has no objectives; give one value per objective",
                            caller));
  }
  if (dimension != 0 && reference.size() != dimension) {
    throw Error(fmt::format("{}: the reference point has {} objectives, expected {}; use hypervolume() "
                            "to pick the algorithm for any dimension",
                            caller, reference.size(), dimension));
  }
  for (double r : reference) {
    if (std::isnan(r)) throw Error(fmt::format("{}: the reference point has a NaN objective", caller));
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].size() != reference.size()) {
      throw Error(fmt::format("{}: point {} has {} objectives but the reference point has {}; give "
                              "every point one value per objective",
                              caller, i, points[i].size(), reference.size()));
    }
    for (double v : points[i]) {
      if (std::isnan(v)) {
        throw Error(fmt::format("{}: point {} has a NaN objective; drop or fix it first", caller, i));
      }
    }
  }
}

// Area dominated by `points` (all strictly inside) up to (r0, r1).
// Sorted by f0 then f1, a point adds area only when it lowers the best f1 so
// far, and then adds exactly the strip between its f1 and that best f1.
double sweep_2d(std::vector<Point2>& points, double r0, double r1) {
  std::sort(points.begin(), points.end());
  double area = 0;
  double best_f1 = r1;
  for (const Point2& p : points) {
    if (p[1] < best_f1) {
      area += (r0 - p[0]) * (best_f1 - p[1]);
      best_f1 = p[1];
    }
  }
  return area;
}

// Adds (x, y) to a 2-D front (f0 -> f1, f1 falling as f0 rises) and returns
// the area this adds below (r0, r1). Front points it covers are removed.
double add_to_front(std::map<double, double>& front, double x, double y, double r0, double r1) {
  // The front point at or just left of x: no worse in f1 means the new
  // point's whole rectangle is covered already.
  auto first = front.upper_bound(x);
  double strip_f1 = r1;
  if (first != front.begin()) {
    const auto left = std::prev(first);
    strip_f1 = left->second;
    if (strip_f1 <= y) return 0;
    if (left->first == x) first = left;  // same f0, worse f1: covered
  }
  // The points the new one covers are contiguous from x on. Walking them,
  // each f0 strip gains its old height minus y.
  auto last = first;
  double strip_x = x;
  double gain = 0;
  for (; last != front.end() && last->second >= y; ++last) {
    gain += (last->first - strip_x) * (strip_f1 - y);
    strip_x = last->first;
    strip_f1 = last->second;
  }
  const double end_x = last == front.end() ? r0 : last->first;
  gain += (end_x - strip_x) * (strip_f1 - y);
  front.emplace_hint(front.erase(first, last), x, y);
  return gain;
}

// Volume dominated by `points` (all strictly inside) up to `r`. Sweeps f2
// upwards keeping the 2-D front of the points seen so far and the area it
// dominates; the volume between consecutive f2 values is that area times the
// gap (zero for tied f2).
double sweep_3d(std::vector<Point3>& points, const double* r) {
  std::sort(points.begin(), points.end(),
            [](const Point3& a, const Point3& b) { return a[2] < b[2]; });
  std::map<double, double> front;
  double area = 0;
  double volume = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    area += add_to_front(front, points[i][0], points[i][1], r[0], r[1]);
    const double next_f2 = i + 1 < points.size() ? points[i + 1][2] : r[2];
    volume += area * (next_f2 - points[i][2]);
  }
  return volume;
}

// Points of one dimension stored row after row, so WFG's many small limit
// sets don't allocate a vector per point.
struct Rows {
  std::size_t dim = 0;
  std::vector<double> values;

  std::size_t size() const { return values.size() / dim; }
  const double* row(std::size_t i) const { return values.data() + i * dim; }
};

// True when `a` is no worse than `b` in each of the first `dim` objectives.
bool covers(const double* a, const double* b, std::size_t dim) {
  for (std::size_t k = 0; k < dim; ++k) {
    if (a[k] > b[k]) return false;
  }
  return true;
}

// Keeps one copy of each point that no other point covers; covered points
// add no volume and only slow the recursion down.
void keep_non_dominated(Rows& rows) {
  const std::size_t d = rows.dim;
  std::size_t kept = 0;  // rows [0, kept) are mutually non-covering
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double* candidate = rows.row(i);
    bool covered = false;
    for (std::size_t j = 0; j < kept && !covered; ++j) covered = covers(rows.row(j), candidate, d);
    if (covered) continue;
    // Drop the kept rows the candidate covers by moving the last kept row in.
    for (std::size_t j = 0; j < kept;) {
      if (covers(candidate, rows.row(j), d)) {
        --kept;
        std::copy_n(rows.row(kept), d, rows.values.begin() + j * d);
      } else {
        ++j;
      }
    }
    std::copy_n(candidate, d, rows.values.begin() + kept * d);
    ++kept;
  }
  rows.values.resize(kept * d);
}

double wfg(const Rows& rows, const double* r);

double box(const double* p, const double* r, std::size_t dim) {
  double volume = 1;
  for (std::size_t k = 0; k < dim; ++k) volume *= r[k] - p[k];
  return volume;
}

// WFG (While, Bradstreet, Barone 2012): the volume is the sum of each point's
// exclusive contribution against the points after it. Sorted worst-first in
// the last objective, every later point spans the current one's whole range
// in that objective, so the exclusive part is its height times a
// (dim-1)-dimensional exclusive area: its box minus the volume of the "limit
// set", the later points clipped to be no better than it.
double wfg_sum(const Rows& rows, const double* r) {
  const std::size_t d = rows.dim;
  const std::size_t n = rows.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rows.row(a)[d - 1] > rows.row(b)[d - 1];
  });
  Rows sorted{d, {}};
  sorted.values.reserve(rows.values.size());
  for (std::size_t i : order) sorted.values.insert(sorted.values.end(), rows.row(i), rows.row(i) + d);

  double volume = 0;
  Rows limit{d - 1, {}};
  for (std::size_t i = 0; i < n; ++i) {
    const double* p = sorted.row(i);
    limit.values.clear();
    for (std::size_t j = i + 1; j < n; ++j) {
      const double* q = sorted.row(j);
      for (std::size_t k = 0; k + 1 < d; ++k) limit.values.push_back(std::max(p[k], q[k]));
    }
    keep_non_dominated(limit);
    const double exclusive = box(p, r, d - 1) - wfg(limit, r);
    volume += (r[d - 1] - p[d - 1]) * exclusive;
  }
  return volume;
}

// Exact volume of `rows` (all strictly inside `r`), with the sweeps as base
// cases since they beat further recursion.
double wfg(const Rows& rows, const double* r) {
  const std::size_t n = rows.size();
  if (n == 0) return 0;
  if (n == 1) return box(rows.row(0), r, rows.dim);
  if (rows.dim == 1) return r[0] - *std::min_element(rows.values.begin(), rows.values.end());
  if (rows.dim == 2) {
    std::vector<Point2> points(n);
    for (std::size_t i = 0; i < n; ++i) points[i] = {rows.row(i)[0], rows.row(i)[1]};
    return sweep_2d(points, r[0], r[1]);
  }
  if (rows.dim == 3) {
    std::vector<Point3> points(n);
    for (std::size_t i = 0; i < n; ++i) points[i] = {rows.row(i)[0], rows.row(i)[1], rows.row(i)[2]};
    return sweep_3d(points, r);
  }
  return wfg_sum(rows, r);
}

}  // namespace

// Only points strictly better than the reference in every objective are
// kept: any other point bounds a box of zero volume.
double hypervolume(const Points& points, const Point& reference) {
  switch (reference.size()) {
    case 1: {
      check(points, reference, 1, "hypervolume");
      double best = reference[0];
      for (const Point& p : points) best = std::min(best, p[0]);
      return reference[0] - best;
    }
    case 2:
      return hypervolume_2d(points, reference);
    case 3:
      return hypervolume_3d(points, reference);
    default:  // hypervolume_nd's check rejects size 0
      return hypervolume_nd(points, reference);
  }
}

double hypervolume_2d(const Points& points, const Point& reference) {
  check(points, reference, 2, "hypervolume_2d");
  std::vector<Point2> inside;
  for (const Point& p : points) {
    if (strictly_dominates(p, reference)) inside.push_back({p[0], p[1]});
  }
  return sweep_2d(inside, reference[0], reference[1]);
}

double hypervolume_3d(const Points& points, const Point& reference) {
  check(points, reference, 3, "hypervolume_3d");
  std::vector<Point3> inside;
  for (const Point& p : points) {
    if (strictly_dominates(p, reference)) inside.push_back({p[0], p[1], p[2]});
  }
  return sweep_3d(inside, reference.data());
}

double hypervolume_nd(const Points& points, const Point& reference) {
  check(points, reference, 0, "hypervolume_nd");
  Rows inside{reference.size(), {}};
  for (const Point& p : points) {
    if (strictly_dominates(p, reference)) inside.values.insert(inside.values.end(), p.begin(), p.end());
  }
  keep_non_dominated(inside);
  return wfg(inside, reference.data());
}

}  // namespace prpnas::pareto
