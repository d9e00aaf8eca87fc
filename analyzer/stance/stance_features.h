#pragma once
// Features of one mention in its sentence, for the stance model (and, aggregated per actor, the
// role model). All hashed into 2^hash_bits slots:
//   - the sentence's words and bigrams with the mention masked as <T> (what is said around it),
//   - the words at fixed distances left/right of the mention (predicate after a subject, verb before
//     an object, "by" of a passive agent, a cue verb of the speaker),
//   - prior-polar words (PolarityLexicon) by side, distance, quotation state, strength and
//     negation (the actor as subject/object of negative or positive predicates),
//   - quotes by/about the mention (Document::quotes when the quotes stage ran, and a cue-verb
//     heuristic that always runs), loaded terms near it (Document::loaded_terms).
// Works only on doc.tokens (no re-tokenising); thread-safe (all state is in the caller's scratch).
#include <cstdint>
#include <vector>

#include "analyzer/ml/linear_model.h"
#include "analyzer/stance/stance_lexicon.h"
#include "analyzer/text/document.h"

namespace framelens {

// The token range [first, end) a mention covers, inside sentence `sentence`.
struct MentionTokens {
  int32_t first = 0;
  int32_t end = 0;
  int32_t sentence = -1;
};

// Finds the tokens overlapping `span`, clipped to the sentence of its first token. False when the
// span covers no token.
bool locate_mention(const Document& doc, Span span, MentionTokens& out);

// A negating word ("not", "never", "no", "without", any "...n't"): flips a polar word within the
// three tokens after it (the stance features and the evaluative ties read it the same way).
bool is_negator(std::string_view lower);

// Per-call buffers and a per-document token cache (word hash, prior polarity after negation,
// name flag), so featurising many mentions of one document hashes each token once and allocates
// nothing after warm-up. One scratch per thread.
struct StanceScratch {
  std::vector<uint32_t> index;
  std::vector<int32_t> token;  // the token that produced each raw feature (-1: the mention itself)

  const Document* doc = nullptr;
  size_t doc_tokens = 0;
  std::vector<uint64_t> tok_hash;
  std::vector<int8_t> tok_pol;     // 0, or sign * (1 + strong) with negation applied; |v| 4+ = negated
  std::vector<uint8_t> tok_name;   // inside an actor mention or a mid-sentence capitalised word
  std::vector<int8_t> in_quote;    // inside a straight-quoted stretch of its sentence
  std::vector<int32_t> clause;     // clause number within its sentence
  std::vector<uint8_t> sent_ready;
};

class StanceFeaturizer {
 public:
  StanceFeaturizer(uint32_t hash_bits, const PolarityLexicon* lexicon);

  uint32_t dim() const { return uint32_t(1) << bits_; }
  uint32_t hash_bits() const { return bits_; }

  // All features of a mention = sentence part (the same for every mention of the sentence: words
  // and bigrams with names as <P>, sentence polarity) + mention part (window words, flags,
  // polar words relative to the mention, quotes, loaded terms). Fills `out` (sorted unique indices
  // with summed values when `merge`; otherwise one entry per raw feature, which a dot product
  // treats the same). `attribution` receives (feature index, source token) pairs.
  void features(const Document& doc, const MentionTokens& m, SparseVector& out, StanceScratch& scratch,
                std::vector<std::pair<uint32_t, int32_t>>* attribution = nullptr, bool merge = true) const;
  // The two parts alone (unmerged), for callers that cache the sentence part.
  void sentence_part(const Document& doc, int32_t sentence, SparseVector& out, StanceScratch& scratch) const;
  void mention_part(const Document& doc, const MentionTokens& m, SparseVector& out, StanceScratch& scratch) const;

 private:
  void begin_document(const Document& doc, StanceScratch& s) const;
  void prepare_sentence(const Document& doc, int32_t sentence, StanceScratch& s) const;
  void emit_sentence(const Document& doc, int32_t sentence, StanceScratch& s) const;
  void emit_mention(const Document& doc, const MentionTokens& m, StanceScratch& s) const;
  void emit(uint64_t h, int32_t token, StanceScratch& s) const;
  static void collect(StanceScratch& s, SparseVector& out, bool merge);
  uint32_t bits_;
  const PolarityLexicon* lex_;
};

}  // namespace framelens
