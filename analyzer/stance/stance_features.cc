#include "analyzer/stance/stance_features.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "analyzer/ml/text_features.h"

namespace framelens {

namespace {

// Feature namespaces (hashed with the word so equal words in different roles do not collide).
enum Ns : uint64_t {
  kWord = 1, kBigram, kL1, kL2, kL3, kR1, kR2, kR3, kLWin, kRWin, kFlag, kLexWord, kQuoteCue, kLoaded,
  kAround, kPred
};

constexpr int kWindow = 6;  // bag-of-words window each side of the mention

constexpr uint64_t h(std::string_view s) { return feature_hash(s); }
// A named flag's feature key, computed at compile time (flags are emitted for every mention).
consteval uint64_t flag_key(std::string_view name) { return feature_hash_pair(kFlag, h(name)); }

constexpr uint64_t kNumHash = h("<num>");
constexpr uint64_t kQuoteHash = h("<q>");
constexpr uint64_t kBosHash = h("<s>");
constexpr uint64_t kEosHash = h("</s>");
constexpr uint64_t kNameHash = h("<P>");
constexpr uint64_t kLexPos = flag_key("lex+");
constexpr uint64_t kLexNeg = flag_key("lex-");

bool is_say_verb(const std::string& w) {
  static const std::array<std::string_view, 24> kSay = {
      "said", "says", "say", "told", "tells", "added", "argued", "argues", "claimed", "claims",
      "wrote", "writes", "tweeted", "stated", "insisted", "insists", "warned", "warns", "noted",
      "explained", "asked", "declared", "announced", "acknowledged"};
  return std::find(kSay.begin(), kSay.end(), std::string_view(w)) != kSay.end();
}

bool is_pronoun(const std::string& w) {
  static const std::array<std::string_view, 12> kPron = {"he", "she", "they", "him", "her", "them",
                                                         "his", "their", "it", "we", "i", "you"};
  return std::find(kPron.begin(), kPron.end(), std::string_view(w)) != kPron.end();
}

// Clause breaks: a polar word across a comma or a "but" is often about someone else.
bool is_clause_break(const Token& t) {
  if (t.kind == TokenKind::Dash) return true;
  if (t.kind == TokenKind::Punct)
    return t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "(" || t.lower == ")";
  if (t.kind != TokenKind::Word) return false;
  static const std::array<std::string_view, 7> kConj = {"but", "while", "although", "though", "however", "whereas", "because"};
  return std::find(kConj.begin(), kConj.end(), std::string_view(t.lower)) != kConj.end();
}

bool is_counted(const Token& t) { return t.kind == TokenKind::Word || t.kind == TokenKind::Number; }

int dist_bin(int d) { return d <= 2 ? 0 : d <= 5 ? 1 : d <= 10 ? 2 : 3; }

int32_t first_content_token(const Document& doc, const Sentence& s) {
  int32_t i = s.first_token;
  while (i < s.end_token && !is_counted(doc.tokens[i])) ++i;
  return i;
}

}  // namespace

bool is_negator(std::string_view w) {
  static const std::array<std::string_view, 10> kNeg = {"not", "no", "never", "without", "nor", "cannot",
                                                        "hardly", "nothing", "none", "neither"};
  if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) return true;
  return std::find(kNeg.begin(), kNeg.end(), w) != kNeg.end();
}

bool locate_mention(const Document& doc, Span span, MentionTokens& out) {
  const int32_t n = static_cast<int32_t>(doc.tokens.size());
  int32_t i = doc.token_at_or_after(span.start);
  if (i < 0 || i >= n || doc.tokens[i].span.start >= span.end) return false;
  out.first = i;
  out.sentence = doc.tokens[i].sentence;
  int32_t j = i;
  while (j < n && doc.tokens[j].span.start < span.end && doc.tokens[j].sentence == out.sentence) ++j;
  out.end = j;
  return out.sentence >= 0 && out.sentence < static_cast<int32_t>(doc.sentences.size());
}

