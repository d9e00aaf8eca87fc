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
#include "analyzer/train/frames_calibration.h"

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


// Platt scaling and thresholds of every head, fitted on out-of-fold logits.
struct Calibration {
  std::vector<PlattScaling> platt;
  std::vector<double> threshold;
  std::vector<double> scores(const std::vector<double>& z) const {
    std::vector<double> s(z.size());
    for (size_t k = 0; k < z.size(); ++k) s[k] = platt[k].apply(z[k]);
    return s;
  }
};

// The top-`min_selected` flags of each row (selected whatever the thresholds).
std::vector<std::vector<uint8_t>> forced_rows(const std::vector<std::vector<double>>& s, int min_selected) {
  std::vector<std::vector<uint8_t>> out(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    std::vector<int> order(s[i].size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return s[i][a] > s[i][b]; });
    out[i].assign(s[i].size(), 0);
    for (int r = 0; r < min_selected && r < static_cast<int>(order.size()); ++r) out[i][order[r]] = 1;
  }
  return out;
}

Calibration fit_calibration(const std::vector<std::vector<double>>& z, const std::vector<std::vector<uint8_t>>& y,
                            const FramesTrainOptions& opt) {
  const size_t K = z.empty() ? 0 : z[0].size();
  Calibration c;
  c.platt.resize(K);
  c.threshold.assign(K, 0.5);
  for (size_t k = 0; k < K; ++k) {
    std::vector<double> zk(z.size());
    std::vector<uint8_t> yk(z.size());
    for (size_t i = 0; i < z.size(); ++i) zk[i] = z[i][k], yk[i] = y[i][k];
    c.platt[k] = fit_platt(zk, yk);
  }
  std::vector<std::vector<double>> s(z.size());
  for (size_t i = 0; i < z.size(); ++i) s[i] = c.scores(z[i]);
  const auto forced = forced_rows(s, opt.min_selected);
  if (opt.per_label_thresholds) {
    for (size_t k = 0; k < K; ++k) {
      std::vector<double> sk(s.size());
      std::vector<uint8_t> fk(s.size()), yk(s.size());
      for (size_t i = 0; i < s.size(); ++i) sk[i] = s[i][k], fk[i] = forced[i][k], yk[i] = y[i][k];
      c.threshold[k] = best_f1_threshold(sk, fk, yk);
    }
  } else {
    double best = -1;
    for (double t = 0.05; t < 0.951; t += 0.01) {
      const double f1 = count_at(s, y, t, opt.min_selected).metrics(s.size()).micro_f1;
      if (f1 > best) best = f1, c.threshold.assign(K, t);
    }
  }
  return c;
}

// Nested CV figures of out-of-fold logits: fold f's rows are calibrated and thresholded with what
// the other folds' rows give.
FramesMetrics nested_cv(const std::vector<std::vector<double>>& z, const std::vector<std::vector<uint8_t>>& y,
                        const std::vector<int>& fold_of, const std::vector<std::string>& labels,
                        const FramesTrainOptions& opt) {
  const size_t K = z.empty() ? 0 : z[0].size();
  std::vector<std::set<std::string>> gold(z.size()), pred(z.size());
  std::vector<std::string> names(K);
  for (size_t k = 0; k < K; ++k) names[k] = normalize_label(labels[k]);
  for (int f = 0; f < opt.folds; ++f) {
    std::vector<std::vector<double>> zt;
    std::vector<std::vector<uint8_t>> yt;
    for (size_t i = 0; i < z.size(); ++i)
      if (fold_of[i] != f) zt.push_back(z[i]), yt.push_back(y[i]);
    const Calibration c = fit_calibration(zt, yt, opt);
    for (size_t i = 0; i < z.size(); ++i) {
      if (fold_of[i] != f) continue;
      const auto s = c.scores(z[i]);
      const auto forced = forced_rows({s}, opt.min_selected)[0];
      for (size_t k = 0; k < K; ++k) {
        if (y[i][k]) gold[i].insert(names[k]);
        if (s[k] >= c.threshold[k] || forced[k]) pred[i].insert(names[k]);
      }
    }
  }
  return frames_metrics(gold, pred, names);
}
}  // namespace

const char* frames_seed_lexicon(const std::string& label) {
  const auto& m = seed_lexicons();
  auto it = m.find(label);
  return it == m.end() ? "" : it->second;
}

