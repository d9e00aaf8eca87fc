#include "analyzer/stance/stance_actor.h"

#include <algorithm>
#include <optional>

#include <cmath>
#include <string>

namespace framelens {

QuoteContents::QuoteContents(const Document& doc) {
  std::vector<std::pair<Span, int32_t>> spans;
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quote& quote = doc.quotes[q];
    if (quote.fragments.empty()) spans.push_back({quote.span, static_cast<int32_t>(q)});
    for (const Span& f : quote.fragments) spans.push_back({f, static_cast<int32_t>(q)});
  }
  std::stable_sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.first.start < b.first.start; });
  start_.reserve(spans.size());
  end_.reserve(spans.size());
  quote_.reserve(spans.size());
  max_end_.reserve(spans.size());
  int32_t reach = -1;
  for (const auto& [s, q] : spans) {
    reach = std::max(reach, s.end);
    start_.push_back(s.start);
    end_.push_back(s.end);
    quote_.push_back(q);
    max_end_.push_back(reach);
  }
}

int32_t QuoteContents::quote_of(Span m) const {
  const auto it = std::upper_bound(start_.begin(), start_.end(), m.start);
  // Back from the last content starting at or before the mention while some content up to there
  // still reaches the mention's end.
  for (auto k = static_cast<int64_t>(it - start_.begin()) - 1; k >= 0 && max_end_[static_cast<size_t>(k)] >= m.end; --k)
    if (end_[static_cast<size_t>(k)] >= m.end) return quote_[static_cast<size_t>(k)];
  return -1;
}

// The contents starting at or before the mention are the only ones that can hold it; one of them
// does exactly when the furthest end among them reaches the mention's end.
bool QuoteContents::contains(Span m) const {
  const auto it = std::upper_bound(start_.begin(), start_.end(), m.start);
  if (it == start_.begin()) return false;
  return max_end_[static_cast<size_t>(it - start_.begin()) - 1] >= m.end;
}

namespace {

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
    if (et >= 0 && et < static_cast<int32_t>(doc.tokens.size()) && evidence_word(doc.tokens[et])) {
      sm.evidence = doc.tokens[et].span;
      sm.why = std::string(sign > 0 ? "raises" : "lowers") + " the stance at the mention '" +
               std::string(doc.slice(sm.span)) + "' (" + voice + ")";
    }
  }
  (void)actor;
  return aggregate_stance(scored, opt);
}

// The own-voice stance: the classifier's pooled verdict; its evidence the evaluative words tied to
// the actor's mentions that agree with it, strongest first, then the classifier's words.
Stance own_stance(const Document& doc, Stance model, const std::vector<EvaluativeTie>& ties,
                  const std::vector<Span>& tie_mentions, const AggregateOptions& opt) {
  if (!model.present || model.label == "neutral") return model;
  const double sign = model.score > 0 ? 1.0 : -1.0;
  std::vector<size_t> order;
  for (size_t i = 0; i < ties.size(); ++i)
    if (sign * ties[i].value > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return std::abs(ties[a].value) > std::abs(ties[b].value); });
  std::vector<Span> evidence;
  std::vector<std::string> why;
  for (const size_t i : order) {
    if (evidence.size() >= opt.max_evidence) break;
    const EvaluativeTie& t = ties[i];
    const Token& tok = doc.tokens[static_cast<size_t>(t.token)];
    evidence.push_back(tok.span);
    why.push_back("'" + std::string(doc.slice(tok.span)) + "' " + std::string(tie_relation_name(t.relation)) + " '" +
                  std::string(doc.slice(tie_mentions[i])) + "'" + (t.negated ? ", negated" : "") + " (outlet's voice)");
  }
  for (size_t i = 0; i < model.evidence.size() && evidence.size() < opt.max_evidence; ++i) {
    if (std::find(evidence.begin(), evidence.end(), model.evidence[i]) != evidence.end()) continue;
    evidence.push_back(model.evidence[i]);
    why.push_back(i < model.evidence_why.size() ? model.evidence_why[i] : std::string("context of a mention"));
  }
  model.evidence = std::move(evidence);
  model.evidence_why = std::move(why);
  return model;
}

