#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "analyzer/text/document.h"
#include "analyzer/text/zones.h"

using namespace framelens;

namespace {

// Zone of the sentence that starts with `prefix`.
Zone zone_of(const Document& d, const std::string& prefix) {
  for (const auto& s : d.sentences) {
    if (std::string(d.slice(s.span)).rfind(prefix, 0) == 0) return s.zone;
  }
  FAIL("no sentence starts with " << prefix);
  return Zone::Body;
}

Document doc(const std::string& text, const ZoneTable* table = nullptr) {
  auto d = make_document(text, DocMeta{}, false, table);
  REQUIRE(d.ok());
  return std::move(*d);
}

const std::string kArticle =
    "World / Asia / Koreas\n\n"
    "Envoy sent to Beijing to mend frayed ties\n\n"
    "By Jane Roe\n\n"
    "The foreign minister greets the envoy in Beijing on May 18. (Photo by AFP)\n\n"
    "China has asked the new government in Seoul to make efforts toward improving relations between the two countries.\n\n"
    "The envoy said on Thursday that the talks would cover the missile system and the North's nuclear programme.\n\n"
    "What comes next\n\n"
    "Officials in both capitals expect a second round of talks before the end of the month, diplomats said.\n\n"
    "Sign up for our daily newsletter\n\n"
    "Jane Roe is a reporter for the Daily Ledger.\n";

}  // namespace

TEST_CASE("zones: headline, byline, caption, body, sub-headline and site text of one article", "[zones]") {
  const Document d = doc(kArticle);
  CHECK(zone_of(d, "World / Asia") == Zone::Boilerplate);
  CHECK(zone_of(d, "Envoy sent to Beijing") == Zone::Headline);
  CHECK(zone_of(d, "By Jane Roe") == Zone::Byline);
  CHECK(zone_of(d, "Envoy sent") == Zone::Headline);
  CHECK(zone_of(d, "The foreign minister greets") == Zone::Caption);
  CHECK(zone_of(d, "China has asked") == Zone::Body);
  CHECK(zone_of(d, "What comes next") == Zone::Headline);
  CHECK(zone_of(d, "Officials in both") == Zone::Body);
  CHECK(zone_of(d, "Sign up for") == Zone::Boilerplate);
  CHECK(zone_of(d, "Jane Roe is a reporter") == Zone::Boilerplate);
  for (const auto& s : d.sentences) CHECK_FALSE(s.zone_reason.empty());
}

TEST_CASE("zones: captions by cue and by shape", "[zones]") {
  const Document d = doc(
      "The senator spoke to reporters in the Capitol on Tuesday about the spending bill and its chances.\n\n"
      "FILE PHOTO: The Capitol dome is seen in Washington\n\n"
      "Protesters wave flags and hold up pictures of the senator during a march near the Capitol building\n\n"
      "The bill passed the chamber late on Wednesday after a long debate over the cost of the programme.\n");
  CHECK(zone_of(d, "FILE PHOTO") == Zone::Caption);
  CHECK(zone_of(d, "Protesters wave flags") == Zone::Caption);
  CHECK(zone_of(d, "The bill passed") == Zone::Body);
}

TEST_CASE("zones: a single article with no outlet gets pattern zones; every sentence is body by default", "[zones]") {
  const Document d = doc("The council met on Monday. It approved the budget for the coming year after a short debate.");
  for (const auto& s : d.sentences) CHECK(s.zone == Zone::Body);
}

TEST_CASE("zones: an embedded tweet stays body text", "[zones]") {
  const Document d = doc(
      "The candidate answered his critics on social media late on Monday night, hours after the debate ended.\n\n"
      "This race is going to be fun pic.twitter.com/abc123 — Sam Doe (@samdoe) May 2, 2019\n\n"
      "His campaign later said the post was meant as a joke and that he would keep campaigning in the state.\n");
  CHECK(zone_of(d, "This race is going") == Zone::Body);
}

