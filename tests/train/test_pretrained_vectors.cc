#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/cli/commands.h"
#include "analyzer/ml/word_vectors_file.h"
#include "analyzer/ml/hashing.h"
#include "analyzer/train/pretrained_vectors.h"
#include "tests/test_temp.h"

using namespace framelens;

namespace {

// Component 0 of a key's vector (the table is int8-quantised per word).
float first(const terms::WordVectors& wv, const std::string& key) {
  const int32_t r = wv.row(terms::hash_token(key));
  REQUIRE(r >= 0);
  return wv.at(r, 0);
}

}  // namespace

TEST_CASE("pretrained vectors: a fastText .vec file maps onto the pipeline's tokens", "[train][vectors]") {
  framelens_test::TempDir tmp("framelens_pretrained_vec");
  const std::string path = tmp.file("small.vec");
  {
    std::ofstream out(path);
    out << "7 3\n"
        << "The 1 0 0\n"          // the most frequent form of "the"
        << "the 0.5 0 0\n"        // same key: the first one wins
        << ", 0 1 0\n"            // punctuation: not a word token
        << "2016 0 0 1\n"         // a number -> <num>
        << "Senate -1 0.25 0\n"   // lower-cased
        << "x+y 0 0 2\n"          // several tokens: skipped
        << "über 0.75 0 0\r\n";   // CRLF, non-ASCII
  }
  PretrainedVectorStats st;
  auto wv = load_pretrained_vectors(path, 100, &st);
  REQUIRE(wv.ok());
  CHECK(wv->dim() == 3);
  CHECK(st.read == 7);
  CHECK(st.skipped == 2);
  CHECK(wv->size() == 4);  // the, <num>, senate, über
  CHECK(first(*wv, "the") == Approx(1.0f).margin(0.01));
  CHECK(wv->at(wv->row(terms::hash_token("<num>")), 2) == Approx(1.0f).margin(0.01));
  CHECK(first(*wv, "senate") == Approx(-1.0f).margin(0.01));
  CHECK(first(*wv, "über") == Approx(0.75f).margin(0.01));
  CHECK(wv->row(terms::hash_token("The")) < 0);

  // max_words keeps the first keys of the file.
  auto two = load_pretrained_vectors(path, 2);
  REQUIRE(two.ok());
  CHECK(two->size() == 2);
  CHECK(two->row(terms::hash_token("senate")) < 0);

  // Saved in the project's vector format, it loads back as words.bin.
  const std::string bin = tmp.file("words.bin");
  REQUIRE(save_word_vectors(*wv, bin).ok());
  auto back = load_word_vectors(bin);
  REQUIRE(back.ok());
  CHECK(back->vectors->size() == 4);
  CHECK(back->vectors->dim() == 3);
}

TEST_CASE("pretrained vectors: malformed .vec files are input errors", "[train][vectors]") {
  framelens_test::TempDir tmp("framelens_pretrained_bad");
  const std::string path = tmp.file("bad.vec");
  std::ofstream(path) << "2 3\nthe 1 0 0\nsenate 1 0\n";
  auto r = load_pretrained_vectors(path, 100);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == ErrorKind::Input);
  std::ofstream(path, std::ios::trunc) << "the 1 x 0\n";
  CHECK_FALSE(load_pretrained_vectors(path, 100).ok());
  CHECK_FALSE(load_pretrained_vectors(tmp.file("missing.vec"), 100).ok());
  // Without a header line the dimension comes from the first vector.
  std::ofstream(path, std::ios::trunc) << "the 1 0 0 0\nsenate 0 1 0 0\n";
  auto ok = load_pretrained_vectors(path, 100);
  REQUIRE(ok.ok());
  CHECK(ok->dim() == 4);
}

TEST_CASE("pretrained vectors: `train vectors --pretrained-vectors` writes the project's words.bin",
          "[train][vectors][cli]") {
  framelens_test::TempDir tmp("framelens_pretrained_cli");
  const std::string vec = tmp.file("crawl.vec"), out = tmp.file("words.bin");
  std::ofstream(vec) << "3 4\nThe 0.1 0.2 0.3 0.4\nSenate 1 0 0 0\n2016 0 0 0 1\n";
  std::ostringstream o, e;
  CliContext ctx{"framelens", o, e};
  REQUIRE(run_cli({"train", "vectors", "--pretrained-vectors", vec, "--out", out}, ctx) == 0);
  auto wv = load_word_vectors(out);
  REQUIRE(wv.ok());
  CHECK(wv->vectors->dim() == 4);
  CHECK(wv->vectors->size() == 3);
  CHECK(wv->vectors->row(terms::hash_token("senate")) >= 0);
  // A bad file is an input error, and nothing is written.
  std::ofstream(vec, std::ios::trunc) << "3 4\nthe 1 2\n";
  const std::string out2 = tmp.file("none.bin");
  CHECK(run_cli({"train", "vectors", "--pretrained-vectors", vec, "--out", out2}, ctx) != 0);
  CHECK_FALSE(std::filesystem::exists(out2));
}
