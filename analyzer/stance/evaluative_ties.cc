#include "analyzer/stance/evaluative_ties.h"

#include <algorithm>
#include <string>

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

const WordSet& function_words() {
  static const WordSet k = {
      "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
      "about", "as", "that", "this", "these", "those", "it", "its", "he", "she", "his", "her", "him",
      "they", "them", "their", "we", "our", "you", "your", "i", "me", "my", "is", "are", "was", "were",
      "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "could",
      "should", "can", "may", "might", "must", "not", "no", "so", "if", "than", "then", "there", "here",
      "who", "whom", "which", "what", "when", "where", "why", "how", "also", "just", "said", "says",
      "say", "told", "mr", "mrs", "ms", "after", "before", "over", "under", "into", "out", "up", "down",
      "all", "any", "some", "more", "most", "other", "such", "only", "own", "same", "very", "s", "'s"};
  return k;
}

bool is_in(const WordSet& set, const Token& t) { return set.contains(t.hash, t.lower); }

const WordSet& determiners() {
  static const WordSet k = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its",
                            "their", "our", "my", "your", "every", "each", "another", "such"};
  return k;
}

// Verbs that link a subject to a description of it ("Trump is a liar").
const WordSet& copulas() {
  static const WordSet k = {"is", "are", "was", "were", "be", "been", "being", "am", "remains", "remained",
                            "remain", "seems", "seemed", "became", "becomes", "become", "appears",
                            "appeared", "looks", "looked", "proved", "proves", "sounded", "sounds"};
  return k;
}

// Auxiliaries and adverbs that may stand between a subject and its predicate.
const WordSet& auxiliaries() {
  static const WordSet k = {"has", "have", "had", "will", "would", "could", "should", "can", "may", "might",
                            "must", "also", "just", "still", "now", "again", "already", "even", "never",
                            "not", "n't", "repeatedly", "often", "once", "then", "later", "ever", "only",
                            "did", "does", "do", "quickly", "largely", "mostly", "long", "increasingly",
                            "apparently", "reportedly", "allegedly", "recently", "previously", "always"};
  return k;
}

// Words that end the clause of the mention.
const WordSet& clause_breaks() {
  static const WordSet k = {"but", "while", "although", "though", "because", "whereas", "since", "if",
                            "when", "after", "before", "as", "that", "unless", "until", "whether",
                            "so", "yet", "or", "nor", "where", "than"};
  return k;
}

const WordSet& prepositions() {
  static const WordSet k = {"of", "for", "to", "with", "in", "on", "at", "by", "about", "against", "from",
                            "over", "into", "onto", "toward", "towards", "upon", "among", "amid",
                            "despite", "without", "through", "across", "under", "behind", "around",
                            "like", "via", "per", "including", "between", "during"};
  return k;
}

const WordSet& negators() {
  static const WordSet k = {"not", "n't", "never", "no", "neither", "nor", "without", "hardly", "barely",
                            "cannot", "didn't", "doesn't", "don't", "isn't", "wasn't", "aren't",
                            "weren't", "won't", "wouldn't", "couldn't", "shouldn't", "hasn't",
                            "haven't", "hadn't", "can't"};
  return k;
}

// Reporting and attitude verbs: what follows is the actor's speech or view, not the outlet's
// description of the actor.
const WordSet& reporting_words() {
  static const WordSet k = {"said", "says", "say", "told", "tells", "tell", "added", "adds", "argued",
                            "argues", "wrote", "writes", "asserted", "asserts", "insisted", "insists",
                            "claimed", "claims", "stated", "states", "noted", "notes", "explained",
                            "explains", "announced", "announces", "according", "believes", "believe",
                            "believed", "thinks", "think", "thought", "hopes", "hoped", "wants", "wanted",
                            "warned", "warns", "tweeted", "tweets", "posted", "declared", "declares",
                            "suggested", "suggests", "predicted", "predicts", "called", "calls",
                            "urged", "urges", "demanded", "demands", "asked", "asks", "vowed", "vows",
                            "promised", "promises", "pledged", "pledges", "alleged", "alleges"};
  return k;
}

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
  const std::string& w = t.lower;
  for (const char* s : kStems) {
    const std::string_view stem(s);
    if (w.size() >= stem.size() && w.compare(0, stem.size(), stem) == 0) return true;
  }
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
  return (w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0) || is_in(kIrregular, t);
}

