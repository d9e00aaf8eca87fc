#pragma once
// Per-label calibration of the multi-label frame heads, fitted on out-of-fold scores of the
// training corpus and carried to unlabelled text of another source:
//  - Platt scaling: p = sigmoid(a * z + b) on a head's raw logit z (the heads are trained with
//    balanced positives, so their raw probabilities are not the training-corpus posteriors);
//  - a per-label decision threshold on the calibrated score that maximises that label's F1 on the
//    out-of-fold rows (macro-F1 is the mean of per-label F1s, and the "top frame is always
//    selected" rule does not depend on thresholds, so labels can be tuned one at a time);
//  - prior correction by EM (Saerens, Latinne & Decaestecker 2002): the label's prior on
//    unlabelled target text, given calibrated posteriors and the training prior; the posterior
//    shift is logit(target prior) - logit(train prior), added to b.
#include <cstdint>
#include <vector>

namespace framelens {

struct PlattScaling {
  double a = 1, b = 0;
  double apply(double z) const;  // sigmoid(a z + b)
};

// Maximum-likelihood (a, b) on logits z with 0/1 targets y (Newton on the 2-parameter log loss,
// with Platt's smoothed targets (n+ + 1) / (n+ + 2) and 1 / (n- + 2) against overfitting). A slope
// <= 0.001 (out-of-fold scores that do not rank, or rank inverted) gives the identity (1, 0).
PlattScaling fit_platt(const std::vector<double>& z, const std::vector<uint8_t>& y);

// The threshold in [lo, hi] (step) maximising F1 of (score >= t || forced) against y; ties -> the
// highest threshold. Returns the F1 through `f1` when given.
double best_f1_threshold(const std::vector<double>& score, const std::vector<uint8_t>& forced,
                         const std::vector<uint8_t>& y, double* f1 = nullptr, double lo = 0.02, double hi = 0.98,
                         double step = 0.01);

// EM estimate of a label's prior on target data from calibrated posteriors `p` (computed under the
// training prior `train_prior`). Clamped to [1e-3, 1 - 1e-3].
double em_target_prior(const std::vector<double>& p, double train_prior, int max_iterations = 200,
                       double tolerance = 1e-7);

// logit(target) - logit(train): the shift of a calibrated logit under the new prior.
double prior_shift(double train_prior, double target_prior);

}  // namespace framelens
