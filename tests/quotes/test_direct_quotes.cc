#include <catch2/catch.hpp>

#include "tests/quotes/quote_test_util.h"

using namespace framelens;
using namespace framelens::quotes_test;

TEST_CASE("direct quotes: straight and curly marks, speaker after the quote", "[quotes][direct]") {
  auto d = annotate(
      "\"The river rose two metres overnight,\" said Hana Ilves, the regional flood coordinator.\n\n"
      "\u201CWe moved forty families before midnight,\u201D Ilves said.");
  REQUIRE(count_kind(d, "direct") == 2);
  const Quote* a = find_quote(d, "river rose", "direct");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "The river rose two metres overnight,");
  CHECK(speaker_name(*a) == "Hana Ilves");
  REQUIRE(a->cue);
  CHECK(a->cue->lemma == "say");
  CHECK_FALSE(a->cue->loaded);
  const Quote* b = find_quote(d, "forty families", "direct");
  REQUIRE(b);
  CHECK(speaker_name(*b) == "Hana Ilves");  // surname resolved to the full name seen before
  CHECK(text_of(d, b->speaker->span) == "Ilves");
}

TEST_CASE("direct quotes: split by the attribution gives one quote with fragments", "[quotes][direct]") {
  auto d = annotate("\"We hope,\" the harbour master said, \"that the ferries run again by Friday.\"");
  REQUIRE(count_kind(d, "direct") == 1);
  const Quote& q = d.quotes[0];
  REQUIRE(q.fragments.size() == 2);
  CHECK(text_of(d, q.fragments[0]) == "We hope,");
  CHECK(text_of(d, q.fragments[1]) == "that the ferries run again by Friday.");
  CHECK(q.span.start == q.fragments[0].start);
  CHECK(q.span.end == q.fragments[1].end);
  CHECK(text_of(d, q.speaker->span) == "the harbour master");
}

TEST_CASE("direct quotes: the sentence after a mid-quote attribution joins the quote", "[quotes][direct]") {
  auto d = annotate(
      "\u201CThe budget is balanced,\u201D Treasurer Ole Brandt said at the briefing. \u201CNobody should "
      "expect new taxes.\u201D");
  REQUIRE(count_kind(d, "direct") == 1);
  CHECK(d.quotes[0].fragments.size() == 2);
  CHECK(speaker_name(d.quotes[0]) == "Ole Brandt");
}

TEST_CASE("direct quotes: a quote running over several paragraphs is one quote", "[quotes][direct]") {
  auto d = annotate(
      "Lina Sorensen, who runs the shelter, described the night.\n\n"
      "\u201CThe water came through the doors at two in the morning. We carried the children upstairs.\n\n"
      "\u201CBy dawn the whole street was a river.\u201D\n\n"
      "The shelter reopened on Tuesday.");
  REQUIRE(count_kind(d, "direct") == 1);
  const Quote& q = d.quotes[0];
  REQUIRE(q.fragments.size() == 2);
  CHECK(text_of(d, q.fragments[1]) == "By dawn the whole street was a river.");
}

TEST_CASE("direct quotes: nested single quotes stay inside", "[quotes][direct]") {
  auto d = annotate("\"They told us it was 'a routine check,' and then they took the files,\" said Piet Vos.");
  const Quote* q = find_quote(d, "routine check", "direct");
  REQUIRE(q);
  CHECK(text_of(d, q->span) == "They told us it was 'a routine check,' and then they took the files,");
  CHECK(speaker_name(*q) == "Piet Vos");
}

TEST_CASE("direct quotes: introduced by a colon, and across a paragraph break", "[quotes][direct]") {
  auto d = annotate(
      "Police Chief Maren Lund put it bluntly: \"Nobody drives on that road until it is inspected.\"\n\n"
      "The union leader, Tomas Eklund, wrote in a letter:\n\n"
      "\"Our members were never consulted about the closure.\"");
  const Quote* a = find_quote(d, "Nobody drives", "direct");
  REQUIRE(a);
  CHECK(speaker_name(*a) == "Maren Lund");
  const Quote* b = find_quote(d, "never consulted", "direct");
  REQUIRE(b);
  CHECK(speaker_name(*b) == "Tomas Eklund");
  REQUIRE(b->cue);
  CHECK(b->cue->lemma == "write");
}

