#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>

#include "analyzer/terms/terms_stage.h"
#include "analyzer/terms/token_model.h"
#include "tests/terms/random_sentence_model.h"
#include "tests/test_doc.h"
#include "tests/test_temp.h"

using namespace framelens;
using namespace framelens::terms;
using framelens_test::random_sentence_model;
using framelens_test::RandomSentenceModel;
using framelens_test::TempDir;

namespace {

// A token model with random weights and a non-identity standardisation, for the vectors of `wv`.
TokenModel random_token_model(const WordVectors& wv, unsigned seed = 11) {
  TokenModel t;
  t.hash_bits = 12;
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  t.lr.sparse_w.resize(t.sparse_dim());
  for (auto& w : t.lr.sparse_w) w = u(rng);
  const int dd = t.dense_dim(wv);
  t.lr.dense_w = Eigen::VectorXf(dd);
  t.dense_mean = Eigen::VectorXf(dd);
  t.dense_inv_std = Eigen::VectorXf(dd);
  for (int j = 0; j < dd; ++j) {
    t.lr.dense_w[j] = u(rng);
    t.dense_mean[j] = 0.2f * u(rng);
    t.dense_inv_std[j] = 1.f + 0.5f * u(rng);
  }
  t.lr.bias = -0.3f;
  return t;
}

TermTable small_table() {
  TermTable t;
  t.add("reckless", 0.9f, TermCategory::Loaded);
  t.add("witch hunt", 0.8f, TermCategory::Loaded);
  t.add("regime", 0.7f, TermCategory::Labeling);
  t.threshold = 0.5f;
  return t;
}

}  // namespace

TEST_CASE("token model: each token gets the score and category of the match covering it", "[terms]") {
  const auto table = small_table();
  auto d = doc_of("The regime started a witch hunt today.");
  std::vector<TermMatch> ms;
  table.match(d.tokens, 0, static_cast<int32_t>(d.tokens.size()), ms);
  std::vector<TermEvidence> ev;
  for (const auto& m : ms) ev.push_back({table.entries()[m.entry].score, table.entries()[m.entry].category});
  std::vector<TokenTermInfo> infos;
  token_term_infos(ms, ev, 0, static_cast<int32_t>(d.tokens.size()), infos);
  REQUIRE(infos.size() == d.tokens.size());
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    const std::string& w = d.tokens[i].lower;
    if (w == "regime") {
      CHECK(infos[i].score == Approx(0.7f));
      CHECK(infos[i].category == static_cast<int8_t>(TermCategory::Labeling));
    } else if (w == "witch" || w == "hunt") {
      CHECK(infos[i].score == Approx(0.8f));
      CHECK(infos[i].category == static_cast<int8_t>(TermCategory::Loaded));
    } else {
      CHECK(infos[i].score == 0.f);
      CHECK(infos[i].category == -1);
    }
  }
}

TEST_CASE("token model: sentence summaries are max, top-two mean and count >= 0.5", "[terms]") {
  float out[kTokenSummaryCount];
  summarize_token_probabilities({0.1, 0.9, 0.6, 0.3}, out);
  CHECK(out[0] == Approx(0.9));
  CHECK(out[1] == Approx(0.75));
  CHECK(out[2] == 2.f);
  summarize_token_probabilities({0.4}, out);
  CHECK(out[0] == Approx(0.4));
  CHECK(out[1] == Approx(0.4));
  CHECK(out[2] == 0.f);
  summarize_token_probabilities({}, out);
  CHECK(out[0] == 0.f);
  CHECK(out[1] == 0.f);
  CHECK(out[2] == 0.f);
}

