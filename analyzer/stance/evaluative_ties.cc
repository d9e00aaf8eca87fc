#include "analyzer/stance/evaluative_ties.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "analyzer/core/string_table.h"
#include "analyzer/core/word_set.h"
#include "analyzer/ml/text_features.h"

namespace framelens {

std::string_view tie_relation_name(TieRelation r) {
  switch (r) {
    case TieRelation::Modifier: return "modifies";
    case TieRelation::Appositive: return "describes (appositive)";
    case TieRelation::Predicate: return "is said of";
    case TieRelation::Possessed: return "belongs to";
    case TieRelation::LoadedCue: return "is the outlet's cue verb for";
  }
  return "";
}

namespace {

constexpr std::string_view k_function_words[] = {
      "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
      "about", "as", "that", "this", "these", "those", "it", "its", "he", "she", "his", "her", "him",
      "they", "them", "their", "we", "our", "you", "your", "i", "me", "my", "is", "are", "was", "were",
      "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "could",
      "should", "can", "may", "might", "must", "not", "no", "so", "if", "than", "then", "there", "here",
      "who", "whom", "which", "what", "when", "where", "why", "how", "also", "just", "said", "says",
      "say", "told", "mr", "mrs", "ms", "after", "before", "over", "under", "into", "out", "up", "down",
      "all", "any", "some", "more", "most", "other", "such", "only", "own", "same", "very", "s", "'s"};


constexpr std::string_view k_determiners[] = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its",
                            "their", "our", "my", "your", "every", "each", "another", "such"};

// Verbs that link a subject to a description of it ("Trump is a liar").
constexpr std::string_view k_copulas[] = {"is", "are", "was", "were", "be", "been", "being", "am", "remains", "remained",
                            "remain", "seems", "seemed", "became", "becomes", "become", "appears",
                            "appeared", "looks", "looked", "proved", "proves", "sounded", "sounds"};

// Auxiliaries and adverbs that may stand between a subject and its predicate.
constexpr std::string_view k_auxiliaries[] = {"has", "have", "had", "will", "would", "could", "should", "can", "may", "might",
                            "must", "also", "just", "still", "now", "again", "already", "even", "never",
                            "not", "n't", "repeatedly", "often", "once", "then", "later", "ever", "only",
                            "did", "does", "do", "quickly", "largely", "mostly", "long", "increasingly",
                            "apparently", "reportedly", "allegedly", "recently", "previously", "always"};

// Words that end the clause of the mention.
constexpr std::string_view k_clause_breaks[] = {"but", "while", "although", "though", "because", "whereas", "since", "if",
                            "when", "after", "before", "as", "that", "unless", "until", "whether",
                            "so", "yet", "or", "nor", "where", "than"};

constexpr std::string_view k_prepositions[] = {"of", "for", "to", "with", "in", "on", "at", "by", "about", "against", "from",
                            "over", "into", "onto", "toward", "towards", "upon", "among", "amid",
                            "despite", "without", "through", "across", "under", "behind", "around",
                            "like", "via", "per", "including", "between", "during"};

// Reporting and attitude verbs: what follows is the actor's speech or view, not the outlet's
// description of the actor.
constexpr std::string_view k_reporting_words[] = {"said", "says", "say", "told", "tells", "tell", "added", "adds", "argued",
                            "argues", "wrote", "writes", "asserted", "asserts", "insisted", "insists",
                            "claimed", "claims", "stated", "states", "noted", "notes", "explained",
                            "explains", "announced", "announces", "according", "believes", "believe",
                            "believed", "thinks", "think", "thought", "hopes", "hoped", "wants", "wanted",
                            "warned", "warns", "tweeted", "tweets", "posted", "declared", "declares",
                            "suggested", "suggests", "predicted", "predicts", "called", "calls",
                            "urged", "urges", "demanded", "demands", "asked", "asks", "vowed", "vows",
                            "promised", "promises", "pledged", "pledges", "alleged", "alleges"};

// Acts aimed at others: the subject of "criticised", the source in "criticism from X", the
// possessor in "X's attacks on Y" is a critic (or a supporter), not negative (positive) itself.
bool aimed_at_others(const Token& t) {
  static const char* const kStems[] = {
      "critic", "condemn", "slam", "blast", "denounc", "decr", "attack", "accus", "oppos", "reject",
      "object", "protest", "warn", "complain", "question", "challeng", "disput", "deny", "deni", "blam",
      "fault", "rebuk", "chastis", "lambast", "assail", "berat", "scold", "mock", "ridicul", "fear",
      "worr", "concern", "lament", "bemoan", "deplor", "fight", "fought", "battl", "sue", "suing",
      "threat", "prais", "laud", "hail", "applaud", "welcom", "thank", "commend", "celebrat", "support",
      "endors", "defend", "champion", "admir", "congratulat", "honor", "honour", "rip", "bash", "knock",
      "hit", "target", "denigrat", "insult", "disparag", "smear", "vilif", "demoniz", "slander",
      "accusation", "grievanc", "outrag", "anger", "angr", "furious", "fury", "frustrat", "upset",
      "alarm", "disapprov", "dislik", "hate", "hatred", "distrust", "skeptic", "sceptic", "doubt",
      "suspicio", "resent", "disgust", "dismay", "disappoint", "regret", "sorry", "apolog", "boycott",
      "sanction", "punish", "retaliat", "investigat", "probe", "prosecut", "indict", "impeach",
      "subpoen", "veto", "block", "push back", "counter", "hammer", "pummel", "torch", "scorch"};
  // Stems bucketed by first letter, so a word is compared with a handful of them.
  static const std::array<std::vector<std::string_view>, 26> kBuckets = [] {
    std::array<std::vector<std::string_view>, 26> b;
    for (const char* s : kStems)
      if (s[0] >= 'a' && s[0] <= 'z') b[static_cast<size_t>(s[0] - 'a')].push_back(s);
    return b;
  }();
  const std::string& w = t.lower;
  if (w.empty() || w[0] < 'a' || w[0] > 'z') return false;
  for (std::string_view stem : kBuckets[static_cast<size_t>(w[0] - 'a')])
    if (w.size() >= stem.size() && w.compare(0, stem.size(), stem) == 0) return true;
  return false;
}

bool verb_form(const Token& t) {
  const std::string& w = t.lower;
  auto ends = [&](std::string_view s) { return w.size() > s.size() + 2 && w.compare(w.size() - s.size(), s.size(), s) == 0; };
  return ends("ed") || ends("ing") || ends("es") || (ends("s") && !ends("ss") && !ends("us") && !ends("ous"));
}

bool past_participle(const Token& t) {
  static const WordSet kIrregular = {"hit", "hurt", "beaten", "shot", "struck", "caught", "thrown",
                                     "torn", "stolen", "broken", "forgotten", "hidden", "bitten", "beat"};
  const std::string& w = t.lower;
  return (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) || kIrregular.contains(t.hash, t.lower);
}

bool punct_break(const Token& t) {
  return t.kind == TokenKind::Punct || t.kind == TokenKind::Quote || t.kind == TokenKind::Dash ||
         t.kind == TokenKind::Symbol;
}

int32_t token_at(const Document& doc, int32_t pos) {
  const int32_t i = doc.token_at_or_after(pos);
  return i < static_cast<int32_t>(doc.tokens.size()) && doc.tokens[i].span.start <= pos ? i : -1;
}

// Sets flag[i] = value for every token overlapping `s`.
template <typename T>
void mark(const Document& doc, Span s, std::vector<T>& flag, T value = 1) {
  for (size_t i = static_cast<size_t>(doc.token_at_or_after(s.start)); i < doc.tokens.size() && doc.tokens[i].span.start < s.end; ++i)
    flag[i] = value;
}

// Every class a token can have, computed once per token and document (TieFinder caches it).
enum : uint16_t {
  kFunction = 1, kDeterminer = 2, kCopula = 4, kAux = 8, kBreak = 16, kPrep = 32, kNeg = 64,
  kReport = 128, kAimed = 256, kVerbForm = 512, kParticiple = 1024, kEvidence = 2048, kKnown = 0x8000
};

// One probe for the fixed word lists: word -> its class bits.
const StringTable<uint16_t>& word_bits() {
  static const StringTable<uint16_t> k = [] {
    StringTable<uint16_t> t;
    for (std::string_view w : k_function_words) t[std::string(w)] |= kFunction;
    for (std::string_view w : k_determiners) t[std::string(w)] |= kDeterminer;
    for (std::string_view w : k_copulas) t[std::string(w)] |= kCopula;
    for (std::string_view w : k_auxiliaries) t[std::string(w)] |= kAux;
    for (std::string_view w : k_clause_breaks) t[std::string(w)] |= kBreak;
    for (std::string_view w : k_prepositions) t[std::string(w)] |= kPrep;
    for (std::string_view w : k_reporting_words) t[std::string(w)] |= kReport;
    return t;
  }();
  return k;
}

uint16_t word_class(const Token& t) {
  if (t.kind != TokenKind::Word) return 0;
  uint16_t c = 0;
  if (const uint16_t* b = word_bits().find(t.hash, t.lower)) c = *b;
  if (!(c & kFunction) && t.lower.size() >= 3) c |= kEvidence;
  if (is_negator(t.lower)) c |= kNeg;
  if (aimed_at_others(t)) c |= kAimed;
  if (verb_form(t)) c |= kVerbForm;
  if (past_participle(t)) c |= kParticiple;
  return c;
}

}  // namespace

