#include "analyzer/models/stance_features.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

#include "analyzer/models/text_features.h"

namespace framelens {

namespace {

// Feature namespaces (hashed with the word so equal words in different roles do not collide).
enum Ns : uint64_t {
  kWord = 1, kBigram, kL1, kL2, kL3, kR1, kR2, kR3, kLWin, kRWin, kFlag, kLexWord, kQuoteCue, kLoaded,
  kAround, kPred
};

int abl() {
  static const int v = [] { const char* e = std::getenv("FL_STANCE_ABL"); return e ? std::atoi(e) : 0; }();
  return v;
}

// Clause breaks: a polar word across a comma or a "but" often is about someone else.
bool is_clause_break(const Token& t) {
  if (t.kind == TokenKind::Dash) return true;
  if (t.kind == TokenKind::Punct)
    return t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "(" || t.lower == ")";
  if (t.kind != TokenKind::Word) return false;
  static const std::array<std::string_view, 7> kConj = {"but", "while", "although", "though", "however", "whereas", "because"};
  return std::find(kConj.begin(), kConj.end(), std::string_view(t.lower)) != kConj.end();
}

uint64_t h(std::string_view s) { return feature_hash(s); }

const uint64_t kTargetHash = h("<T>");
const uint64_t kNumHash = h("<num>");
const uint64_t kQuoteHash = h("<q>");
const uint64_t kBosHash = h("<s>");
const uint64_t kEosHash = h("</s>");
const uint64_t kNameHash = h("<P>");

bool is_negator(const std::string& w) {
  static const std::array<std::string_view, 10> kNeg = {"not", "no", "never", "without", "nor", "cannot",
                                                        "hardly", "nothing", "none", "neither"};
  if (w.size() > 3 && w.compare(w.size() - 3, 3, "n't") == 0) return true;
  return std::find(kNeg.begin(), kNeg.end(), std::string_view(w)) != kNeg.end();
}

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

bool is_counted(const Token& t) { return t.kind == TokenKind::Word || t.kind == TokenKind::Number; }

uint64_t word_hash(const Token& t) {
  if (t.kind == TokenKind::Number) return kNumHash;
  if (t.kind == TokenKind::Quote) return kQuoteHash;
  return h(t.lower);
}

int dist_bin(int d) { return d <= 2 ? 0 : d <= 5 ? 1 : d <= 10 ? 2 : 3; }

}  // namespace

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

void StanceFeaturizer::features(const Document& doc, const MentionTokens& m, SparseVector& out,
                                StanceScratch& s, std::vector<std::pair<uint32_t, int32_t>>* attribution) const {
  s.index.clear();
  s.token.clear();
  out.clear();
  const Sentence& sent = doc.sentences[m.sentence];
  const int32_t s0 = sent.first_token, s1 = sent.end_token;
  const auto& tk = doc.tokens;
  auto flag = [&](std::string_view name, int32_t tok = -1) { emit(feature_hash_pair(kFlag, h(name)), tok, s); };
  auto flag_i = [&](std::string_view name, int v, int32_t tok = -1) {
    emit(feature_hash_pair(feature_hash_pair(kFlag, h(name)), static_cast<uint64_t>(v + 100)), tok, s);
  };

  // Quotation state inside the sentence (toggled by quote tokens); the sentence splitter keeps a
  // quote's sentences together often enough that this is a useful, cheap signal.
  s.in_quote.assign(size_t(s1 - s0), 0);
  bool q = false, has_quote = false;
  for (int32_t i = s0; i < s1; ++i) {
    if (tk[i].kind == TokenKind::Quote && tk[i].lower == "\"") {
      q = !q;
      has_quote = true;
    } else {
      s.in_quote[i - s0] = q;
    }
  }

  s.clause.assign(size_t(s1 - s0), 0);
  for (int32_t i = s0, c = 0; i < s1; ++i) {
    if (is_clause_break(tk[i])) ++c;
    s.clause[i - s0] = c;
  }
  int32_t first_content = s0;
  while (first_content < s1 && !is_counted(tk[first_content])) ++first_content;
  const int target_clause = s.clause[m.first - s0];

  // 1. Masked unigrams and bigrams (other names as <P> in bigrams: "<P> attacked <T>").
  uint64_t prev = kBosHash;
  bool in_target = false;
  for (int32_t i = s0; i < s1; ++i) {
    const bool target = i >= m.first && i < m.end;
    if (target) {
      if (!in_target) {
        emit(feature_hash_pair(kBigram, feature_hash_pair(prev, kTargetHash)), -1, s);
        prev = kTargetHash;
      }
      in_target = true;
      continue;
    }
    in_target = false;
    if (!is_counted(tk[i])) continue;
    const uint64_t w = word_hash(tk[i]);
    emit(feature_hash_pair(kWord, w), i, s);
    const uint64_t bw = (!(abl() & 1) && tk[i].capitalized && i > first_content) ? kNameHash : w;
    emit(feature_hash_pair(kBigram, feature_hash_pair(prev, bw)), i, s);
    prev = bw;
  }
  emit(feature_hash_pair(kBigram, feature_hash_pair(prev, kEosHash)), -1, s);

  // 2. Positional window words (punctuation and quote marks included: "Trump ," vs "Trump said").
  static constexpr uint64_t kLeftNs[3] = {kL1, kL2, kL3}, kRightNs[3] = {kR1, kR2, kR3};
  for (int d = 1; d <= 8; ++d) {
    const int32_t li = m.first - d, ri = m.end - 1 + d;
    if (d <= 3) {
      emit(feature_hash_pair(kLeftNs[d - 1], li >= s0 ? word_hash(tk[li]) : kBosHash), li >= s0 ? li : -1, s);
      emit(feature_hash_pair(kRightNs[d - 1], ri < s1 ? word_hash(tk[ri]) : kEosHash), ri < s1 ? ri : -1, s);
    }
    if (li >= s0 && is_counted(tk[li])) emit(feature_hash_pair(kLWin, word_hash(tk[li])), li, s);
    if (ri < s1 && is_counted(tk[ri])) emit(feature_hash_pair(kRWin, word_hash(tk[ri])), ri, s);
  }

  if (!(abl() & 2)) {
    const uint64_t l1 = m.first - 1 >= s0 ? word_hash(tk[m.first - 1]) : kBosHash;
    const uint64_t r1 = m.end < s1 ? word_hash(tk[m.end]) : kEosHash;
    const uint64_t r2 = m.end + 1 < s1 ? word_hash(tk[m.end + 1]) : kEosHash;
    emit(feature_hash_pair(kAround, feature_hash_pair(l1, r1)), -1, s);
    emit(feature_hash_pair(kAround + 100, feature_hash_pair(r1, r2)), m.end < s1 ? m.end : -1, s);
  }

  // 3. Mention-level flags.
  if (m.first <= first_content) flag("T:start");
  if (m.first - s0 < static_cast<int32_t>(s.in_quote.size()) && s.in_quote[m.first - s0]) flag("T:in_quote");
  if (has_quote) flag("S:has_quote");
  if (m.end < s1 && tk[m.end].lower == "'s") flag("T:possessive");
  if (m.first - 1 >= s0 && tk[m.first - 1].lower == "by") flag("T:by_agent");
  if (m.end - m.first == 1 && is_pronoun(tk[m.first].lower)) flag("T:pronoun");
  flag_i("T:len", std::min(m.end - m.first, 4));
  flag_i("S:len", std::min((s1 - s0) / 8, 6));
  flag_i("T:pos", std::min((m.first - s0) / 5, 6));
  for (int d = 1; d <= 3; ++d) {
    const int32_t ri = m.end - 1 + d, li = m.first - d;
    if (ri < s1 && is_say_verb(tk[ri].lower)) flag("T:speaker_cue_after", ri);
    if (li >= s0 && is_say_verb(tk[li].lower)) flag("T:speaker_cue_before", li);
  }
  if (m.first - 2 >= s0 && tk[m.first - 2].lower == "according" && tk[m.first - 1].lower == "to")
    flag("T:according_to");

  // 4. Prior-polar words by side, distance, quotation, strength and negation.
  if (lex_) {
    int net = 0, net_near = 0;
    int subj_pred = 0, obj_pred = 0, subj_dist = 99, obj_dist = 99;
    int32_t subj_tok = -1, obj_tok = -1;
    for (int32_t i = s0; i < s1; ++i) {
      if ((i >= m.first && i < m.end) || tk[i].kind != TokenKind::Word) continue;
      const uint64_t w = h(tk[i].lower);
      const WordPolarity wp = lex_->lookup(w);
      if (wp.polarity == 0) continue;
      bool negated = false;
      for (int32_t j = std::max(s0, i - 3); j < i; ++j) negated = negated || is_negator(tk[j].lower);
      const int sign = negated ? -wp.polarity : wp.polarity;
      const bool left = i < m.first;
      const int dist = left ? m.first - i : i - m.end + 1;
      const int db = dist_bin(dist);
      const bool quoted = s.in_quote[i - s0];
      net += sign;
      if (dist <= 5) net_near += sign;
      const uint64_t base = feature_hash_pair(kFlag, h(sign > 0 ? "lex+" : "lex-"));
      emit(base, i, s);
      emit(feature_hash_pair(base, 10 + (left ? 0 : 4) + db), i, s);
      emit(feature_hash_pair(base, 20 + (quoted ? 1 : 0)), i, s);
      emit(feature_hash_pair(base, 30 + (wp.strong ? 1 : 0)), i, s);
      if (negated) emit(feature_hash_pair(base, 40), i, s);
      const bool same_clause = s.clause[i - s0] == target_clause;
      if (!(abl() & 4)) emit(feature_hash_pair(base, 50 + (same_clause ? 1 : 0) + (left ? 0 : 2)), i, s);
      if (same_clause && dist <= 6) {
        if (!left && dist < subj_dist) { subj_dist = dist; subj_pred = sign; subj_tok = i; }
        if (left && dist < obj_dist) { obj_dist = dist; obj_pred = sign; obj_tok = i; }
      }
      emit(feature_hash_pair(kLexWord, feature_hash_pair(w, (left ? 2 : 4) + (negated ? 1 : 0))), i, s);
    }
    if (!(abl() & 8)) {
      if (subj_pred != 0) emit(feature_hash_pair(kPred, subj_pred > 0 ? 1 : 2), subj_tok, s);
      if (obj_pred != 0) emit(feature_hash_pair(kPred, obj_pred > 0 ? 3 : 4), obj_tok, s);
    }
    flag_i("lex:net", std::clamp(net, -3, 3));
    flag_i("lex:net_near", std::clamp(net_near, -2, 2));
  }

  // 5. Quotes by/about the mention (when the quotes stage ran).
  const Span ms{tk[m.first].span.start, tk[m.end - 1].span.end};
  for (const Quote& qt : doc.quotes) {
    if (qt.span.end < sent.span.start || qt.span.start > sent.span.end) continue;
    if (qt.span.overlaps(ms)) flag("Q:inside");
    if (qt.speaker && qt.speaker->span.overlaps(ms)) {
      flag("Q:speaker");
      if (qt.cue) {
        emit(feature_hash_pair(kQuoteCue, h(qt.cue->lemma)), -1, s);
        if (qt.cue->loaded) flag("Q:speaker_loaded_cue");
      }
    }
  }

  // 6. Loaded wording near the mention (terms stage).
  for (const LoadedTerm& t : doc.loaded_terms) {
    if (t.sentence != m.sentence || t.span.overlaps(ms)) continue;
    const bool left = t.span.end <= ms.start;
    const int32_t ti = doc.token_at_or_after(t.span.start);
    const int dist = left ? m.first - ti : ti - m.end + 1;
    emit(feature_hash_pair(kLoaded, h(t.category)), ti, s);
    emit(feature_hash_pair(kLoaded, 50 + (left ? 0 : 4) + dist_bin(std::max(dist, 0)) + (t.in_quote ? 8 : 0)), ti, s);
  }

  // Sort + merge into the sparse vector.
  if (attribution) {
    attribution->clear();
    for (size_t k = 0; k < s.index.size(); ++k) attribution->push_back({s.index[k], s.token[k]});
  }
  std::sort(s.index.begin(), s.index.end());
  for (size_t k = 0; k < s.index.size(); ++k) {
    if (!out.index.empty() && out.index.back() == s.index[k]) out.value.back() += 1.0f;
    else out.push(s.index[k], 1.0f);
  }
}

}  // namespace framelens
