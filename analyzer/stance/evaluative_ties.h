#pragma once
// Evaluative words grammatically tied to an actor's mention, in the outlet's own voice.
//
// A light clause reading over tokens (no parser): for one mention it finds the polar words
// (the stance model's hashed opinion lexicon) that
//   - modify it: "a defiant Giuliani", "the embattled former president Trump";
//   - stand in an appositive or relative clause right after it: "Trump, a notorious liar,";
//   - are its predicate as subject: "Trump lied", "Obama is a failure", "the regime, which
//     crushed dissent"; passives ("was attacked") are not: the subject is the one acted on;
//   - are possessed by it: "Trump's false claims", "the failures of the administration";
//   - are the loaded cue verb the outlet chose for its words: "X claimed", "X admitted".
// Never counted: words inside quoted or reported speech (the sources' voice), words after a
// reporting verb, objects of a polar predicate ("attacked X", "discriminating against X":
// victims and targets), acts of criticising or praising others as the subject's own quality
// ("X criticised", "criticism from X": critics), function words and punctuation. A negator
// ("not", "never", "n't") right before the word flips it at half weight. Own-voice loaded terms
// (terms stage) that no lexicon knows count as weakly negative.
//
// Measured on the gold set (models/stance.md): as the actor's score these ties are far less
// accurate than the mention classifier (article macro-F1 0.35 vs 0.53), so the stage uses them
// for evidence and for the target/critic rule, not for the score.
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzer/stance/stance_features.h"
#include "analyzer/stance/stance_lexicon.h"
#include "analyzer/text/document.h"

namespace framelens {

enum class TieRelation : uint8_t { Modifier, Appositive, Predicate, Possessed, LoadedCue };
std::string_view tie_relation_name(TieRelation r);

struct EvaluativeTie {
  int32_t token = -1;     // the evaluative word
  double value = 0.0;     // signed: polarity x strength (1 strong, 0.6 weak) x 0.5 when negated
  TieRelation relation = TieRelation::Modifier;
  bool negated = false;
};

// True for words that can be evidence: a word token of 3+ letters that is not a function word.
bool evidence_word(const Token& t);

// Built once per document (token flags: inside quote contents, reporting cue, actor mention).
class TieFinder {
 public:
  TieFinder(const Document& doc, const PolarityLexicon& lexicon);
  // Appends the ties of the mention (its tokens [m.first, m.end) in sentence m.sentence) of actor
  // `actor` (index into doc.actors) to `out`.
  void find(const MentionTokens& m, int32_t actor, std::vector<EvaluativeTie>& out) const;
  // The mention is the target of a negative act ("attacked X", "discriminating against X",
  // "criticism of X": a victim or target) or the one doing the criticising ("X condemned",
  // "criticism from X": a critic). Neither says the outlet is negative about the mention.
  bool target_or_critic(const MentionTokens& m) const;

 private:
  uint16_t cls(const Token& t) const;  // word classes (evaluative_ties.cc), cached per token
  bool has(const Token& t, uint16_t bit) const { return (cls(t) & bit) != 0; }
  WordPolarity polarity(int32_t tok) const;
  bool negated_before(int32_t tok, int32_t floor) const;
  void add(int32_t tok, TieRelation rel, int32_t floor, std::vector<EvaluativeTie>& out) const;
  void modifiers(const MentionTokens& m, int32_t sf, std::vector<EvaluativeTie>& out) const;
  void after(const MentionTokens& m, int32_t se, std::vector<EvaluativeTie>& out) const;

  const Document& doc_;
  const PolarityLexicon& lex_;
  mutable std::vector<uint16_t> cls_;  // 0 = not yet computed
  std::vector<uint8_t> quoted_;   // token inside quote contents
  std::vector<uint8_t> cue_;      // token inside a reporting cue
  std::vector<uint8_t> loaded_;   // token inside an own-voice loaded term
  std::vector<int32_t> actor_;    // actor whose mention covers the token, -1
  std::vector<int32_t> loaded_cue_speaker_;  // per quote with a loaded cue and a linked speaker: that actor
  std::vector<Span> loaded_cue_span_;        // ... and its cue
};

}  // namespace framelens
