#pragma once
// Open vocabulary for the loaded-wording term table (`framelens train loaded`): words the
// annotated corpora (BABE, PTC train) never show get a learned decision from what is known about
// them without any annotation:
//   - the lexicons (MPQA strength and polarity, Bing Liu polarity) of the word itself, or of the
//     lexicon word it is a regular inflection of ("browbeating" of MPQA's stemmed "browbeat");
//   - morphology: a negating prefix (un-, dis-, non-, in-/im-/ir-) or a derivational suffix (-ness,
//     -ly, -ing, -ed, -s) on an evaluative stem (a lexicon word or a reported term), e.g. "un" +
//     "deserved" (MPQA: strong, positive);
//   - the word-vector neighbourhood of known terms: one step of label propagation, the
//     similarity-weighted share of reported terms among the word's k nearest known words;
//   - rarity: the word's frequency rank in the vectors' (AllSides) vocabulary, beyond it for a
//     word the vocabulary does not hold.
// A logistic regression learns, on the words the corpora do show often enough (min_occ), whether
// the data makes them reported terms (score >= the table threshold); its out-of-fold predictions
// fix the decision threshold (the lowest that keeps out-of-fold precision >= target_precision).
// The unseen candidates it accepts are added to the table, flagged `open`, with their prior score.
#include <iosfwd>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzer/train/lexicon_features.h"
#include "analyzer/ml/word_vectors.h"

namespace framelens::terms {

struct KnownType {
  std::string word;   // a single lower-case word
  double occ = 0;     // occurrences in BABE + PTC train
  bool reported = false;
};

struct OpenVocabOptions {
  double min_occ = 2;             // known words with at least this many occurrences train the model
  double target_precision = 0.6;  // out-of-fold precision the decision threshold keeps
  int neighbours = 10;            // k of the label propagation
  int folds = 5;
  int iterations = 300;
  double l2 = 1e-3;
};

struct OpenWord {
  std::string word;
  double p = 0;                // the model's probability that the word is a reported term
  std::string evidence;        // short reason: "lex", "infl:browbeat", "un+deserved", "lp"
};

struct OpenVocabResult {
  std::vector<OpenWord> accepted;  // unseen candidates with p >= threshold, by p descending
  std::vector<OpenWord> rejected;  // those with lexical evidence and 0.1 <= p < threshold (for the log)
  double threshold = 0.5;
  double oof_precision = 0, oof_recall = 0;  // on the known words at that threshold
  size_t known = 0, candidates = 0;
};

// `seen`: every word of BABE/PTC train (never a candidate). `reported_words`: the reported
// single-word terms of the table (stems for morphology).
OpenVocabResult open_vocabulary(const LexiconMap& lex, const WordVectors& wv, const std::vector<KnownType>& known,
                                const std::unordered_set<std::string>& seen,
                                const std::unordered_set<std::string>& reported_words, const OpenVocabOptions& opt,
                                std::ostream& log);

// The lexicon word `w` is a regular inflection of (+s, +es, +ed, +d, +ing, e-dropping +ing, y ->
// ies/ied, a doubled final consonant), or "" when none.
std::string lexicon_base_of(const std::string& w, const LexiconMap& lex);

}  // namespace framelens::terms