bool evidence_word(const Token& t) { return (word_class(t) & kEvidence) != 0; }

TieFinder::TieFinder(const Document& doc, const PolarityLexicon& lexicon) : doc_(doc), lex_(lexicon) {
  const size_t n = doc.tokens.size();
  cls_.assign(n, 0);
  quoted_.assign(n, 0);
  cue_.assign(n, 0);
  actor_.assign(n, -1);
  loaded_.assign(n, 0);
  for (const LoadedTerm& t : doc.loaded_terms)
    if (t.voice == TermVoice::Own) mark<uint8_t>(doc, t.span, loaded_);
  for (const Quote& q : doc.quotes) {
    if (q.fragments.empty()) mark<uint8_t>(doc, q.span, quoted_);
    for (const Span& f : q.fragments) mark<uint8_t>(doc, f, quoted_);
    if (q.cue) mark<uint8_t>(doc, q.cue->span, cue_);
    if (q.cue && q.cue->loaded && q.speaker && q.speaker->actor >= 0 && !q.negated) {
      loaded_cue_speaker_.push_back(q.speaker->actor);
      loaded_cue_span_.push_back(q.cue->span);
    }
  }
  // Straight-quoted stretches the quotes stage did not take (scare quotes, titles) are not the
  // outlet's words either.
  for (const Sentence& s : doc.sentences) {
    bool in = false;
    for (int32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = doc.tokens[i];
      if (t.kind == TokenKind::Quote && t.lower == "\"") in = !in;
      else if (in) quoted_[i] = 1;
    }
  }
  for (size_t a = 0; a < doc.actors.size(); ++a)
    for (const Mention& m : doc.actors[a].mentions) mark(doc, m.span, actor_, static_cast<int32_t>(a));
}

