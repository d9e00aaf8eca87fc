#pragma once
// Outlet-aware training aids for the article leaning head. AllSides labels are outlet ratings, so a
// head can score well on seen outlets by learning their house style, which does not transfer to an
// outlet it never saw. Two remedies, both computed from training articles only:
//   - leaning_sample_weights: an outlet's articles share a total weight of n_outlet^(1 - power)
//     (power 1 = every outlet counts equally, 0 = every article does), then the classes are
//     balanced on those weights, so the few biggest outlets stop defining the classes;
//   - feature_outlet_counts / keep_spread_features: the number of distinct outlets a feature occurs
//     in; n-grams seen in fewer than K outlets (house style, bylines, self-references, an outlet's
//     recurring columnists) are dropped from the training vectors.
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/ml/linear_model.h"

namespace framelens {

// One weight per sample (mean 1). labels[i] in [0, classes).
std::vector<float> leaning_sample_weights(const std::vector<std::string>& outlets, const std::vector<int>& labels,
                                          int classes, double outlet_power, bool balance_classes);

// counts[f] = number of distinct outlets with at least one vector holding feature f (< dim).
std::vector<uint32_t> feature_outlet_counts(const std::vector<SparseVector>& x, const std::vector<std::string>& outlets,
                                            uint32_t dim);

// Removes the entries of features seen in fewer than `min_outlets` outlets, WITHOUT re-normalising:
// the head then gets weight 0 for them and scores the full (unfiltered) vector identically at
// inference time, so the shared article features need no change.
void keep_spread_features(SparseVector& v, const std::vector<uint32_t>& outlet_counts, uint32_t min_outlets);

}  // namespace framelens
