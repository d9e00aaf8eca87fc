#include "analyzer/actors/actor_lookup.h"

#include <algorithm>

namespace framelens {

int32_t actor_for_span(const Document& doc, Span span) {
  int32_t best = -1, best_overlap = 0;
  bool best_pronoun = true;
  for (size_t a = 0; a < doc.actors.size(); ++a) {
    for (const Mention& m : doc.actors[a].mentions) {
      if (!m.span.overlaps(span) && !(span.empty() && m.span.start <= span.start && span.start < m.span.end)) continue;
      int32_t ov = std::max<int32_t>(1, std::min(m.span.end, span.end) - std::max(m.span.start, span.start));
      if (ov > best_overlap || (ov == best_overlap && best_pronoun && !m.pronoun)) {
        best = static_cast<int32_t>(a);
        best_overlap = ov;
        best_pronoun = m.pronoun;
      }
    }
  }
  return best;
}

}  // namespace framelens