Result<FramesModel> train_frames(const ArticleFeatures& features, const std::vector<LabelledRecord>& train,
                                 const std::vector<LabelledRecord>& dev, const FramesTrainOptions& opt,
                                 std::ostream& log, const std::vector<LabelledRecord>& target) {
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

  // Out-of-fold logits per (lexicon scale, l2); each configuration is scored by nested CV: the
  // calibration and thresholds are fitted on the other folds' out-of-fold rows and applied to this
  // fold's rows. The best nested macro-F1 (micro-F1 with one global threshold) wins.
  const size_t n = train.size();
  std::vector<int> fold_of(n);
  for (size_t i = 0; i < n; ++i) fold_of[i] = static_cast<int>(i % opt.folds);
  double best_key = -1, best_l2 = opt.l2_grid.front(), best_scale = 0;
  std::vector<std::vector<double>> best_oof;
  for (double scale : scales) {
    const auto lex = lexicons_at(scale);
    const uint32_t xdim = dim + static_cast<uint32_t>(lex.size());
    const auto x = fold_all(FramesModel(labels, opt.fold_bits, LinearModel(LinearKind::Logistic, K, xdim),
                                        std::vector<float>(K, 0.5f), opt.min_selected, lex));
    for (double l2 : opt.l2_grid) {
      std::vector<std::vector<double>> oof(n, std::vector<double>(K));
      for (int f = 0; f < opt.folds; ++f) {
        std::vector<SparseVector> xs;
        std::vector<std::vector<uint8_t>> ys;
        for (size_t i = 0; i < n; ++i)
          if (fold_of[i] != f) xs.push_back(x[i]), ys.push_back(y[i]);
        auto m = fit(xs, ys, K, xdim, l2, opt.balance_classes);
        if (!m) return m.error();
        for (size_t i = 0; i < n; ++i)
          if (fold_of[i] == f) m->decision(x[i], oof[i].data());
      }
      const auto nested = nested_cv(oof, y, fold_of, labels, opt);
      log << "cv lexicon=" << scale << " l2=" << l2 << ": nested micro-F1=" << fmt3(nested.micro_f1)
          << " macro-F1=" << fmt3(nested.macro_f1) << std::endl;
      const double key = opt.per_label_thresholds ? nested.macro_f1 : nested.micro_f1;
      if (key > best_key) best_key = key, best_l2 = l2, best_scale = scale, best_oof = oof;
    }
  }
  // The chosen configuration's calibration and thresholds, fitted on all out-of-fold rows.
  const Calibration cal = fit_calibration(best_oof, y, opt);
  {
    const auto nested = nested_cv(best_oof, y, fold_of, labels, opt);
    log << "chosen: lexicon=" << best_scale << " l2=" << best_l2 << " (nested cv micro-F1 " << fmt3(nested.micro_f1)
        << " macro-F1 " << fmt3(nested.macro_f1) << "); per-label nested cv:" << std::endl;
    print_frame_label_table(nested, log);
  }
  auto lex = lexicons_at(best_scale);
  const uint32_t xdim = dim + static_cast<uint32_t>(lex.size());
  const auto x = fold_all(FramesModel(labels, opt.fold_bits, LinearModel(LinearKind::Logistic, K, xdim),
                                      std::vector<float>(K, 0.5f), opt.min_selected, lex));
  auto m = fit(x, y, K, xdim, best_l2, opt.balance_classes);
  if (!m) return m.error();
  std::vector<float> thr(K), slope(K), shift(K);
  for (int k = 0; k < K; ++k)
    thr[k] = static_cast<float>(cal.threshold[k]), slope[k] = static_cast<float>(cal.platt[k].a),
    shift[k] = static_cast<float>(cal.platt[k].b);
  FramesModel model(labels, opt.fold_bits, std::move(*m), thr, opt.min_selected, std::move(lex));
  model.set_calibration(slope, shift);
  if (!target.empty() && opt.target_calibration != TargetCalibration::None) {
    // Calibration to the unlabelled target text.
    std::vector<std::vector<double>> z(target.size(), std::vector<double>(K));
    if (Status s = for_each_document(target, [&](size_t i, const Document& d) {
          model.heads().decision(model.fold(features.compute(d)), z[i].data());
        });
        !s)
      return s.error();
    const bool em = opt.target_calibration == TargetCalibration::EM;
    log << (em ? "prior correction (EM, Saerens et al. 2002)" : "score alignment (per-label logit mean and sd)")
        << " on " << target.size() << " unlabelled target articles:" << std::endl;
    log << "  label                                         train   target  rate before  rate after" << std::endl;
    std::vector<float> new_slope = slope, new_shift = shift;
    for (int k = 0; k < K; ++k) {
      double pos = 0;
      for (const auto& r : y) pos += r[k];
      const double train_prior = pos / static_cast<double>(n);
      std::vector<double> p(target.size());
      for (size_t i = 0; i < target.size(); ++i) p[i] = cal.platt[k].apply(z[i][k]);
      double target_prior = 0;
      if (em) {
        target_prior = em_target_prior(p, train_prior);
        new_shift[k] = static_cast<float>(cal.platt[k].b + prior_shift(train_prior, target_prior));
      } else {
        // Map the target logits' mean and sd onto those of the training corpus's out-of-fold
        // logits: z' = mu_s + (z - mu_t) * sd_s / sd_t, then the Platt scaling.
        double ms = 0, ss = 0, mt = 0, st = 0;
        for (const auto& r : best_oof) ms += r[k], ss += r[k] * r[k];
        for (const auto& r : z) mt += r[k], st += r[k] * r[k];
        ms /= double(n), mt /= double(z.size());
        const double sd_s = std::sqrt(std::max(1e-12, ss / double(n) - ms * ms));
        const double sd_t = std::sqrt(std::max(1e-12, st / double(z.size()) - mt * mt));
        const double r = sd_s / sd_t;
        new_slope[k] = static_cast<float>(cal.platt[k].a * r);
        new_shift[k] = static_cast<float>(cal.platt[k].a * (ms - mt * r) + cal.platt[k].b);
        for (size_t i = 0; i < z.size(); ++i) target_prior += sigmoid(new_slope[k] * z[i][k] + new_shift[k]);
        target_prior /= double(z.size());
      }
      std::vector<double> after(target.size());
      for (size_t i = 0; i < target.size(); ++i) after[i] = sigmoid(new_slope[k] * z[i][k] + new_shift[k]);
      // Cap of the selection rate on the target text (the top-frame rule aside).
      if (opt.max_target_rate < 1 && !after.empty()) {
        std::vector<double> sorted = after;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        const size_t allowed = static_cast<size_t>(opt.max_target_rate * static_cast<double>(sorted.size()));
        if (allowed < sorted.size() && sorted[allowed] >= thr[k])
          thr[k] = static_cast<float>(std::nextafter(sorted[allowed], 2.0));
      }
      double before_rate = 0, after_rate = 0;
      for (size_t i = 0; i < target.size(); ++i)
        before_rate += p[i] >= cal.threshold[k], after_rate += after[i] >= thr[k];
      char line[200];
      std::snprintf(line, sizeof line, "  %-44s %6.3f  %6.3f  %11.3f  %10.3f", labels[k].c_str(), train_prior,
                    target_prior, before_rate / target.size(), after_rate / target.size());
      log << line << std::endl;
    }
    FramesModel shifted_model(labels, opt.fold_bits, model.heads(), thr, opt.min_selected, model.lexicons());
    shifted_model.set_calibration(new_slope, new_shift);
    model = std::move(shifted_model);
  }
  if (!dev.empty()) {
    auto dm = eval_frames(features, model, dev);
    if (!dm) return dm.error();
    log << "dev: micro-F1=" << fmt3(dm->micro_f1) << " macro-F1=" << fmt3(dm->macro_f1) << " P=" << fmt3(dm->precision)
        << " R=" << fmt3(dm->recall) << " n=" << dm->n << std::endl;
    print_frame_label_table(*dm, log);
  }
  return model;
}