uint16_t TieFinder::cls(const Token& t) const {
  uint16_t& c = cls_[static_cast<size_t>(&t - doc_.tokens.data())];
  if (!c) c = static_cast<uint16_t>(word_class(t) | kKnown);
  return c;
}

WordPolarity TieFinder::polarity(int32_t tok) const {
  const Token& t = doc_.tokens[tok];
  if (!has(t, kEvidence) || quoted_[tok] || cue_[tok]) return {};
  return lex_.lookup(feature_hash(t));
}

bool TieFinder::negated_before(int32_t tok, int32_t floor) const {
  for (int32_t j = std::max(floor, tok - 3); j < tok; ++j)
    if (has(doc_.tokens[j], kNeg)) return true;
  return false;
}

void TieFinder::add(int32_t tok, TieRelation rel, int32_t floor, std::vector<EvaluativeTie>& out) const {
  WordPolarity wp = polarity(tok);
  const bool loaded = loaded_[tok] && has(doc_.tokens[tok], kEvidence) && !quoted_[tok];
  double size = wp.strong ? 1.0 : 0.6;
  if (wp.polarity == 0) {
    // A word the terms stage found loaded in the outlet's voice but no lexicon knows
    // ("self-proclaimed", "leftist"): loaded wording is mostly pejorative.
    if (!loaded) return;
    wp.polarity = -1;
    size = 0.8;
  }
  EvaluativeTie tie;
  tie.token = tok;
  tie.relation = rel;
  tie.negated = negated_before(tok, floor);
  tie.value = wp.polarity * size * (tie.negated ? -0.5 : 1.0);
  out.push_back(tie);
}