// The quoted mentions grouped by the speaker of their quote (by name: a speaker quoted twice is
// one source), each group pooled like the actor's quoted stance. Most mentions first.
std::vector<QuotedSource> quoted_sources(const Document& doc, const std::vector<ScoredMention>& quoted,
                                         const std::vector<int32_t>& quote_of, const AggregateOptions& opt) {
  std::vector<QuotedSource> out;
  if (quoted.empty()) return out;
  static const std::string kNobody;
  std::vector<const std::string*> names;  // per group: the speaker name (no copies while grouping)
  std::vector<std::vector<ScoredMention>> groups;
  for (size_t i = 0; i < quoted.size(); ++i) {
    const int32_t q = i < quote_of.size() ? quote_of[i] : -1;
    const Quote* quote = q >= 0 && q < static_cast<int32_t>(doc.quotes.size()) ? &doc.quotes[static_cast<size_t>(q)] : nullptr;
    const std::string* name = quote && quote->speaker ? &quote->speaker->name : &kNobody;
    size_t g = 0;
    while (g < names.size() && *names[g] != *name) ++g;
    if (g == names.size()) {
      QuotedSource src;
      src.speaker = *name;
      src.speaker_actor = quote && quote->speaker ? quote->speaker->actor : -1;
      out.push_back(std::move(src));
      names.push_back(name);
      groups.emplace_back();
    }
    groups[g].push_back(quoted[i]);
  }
  for (size_t g = 0; g < out.size(); ++g) {
    const Stance st = aggregate_stance(groups[g], opt);
    out[g].mentions = static_cast<int32_t>(groups[g].size());
    out[g].score = st.score;
    out[g].label = st.label;
  }
  std::stable_sort(out.begin(), out.end(), [](const QuotedSource& a, const QuotedSource& b) { return a.mentions > b.mentions; });
  return out;
}

}  // namespace

ActorStances score_actor(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
                         std::vector<ScoredMention>& scored, const RoleModel* roles, RoleWorkspace* rws,
                         const QuoteContents* contents_in, const AggregateOptions& opt, const TieFinder* ties_in) {
  scored.clear();
  std::vector<ScoredMention> quoted;
  std::optional<QuoteContents> own_contents;
  if (!contents_in) own_contents.emplace(doc);
  const QuoteContents& contents = contents_in ? *contents_in : *own_contents;
  std::optional<TieFinder> own_finder;
  if (!ties_in) own_finder.emplace(doc, stance.lexicon());
  const TieFinder& finder = ties_in ? *ties_in : *own_finder;
  const int32_t actor_index = static_cast<int32_t>(&actor - doc.actors.data());
  const bool indexed = actor_index >= 0 && actor_index < static_cast<int32_t>(doc.actors.size());
  ActorStances out;
  std::vector<int32_t> quoted_quote;  // per quoted mention: its quote
  std::vector<Span> tie_mentions;
  std::vector<EvaluativeTie> found;
  if (roles && rws) roles->begin(*rws);
  for (const Mention& mention : actor.mentions) {
    if (!doc.pos_in_body(mention.span.start)) continue;  // headline links carry no stance evidence
    MentionTokens mt;
    if (!locate_mention(doc, mention.span, mt)) continue;
    ScoredMention sm;
    sm.pred = stance.predict(doc, mt, ws, /*evidence=*/false);
    sm.span = mention.span;
    sm.weight = mention.pronoun ? 0.5 : 1.0;
    const int32_t quote = contents.quote_of(mention.span);  // -1: outside every quote content
    (quote >= 0 ? quoted : scored).push_back(sm);
    if (quote >= 0) {
      quoted_quote.push_back(quote);
      continue;
    }
    // Roles read the outlet's voice only.
    if (roles && rws) roles->add_mention(doc, mt, ws.x, *rws);
    if (!indexed) continue;
    found.clear();
    finder.find(mt, actor_index, found);
    if (scored.back().pred.score() < 0 && finder.target_or_critic(mt)) scored.back().weight *= opt.target_weight;
    for (const EvaluativeTie& t : found) {
      bool seen = false;
      for (const EvaluativeTie& o : out.ties) seen = seen || o.token == t.token;
      if (seen) continue;
      out.ties.push_back(t);
      tie_mentions.push_back(mention.span);
    }
  }
  out.own = own_stance(doc, pool(doc, actor, stance, ws, scored, opt, "outlet's voice"), out.ties, tie_mentions, opt);
  out.quoted = pool(doc, actor, stance, ws, quoted, opt, "inside a quote");
  out.quoted_by = quoted_sources(doc, quoted, quoted_quote, opt);
  scored.insert(scored.end(), quoted.begin(), quoted.end());
  return out;
}

}  // namespace framelens