StanceFeaturizer::StanceFeaturizer(uint32_t hash_bits, const PolarityLexicon* lexicon)
    : bits_(std::clamp<uint32_t>(hash_bits, 10, 24)), lex_(lexicon) {}

void StanceFeaturizer::emit(uint64_t hv, int32_t token, StanceScratch& s) const {
  s.index.push_back(static_cast<uint32_t>(hv & (dim() - 1)));
  s.token.push_back(token);
}

void StanceFeaturizer::begin_document(const Document& doc, StanceScratch& s) const {
  if (s.doc == &doc && s.doc_tokens == doc.tokens.size()) return;
  s.doc = &doc;
  s.doc_tokens = doc.tokens.size();
  s.tok_hash.assign(doc.tokens.size(), 0);
  s.tok_pol.assign(doc.tokens.size(), 0);
  s.tok_name.assign(doc.tokens.size(), 0);
  s.in_quote.assign(doc.tokens.size(), 0);
  s.clause.assign(doc.tokens.size(), 0);
  s.sent_ready.assign(doc.sentences.size(), 0);
  // Names: actor mentions (pronouns included: "he" is a person, not a word of the context).
  for (const Actor& a : doc.actors)
    for (const Mention& m : a.mentions)
      for (int32_t i = doc.token_at_or_after(m.span.start);
           i >= 0 && i < static_cast<int32_t>(doc.tokens.size()) && doc.tokens[i].span.start < m.span.end; ++i)
        s.tok_name[i] = 1;
}

void StanceFeaturizer::prepare_sentence(const Document& doc, int32_t sentence, StanceScratch& s) const {
  if (s.sent_ready[sentence]) return;
  s.sent_ready[sentence] = 1;
  const Sentence& sent = doc.sentences[sentence];
  const int32_t fc = first_content_token(doc, sent);
  // Quotation state and clause number of each token (every mention of the sentence reads them).
  bool q = false;
  for (int32_t i = sent.first_token, c = 0; i < sent.end_token; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::Quote && t.lower == "\"") q = !q;
    else s.in_quote[i] = q;
    if (is_clause_break(t)) ++c;
    s.clause[i] = c;
  }
  // Hashes first, prefetching each word's lexicon slot, then the lookups: the misses overlap.
  for (int32_t i = sent.first_token; i < sent.end_token; ++i) {
    const Token& t = doc.tokens[i];
    const uint64_t wh = t.kind == TokenKind::Number ? kNumHash : t.kind == TokenKind::Quote ? kQuoteHash : feature_hash(t);
    s.tok_hash[i] = wh;
    if (lex_ && t.kind == TokenKind::Word) lex_->prefetch(wh);
  }
  for (int32_t i = sent.first_token; i < sent.end_token; ++i) {
    const Token& t = doc.tokens[i];
    const uint64_t wh = s.tok_hash[i];
    if (t.kind == TokenKind::Word && t.capitalized && i > fc) s.tok_name[i] = 1;
    if (!lex_ || t.kind != TokenKind::Word) continue;
    const WordPolarity wp = lex_->lookup(wh);
    if (wp.polarity == 0) continue;
    bool negated = false;
    for (int32_t j = std::max(sent.first_token, i - 3); j < i; ++j) negated = negated || is_negator(doc.tokens[j].lower);
    const int sign = negated ? -wp.polarity : wp.polarity;
    s.tok_pol[i] = static_cast<int8_t>(sign * ((wp.strong ? 2 : 1) + (negated ? 4 : 0)));
  }
}

