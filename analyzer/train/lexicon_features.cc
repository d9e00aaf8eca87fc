#include "analyzer/train/lexicon_features.h"

#include <fstream>
#include <sstream>

#include "analyzer/ml/mpqa_lexicon.h"

namespace framelens::terms {

namespace {

Status read_bing(const std::string& path, uint8_t flag, LexiconMap& out) {
  std::ifstream in(path);
  if (!in) return input_error("cannot read lexicon " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == ';') continue;
    out[line] |= flag;
  }
  return {};
}

Status read_mpqa(const std::string& path, LexiconMap& out) {
  return for_each_mpqa_clue(path, [&](const MpqaClue& c) {
    if (c.word.empty()) return;
    uint8_t f = c.type == "strongsubj" ? kMpqaStrong : kMpqaWeak;
    if (c.polarity == "positive" || c.polarity == "both") f |= kMpqaPositive;
    if (c.polarity == "negative" || c.polarity == "both") f |= kMpqaNegative;
    out[c.word] |= f;
  });
}

}  // namespace

Result<LexiconMap> read_lexicons(const std::string& dir) {
  LexiconMap m;
  if (auto st = read_mpqa(dir + "/mpqa_subjectivity/subjclueslen1-HLTEMNLP05.tff", m); !st) return st.error();
  if (auto st = read_bing(dir + "/bing_liu_opinion/positive-words.txt", kBingPositive, m); !st) return st.error();
  if (auto st = read_bing(dir + "/bing_liu_opinion/negative-words.txt", kBingNegative, m); !st) return st.error();
  return m;
}

}  // namespace framelens::terms
