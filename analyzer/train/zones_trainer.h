#pragma once
// `framelens train zones`: learns the site-text lines of the zone classifier (text/zones.h) from a
// corpus with an outlet field (AllSides train): a line of at most `max_words` words that occurs in
// at least `min_docs` articles of one outlet ("Sign up for Daily Newsletters", "Story Continued
// Below", "CLOSE"). A line that reads as running text (a sentence of 12+ words) must occur in
// `min_docs_sentence` articles, so a stock sentence an outlet repeats in a few stories on the same
// event stays body text.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzer/text/document.h"
#include "analyzer/text/zones.h"

namespace framelens {

struct ZonesTrainerOptions {
  int max_words = 40;
  int min_docs = 4;
  int min_docs_sentence = 12;
};

class ZonesTrainer {
 public:
  explicit ZonesTrainer(ZonesTrainerOptions opt = {}) : opt_(opt) {}
  // Counts the article's distinct short lines under its outlet (an empty outlet is skipped).
  void add(const Document& doc);
  ZoneTable finish() const;
  long articles() const { return articles_; }
  size_t distinct_lines() const { return counts_.size(); }

 private:
  struct Count {
    int32_t docs = 0;
    bool sentence = false;
  };
  ZonesTrainerOptions opt_;
  std::map<std::string, int32_t> outlets_;
  // (outlet id << 0) mixed into the line hash: lines are counted per outlet.
  std::unordered_map<uint64_t, Count> counts_;
  std::unordered_map<uint64_t, uint64_t> line_of_;  // per-outlet key -> line hash
  long articles_ = 0;
};

}  // namespace framelens
