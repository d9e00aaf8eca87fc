#include <catch2/catch.hpp>

#include "analyzer/quotes/quote_marks.h"
#include "tests/test_doc.h"

using namespace framelens;

namespace {

std::string content(const Document& d, const QuoteMarkPair& q) { return std::string(d.slice(q.content)); }

}  // namespace

TEST_CASE("quote marks: straight and curly pairs, content without the marks", "[quotes][marks]") {
  auto d = doc_of("The mayor said \"the bridge will reopen\" and added \u201Cwe are ready.\u201D");
  auto pairs = find_quote_pairs(d);
  REQUIRE(pairs.size() == 2);
  CHECK(content(d, pairs[0]) == "the bridge will reopen");
  CHECK(content(d, pairs[1]) == "we are ready.");
  CHECK_FALSE(pairs[0].continues);
}

TEST_CASE("quote marks: nested single quotes stay inside the double quote", "[quotes][marks]") {
  auto d = doc_of("\"They keep calling it 'a minor setback,' but it is not,\" the engineer said.");
  auto pairs = find_quote_pairs(d);
  REQUIRE(pairs.size() == 1);
  CHECK(content(d, pairs[0]) == "They keep calling it 'a minor setback,' but it is not,");
}

TEST_CASE("quote marks: a quote left open continues in the next paragraph", "[quotes][marks]") {
  auto d = doc_of(
      "\u201CWe spent three winters on the harbour wall,\u201D the foreman said. \u201CEvery storm took a piece.\n\n"
      "\u201CNow the sea stays out.\u201D\n\nThe council will vote on Friday.");
  auto pairs = find_quote_pairs(d);
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[1].continues);
  CHECK(pairs[1].close_tok == -1);
  CHECK(content(d, pairs[1]) == "Every storm took a piece.");
  CHECK(content(d, pairs[2]) == "Now the sea stays out.");
  CHECK(pairs[2].paragraph == pairs[1].paragraph + 1);
}

TEST_CASE("quote marks: an unclosed mid-paragraph mark is dropped, markup attributes ignored", "[quotes][marks]") {
  auto d = doc_of("He called the plan \"reckless and moved on.\n\nShe did not reply. <img alt=\"\" src=\"x\">");
  auto pairs = find_quote_pairs(d);
  CHECK(pairs.empty());
}
