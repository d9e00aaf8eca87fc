#pragma once
// Outlet boilerplate stripping for the article models. A classifier trained on AllSides learns
// house style (bylines, "Follow us on Twitter", "Advertisement", the site's own name) instead of
// ideology, and that does not transfer to outlets it never saw. The filter returns a token mask
// (1 = keep) that drops:
//   - lines (text between line breaks) that repeat across an outlet's training articles, learned
//     by learn() and stored as hashes;
//   - short lines with a boilerplate cue ("follow us", "sign up", "all rights reserved", a "By Name"
//     byline, ...) and lines repeated inside the same article;
//   - mentions of outlet names (learned from the training outlets' names, plus the record's own
//     `outlet` field), i.e. self-references.
// Thread-safe after construction/learning.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/core/flat_hash_index.h"
#include "analyzer/core/hash_filter.h"
#include "analyzer/text/document.h"

namespace framelens {

struct BoilerplateOptions {
  int max_line_words = 40;      // longer lines are never treated as boilerplate
  int min_outlet_docs = 3;      // a line is boilerplate when it occurs in >= this many articles of one outlet
};

class BoilerplateFilter {
 public:
  explicit BoilerplateFilter(BoilerplateOptions opt = {});

  // What learning needs from one training article: its outlet and the hashes of its short lines.
  struct DocLines {
    std::string outlet;
    std::vector<uint64_t> lines;  // sorted, unique
  };
  DocLines signature(const Document& doc) const;
  // Learns repeated lines and outlet names from training articles' signatures.
  void learn(const std::vector<DocLines>& docs);

  // 1 = keep the token, 0 = boilerplate. One entry per doc token.
  std::vector<uint8_t> keep_mask(const Document& doc) const;

  size_t learned_lines() const { return lines_.size(); }
  size_t learned_names() const { return name_count_; }

  Status write(std::ostream& os) const;
  static Result<BoilerplateFilter> read(std::istream& is, const std::string& where);

  // Outlet name -> the name as it appears in text ("CNN (Web News)" -> "cnn"; "" for generic
  // sources such as "Guest Writer - Left").
  static std::string clean_outlet_name(const std::string& outlet);

 private:
  void add_name(const std::vector<uint64_t>& phrase);
  bool is_known_line(uint64_t h) const;

  BoilerplateOptions opt_;
  std::vector<uint64_t> lines_;  // sorted hashes of learned boilerplate lines
  // first token hash -> row of name_phrases_: the phrases (token hash sequences) starting with it.
  // Probed for every token of every article, hence the flat index.
  FlatHashIndex name_index_;
  HashFilter name_filter_;  // the same first hashes: most tokens are turned away here, in L1
  std::vector<std::vector<std::vector<uint64_t>>> name_phrases_;
  size_t name_count_ = 0;
};

}  // namespace framelens
