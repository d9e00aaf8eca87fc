#include "analyzer/quotes/follow_up.h"

namespace framelens {

namespace {

// The report (indirect or mixed draft) whose content and attribution end in sentence `s`, in
// paragraph `paragraph`; -1 if none.
int32_t report_ending_in(const Document& doc, const QuoteScan& scan, int32_t s, int32_t paragraph) {
  const auto& toks = doc.tokens;
  for (size_t i = 0; i < scan.drafts.size(); ++i) {
    const QuoteDraft& r = scan.drafts[i];
    if (r.quote.kind == "direct" || r.paragraph != paragraph || r.end_tok <= 0) continue;
    if (!r.attr.found() || !r.attr.speaker) continue;
    if (toks[r.end_tok - 1].sentence != s || toks[r.attr.end_tok - 1].sentence != s) continue;
    return static_cast<int32_t>(i);
  }
  return -1;
}

}  // namespace

void fold_follow_up_quotes(const Document& doc, QuoteScan& scan) {
  const auto& toks = doc.tokens;
  auto& drafts = scan.drafts;
  const int32_t n = static_cast<int32_t>(drafts.size());
  std::vector<int32_t> folded_into(n, -1);
  for (int32_t i = 0; i < n; ++i) {
    const QuoteDraft& d = drafts[i];
    if (d.quote.kind != "direct" || d.attr.found() || d.first_tok < 1) continue;
    const int32_t open = d.first_tok - 1;
    const int32_t s = toks[d.first_tok].sentence;
    if (s < 1 || doc.sentences[s].first_token != open) continue;  // the quote opens its sentence
    const int32_t r = report_ending_in(doc, scan, s - 1, d.paragraph);
    if (r < 0) continue;
    QuoteDraft& rep = drafts[r];
    if (rep.quote.fragments.empty()) rep.quote.fragments.push_back(rep.quote.span);
    if (d.quote.fragments.empty()) {
      rep.quote.fragments.push_back(d.quote.span);
    } else {
      for (const auto& f : d.quote.fragments) rep.quote.fragments.push_back(f);
    }
    rep.quote.span.end = d.quote.span.end;
    rep.quote.kind = "mixed";
    rep.end_tok = d.end_tok;
    folded_into[i] = r;
  }
  // Remove the folded drafts and renumber inherit_from.
  std::vector<int32_t> new_index(n, -1);
  int32_t k = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (folded_into[i] < 0) new_index[i] = k++;
  }
  if (k == n) return;
  std::vector<QuoteDraft> kept;
  kept.reserve(k);
  for (int32_t i = 0; i < n; ++i) {
    if (folded_into[i] >= 0) continue;
    QuoteDraft d = std::move(drafts[i]);
    int32_t from = d.inherit_from;
    while (from >= 0 && folded_into[from] >= 0) from = folded_into[from];
    d.inherit_from = from >= 0 ? new_index[from] : -1;
    kept.push_back(std::move(d));
  }
  drafts = std::move(kept);
}

}  // namespace framelens