TEST_CASE("token model: the word's context changes its probability", "[terms]") {
  const auto sm = random_sentence_model({});
  const auto tm = random_token_model(sm.vectors);
  const auto table = small_table();
  auto a = doc_of("A reckless plan passed.");
  auto b = doc_of("The reckless driver fled.");
  auto prob_of_reckless = [&](const Document& d) {
    std::vector<TermMatch> ms;
    const auto n = static_cast<int32_t>(d.tokens.size());
    table.match(d.tokens, 0, n, ms);
    std::vector<TermEvidence> ev;
    for (const auto& m : ms) ev.push_back({table.entries()[m.entry].score, table.entries()[m.entry].category});
    std::vector<TokenTermInfo> infos;
    token_term_infos(ms, ev, 0, n, infos);
    return tm.probability(d, 0, n, 1, infos, sm.vectors);
  };
  REQUIRE(a.tokens[1].lower == "reckless");
  REQUIRE(b.tokens[1].lower == "reckless");
  CHECK(prob_of_reckless(a) != prob_of_reckless(b));
}

TEST_CASE("token model: file round trip keeps every weight; bad files are model errors", "[terms]") {
  const auto sm = random_sentence_model({});
  const auto tm = random_token_model(sm.vectors);
  TempDir dir("framelens_token_model");
  const std::string path = dir.file("token.bin");
  REQUIRE(tm.save(path));
  auto back = TokenModel::load(path);
  REQUIRE(back);
  CHECK(back->hash_bits == tm.hash_bits);
  CHECK(back->lr.bias == tm.lr.bias);
  CHECK(back->lr.dense_w == tm.lr.dense_w);
  CHECK(back->dense_mean == tm.dense_mean);
  CHECK(back->dense_inv_std == tm.dense_inv_std);
  CHECK(std::equal(tm.lr.sparse_w.begin(), tm.lr.sparse_w.end(), back->lr.sparse_w.begin()));
  const std::string bytes = framelens_test::read_all(path);
  framelens_test::write_all(path, bytes.substr(0, bytes.size() / 2));
  CHECK_FALSE(TokenModel::load(path));
  framelens_test::write_all(path, "not a model");
  CHECK_FALSE(TokenModel::load(path));
}

TEST_CASE("token model: the stage scores sentences exactly as training builds their features", "[terms]") {
  // Training path: extract (with the token summary) + standardize + the linear model.
  RandomSentenceModel o;
  o.fitted_scale = true;
  o.prepare = false;
  auto sm = random_sentence_model(o);
  sm.use_token_features = true;
  {
    // Re-draw the dense block at the larger size.
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    const int dd = sm.dense_dim();
    sm.lr.dense_w = Eigen::VectorXf(dd);
    sm.dense_mean = Eigen::VectorXf(dd);
    sm.dense_inv_std = Eigen::VectorXf(dd);
    for (int j = 0; j < dd; ++j) {
      sm.lr.dense_w[j] = 2.f * u(rng);
      sm.dense_mean[j] = 0.3f * u(rng);
      sm.dense_inv_std[j] = 1.f + 0.5f * u(rng);
    }
  }
  sm.prepare();
  const auto tm = random_token_model(sm.vectors);
  const auto table = small_table();
  const std::string text = "The regime pushed a reckless plan. The council met on Tuesday. A witch hunt, critics said!";
  auto d = doc_of(text);
  std::vector<double> expected;
  for (const auto& s : d.sentences) {
    std::vector<TermMatch> ms;
    table.match(d.tokens, s.first_token, s.end_token, ms);
    std::vector<TermEvidence> ev;
    for (const auto& m : ms) ev.push_back({table.entries()[m.entry].score, table.entries()[m.entry].category});
    std::vector<TokenTermInfo> infos;
    token_term_infos(ms, ev, s.first_token, s.end_token, infos);
    float summary[kTokenSummaryCount];
    tm.sentence_features(d, s.first_token, s.end_token, infos, sm.vectors, summary);
    SentenceFeatures f;
    sm.extract(d, s.first_token, s.end_token, ev, f, summary);
    sm.standardize(f.dense);
    expected.push_back(sm.score(f));
  }
  // Through a saved and reloaded model folder, as the pipeline loads it.
  TempDir dir("framelens_token_stage");
  std::filesystem::create_directories(dir.dir / "loaded");
  REQUIRE(table.save(dir.file("loaded/terms.tsv")));
  REQUIRE(sm.save(dir.file("loaded/sentence.bin")));
  REQUIRE(tm.save(dir.file("loaded/token.bin")));
  auto stage = load_terms_stage(dir.dir.string());
  REQUIRE(stage);
  REQUIRE((*stage)->model().use_token_features);
  auto d2 = doc_of(text);
  (*stage)->annotate(d2);
  REQUIRE(d2.sentences.size() == expected.size());
  bool summaries_matter = false;
  for (size_t k = 0; k < expected.size(); ++k) {
    CHECK(d2.sentences[k].bias_score == Approx(expected[k]).epsilon(1e-5));
    // Without the token summaries the score differs (the check above could not pass by accident).
    std::vector<TermMatch> ms;
    const auto& s = d.sentences[k];
    table.match(d.tokens, s.first_token, s.end_token, ms);
    std::vector<TermEvidence> ev;
    for (const auto& m : ms) ev.push_back({table.entries()[m.entry].score, table.entries()[m.entry].category});
    summaries_matter |= std::abs(sm.score_fast(d, s.first_token, s.end_token, ev) - expected[k]) > 1e-4;
  }
  CHECK(summaries_matter);
  // A sentence model with token features needs the token model.
  std::filesystem::remove(dir.file("loaded/token.bin"));
  CHECK_FALSE(load_terms_stage(dir.dir.string()));
}

