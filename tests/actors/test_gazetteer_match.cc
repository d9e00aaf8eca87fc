#include <catch2/catch.hpp>

#include "analyzer/actors/gazetteer.h"

using namespace framelens;

namespace {

Gazetteer small_gazetteer() {
  GazetteerSources src;
  // "The Hill" wants its first word capitalised; "the left" (a group alias) takes it in any case.
  src.organizations = "organization\tThe Hill\ngroup\tthe left\tthe Left\n";
  src.non_actors = "The Mall\nCapitol Hill\n";  // "capitol" starts only capitalised phrases
  auto g = Gazetteer::from_sources(src);
  REQUIRE(g.ok());
  return std::move(*g);
}

const GazPhrase* match_at(const Gazetteer& g, const std::string& text, int32_t i) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  return g.match(*d, i, static_cast<int32_t>(d->tokens.size()));  // points into g, not the document
}

}  // namespace

TEST_CASE("gazetteer: first-word casing decides a match, also when a bucket is skipped") {
  const Gazetteer g = small_gazetteer();
  // Capitalised "The": the longest matching phrase of the bucket.
  const GazPhrase* p = match_at(g, "The Hill reported it.", 0);
  REQUIRE(p);
  CHECK(g.entry(p->entry).name == "The Hill");
  p = match_at(g, "The Mall was full.", 0);
  REQUIRE(p);
  CHECK(p->kind == AliasKind::NonActor);
  // Lower-case "the": the capitalised-only phrases cannot match; the any-case one still does.
  CHECK(match_at(g, "near the hill", 1) == nullptr);
  CHECK(match_at(g, "near the mall", 1) == nullptr);
  p = match_at(g, "on the left of it", 1);
  REQUIRE(p);
  CHECK(g.entry(p->entry).name == "the left");
  // A bucket without any-case phrases: skipped for a lower-case token, tried for a capitalised one.
  CHECK(match_at(g, "on capitol hill", 1) == nullptr);
  p = match_at(g, "on Capitol Hill", 1);
  REQUIRE(p);
  CHECK(p->kind == AliasKind::NonActor);
  p = match_at(g, "on CAPITOL HILL", 1);
  REQUIRE(p);
  CHECK(p->kind == AliasKind::NonActor);
  // A word that starts no phrase.
  CHECK(match_at(g, "nothing here", 0) == nullptr);
}
