#include <catch2/catch.hpp>

#include "analyzer/stance/stance_actor.h"

using namespace framelens;

namespace {

// Quote 0 a fragment [20,30) inside quote 1, an indirect report [10,5000); quote 2 a direct quote
// split by its attribution into [6000,6010) and [6020,6030).
Document nested_quotes() {
  Document d;
  Quote outer;
  outer.span = {10, 5000};
  Quote inner;
  inner.span = {20, 30};
  Quote split;
  split.span = {6000, 6010};
  split.fragments = {{6000, 6010}, {6020, 6030}};
  d.quotes = {inner, outer, split};
  return d;
}

}  // namespace

TEST_CASE("quote contents: a mention inside any content, nested, split or long", "[stance]") {
  const Document d = nested_quotes();
  const QuoteContents q(d);
  CHECK(q.contains({12, 15}));      // in the long outer content only
  CHECK(q.contains({22, 25}));      // in both
  CHECK(q.contains({4990, 5000}));  // far from the outer content's start
  CHECK_FALSE(q.contains({4995, 5005}));  // runs past the end
  CHECK_FALSE(q.contains({5, 12}));       // starts before every content
  CHECK(q.contains({6022, 6025}));        // the second piece of the split quote
  CHECK_FALSE(q.contains({6012, 6015}));  // the attribution between the pieces
  CHECK_FALSE(QuoteContents(Document{}).contains({0, 1}));
}

TEST_CASE("quote contents: which quote holds a mention", "[stance]") {
  const Document d = nested_quotes();
  const QuoteContents q(d);
  CHECK(q.quote_of({22, 25}) == 0);      // in both: the one starting latest (the fragment)
  CHECK(q.quote_of({12, 15}) == 1);      // the outer content only
  CHECK(q.quote_of({4990, 5000}) == 1);  // far from its start, past the inner one
  CHECK(q.quote_of({6022, 6025}) == 2);  // the second piece of the split quote
  CHECK(q.quote_of({6012, 6015}) == -1); // between the pieces
  CHECK(q.quote_of({5, 12}) == -1);
}
