#include "analyzer/train/terms_training.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include <fasttext/fasttext.h>

#include "analyzer/ml/hashing.h"
#include "analyzer/ml/logreg.h"
#include "analyzer/terms/sentence_ensemble.h"
#include "analyzer/terms/sentence_model.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/terms/token_model.h"
#include "analyzer/train/corpus_reader.h"
#include "analyzer/train/lexicon_features.h"
#include "analyzer/train/pooled_trainer.h"
#include "analyzer/train/terms_metrics.h"


namespace framelens::terms {

bool has_letter(const std::string& s) {
  for (unsigned char c : s)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}

Result<std::vector<TrainDoc>> load_docs(const std::string& path, bool babe, int folds, std::ostream& log) {
  auto recs = read_corpus(path);
  if (!recs) return recs.error();
  std::vector<TrainDoc> out;
  out.reserve(recs->size());
  for (auto& r : *recs) {
    auto d = make_document(r.text, DocMeta{r.id, r.title, "", "", ""}, true);
    if (!d) continue;
    TrainDoc td;
    td.doc = std::move(*d);
    td.babe = babe;
    const auto& toks = td.doc.tokens;
    td.mark.assign(toks.size(), kNone);
    for (const auto& s : r.spans) {
      const bool loaded = s.label == "biased_word" || s.label == "Loaded_Language";
      const bool labeling = s.label == "Name_Calling,Labeling";
      if (!loaded && !labeling) continue;
      int32_t a = td.doc.token_at_or_after(s.span.start), b = a;
      while (b < static_cast<int32_t>(toks.size()) && toks[b].span.start < s.span.end) ++b;
      int words = 0;
      for (int32_t i = a; i < b; ++i) words += toks[i].kind == TokenKind::Word;
      for (int32_t i = a; i < b; ++i) {
        if (words > kMaxTermTokens) {
          if (td.mark[i] == kNone) td.mark[i] = kSkip;
        } else if (toks[i].kind == TokenKind::Word) {
          td.mark[i] = labeling && td.mark[i] != kLoaded ? kLabel : kLoaded;
        }
      }
    }
    if (r.label == "biased") td.label = 1;
    else if (r.label == "non-biased") td.label = 0;
    if (babe) td.fold = static_cast<int>(hash_token(r.id.empty() ? r.text : r.id) % folds);
    out.push_back(std::move(td));
  }
  log << "  read " << out.size() << " records from " << path << "\n";
  return out;
}

void standardize_fit(const std::vector<Example>& ex, int dd, Eigen::VectorXf& mean, Eigen::VectorXf& inv_std) {
  mean = Eigen::VectorXf::Zero(dd);
  inv_std = Eigen::VectorXf::Ones(dd);
  if (ex.empty() || dd == 0) return;
  for (const auto& e : ex) mean += e.dense;
  mean /= static_cast<float>(ex.size());
  Eigen::VectorXf var = Eigen::VectorXf::Zero(dd);
  for (const auto& e : ex) var += (e.dense - mean).cwiseAbs2();
  var /= static_cast<float>(ex.size());
  for (int j = 0; j < dd; ++j) inv_std[j] = var[j] > 1e-12f ? 1.f / std::sqrt(var[j]) : 0.f;
}

}  // namespace framelens::terms
