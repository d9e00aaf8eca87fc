#include "analyzer/train/frames_calibration.h"

#include <algorithm>
#include <cmath>

namespace framelens {

namespace {
double sig(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }
double logit(double p) { return std::log(p / (1 - p)); }
}  // namespace

double PlattScaling::apply(double z) const { return sig(a * z + b); }

PlattScaling fit_platt(const std::vector<double>& z, const std::vector<uint8_t>& y) {
  PlattScaling s;
  double npos = 0;
  for (auto v : y) npos += v != 0;
  const double nneg = static_cast<double>(y.size()) - npos;
  if (npos == 0 || nneg == 0) return s;
  const double tpos = (npos + 1) / (npos + 2), tneg = 1 / (nneg + 2);
  double a = 1, b = 0;
  auto loss = [&](double a_, double b_) {
    double l = 0;
    for (size_t i = 0; i < z.size(); ++i) {
      const double t = y[i] ? tpos : tneg, f = a_ * z[i] + b_;
      // -[t log p + (1-t) log(1-p)] with p = sig(f), stable form.
      l += (f >= 0 ? (1 - t) * f + std::log1p(std::exp(-f)) : -t * f + std::log1p(std::exp(f)));
    }
    return l;
  };
  double cur = loss(a, b);
  for (int it = 0; it < 100; ++it) {
    double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (size_t i = 0; i < z.size(); ++i) {
      const double t = y[i] ? tpos : tneg, p = sig(a * z[i] + b), d = p - t, w = p * (1 - p);
      ga += d * z[i], gb += d;
      haa += w * z[i] * z[i], hab += w * z[i], hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (std::fabs(det) < 1e-15) break;
    const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    double step = 1, next = cur;
    for (; step > 1e-6; step /= 2) {
      next = loss(a - step * da, b - step * db);
      if (next <= cur) break;
    }
    if (step <= 1e-6) break;
    a -= step * da, b -= step * db;
    const bool done = cur - next < 1e-10 * std::max(1.0, cur);
    cur = next;
    if (done) break;
  }
  // An inverted (or flat) out-of-fold ranking says the folds disagree with each other, not that the
  // final head (fitted on all rows) is inverted: keep the head's own probabilities then.
  if (!(a > 1e-3)) return s;
  s.a = a, s.b = b;
  return s;
}

double best_f1_threshold(const std::vector<double>& score, const std::vector<uint8_t>& forced,
                         const std::vector<uint8_t>& y, double* f1, double lo, double hi, double step) {
  double best = -1, best_t = hi;
  for (double t = hi; t >= lo - 1e-12; t -= step) {
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < score.size(); ++i) {
      const bool sel = score[i] >= t || (!forced.empty() && forced[i]);
      tp += sel && y[i], fp += sel && !y[i], fn += !sel && y[i];
    }
    const double f = tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
    if (f > best + 1e-12) best = f, best_t = t;
  }
  if (f1) *f1 = best;
  return best_t;
}

double em_target_prior(const std::vector<double>& p, double train_prior, int max_iterations, double tolerance) {
  const double lo = 1e-3, hi = 1 - 1e-3;
  const double pi = std::clamp(train_prior, lo, hi);
  if (p.empty()) return pi;
  double q = pi;
  for (int it = 0; it < max_iterations; ++it) {
    double sum = 0;
    for (double s : p) {
      const double pos = q * s / pi, neg = (1 - q) * (1 - s) / (1 - pi);
      sum += pos + neg > 0 ? pos / (pos + neg) : q;
    }
    const double next = std::clamp(sum / static_cast<double>(p.size()), lo, hi);
    const bool done = std::fabs(next - q) < tolerance;
    q = next;
    if (done) break;
  }
  return q;
}

double prior_shift(double train_prior, double target_prior) {
  const double lo = 1e-3, hi = 1 - 1e-3;
  return logit(std::clamp(target_prior, lo, hi)) - logit(std::clamp(train_prior, lo, hi));
}

}  // namespace framelens