TEST_CASE("sentence model: token features are a version-4 file; without them it stays version 3", "[terms]") {
  TempDir dir("framelens_token_version");
  auto version_of = [](const std::string& path) {
    const std::string b = framelens_test::read_all(path);
    uint32_t v = 0;
    std::memcpy(&v, b.data() + 4, 4);
    return v;
  };
  auto plain = random_sentence_model({});
  REQUIRE(plain.save(dir.file("plain.bin")));
  CHECK(version_of(dir.file("plain.bin")) == 3);
  RandomSentenceModel o;
  o.prepare = false;
  auto tok = random_sentence_model(o);
  tok.use_token_features = true;
  tok.lr.dense_w = Eigen::VectorXf::Zero(tok.dense_dim());
  tok.dense_mean = Eigen::VectorXf::Zero(tok.dense_dim());
  tok.dense_inv_std = Eigen::VectorXf::Ones(tok.dense_dim());
  tok.prepare();
  REQUIRE(tok.save(dir.file("tok.bin")));
  CHECK(version_of(dir.file("tok.bin")) == 4);
  auto back = SentenceModel::load(dir.file("tok.bin"));
  REQUIRE(back);
  CHECK(back->use_token_features);
  CHECK(back->dense_dim() == tok.dense_dim());
}

TEST_CASE("token model: the prepared fast path gives the probabilities of extract + standardize", "[terms]") {
  const auto sm = random_sentence_model({.plan_vector = true});
  const auto slow = random_token_model(sm.vectors);
  auto fast = slow;
  fast.prepare(sm.vectors);
  REQUIRE(fast.prepared());
  REQUIRE_FALSE(slow.prepared());
  const auto table = small_table();
  auto d = doc_of("The reckless regime's plan: a witch hunt! \"Reckless,\" the council said of the plan.");
  const auto n = static_cast<int32_t>(d.tokens.size());
  std::vector<TermMatch> ms;
  table.match(d.tokens, 0, n, ms);
  std::vector<TermEvidence> ev;
  for (const auto& m : ms) ev.push_back({table.entries()[m.entry].score, table.entries()[m.entry].category});
  std::vector<TokenTermInfo> infos;
  token_term_infos(ms, ev, 0, n, infos);
  float a[kTokenSummaryCount], b[kTokenSummaryCount];
  slow.sentence_features(d, 0, n, infos, sm.vectors, a);
  fast.sentence_features(d, 0, n, infos, sm.vectors, b);
  for (int k = 0; k < kTokenSummaryCount; ++k) CHECK(b[k] == Approx(a[k]).epsilon(1e-5));
  // Per token too (the summaries keep only the top two).
  for (int32_t i = 0; i < n; ++i) {
    if (d.tokens[i].kind != TokenKind::Word) continue;
    float s1[kTokenSummaryCount], s2[kTokenSummaryCount];
    slow.sentence_features(d, i, i + 1, std::vector<TokenTermInfo>(1, infos[i]), sm.vectors, s1);
    fast.sentence_features(d, i, i + 1, std::vector<TokenTermInfo>(1, infos[i]), sm.vectors, s2);
    CHECK(s2[0] == Approx(s1[0]).epsilon(1e-5));
  }
}

