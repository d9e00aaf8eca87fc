// models/vectors/words.bin: round trip, and every kind of damaged file is a model error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "analyzer/ml/hashing.h"
#include "analyzer/ml/word_vectors_file.h"
#include "tests/test_temp.h"

using namespace framelens;

namespace {

terms::WordVectors small_table() {
  terms::WordVectors wv;
  wv.reset(3);
  const float a[3] = {0.5f, -1.0f, 0.25f}, b[3] = {0.0f, 2.0f, -2.0f}, c[3] = {1.0f, 1.0f, 1.0f};
  wv.add("praised", a);
  wv.add("slammed", b);
  wv.add("<num>", c);
  return wv;
}

struct TempDir : framelens_test::TempDir {
  TempDir() : framelens_test::TempDir("framelens_word_vectors_file_test") {}
};
using framelens_test::read_all;
using framelens_test::write_all;

}  // namespace

TEST_CASE("word-vector file round trip keeps rows, values and checksum", "[vectors]") {
  TempDir t;
  const auto wv = small_table();
  uint64_t sum = 0;
  REQUIRE(save_word_vectors(wv, t.file("words.bin"), &sum).ok());
  auto back = load_word_vectors(t.file("words.bin"));
  REQUIRE(back.ok());
  CHECK(back->checksum == sum);
  REQUIRE(back->vectors->dim() == 3);
  REQUIRE(back->vectors->size() == 3);
  for (int32_t r = 0; r < 3; ++r) CHECK(back->vectors->word(r) == wv.word(r));
  CHECK(back->vectors->word(2) == "<num>");
  CHECK(back->vectors->row(terms::hash_token("slammed")) == 1);
  for (int32_t r = 0; r < 3; ++r)
    for (int i = 0; i < 3; ++i) CHECK(back->vectors->at(r, i) == Approx(wv.at(r, i)));
  // Another table has another checksum (it identifies the vector space).
  terms::WordVectors other = small_table();
  const float d[3] = {0.1f, 0.2f, 0.3f};
  other.add("hailed", d);
  uint64_t sum2 = 0;
  REQUIRE(save_word_vectors(other, t.file("other.bin"), &sum2).ok());
  CHECK(sum2 != sum);
}

TEST_CASE("truncated, corrupt or foreign word-vector files are model errors", "[vectors]") {
  TempDir t;
  const std::string path = t.file("words.bin");
  REQUIRE(save_word_vectors(small_table(), path).ok());
  const std::string good = read_all(path);
  auto expect_model_error = [&](const std::string& bytes) {
    write_all(path, bytes);
    auto r = load_word_vectors(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Model);
  };
  SECTION("every truncation") {
    for (size_t n = 0; n < good.size(); ++n) expect_model_error(good.substr(0, n));
  }
  SECTION("trailing bytes") { expect_model_error(good + "x"); }
  SECTION("a flipped payload byte fails the checksum") {
    std::string bad = good;
    bad[bad.size() - 2] ^= 0x5a;
    expect_model_error(bad);
  }
  SECTION("another magic") {
    std::string bad = good;
    bad[0] = 'X';
    expect_model_error(bad);
  }
  SECTION("implausible shape in the header (no huge allocation)") {
    std::string bad = good;
    const int32_t huge = 1'900'000;
    bad.replace(16, 4, reinterpret_cast<const char*>(&huge), 4);  // word count
    expect_model_error(bad);
  }
  SECTION("missing file") {
    auto r = load_word_vectors(t.file("absent.bin"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Model);
  }
}

TEST_CASE("word-vector files of version 1 still load, and --upgrade keeps their payload and checksum", "[vectors]") {
  TempDir t;
  const std::string path = t.file("words.bin");
  uint64_t sum = 0;
  REQUIRE(save_word_vectors(small_table(), path, &sum).ok());
  const std::string v2 = read_all(path);
  // Version 1: no fast checksum (the 8 bytes after the identity checksum), version field 1.
  std::string v1 = v2.substr(0, 36) + v2.substr(44);
  const uint32_t one = 1;
  v1.replace(8, 4, reinterpret_cast<const char*>(&one), 4);
  write_all(path, v1);
  auto old = load_word_vectors(path);
  REQUIRE(old.ok());
  CHECK(old->checksum == sum);
  CHECK(old->vectors->word(1) == "slammed");
  SECTION("a flipped payload byte fails the version-1 checksum") {
    std::string bad = v1;
    bad[bad.size() - 2] ^= 0x5a;
    write_all(path, bad);
    CHECK_FALSE(load_word_vectors(path).ok());
  }
  SECTION("upgrade rewrites it as save() writes it") {
    REQUIRE(upgrade_word_vectors(path).ok());
    CHECK(read_all(path) == v2);
  }
  SECTION("a changed identity checksum fails the version-2 check") {
    std::string bad = v2;
    bad[30] ^= 0x01;
    write_all(path, bad);
    CHECK_FALSE(load_word_vectors(path).ok());
  }
}
