// libFuzzer target: UTF-8 decoding, normalising, tokenizing and sentence splitting of arbitrary
// bytes. Checks the document invariants every later stage relies on.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzer/text/document.h"

using namespace framelens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (bool lenient : {false, true}) {
    auto doc = make_document(bytes, {}, lenient);
    if (!doc) {
      if (lenient) std::abort();  // lenient mode accepts every byte string
      continue;
    }
    const int32_t n = doc->size();
    if (doc->norm.size() != doc->cps.size()) std::abort();
    if (doc->byte_of_cp.size() != doc->cps.size() + 1) std::abort();
    int32_t prev_end = 0;
    for (const auto& t : doc->tokens) {
      if (t.span.start < prev_end || t.span.end <= t.span.start || t.span.end > n) std::abort();
      if (t.sentence < 0 || !doc->sentences[t.sentence].span.contains(t.span)) std::abort();
      prev_end = t.span.end;
    }
    for (const auto& p : doc->paragraphs) {
      if (p.first_sentence >= p.end_sentence) std::abort();
    }
    (void)doc->word_count();
  }
  return 0;
}
