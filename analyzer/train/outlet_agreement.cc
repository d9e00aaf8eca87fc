#include "analyzer/train/outlet_agreement.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>


namespace framelens {

namespace {

std::vector<double> average_ranks(const std::vector<double>& v) {
  std::vector<size_t> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return v[a] < v[b]; });
  std::vector<double> r(v.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    for (size_t k = i; k <= j; ++k) r[order[k]] = 0.5 * double(i + j) + 1;
    i = j + 1;
  }
  return r;
}

int argmax3(const std::array<double, 3>& p) { return p[0] >= p[1] && p[0] >= p[2] ? 0 : (p[1] >= p[2] ? 1 : 2); }

double macro3(const std::vector<int>& gold, const std::vector<int>& pred) {
  double sum = 0;
  for (int c = 0; c < 3; ++c) {
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < gold.size(); ++i) tp += gold[i] == c && pred[i] == c, fp += gold[i] != c && pred[i] == c,
                                              fn += gold[i] == c && pred[i] != c;
    sum += tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
  }
  return sum / 3;
}

}  // namespace

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size() || a.size() < 2) return 0;
  const auto ra = average_ranks(a), rb = average_ranks(b);
  const double n = static_cast<double>(a.size()), mean = (n + 1) / 2;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean), saa += (ra[i] - mean) * (ra[i] - mean), sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0;
}

OutletAgreement outlet_agreement(const std::vector<std::string>& outlet, const std::vector<int>& gold,
                                 const std::vector<std::array<double, 3>>& p) {
  struct Acc {
    std::array<double, 3> p{0, 0, 0};
    std::array<int, 3> gold{0, 0, 0};
    size_t n = 0;
  };
  std::map<std::string, Acc> by;
  for (size_t i = 0; i < outlet.size(); ++i) {
    if (gold[i] < 0 || gold[i] > 2) continue;
    auto& a = by[outlet[i]];
    for (int k = 0; k < 3; ++k) a.p[k] += p[i][k];
    ++a.gold[gold[i]];
    ++a.n;
  }
  OutletAgreement out;
  std::vector<double> lean, g;
  std::vector<int> gi, pi;
  for (const auto& [_, a] : by) {
    const int gl = static_cast<int>(std::max_element(a.gold.begin(), a.gold.end()) - a.gold.begin());
    lean.push_back((a.p[2] - a.p[0]) / double(a.n));
    g.push_back(gl - 1.0);
    gi.push_back(gl);
    pi.push_back(argmax3(a.p));
  }
  out.outlets = by.size();
  size_t ok = 0;
  for (size_t i = 0; i < gi.size(); ++i) ok += gi[i] == pi[i];
  out.agreement = gi.empty() ? 0 : double(ok) / double(gi.size());
  out.spearman = spearman(lean, g);
  out.macro_f1 = macro3(gi, pi);
  return out;
}

std::array<double, 3> calibrate3(const std::array<double, 3>& p, double inv_t, const std::array<double, 3>& offset) {
  std::array<double, 3> z;
  for (int k = 0; k < 3; ++k) z[k] = inv_t * std::log(std::max(p[k], 1e-12)) + offset[k];
  const double m = std::max({z[0], z[1], z[2]});
  double s = 0;
  for (auto& v : z) s += (v = std::exp(v - m));
  for (auto& v : z) v /= s;
  return z;
}

double fit_inverse_temperature(const std::vector<std::array<double, 3>>& p, const std::vector<int>& gold) {
  double best = 1, best_nll = 1e300;
  for (double inv_t = 0.1; inv_t <= 3.001; inv_t += 0.02) {
    double nll = 0;
    size_t n = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      if (gold[i] < 0 || gold[i] > 2) continue;
      nll -= std::log(std::max(calibrate3(p[i], inv_t)[gold[i]], 1e-12));
      ++n;
    }
    if (n && nll < best_nll) best_nll = nll, best = inv_t;
  }
  return best;
}

std::array<double, 3> fit_class_offsets(const std::vector<std::array<double, 3>>& p, const std::vector<int>& gold) {
  std::array<double, 3> best{0, 0, 0};
  double best_f1 = -1;
  for (double c = -2; c <= 2.001; c += 0.1) {
    for (double r = -2; r <= 2.001; r += 0.1) {
      const std::array<double, 3> off{0, c, r};
      std::vector<int> pred(p.size());
      for (size_t i = 0; i < p.size(); ++i) pred[i] = argmax3(calibrate3(p[i], 1, off));
      const double f = macro3(gold, pred);
      // Ties: the smaller offsets.
      if (f > best_f1 + 1e-9 || (std::fabs(f - best_f1) <= 1e-9 && std::fabs(c) + std::fabs(r) <
                                                                       std::fabs(best[1]) + std::fabs(best[2])))
        best_f1 = f, best = off;
    }
  }
  return best;
}

}  // namespace framelens
