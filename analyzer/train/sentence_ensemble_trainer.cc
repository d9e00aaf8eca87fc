#include "analyzer/train/sentence_ensemble_trainer.h"

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
#include "analyzer/train/terms_vectors_trainer.h"

namespace framelens::terms {

namespace {

namespace fs = std::filesystem;

// Stacker over [linear margin, pooled margin] (a 2-feature logistic regression). The margins are
// scaled to unit variance while fitting (fastText's margins can be tiny or huge depending on its
// epochs) and the scales folded back into the weights.
LogRegModel fit_stacker(const std::vector<double>& zl, const std::vector<double>& zp, const std::vector<int>& y,
                        const std::vector<int>& fold, int skip_fold) {
  double sd[2] = {0, 0}, n = 0;
  for (size_t i = 0; i < y.size(); ++i)
    if (fold[i] != skip_fold) {
      sd[0] += zl[i] * zl[i];
      sd[1] += zp[i] * zp[i];
      ++n;
    }
  for (double& v : sd) v = n > 0 && v > 0 ? std::sqrt(v / n) : 1.0;
  std::vector<Example> ex;
  for (size_t i = 0; i < y.size(); ++i) {
    if (fold[i] == skip_fold) continue;
    Example e;
    e.dense = Eigen::VectorXf(2);
    e.dense << static_cast<float>(zl[i] / sd[0]), static_cast<float>(zp[i] / sd[1]);
    e.label = static_cast<float>(y[i]);
    ex.push_back(std::move(e));
  }
  LogRegParams p;
  p.l2_dense = 1e-4;
  p.iterations = 600;
  LogRegModel m = train_logreg(ex, 1, 2, p);
  m.dense_w[0] /= static_cast<float>(sd[0]);
  m.dense_w[1] /= static_cast<float>(sd[1]);
  return m;
}

double stack_margin(const LogRegModel& m, double zl, double zp) {
  return m.bias + m.dense_w[0] * zl + m.dense_w[1] * zp;
}

}  // namespace

Result<SentenceEnsemble> train_ensemble(const LoadedTrainOptions& opt, const std::vector<TrainDoc>& babe,
                                        const std::vector<TrainDoc>& ptc, const WordVectors& wv,
                                        const std::vector<double>& linear_oof, const std::vector<int>& fold,
                                        const std::vector<int>& y, std::ostream& log) {
  std::vector<std::vector<std::string>> texts;
  for (const auto& d : babe) {
    if (d.label < 0) continue;
    texts.emplace_back();
    classifier_tokens(d.doc, 0, static_cast<int32_t>(d.doc.tokens.size()), texts.back());
  }
  if (texts.size() != y.size() || linear_oof.size() != y.size()) return internal_error("ensemble: training sets differ");
  std::vector<std::vector<std::string>> extra;
  if (opt.pooled_ptc) {
    for (const auto& d : ptc)
      for (const auto& s : d.doc.sentences) {
        bool marked = false;
        for (int32_t i = s.first_token; i < s.end_token; ++i) marked |= d.mark[i] == kLoaded || d.mark[i] == kLabel;
        if (!marked) continue;
        extra.emplace_back();
        classifier_tokens(d.doc, s.first_token, s.end_token, extra.back());
      }
    log << "  pooled classifier: " << extra.size() << " PTC sentences with marked spans added as positives\n";
  }
  PooledTrainParams p;
  p.dim = opt.pooled_dim;
  p.epoch = opt.pooled_epoch;
  p.lr = opt.pooled_lr;
  p.word_ngrams = opt.pooled_ngrams;
  p.minn = opt.pooled_maxn > 0 ? 3 : 0;
  p.maxn = opt.pooled_maxn;
  p.bucket = opt.pooled_bucket;
  p.seed = static_cast<int>(opt.seed);
  p.work_dir = opt.out_dir;
  std::error_code ec;
  if (opt.pooled_vectors && !wv.empty()) {
    p.pretrained_vectors = (fs::path(opt.out_dir) / ".pooled_vectors.vec").string();
    if (auto st = write_vec(wv, p.pretrained_vectors); !st) return st.error();
    p.dim = wv.dim();
  }
  auto train_on = [&](int skip_fold) -> Result<PooledClassifier> {
    std::vector<std::vector<std::string>> tx;
    std::vector<int> ty;
    for (size_t i = 0; i < texts.size(); ++i)
      if (fold[i] != skip_fold) {
        tx.push_back(texts[i]);
        ty.push_back(y[i]);
      }
    for (const auto& e : extra) {
      tx.push_back(e);
      ty.push_back(1);
    }
    return train_pooled_classifier(tx, ty, p);
  };
  std::vector<double> pooled_oof(texts.size(), 0.0);
  for (int f = 0; f < opt.folds; ++f) {
    auto m = train_on(f);
    if (!m) return m.error();
    for (size_t i = 0; i < texts.size(); ++i)
      if (fold[i] == f) pooled_oof[i] = m->margin(texts[i]);
  }
  auto cv_f1 = [&](const std::vector<double>& z, double* thr) {
    std::vector<double> pr(z.size());
    for (size_t i = 0; i < z.size(); ++i) pr[i] = sigmoid(z[i]);
    double f1 = 0;
    *thr = best_threshold(pr, y, &f1);
    return f1;
  };
  double thr = 0.5;
  log << "  pooled classifier alone: CV macro-F1 " << cv_f1(pooled_oof, &thr) << " at threshold " << thr << "\n";
  log << "  linear model alone:      CV macro-F1 " << cv_f1(linear_oof, &thr) << " at threshold " << thr << "\n";
  // Nested: the stacker of fold f is fitted on the other folds' out-of-fold margins.
  std::vector<double> stacked(texts.size(), 0.0);
  for (int f = 0; f < opt.folds; ++f) {
    const auto st = fit_stacker(linear_oof, pooled_oof, y, fold, f);
    for (size_t i = 0; i < texts.size(); ++i)
      if (fold[i] == f) stacked[i] = stack_margin(st, linear_oof[i], pooled_oof[i]);
  }
  const double stacked_f1 = cv_f1(stacked, &thr);
  SentenceEnsemble ens;
  const auto st = fit_stacker(linear_oof, pooled_oof, y, fold, -1);
  ens.w_linear = st.dense_w[0];
  ens.w_pooled = st.dense_w[1];
  ens.bias = st.bias;
  ens.threshold = static_cast<float>(thr);
  log << "  stacked (nested CV):     CV macro-F1 " << stacked_f1 << " at threshold " << thr << "; weights linear "
      << ens.w_linear << ", pooled " << ens.w_pooled << ", bias " << ens.bias << "\n";
  auto full = train_on(-1);
  if (!full) return full.error();
  ens.pooled = std::move(*full);
  if (!p.pretrained_vectors.empty()) fs::remove(p.pretrained_vectors, ec);
  log << "  pooled classifier: " << ens.pooled.words.size() << " words, " << ens.pooled.buckets.size()
      << " buckets\n";
  return ens;
}

}  // namespace framelens::terms
