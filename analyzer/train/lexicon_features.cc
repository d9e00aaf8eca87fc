#include "analyzer/train/lexicon_features.h"

#include <fstream>
#include <sstream>

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

// Lines of key=value pairs; parsed defensively (some lines use other keys).
Status read_mpqa(const std::string& path, LexiconMap& out) {
  std::ifstream in(path);
  if (!in) return input_error("cannot read lexicon " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    std::string kv, word, type, pol;
    while (ss >> kv) {
      const auto eq = kv.find('=');
      if (eq == std::string::npos) continue;
      const std::string k = kv.substr(0, eq), v = kv.substr(eq + 1);
      if (k == "word1") word = v;
      else if (k == "type") type = v;
      else if (k == "priorpolarity" || k == "polarity") pol = v;
    }
    if (word.empty()) continue;
    uint8_t f = type == "strongsubj" ? kMpqaStrong : kMpqaWeak;
    if (pol == "positive" || pol == "both") f |= kMpqaPositive;
    if (pol == "negative" || pol == "both") f |= kMpqaNegative;
    out[word] |= f;
  }
  return {};
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
