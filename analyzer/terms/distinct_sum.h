#pragma once
// Sum of the weights of the distinct feature ids of a sentence, bit-identical to adding them in
// ascending id order (what `sort + unique + sum` gives, the sentence model's reference order).
// Sorting every sentence's ~50 ids was a visible share of the terms stage. When the sum is exact
// in double precision in any order -- all the weights together span few enough bits, which their
// float exponents tell -- any order gives the same double, so the ids are only deduplicated (a
// small hash set); otherwise they are sorted as before.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace framelens::terms {

class DistinctSum {
 public:
  // Returns the sum of w[id] over the distinct ids in `ids` and sets `distinct` to their number.
  // `ids` is reordered (its first `distinct` entries become the distinct ids).
  double operator()(const float* w, std::vector<uint32_t>& ids, size_t& distinct) {
    distinct = dedupe(ids);
    if (!exact_in_any_order(w, ids.data(), distinct)) std::sort(ids.begin(), ids.begin() + distinct);
    double s = 0;
    for (size_t k = 0; k < distinct; ++k) s += w[ids[k]];
    return s;
  }

  // Whether every partial sum of w[ids[0..n)] is exact in a double: the weights are multiples of
  // 2^(emin-24) and the sums stay below n * 2^emax (e: float exponents), so 24 + emax - emin +
  // ceil(log2 n) <= 53 bits suffice. Subnormal weights are not checked for; they force the sort.
  static bool exact_in_any_order(const float* w, const uint32_t* ids, size_t n) {
    int emin = 255, emax = 0;
    for (size_t k = 0; k < n; ++k) {
      uint32_t bits;
      std::memcpy(&bits, &w[ids[k]], sizeof bits);
      if ((bits & 0x7FFFFFFFu) == 0) continue;  // +-0 adds exactly
      const int e = static_cast<int>((bits >> 23) & 0xFF);
      emin = std::min(emin, e);
      emax = std::max(emax, e);
    }
    if (emin > emax) return true;                // all zero
    if (emin == 0 || emax == 255) return false;  // subnormal, inf or nan
    const int log2n = static_cast<int>(std::bit_width(n > 1 ? n - 1 : size_t{0}));
    return 24 + (emax - emin) + log2n <= 53;
  }

 private:
  // Moves the distinct ids (first occurrences, in order) to the front; returns their number.
  size_t dedupe(std::vector<uint32_t>& ids) {
    const size_t n = ids.size();
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    slots_.assign(cap, 0);  // id + 1; 0 = empty
    const size_t mask = cap - 1;
    size_t out = 0;
    for (size_t k = 0; k < n; ++k) {
      const uint32_t key = ids[k] + 1;
      for (size_t i = (key * 0x9E3779B1u) & mask;; i = (i + 1) & mask) {
        if (slots_[i] == key) break;
        if (slots_[i] == 0) {
          slots_[i] = key;
          ids[out++] = ids[k];
          break;
        }
      }
    }
    return out;
  }

  std::vector<uint32_t> slots_;
};

}  // namespace framelens::terms
