#include "analyzer/terms/sentence_ensemble.h"

#include <cmath>
#include <fstream>

#include "analyzer/ml/logreg.h"

namespace framelens::terms {

namespace {
constexpr uint32_t kMagic = 0x4E455346;  // "FSEN"
constexpr uint32_t kVersion = 1;
}  // namespace

double SentenceEnsemble::combine(double linear_margin, double pooled_margin) const {
  return sigmoid(w_linear * linear_margin + w_pooled * pooled_margin + bias);
}

Result<SentenceEnsemble> SentenceEnsemble::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error("cannot read " + path);
  SentenceEnsemble e;
  uint32_t magic = 0, version = 0;
  in.read(reinterpret_cast<char*>(&magic), 4);
  in.read(reinterpret_cast<char*>(&version), 4);
  if (!in || magic != kMagic || version != kVersion) return model_error(path + ": not a framelens sentence ensemble (bad magic/version)");
  for (float* f : {&e.w_linear, &e.w_pooled, &e.bias, &e.threshold}) {
    in.read(reinterpret_cast<char*>(f), 4);
    if (!in || !std::isfinite(*f)) return model_error(path + ": corrupt header");
  }
  if (!e.pooled.read(in)) return model_error(path + ": corrupt pooled classifier");
  return e;
}

Status SentenceEnsemble::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) return internal_error("cannot write " + path);
  out.write(reinterpret_cast<const char*>(&kMagic), 4);
  out.write(reinterpret_cast<const char*>(&kVersion), 4);
  for (const float* f : {&w_linear, &w_pooled, &bias, &threshold}) out.write(reinterpret_cast<const char*>(f), 4);
  pooled.write(out);
  if (!out) return internal_error("write failed: " + path);
  return {};
}

}  // namespace framelens::terms
