#include "analyzer/report/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace framelens {

namespace {

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// Cumulative Poisson(1) probabilities scaled to 2^32, so a 32-bit uniform picks k by table lookup.
struct PoissonTable {
  std::array<uint64_t, 12> cdf{};
  PoissonTable() {
    double p = std::exp(-1.0), c = 0.0;
    for (size_t k = 0; k < cdf.size(); ++k) {
      c += p;
      p /= static_cast<double>(k + 1);
      cdf[k] = static_cast<uint64_t>(std::min(1.0, c) * 4294967296.0);
    }
    cdf.back() = 4294967296ull;
  }
};

const PoissonTable& table() {
  static const PoissonTable t;
  return t;
}

}  // namespace

KeyHash& KeyHash::add(std::string_view s) {
  for (unsigned char c : s) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
  h_ ^= 0xff;
  h_ *= 1099511628211ull;
  return *this;
}

KeyHash& KeyHash::add(int64_t v) {
  for (int i = 0; i < 8; ++i) {
    h_ ^= static_cast<uint64_t>(v >> (8 * i)) & 0xff;
    h_ *= 1099511628211ull;
  }
  return *this;
}

BootWeights poisson_weights(uint64_t key) {
  const auto& cdf = table().cdf;
  BootWeights w{};
  uint64_t state = key ^ 0x5deece66dull;  // fixed seed: same article, same weights, every run
  for (int r = 0; r < kReplicates; r += 2) {
    uint64_t bits = splitmix64(state);
    for (int half = 0; half < 2; ++half) {
      uint64_t u = half ? (bits >> 32) : (bits & 0xffffffffull);
      size_t k = 0;
      while (k + 1 < cdf.size() && u >= cdf[k]) ++k;
      w[r + half] = static_cast<uint8_t>(k);
    }
  }
  return w;
}

void SumAcc::add(double x, const BootWeights& w) {
  if (!std::isfinite(x) || x == 0.0) return;
  const int64_t q = std::llround(x * kUnit);
  sum_ += q;
  ++n_;
  for (int r = 0; r < kReplicates; ++r) reps_[r] += static_cast<int64_t>(w[r]) * q;
}

void SumAcc::merge(const SumAcc& o) {
  sum_ += o.sum_;
  n_ += o.n_;
  for (int r = 0; r < kReplicates; ++r) reps_[r] += o.reps_[r];
}

std::array<double, kReplicates> ratio_replicates(const SumAcc& num, const SumAcc& den, double scale) {
  std::array<double, kReplicates> out;
  for (int r = 0; r < kReplicates; ++r) {
    const double d = den.replicate(r);
    out[r] = d != 0.0 ? scale * num.replicate(r) / d
                       : std::numeric_limits<double>::quiet_NaN();
  }
  return out;
}

Interval ratio_interval(const SumAcc& num, const SumAcc& den, double scale) {
  if (den.sum() == 0.0) return {std::numeric_limits<double>::quiet_NaN(), 0, 0, false};
  return percentile_interval(scale * num.sum() / den.sum(), ratio_replicates(num, den, scale));
}

Interval percentile_interval(double point, const std::array<double, kReplicates>& reps) {
  Interval iv;
  iv.value = point;
  iv.defined = std::isfinite(point);
  std::vector<double> v;
  v.reserve(reps.size());
  for (double x : reps) {
    if (std::isfinite(x)) v.push_back(x);
  }
  if (v.empty()) {
    iv.low = iv.high = point;
    return iv;
  }
  std::sort(v.begin(), v.end());
  // Linear interpolation between order statistics (numpy's default percentile).
  auto q = [&](double p) {
    double pos = p * static_cast<double>(v.size() - 1);
    size_t i = static_cast<size_t>(pos);
    double f = pos - static_cast<double>(i);
    return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
  };
  iv.low = q(0.025);
  iv.high = q(0.975);
  return iv;
}

}  // namespace framelens