void print_frame_label_table(const FramesMetrics& m, std::ostream& out) {
  char line[220];
  std::snprintf(line, sizeof line, "  %-44s %5s %8s %6s %6s %6s %6s", "label", "gold", "selected", "rate", "P", "R",
                "F1");
  out << line << "\n";
  for (const auto& l : m.labels) {
    std::snprintf(line, sizeof line, "  %-44s %5zu %8zu %6.3f %6.3f %6.3f %6.3f", l.label.c_str(), l.gold, l.selected,
                  m.n ? double(l.selected) / m.n : 0.0, l.precision(), l.recall(), l.f1());
    out << line << "\n";
  }
  out.flush();
}

Result<FramesMetrics> eval_frames(const ArticleFeatures& features, const FramesModel& model,
                                  const std::vector<LabelledRecord>& records) {
  std::vector<std::set<std::string>> gold(records.size()), pred(records.size());
  if (Status s = for_each_document(records, [&](size_t i, const Document& d) {
        for (const auto& l : records[i].labels) gold[i].insert(normalize_label(l));
        for (const auto& f : model.predict(features.compute(d)))
          if (f.selected) pred[i].insert(normalize_label(f.label));
      });
      !s)
    return s.error();
  std::vector<std::string> names;
  for (const auto& l : model.labels()) names.push_back(normalize_label(l));
  return frames_metrics(gold, pred, names);
}

FramesMetrics frames_metrics(const std::vector<std::set<std::string>>& gold,
                             const std::vector<std::set<std::string>>& pred, const std::vector<std::string>& names) {
  FramesMetrics m;
  m.n = gold.size();
  std::map<std::string, size_t> at;
  auto slot = [&](const std::string& l) -> FrameLabelStats& {
    auto [it, fresh] = at.emplace(l, m.labels.size());
    if (fresh) m.labels.push_back({l});
    return m.labels[it->second];
  };
  for (const auto& l : names) slot(l);
  Counts c;
  for (size_t i = 0; i < gold.size(); ++i) {
    for (const auto& p : pred[i]) {
      auto& st = slot(p);
      ++st.selected;
      if (gold[i].count(p)) ++st.tp, c.tp += 1;
      else c.fp += 1;
    }
    for (const auto& g : gold[i]) {
      ++slot(g).gold;
      c.fn += !pred[i].count(g);
    }
  }
  const auto micro = c.metrics(gold.size());
  m.micro_f1 = micro.micro_f1, m.precision = micro.precision, m.recall = micro.recall;
  double sum = 0;
  size_t labelled = 0;
  for (const auto& l : m.labels)
    if (l.gold) sum += l.f1(), ++labelled;
  m.macro_f1 = labelled ? sum / labelled : 0;
  return m;
}

}  // namespace framelens
