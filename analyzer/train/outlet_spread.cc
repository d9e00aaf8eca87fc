#include "analyzer/train/outlet_spread.h"

#include <cmath>
#include <map>

namespace framelens {

std::vector<float> leaning_sample_weights(const std::vector<std::string>& outlets, const std::vector<int>& labels,
                                          int classes, double outlet_power, bool balance_classes) {
  const size_t n = std::min(outlets.size(), labels.size());
  std::vector<float> w(n, 1.0f);
  if (n == 0 || classes <= 0) return w;
  std::map<std::string, double> per_outlet;
  for (size_t i = 0; i < n; ++i) per_outlet[outlets[i]] += 1;
  std::vector<double> wd(n);
  for (size_t i = 0; i < n; ++i) wd[i] = std::pow(per_outlet[outlets[i]], -outlet_power);
  if (balance_classes) {
    std::vector<double> cls(classes, 0.0);
    int present = 0;
    for (size_t i = 0; i < n; ++i)
      if (labels[i] >= 0 && labels[i] < classes) cls[labels[i]] += wd[i];
    for (double c : cls) present += c > 0;
    double total = 0;
    for (double c : cls) total += c;
    for (size_t i = 0; i < n; ++i)
      if (labels[i] >= 0 && labels[i] < classes && cls[labels[i]] > 0) wd[i] *= total / (present * cls[labels[i]]);
  }
  double sum = 0;
  for (double v : wd) sum += v;
  for (size_t i = 0; i < n; ++i) w[i] = static_cast<float>(wd[i] * n / sum);
  return w;
}

std::vector<uint32_t> feature_outlet_counts(const std::vector<SparseVector>& x, const std::vector<std::string>& outlets,
                                            uint32_t dim) {
  std::vector<uint32_t> counts(dim, 0);
  // Rows grouped by outlet; last[f] remembers the last outlet that counted f.
  std::map<std::string, std::vector<size_t>> rows;
  for (size_t i = 0; i < x.size() && i < outlets.size(); ++i) rows[outlets[i]].push_back(i);
  std::vector<uint32_t> last(dim, 0);
  uint32_t id = 0;
  for (const auto& [outlet, idx] : rows) {
    ++id;
    for (size_t i : idx)
      for (uint32_t f : x[i].index)
        if (f < dim && last[f] != id) last[f] = id, ++counts[f];
  }
  return counts;
}

void keep_spread_features(SparseVector& v, const std::vector<uint32_t>& outlet_counts, uint32_t min_outlets) {
  if (min_outlets <= 1) return;
  size_t out = 0;
  for (size_t j = 0; j < v.size(); ++j) {
    if (v.index[j] >= outlet_counts.size() || outlet_counts[v.index[j]] < min_outlets) continue;
    v.index[out] = v.index[j];
    v.value[out++] = v.value[j];
  }
  v.index.resize(out);
  v.value.resize(out);
}

}  // namespace framelens
