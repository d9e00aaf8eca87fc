// models/loaded/sentence.bin: version 3 stores prepare()'s per-word contributions; a loaded model
// comes prepared with exactly the values prepare() computes, and version-2 files still load.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "analyzer/terms/sentence_model.h"
#include "tests/test_doc.h"
#include "tests/test_temp.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

// Random weights, a fitted (non-identity) standardisation, char-grams and three word vectors.
SentenceModel random_model(unsigned seed) {
  SentenceModel m;
  m.hash_bits = 12;
  m.vectors.reset(4);
  const float a[4] = {0.5f, -1.f, 0.25f, 2.f}, b[4] = {-0.3f, 0.7f, 1.f, 0.f}, c[4] = {0.1f, 0.2f, -0.9f, 0.4f};
  m.vectors.add("reckless", a);
  m.vectors.add("council", b);
  m.vectors.add("plan", c);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  m.lr.sparse_w.resize(m.sparse_dim());
  for (auto& w : m.lr.sparse_w) w = u(rng);
  m.lr.dense_w = Eigen::VectorXf::Zero(m.dense_dim());
  m.dense_mean = Eigen::VectorXf::Zero(m.dense_dim());
  m.dense_inv_std = Eigen::VectorXf::Ones(m.dense_dim());
  for (int i = 0; i < m.dense_dim(); ++i) {
    m.lr.dense_w[i] = u(rng);
    m.dense_mean[i] = 0.3f * u(rng);
    m.dense_inv_std[i] = 1.f + 0.5f * u(rng);
  }
  m.lr.bias = 0.1f;
  m.prepare();
  return m;
}

double margin(const SentenceModel& m, const Document& d) {
  const auto& s = d.sentences[0];
  return m.margin_fast(d, s.first_token, s.end_token, {});
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

void write_all(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

struct TempDir {
  std::filesystem::path dir = framelens_test::temp_path("framelens_sentence_model_file_test");
  TempDir() { std::filesystem::create_directories(dir); }
  ~TempDir() { std::filesystem::remove_all(dir); }
  std::string file(const char* name) const { return (dir / name).string(); }
};

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