// Sentence part: identical for every mention in the sentence.
void StanceFeaturizer::emit_sentence(const Document& doc, int32_t sentence, StanceScratch& s) const {
  prepare_sentence(doc, sentence, s);
  const Sentence& sent = doc.sentences[sentence];
  const auto& tk = doc.tokens;
  auto flag_i = [&](uint64_t key, int v) { emit(feature_hash_pair(key, static_cast<uint64_t>(v + 100)), -1, s); };
  uint64_t prev = kBosHash;
  bool has_quote = false;
  int pos = 0, neg = 0;
  for (int32_t i = sent.first_token; i < sent.end_token; ++i) {
    if (tk[i].kind == TokenKind::Quote) has_quote = true;
    if (!is_counted(tk[i])) continue;
    const bool name = s.tok_name[i];
    const uint64_t w = name ? kNameHash : s.tok_hash[i];
    if (!name) emit(feature_hash_pair(kWord, w), i, s);
    emit(feature_hash_pair(kBigram, feature_hash_pair(prev, w)), i, s);
    prev = w;
    if (s.tok_pol[i] > 0) ++pos;
    if (s.tok_pol[i] < 0) ++neg;
  }
  emit(feature_hash_pair(kBigram, feature_hash_pair(prev, kEosHash)), -1, s);
  if (has_quote) flag_i(flag_key("S:has_quote"), 0);
  flag_i(flag_key("S:len"), std::min((sent.end_token - sent.first_token) / 8, 6));
  flag_i(flag_key("S:pos"), std::min(pos, 3));
  flag_i(flag_key("S:neg"), std::min(neg, 3));
  flag_i(flag_key("S:net"), std::clamp(pos - neg, -3, 3));
}

