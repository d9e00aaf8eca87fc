#pragma once
// Spans sorted by start with the running maximum of their ends: "is [a, b) inside any of them" and
// "does it overlap any" in O(log n), so huge documents with many quotes stay linear.
#include <algorithm>
#include <climits>
#include <vector>

#include "analyzer/text/document.h"

namespace framelens::terms {

class SpanIndex {
 public:
  void clear() { spans_.clear(); }
  void add(Span s) { spans_.push_back(s); }
  void build() {
    std::sort(spans_.begin(), spans_.end(), [](Span a, Span b) { return a.start < b.start; });
    max_end_.resize(spans_.size());
    int32_t m = INT32_MIN;
    for (size_t i = 0; i < spans_.size(); ++i) max_end_[i] = m = std::max(m, spans_[i].end);
  }
  bool empty() const { return spans_.empty(); }
  bool contains(Span t) const {
    const size_t k = upper(t.start);  // spans starting at or before t.start
    return k > 0 && max_end_[k - 1] >= t.end;
  }
  bool overlaps(Span t) const {
    const size_t k = upper(t.end - 1);  // spans starting before t.end
    return k > 0 && max_end_[k - 1] > t.start;
  }

 private:
  size_t upper(int32_t pos) const {
    return static_cast<size_t>(std::upper_bound(spans_.begin(), spans_.end(), pos,
                                                [](int32_t p, Span s) { return p < s.start; }) -
                               spans_.begin());
  }
  std::vector<Span> spans_;
  std::vector<int32_t> max_end_;
};

}  // namespace framelens::terms
