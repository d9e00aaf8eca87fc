#include <catch2/catch.hpp>

#include "analyzer/quotes/reported_clause.h"
#include "tests/test_doc.h"

using namespace framelens;

namespace {

// Token index of the first token whose text is `w` (after token `from`).
int32_t tok(const Document& d, const std::string& w, int32_t from = 0) {
  for (size_t i = static_cast<size_t>(from); i < d.tokens.size(); ++i) {
    if (std::string(d.slice(d.tokens[i].span)) == w) return static_cast<int32_t>(i);
  }
  FAIL("no token " << w);
  return -1;
}

int32_t end_of(const Document& d) { return static_cast<int32_t>(d.tokens.size()); }

std::string word_at(const Document& d, int32_t i) { return std::string(d.slice(d.tokens[i].span)); }

}  // namespace

TEST_CASE("reported clause: time adjuncts after the verb", "[quotes][clause]") {
  auto a = doc_of("Rask said on Friday she would run.");
  CHECK(word_at(a, skip_time_adjunct(a, tok(a, "said") + 1, end_of(a))) == "she");
  auto b = doc_of("Rask said last week the plan was dead.");
  CHECK(word_at(b, skip_time_adjunct(b, tok(b, "said") + 1, end_of(b))) == "the");
  auto c = doc_of("Rask said Tuesday night it was over.");
  CHECK(word_at(c, skip_time_adjunct(c, tok(c, "said") + 1, end_of(c))) == "it");
  // A possessive keeps the time word in the clause; "may" is a modal or a name.
  auto d = doc_of("Rask said this year's budget was final.");
  CHECK(word_at(d, skip_time_adjunct(d, tok(d, "said") + 1, end_of(d))) == "this");
  auto e = doc_of("Rask said May would lose.");
  CHECK(word_at(e, skip_time_adjunct(e, tok(e, "said") + 1, end_of(e))) == "May");
}

TEST_CASE("reported clause: leading adverbial phrases vs clauses", "[quotes][clause]") {
  auto a = doc_of("Meanwhile, speaking to reporters, Berg said it was late.");
  CHECK(intro_phrase(a, 0, tok(a, "Berg") - 1));
  auto b = doc_of("On Monday, the bridge closed, Berg said.");
  CHECK_FALSE(intro_phrase(b, 0, tok(b, "Berg") - 1));
  auto c = doc_of("The economy is strong, Berg said.");
  CHECK_FALSE(intro_phrase(c, 0, tok(c, "Berg") - 1));
  auto d = doc_of("Adopted by a family in 1981, he says it was hard.");
  CHECK(intro_phrase(d, 0, tok(d, "he") - 1));
  auto e = doc_of("In a \"historic\" move, Berg said it was late.");
  CHECK_FALSE(intro_phrase(e, 0, tok(e, "Berg") - 1));  // quoted words may be the content
}

TEST_CASE("reported clause: 'that' as a complementiser", "[quotes][clause]") {
  auto a = doc_of("Berg told reporters on Tuesday that the tunnel was safe.");
  CHECK(that_after(a, tok(a, "told") + 1, end_of(a)) == tok(a, "that"));
  auto b = doc_of("Berg said he would explain that after the vote.");
  CHECK(that_after(b, tok(b, "said") + 1, end_of(b)) == -1);
  auto c = doc_of("Berg told the Gazette's \"Morning Desk\" that the ferry was safe.");
  CHECK(that_after(c, tok(c, "told") + 1, end_of(c)) == -1);
  CHECK(that_after(c, tok(c, "told") + 1, end_of(c), true) == tok(c, "that"));
}

TEST_CASE("reported clause: what cannot start a reported clause", "[quotes][clause]") {
  auto a = doc_of("She said it. She said it was late. She said this in a statement. He said this plan works.");
  const int32_t s1 = tok(a, "said");
  CHECK(not_a_content_start(a, s1 + 1, end_of(a)));
  const int32_t s2 = tok(a, "said", s1 + 1);
  CHECK_FALSE(not_a_content_start(a, s2 + 1, end_of(a)));
  const int32_t s3 = tok(a, "said", s2 + 1);
  CHECK(not_a_content_start(a, s3 + 1, end_of(a)));
  const int32_t s4 = tok(a, "said", s3 + 1);
  CHECK_FALSE(not_a_content_start(a, s4 + 1, end_of(a)));
  auto b = doc_of("He responded by leaving.");
  CHECK(not_a_content_start(b, tok(b, "by"), end_of(b)));
}

TEST_CASE("reported clause: addressees of 'told' and what may follow them", "[quotes][clause]") {
  auto a = doc_of("Rask told The Harbour Gazette she would sign.");
  const int32_t k = after_addressee(a, tok(a, "told") + 1, end_of(a));
  REQUIRE(k >= 0);
  CHECK(word_at(a, k) == "she");
  CHECK(opens_clause(a, k, end_of(a)));
  auto b = doc_of("Rask told his audience they had won.");
  CHECK(word_at(b, after_addressee(b, tok(b, "told") + 1, end_of(b))) == "they");
  auto c = doc_of("Rask told him to wait.");
  const int32_t m = after_addressee(c, tok(c, "told") + 1, end_of(c));
  CHECK(word_at(c, m) == "to");
  CHECK_FALSE(opens_clause(c, m, end_of(c)));
}

TEST_CASE("reported clause: requests and quoted labels", "[quotes][clause]") {
  auto a = doc_of("Rask asked the auditor whether the books were complete.");
  CHECK(request_follows(a, tok(a, "asked") + 1, end_of(a)));
  auto b = doc_of("Rask asked donors for money.");
  CHECK_FALSE(request_follows(b, tok(b, "asked") + 1, end_of(b)));
  auto c = doc_of("Holm called the deal \"a giveaway\" on Tuesday.");
  CHECK(label_follows(c, tok(c, "called") + 1, end_of(c)));
  auto d = doc_of("A group called Harbour Watch, which \"monitors\" ships, sued.");
  CHECK_FALSE(label_follows(d, tok(d, "called") + 1, end_of(d)));
}

TEST_CASE("reported clause: judgements need their reason", "[quotes][clause]") {
  auto a = doc_of("Holm accused the port authority of hiding the costs.");
  CHECK(reason_follows(a, tok(a, "accused") + 1, end_of(a)));
  auto b = doc_of("Holm praised the volunteers, who cleaned the beach for free.");
  CHECK_FALSE(reason_follows(b, tok(b, "praised") + 1, end_of(b)));
}
