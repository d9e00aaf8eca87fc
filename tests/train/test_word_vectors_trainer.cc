// `train vectors` on a tiny generated corpus: the table holds the pipeline's tokens, is
// reproducible for a seed with one thread, and related words end up closer than unrelated ones.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/ml/hashing.h"
#include "analyzer/train/word_vectors_trainer.h"
#include "tests/test_temp.h"

using namespace framelens;

namespace {

struct TempDir : framelens_test::TempDir {
  TempDir() : framelens_test::TempDir("framelens_word_vectors_trainer_test") {}
};

// Two topics with disjoint vocabularies; numbers appear too.
std::string write_corpus(const std::filesystem::path& dir) {
  const std::string path = (dir / "text.jsonl").string();
  std::ofstream out(path);
  const char* a[] = {"The senator voted against the budget bill in the senate.",
                     "The senate passed the budget bill after the senator spoke.",
                     "A senator proposed a new budget bill for 2024 in the senate."};
  const char* b[] = {"The striker scored a goal in the final match.",
                     "In the match the striker missed a goal before the final.",
                     "The final match ended with a late goal by the striker, 3 to 1."};
  for (int i = 0; i < 200; ++i) {
    std::string text;
    for (int k = 0; k < 3; ++k) text += std::string(i % 2 ? b[(i + k) % 3] : a[(i + k) % 3]) + " ";
    out << "{\"id\": \"" << i << "\", \"title\": \"\", \"text\": \"" << text << "\"}\n";
  }
  return path;
}

const float* row_ptr(const terms::WordVectors& wv, const std::string& w, std::vector<float>& buf) {
  const int32_t r = wv.row(terms::hash_token(w));
  REQUIRE(r >= 0);
  buf.resize(wv.dim());
  for (int i = 0; i < wv.dim(); ++i) buf[i] = wv.at(r, i);
  return buf.data();
}

double cosine(const terms::WordVectors& wv, const std::string& x, const std::string& y) {
  std::vector<float> bx, by;
  const float* a = row_ptr(wv, x, bx);
  const float* b = row_ptr(wv, y, by);
  double d = 0, na = 0, nb = 0;
  for (int i = 0; i < wv.dim(); ++i) d += a[i] * b[i], na += a[i] * a[i], nb += b[i] * b[i];
  return d / std::sqrt(na * nb + 1e-12);
}

}  // namespace

TEST_CASE("vector tokens are the pipeline's word and number tokens", "[vectors]") {
  auto d = make_document("Trump said 45 times: \"No.\"", DocMeta{});
  REQUIRE(d.ok());
  std::vector<std::string> seen;
  for (const auto& t : d->tokens) {
    const std::string w(vector_token(t));
    CHECK((vector_token_hash(t) == 0) == w.empty());
    if (!w.empty()) {
      CHECK(vector_token_hash(t) == terms::hash_token(w));
      seen.push_back(w);
    }
  }
  CHECK(seen == std::vector<std::string>{"trump", "said", "<num>", "times", "no"});
}

TEST_CASE("train_word_vectors on a tiny corpus", "[vectors]") {
  TempDir t;
  WordVectorTrainOptions opt;
  opt.data = write_corpus(t.dir);
  opt.work_dir = t.dir.string();
  opt.dim = 16;
  opt.epoch = 50;
  opt.min_count = 2;
  opt.window = 3;
  opt.max_words = 1000;
  opt.threads = 1;
  std::ostringstream log;
  auto wv = train_word_vectors(opt, log);
  REQUIRE(wv.ok());
  CHECK(wv->dim() == 16);
  CHECK(wv->size() > 20);
  CHECK(wv->row(terms::hash_token("the")) == 0);  // most frequent first
  CHECK(wv->row(terms::hash_token(".")) < 0);     // punctuation is not a vector token
  CHECK(wv->row(terms::hash_token("</s>")) < 0);
  // The temporary corpus is cleaned up.
  CHECK_FALSE(std::filesystem::exists(t.dir / ".framelens_vectors_corpus.txt"));
  // Same seed, one thread: the same table.
  auto again = train_word_vectors(opt, log);
  REQUIRE(again.ok());
  REQUIRE(again->size() == wv->size());
  for (int32_t r = 0; r < static_cast<int32_t>(wv->size()); ++r)
    for (int i = 0; i < wv->dim(); ++i) REQUIRE(again->at(r, i) == wv->at(r, i));
  // max_words keeps the most frequent rows only.
  WordVectorTrainOptions capped = opt;
  capped.max_words = 5;
  auto small = train_word_vectors(capped, log);
  REQUIRE(small.ok());
  CHECK(small->size() == 5);
  CHECK(small->word(0) == "the");
  // Words of one topic are closer to each other than to the other topic's.
  CHECK(cosine(*wv, "senator", "budget") > cosine(*wv, "senator", "striker"));
  CHECK(cosine(*wv, "goal", "match") > cosine(*wv, "goal", "senate"));
}

TEST_CASE("train_word_vectors reports a missing corpus as an error", "[vectors]") {
  WordVectorTrainOptions opt;
  opt.data = "/nonexistent/framelens/text.jsonl";
  std::ostringstream log;
  auto wv = train_word_vectors(opt, log);
  REQUIRE_FALSE(wv.ok());
}
