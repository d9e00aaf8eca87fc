#include "analyzer/models/frames_trainer.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <set>

#include "analyzer/models/text_features_article_build.h"

namespace framelens {

namespace {

std::string fmt3(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

struct Counts {
  double tp = 0, fp = 0, fn = 0;
  FramesMetrics metrics(size_t n) const {
    FramesMetrics m;
    m.n = n;
    m.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    m.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    m.micro_f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
    return m;
  }
};

// Micro counts of one global threshold (plus the top-`min_selected` rule) over score rows.
Counts count_at(const std::vector<std::vector<double>>& scores, const std::vector<std::vector<uint8_t>>& gold,
                double threshold, int min_selected) {
  Counts c;
  for (size_t i = 0; i < scores.size(); ++i) {
    const auto& s = scores[i];
    std::vector<int> order(s.size());
    for (size_t k = 0; k < s.size(); ++k) order[k] = static_cast<int>(k);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return s[a] > s[b]; });
    for (size_t r = 0; r < order.size(); ++r) {
      const int k = order[r];
      const bool sel = s[k] >= threshold || static_cast<int>(r) < min_selected;
      c.tp += sel && gold[i][k];
      c.fp += sel && !gold[i][k];
      c.fn += !sel && gold[i][k];
    }
  }
  return c;
}

Result<LinearModel> fit(const std::vector<SparseVector>& x, const std::vector<std::vector<uint8_t>>& y, int k,
                        uint32_t dim, double l2, bool balance) {
  LinearTrainOptions lo;
  lo.l2 = l2;
  lo.balance_classes = balance;
  lo.max_iterations = 300;
  return LinearModel::train_logistic(x, y, k, dim, lo);
}

}  // namespace

Result<FramesModel> train_frames(const ArticleFeatures& features, const std::vector<LabelledRecord>& train,
                                 const std::vector<LabelledRecord>& dev, const FramesTrainOptions& opt,
                                 std::ostream& log) {
  std::set<std::string> label_set;
  for (const auto& r : train)
    for (const auto& l : r.labels) label_set.insert(l);
  if (label_set.empty()) return input_error("frames: no labels in the training data");
  const std::vector<std::string> labels(label_set.begin(), label_set.end());
  const int K = static_cast<int>(labels.size());
  const uint32_t dim = uint32_t(1) << opt.fold_bits;
  if (opt.fold_bits > features.featurizer().options().hash_bits)
    return input_error("frames: --fold-bits exceeds the shared feature size");

  FramesModel folder(labels, opt.fold_bits, LinearModel(LinearKind::Logistic, K, dim), std::vector<float>(K, 0.5f),
                     opt.min_selected);
  std::vector<SparseVector> x(train.size());
  std::vector<std::vector<uint8_t>> y(train.size(), std::vector<uint8_t>(K, 0));
  for (size_t i = 0; i < train.size(); ++i)
    for (const auto& l : train[i].labels)
      y[i][std::lower_bound(labels.begin(), labels.end(), l) - labels.begin()] = 1;
  if (Status s = for_each_document(train, [&](size_t i, const Document& d) { x[i] = folder.fold(features.compute(d)); });
      !s)
    return s.error();

  // Out-of-fold scores per l2 value; keep the best (l2, threshold) by micro-F1.
  double best_f1 = -1, best_l2 = opt.l2_grid.front(), best_thr = 0.5;
  for (double l2 : opt.l2_grid) {
    std::vector<std::vector<double>> oof(train.size());
    for (int f = 0; f < opt.folds; ++f) {
      std::vector<SparseVector> xs;
      std::vector<std::vector<uint8_t>> ys;
      for (size_t i = 0; i < train.size(); ++i)
        if (static_cast<int>(i % opt.folds) != f) xs.push_back(x[i]), ys.push_back(y[i]);
      auto m = fit(xs, ys, K, dim, l2, opt.balance_classes);
      if (!m) return m.error();
      for (size_t i = 0; i < train.size(); ++i)
        if (static_cast<int>(i % opt.folds) == f) oof[i] = m->predict(x[i]);
    }
    double f1_here = -1, thr_here = 0.5;
    for (double t = 0.05; t < 0.951; t += 0.01) {
      const double f1 = count_at(oof, y, t, opt.min_selected).metrics(train.size()).micro_f1;
      if (f1 > f1_here) f1_here = f1, thr_here = t;
    }
    log << "cv l2=" << l2 << ": micro-F1=" << fmt3(f1_here) << " at threshold " << fmt3(thr_here) << std::endl;
    if (f1_here > best_f1) best_f1 = f1_here, best_l2 = l2, best_thr = thr_here;
  }
  log << "chosen: l2=" << best_l2 << " threshold=" << fmt3(best_thr) << " (cv micro-F1 " << fmt3(best_f1) << ")" << std::endl;
  auto m = fit(x, y, K, dim, best_l2, opt.balance_classes);
  if (!m) return m.error();
  FramesModel model(labels, opt.fold_bits, std::move(*m), std::vector<float>(K, static_cast<float>(best_thr)),
                    opt.min_selected);
  if (!dev.empty()) {
    auto dm = eval_frames(features, model, dev);
    if (!dm) return dm.error();
    log << "dev: micro-F1=" << fmt3(dm->micro_f1) << " P=" << fmt3(dm->precision) << " R=" << fmt3(dm->recall)
        << " n=" << dm->n << std::endl;
  }
  return model;
}

Result<FramesMetrics> eval_frames(const ArticleFeatures& features, const FramesModel& model,
                                  const std::vector<LabelledRecord>& records) {
  Counts c;
  if (Status s = for_each_document(records, [&](size_t i, const Document& d) {
        std::set<std::string> gold, pred;
        for (const auto& l : records[i].labels) gold.insert(normalize_label(l));
        for (const auto& f : model.predict(features.compute(d)))
          if (f.selected) pred.insert(normalize_label(f.label));
        for (const auto& p : pred) (gold.count(p) ? c.tp : c.fp) += 1;
        for (const auto& g : gold) c.fn += !pred.count(g);
      });
      !s)
    return s.error();
  return c.metrics(records.size());
}

}  // namespace framelens
