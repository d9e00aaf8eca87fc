#include "analyzer/models/leaning_trainer.h"

#include <chrono>
#include <cstdio>
#include <ostream>

#include "analyzer/models/text_features_article_build.h"

namespace framelens {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string fmt3(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

Result<LinearModel> fit(const std::vector<SparseVector>& x, const std::vector<int>& y, uint32_t dim,
                        const LeaningTrainOptions& opt) {
  LinearTrainOptions lo;
  lo.l2 = opt.l2;
  lo.balance_classes = opt.balance_classes;
  lo.max_iterations = opt.max_iterations;
  return LinearModel::train_softmax(x, y, 3, dim, lo);
}

LeaningMetrics metrics(const std::vector<int>& gold, const std::vector<int>& pred) {
  LeaningMetrics m;
  m.n = gold.size();
  m.macro_f1 = macro_f1(gold, pred, 3);
  size_t ok = 0;
  for (size_t i = 0; i < gold.size(); ++i) ok += gold[i] == pred[i];
  m.accuracy = gold.empty() ? 0 : double(ok) / gold.size();
  return m;
}

int argmax3(const double* p) { return p[0] >= p[1] && p[0] >= p[2] ? 0 : (p[1] >= p[2] ? 1 : 2); }

}  // namespace

int leaning_index(const std::string& label) {
  for (int k = 0; k < 3; ++k)
    if (label == kLeaningLabels[k]) return k;
  return -1;
}

Result<LeaningModel> train_leaning(const ArticleFeatures& features, const std::vector<LabelledRecord>& train,
                                   const std::vector<LabelledRecord>& dev, const LeaningTrainOptions& opt,
                                   std::ostream& log) {
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<int> y(train.size()), fold(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    if (train[i].labels.empty() || (y[i] = leaning_index(train[i].labels[0])) < 0)
      return input_error("train record " + std::to_string(i + 1) + ": label must be left, center or right");
    fold[i] = outlet_fold(train[i].record.meta.outlet, std::max(opt.folds, 2));
  }
  const TextFeaturizer& fz = features.featurizer();
  std::vector<SparseVector> x(train.size()), held(train.size());
  if (opt.cross_validate) {
    // Boilerplate tables that never saw fold k's outlets.
    std::vector<BoilerplateFilter::DocLines> sigs(train.size());
    BoilerplateFilter probe;
    if (Status s = for_each_document(train, [&](size_t i, const Document& d) { sigs[i] = probe.signature(d); }); !s)
      return s.error();
    std::vector<BoilerplateFilter> fold_filters(opt.folds);
    for (int k = 0; k < opt.folds; ++k) {
      std::vector<BoilerplateFilter::DocLines> part;
      for (size_t i = 0; i < train.size(); ++i)
        if (fold[i] != k) part.push_back(sigs[i]);
      fold_filters[k].learn(part);
    }
    sigs.clear();
    if (Status s = for_each_document(train, [&](size_t i, const Document& d) {
          x[i] = features.counts(d);
          fz.weigh(x[i]);
          held[i] = features.counts(d, &fold_filters[fold[i]]);
          fz.weigh(held[i]);
        });
        !s)
      return s.error();
    log << "features: " << train.size() << " articles in " << fmt3(seconds_since(t0)) << " s" << std::endl;
    std::vector<int> pred(train.size(), 0);
    for (int k = 0; k < opt.folds; ++k) {
      std::vector<SparseVector> xs;
      std::vector<int> ys;
      for (size_t i = 0; i < train.size(); ++i)
        if (fold[i] != k) xs.push_back(x[i]), ys.push_back(y[i]);
      auto m = fit(xs, ys, features.dim(), opt);
      if (!m) return m.error();
      std::vector<int> g, p;
      for (size_t i = 0; i < train.size(); ++i) {
        if (fold[i] != k) continue;
        double pr[3];
        m->predict(held[i], pr);
        pred[i] = argmax3(pr);
        g.push_back(y[i]);
        p.push_back(pred[i]);
      }
      log << "cv fold " << k << ": n=" << g.size() << " macro-F1=" << fmt3(macro_f1(g, p, 3)) << " ("
          << fmt3(seconds_since(t0)) << " s)" << std::endl;
    }
    auto cv = metrics(y, pred);
    log << "outlet-grouped CV (" << opt.folds << " folds): macro-F1=" << fmt3(cv.macro_f1)
        << " acc=" << fmt3(cv.accuracy) << " n=" << cv.n << std::endl;
    held.clear();
  } else {
    if (Status s = for_each_document(train, [&](size_t i, const Document& d) { x[i] = features.compute(d); }); !s)
      return s.error();
  }
  auto m = fit(x, y, features.dim(), opt);
  if (!m) return m.error();
  LeaningModel model(std::move(*m));
  if (!dev.empty()) {
    auto dm = eval_leaning(features, model, dev);
    if (!dm) return dm.error();
    log << "dev: macro-F1=" << fmt3(dm->macro_f1) << " acc=" << fmt3(dm->accuracy) << " n=" << dm->n << std::endl;
  }
  log << "trained in " << fmt3(seconds_since(t0)) << " s" << std::endl;
  return model;
}

Result<LeaningMetrics> eval_leaning(const ArticleFeatures& features, const LeaningModel& model,
                                    const std::vector<LabelledRecord>& records) {
  std::vector<int> gold(records.size()), pred(records.size());
  for (size_t i = 0; i < records.size(); ++i)
    gold[i] = records[i].labels.empty() ? -1 : leaning_index(records[i].labels[0]);
  double busy = 0;
  if (Status s = for_each_document(records, [&](size_t i, const Document& d) {
        const auto t0 = std::chrono::steady_clock::now();
        pred[i] = leaning_index(model.predict(features.compute(d)).label);
        busy += seconds_since(t0);
      });
      !s)
    return s.error();
  auto m = metrics(gold, pred);
  m.us_per_article = records.empty() ? 0 : 1e6 * busy / records.size();
  return m;
}

}  // namespace framelens