// Words right before the mention, back to a determiner or the clause start: "the embattled former
// president Trump". A polar word there with a verb ending and no determiner before it is taken
// for a verb with the mention as its object ("slammed Trump"): not a tie.
void TieFinder::modifiers(const MentionTokens& m, int32_t sf, std::vector<EvaluativeTie>& out) const {
  std::vector<int32_t> cand;
  bool closed = false;  // stopped at a determiner, the sentence start or punctuation
  bool verbal = false;  // stopped at "to" or an auxiliary: the words are a verb phrase ("to leak X")
  int32_t i = m.first - 1;
  for (int steps = 0; steps < 4; ++steps, --i) {
    if (i < sf) { closed = true; break; }
    const Token& t = doc_.tokens[i];
    if (actor_[i] >= 0 || quoted_[i] || cue_[i]) break;
    if (punct_break(t)) { closed = true; break; }
    if (has(t, kDeterminer)) { closed = true; break; }
    if (t.lower == "'s") { closed = true; break; }
    if (t.lower == "to" || has(t, kAux) || has(t, kCopula)) { verbal = true; break; }
    if (has(t, kFunction) || has(t, kPrep)) break;
    if (t.capitalized && i > sf) break;  // another name
    cand.push_back(i);
  }
  if (verbal) return;
  for (const int32_t c : cand) {
    if (!closed && has(doc_.tokens[c], kVerbForm)) continue;
    if (has(doc_.tokens[c], kAimed)) continue;  // "criticize X", "sued X": X is the target
    add(c, TieRelation::Modifier, sf, out);
  }
  // "the failures of X": a polar head noun with the mention as its "of" possessor.
  if (m.first - 3 >= sf && doc_.tokens[m.first - 1].lower == "of" && has(doc_.tokens[m.first - 3], kDeterminer) &&
      !has(doc_.tokens[m.first - 2], kAimed) && actor_[m.first - 2] < 0) {
    add(m.first - 2, TieRelation::Possessed, sf, out);
  }
}

// Words after the mention: possessed noun phrase, appositive, relative clause, predicate.
void TieFinder::after(const MentionTokens& m, int32_t se, std::vector<EvaluativeTie>& out) const {
  int32_t i = m.end;
  if (i >= se) return;
  // Possessive: "Trump's false claims", "his false claims" (up to 3 words of the noun phrase).
  const std::string& last = doc_.tokens[m.end - 1].lower;
  const bool possessive_pronoun = m.end - m.first == 1 && (last == "his" || last == "her" || last == "its" || last == "their");
  if (possessive_pronoun) --i;  // the noun phrase starts right after the pronoun
  if (possessive_pronoun || doc_.tokens[i].lower == "'s") {
    for (int32_t j = i + 1; j < se && j <= i + 3; ++j) {
      const Token& t = doc_.tokens[j];
      if (punct_break(t) || actor_[j] >= 0 || quoted_[j] || has(t, kFunction) || has(t, kPrep)) break;
      if (has(t, kAimed)) break;
      add(j, TieRelation::Possessed, i, out);
    }
    return;
  }
  // Appositive or relative clause: "Trump, a notorious liar, ..." / "Trump, who lied, ...".
  if (doc_.tokens[i].lower == ",") {
    int32_t j = i + 1;
    const bool relative = j < se && (doc_.tokens[j].lower == "who" || doc_.tokens[j].lower == "which");
    if (relative) {
      i = j + 1;  // the relative clause is a predicate of the mention
    } else {
      int32_t k = j;
      for (; k < se && k < j + 10; ++k) {
        const Token& t = doc_.tokens[k];
        if (t.lower == ",") break;
        if (punct_break(t) || actor_[k] >= 0 || quoted_[k] || cue_[k] || has(t, kReport) ||
            has(t, kBreak) || t.lower == "and") { k = -1; break; }
      }
      // Only a closed ", ... ," (or one ending the sentence) is an appositive.
      if (k < 0 || (k < se && doc_.tokens[k].lower != ",") || k == j + 10) return;
      for (int32_t a = j; a < k; ++a)
        if (!has(doc_.tokens[a], kAimed)) add(a, TieRelation::Appositive, j, out);
      if (k >= se || doc_.tokens[k].lower != ",") return;
      i = k + 1;  // the predicate continues after the appositive
    }
  }
  // Predicate: auxiliaries and adverbs, the verb or copula, and after a copula its complement.
  bool copula = false, verb_seen = false;
  int after_verb = 0;  // words read after a full verb: one more (an adverb: "failed miserably")
  const int32_t floor = i;
  for (int32_t j = i, n = 0; j < se && n < 9; ++j, ++n) {
    if (verb_seen && !copula && after_verb++ >= 1) break;
    const Token& t = doc_.tokens[j];
    if (actor_[j] >= 0 || quoted_[j] || cue_[j]) break;
    if (punct_break(t)) break;
    if (has(t, kReport) || has(t, kBreak)) break;
    if (t.lower == "who" || t.lower == "which") continue;
    if (has(t, kCopula)) { copula = !verb_seen; continue; }
    if (has(t, kAux) || has(t, kNeg)) continue;
    if (has(t, kDeterminer)) {
      if (copula) continue;  // "is a disgrace": the complement describes the subject
      break;                 // an object noun phrase describes the object, not the subject
    }
    if (has(t, kPrep)) break;
    if (t.lower == "and") { if (copula) break; continue; }
    if (copula && !verb_seen && has(t, kParticiple)) {
      // Passive: "was criticised", "were injured": done to the subject, not said of it.
      break;
    }
    if (has(t, kAimed)) { verb_seen = true; continue; }
    add(j, TieRelation::Predicate, floor, out);
    verb_seen = true;
  }
}

