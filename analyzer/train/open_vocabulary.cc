#include "analyzer/train/open_vocabulary.h"

#include <algorithm>
#include <cmath>
#include <ostream>

#include <Eigen/Dense>

#include "analyzer/ml/hashing.h"
#include "analyzer/ml/logreg.h"

namespace framelens::terms {

namespace {

constexpr uint32_t kBits = 12;
constexpr const char* kPrefixes[] = {"un", "dis", "non", "in", "im", "ir"};

bool plain_word(const std::string& w) {
  if (w.size() < 3) return false;
  for (unsigned char c : w)
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  return true;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular inflections of a word (see lexicon_base_of).
std::vector<std::string> inflections(const std::string& w) {
  std::vector<std::string> out;
  if (w.size() < 3) return out;
  // Words with an adjective, adverb or participle ending take no verb inflections.
  for (const char* e : {"ed", "ing", "ly", "ous", "ive", "ful", "less", "able", "ible", "ic", "al", "ent", "ant",
                        "ness", "ist", "ary", "ish"})
    if (w.ends_with(e)) return out;
  if (w.find('-') != std::string::npos) return out;
  const char last = w.back();
  out.push_back(w + "s");
  if (last == 's' || last == 'x' || last == 'h' || last == 'z') out.push_back(w + "es");
  if (last == 'e') {
    out.push_back(w + "d");
    out.push_back(w.substr(0, w.size() - 1) + "ing");
  } else if (last == 'y' && !vowel(w[w.size() - 2])) {
    out.push_back(w.substr(0, w.size() - 1) + "ies");
    out.push_back(w.substr(0, w.size() - 1) + "ied");
    out.push_back(w + "ing");
  } else {
    out.push_back(w + "ed");
    out.push_back(w + "ing");
    if (!vowel(last) && vowel(w[w.size() - 2]) && !vowel(w[w.size() - 3]) && last != 'w' && last != 'x' && last != 'y') {
      out.push_back(w + last + "ed");
      out.push_back(w + last + "ing");
    }
  }
  return out;
}

// Derivations by suffix: (form, suffix name).
std::vector<std::pair<std::string, const char*>> derivations(const std::string& w) {
  std::vector<std::pair<std::string, const char*>> out;
  if (w.size() < 3) return out;
  const char last = w.back();
  if (last == 'y') {
    out.push_back({w.substr(0, w.size() - 1) + "iness", "ness"});
    out.push_back({w.substr(0, w.size() - 1) + "ily", "ly"});
  } else if (w.size() > 3 && w.ends_with("le")) {
    out.push_back({w.substr(0, w.size() - 1) + "y", "ly"});
    out.push_back({w + "ness", "ness"});
  } else {
    out.push_back({w + "ness", "ness"});
    out.push_back({w + "ly", "ly"});
  }
  return out;
}

struct Feats {
  std::vector<SparseFeature> sparse;
  std::string evidence;
};

class Featurizer {
 public:
  Featurizer(const LexiconMap& lex, const std::unordered_set<std::string>& reported) : lex_(lex), rep_(reported) {}

  // Stem evidence: lexicon flags and "reported term".
  void stem_features(const std::string& tag, const std::string& stem, Feats& f) const {
    auto it = lex_.find(stem);
    if (it != lex_.end())
      for (int b = 0; b < kLexiconFlagCount; ++b)
        if (it->second & (1 << b)) put(f, tag + ":lex" + std::to_string(b));
    if (rep_.count(stem)) put(f, tag + ":rep");
  }
  bool evaluative(const std::string& stem) const { return lex_.count(stem) || rep_.count(stem); }

  Feats of(const std::string& w, double lp, bool has_lp) const {
    Feats f;
    put(f, "bias");
    auto it = lex_.find(w);
    if (it != lex_.end()) {
      for (int b = 0; b < kLexiconFlagCount; ++b)
        if (it->second & (1 << b)) put(f, "lex" + std::to_string(b));
      f.evidence = "lex";
    } else if (const std::string base = lexicon_base_of(w, lex_); !base.empty()) {
      // An inflection shares the lexicon word's strength and polarity weights.
      auto bt = lex_.find(base);
      for (int b = 0; b < kLexiconFlagCount; ++b)
        if (bt->second & (1 << b)) put(f, "lex" + std::to_string(b));
      put(f, "infl");
      if (rep_.count(base)) put(f, "infl:rep");
      f.evidence = "infl:" + base;
    }
    for (const char* p : kPrefixes) {
      const std::string ps(p);
      if (w.size() > ps.size() + 2 && w.rfind(ps, 0) == 0) {
        const std::string stem = w.substr(ps.size());
        if (evaluative(stem)) {
          stem_features("pre:" + ps, stem, f);
          if (f.evidence.empty()) f.evidence = ps + "+" + stem;
        }
      }
    }
    auto suffix = [&](const char* sfx, const std::string& stem) {
      if (stem.size() < 3 || !evaluative(stem)) return;
      stem_features(std::string("suf:") + sfx, stem, f);
      if (f.evidence.empty()) f.evidence = stem + "+" + sfx;
    };
    auto strip = [&](const char* sfx, const char* name, const char* add) {
      const std::string s(sfx);
      if (w.size() > s.size() + 2 && w.ends_with(s)) suffix(name, w.substr(0, w.size() - s.size()) + add);
    };
    strip("ness", "ness", "");
    strip("iness", "ness", "y");
    strip("ly", "ly", "");
    strip("ily", "ly", "y");
    strip("ing", "ing", "");
    strip("ing", "ing", "e");
    strip("ed", "ed", "");
    strip("ed", "ed", "e");
    if (w.find('-') != std::string::npos) put(f, "hyphen");
    // The neighbourhood enters as the dense feature (see dense_of); a word without a vector gets
    // the known words' mean there, i.e. no evidence either way.
    if (has_lp && f.evidence.empty() && lp >= 0.3) f.evidence = "lp";
    std::sort(f.sparse.begin(), f.sparse.end(), [](auto& a, auto& b) { return a.index < b.index; });
    f.sparse.erase(std::unique(f.sparse.begin(), f.sparse.end(), [](auto& a, auto& b) { return a.index == b.index; }),
                   f.sparse.end());
    return f;
  }

 private:
  static void put(Feats& f, const std::string& key) {
    f.sparse.push_back({static_cast<uint32_t>(hash_token(key) & ((1u << kBits) - 1)), 1.f});
  }
  const LexiconMap& lex_;
  const std::unordered_set<std::string>& rep_;
};

// Unit-length float vector of a word, false when the vectors do not know it.
bool unit_vector(const WordVectors& wv, const std::string& w, Eigen::VectorXf& v) {
  v = Eigen::VectorXf::Zero(wv.dim());
  if (wv.dim() == 0 || !wv.accumulate(hash_token(w), v)) return false;
  const float n = v.norm();
  if (n <= 0) return false;
  v /= n;
  return true;
}

}  // namespace

std::string lexicon_base_of(const std::string& w, const LexiconMap& lex) {
  auto in = [&](const std::string& b) { return b.size() >= 3 && lex.count(b) > 0; };
  auto try_strip = [&](const char* sfx, const char* add) -> std::string {
    const std::string s(sfx);
    if (w.size() <= s.size() + 2 || !w.ends_with(s)) return "";
    const std::string b = w.substr(0, w.size() - s.size()) + add;
    return in(b) ? b : "";
  };
  for (auto [s, a] : {std::pair{"ing", ""}, {"ing", "e"}, {"ed", ""}, {"ed", "e"}, {"d", ""}, {"es", ""},
                      {"s", ""}, {"ies", "y"}, {"ied", "y"}}) {
    if (std::string b = try_strip(s, a); !b.empty()) return b;
  }
  // Doubled final consonant: "abetted" -> "abet".
  for (const char* s : {"ing", "ed"}) {
    const std::string sx(s);
    if (w.size() > sx.size() + 3 && w.ends_with(sx)) {
      const std::string b = w.substr(0, w.size() - sx.size());
      if (b[b.size() - 1] == b[b.size() - 2] && in(b.substr(0, b.size() - 1))) return b.substr(0, b.size() - 1);
    }
  }
  return "";
}

OpenVocabResult open_vocabulary(const LexiconMap& lex, const WordVectors& wv, const std::vector<KnownType>& known,
                                const std::unordered_set<std::string>& seen,
                                const std::unordered_set<std::string>& reported_words, const OpenVocabOptions& opt,
                                std::ostream& log) {
  OpenVocabResult res;
  Featurizer fz(lex, reported_words);

  // ---- candidates never seen in the annotated corpora ----
  std::unordered_set<std::string> cand;
  auto add = [&](const std::string& w) {
    if (plain_word(w) && !seen.count(w)) cand.insert(w);
  };
  std::vector<std::string> stems;
  for (const auto& [w, _] : lex) {
    if (!plain_word(w)) continue;
    stems.push_back(w);
    add(w);
    for (const auto& f : inflections(w)) add(f);
  }
  for (const auto& w : reported_words)
    if (plain_word(w)) stems.push_back(w);
  for (const auto& s : stems) {
    add("un" + s);
    for (const auto& [f, _] : derivations(s)) add(f);
  }
  for (int32_t r = 0; r < static_cast<int32_t>(wv.size()); ++r) add(std::string(wv.word(r)));
  res.candidates = cand.size();

  // ---- label propagation: similarity-weighted share of reported words among the k nearest known ----
  std::vector<const KnownType*> train;
  for (const auto& k : known)
    if (k.occ >= opt.min_occ && plain_word(k.word)) train.push_back(&k);
  res.known = train.size();
  std::vector<int> lab_idx;  // train rows with a vector
  Eigen::MatrixXf L;         // dim x n_labelled
  {
    std::vector<Eigen::VectorXf> cols;
    Eigen::VectorXf v;
    for (size_t i = 0; i < train.size(); ++i)
      if (unit_vector(wv, train[i]->word, v)) {
        lab_idx.push_back(static_cast<int>(i));
        cols.push_back(v);
      }
    L.resize(wv.dim(), static_cast<Eigen::Index>(cols.size()));
    for (size_t c = 0; c < cols.size(); ++c) L.col(static_cast<Eigen::Index>(c)) = cols[c];
  }
  std::unordered_map<std::string, int> lab_of;  // word -> column
  for (size_t c = 0; c < lab_idx.size(); ++c) lab_of[train[lab_idx[c]]->word] = static_cast<int>(c);
  auto propagate = [&](const std::vector<std::string>& words, std::vector<double>& lp, std::vector<char>& has) {
    lp.assign(words.size(), 0.0);
    has.assign(words.size(), 0);
    if (L.cols() == 0) return;
    constexpr size_t kBlock = 512;
    Eigen::VectorXf v;
    std::vector<std::pair<float, int>> top;
    for (size_t b0 = 0; b0 < words.size(); b0 += kBlock) {
      const size_t b1 = std::min(words.size(), b0 + kBlock);
      Eigen::MatrixXf Q(wv.dim(), static_cast<Eigen::Index>(b1 - b0));
      std::vector<char> ok(b1 - b0, 0);
      for (size_t i = b0; i < b1; ++i) {
        ok[i - b0] = unit_vector(wv, words[i], v);
        Q.col(static_cast<Eigen::Index>(i - b0)) = ok[i - b0] ? v : Eigen::VectorXf::Zero(wv.dim());
      }
      const Eigen::MatrixXf S = L.transpose() * Q;  // n_labelled x block
      for (size_t i = b0; i < b1; ++i) {
        if (!ok[i - b0]) continue;
        auto self = lab_of.find(words[i]);
        const int skip = self == lab_of.end() ? -1 : self->second;
        top.clear();
        for (Eigen::Index r = 0; r < S.rows(); ++r)
          if (r != skip) top.push_back({S(r, static_cast<Eigen::Index>(i - b0)), static_cast<int>(r)});
        const size_t k = std::min<size_t>(opt.neighbours, top.size());
        std::partial_sort(top.begin(), top.begin() + static_cast<long>(k), top.end(),
                          [](auto& a, auto& b) { return a.first > b.first; });
        double num = 0, den = 0;
        for (size_t j = 0; j < k; ++j) {
          const double s = std::max(0.f, top[j].first);
          num += s * (train[lab_idx[top[j].second]]->reported ? 1.0 : 0.0);
          den += s;
        }
        if (den > 0) {
          lp[i] = num / den;
          has[i] = 1;
        }
      }
    }
  };

  std::vector<std::string> train_words;
  for (const auto* k : train) train_words.push_back(k->word);
  std::vector<double> lp_train;
  std::vector<char> has_train;
  propagate(train_words, lp_train, has_train);

  std::vector<Example> ex(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    ex[i].sparse = fz.of(train[i]->word, lp_train[i], has_train[i]).sparse;
    ex[i].label = train[i]->reported ? 1.f : 0.f;
  }
  LogRegParams p;
  p.l2_sparse = opt.l2;
  p.l2_dense = opt.l2;
  p.iterations = opt.iterations;
  double lp_mean = 0;
  long lp_n = 0;
  for (size_t i = 0; i < train.size(); ++i)
    if (has_train[i]) lp_mean += lp_train[i], ++lp_n;
  lp_mean = lp_n ? lp_mean / lp_n : 0.0;
  // Rarity: log2 of the word's frequency rank in the vectors' vocabulary (rows are in frequency
  // order); a word outside it is rarer than all of them (twice the last rank).
  const double vocab = static_cast<double>(std::max<size_t>(1, wv.size()));
  auto rarity = [&](const std::string& w) {
    const int32_t r = wv.dim() > 0 ? wv.row(hash_token(w)) : -1;
    return std::log2((r >= 0 ? r + 1.0 : 2.0 * vocab)) / std::log2(2.0 * vocab);
  };
  auto dense_of = [&](double lp, bool has, const std::string& w) {
    Eigen::VectorXf d(2);
    d[0] = has ? static_cast<float>((lp - lp_mean) * 4.0) : 0.f;
    d[1] = static_cast<float>(rarity(w) * 4.0 - 3.0);
    return d;
  };
  for (size_t i = 0; i < train.size(); ++i) ex[i].dense = dense_of(lp_train[i], has_train[i], train_words[i]);
  // Out-of-fold predictions fix the threshold.
  std::vector<double> oof(ex.size(), 0.0);
  for (int f = 0; f < opt.folds; ++f) {
    std::vector<Example> tr;
    for (size_t i = 0; i < ex.size(); ++i)
      if (static_cast<int>(hash_token(train_words[i]) % opt.folds) != f) tr.push_back(ex[i]);
    const LogRegModel m = train_logreg(tr, 1u << kBits, 2, p);
    for (size_t i = 0; i < ex.size(); ++i)
      if (static_cast<int>(hash_token(train_words[i]) % opt.folds) == f) oof[i] = m.predict(ex[i].sparse, ex[i].dense);
  }
  long positives = 0;
  for (const auto& e : ex) positives += e.label > 0.5f;
  res.threshold = 1.0;
  for (double t = 0.2; t <= 0.951; t += 0.025) {
    long tp = 0, fp = 0;
    for (size_t i = 0; i < ex.size(); ++i) {
      if (oof[i] < t) continue;
      (ex[i].label > 0.5f ? tp : fp)++;
    }
    if (tp + fp >= 10 && static_cast<double>(tp) / (tp + fp) >= opt.target_precision) {
      res.threshold = t;
      res.oof_precision = static_cast<double>(tp) / (tp + fp);
      res.oof_recall = positives ? static_cast<double>(tp) / positives : 0.0;
      break;
    }
  }
  const LogRegModel model = train_logreg(ex, 1u << kBits, 2, p);

  std::vector<std::string> cw(cand.begin(), cand.end());
  std::sort(cw.begin(), cw.end());
  std::vector<double> lp_c;
  std::vector<char> has_c;
  propagate(cw, lp_c, has_c);
  for (size_t i = 0; i < cw.size(); ++i) {
    Feats f = fz.of(cw[i], lp_c[i], has_c[i]);
    const double pr = model.predict(f.sparse, dense_of(lp_c[i], has_c[i], cw[i]));
    if (pr >= res.threshold) res.accepted.push_back({cw[i], pr, f.evidence.empty() ? "other" : f.evidence});
    else if (pr >= 0.1 && !f.evidence.empty()) res.rejected.push_back({cw[i], pr, f.evidence});
  }
  std::sort(res.accepted.begin(), res.accepted.end(), [](const OpenWord& a, const OpenWord& b) {
    return a.p != b.p ? a.p > b.p : a.word < b.word;
  });
  log << "open vocabulary: " << res.known << " known words (occ >= " << opt.min_occ << ", " << positives
      << " reported) train the model; threshold " << res.threshold << " (out-of-fold P " << res.oof_precision
      << ", R " << res.oof_recall << "); " << res.candidates << " unseen candidates, " << res.accepted.size()
      << " accepted\n";
  return res;
}

}  // namespace framelens::terms