// Mention part: where the mention stands and what is said right around it.
void StanceFeaturizer::emit_mention(const Document& doc, const MentionTokens& m, StanceScratch& s) const {
  prepare_sentence(doc, m.sentence, s);
  const Sentence& sent = doc.sentences[m.sentence];
  const int32_t s0 = sent.first_token, s1 = sent.end_token;
  const auto& tk = doc.tokens;
  auto flag = [&](uint64_t key, int32_t tok = -1) { emit(key, tok, s); };
  auto flag_i = [&](uint64_t key, int v, int32_t tok = -1) {
    emit(feature_hash_pair(key, static_cast<uint64_t>(v + 100)), tok, s);
  };
  auto wh = [&](int32_t i) { return s.tok_name[i] ? kNameHash : s.tok_hash[i]; };

  const int target_clause = s.clause[m.first];

  // Positional window words (punctuation and quote marks included: "Trump ," vs "Trump said").
  static constexpr uint64_t kLeftNs[3] = {kL1, kL2, kL3}, kRightNs[3] = {kR1, kR2, kR3};
  for (int d = 1; d <= kWindow; ++d) {
    const int32_t li = m.first - d, ri = m.end - 1 + d;
    if (d <= 3) {
      emit(feature_hash_pair(kLeftNs[d - 1], li >= s0 ? wh(li) : kBosHash), li >= s0 ? li : -1, s);
      emit(feature_hash_pair(kRightNs[d - 1], ri < s1 ? wh(ri) : kEosHash), ri < s1 ? ri : -1, s);
    }
    if (li >= s0 && is_counted(tk[li])) emit(feature_hash_pair(kLWin, wh(li)), li, s);
    if (ri < s1 && is_counted(tk[ri])) emit(feature_hash_pair(kRWin, wh(ri)), ri, s);
  }
  {
    const uint64_t l1 = m.first - 1 >= s0 ? wh(m.first - 1) : kBosHash;
    const uint64_t r1 = m.end < s1 ? wh(m.end) : kEosHash;
    const uint64_t r2 = m.end + 1 < s1 ? wh(m.end + 1) : kEosHash;
    emit(feature_hash_pair(kAround, feature_hash_pair(l1, r1)), -1, s);
    emit(feature_hash_pair(kAround + 100, feature_hash_pair(r1, r2)), m.end < s1 ? m.end : -1, s);
  }

  // Mention-level flags.
  const int32_t fc = first_content_token(doc, sent);
  if (m.first <= fc) flag(flag_key("T:start"));
  if (s.in_quote[m.first]) flag(flag_key("T:in_quote"));
  if (m.end < s1 && tk[m.end].lower == "'s") flag(flag_key("T:possessive"));
  if (m.first - 1 >= s0 && tk[m.first - 1].lower == "by") flag(flag_key("T:by_agent"));
  if (m.end - m.first == 1 && is_pronoun(tk[m.first].lower)) flag(flag_key("T:pronoun"));
  flag_i(flag_key("T:len"), std::min(m.end - m.first, 4));
  flag_i(flag_key("T:pos"), std::min((m.first - s0) / 5, 6));
  for (int d = 1; d <= 3; ++d) {
    const int32_t ri = m.end - 1 + d, li = m.first - d;
    if (ri < s1 && is_say_verb(tk[ri].lower)) flag(flag_key("T:speaker_cue_after"), ri);
    if (li >= s0 && is_say_verb(tk[li].lower)) flag(flag_key("T:speaker_cue_before"), li);
  }
  if (m.first - 2 >= s0 && tk[m.first - 2].lower == "according" && tk[m.first - 1].lower == "to")
    flag(flag_key("T:according_to"));

  // Prior-polar words relative to the mention: side, distance, clause, quotation, strength,
  // negation; and the nearest one in the mention's clause on each side (the predicate the actor
  // is subject of, the verb it is object of).
  int net_near = 0, subj_pred = 0, obj_pred = 0, subj_dist = 99, obj_dist = 99;
  int32_t subj_tok = -1, obj_tok = -1;
  for (int32_t i = s0; i < s1; ++i) {
    const int v = s.tok_pol[i];
    if (v == 0 || (i >= m.first && i < m.end)) continue;
    const int sign = v > 0 ? 1 : -1;
    const int mag = v > 0 ? v : -v;
    const bool negated = mag >= 4, strong = (mag & 3) == 2;
    const bool left = i < m.first;
    const int dist = left ? m.first - i : i - m.end + 1;
    const bool same_clause = s.clause[i] == target_clause;
    if (dist <= 5) net_near += sign;
    const uint64_t base = sign > 0 ? kLexPos : kLexNeg;
    emit(base, i, s);
    emit(feature_hash_pair(base, 10 + (left ? 0 : 4) + dist_bin(dist)), i, s);
    emit(feature_hash_pair(base, 20 + (s.in_quote[i] ? 1 : 0)), i, s);
    emit(feature_hash_pair(base, 30 + (strong ? 1 : 0)), i, s);
    if (negated) emit(feature_hash_pair(base, 40), i, s);
    emit(feature_hash_pair(base, 50 + (same_clause ? 1 : 0) + (left ? 0 : 2)), i, s);
    emit(feature_hash_pair(kLexWord, feature_hash_pair(s.tok_hash[i], (left ? 2 : 4) + (negated ? 1 : 0))), i, s);
    if (same_clause && dist <= 6) {
      if (!left && dist < subj_dist) subj_dist = dist, subj_pred = sign, subj_tok = i;
      if (left && dist < obj_dist) obj_dist = dist, obj_pred = sign, obj_tok = i;
    }
  }
  if (subj_pred != 0) emit(feature_hash_pair(kPred, subj_pred > 0 ? 1 : 2), subj_tok, s);
  if (obj_pred != 0) emit(feature_hash_pair(kPred, obj_pred > 0 ? 3 : 4), obj_tok, s);
  flag_i(flag_key("lex:net_near"), std::clamp(net_near, -2, 2));

  // Quotes by/about the mention (when the quotes stage ran).
  const Span ms{tk[m.first].span.start, tk[m.end - 1].span.end};
  // Quotes and loaded terms are in text order: look only near this sentence, so the cost per
  // mention does not grow with the article (a 50 MB article was quadratic otherwise).
  auto q_hi = std::upper_bound(doc.quotes.begin(), doc.quotes.end(), sent.span.end,
                               [](int32_t pos, const Quote& q) { return pos < q.span.start; });
  // A quote may start a few quotes earlier and still reach into this sentence (multi-paragraph).
  auto q_lo = q_hi - std::min<std::ptrdiff_t>(q_hi - doc.quotes.begin(), 64);
  for (auto qi = q_lo; qi != q_hi; ++qi) {
    const Quote& qt = *qi;
    if (qt.negated) continue;  // denied speech is not the speaker's claim: no evidence from it
    if (qt.span.end < sent.span.start || qt.span.start > sent.span.end) continue;
    if (qt.span.overlaps(ms)) flag(flag_key("Q:inside"));
    if (qt.speaker && qt.speaker->span.overlaps(ms)) {
      flag(flag_key("Q:speaker"));
      if (qt.cue) {
        emit(feature_hash_pair(kQuoteCue, h(qt.cue->lemma)), -1, s);
        if (qt.cue->loaded) flag(flag_key("Q:speaker_loaded_cue"));
      }
    }
  }

  // Loaded wording near the mention (terms stage).
  auto t_lo = std::lower_bound(doc.loaded_terms.begin(), doc.loaded_terms.end(), sent.span.start,
                               [](const LoadedTerm& t, int32_t pos) { return t.span.start < pos; });
  for (auto ti_it = t_lo; ti_it != doc.loaded_terms.end() && ti_it->span.start < sent.span.end; ++ti_it) {
    const LoadedTerm& t = *ti_it;
    if (t.sentence != m.sentence || t.span.overlaps(ms)) continue;
    const bool left = t.span.end <= ms.start;
    const int32_t ti = doc.token_at_or_after(t.span.start);
    const int dist = left ? m.first - ti : ti - m.end + 1;
    emit(feature_hash_pair(kLoaded, h(t.category)), ti, s);
    emit(feature_hash_pair(kLoaded, 50 + (left ? 0 : 4) + dist_bin(std::max(dist, 0)) + (t.in_quote ? 8 : 0)), ti, s);
  }
}