TEST_CASE("token model: the fast path equals extract + standardize on varied sentences and hash collisions",
          "[terms]") {
  // Vectors for some of the words (others are out of vocabulary; "," is a non-word with a vector).
  WordVectors wv;
  wv.reset(4);
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  for (const char* w : {"the", "reckless", "council", "plan", "regime", "said", "critics", "witch", "hunt", "a", ",",
                        "unprecedented", "radical"}) {
    float v[4] = {u(rng), u(rng), u(rng), u(rng)};
    wv.add(w, v);
  }
  const auto table = small_table();
  const std::vector<std::string> texts = {
      "The reckless regime's plan: a witch hunt! \"Reckless,\" the council said of the plan.",
      "Reckless.",
      "Plan plan plan plan, plan; the the the reckless reckless.",
      "Zyxwv qwertyuiop unprecedented Blorfington radicalised 2024 , , ; Critics said a radical witch hunt began.",
      "\"A\" - b - \"C\" ... Unprecedented!!! 42 percent of Council members, critics and Regime officials agreed.",
  };
  // hash_bits 8: 256 slots for ~10 ids per word, so many words have two equal feature ids.
  for (int bits : {8, 12}) {
    for (unsigned seed : {11u, 12u}) {
      auto slow = random_token_model(wv, seed);
      slow.hash_bits = bits;
      slow.lr.sparse_w.resize(slow.sparse_dim());
      for (auto& w : slow.lr.sparse_w) w = 3.f * u(rng);  // large enough that some words pass 0.5
      auto fast = slow;
      fast.prepare(wv);
      REQUIRE(fast.prepared());
      int collided = 0, above_half = 0, windows = 0;
      for (const auto& text : texts) {
        auto d = doc_of(text);
        const auto n = static_cast<int32_t>(d.tokens.size());
        std::vector<TermMatch> ms;
        table.match(d.tokens, 0, n, ms);
        std::vector<TermEvidence> ev;
        for (const auto& m : ms) ev.push_back({table.entries()[m.entry].score, table.entries()[m.entry].category});
        // Every window [first, end) as a sentence: edges at every position, one-word sentences.
        for (int32_t first = 0; first < n; ++first) {
          for (int32_t end = first + 1; end <= n; ++end) {
            std::vector<TokenTermInfo> infos;
            token_term_infos(ms, ev, first, end, infos);
            float a[kTokenSummaryCount], b[kTokenSummaryCount];
            slow.sentence_features(d, first, end, infos, wv, a);
            fast.sentence_features(d, first, end, infos, wv, b);
            ++windows;
            for (int k = 0; k < kTokenSummaryCount; ++k) CHECK(b[k] == Approx(a[k]).margin(1e-5));
            above_half += a[2] > 0;
            for (int32_t i = first; i < end; ++i) {
              const Token& t = d.tokens[i];
              if (t.kind != TokenKind::Word) continue;
              Example ex;
              slow.extract(d, first, end, i, infos, wv, ex);
              const size_t ids = 8 + (t.lower.size() >= 5) + (t.capitalized && i > first);
              collided += ex.sparse.size() < ids;
            }
          }
        }
      }
      INFO("hash bits " << bits << ", seed " << seed << ", windows " << windows);
      CHECK(above_half > 0);  // the count feature is exercised
      if (bits == 8) CHECK(collided > 0);  // so is the merging of equal ids
    }
  }
}
