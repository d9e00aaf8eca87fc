#pragma once
// The project's own gold set of real articles (corpora/gold/gold.jsonl, see corpora/gold/GUIDE.md):
// ids, offsets and labels only. The article text is read from the shared corpora at eval time, so
// no corpus text enters the repository.
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/document.h"
#include "analyzer/text/input_record.h"

namespace framelens {

struct GoldZone {
  Span span;
  Zone zone = Zone::Body;
};

struct GoldActor {
  std::string name, type;
  bool main = false;
  char gender = '-';
  std::vector<std::string> forms;
};

struct GoldQuote {
  std::string kind;     // direct, mixed, indirect
  Span span;
  std::string speaker;  // gold actor name, "" when the text names nobody
  Span cue;             // empty when none
  bool negated = false;
};

struct GoldTerm {
  Span span;
  std::string voice;       // own, quoted, paraphrased, headline
  std::string quote_kind;  // direct, partial, scare (quoted voice)
};

struct GoldAttitude {
  std::string actor;       // gold actor name
  std::string label;       // negative, neutral, positive
  Span evidence;
};

struct GoldArticle {
  std::string id, set, outlet, annotator;
  InputRecord record;      // text and meta from the shared corpus
  std::vector<GoldZone> zones;
  std::vector<GoldActor> actors;
  std::vector<GoldQuote> quotes;
  std::vector<GoldTerm> loaded;
  std::vector<GoldAttitude> attitude;
  // The layers annotated ("actors", "attitude", ...); empty = every layer (gold.jsonl). The
  // attitude extension (gold_attitude.jsonl) has main actors and attitude only, so the actors,
  // quotes and loaded-terms evaluations skip it.
  std::vector<std::string> layers;
  bool has_layer(const std::string& layer) const;
};

// Reads the gold file and the texts it refers to from `corpora_dir` (the folder holding
// allsides_article_bias/). `set`: "tune", "final" or "all". Every article's spans are checked
// against its text; an id missing from the corpus is an input error. A record with `path` instead
// of `split` reads its text from that file, relative to the parent of `corpora_dir`
// ("examples/china-south-korea-envoy.txt"), as `framelens score FILE` reads it.
[[nodiscard]] Result<std::vector<GoldArticle>> load_gold_set(const std::string& gold_path,
                                                             const std::string& corpora_dir,
                                                             const std::string& set);

// Lower case, curly apostrophes straight, no leading "the ", no trailing "'s", single spaces: the
// form names are compared in.
std::string normalize_actor_name(std::string_view s);

}  // namespace framelens
