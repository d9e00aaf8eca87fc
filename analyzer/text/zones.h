#pragma once
// Document zones: every line of the text (and so every sentence and token on it) is one of
// headline, standfirst, byline, dateline, caption, body or boilerplate, with the reason it was
// given. Decided once, in the text layer, from the line's shape and cue words (FILE PHOTO, Getty,
// "Sign up", "(Photo by ...)", "By NAME", all-caps datelines, short unpunctuated lines before the
// body, ...) and, when a learned ZoneTable is given, from lines that repeat across an outlet's
// articles (site text: "Sign up for Daily Newsletters", "Copyright (c) ... Click here for
// reprint permission."). A single article with no outlet still gets the pattern zones. Stages
// read Sentence::zone: actors, quotes and stance evidence come from the body only.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/core/error.h"

namespace framelens {

struct Document;

enum class Zone : uint8_t { Body, Headline, Standfirst, Byline, Dateline, Caption, Boilerplate };

std::string_view zone_name(Zone z);
// Inverse of zone_name; false when `s` names no zone.
bool zone_from_name(std::string_view s, Zone& out);

// Lines that repeat across an outlet's articles, learned by `framelens train zones`: hashes of
// the line's word tokens (numbers left out, so "Copyright 2019" and "Copyright 2020" are one line).
class ZoneTable {
 public:
  ZoneTable() = default;
  explicit ZoneTable(std::vector<uint64_t> sorted_hashes) : lines_(std::move(sorted_hashes)) {}
  bool contains(uint64_t line_hash) const;
  size_t size() const { return lines_.size(); }
  [[nodiscard]] Status write(std::ostream& os) const;
  [[nodiscard]] static Result<ZoneTable> read(std::istream& is, const std::string& where);
  [[nodiscard]] static Result<ZoneTable> load(const std::string& path);

 private:
  std::vector<uint64_t> lines_;
};

// One line of the text: sentences [first_sentence, end_sentence), tokens [first_token, end_token).
struct TextLine {
  int32_t first_sentence = 0, end_sentence = 0;
  int32_t first_token = 0, end_token = 0;
  int32_t words = 0;       // word tokens
  uint64_t hash = 0;       // line_hash of the line
};

// The document's lines (a sentence never spans two lines: the splitter ends it at a line break
// unless the text is hard-wrapped, and a wrapped line continues the line before it).
std::vector<TextLine> text_lines(const Document& doc);
// Hash of a line's word tokens (numbers and punctuation left out); 0 for a line without words.
uint64_t line_hash(const Document& doc, const TextLine& line);

// Sets Sentence::zone / zone_reason and Paragraph::zone. `table` may be null (patterns only).
void assign_zones(Document& doc, const ZoneTable* table);

}  // namespace framelens
