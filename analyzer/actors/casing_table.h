#pragma once
// Which words news text writes in lower case when they are not at the start of a sentence
// ("good", "relations", "asked"), learned by `framelens train casing` from the same tokens the
// pipeline sees. The actors stage consults it for a capitalised word at a sentence or quote start,
// where the capital says nothing: "Good relations between..." opens with an adjective, "Young said"
// with a surname ("young" is lower-case in most of its uses too, which is why the stage still
// links it when the article introduced a "Don Young").
//
// Stored as the sorted 64-bit token hashes (Token::hash) of the kept words: no text.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/document.h"

namespace framelens {

struct CasingOptions {
  int64_t min_count = 20;         // occurrences away from a sentence start
  double min_lower_share = 0.95;  // share of those written in lower case
};

class CasingTable {
 public:
  bool mostly_lower(const Token& t) const;
  size_t size() const { return hashes_.size(); }

  // Binary: "FLCASING" v1, options, count, sorted hashes.
  Status save(const std::string& path) const;
  static Result<CasingTable> load(const std::string& path);

 private:
  friend class CasingCounter;
  CasingOptions opt_;
  std::vector<uint64_t> hashes_;  // sorted
};

// Training: counts, per word, its lower-case and capitalised uses away from sentence starts.
class CasingCounter {
 public:
  void add(const Document& doc);
  CasingTable finish(const CasingOptions& opt) const;
  size_t words_seen() const { return counts_.size(); }

 private:
  struct Uses {
    int64_t lower = 0, capitalised = 0;
  };
  std::unordered_map<uint64_t, Uses> counts_;
};

// The first word of a sentence, a line, or of a quote, parenthesis or clause after a colon or
// dash: capitalised by convention, whatever the word.
bool capitalised_by_position(const Document& doc, int32_t token, int32_t sentence_first);

}  // namespace framelens
