#pragma once
// Poisson bootstrap with running sums: each article gets, for each of kReplicates replicates, a
// weight drawn from Poisson(1), derived only from a hash of the article (not from its position),
// so the intervals are deterministic, independent of thread count and input order, and shards
// merge exactly (a replicate sum over the corpus is the sum of the shards' replicate sums).
// Memory is constant in the number of articles: a ratio keeps 2 x kReplicates floats.
#include <array>
#include <cstdint>
#include <string_view>

namespace framelens {

constexpr int kReplicates = 200;

using BootWeights = std::array<uint8_t, kReplicates>;

// FNV-1a over several fields (a 0xff separator keeps "ab","c" apart from "a","bc").
class KeyHash {
 public:
  KeyHash& add(std::string_view s);
  KeyHash& add(int64_t v);
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 1469598103934665603ull;
};

// Poisson(1) weights for the replicates of an article whose key hashes to `key`.
BootWeights poisson_weights(uint64_t key);

struct Interval {
  double value = 0.0;   // the estimate on the full data (NaN when undefined)
  double low = 0.0;     // 2.5th and 97.5th percentile of the replicate estimates
  double high = 0.0;
  bool defined = false; // false when the denominator is 0
};

// A running sum and its kReplicates replicate sums (each article added with its Poisson weight).
// Values are kept as integers in millionths (the 6 decimals of the JSON output), so sums are exact
// and do not depend on the order the articles were added or shards merged: `batch`, `aggregate`,
// the Dask runner and `--resume` give the same bits. 1,608 bytes per accumulator; int64 holds the
// replicate sums of a billion 1,000-word articles.
class SumAcc {
 public:
  static constexpr double kUnit = 1e6;  // fixed-point scale

  void add(double x, const BootWeights& w);
  void merge(const SumAcc& o);
  double sum() const { return static_cast<double>(sum_) / kUnit; }
  int64_t n() const { return n_; }  // how many non-zero values were added
  double replicate(int r) const { return static_cast<double>(reps_[r]) / kUnit; }

 private:
  int64_t sum_ = 0;
  int64_t n_ = 0;
  std::array<int64_t, kReplicates> reps_{};
};

// Rates per 1,000 words, shares and means are all ratios of sums: num / den * scale. Shares of
// several keys (frames, speaker types) share one denominator, which is why num and den are apart.
Interval ratio_interval(const SumAcc& num, const SumAcc& den, double scale = 1.0);
std::array<double, kReplicates> ratio_replicates(const SumAcc& num, const SumAcc& den, double scale = 1.0);

// Percentile interval of a set of replicate values (NaNs ignored); `point` is the estimate.
Interval percentile_interval(double point, const std::array<double, kReplicates>& reps);

}  // namespace framelens
