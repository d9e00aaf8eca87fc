#pragma once
// Prior word polarity for the stance and role features. Built at training time from the opinion
// lexicons in the shared corpora (Bing Liu opinion words, MPQA subjectivity clues) and stored inside
// the model file as hashed entries: the lexicon files themselves never ship. Lookup is by
// feature_hash(token.lower) in a flat open-addressing table, so inference does no string work.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/core/huge_page_allocator.h"

namespace framelens {

struct WordPolarity {
  int8_t polarity = 0;  // -1, 0, +1 (sign of the summed lexicon votes)
  bool strong = false;  // MPQA "strongsubj" or both lexicons agree
};

class PolarityLexicon {
 public:
  // Adds one word (lower-case UTF-8). Repeated words accumulate votes.
  void add(std::string_view word, int vote, bool strong);
  // Reads <dir>/bing_liu_opinion/{positive,negative}-words.txt and
  // <dir>/mpqa_subjectivity/subjclueslen1-HLTEMNLP05.tff (MPQA stemmed clues also get their
  // common inflections). Missing files are an input_error.
  static Result<PolarityLexicon> from_lexicon_dir(const std::string& dir);

  // Freezes the votes into the lookup table; call once after the last add().
  void finish();
  WordPolarity lookup(uint64_t word_hash) const;
  // Starts loading the slot of `word_hash` (callers prefetch a sentence's words, then look them up).
  void prefetch(uint64_t word_hash) const;
  size_t size() const { return count_; }

  // Binary: "FLPOLLEX" v1, count, then (hash u64, polarity i8, strong u8) entries.
  Status write(std::ostream& os) const;
  static Result<PolarityLexicon> read(std::istream& is, const std::string& where);

 private:
  struct Entry {
    uint64_t hash = 0;  // 0 = empty slot
    int8_t polarity = 0;
    uint8_t strong = 0;
  };
  void rebuild(const std::vector<Entry>& entries) { rebuild(entries.data(), entries.size()); }
  void rebuild(const Entry* entries, size_t n);
  std::vector<Entry> entries() const;

  std::vector<std::pair<uint64_t, std::pair<int, int>>> votes_;  // hash -> (vote sum, strong votes)
  // Power-of-two open-addressing table of 8-byte slots (cache-friendly): the hash with its low 8
  // bits replaced by the payload (polarity + 2, strong << 2); 0 = empty.
  ModelBuffer<uint64_t> table_;
  size_t count_ = 0;
};

}  // namespace framelens