bool punct_break(const Token& t) {
  return t.kind == TokenKind::Punct || t.kind == TokenKind::Quote || t.kind == TokenKind::Dash ||
         t.kind == TokenKind::Symbol;
}

int32_t token_at(const Document& doc, int32_t pos) {
  const auto it = std::upper_bound(doc.tokens.begin(), doc.tokens.end(), pos,
                                   [](int32_t p, const Token& t) { return p < t.span.start; });
  if (it == doc.tokens.begin()) return -1;
  const int32_t i = static_cast<int32_t>(it - doc.tokens.begin()) - 1;
  return doc.tokens[i].span.end > pos ? i : -1;
}

void mark(const Document& doc, Span s, std::vector<uint8_t>& flag) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), s.start,
                             [](const Token& t, int32_t p) { return t.span.end <= p; });
  for (; it != doc.tokens.end() && it->span.start < s.end; ++it) flag[static_cast<size_t>(it - doc.tokens.begin())] = 1;
}

}  // namespace

bool evidence_word(const Token& t) {
  return t.kind == TokenKind::Word && t.lower.size() >= 3 && !is_in(function_words(), t);
}

TieFinder::TieFinder(const Document& doc, const PolarityLexicon& lexicon) : doc_(doc), lex_(lexicon) {
  const size_t n = doc.tokens.size();
  quoted_.assign(n, 0);
  cue_.assign(n, 0);
  actor_.assign(n, -1);
  loaded_.assign(n, 0);
  for (const LoadedTerm& t : doc.loaded_terms)
    if (t.voice == TermVoice::Own) mark(doc, t.span, loaded_);
  for (const Quote& q : doc.quotes) {
    if (q.fragments.empty()) mark(doc, q.span, quoted_);
    for (const Span& f : q.fragments) mark(doc, f, quoted_);
    if (q.cue) mark(doc, q.cue->span, cue_);
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
  for (size_t a = 0; a < doc.actors.size(); ++a) {
    for (const Mention& m : doc.actors[a].mentions) {
      auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), m.span.start,
                                 [](const Token& t, int32_t p) { return t.span.end <= p; });
      for (; it != doc.tokens.end() && it->span.start < m.span.end; ++it)
        actor_[static_cast<size_t>(it - doc.tokens.begin())] = static_cast<int32_t>(a);
    }
  }
}

WordPolarity TieFinder::polarity(int32_t tok) const {
  const Token& t = doc_.tokens[tok];
  if (!evidence_word(t) || quoted_[tok] || cue_[tok]) return {};
  return lex_.lookup(feature_hash(t));
}

bool TieFinder::negated_before(int32_t tok, int32_t floor) const {
  for (int32_t j = std::max(floor, tok - 3); j < tok; ++j)
    if (is_in(negators(), doc_.tokens[j])) return true;
  return false;
}

void TieFinder::add(int32_t tok, TieRelation rel, int32_t floor, std::vector<EvaluativeTie>& out) const {
  WordPolarity wp = polarity(tok);
  const bool loaded = loaded_[tok] && evidence_word(doc_.tokens[tok]) && !quoted_[tok];
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
    if (is_in(determiners(), t)) { closed = true; break; }
    if (t.lower == "'s") { closed = true; break; }
    if (t.lower == "to" || is_in(auxiliaries(), t) || is_in(copulas(), t)) { verbal = true; break; }
    if (is_in(function_words(), t) || is_in(prepositions(), t)) break;
    if (t.capitalized && i > sf) break;  // another name
    cand.push_back(i);
  }
  if (verbal) return;
  for (const int32_t c : cand) {
    if (!closed && verb_form(doc_.tokens[c])) continue;
    if (aimed_at_others(doc_.tokens[c])) continue;  // "criticize X", "sued X": X is the target
    add(c, TieRelation::Modifier, sf, out);
  }
  // "the failures of X": a polar head noun with the mention as its "of" possessor.
  if (m.first - 3 >= sf && doc_.tokens[m.first - 1].lower == "of" && is_in(determiners(), doc_.tokens[m.first - 3]) &&
      !aimed_at_others(doc_.tokens[m.first - 2]) && actor_[m.first - 2] < 0) {
    add(m.first - 2, TieRelation::Possessed, sf, out);
  }
}