TEST_CASE("zones: the learned table turns an outlet's repeated line into site text", "[zones]") {
  const std::string text =
      "The mayor said the new bus lines would open in the spring after a year of delays and cost overruns.\n\n"
      "Keep reading for more\n\n"
      "Riders have complained for months about crowded buses and long waits at the main stations downtown.\n";
  const Document plain = doc(text);
  CHECK(zone_of(plain, "Keep reading for more") == Zone::Headline);  // the shape alone says sub-headline
  std::vector<uint64_t> hashes;
  for (const TextLine& l : text_lines(plain)) {
    if (std::string(plain.slice(plain.sentences[l.first_sentence].span)).rfind("Keep reading", 0) == 0) hashes.push_back(l.hash);
  }
  REQUIRE(hashes.size() == 1);
  const ZoneTable table(hashes);
  const Document learned = doc(text, &table);
  CHECK(zone_of(learned, "Keep reading for more") == Zone::Boilerplate);
  CHECK(zone_of(learned, "The mayor said") == Zone::Body);
}

TEST_CASE("zones: line hashes ignore numbers, so a copyright year does not split a line", "[zones]") {
  const Document a = doc("Copyright 2019 The Daily Ledger. All rights reserved.");
  const Document b = doc("Copyright 2020 The Daily Ledger. All rights reserved.");
  const auto la = text_lines(a), lb = text_lines(b);
  REQUIRE(la.size() == 1);
  REQUIRE(lb.size() == 1);
  CHECK(la[0].hash == lb[0].hash);
  CHECK(la[0].hash != 0);
}

TEST_CASE("zones: an inline link box (The Hill's MORE links) is set aside token by token", "[zones]") {
  const Document d = doc(
      "The company said hiring President Trump Donald John TrumpSenators balk at long trial MORE's lawyer was a mistake.");
  bool lawyer_body = false, balk_aside = false, trump_body = false;
  for (int32_t k = 0; k < static_cast<int32_t>(d.tokens.size()); ++k) {
    const std::string w = d.tokens[k].lower;
    if (w == "lawyer") lawyer_body = d.token_in_body(k);
    if (w == "balk") balk_aside = !d.token_in_body(k);
    if (w == "trump") trump_body = d.token_in_body(k);  // the first "Trump": the text's own words
  }
  CHECK(lawyer_body);
  CHECK(balk_aside);
  CHECK(trump_body);
}

TEST_CASE("zones: the zone table round-trips and rejects a bad file", "[zones]") {
  const ZoneTable t({3, 5, 9});
  std::stringstream ss;
  REQUIRE(t.write(ss).ok());
  auto r = ZoneTable::read(ss, "mem");
  REQUIRE(r.ok());
  CHECK(r->contains(5));
  CHECK_FALSE(r->contains(4));
  std::stringstream bad("not a table");
  CHECK_FALSE(ZoneTable::read(bad, "bad").ok());
}

TEST_CASE("zones: names round-trip", "[zones]") {
  for (Zone z : {Zone::Body, Zone::Headline, Zone::Standfirst, Zone::Byline, Zone::Dateline, Zone::Caption, Zone::Boilerplate}) {
    Zone back = Zone::Body;
    REQUIRE(zone_from_name(zone_name(z), back));
    CHECK(back == z);
  }
  Zone out;
  CHECK_FALSE(zone_from_name("footer", out));
}

TEST_CASE("zones: a summary line between headline and byline is the standfirst; a first paragraph after a headline is body", "[zones]") {
  const Document a = doc("Envoy heads to Beijing\n\nThe visit follows months of strain over the missile system.\n\nBy Jane Roe\n\n"
                         "China has asked the new government in Seoul to make efforts toward improving relations between the two countries.\n");
  CHECK(zone_of(a, "The visit follows") == Zone::Standfirst);
  const Document b = doc("Envoy meets minister\n\nThe envoy, former Prime Minister Park Min-su, met officials in Beijing.\n\n"
                         "Park told reporters that the talks went well and that both sides wanted to meet again soon.\n");
  CHECK(zone_of(b, "The envoy, former") == Zone::Body);
}

TEST_CASE("zones: a text with no running-text line (a headline scored alone) is analysed as text", "[zones]") {
  const Document d = doc("Why Liberals Should Back Neil Gorsuch");
  REQUIRE(d.sentences.size() == 1);
  CHECK(d.sentences[0].zone == Zone::Body);
}

TEST_CASE("zones: odd lines (punctuation only, a leading dot, empty lines) get a zone", "[zones]") {
  for (const char* text : {". A\n\n.\n", ".\n", "...\n\n- -\n\nBy\n", "(\n)\n", "@\n\n#\n", "FILE\n"}) {
    auto d = make_document(text, DocMeta{});
    REQUIRE(d.ok());
    for (const auto& s : d->sentences) CHECK_FALSE(s.zone_reason.empty());
  }
}
