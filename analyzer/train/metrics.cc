#include "analyzer/train/metrics.h"

namespace framelens {

std::vector<double> per_class_f1(const std::vector<int>& gold, const std::vector<int>& pred, int k) {
  std::vector<double> out;
  for (int c = 0; c < k; ++c) {
    double tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < gold.size(); ++i) {
      tp += gold[i] == c && pred[i] == c;
      fp += gold[i] != c && pred[i] == c;
      fn += gold[i] == c && pred[i] != c;
    }
    out.push_back(prf(tp, fp, fn).f1);
  }
  return out;
}

double macro_f1(const std::vector<int>& gold, const std::vector<int>& pred, int k) {
  double sum = 0;
  for (double f : per_class_f1(gold, pred, k)) sum += f;
  return k ? sum / k : 0.0;
}

}  // namespace framelens
