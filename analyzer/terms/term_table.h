#pragma once
// The learned term table: single words and multiword expressions with a learned score in [0,1] and
// a category. Written by `framelens train loaded` as models/loaded/terms.tsv (phrase, score,
// category), loaded once, then only read (thread-safe). Matching is longest-first over the
// document's tokens with one hash lookup per token.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "analyzer/core/flat_hash_index.h"
#include "analyzer/core/hash_filter.h"
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/terms/seed_terms.h"
#include "analyzer/text/document.h"

namespace framelens::terms {

struct TermEntry {
  std::string phrase;             // lower case tokens joined by single spaces
  std::vector<uint64_t> hashes;   // hash_token of each token of the phrase
  float score = 0.f;
  TermCategory category = TermCategory::Loaded;
  // Open vocabulary (train/open_vocabulary.h): never seen in the annotated corpora, reported on the
  // open-vocabulary model's decision; the score is the term prior alone. A 4th field "open" in the file.
  bool open = false;
};

struct TermMatch {
  int32_t first_token = 0, end_token = 0;  // [first, end) into Document::tokens
  int32_t entry = -1;                      // index into TermTable::entries()
};

class TermTable {
 public:
  static constexpr int kMaxPhraseTokens = 5;

  // Adds (or replaces) an entry; the phrase is split on spaces.
  void add(const std::string& phrase, float score, TermCategory category, bool open = false);

  static Result<TermTable> load(const std::string& path);
  Status save(const std::string& path) const;

  // Longest-first, non-overlapping matches in tokens [first, end) (compared by Token::hash).
  void match(const std::vector<Token>& tokens, int32_t first, int32_t end, std::vector<TermMatch>& out) const;

  const std::vector<TermEntry>& entries() const { return entries_; }
  // A match becomes a reported term when its score reaches this (tuned on dev span F1; stored in
  // the file as a "#threshold<TAB>value" line).
  float threshold = 0.5f;
  // Always-reported seed categories (hedges, loaded cues, labels) still need this score ("#seed_min"
  // line; 0 when absent: every seed match is reported).
  float seed_min = 0.f;
  bool reported(const TermEntry& e) const {
    return e.open || e.score >= threshold || (always_reported(e.category) && e.score >= seed_min);
  }
  // Index of the exact phrase, or -1.
  int32_t find(const std::string& phrase) const;

 private:
  // An entry as match() tests it: its length and the hashes of its tokens after the first, kept
  // inline so trying a candidate reads this list and no TermEntry (one cache miss, not two more).
  struct Continuation {
    int32_t entry = -1;
    int32_t tokens = 0;
    uint64_t rest[kMaxPhraseTokens - 1] = {};
  };
  std::vector<TermEntry> entries_;
  // First-token hash -> the entries starting with it, longest first (a flat index: looked up per token).
  FlatHashIndex by_first_;
  HashFilter first_filter_;  // the first-token hashes, tested before by_first_
  std::vector<std::vector<Continuation>> first_lists_;
  std::unordered_map<std::string, int32_t> by_phrase_;
};

// Splits a phrase on spaces into its tokens.
std::vector<std::string> split_phrase(const std::string& phrase);
TermCategory category_from_name(std::string_view name, bool* ok = nullptr);

}  // namespace framelens::terms