void StanceFeaturizer::collect(StanceScratch& s, SparseVector& out, bool merge) {
  out.clear();
  if (!merge) {
    out.index.assign(s.index.begin(), s.index.end());
    out.value.assign(s.index.size(), 1.0f);
    return;
  }
  std::sort(s.index.begin(), s.index.end());
  for (size_t k = 0; k < s.index.size(); ++k) {
    if (!out.index.empty() && out.index.back() == s.index[k]) out.value.back() += 1.0f;
    else out.push(s.index[k], 1.0f);
  }
}

void StanceFeaturizer::features(const Document& doc, const MentionTokens& m, SparseVector& out, StanceScratch& s,
                                std::vector<std::pair<uint32_t, int32_t>>* attribution, bool merge) const {
  begin_document(doc, s);
  s.index.clear();
  s.token.clear();
  emit_sentence(doc, m.sentence, s);
  emit_mention(doc, m, s);
  if (attribution) {
    attribution->clear();
    for (size_t k = 0; k < s.index.size(); ++k) attribution->push_back({s.index[k], s.token[k]});
  }
  collect(s, out, merge);
}

void StanceFeaturizer::sentence_part(const Document& doc, int32_t sentence, SparseVector& out, StanceScratch& s) const {
  begin_document(doc, s);
  s.index.clear();
  s.token.clear();
  emit_sentence(doc, sentence, s);
  collect(s, out, false);
}

void StanceFeaturizer::mention_part(const Document& doc, const MentionTokens& m, SparseVector& out,
                                    StanceScratch& s) const {
  begin_document(doc, s);
  s.index.clear();
  s.token.clear();
  emit_mention(doc, m, s);
  collect(s, out, false);
}

}  // namespace framelens
