#pragma once
// The one definition of precision, recall and F1, for every trainer and eval command.
#include <cstddef>
#include <vector>

namespace framelens {

// 2pr / (p + r); 0 when p + r is 0.
inline double f1_score(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};
// From counts; a ratio with an empty denominator is 0.
inline Prf prf(double tp, double fp, double fn) {
  Prf m;
  m.precision = tp + fp > 0 ? tp / (tp + fp) : 0.0;
  m.recall = tp + fn > 0 ? tp / (tp + fn) : 0.0;
  m.f1 = f1_score(m.precision, m.recall);
  return m;
}

// F1 of each class 0..k-1 (one-vs-rest over gold/pred labels), and their mean, the macro-F1 (a
// class never predicted nor present counts as F1 0, as in the scorer).
std::vector<double> per_class_f1(const std::vector<int>& gold, const std::vector<int>& pred, int k);
double macro_f1(const std::vector<int>& gold, const std::vector<int>& pred, int k);

}  // namespace framelens