TEST_CASE("direct quotes: dash attribution", "[quotes][direct]") {
  // (A body sentence first: a lone short line without a final stop is a headline, and headlines
  // hold no quotes.)
  auto d = annotate(
      "The storm destroyed forty houses on Elm Street last week.\n\n"
      "\"We will rebuild every house on this street.\" \u2014 Commissioner Dara Quinn, at the council meeting.");
  REQUIRE(count_kind(d, "direct") == 1);
  CHECK(speaker_name(d.quotes[0]) == "Dara Quinn");
  CHECK_FALSE(d.quotes[0].cue.has_value());
}

TEST_CASE("direct quotes: loaded cues", "[quotes][direct]") {
  auto d = annotate(
      "\"The figures were never hidden,\" the minister insisted.\n\n"
      "\"We made mistakes,\" Deputy Mayor Ruth Okafor conceded on Monday.");
  const Quote* a = find_quote(d, "never hidden", "direct");
  REQUIRE(a);
  REQUIRE(a->cue);
  CHECK(a->cue->lemma == "insist");
  CHECK(a->cue->loaded);
  const Quote* b = find_quote(d, "mistakes", "direct");
  REQUIRE(b);
  CHECK(b->cue->lemma == "concede");
  CHECK(b->cue->loaded);
  CHECK(speaker_name(*b) == "Ruth Okafor");
}

TEST_CASE("direct quotes: scare quotes and titles are not speech", "[quotes][direct][scare]") {
  auto d = annotate(
      "The council approved the so-called \"efficiency\" plan after a debate on \"Morning Report With "
      "Anna Kask.\" Critics called the cuts \"a betrayal.\"");
  CHECK(count_kind(d, "direct") == 0);
  REQUIRE(d.scare_quotes.size() == 1);
  CHECK(text_of(d, d.scare_quotes[0]) == "efficiency");
}

TEST_CASE("direct quotes: a partial quote inside reported speech makes a mixed quote", "[quotes][direct]") {
  auto d = annotate("The director said she was \"well aware\" of the risks before the dam failed.");
  CHECK(count_kind(d, "direct") == 0);
  const Quote* q = find_quote(d, "well aware", "mixed");
  REQUIRE(q);
  CHECK(text_of(d, q->span) == "she was \"well aware\" of the risks before the dam failed");
  CHECK(text_of(d, q->speaker->span) == "The director");
}

TEST_CASE("direct quotes: a closing glyph that opens a paragraph opens the quote", "[quotes][direct][marks]") {
  // Converted text often has the wrong curly glyph; the spacing decides.
  auto d = annotate(
      "Residents of the valley told us what they think.\n\n"
      "\u201DThe levee will not hold another spring. Nobody in the town hall listens to us.\u201D \u2015 Mara Tenn.\n\n"
      "The harbour master put it plainly: \u201DWe close the port at six.\u201D");
  const Quote* a = find_quote(d, "levee will not hold", "direct");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "The levee will not hold another spring. Nobody in the town hall listens to us.");
  CHECK(speaker_name(*a) == "Mara Tenn");
  const Quote* b = find_quote(d, "close the port", "direct");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "We close the port at six.");
}

TEST_CASE("direct quotes: the attribution sentence goes on before the next piece", "[quotes][direct]") {
  auto d = annotate(
      "\"I think the ferry will run on time,\" Captain Ilse Borg said at a meeting in Kuressaare, Estonia, "
      "\"but nobody can promise the weather.\"");
  REQUIRE(count_kind(d, "direct") == 1);
  REQUIRE(d.quotes[0].fragments.size() == 2);
  CHECK(text_of(d, d.quotes[0].fragments[1]) == "but nobody can promise the weather.");
  CHECK(speaker_name(d.quotes[0]) == "Ilse Borg");

  // A second cue in between starts a new attribution.
  auto e = annotate(
      "\"We cannot pay for the bridge anymore,\" Borg said, adding later, \"The port costs us a fortune.\"");
  CHECK(count_kind(e, "direct") == 2);
}

