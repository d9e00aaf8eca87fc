#include "analyzer/report/doc_stats.h"

namespace framelens {

DocStats compute_stats(const Document& doc) {
  DocStats s;
  s.chars = doc.size();
  s.words = doc.word_count();
  s.sentences = static_cast<int32_t>(doc.sentences.size());
  s.paragraphs = static_cast<int32_t>(doc.paragraphs.size());
  s.terms_measured = doc.terms_scored;
  for (const auto& t : doc.loaded_terms) {
    switch (t.voice) {
      case TermVoice::Own: ++s.own_voice_terms; break;
      case TermVoice::Paraphrased: ++s.paraphrased_terms; break;
      case TermVoice::Headline: ++s.headline_terms; break;
      case TermVoice::Quoted:
        ++s.quoted_terms;
        s.quoted_direct_terms += t.quote_kind == QuoteKind::Direct;
        s.quoted_partial_terms += t.quote_kind == QuoteKind::Partial;
        s.scare_quote_terms += t.quote_kind == QuoteKind::Scare;
        break;
    }
  }
  if (s.words > 0) {
    s.own_voice_per_1000 = 1000.0 * s.own_voice_terms / s.words;
    s.quoted_per_1000 = 1000.0 * s.quoted_terms / s.words;
    s.paraphrased_per_1000 = 1000.0 * s.paraphrased_terms / s.words;
    s.headline_per_1000 = 1000.0 * s.headline_terms / s.words;
  }
  for (const auto& q : doc.quotes) {
    ++s.quotes;
    s.direct_quotes += q.kind == "direct";
    s.loaded_cues += q.cue && q.cue->loaded;
  }
  for (const auto& se : doc.sentences) s.biased_sentences += se.biased;
  return s;
}

}  // namespace framelens
