#include "analyzer/stance/stance_actor.h"

#include <algorithm>
#include <optional>

#include "analyzer/core/word_set.h"

namespace framelens {

QuoteContents::QuoteContents(const Document& doc) {
  std::vector<Span> spans;
  for (const Quote& q : doc.quotes) {
    if (q.fragments.empty()) spans.push_back(q.span);
    else spans.insert(spans.end(), q.fragments.begin(), q.fragments.end());
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  start_.reserve(spans.size());
  max_end_.reserve(spans.size());
  int32_t reach = -1;
  for (const Span& s : spans) {
    reach = std::max(reach, s.end);
    start_.push_back(s.start);
    max_end_.push_back(reach);
  }
}

// The contents starting at or before the mention are the only ones that can hold it; one of them
// does exactly when the furthest end among them reaches the mention's end.
bool QuoteContents::contains(Span m) const {
  const auto it = std::upper_bound(start_.begin(), start_.end(), m.start);
  if (it == start_.begin()) return false;
  return max_end_[static_cast<size_t>(it - start_.begin()) - 1] >= m.end;
}

namespace {

// Evidence must be a content word: never punctuation, a number or a function word.
bool content_word(const Token& t) {
  static const WordSet kFunction = {
      "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from",
      "about", "as", "that", "this", "these", "those", "it", "its", "he", "she", "his", "her", "him",
      "they", "them", "their", "we", "our", "you", "your", "i", "me", "my", "is", "are", "was", "were",
      "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "could",
      "should", "can", "may", "might", "must", "not", "no", "so", "if", "than", "then", "there", "here",
      "who", "whom", "which", "what", "when", "where", "why", "how", "also", "just", "said", "says",
      "say", "told", "mr", "mrs", "ms", "after", "before", "over", "under", "into", "out", "up", "down",
      "all", "any", "some", "more", "most", "other", "such", "only", "own", "same", "very", "s", "'s"};
  return t.kind == TokenKind::Word && t.lower.size() >= 3 && !kFunction.contains(t.hash, t.lower);
}

Stance pool(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
            std::vector<ScoredMention>& scored, const AggregateOptions& opt, const char* voice) {
  Stance st = aggregate_stance(scored, opt);
  if (!st.present || st.label == "neutral") return st;
  // Evidence only for the mentions that pushed hardest toward the verdict.
  const double sign = st.score > 0 ? 1.0 : -1.0;
  std::vector<std::pair<double, size_t>> order;
  for (size_t i = 0; i < scored.size(); ++i) {
    const double c = sign * scored[i].weight * (1.0 - scored[i].pred.p[kStanceNeutral]) * scored[i].pred.score();
    if (c > 0) order.push_back({c, i});
  }
  std::partial_sort(order.begin(), order.begin() + std::min<size_t>(order.size(), 3), order.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t r = 0; r < order.size() && r < 3; ++r) {
    ScoredMention& sm = scored[order[r].second];
    MentionTokens mt;
    if (!locate_mention(doc, sm.span, mt)) continue;
    const int32_t et = stance.evidence_token(doc, mt, sm.pred, ws);
    if (et >= 0 && et < static_cast<int32_t>(doc.tokens.size()) && content_word(doc.tokens[et])) {
      sm.evidence = doc.tokens[et].span;
      sm.why = std::string(sign > 0 ? "raises" : "lowers") + " the stance at the mention '" +
               std::string(doc.slice(sm.span)) + "' (" + voice + ")";
    }
  }
  (void)actor;
  return aggregate_stance(scored, opt);
}

}  // namespace

ActorStances score_actor(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
                         std::vector<ScoredMention>& scored, const RoleModel* roles, RoleWorkspace* rws,
                         const QuoteContents* contents_in, const AggregateOptions& opt) {
  scored.clear();
  std::vector<ScoredMention> quoted;
  std::optional<QuoteContents> own_contents;
  if (!contents_in) own_contents.emplace(doc);
  const QuoteContents& contents = contents_in ? *contents_in : *own_contents;
  if (roles && rws) roles->begin(*rws);
  for (const Mention& mention : actor.mentions) {
    if (!doc.pos_in_body(mention.span.start)) continue;  // headline links carry no stance evidence
    MentionTokens mt;
    if (!locate_mention(doc, mention.span, mt)) continue;
    ScoredMention sm;
    sm.pred = stance.predict(doc, mt, ws, /*evidence=*/false);
    sm.span = mention.span;
    sm.weight = mention.pronoun ? 0.5 : 1.0;
    (contents.contains(mention.span) ? quoted : scored).push_back(sm);
    if (roles && rws) roles->add_mention(doc, mt, ws.x, *rws);
  }
  ActorStances out;
  out.own = pool(doc, actor, stance, ws, scored, opt, "outlet's voice");
  out.quoted = pool(doc, actor, stance, ws, quoted, opt, "inside a quote");
  scored.insert(scored.end(), quoted.begin(), quoted.end());
  return out;
}

}  // namespace framelens
