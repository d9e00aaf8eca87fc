#include <catch2/catch.hpp>

#include "analyzer/quotes/attribution.h"
#include "analyzer/quotes/cue_lexicon.h"
#include "tests/test_doc.h"

using namespace framelens;

namespace {

// Token index of the n-th double quotation mark.
int32_t mark(const Document& d, int n) {
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (d.tokens[i].kind == TokenKind::Quote && d.norm[d.tokens[i].span.start] == U'"' && n-- == 0) {
      return static_cast<int32_t>(i);
    }
  }
  FAIL("not enough quotation marks");
  return -1;
}

int32_t n_tokens(const Document& d) { return static_cast<int32_t>(d.tokens.size()); }

}  // namespace

TEST_CASE("attribution after the closing mark", "[quotes][attribution]") {
  auto d = doc_of("\"The levee held,\" the county engineer said on Sunday.");
  auto a = attribution_after(d, mark(d, 1) + 1, n_tokens(d));
  REQUIRE(a.found());
  REQUIRE(a.cue);
  CHECK(a.cue->lemma == "say");
  CHECK(std::string(d.slice(a.speaker.head)) == "the county engineer");

  auto s = doc_of("\"The levee held,\" said Mayor Ines Falk.");
  auto sa = attribution_after(s, mark(s, 1) + 1, n_tokens(s));
  REQUIRE(sa.found());
  CHECK(sa.speaker.name == "Ines Falk");

  // Dash attribution has a speaker and no verb.
  auto dash = doc_of("\"We will rebuild every house\" \u2014 Commissioner Dara Quinn");
  auto da = attribution_after(dash, mark(dash, 1) + 1, n_tokens(dash));
  REQUIRE(da.found());
  CHECK(da.cue_tok == -1);
  CHECK(da.speaker.name == "Dara Quinn");
}

TEST_CASE("attribution after a quote that ended its sentence needs a short 'X said.'", "[quotes][attribution]") {
  auto d = doc_of("\"The levee held.\" He said it was luck.");
  auto a = attribution_after(d, mark(d, 1) + 1, n_tokens(d));
  CHECK_FALSE(a.found());
}

TEST_CASE("attribution before the opening mark", "[quotes][attribution]") {
  auto d = doc_of("The governor told reporters: \"We are not leaving.\"");
  auto a = attribution_before(d, mark(d, 0), 0);
  REQUIRE(a.found());
  CHECK(a.cue->lemma == "tell");
  CHECK(std::string(d.slice(a.speaker.head)) == "The governor");

  auto acc = doc_of("According to Nadia Brun, \"the vote is lost.\"");
  auto aa = attribution_before(acc, mark(acc, 0), 0);
  REQUIRE(aa.found());
  CHECK(aa.cue->lemma == "according to");
  CHECK(aa.speaker.name == "Nadia Brun");

  // No colon, comma or verb right before the mark: no leading attribution.
  auto none = doc_of("The governor visited the \"new\" levee.");
  CHECK_FALSE(attribution_before(none, mark(none, 0), 0).found());
}

TEST_CASE("attribution before: participles, addressees, adverbs", "[quotes][attribution]") {
  // "adding" belongs to the speaker of the finite verb before it.
  auto d = doc_of("The talks will resume next week, Vera Lind said, adding, \"Nobody is walking away.\"");
  auto a = attribution_before(d, mark(d, 0), 0);
  REQUIRE(a.found());
  CHECK(a.cue->lemma == "add");
  CHECK(a.speaker.name == "Vera Lind");

  // After "told", the name is the addressee; "later Thursday" sits between subject and verb.
  auto t = doc_of("Priebus later Thursday told Radio Nord: \"The meeting is on.\"");
  auto ta = attribution_before(t, mark(t, 0), 0);
  REQUIRE(ta.found());
  CHECK(ta.speaker.name == "Priebus");

  auto r = doc_of("The crowd booed, with Mayor Edda Krohn reportedly shouting: \"Go home!\"");
  auto ra = attribution_before(r, mark(r, 0), 0);
  REQUIRE(ra.found());
  CHECK(ra.speaker.name == "Edda Krohn");
}

TEST_CASE("attribution: speakers of participles, tagged names and descriptions", "[quotes][attribution]") {
  // After a comma, the participle's speaker is the clause subject, not the name before the comma.
  auto d = doc_of("Later, Mayor Ann Holt criticised the council over delays in Tallinn, saying, \"It will ruin the waterfront.\"");
  auto a = attribution_before(d, mark(d, 0), 0);
  REQUIRE(a.found());
  CHECK(a.speaker.name == "Ann Holt");

  // Lower-case modifiers before a title and a party-state tag after the name.
  auto e = doc_of("\"Subpoenas are not optional,\" panel Chairman Rep. Jo Ames (R-Utah) said.");
  auto b = attribution_after(e, mark(e, 1) + 1, n_tokens(e));
  REQUIRE(b.found());
  CHECK(b.speaker.name == "Jo Ames");

  // A description as the subject right before the verb.
  auto f = doc_of("The Danish businessman says of the plan, \"It will never pay for itself.\"");
  auto c = attribution_before(f, mark(f, 0), 0);
  REQUIRE(c.found());
  CHECK(std::string(f.slice(c.speaker.head)) == "The Danish businessman");

  // A verb whose object is the quote, after an introductory phrase.
  auto g = doc_of("In an August speech, Governor Ruth Alder attacked \"the reckless plan.\"");
  auto v = attribution_of_verb(g, mark(g, 0) - 1, 0);
  REQUIRE(v.found());
  CHECK(v.speaker.name == "Ruth Alder");
  CHECK(v.cue_tok < 0);  // "attacked" is not a reporting verb
}

TEST_CASE("attribution after: modifiers before a name, a head before a prepositional phrase", "[quotes][attribution]") {
  auto d = doc_of("\"They are wrong,\" said 9/11 widow Mira Sand.");
  auto a = attribution_after(d, mark(d, 1) + 1, n_tokens(d));
  REQUIRE(a.found());
  CHECK(a.speaker.name == "Mira Sand");

  auto e = doc_of("\"Why did he not pay?\" a narrator in the campaign ad asks.");
  auto b = attribution_after(e, mark(e, 1) + 1, n_tokens(e));
  REQUIRE(b.found());
  CHECK(std::string(e.slice(b.speaker.head)) == "a narrator");
}
