#pragma once
// How well article-level leaning scores order outlets: per outlet, the mean calibrated
// probabilities and the mean lean (right - left) of its articles; agreement = share of outlets
// whose argmax of the mean probabilities is the outlet's (majority) gold label; Spearman rank
// correlation (average ranks for ties) between the mean lean and the gold label as -1 / 0 / +1.
// Also the temperature scaling and class offsets of a 3-class softmax, fitted on held-out
// probabilities (outlet-grouped CV) to calibrate `lean` and the label decision.
#include <array>
#include <string>
#include <vector>

namespace framelens {

struct OutletAgreement {
  size_t outlets = 0;
  double agreement = 0;  // share of outlets labelled right
  double spearman = 0;   // mean lean vs gold -1/0/+1
  double macro_f1 = 0;   // over outlets, left/center/right
};

// gold[i] in {0 left, 1 center, 2 right}; p[i] = calibrated probabilities of article i.
OutletAgreement outlet_agreement(const std::vector<std::string>& outlet, const std::vector<int>& gold,
                                 const std::vector<std::array<double, 3>>& p);

// Spearman rank correlation with average ranks for ties (0 when either side is constant).
double spearman(const std::vector<double>& a, const std::vector<double>& b);

// p^(1/T) renormalised, plus log-offsets: the probabilities after calibration.
std::array<double, 3> calibrate3(const std::array<double, 3>& p, double inv_temperature,
                                 const std::array<double, 3>& offset = {0, 0, 0});

// The 1/T (over a grid) minimising the mean negative log-likelihood of the gold labels.
double fit_inverse_temperature(const std::vector<std::array<double, 3>>& p, const std::vector<int>& gold);

// Log-offsets (left fixed at 0; center and right over a grid) maximising macro-F1 of the argmax.
std::array<double, 3> fit_class_offsets(const std::vector<std::array<double, 3>>& p, const std::vector<int>& gold);

}  // namespace framelens
