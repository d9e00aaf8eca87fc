#include "analyzer/quotes/follow_up.h"

#include <set>
#include <unordered_map>

namespace framelens {

namespace {

// Reports (indirect or mixed drafts with an attributed speaker) by the sentence their content
// ends in, so finding the one before a quote does not scan every draft (quadratic on a long text).
class ReportsBySentence {
 public:
  ReportsBySentence(const Document& doc, const QuoteScan& scan) : doc_(doc), scan_(scan) {
    for (size_t i = 0; i < scan.drafts.size(); ++i) {
      const QuoteDraft& r = scan.drafts[i];
      if (r.quote.kind == "direct" || r.end_tok <= 0 || !r.attr.found() || !r.attr.speaker) continue;
      by_end_[end_sentence(r)].insert(static_cast<int32_t>(i));
    }
  }

  // The first report (in draft order) whose content and attribution end in sentence `s`, in
  // paragraph `paragraph`; -1 if none.
  int32_t ending_in(int32_t s, int32_t paragraph) const {
    auto it = by_end_.find(s);
    if (it == by_end_.end()) return -1;
    for (int32_t i : it->second) {
      const QuoteDraft& r = scan_.drafts[i];
      if (r.paragraph == paragraph && doc_.tokens[r.attr.end_tok - 1].sentence == s) return i;
    }
    return -1;
  }

  // Report `i` now ends where its end_tok says (call after changing it).
  void moved(int32_t i, int32_t old_sentence) {
    by_end_[old_sentence].erase(i);
    by_end_[end_sentence(scan_.drafts[i])].insert(i);
  }
  int32_t end_sentence(const QuoteDraft& r) const { return doc_.tokens[r.end_tok - 1].sentence; }

 private:
  const Document& doc_;
  const QuoteScan& scan_;
  std::unordered_map<int32_t, std::set<int32_t>> by_end_;
};

}  // namespace

void fold_follow_up_quotes(const Document& doc, QuoteScan& scan) {
  const auto& toks = doc.tokens;
  auto& drafts = scan.drafts;
  const int32_t n = static_cast<int32_t>(drafts.size());
  std::vector<int32_t> folded_into(n, -1);
  ReportsBySentence reports(doc, scan);
  for (int32_t i = 0; i < n; ++i) {
    const QuoteDraft& d = drafts[i];
    if (d.quote.kind != "direct" || d.attr.found() || d.first_tok < 1) continue;
    const int32_t open = d.first_tok - 1;
    const int32_t s = toks[d.first_tok].sentence;
    if (s < 1 || doc.sentences[s].first_token != open) continue;  // the quote opens its sentence
    const int32_t r = reports.ending_in(s - 1, d.paragraph);
    if (r < 0) continue;
    QuoteDraft& rep = drafts[r];
    const int32_t old_end = reports.end_sentence(rep);
    if (rep.quote.fragments.empty()) rep.quote.fragments.push_back(rep.quote.span);
    if (d.quote.fragments.empty()) {
      rep.quote.fragments.push_back(d.quote.span);
    } else {
      for (const auto& f : d.quote.fragments) rep.quote.fragments.push_back(f);
    }
    rep.quote.span.end = d.quote.span.end;
    rep.quote.kind = "mixed";
    rep.end_tok = d.end_tok;
    reports.moved(r, old_end);
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
