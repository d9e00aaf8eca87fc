#include "analyzer/train/prior_em.h"

#include <algorithm>
#include <cmath>

namespace framelens {

namespace {
double logit(double x) {
  x = std::clamp(x, 1e-9, 1 - 1e-9);
  return std::log(x / (1 - x));
}
}  // namespace

PriorEstimate estimate_prior_em(const std::vector<double>& p, double train_rate, int max_iter, double tol) {
  PriorEstimate e;
  const double t = std::clamp(train_rate, 1e-6, 1 - 1e-6);
  e.rate = t;
  if (p.empty()) return e;
  double mean = 0;
  for (double x : p) mean += x;
  e.mean_posterior = mean / static_cast<double>(p.size());
  double r = t;
  for (int it = 0; it < max_iter; ++it) {
    const double a = r / t, b = (1 - r) / (1 - t);
    double s = 0;
    for (double x : p) {
      const double num = a * x;
      s += num / (num + b * (1 - x));
    }
    const double nr = std::clamp(s / static_cast<double>(p.size()), 1e-6, 1 - 1e-6);
    e.iterations = it + 1;
    const bool done = std::abs(nr - r) < tol;
    r = nr;
    if (done) break;
  }
  e.rate = r;
  e.shift = logit(r) - logit(t);
  return e;
}

}  // namespace framelens