TEST_CASE("direct quotes: a party-state tag in the attribution does not cut the quote", "[quotes][direct]") {
  auto d = annotate(
      "\"This is a sad day,\" said Rep. Ola Berg (D-N.C.), head of the rural caucus. \"The dam should "
      "never have failed. The warnings were ignored.\"");
  REQUIRE(count_kind(d, "direct") == 1);
  CHECK(d.quotes[0].fragments.size() == 2);
  CHECK(speaker_name(d.quotes[0]) == "Ola Berg");
}

TEST_CASE("direct quotes: quoted words after a verb", "[quotes][direct][partial]") {
  // Inside the writer's sentence: a partial quote, not speech.
  auto d = annotate("The police reported \"2,500 break-ins\" in the city last year.");
  CHECK(count_kind(d, "direct") == 0);

  // A quoted object that ends the sentence is quoted wording, spoken by the subject.
  auto e = annotate("Protesters marching through the streets chanted \"What curfew?\" and kept going until dawn.");
  const Quote* q = find_quote(e, "What curfew?", "direct");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Protesters");

  auto f = annotate("On the discharge form, a nurse had typed \"severe dehydration.\"");
  const Quote* g = find_quote(f, "severe dehydration", "direct");
  REQUIRE(g);
  CHECK(text_of(f, g->speaker->span) == "a nurse");

  // Not after a copula, not inside reported speech, not after "so-called".
  auto h = annotate(
      "The director said she was \"well aware.\" The agency said the plant had shown \"complete disregard "
      "of the rules.\" Critics mocked the so-called \"efficiency drive.\"");
  CHECK(count_kind(h, "direct") == 0);
}

TEST_CASE("direct quotes: quoted transcript turns are not attributed speech", "[quotes][direct]") {
  auto d = annotate(
      "Partial transcript as follows:\n\n"
      "\"HOST: Let's start with the storm. Will the levee hold?\n\n"
      "\"MAYOR ROOS: We think it will hold until Friday.\"\n\n"
      "\"The levee will hold,\" Mayor Anja Roos said later.");
  REQUIRE(count_kind(d, "direct") == 1);
  CHECK(text_of(d, d.quotes[0].span) == "The levee will hold,");
}

TEST_CASE("direct quotes: a lower-case piece in mid-sentence is quoted wording, not a direct quote",
          "[quotes][direct][partial]") {
  auto d = annotate(
      "Ruiz said on the other hand, \"the old ferry works fine if the weather holds.\" With dozens of "
      "small harbours, \"there is no single point of failure,\" she said. The mayor said \"the question "
      "is the money.\"");
  CHECK(count_kind(d, "direct") == 0);
  // A capitalised piece after the same lead, and a second piece of a split quote, stay direct.
  auto e = annotate(
      "Ruiz said on the other hand, \"The old ferry works fine if the weather holds.\"\n\n"
      "\"We hope,\" Ruiz said, \"that the new one arrives by spring.\"");
  CHECK(count_kind(e, "direct") == 2);
  const Quote* q = find_quote(e, "We hope", "direct");
  REQUIRE(q);
  CHECK(q->fragments.size() == 2);
}

TEST_CASE("direct quotes: a quote left open at the end of the text", "[quotes][direct][fuzz]") {
  // Found by fuzz_quotes: flagging the tokens of an unclosed quote wrote one past the last token
  // (the quote has no closing mark, its content already runs to the end of the paragraph).
  const std::string text =
      "The council met on Monday to discuss the storm damage across the city.\n\n"
      "Mayor Ana Diaz said:\n\n\"We will rebuild the bridge before winter and nobody is left behind";
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  QuoteScan scan;
  std::vector<Span> scare;
  find_direct_quotes(*d, DirectQuoteOptions{}, scan, scare);
  REQUIRE(scan.tok_flags.size() == d->tokens.size());
  REQUIRE(scan.drafts.size() == 1);
  CHECK(text_of(*d, scan.drafts[0].quote.span) == "We will rebuild the bridge before winter and nobody is left behind");
  CHECK((scan.tok_flags.back() & kTokInDirect) != 0);  // the last content token is inside the quote

  auto full = annotate(text);
  REQUIRE(count_kind(full, "direct") == 1);
  CHECK(full.quotes[0].span.end == full.size());
  CHECK(speaker_name(full.quotes[0]) == "Ana Diaz");
}
