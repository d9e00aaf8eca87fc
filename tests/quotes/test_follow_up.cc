#include <catch2/catch.hpp>

#include "tests/quotes/quote_test_util.h"

using namespace framelens;
using namespace framelens::quotes_test;

TEST_CASE("follow-up quote: a quoted sentence after a report continues it", "[quotes][follow_up]") {
  auto d = annotate(
      "The ferry may stop running in winter, Mayor Marta Ruiz said. \"Nobody wants to pay for "
      "the ice breaker.\"");
  CHECK(count_kind(d, "direct") == 0);
  const Quote* q = find_quote(d, "ferry may stop", "mixed");
  REQUIRE(q);
  REQUIRE(q->fragments.size() == 2);
  CHECK(text_of(d, q->fragments[0]) == "The ferry may stop running in winter");
  CHECK(text_of(d, q->fragments[1]) == "Nobody wants to pay for the ice breaker.");
  CHECK(speaker_name(*q) == "Marta Ruiz");
}

TEST_CASE("follow-up quote: the report may hold a partial quote before its attribution", "[quotes][follow_up]") {
  auto d = annotate(
      "The council achieved \"too little,\" Lena Dorn added on Monday. \"Without money the harbour will close.\"");
  CHECK(count_kind(d, "direct") == 0);
  const Quote* q = find_quote(d, "too little", "mixed");
  REQUIRE(q);
  REQUIRE(q->fragments.size() == 2);
  CHECK(text_of(d, q->fragments[0]) == "The council achieved \"too little,\"");
  CHECK(speaker_name(*q) == "Lena Dorn");

  // Inverted attribution after the partial quote.
  auto e = annotate(
      "Shelters are \"not meeting the need,\" says Lara Voss, director of the Eastside shelter. \"We turn "
      "people away every night.\"");
  CHECK(count_kind(e, "direct") == 0);
  const Quote* r = find_quote(e, "not meeting the need", "mixed");
  REQUIRE(r);
  CHECK(r->fragments.size() == 2);
  CHECK(speaker_name(*r) == "Lara Voss");
}

TEST_CASE("follow-up quote: a new paragraph or an attributed quote stays a direct quote", "[quotes][follow_up]") {
  auto d = annotate("The ferry may stop running in winter, Marta Ruiz said.\n\n\"Nobody wants to pay for it.\"");
  CHECK(count_kind(d, "direct") == 1);
  auto e = annotate(
      "The ferry may stop running in winter, Marta Ruiz said. \"Nobody wants to pay for it,\" she added.");
  const Quote* q = find_quote(e, "Nobody wants", "direct");
  REQUIRE(q);
  CHECK(q->fragments.empty());
}
