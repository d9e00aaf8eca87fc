#include "analyzer/terms/sentence_calibration.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace framelens::terms {

Result<SentenceCalibration> SentenceCalibration::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return model_error("cannot read " + path);
  SentenceCalibration c;
  std::string line;
  int seen = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string key;
    double v = 0;
    if (!(ss >> key >> v) || !std::isfinite(v)) return model_error(path + ": bad line '" + line + "'");
    if (key == "train_rate") c.train_rate = v, seen |= 1;
    else if (key == "real_rate") c.real_rate = v, seen |= 2;
    else if (key == "shift") c.shift = v, seen |= 4;
    else if (key == "threshold") c.threshold = v, seen |= 8;
    else if (key == "sentences") c.sentences = static_cast<long>(v);
    else return model_error(path + ": unknown key '" + key + "'");
  }
  if (seen != 15) return model_error(path + ": needs train_rate, real_rate, shift and threshold");
  if (!(c.threshold > 0 && c.threshold < 1) || std::abs(c.shift) > 20)
    return model_error(path + ": threshold must be in (0,1) and |shift| <= 20");
  return c;
}

Status SentenceCalibration::save(const std::string& path) const {
  std::ofstream out(path);
  if (!out) return internal_error("cannot write " + path);
  out << "# sentence bias prior of real articles (EM, Saerens et al. 2002; framelens train loaded)\n";
  char buf[256];
  std::snprintf(buf, sizeof buf, "train_rate\t%.6f\nreal_rate\t%.6f\nshift\t%.6f\nthreshold\t%.6f\nsentences\t%ld\n",
                train_rate, real_rate, shift, threshold, sentences);
  out << buf;
  if (!out) return internal_error("write failed: " + path);
  return {};
}

}  // namespace framelens::terms
