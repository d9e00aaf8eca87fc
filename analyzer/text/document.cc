#include "analyzer/text/document.h"

#include <algorithm>

#include "analyzer/text/normalizer.h"
#include "analyzer/text/sentence_splitter.h"
#include "analyzer/text/tokenizer.h"
#include "analyzer/text/utf8.h"

namespace framelens {

std::string_view Document::slice(Span s) const {
  s.start = std::clamp<int32_t>(s.start, 0, size());
  s.end = std::clamp<int32_t>(s.end, s.start, size());
  return std::string_view(utf8).substr(byte_of_cp[s.start], byte_of_cp[s.end] - byte_of_cp[s.start]);
}

std::string Document::norm_slice(Span s) const {
  s.start = std::clamp<int32_t>(s.start, 0, size());
  s.end = std::clamp<int32_t>(s.end, s.start, size());
  std::string out;
  for (int32_t i = s.start; i < s.end; ++i) append_utf8(out, norm[i]);
  return out;
}

int32_t Document::word_count() const {
  int32_t w = 0;
  for (const auto& t : tokens) w += (t.kind == TokenKind::Word || t.kind == TokenKind::Number);
  return w;
}

int32_t Document::sentence_at(int32_t pos) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](int32_t p, const Sentence& s) { return p < s.span.end; });
  if (it == sentences.end() || pos < it->span.start) return -1;
  return static_cast<int32_t>(it - sentences.begin());
}

int32_t Document::token_at_or_after(int32_t pos) const {
  auto it = std::upper_bound(tokens.begin(), tokens.end(), pos,
                             [](int32_t p, const Token& t) { return p < t.span.end; });
  return static_cast<int32_t>(it - tokens.begin());
}

Result<Document> make_document(std::string_view bytes, DocMeta meta, bool lenient, const ZoneTable* zones) {
  auto decoded = decode_utf8(bytes, lenient);
  if (!decoded) return decoded.error();
  if (decoded->cps.size() > static_cast<size_t>(INT32_MAX - 1)) {
    return input_error("text longer than 2^31 code points");
  }
  Document doc;
  doc.meta = std::move(meta);
  doc.utf8 = std::move(decoded->utf8);
  doc.cps = std::move(decoded->cps);
  doc.byte_of_cp = std::move(decoded->byte_of_cp);
  if (decoded->replaced > 0) {
    doc.warnings.push_back("replaced " + std::to_string(decoded->replaced) +
                           " invalid UTF-8 sequence(s) with U+FFFD");
  }
  doc.norm = normalize(doc.cps);
  doc.tokens.reserve(doc.cps.size() / 5 + 1);
  tokenize(doc.norm, 0, doc.size(), doc.tokens);
  split_sentences(doc);
  assign_zones(doc, zones);
  return doc;
}

}  // namespace framelens
