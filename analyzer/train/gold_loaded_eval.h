#pragma once
// Loaded terms measured on the gold set of real articles (`framelens eval loaded --gold`), per
// voice. Match rule: a found term and a gold term match when their code-point spans overlap. Per
// voice V: precision = found terms of voice V overlapping a gold term of voice V / found terms of
// voice V; recall = gold terms of voice V overlapped by a found term of voice V / gold terms of
// voice V. "any" ignores the voice. Every found term is checked against gold terms only (so a
// wrong voice counts against both voices' figures); the voice confusion is over overlapping pairs.
#include <array>
#include <string>
#include <vector>

#include "analyzer/text/document.h"
#include "analyzer/train/gold_set.h"

namespace framelens {

inline constexpr int kVoiceCount = 4;  // TermVoice values
inline constexpr int kNoVoice = kVoiceCount;  // "no term" row/column of the confusion

struct VoiceCounts {
  long found = 0, found_right = 0;  // found terms, those overlapping a gold term of the same voice
  long gold = 0, gold_found = 0;    // gold terms, those overlapped by a found term of the same voice
  double precision() const { return found ? static_cast<double>(found_right) / found : 0.0; }
  double recall() const { return gold ? static_cast<double>(gold_found) / gold : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct GoldLoadedReport {
  long articles = 0;
  std::array<VoiceCounts, kVoiceCount> voice{};
  VoiceCounts any;
  // [gold voice][found voice] over gold terms: the voice of the first overlapping found term, or
  // kNoVoice when none overlaps.
  std::array<std::array<long, kVoiceCount + 1>, kVoiceCount> confusion{};
  long quoted_pairs = 0, quote_kind_right = 0;  // gold quoted terms matched by a found quoted term
  std::vector<std::string> false_terms;         // "ID voice: text (category score)"
  std::vector<std::string> missed;              // "ID voice: text"
  std::vector<std::string> wrong_voice;         // "ID gold -> found: text"
};

// A gold voice name as a TermVoice; false for an unknown name.
bool voice_from_name(std::string_view s, TermVoice& out);

void add_gold_loaded(const Document& doc, const GoldArticle& gold, GoldLoadedReport& report);

}  // namespace framelens
