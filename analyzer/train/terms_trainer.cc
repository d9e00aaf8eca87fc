#include "analyzer/train/terms_trainer.h"

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
#include <unordered_set>

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
#include "analyzer/train/sentence_ensemble_trainer.h"
#include "analyzer/train/terms_metrics.h"
#include "analyzer/train/terms_training.h"
#include "analyzer/train/terms_vectors_trainer.h"
#include "analyzer/train/token_model_trainer.h"
#include "analyzer/train/open_vocabulary.h"
#include "analyzer/train/prior_em.h"
#include "analyzer/terms/sentence_calibration.h"

namespace framelens::terms {

namespace {

namespace fs = std::filesystem;

// ---- term statistics ------------------------------------------------------------------------

struct TermStats {
  float occ = 0, marked = 0, labeled = 0;
};

struct Candidates {
  TermTable table;                             // every candidate, score 0
  std::vector<TermStats> total;                // per candidate
  std::vector<std::vector<TermStats>> babe_fold;  // [fold][candidate]
};

void count_terms(const std::vector<TrainDoc>& docs, Candidates& c, int folds) {
  c.total.assign(c.table.entries().size(), {});
  c.babe_fold.assign(folds, std::vector<TermStats>(c.table.entries().size()));
  std::vector<TermMatch> ms;
  for (const auto& d : docs) {
    ms.clear();
    c.table.match(d.doc.tokens, 0, static_cast<int32_t>(d.doc.tokens.size()), ms);
    for (const auto& m : ms) {
      bool skip = false, marked = false, label = false;
      for (int32_t i = m.first_token; i < m.end_token; ++i) {
        skip |= d.mark[i] == kSkip;
        marked |= d.mark[i] == kLoaded || d.mark[i] == kLabel;
        label |= d.mark[i] == kLabel;
      }
      if (skip) continue;
      auto add = [&](TermStats& s) {
        s.occ += 1;
        s.marked += marked;
        s.labeled += label;
      };
      add(c.total[m.entry]);
      if (d.fold >= 0) add(c.babe_fold[d.fold][m.entry]);
    }
  }
}

// Features of a candidate for the prior model: lexicon flags, seed category, length, suffixes,
// and the mean word vector of its tokens.
constexpr uint32_t kPriorSparseBits = 14;

void prior_features(const std::string& phrase, const LexiconMap& lex,
                    const std::unordered_map<std::string, TermCategory>& seeds, const WordVectors& wv,
                    Example& ex) {
  ex.sparse.clear();
  const auto parts = split_phrase(phrase);
  const uint32_t mask = (1u << kPriorSparseBits) - 1;
  auto put = [&](const std::string& key) { ex.sparse.push_back({static_cast<uint32_t>(hash_token(key) & mask), 1.f}); };
  for (const auto& p : parts) {
    auto it = lex.find(p);
    if (it != lex.end())
      for (int b = 0; b < kLexiconFlagCount; ++b)
        if (it->second & (1 << b)) put("lex" + std::to_string(b));
    if (p.size() >= 4) put("suf3:" + p.substr(p.size() - 3));
    if (p.size() >= 5) put("suf4:" + p.substr(p.size() - 4));
    if (p.find('-') != std::string::npos) put("hyphen");
  }
  auto s = seeds.find(phrase);
  if (s != seeds.end()) put("seed" + std::to_string(static_cast<int>(s->second)));
  put("len" + std::to_string(std::min<size_t>(parts.size(), 3)));
  std::sort(ex.sparse.begin(), ex.sparse.end(), [](auto& a, auto& b) { return a.index < b.index; });
  ex.sparse.erase(std::unique(ex.sparse.begin(), ex.sparse.end(), [](auto& a, auto& b) { return a.index == b.index; }),
                  ex.sparse.end());
  ex.dense = Eigen::VectorXf::Zero(wv.dim());
  if (wv.dim() > 0) {
    int n = 0;
    for (const auto& p : parts) n += wv.accumulate(hash_token(p), ex.dense);
    if (n > 0) {
      ex.dense /= static_cast<float>(n);
      const float norm = ex.dense.norm();
      if (norm > 0) ex.dense /= norm;
    }
  }
}

// ---- sentence model -------------------------------------------------------------------------

struct SentenceSet {
  std::vector<Example> ex;
  std::vector<int> fold;
};

std::vector<double> parse_grid(const std::string& s) {
  std::vector<double> out;
  std::stringstream ss(s);
  std::string x;
  while (std::getline(ss, x, ','))
    if (!x.empty()) out.push_back(std::stod(x));
  return out;
}


}  // namespace

Status train_loaded(const LoadedTrainOptions& opt, std::ostream& log) {
  std::error_code ec;
  fs::create_directories(opt.out_dir, ec);
  if (ec) return internal_error("cannot create " + opt.out_dir + ": " + ec.message());
  const std::string C = opt.data_dir;

  log << "reading corpora\n";
  auto babe_tr = load_docs(C + "/babe/train.jsonl", true, opt.folds, log);
  if (!babe_tr) return babe_tr.error();
  auto babe_dev = load_docs(C + "/babe/dev.jsonl", false, opt.folds, log);
  if (!babe_dev) return babe_dev.error();
  auto ptc_tr = load_docs(C + "/ptc_semeval2020_task11/train.jsonl", false, opt.folds, log);
  if (!ptc_tr) return ptc_tr.error();
  auto ptc_dev = load_docs(C + "/ptc_semeval2020_task11/dev.jsonl", false, opt.folds, log);
  if (!ptc_dev) return ptc_dev.error();
  auto lex = read_lexicons(C + "/lexicons");
  if (!lex) return lex.error();
  log << "  lexicons: " << lex->size() << " entries (used as features only)\n";

  WordVectors wv;
  if (opt.use_vectors) {
    if (auto st = train_vectors(opt, wv, log); !st) return st;
  }

  // ---- candidates: every word seen in training, lexicon words, seeds, multiword gold spans ----
  std::unordered_map<std::string, TermCategory> seeds;
  for (const auto& s : seed_terms()) seeds.emplace(std::string(s.phrase), s.category);
  Candidates cand;
  std::vector<const TrainDoc*> train_docs;
  for (const auto& d : *babe_tr) train_docs.push_back(&d);
  for (const auto& d : *ptc_tr) train_docs.push_back(&d);
  std::unordered_map<std::string, int> multi_marked;
  for (const TrainDoc* d : train_docs) {
    const auto& toks = d->doc.tokens;
    for (size_t i = 0; i < toks.size(); ++i) {
      if (toks[i].kind == TokenKind::Word && has_letter(toks[i].lower) && cand.table.find(toks[i].lower) < 0)
        cand.table.add(toks[i].lower, 0.f, TermCategory::Loaded);
      // Runs of 2-3 marked words are multiword candidates.
      if ((d->mark[i] == kLoaded || d->mark[i] == kLabel) && (i == 0 || d->mark[i - 1] != d->mark[i])) {
        size_t j = i;
        std::string phrase;
        while (j < toks.size() && d->mark[j] == d->mark[i] && toks[j].kind == TokenKind::Word) {
          phrase += (phrase.empty() ? "" : " ") + toks[j].lower;
          ++j;
        }
        if (j - i >= 2 && j - i <= 3) ++multi_marked[phrase];
      }
    }
  }
  for (const auto& [p, n] : multi_marked)
    if (n >= 2) cand.table.add(p, 0.f, TermCategory::Loaded);
  for (const auto& [p, c] : seeds) cand.table.add(p, 0.f, c);
  for (const auto& [w, f] : *lex)
    if (cand.table.find(w) < 0 && w.find(' ') == std::string::npos) cand.table.add(w, 0.f, TermCategory::Loaded);
  log << "candidates: " << cand.table.entries().size() << " (" << multi_marked.size() << " marked multiword runs)\n";

  // Count over BABE train (per fold too) and PTC train.
  count_terms(*babe_tr, cand, opt.folds);
  {
    Candidates ptc_counts;
    ptc_counts.table = cand.table;
    count_terms(*ptc_tr, ptc_counts, opt.folds);
    for (size_t i = 0; i < cand.total.size(); ++i) {
      cand.total[i].occ += ptc_counts.total[i].occ;
      cand.total[i].marked += ptc_counts.total[i].marked;
      cand.total[i].labeled += ptc_counts.total[i].labeled;
    }
  }

  // ---- prior: logistic regression from lexicon/seed/suffix/vector features to the marked rate ----
  const auto& entries = cand.table.entries();
  std::vector<Example> prior_ex;
  std::vector<Example> all_feats(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    prior_features(entries[i].phrase, *lex, seeds, wv, all_feats[i]);
    const auto& s = cand.total[i];
    if (s.occ <= 0) continue;
    Example e = all_feats[i];
    e.label = s.marked / s.occ;
    e.weight = std::min(s.occ, 20.f);
    prior_ex.push_back(std::move(e));
  }
  LogRegParams pp;
  pp.l2_sparse = 1e-4;
  pp.l2_dense = 1e-4;
  pp.iterations = opt.iterations;
  const LogRegModel prior = train_logreg(prior_ex, 1u << kPriorSparseBits, wv.dim(), pp);
  log << "term prior trained on " << prior_ex.size() << " candidate types\n";

  auto smoothed = [&](const TermStats& s, double p0) {
    return static_cast<float>((s.marked + opt.smoothing * p0) / (s.occ + opt.smoothing));
  };
  std::vector<double> p0(entries.size());
  TermTable table;
  for (size_t i = 0; i < entries.size(); ++i) {
    p0[i] = prior.predict(all_feats[i].sparse, all_feats[i].dense);
    const float sc = smoothed(cand.total[i], p0[i]);
    TermCategory cat = entries[i].category;
    if (sc < opt.store_min && !(seeds.count(entries[i].phrase) && always_reported(cat))) continue;
    if (cat == TermCategory::Loaded && cand.total[i].labeled * 2 > cand.total[i].marked && cand.total[i].marked >= 3)
      cat = TermCategory::Labeling;
    table.add(entries[i].phrase, sc, cat);
  }
  // Words only the vectors know (never seen in the annotated data, in no lexicon): scored by the
  // prior alone so the detector generalises beyond the training vocabulary.
  // (Not added: without any lexical evidence the prior is too weak to report a term.)
  log << "term table: " << table.entries().size() << " entries with score >= " << opt.store_min << "\n";

  // ---- term threshold: best mean of span F1 on BABE dev and PTC dev (Loaded_Language) ----------
  auto span_eval = [&](const std::vector<TrainDoc>& docs, float thr, float seed_min = 0.f) {
    SpanCounts sc;
    std::vector<TermMatch> ms;
    for (const auto& d : docs) {
      std::vector<Span> gold, pred;
      for (size_t i = 0; i < d.doc.tokens.size(); ++i) {
        if (d.mark[i] == kLoaded && (i == 0 || d.mark[i - 1] != kLoaded)) {
          size_t j = i;
          while (j < d.doc.tokens.size() && d.mark[j] == kLoaded) ++j;
          gold.push_back({d.doc.tokens[i].span.start, d.doc.tokens[j - 1].span.end});
        }
      }
      ms.clear();
      table.match(d.doc.tokens, 0, static_cast<int32_t>(d.doc.tokens.size()), ms);
      for (const auto& m : ms)
        if (table.entries()[m.entry].score >= thr ||
            (always_reported(table.entries()[m.entry].category) && table.entries()[m.entry].score >= seed_min))
          pred.push_back({d.doc.tokens[m.first_token].span.start, d.doc.tokens[m.end_token - 1].span.end});
      sc.add(gold, pred);
    }
    return sc;
  };
  {
    double best = -1;
    float bt = 0.5f;
    for (float t = 0.2f; t <= 0.801f; t += 0.025f) {
      const auto a = span_eval(*babe_dev, t);
      const double f = a.f1();
      if (f > best) {
        best = f;
        bt = t;
      }
    }
    table.threshold = bt;
    const auto a = span_eval(*babe_dev, bt);
    log << "term threshold " << bt << ": BABE dev span P/R/F1 (approx., gold words as marked tokens) "
        << a.precision() << " / " << a.recall() << " / " << a.f1() << "\n";
    // The least score an always-reported seed term (hedge, loaded cue, label) needs, on the same F1.
    float bs = 0.f;
    double bsf = a.f1();
    for (float m : {0.025f, 0.05f, 0.075f, 0.1f, 0.15f}) {
      const double f = span_eval(*babe_dev, bt, m).f1();
      if (f > bsf + 1e-9) bsf = f, bs = m;
    }
    table.seed_min = bs;
    log << "seed term minimum score " << bs << ": BABE dev span F1 (approx.) " << bsf << "\n";
  }

  // ---- open vocabulary: words the annotated data never shows --------------------------------
  if (opt.open_vocabulary) {
    std::vector<KnownType> known;
    std::unordered_set<std::string> seen, reported;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].hashes.size() != 1 || cand.total[i].occ <= 0) continue;
      seen.insert(entries[i].phrase);
      const bool rep = smoothed(cand.total[i], p0[i]) >= table.threshold;
      known.push_back({entries[i].phrase, cand.total[i].occ, rep});
      if (rep) reported.insert(entries[i].phrase);
    }
    OpenVocabOptions oo;
    oo.target_precision = opt.open_precision;
    oo.iterations = opt.iterations;
    const OpenVocabResult ov = open_vocabulary(*lex, wv, known, seen, reported, oo, log);
    std::ofstream oout;
    if (!opt.open_out.empty()) oout.open(opt.open_out);
    Example fe;
    size_t added = 0;
    for (const OpenWord& w : ov.accepted) {
      if (table.find(w.word) >= 0) continue;
      prior_features(w.word, *lex, seeds, wv, fe);
      const float sc = static_cast<float>(prior.predict(fe.sparse, fe.dense));
      table.add(w.word, sc, TermCategory::Loaded, true);
      ++added;
      if (oout) oout << w.word << '\t' << w.p << '\t' << sc << '\t' << w.evidence << '\n';
    }
    if (oout)
      for (const OpenWord& w : ov.rejected) oout << w.word << '\t' << w.p << "\t-\t" << w.evidence << "\trejected\n";
    log << "open vocabulary: " << added << " words added to the table\n";
  }

  // ---- sentence model -------------------------------------------------------------------------
  SentenceModel model;
  model.hash_bits = opt.hash_bits;
  model.use_vectors = opt.use_vectors && !wv.empty();
  model.vectors = wv;

  // Out-of-fold term scores for BABE train sentences (a term's score must not have seen the
  // sentence it is a feature of).
  auto oof_score = [&](int entry_in_table, int fold) -> float {
    const std::string& ph = table.entries()[entry_in_table].phrase;
    const int32_t ci = cand.table.find(ph);
    if (ci < 0 || fold < 0) return table.entries()[entry_in_table].score;
    TermStats s = cand.total[ci];
    const TermStats& f = cand.babe_fold[fold][ci];
    s.occ -= f.occ;
    s.marked -= f.marked;
    return smoothed(s, p0[ci]);
  };

  std::vector<TermMatch> ms;
  std::vector<TermEvidence> ev;
  // ---- word-in-context token model (optional): out-of-fold summaries for BABE train records ----
  TokenModel token;
  std::vector<std::array<float, kTokenSummaryCount>> token_summary(babe_tr->size());
  if (opt.token_model) {
    model.use_token_features = true;
    if (auto st = train_token_model(opt, *babe_tr, table, oof_score, wv, token, token_summary, log); !st) return st;
  }

  SentenceSet train;
  for (size_t r = 0; r < babe_tr->size(); ++r) {
    const TrainDoc& d = (*babe_tr)[r];
    if (d.label < 0) continue;
    evidence_of(d.doc, table, 0, static_cast<int32_t>(d.doc.tokens.size()),
                [&](int e) { return oof_score(e, d.fold); }, ms, ev);
    SentenceFeatures f;
    model.extract(d.doc, 0, static_cast<int32_t>(d.doc.tokens.size()), ev, f, token_summary[r].data());
    Example e;
    e.sparse = std::move(f.sparse);
    e.dense = std::move(f.dense);
    e.label = static_cast<float>(d.label);
    train.ex.push_back(std::move(e));
    train.fold.push_back(d.fold);
  }
  standardize_fit(train.ex, model.dense_dim(), model.dense_mean, model.dense_inv_std);
  for (auto& e : train.ex) model.standardize(e.dense);
  log << "sentence model: " << train.ex.size() << " BABE train sentences, dense dim " << model.dense_dim() << "\n";

  LogRegParams sp;
  sp.l2_dense = opt.l2_dense;
  sp.iterations = opt.iterations;
  double best_cv = -1, best_l2 = 1e-4, best_thr = 0.5;
  std::vector<double> best_oof_margin;
  std::vector<int> y;
  for (const auto& e : train.ex) y.push_back(static_cast<int>(e.label));
  for (double l2 : parse_grid(opt.l2_grid)) {
    sp.l2_sparse = l2;
    std::vector<double> oof(train.ex.size(), 0.5), oof_margin(train.ex.size(), 0.0);
    for (int f = 0; f < opt.folds; ++f) {
      std::vector<Example> tr;
      for (size_t i = 0; i < train.ex.size(); ++i)
        if (train.fold[i] != f) tr.push_back(train.ex[i]);
      const auto m = train_logreg(tr, model.sparse_dim(), model.dense_dim(), sp);
      for (size_t i = 0; i < train.ex.size(); ++i)
        if (train.fold[i] == f) {
          oof_margin[i] = m.margin(train.ex[i].sparse, train.ex[i].dense);
          oof[i] = sigmoid(oof_margin[i]);
        }
    }
    double f1 = 0;
    const double thr = best_threshold(oof, y, &f1);
    log << "  l2=" << l2 << ": CV macro-F1 " << f1 << " at threshold " << thr << "\n";
    if (f1 > best_cv) {
      best_cv = f1;
      best_l2 = l2;
      best_thr = thr;
      best_oof_margin = oof_margin;
    }
  }
  if (!opt.oof_out.empty()) {
    // For error analysis: each BABE train row's label and out-of-fold probability, in input order.
    std::ofstream out(opt.oof_out);
    size_t k = 0;
    for (const auto& d : *babe_tr) {
      if (d.label < 0) continue;
      out << d.doc.meta.id << '\t' << d.label << '\t' << sigmoid(best_oof_margin[k]) << '\n';
      ++k;
    }
  }
  sp.l2_sparse = best_l2;
  model.lr = train_logreg(train.ex, model.sparse_dim(), model.dense_dim(), sp);
  model.threshold = static_cast<float>(best_thr);
  model.prepare();

  // Dev, exactly as the pipeline scores it: per sentence, a record is biased when any sentence is.
  std::vector<std::string> words;
  std::vector<TokenTermInfo> dev_infos;
  auto dev_eval = [&](const SentenceEnsemble* ens, float thr) {
    BinaryCounts bc;
    for (const auto& d : *babe_dev) {
      if (d.label < 0) continue;
      bool any = false;
      for (const auto& s : d.doc.sentences) {
        evidence_of(d.doc, table, s.first_token, s.end_token, [&](int e) { return table.entries()[e].score; }, ms,
                    ev);
        float summary[kTokenSummaryCount];
        token_summary_of(model.use_token_features ? &token : nullptr, model.vectors, d.doc, s.first_token,
                         s.end_token, ms, ev, dev_infos, summary);
        const double z = model.margin_fast(d.doc, s.first_token, s.end_token, ev, summary);
        if (ens) classifier_tokens(d.doc, s.first_token, s.end_token, words);
        any |= (ens ? ens->score(z, words) : sigmoid(z)) >= thr;
      }
      bc.add(d.label == 1, any);
    }
    return bc.macro_f1();
  };
  log << "sentence threshold (CV on BABE train) " << best_thr << ", l2 " << best_l2 << ": CV macro-F1 " << best_cv
      << ", BABE dev macro-F1 " << dev_eval(nullptr, model.threshold) << "\n";
  for (float t = 0.3f; t <= 0.701f; t += 0.05f) log << "    dev macro-F1 at " << t << ": " << dev_eval(nullptr, t) << "\n";

  // ---- real-article prior: EM on the body sentences of unlabelled AllSides train articles ----
  const std::string cal_path = (fs::path(opt.out_dir) / "calibration.tsv").string();
  if (opt.calibrate_articles > 0 && !opt.pooled) {
    auto recs = read_corpus(C + "/allsides_article_bias/train.jsonl.gz", opt.calibrate_articles);
    if (!recs) return recs.error();
    std::vector<double> post;
    for (const auto& r : *recs) {
      auto d = make_document(r.text, DocMeta{r.id, r.title, "", "", ""}, true);
      if (!d) continue;
      for (const auto& se : d->sentences) {
        if (!se.body() || se.end_token - se.first_token < 4) continue;
        evidence_of(*d, table, se.first_token, se.end_token, [&](int e) { return table.entries()[e].score; }, ms, ev);
        float summary[kTokenSummaryCount];
        token_summary_of(model.use_token_features ? &token : nullptr, model.vectors, *d, se.first_token, se.end_token,
                         ms, ev, dev_infos, summary);
        post.push_back(sigmoid(model.margin_fast(*d, se.first_token, se.end_token, ev, summary)));
      }
    }
    double train_rate = 0;
    for (int v : y) train_rate += v;
    train_rate /= std::max<size_t>(1, y.size());
    const PriorEstimate pe = estimate_prior_em(post, train_rate);
    SentenceCalibration cal;
    cal.train_rate = train_rate;
    cal.real_rate = pe.rate;
    cal.shift = pe.shift;
    cal.threshold = 0.5;
    cal.sentences = static_cast<long>(post.size());
    long flagged_before = 0, flagged_after = 0;
    for (double p : post) {
      flagged_before += p >= model.threshold;
      const double z = std::log(p / (1 - p)) + pe.shift;
      flagged_after += sigmoid(z) >= cal.threshold;
    }
    log << "calibration: " << post.size() << " body sentences of " << recs->size()
        << " AllSides train articles; BABE train rate " << train_rate << ", mean posterior " << pe.mean_posterior
        << ", EM base rate " << pe.rate << " (" << pe.iterations << " iterations), shift " << pe.shift
        << "; flagged " << static_cast<double>(flagged_before) / std::max<size_t>(1, post.size()) << " -> "
        << static_cast<double>(flagged_after) / std::max<size_t>(1, post.size()) << "\n";
    if (auto st = cal.save(cal_path); !st) return st;
  } else {
    fs::remove(cal_path, ec);
  }

  const std::string tp = (fs::path(opt.out_dir) / "terms.tsv").string();
  const std::string mp = (fs::path(opt.out_dir) / "sentence.bin").string();
  const std::string ep = (fs::path(opt.out_dir) / "sentence_pooled.bin").string();
  if (auto st = table.save(tp); !st) return st;
  if (auto st = model.save(mp); !st) return st;
  const std::string kp = (fs::path(opt.out_dir) / "token.bin").string();
  if (opt.token_model) {
    if (auto st = token.save(kp); !st) return st;
    log << "wrote " << kp << "\n";
  } else {
    fs::remove(kp, ec);  // a stale token model would not match this sentence model
  }
  if (!opt.pooled) {
    fs::remove(ep, ec);  // a stale ensemble would be stacked on a linear model it was not fitted to
  } else {
    auto ens = train_ensemble(opt, *babe_tr, *ptc_tr, wv, best_oof_margin, train.fold, y, log);
    if (!ens) return ens.error();
    log << "ensemble: BABE dev macro-F1 " << dev_eval(&*ens, ens->threshold) << " at threshold " << ens->threshold
        << "\n";
    for (float t = 0.3f; t <= 0.701f; t += 0.05f) log << "    dev macro-F1 at " << t << ": " << dev_eval(&*ens, t) << "\n";
    if (auto st = ens->save(ep); !st) return st;
    log << "wrote " << ep << "\n";
  }
  log << "wrote " << tp << " and " << mp << "\n";
  return {};
}

}  // namespace framelens::terms
