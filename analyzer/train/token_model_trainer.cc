#include "analyzer/train/token_model_trainer.h"

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

Status train_token_model(const LoadedTrainOptions& opt, const std::vector<TrainDoc>& docs, const TermTable& table,
                         const std::function<float(int, int)>& oof_score, const WordVectors& wv, TokenModel& token,
                         std::vector<std::array<float, kTokenSummaryCount>>& summary, std::ostream& log) {
  token.hash_bits = opt.token_hash_bits;
  std::vector<std::vector<TokenTermInfo>> infos(docs.size());
  std::vector<Example> ex;
  std::vector<int> ex_fold;
  std::vector<TermMatch> ms;
  std::vector<TermEvidence> ev;
  for (size_t r = 0; r < docs.size(); ++r) {
    const TrainDoc& d = docs[r];
    if (d.fold < 0) continue;
    const auto n = static_cast<int32_t>(d.doc.tokens.size());
    evidence_of(d.doc, table, 0, n, [&](int e) { return oof_score(e, d.fold); }, ms, ev);
    token_term_infos(ms, ev, 0, n, infos[r]);
    for (int32_t i = 0; i < n; ++i) {
      if (d.doc.tokens[i].kind != TokenKind::Word || d.mark[i] == kSkip) continue;
      Example e;
      token.extract(d.doc, 0, n, i, infos[r], wv, e);
      e.label = d.mark[i] == kLoaded || d.mark[i] == kLabel ? 1.f : 0.f;
      ex.push_back(std::move(e));
      ex_fold.push_back(d.fold);
    }
  }
  // Standardisation from all tokens (no labels involved).
  const int dd = token.dense_dim(wv);
  standardize_fit(ex, dd, token.dense_mean, token.dense_inv_std);
  for (auto& e : ex) token.standardize(e.dense);
  LogRegParams tp;
  tp.l2_sparse = opt.token_l2;
  tp.l2_dense = opt.l2_dense;
  tp.iterations = opt.iterations;
  BinaryCounts tok_counts;
  for (int f = 0; f < opt.folds; ++f) {
    std::vector<Example> tr;
    for (size_t k = 0; k < ex.size(); ++k)
      if (ex_fold[k] != f) tr.push_back(ex[k]);
    TokenModel m = token;
    m.lr = train_logreg(tr, m.sparse_dim(), dd, tp);
    for (size_t k = 0; k < ex.size(); ++k)
      if (ex_fold[k] == f) tok_counts.add(ex[k].label > 0.5f, m.lr.predict(ex[k].sparse, ex[k].dense) >= 0.5);
    for (size_t r = 0; r < docs.size(); ++r)
      if (docs[r].fold == f)
        m.sentence_features(docs[r].doc, 0, static_cast<int32_t>(docs[r].doc.tokens.size()), infos[r], wv,
                            summary[r].data());
  }
  log << "token model: " << ex.size() << " word tokens; out-of-fold macro-F1 at 0.5 on BABE train tokens "
      << tok_counts.macro_f1() << "\n";
  token.lr = train_logreg(ex, token.sparse_dim(), dd, tp);
  token.prepare(wv);  // the full model scores as the stage does (dev)
  return {};
}

}  // namespace framelens::terms
