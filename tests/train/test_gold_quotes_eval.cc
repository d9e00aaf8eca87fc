#include <catch2/catch.hpp>

#include "analyzer/train/gold_quotes_eval.h"

using namespace framelens;

namespace {

Span find_span(const Document& d, const std::string& needle) {
  const auto at = std::string_view(d.utf8).find(needle);
  REQUIRE(at != std::string_view::npos);  // ASCII text: bytes == code points
  return {static_cast<int32_t>(at), static_cast<int32_t>(at + needle.size())};
}

Quote found_quote(Span s, const std::string& kind, int32_t actor, const std::string& name) {
  Quote q;
  q.span = s;
  q.kind = kind;
  if (!name.empty() || actor >= 0) {
    QuoteSpeaker sp;
    sp.name = name;
    sp.actor = actor;
    q.speaker = sp;
  }
  return q;
}

}  // namespace

TEST_CASE("gold quotes eval: overlap >= 0.5 of the longer span, speakers by actor forms", "[train][gold_quotes]") {
  auto made = make_document(
      "Mayor Lena Hart said the bridge would reopen in May. \"We are on schedule,\" she said. "
      "Critics said the cost had doubled. Hart did not say the contract was final.", {});
  REQUIRE(made.ok());
  Document& d = *made;
  Actor hart;
  hart.name = "Lena Hart";
  hart.aliases = {"Hart"};
  d.actors.push_back(hart);

  GoldArticle g;
  g.id = "t1";
  g.actors.push_back({"Lena Hart", "person", true, 'f', {"Mayor Lena Hart", "Hart"}});
  g.quotes.push_back({"indirect", find_span(d, "the bridge would reopen in May"), "Lena Hart", {}, false});
  g.quotes.push_back({"direct", find_span(d, "We are on schedule,"), "Lena Hart", {}, false});
  g.quotes.push_back({"indirect", find_span(d, "the cost had doubled"), "", {}, false});
  g.quotes.push_back({"indirect", find_span(d, "the contract was final"), "Lena Hart", {}, true});

  // Found: the first quote too short (4 of 30 code points: no match), the direct one with the
  // speaker linked to the actor, the critics' quote unresolved, the negated one flagged.
  d.quotes.push_back(found_quote(find_span(d, "the bridge"), "indirect", 0, "Lena Hart"));
  d.quotes.push_back(found_quote(find_span(d, "We are on schedule"), "direct", 0, "Lena Hart"));
  d.quotes.push_back(found_quote(find_span(d, "the cost had doubled"), "indirect", -1, ""));
  Quote neg = found_quote(find_span(d, "the contract was final"), "indirect", 0, "Lena Hart");
  neg.negated = true;
  d.quotes.push_back(neg);

  GoldQuotesReport r;
  add_gold_quotes(d, g, r);
  const auto& all = r.by_kind[3];
  CHECK(all.gold == 3);           // the negated gold quote counts neither way when flagged
  CHECK(all.gold_found == 2);
  CHECK(all.found == 3);
  CHECK(all.found_right == 2);
  CHECK(all.speaker_n == 2);
  CHECK(all.speaker_ok == 2);     // Hart by actor, the critics as unresolved
  CHECK(r.by_kind[0].gold == 1);
  CHECK(r.by_kind[0].gold_found == 1);
  CHECK(r.by_kind[2].gold == 2);
  CHECK(r.by_kind[2].gold_found == 1);
  CHECK(r.gold_negated == 1);
  CHECK(r.negated_flagged == 1);
  CHECK(r.missed.size() == 1);
  CHECK(r.spurious.size() == 1);
}

TEST_CASE("gold quotes eval: a wrong or named speaker for a null gold speaker is wrong", "[train][gold_quotes]") {
  auto made = make_document("Officials said the plant would close. Hart said taxes would rise next year.", {});
  REQUIRE(made.ok());
  Document& d = *made;
  Actor hart;
  hart.name = "Lena Hart";
  d.actors.push_back(hart);
  Actor other;
  other.name = "Tom Berg";
  d.actors.push_back(other);
  GoldArticle g;
  g.id = "t2";
  g.actors.push_back({"Lena Hart", "person", true, 'f', {"Hart"}});
  g.quotes.push_back({"indirect", find_span(d, "the plant would close"), "", {}, false});
  g.quotes.push_back({"indirect", find_span(d, "taxes would rise next year"), "Lena Hart", {}, false});
  d.quotes.push_back(found_quote(find_span(d, "the plant would close"), "indirect", 1, "Tom Berg"));
  d.quotes.push_back(found_quote(find_span(d, "taxes would rise next year"), "indirect", 1, "Tom Berg"));
  GoldQuotesReport r;
  add_gold_quotes(d, g, r);
  CHECK(r.by_kind[3].gold_found == 2);
  CHECK(r.by_kind[3].speaker_ok == 0);
  CHECK(r.wrong_speaker.size() == 2);
  // A name that is one of the gold actor's forms is right even without an actor link.
  d.quotes[1] = found_quote(find_span(d, "taxes would rise next year"), "indirect", -1, "Hart");
  GoldQuotesReport r2;
  add_gold_quotes(d, g, r2);
  CHECK(r2.by_kind[3].speaker_ok == 1);
}
