#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>

#include <fasttext/fasttext.h>

#include "analyzer/terms/pooled_classifier.h"
#include "analyzer/train/pooled_trainer.h"
#include "tests/test_temp.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

// Synthetic sentences: label 1 draws more from `hot`, label 0 more from `cold`, both from `common`.
void synthetic(std::vector<std::vector<std::string>>& texts, std::vector<int>& labels, unsigned seed) {
  const std::vector<std::string> hot = {"disastrous", "radical", "slammed", "shameful", "reckless", "témoin"};
  const std::vector<std::string> cold = {"said", "announced", "reported", "tuesday", "committee", "budget"};
  const std::vector<std::string> common = {"the", "a", "senator", "plan", "of", "<num>", "\"", "!"};
  std::mt19937 rng(seed);
  for (int i = 0; i < 300; ++i) {
    const int y = i % 2;
    std::vector<std::string> t;
    const int n = 4 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) {
      const unsigned r = rng() % 10;
      const auto& pool = r < 5 ? common : (r < 8) == (y == 1) ? hot : cold;
      t.push_back(pool[rng() % pool.size()]);
    }
    texts.push_back(std::move(t));
    labels.push_back(y);
  }
}

double fasttext_prob(const fasttext::FastText& ft, const std::vector<std::string>& tokens) {
  std::string line;
  for (const auto& t : tokens) line += (line.empty() ? "" : " ") + t;
  std::istringstream in(line + "\n");
  std::vector<std::pair<fasttext::real, std::string>> pred;
  ft.predictLine(in, pred, 2, 0.f);
  for (const auto& [p, l] : pred)
    if (l == "__label__biased") return p;
  return pred.empty() ? 0.5 : 1.0 - pred[0].first;
}

void check_against_fasttext(PooledTrainParams p) {
  std::vector<std::vector<std::string>> texts;
  std::vector<int> labels;
  synthetic(texts, labels, 3);
  // One folder per process: ctest runs the test cases in parallel, and each removes its folder.
  const auto dir = framelens_test::temp_path("framelens_pooled_test");
  std::filesystem::create_directories(dir);
  p.work_dir = dir.string();
  p.save_model = (dir / "ft.bin").string();
  auto m = train_pooled_classifier(texts, labels, p);
  REQUIRE(m.ok());
  fasttext::FastText ft;
  ft.loadModel(p.save_model);
  // Known words, unknown words (with and without accents), n-grams never seen, an empty sentence.
  const std::vector<std::vector<std::string>> probes = {
      {"the", "radical", "senator", "slammed", "the", "plan", "!"},
      {"the", "committee", "reported", "<num>", "budget"},
      {"unseenword", "reckless", "zébrure", "budget", "naïve"},
      {"a", "témoin", "said", "tuesday", "\"", "shameful", "\""},
      {},
  };
  for (const auto& pr : probes) CHECK(m->predict(pr) == Approx(fasttext_prob(ft, pr)).margin(2e-4));
  // It learned the synthetic signal.
  CHECK(m->predict(probes[0]) > 0.5);
  CHECK(m->predict(probes[1]) < 0.5);
  // Round trip through the file format.
  std::stringstream buf;
  m->write(buf);
  PooledClassifier back;
  REQUIRE(back.read(buf));
  for (const auto& pr : probes) CHECK(back.predict(pr) == Approx(m->predict(pr)).margin(1e-9));
  std::filesystem::remove_all(dir);
}

}  // namespace

TEST_CASE("pooled classifier reproduces fastText's prediction (word bigrams)", "[terms][pooled]") {
  PooledTrainParams p;
  p.dim = 8;
  p.epoch = 5;
  p.bucket = 1 << 12;
  check_against_fasttext(p);
}

TEST_CASE("pooled classifier reproduces fastText's prediction (char n-grams, unknown words)", "[terms][pooled]") {
  PooledTrainParams p;
  p.dim = 8;
  p.epoch = 5;
  p.word_ngrams = 3;
  p.minn = 2;
  p.maxn = 4;
  p.bucket = 1 << 12;
  check_against_fasttext(p);
}

TEST_CASE("pooled classifier: training needs both labels", "[terms][pooled]") {
  PooledTrainParams p;
  p.work_dir = std::filesystem::temp_directory_path().string();
  CHECK_FALSE(train_pooled_classifier({{"a"}, {"b"}}, {1, 1}, p).ok());
  CHECK_FALSE(train_pooled_classifier({{"a"}}, {1, 0}, p).ok());
}

TEST_CASE("pooled classifier: corrupt files are refused", "[terms][pooled]") {
  std::stringstream bad("not a model at all");
  PooledClassifier m;
  CHECK_FALSE(m.read(bad));
  PooledClassifier ok;
  ok.words["x"] = {1.f, 1};
  ok.buckets = {0.5f, -0.5f};
  std::stringstream buf;
  ok.write(buf);
  std::string bytes = buf.str();
  std::stringstream truncated(bytes.substr(0, bytes.size() - 3));
  CHECK_FALSE(m.read(truncated));
}

TEST_CASE("classifier tokens: words lower-cased, numbers folded, tone punctuation kept", "[terms][pooled]") {
  auto d = make_document("The SENATOR's 42 \"plans\" failed! Really, __label__x", {});
  REQUIRE(d.ok());
  std::vector<std::string> toks;
  classifier_tokens(*d, 0, static_cast<int32_t>(d->tokens.size()), toks);
  CHECK(std::find(toks.begin(), toks.end(), "<num>") != toks.end());
  CHECK(std::find(toks.begin(), toks.end(), "!") != toks.end());
  CHECK(std::find(toks.begin(), toks.end(), ",") == toks.end());
  for (const auto& t : toks) {
    CHECK(t.find(' ') == std::string::npos);
    CHECK(t.rfind("__label__", 0) != 0);
    CHECK_FALSE(t.empty());
  }
  CHECK(toks.front() == "the");
  CHECK(std::find(toks.begin(), toks.end(), "really") != toks.end());
}
