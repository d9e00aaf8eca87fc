#include "analyzer/train/frames_trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <ostream>
#include <set>

#include "analyzer/core/format.h"
#include "analyzer/train/metrics.h"
#include "analyzer/train/text_features_article_trainer.h"

namespace framelens {

namespace {

// Seed words per frame (lower-case unigrams). Only the selection of words is hand-written: the
// features are standardised sums of TF-IDF weights and every head learns its own weights for them.
const std::map<std::string, const char*>& seed_lexicons() {
  static const std::map<std::string, const char*> m = {
      {"Economic",
       "cost costs costly money dollar dollars billion million budget tax taxes fund funding funds spend spending "
       "price prices market markets business businesses trade jobs job wage wages profit bank banks revenue debt"},
      {"Capacity_and_resources",
       "resource resources shortage shortages capacity staff staffing understaffed overwhelmed supply supplies lack "
       "shortfall infrastructure equipment personnel backlog strain stretched"},
      {"Morality",
       "moral immoral evil sin sinful god religious religion faith church christian muslim islam islamic jihad ethic "
       "ethical righteous wicked shame shameful conscience values sacred holy pray prayer"},
      {"Fairness_and_equality",
       "fair unfair fairness equal equality inequality racist racism sexist bias biased double standard rights "
       "injustice unjust privilege minority minorities civil liberties censor censorship"},
      {"Legality_Constitutionality_and_jurisprudence",
       "law laws legal illegal court courts judge judges ruling ruled constitution constitutional unconstitutional "
       "supreme lawsuit sued attorney lawyer lawyers legislation statute amendment jurisdiction appeal"},
      {"Policy_prescription_and_evaluation",
       "policy policies plan proposal proposed reform should must bill measure measures strategy program solution "
       "regulation regulations implement approach"},
      {"Crime_and_punishment",
       "crime crimes criminal criminals police arrest arrested charged charges prison jail sentence sentenced "
       "convicted murder killed shooting guilty investigation fbi suspect trial"},
      {"Security_and_defense",
       "security terror terrorist terrorists terrorism military war attack attacks defense defence army troops weapon "
       "weapons threat threats isis border intelligence nuclear missile soldiers"},
      {"Health_and_safety",
       "health healthcare disease virus vaccine vaccines hospital hospitals doctor doctors medical safety safe injury "
       "injured death deaths outbreak pandemic covid epidemic patients drug drugs"},
      {"Quality_of_life",
       "life lives family families children home homes community living poverty poor wellbeing happiness daily "
       "struggle suffering housing neighborhood"},
      {"Cultural_identity",
       "culture cultural tradition traditional heritage identity national nation patriot patriotic american western "
       "civilization language history flag immigrant immigrants"},
      {"Public_opinion",
       "poll polls survey public opinion voters protest protests protesters outrage backlash popular sentiment "
       "majority social media twitter petition"},
      {"Political",
       "political politics president election elections democrat democrats republican republicans party parties "
       "congress senate vote voted campaign government minister parliament trump obama clinton"},
      {"External_regulation_and_reputation",
       "international foreign country countries united nations un eu european russia china diplomatic relations "
       "sanctions ally allies treaty embassy reputation global world"},
      {"conflict",
       "conflict fight fighting battle against oppose opposition critics criticize attack blame dispute war accuse "
       "accused clash debate versus"},
      {"economic",
       "cost costs money dollar billion million tax price prices market jobs industry business investment financial "
       "profit"},
      {"human_interest",
       "family families children mother father son daughter personal story life lives home community farmer farmers "
       "suffering"},
      {"moral",
       "moral god religious faith church pope ethic ethical duty responsibility sin generations future children "
       "conscience"},
      {"resolution",
       "solution solutions solve plan renewable clean reduce reducing cut cutting agreement deal innovation "
       "technology policy target targets transition"},
  };
  return m;
}

// Lexicon features (unstandardised: mean 0, scale 1) for the labels that have a seed list.
std::vector<FrameLexicon> build_lexicons(const std::vector<std::string>& labels, uint32_t feature_dim) {
  std::vector<FrameLexicon> out;
  for (const auto& l : labels) {
    const char* words = frames_seed_lexicon(l);
    if (!*words) continue;
    FrameLexicon lex;
    lex.name = l;
    std::istringstream in(words);
    for (std::string w; in >> w;) lex.index.push_back(static_cast<uint32_t>(feature_hash(w) & (feature_dim - 1)));
    std::sort(lex.index.begin(), lex.index.end());
    lex.index.erase(std::unique(lex.index.begin(), lex.index.end()), lex.index.end());
    out.push_back(std::move(lex));
  }
  return out;
}

struct Counts {
  double tp = 0, fp = 0, fn = 0;
  FramesMetrics metrics(size_t n) const {
    FramesMetrics m;
    m.n = n;
    const Prf s = prf(tp, fp, fn);
    m.precision = s.precision;
    m.recall = s.recall;
    m.micro_f1 = s.f1;
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

const char* frames_seed_lexicon(const std::string& label) {
  const auto& m = seed_lexicons();
  auto it = m.find(label);
  return it == m.end() ? "" : it->second;
}

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

  std::vector<SparseVector> raw(train.size());
  std::vector<std::vector<uint8_t>> y(train.size(), std::vector<uint8_t>(K, 0));
  for (size_t i = 0; i < train.size(); ++i)
    for (const auto& l : train[i].labels)
      y[i][std::lower_bound(labels.begin(), labels.end(), l) - labels.begin()] = 1;
  if (Status s = for_each_document(train, [&](size_t i, const Document& d) { raw[i] = features.compute(d); }); !s)
    return s.error();

  // Lexicon features standardised on train (unsupervised statistics; the scale is a hyper-parameter).
  std::vector<FrameLexicon> lex_unit = build_lexicons(labels, features.dim());
  for (auto& l : lex_unit) {
    double s1 = 0, s2 = 0;
    for (const auto& v : raw) {
      const double t = FramesModel::lexicon_sum(v, l.index);
      s1 += t, s2 += t * t;
    }
    const double n = static_cast<double>(std::max<size_t>(raw.size(), 1)), mean = s1 / n;
    const double sd = std::sqrt(std::max(0.0, s2 / n - mean * mean));
    l.mean = static_cast<float>(mean);
    l.scale = sd > 1e-9 ? static_cast<float>(1.0 / sd) : 0.0f;
  }
  auto lexicons_at = [&](double scale) {
    std::vector<FrameLexicon> out;
    if (scale <= 0) return out;
    out = lex_unit;
    for (auto& l : out) l.scale = static_cast<float>(l.scale * scale);
    return out;
  };
  auto fold_all = [&](const FramesModel& folder) {
    std::vector<SparseVector> x(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) x[i] = folder.fold(raw[i]);
    return x;
  };
  std::vector<double> scales = opt.lexicon_scales;
  if (scales.empty() || lex_unit.empty()) scales = {0};

  // Out-of-fold scores per (lexicon scale, l2); keep the best (scale, l2, threshold) by micro-F1.
  double best_f1 = -1, best_l2 = opt.l2_grid.front(), best_thr = 0.5, best_scale = 0;
  for (double scale : scales) {
    const auto lex = lexicons_at(scale);
    const uint32_t xdim = dim + static_cast<uint32_t>(lex.size());
    const auto x = fold_all(FramesModel(labels, opt.fold_bits, LinearModel(LinearKind::Logistic, K, xdim),
                                        std::vector<float>(K, 0.5f), opt.min_selected, lex));
    for (double l2 : opt.l2_grid) {
      std::vector<std::vector<double>> oof(train.size());
      for (int f = 0; f < opt.folds; ++f) {
        std::vector<SparseVector> xs;
        std::vector<std::vector<uint8_t>> ys;
        for (size_t i = 0; i < train.size(); ++i)
          if (static_cast<int>(i % opt.folds) != f) xs.push_back(x[i]), ys.push_back(y[i]);
        auto m = fit(xs, ys, K, xdim, l2, opt.balance_classes);
        if (!m) return m.error();
        for (size_t i = 0; i < train.size(); ++i)
          if (static_cast<int>(i % opt.folds) == f) oof[i] = m->predict(x[i]);
      }
      double f1_here = -1, thr_here = 0.5;
      for (double t = 0.05; t < 0.951; t += 0.01) {
        const double f1 = count_at(oof, y, t, opt.min_selected).metrics(train.size()).micro_f1;
        if (f1 > f1_here) f1_here = f1, thr_here = t;
      }
      log << "cv lexicon=" << scale << " l2=" << l2 << ": micro-F1=" << fmt3(f1_here) << " at threshold "
          << fmt3(thr_here) << std::endl;
      if (f1_here > best_f1) best_f1 = f1_here, best_l2 = l2, best_thr = thr_here, best_scale = scale;
    }
  }
  log << "chosen: lexicon=" << best_scale << " l2=" << best_l2 << " threshold=" << fmt3(best_thr) << " (cv micro-F1 "
      << fmt3(best_f1) << ")" << std::endl;
  auto lex = lexicons_at(best_scale);
  const uint32_t xdim = dim + static_cast<uint32_t>(lex.size());
  const auto x = fold_all(FramesModel(labels, opt.fold_bits, LinearModel(LinearKind::Logistic, K, xdim),
                                      std::vector<float>(K, 0.5f), opt.min_selected, lex));
  auto m = fit(x, y, K, xdim, best_l2, opt.balance_classes);
  if (!m) return m.error();
  FramesModel model(labels, opt.fold_bits, std::move(*m), std::vector<float>(K, static_cast<float>(best_thr)),
                    opt.min_selected, std::move(lex));
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