bool TieFinder::target_or_critic(const MentionTokens& m) const {
  if (m.sentence < 0 || m.first >= m.end) return false;
  const Sentence& s = doc_.sentences[m.sentence];
  // Before the mention: a negative verb or a critic noun + preposition, at most one determiner
  // between ("attacked the senator", "criticism from Democrats", "discrimination against them").
  int32_t i = m.first - 1;
  if (i >= s.first_token && has(doc_.tokens[i], kDeterminer)) --i;
  if (i >= s.first_token && has(doc_.tokens[i], kPrep)) {
    const std::string& p = doc_.tokens[i].lower;
    if (p == "against") return true;
    --i;
    if (i >= s.first_token && (p == "from" || p == "by" || p == "of" || p == "on" || p == "at" || p == "to") &&
        has(doc_.tokens[i], kAimed))
      return true;
    return false;
  }
  if (i >= s.first_token && !quoted_[i]) {
    const Token& t = doc_.tokens[i];
    if (actor_[i] < 0 && has(t, kVerbForm) && (has(t, kAimed) || lex_.lookup(feature_hash(t)).polarity < 0)) return true;
  }
  // After the mention: the subject of an act aimed at others ("X condemned", "X has criticised").
  for (int32_t j = m.end, n = 0; j < s.end_token && n < 3; ++j, ++n) {
    const Token& t = doc_.tokens[j];
    if (punct_break(t) || actor_[j] >= 0) break;
    if (has(t, kAux)) continue;
    return has(t, kAimed) && has(t, kVerbForm);
  }
  return false;
}

void TieFinder::find(const MentionTokens& m, int32_t actor, std::vector<EvaluativeTie>& out) const {
  if (m.sentence < 0 || m.first >= m.end) return;
  const Sentence& s = doc_.sentences[m.sentence];
  modifiers(m, s.first_token, out);
  after(m, s.end_token, out);
  // The outlet's cue verb for this mention's words: "X claimed", "X admitted".
  const Span ms{doc_.tokens[m.first].span.start, doc_.tokens[m.end - 1].span.end};
  for (size_t q = 0; q < loaded_cue_span_.size(); ++q) {
    if (loaded_cue_speaker_[q] != actor) continue;
    const Span cue = loaded_cue_span_[q];
    if (cue.start < s.span.start || cue.start >= s.span.end) continue;  // the cue of this sentence's quote
    const int32_t tok = token_at(doc_, cue.start);
    if (tok < 0 || quoted_[tok]) continue;
    if (std::abs(cue.start - ms.end) > 60 && std::abs(ms.start - cue.end) > 60) continue;
    EvaluativeTie tie;
    tie.token = tok;
    tie.relation = TieRelation::LoadedCue;
    tie.value = -0.6;
    out.push_back(tie);
  }
}

}  // namespace framelens
