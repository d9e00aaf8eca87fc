#include "analyzer/ml/mpqa_lexicon.h"

#include <fstream>
#include <sstream>

namespace framelens {

Status for_each_mpqa_clue(const std::string& path, const std::function<void(const MpqaClue&)>& fn) {
  std::ifstream in(path);
  if (!in) return input_error("cannot read lexicon " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    std::string kv;
    MpqaClue c;
    while (ss >> kv) {
      const auto eq = kv.find('=');
      if (eq == std::string::npos) continue;
      const std::string k = kv.substr(0, eq), v = kv.substr(eq + 1);
      if (k == "word1") c.word = v;
      else if (k == "type") c.type = v;
      else if (k == "priorpolarity" || k == "polarity") c.polarity = v;
      else if (k == "stemmed1") c.stemmed = v;
    }
    fn(c);
  }
  return {};
}

}  // namespace framelens