// Words after the mention: possessed noun phrase, appositive, relative clause, predicate.
void TieFinder::after(const MentionTokens& m, int32_t actor, int32_t se, std::vector<EvaluativeTie>& out) const {
  int32_t i = m.end;
  if (i >= se) return;
  // Possessive: "Trump's false claims", "his false claims" (up to 3 words of the noun phrase).
  const std::string& last = doc_.tokens[m.end - 1].lower;
  const bool possessive_pronoun = m.end - m.first == 1 && (last == "his" || last == "her" || last == "its" || last == "their");
  if (possessive_pronoun) --i;  // the noun phrase starts right after the pronoun
  if (possessive_pronoun || doc_.tokens[i].lower == "'s") {
    for (int32_t j = i + 1; j < se && j <= i + 3; ++j) {
      const Token& t = doc_.tokens[j];
      if (punct_break(t) || actor_[j] >= 0 || quoted_[j] || is_in(function_words(), t) || is_in(prepositions(), t)) break;
      if (aimed_at_others(t)) break;
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
        if (punct_break(t) || actor_[k] >= 0 || quoted_[k] || cue_[k] || is_in(reporting_words(), t) ||
            is_in(clause_breaks(), t) || t.lower == "and") { k = -1; break; }
      }
      // Only a closed ", ... ," (or one ending the sentence) is an appositive.
      if (k < 0 || (k < se && doc_.tokens[k].lower != ",") || k == j + 10) return;
      for (int32_t a = j; a < k; ++a)
        if (!aimed_at_others(doc_.tokens[a])) add(a, TieRelation::Appositive, j, out);
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
    if (is_in(reporting_words(), t) || is_in(clause_breaks(), t)) break;
    if (t.lower == "who" || t.lower == "which") continue;
    if (is_in(copulas(), t)) { copula = !verb_seen; continue; }
    if (is_in(auxiliaries(), t) || is_in(negators(), t)) continue;
    if (is_in(determiners(), t)) {
      if (copula) continue;  // "is a disgrace": the complement describes the subject
      break;                 // an object noun phrase describes the object, not the subject
    }
    if (is_in(prepositions(), t)) break;
    if (t.lower == "and") { if (copula) break; continue; }
    if (copula && !verb_seen && past_participle(t)) {
      // Passive: "was criticised", "were injured": done to the subject, not said of it.
      break;
    }
    if (aimed_at_others(t)) { verb_seen = true; continue; }
    add(j, TieRelation::Predicate, floor, out);
    verb_seen = true;
  }
  (void)actor;
}

bool TieFinder::target_or_critic(const MentionTokens& m) const {
  if (m.sentence < 0 || m.first >= m.end) return false;
  const Sentence& s = doc_.sentences[m.sentence];
  // Before the mention: a negative verb or a critic noun + preposition, at most one determiner
  // between ("attacked the senator", "criticism from Democrats", "discrimination against them").
  int32_t i = m.first - 1;
  if (i >= s.first_token && is_in(determiners(), doc_.tokens[i])) --i;
  if (i >= s.first_token && is_in(prepositions(), doc_.tokens[i])) {
    const std::string& p = doc_.tokens[i].lower;
    if (p == "against") return true;
    --i;
    if (i >= s.first_token && (p == "from" || p == "by" || p == "of" || p == "on" || p == "at" || p == "to") &&
        aimed_at_others(doc_.tokens[i]))
      return true;
    return false;
  }
  if (i >= s.first_token && !quoted_[i]) {
    const Token& t = doc_.tokens[i];
    if (actor_[i] < 0 && verb_form(t) && (aimed_at_others(t) || lex_.lookup(feature_hash(t)).polarity < 0)) return true;
  }
  // After the mention: the subject of an act aimed at others ("X condemned", "X has criticised").
  for (int32_t j = m.end, n = 0; j < s.end_token && n < 3; ++j, ++n) {
    const Token& t = doc_.tokens[j];
    if (punct_break(t) || actor_[j] >= 0) break;
    if (is_in(auxiliaries(), t)) continue;
    return aimed_at_others(t) && verb_form(t);
  }
  return false;
}

void TieFinder::find(const MentionTokens& m, int32_t actor, std::vector<EvaluativeTie>& out) const {
  if (m.sentence < 0 || m.first >= m.end) return;
  const Sentence& s = doc_.sentences[m.sentence];
  modifiers(m, s.first_token, out);
  after(m, actor, s.end_token, out);
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
