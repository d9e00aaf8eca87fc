// models/loaded/sentence.bin: version 3 stores prepare()'s per-word contributions; a loaded model
// comes prepared with exactly the values prepare() computes, and version-2 files still load.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "analyzer/terms/sentence_model.h"
#include "tests/terms/random_sentence_model.h"
#include "tests/test_doc.h"
#include "tests/test_temp.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

// Three word vectors and a fitted (non-identity) standardisation, so the file keeps all of it.
SentenceModel random_model(unsigned seed) {
  return framelens_test::random_sentence_model({.seed = seed, .plan_vector = true, .fitted_scale = true});
}

double margin(const SentenceModel& m, const Document& d) {
  const auto& s = d.sentences[0];
  return m.margin_fast(d, s.first_token, s.end_token, {});
}

struct TempDir : framelens_test::TempDir {
  TempDir() : framelens_test::TempDir("framelens_sentence_model_file_test") {}
};
using framelens_test::read_all;
using framelens_test::write_all;

const char* const kText = "The council's reckless plan failed; Zyxwv said so!";

}  // namespace

TEST_CASE("sentence model v3: loads prepared, with the very margins of prepare()", "[terms]") {
  TempDir t;
  const SentenceModel m = random_model(7);
  const auto d = doc_of(kText);
  REQUIRE(m.save(t.file("s.bin")).ok());
  auto back = SentenceModel::load(t.file("s.bin"));
  REQUIRE(back.ok());
  CHECK(back->prepared());
  const double stored = margin(*back, d);
  CHECK(stored == margin(m, d));  // bit-identical
  back->prepare();                // recomputed from the weights: the same values
  CHECK(margin(*back, d) == stored);
}

TEST_CASE("sentence model: version-2 files load unprepared and give the same margins once prepared", "[terms]") {
  TempDir t;
  const SentenceModel m = random_model(8);
  REQUIRE(m.save(t.file("v3.bin")).ok());
  const std::string v3 = read_all(t.file("v3.bin"));
  // v2 = v3 without the trailing block (row count + 12 bytes per row), version field 2.
  const size_t block = 4 + 12 * m.vectors.size();
  REQUIRE(v3.size() > block);
  std::string v2 = v3.substr(0, v3.size() - block);
  const uint32_t two = 2;
  std::memcpy(v2.data() + 4, &two, 4);
  write_all(t.file("v2.bin"), v2);
  auto old = SentenceModel::load(t.file("v2.bin"));
  REQUIRE(old.ok());
  CHECK_FALSE(old->prepared());
  old->prepare();
  const auto d = doc_of(kText);
  CHECK(margin(*old, d) == margin(m, d));
  // `train loaded --upgrade` rewrites it as the v3 file save() writes.
  REQUIRE(upgrade_sentence_model(t.file("v2.bin")).ok());
  CHECK(read_all(t.file("v2.bin")) == v3);
}

TEST_CASE("sentence model v3: stored contributions that do not fit the vocabulary are model errors", "[terms]") {
  TempDir t;
  const SentenceModel m = random_model(9);
  REQUIRE(m.save(t.file("s.bin")).ok());
  const std::string good = read_all(t.file("s.bin"));
  const size_t rows_at = good.size() - 4 - 12 * m.vectors.size();
  auto expect_model_error = [&](const std::string& bytes) {
    write_all(t.file("bad.bin"), bytes);
    auto r = SentenceModel::load(t.file("bad.bin"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Model);
  };
  SECTION("row count is not the vocabulary size") {
    std::string bad = good;
    const int32_t rows = static_cast<int32_t>(m.vectors.size()) + 1;
    std::memcpy(bad.data() + rows_at, &rows, 4);
    expect_model_error(bad);
  }
  SECTION("truncated contributions") { expect_model_error(good.substr(0, good.size() - 5)); }
  SECTION("no row count") { expect_model_error(good.substr(0, rows_at + 2)); }
}
