#pragma once
// Reads the subjectivity (MPQA) and opinion (Bing Liu) lexicons from the shared corpora at train
// time. Their entries become features of the learned term model; the lexicon files themselves are
// never shipped, only the learned weight table.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "analyzer/core/error.h"

namespace framelens::terms {

enum LexiconFlag : uint8_t {
  kMpqaStrong = 1, kMpqaWeak = 2, kMpqaPositive = 4, kMpqaNegative = 8,
  kBingPositive = 16, kBingNegative = 32,
};
constexpr int kLexiconFlagCount = 6;

using LexiconMap = std::unordered_map<std::string, uint8_t>;

// `dir` is the corpora's lexicons/ folder. Missing files are an input error.
Result<LexiconMap> read_lexicons(const std::string& dir);

}  // namespace framelens::terms
