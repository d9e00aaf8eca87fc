// The one MPQA subjectivity lexicon reader: key=value pairs per line, irregular lines tolerated.
#include <catch2/catch.hpp>

#include <fstream>
#include <vector>

#include "analyzer/ml/mpqa_lexicon.h"
#include "tests/test_temp.h"

using namespace framelens;

TEST_CASE("MPQA reader: clues, stemmed flag, irregular and missing lines", "[ml][lexicon]") {
  framelens_test::TempDir dir("framelens_mpqa_test");
  const auto path = dir.dir / "clues.tff";
  {
    std::ofstream out(path);
    out << "type=weaksubj len=1 word1=abandoned pos1=adj stemmed1=n priorpolarity=negative\n"
        << "type=strongsubj len=1 word1=admire pos1=verb stemmed1=y priorpolarity=positive\r\n"
        << "type=weaksubj len=1 word1=ok pos1=adj stemmed1=n polarity=both mpqapolarity=both\n"
        << "not a clue line\n";
  }
  std::vector<MpqaClue> clues;
  REQUIRE(for_each_mpqa_clue(path.string(), [&](const MpqaClue& c) { clues.push_back(c); }).ok());
  REQUIRE(clues.size() == 4);
  CHECK(clues[0].word == "abandoned");
  CHECK(clues[0].type == "weaksubj");
  CHECK(clues[0].polarity == "negative");
  CHECK(clues[0].stemmed == "n");
  CHECK(clues[1].word == "admire");
  CHECK(clues[1].polarity == "positive");  // the trailing \r is white space to the pair parser
  CHECK(clues[1].stemmed == "y");
  CHECK(clues[2].polarity == "both");
  CHECK(clues[3].word.empty());
  CHECK_FALSE(for_each_mpqa_clue((path.string() + ".missing"), [](const MpqaClue&) {}).ok());
}
