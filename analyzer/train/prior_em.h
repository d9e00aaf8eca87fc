#pragma once
// Re-estimation of a class prior on unlabelled data (Saerens, Latinne & Decaestecker 2002, "Adjusting
// the outputs of a classifier to new a priori probabilities"): given posteriors p_i of a classifier
// trained where the positive rate was `train_rate`, iterate
//   p_i' = (r/t) p_i / ((r/t) p_i + ((1-r)/(1-t)) (1-p_i)),   r <- mean_i p_i'
// to the rate r of the new population. The adjusted posterior is sigmoid(logit(p) + shift) with
// shift = logit(r) - logit(t).
#include <vector>

namespace framelens {

struct PriorEstimate {
  double rate = 0.5;   // estimated positive rate of the new data
  double shift = 0.0;  // logit(rate) - logit(train_rate): add to the classifier's margin
  int iterations = 0;
  double mean_posterior = 0.0;  // mean of the unadjusted posteriors (the naive estimate)
};

// `p`: posteriors in (0,1) under the training prior. Stops when the rate moves less than `tol`.
PriorEstimate estimate_prior_em(const std::vector<double>& p, double train_rate, int max_iter = 200,
                                double tol = 1e-7);

}  // namespace framelens
