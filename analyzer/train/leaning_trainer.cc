#include "analyzer/train/leaning_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <ostream>

#include "analyzer/core/format.h"
#include "analyzer/train/metrics.h"
#include "analyzer/train/outlet_spread.h"
#include "analyzer/train/text_features_article_trainer.h"

namespace framelens {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string describe(const LeaningHeadConfig& c) {
  char b[96];
  std::snprintf(b, sizeof b, "l2=%g outlet-power=%g min-outlets=%d", c.l2, c.outlet_power, c.min_outlets);
  return b;
}

// Fits one configuration on weighted vectors; `x` must already be restricted to the features the
// configuration keeps (keep_spread_features).
Result<LinearModel> fit(const std::vector<SparseVector>& x, const std::vector<int>& y,
                        const std::vector<std::string>& outlets, uint32_t dim, const LeaningHeadConfig& cfg,
                        const LeaningTrainOptions& opt) {
  LinearTrainOptions lo;
  lo.l2 = cfg.l2;
  lo.balance_classes = false;  // folded into the sample weights
  lo.max_iterations = opt.max_iterations;
  const auto w = leaning_sample_weights(outlets, y, 3, cfg.outlet_power, opt.balance_classes);
  return LinearModel::train_softmax(x, y, 3, dim, lo, &w);
}

// The training vectors of one configuration (a filtered copy only when features are dropped).
Result<LinearModel> fit_config(const std::vector<SparseVector>& x, const std::vector<int>& y,
                               const std::vector<std::string>& outlets, const std::vector<uint32_t>& outlet_counts,
                               uint32_t dim, const LeaningHeadConfig& cfg, const LeaningTrainOptions& opt) {
  if (cfg.min_outlets <= 1) return fit(x, y, outlets, dim, cfg, opt);
  std::vector<SparseVector> xf = x;
  for (auto& v : xf) keep_spread_features(v, outlet_counts, static_cast<uint32_t>(cfg.min_outlets));
  return fit(xf, y, outlets, dim, cfg, opt);
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
  if (opt.grid.empty()) return input_error("train leaning: no head configuration to try");
  const int folds = std::max(opt.folds, 2);
  std::vector<int> y(train.size()), fold(train.size());
  std::vector<std::string> outlets(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    if (train[i].labels.empty() || (y[i] = leaning_index(train[i].labels[0])) < 0)
      return input_error("train record " + std::to_string(i + 1) + ": label must be left, center or right");
    outlets[i] = train[i].record.meta.outlet;
    fold[i] = outlet_fold(outlets[i], folds);
  }
  const TextFeaturizer& fz = features.featurizer();
  std::vector<SparseVector> x(train.size()), held(train.size());
  size_t best = 0;
  double inv_t = 1;
  std::array<double, 3> offsets{0, 0, 0};
  if (opt.cross_validate) {
    // Boilerplate tables that never saw fold k's outlets.
    std::vector<BoilerplateFilter::DocLines> sigs(train.size());
    BoilerplateFilter probe;
    if (Status s = for_each_document(train, [&](size_t i, const Document& d) { sigs[i] = probe.signature(d); }); !s)
      return s.error();
    std::vector<BoilerplateFilter> fold_filters(folds);
    for (int k = 0; k < folds; ++k) {
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
    const int run = opt.run_folds > 0 ? std::min(opt.run_folds, folds) : folds;
    const size_t G = opt.grid.size();
    std::vector<std::vector<int>> pred(G, std::vector<int>(train.size(), 0));
    std::vector<std::vector<std::array<double, 3>>> prob(G, std::vector<std::array<double, 3>>(train.size()));
    std::vector<std::vector<double>> fold_f1(G);
    for (int k = 0; k < run; ++k) {
      std::vector<SparseVector> xs;
      std::vector<int> ys;
      std::vector<std::string> os;
      for (size_t i = 0; i < train.size(); ++i)
        if (fold[i] != k) xs.push_back(x[i]), ys.push_back(y[i]), os.push_back(outlets[i]);
      const auto counts = feature_outlet_counts(xs, os, features.dim());
      for (size_t g = 0; g < G; ++g) {
        auto m = fit_config(xs, ys, os, counts, features.dim(), opt.grid[g], opt);
        if (!m) return m.error();
        std::vector<int> gold, p;
        for (size_t i = 0; i < train.size(); ++i) {
          if (fold[i] != k) continue;
          double pr[3];
          m->predict(held[i], pr);
          pred[g][i] = argmax3(pr);
          prob[g][i] = {pr[0], pr[1], pr[2]};
          gold.push_back(y[i]);
          p.push_back(pred[g][i]);
        }
        fold_f1[g].push_back(macro_f1(gold, p, 3));
        log << "cv fold " << k << " [" << describe(opt.grid[g]) << "]: n=" << gold.size()
            << " macro-F1=" << fmt3(fold_f1[g].back()) << " (" << fmt3(seconds_since(t0)) << " s)" << std::endl;
      }
    }
    double best_f1 = -1;
    for (size_t g = 0; g < G; ++g) {
      std::vector<int> gold, p;
      for (size_t i = 0; i < train.size(); ++i)
        if (fold[i] < run) gold.push_back(y[i]), p.push_back(pred[g][i]);
      auto cv = metrics(gold, p);
      log << "outlet-grouped CV (" << run << " of " << folds << " folds) [" << describe(opt.grid[g])
          << "]: macro-F1=" << fmt3(cv.macro_f1) << " acc=" << fmt3(cv.accuracy) << " n=" << cv.n << " per fold:";
      for (double f : fold_f1[g]) log << " " << fmt3(f);
      log << std::endl;
      if (cv.macro_f1 > best_f1) best_f1 = cv.macro_f1, best = g;
    }
    held.clear();
    if (opt.calibrate && run == folds) {
      const auto& p = prob[best];
      inv_t = fit_inverse_temperature(p, y);
      std::vector<std::array<double, 3>> pc(p.size());
      for (size_t i = 0; i < p.size(); ++i) pc[i] = calibrate3(p[i], inv_t);
      auto nll = [&](const std::vector<std::array<double, 3>>& q) {
        double s = 0;
        for (size_t i = 0; i < q.size(); ++i) s -= std::log(std::max(q[i][y[i]], 1e-12));
        return s / double(std::max<size_t>(q.size(), 1));
      };
      log << "calibration: 1/T=" << fmt3(inv_t) << " (out-of-fold NLL " << fmt3(nll(p)) << " -> " << fmt3(nll(pc))
          << ")" << std::endl;
      // Class offsets, scored nested: fitted on the other folds' out-of-fold rows.
      std::vector<int> nested_pred(p.size()), plain_pred(p.size());
      for (int k = 0; k < folds; ++k) {
        std::vector<std::array<double, 3>> pt;
        std::vector<int> yt;
        for (size_t i = 0; i < p.size(); ++i)
          if (fold[i] != k) pt.push_back(pc[i]), yt.push_back(y[i]);
        const auto off = fit_class_offsets(pt, yt);
        for (size_t i = 0; i < p.size(); ++i)
          if (fold[i] == k) nested_pred[i] = argmax3(calibrate3(pc[i], 1, off).data());
      }
      for (size_t i = 0; i < p.size(); ++i) plain_pred[i] = argmax3(pc[i].data());
      const auto plain = metrics(y, plain_pred), nested = metrics(y, nested_pred);
      const auto off = fit_class_offsets(pc, y);
      log << "class offsets (center, right) " << fmt3(off[1]) << ", " << fmt3(off[2]) << ": nested CV macro-F1 "
          << fmt3(nested.macro_f1) << " (acc " << fmt3(nested.accuracy) << ") vs argmax " << fmt3(plain.macro_f1)
          << std::endl;
      if (nested.macro_f1 > plain.macro_f1) {
        offsets = off;
        for (size_t i = 0; i < pc.size(); ++i) pc[i] = calibrate3(pc[i], 1, off);
        log << "class offsets kept" << std::endl;
      }
      const auto oa = outlet_agreement(outlets, y, pc);
      log << "outlet-level (out-of-fold, " << oa.outlets << " outlets): agreement=" << fmt3(oa.agreement)
          << " macro-F1=" << fmt3(oa.macro_f1) << " Spearman(mean lean, gold)=" << fmt3(oa.spearman) << std::endl;
    }
  } else {
    if (Status s = for_each_document(train, [&](size_t i, const Document& d) { x[i] = features.compute(d); }); !s)
      return s.error();
  }
  log << "final fit on all of train [" << describe(opt.grid[best]) << "]" << std::endl;
  const auto counts = feature_outlet_counts(x, outlets, features.dim());
  auto m = fit_config(x, y, outlets, counts, features.dim(), opt.grid[best], opt);
  if (!m) return m.error();
  if (inv_t != 1 || offsets[1] != 0 || offsets[2] != 0)
    m->rescale(static_cast<float>(inv_t), {static_cast<float>(offsets[0]), static_cast<float>(offsets[1]),
                                           static_cast<float>(offsets[2])});
  LeaningModel model(std::move(*m));
  if (!dev.empty()) {
    auto dm = eval_leaning(features, model, dev);
    if (!dm) return dm.error();
    log << "dev: macro-F1=" << fmt3(dm->macro_f1) << " acc=" << fmt3(dm->accuracy) << " n=" << dm->n
        << "; outlet-level (" << dm->outlets.outlets << " outlets): agreement=" << fmt3(dm->outlets.agreement)
        << " macro-F1=" << fmt3(dm->outlets.macro_f1) << " Spearman=" << fmt3(dm->outlets.spearman) << std::endl;
  }
  log << "trained in " << fmt3(seconds_since(t0)) << " s" << std::endl;
  return model;
}

Result<LeaningMetrics> eval_leaning(const ArticleFeatures& features, const LeaningModel& model,
                                    const std::vector<LabelledRecord>& records) {
  std::vector<int> gold(records.size()), pred(records.size());
  std::vector<std::array<double, 3>> prob(records.size());
  std::vector<std::string> outlets(records.size());
  for (size_t i = 0; i < records.size(); ++i)
    gold[i] = records[i].labels.empty() ? -1 : leaning_index(records[i].labels[0]);
  double busy = 0;
  if (Status s = for_each_document(records, [&](size_t i, const Document& d) {
        const auto t0 = std::chrono::steady_clock::now();
        const Leaning l = model.predict(features.compute(d));
        busy += seconds_since(t0);
        pred[i] = leaning_index(l.label);
        prob[i] = {l.left, l.center, l.right};
        outlets[i] = records[i].record.meta.outlet;
      });
      !s)
    return s.error();
  auto m = metrics(gold, pred);
  m.us_per_article = records.empty() ? 0 : 1e6 * busy / records.size();
  m.outlets = outlet_agreement(outlets, gold, prob);
  return m;
}

}  // namespace framelens
