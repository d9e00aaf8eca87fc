#pragma once
// Reads the shared-schema JSONL corpora used by train/eval loaded: text, an optional sentence label
// and labelled spans (code point offsets). Plain or gzip files.
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/document.h"

namespace framelens::terms {

struct LabeledSpan {
  Span span;
  std::string label;
};

struct CorpusRecord {
  std::string id, title, text;
  std::string label;  // "biased" / "non-biased" / "no-agreement" / "" (absent)
  std::vector<LabeledSpan> spans;
};

// Reads at most `max_records` records (0: all); stops early after `max_bytes` of text (0: no limit).
Result<std::vector<CorpusRecord>> read_corpus(const std::string& path, size_t max_records = 0,
                                              size_t max_bytes = 0);

}  // namespace framelens::terms
