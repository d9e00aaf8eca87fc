#pragma once
// Quotes and speakers measured on the gold set of real articles (`framelens eval quotes --gold`).
// Matching is the rule of the PolNeAR eval (analyzer/quotes/quote_eval): a found quote matches a
// gold quote when their content spans overlap by >= 0.5 of the longer one, one to one, gold quotes
// in text order each taking the best remaining found quote. Kinds need not agree to match (the
// kind agreement is reported apart); precision per kind counts the found quotes of that kind,
// recall per kind the gold quotes of that kind. A found quote split into fragments (by its
// attribution, or a report folded with the quote that follows it) is scored piece by piece, as
// the gold set records each piece (corpora/gold/GUIDE.md); a piece in quotation marks is direct.
// Speaker accuracy on matched quotes: a gold speaker is right when the found speaker's name, or the
// name or an alias of the actor it is linked to, is the gold actor's name or one of its forms
// (compared by normalize_actor_name); a gold null speaker (nobody named) is right when the found
// quote is unresolved (no speaker, or a speaker linked to no actor).
#include <array>
#include <string>
#include <vector>

#include "analyzer/text/document.h"
#include "analyzer/train/gold_set.h"

namespace framelens {

struct GoldQuoteCounts {
  long gold = 0, gold_found = 0;    // gold quotes, matched by a found quote
  long found = 0, found_right = 0;  // found quotes, matched to a gold quote
  long speaker_n = 0, speaker_ok = 0;
  double precision() const { return found ? static_cast<double>(found_right) / found : 0.0; }
  double recall() const { return gold ? static_cast<double>(gold_found) / gold : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  double speaker_accuracy() const { return speaker_n ? static_cast<double>(speaker_ok) / speaker_n : 0.0; }
};

struct GoldQuotesReport {
  long articles = 0;
  // 0 direct, 1 mixed, 2 indirect, 3 all; 4 direct+mixed (recall and speakers only meaningful
  // on the gold side; found side counts found direct+mixed quotes)
  std::array<GoldQuoteCounts, 5> by_kind{};
  long kind_checked = 0, kind_right = 0;  // matched pairs whose kind agrees
  long gold_negated = 0, negated_flagged = 0, negated_dropped = 0;  // gold negated quotes
  long found_negated_wrong = 0;           // found negated quotes matching a gold non-negated quote
  long gold_null_speaker = 0;
  std::vector<std::string> missed, spurious, wrong_speaker;  // "ID kind: context"

  static constexpr const char* kKindNames[5] = {"direct", "mixed", "indirect", "all", "direct+mixed"};
};

// The kind index 0..2 for "direct", "mixed", "indirect"; -1 for anything else.
int gold_quote_kind(std::string_view kind);

// The found quotes as the gold set counts them: each fragment of a split quote on its own.
std::vector<Quote> gold_units(const Document& doc);

void add_gold_quotes(const Document& doc, const GoldArticle& gold, GoldQuotesReport& report);

}  // namespace framelens
