#include <catch2/catch.hpp>

#include <sstream>

#include "analyzer/article/boilerplate.h"

using namespace framelens;

namespace {

Document doc_of(const std::string& text, const std::string& outlet = "") {
  DocMeta m;
  m.outlet = outlet;
  auto d = make_document(text, m);
  REQUIRE(d.ok());
  return std::move(*d);
}

// The lower-cased words the mask keeps, space-joined.
std::string kept(const Document& d, const std::vector<uint8_t>& keep) {
  std::string s;
  for (size_t i = 0; i < d.tokens.size(); ++i)
    if (keep[i] && d.tokens[i].kind == TokenKind::Word) s += (s.empty() ? "" : " ") + d.tokens[i].lower;
  return s;
}

}  // namespace

TEST_CASE("boilerplate: cue lines, bylines and in-article repeats are dropped", "[models][boilerplate]") {
  BoilerplateFilter f;
  Document d = doc_of(
      "By Maria Lopez\n\nThe county board approved the new bridge on Tuesday.\n\nAdvertisement\n\n"
      "Residents had waited years for the crossing.\n\nFollow us on Twitter for updates.\n\nAdvertisement");
  auto keep = f.keep_mask(d);
  REQUIRE(keep.size() == d.tokens.size());
  CHECK(kept(d, keep) ==
        "the county board approved the new bridge on tuesday residents had waited years for the crossing");
}

TEST_CASE("boilerplate: lines repeated across an outlet's articles are learned", "[models][boilerplate]") {
  BoilerplateFilter f;
  std::vector<BoilerplateFilter::DocLines> sigs;
  const char* bodies[] = {"Farm prices rose again this spring.", "The mayor resigned after the audit.",
                          "Rain delayed the harvest in the north."};
  for (const char* b : bodies)
    sigs.push_back(f.signature(doc_of(std::string(b) + "\n\nThe Daily Ledger is reader supported, chip in today.",
                                      "Daily Ledger")));
  f.learn(sigs);
  CHECK(f.learned_lines() >= 1);
  Document fresh = doc_of("Schools reopened after the storm.\n\nThe Daily Ledger is reader supported, chip in today.");
  CHECK(kept(fresh, f.keep_mask(fresh)) == "schools reopened after the storm");
  // The outlet's name is a self-reference and is masked wherever it occurs.
  Document named = doc_of("A reporter for the Daily Ledger asked the governor about the budget vote in the capital.");
  CHECK(kept(named, f.keep_mask(named)).find("ledger") == std::string::npos);
  // ... and so is its short form "the Ledger" (house style: "told the Times").
  Document short_ref = doc_of("The mayor told the Ledger on Monday that the ledger of fees would grow.");
  CHECK(kept(short_ref, f.keep_mask(short_ref)) == "the mayor told on monday that of fees would grow");

  std::stringstream ss;
  REQUIRE(f.write(ss).ok());
  auto back = BoilerplateFilter::read(ss, "mem");
  REQUIRE(back.ok());
  CHECK(kept(fresh, back->keep_mask(fresh)) == "schools reopened after the storm");
  std::stringstream bad("FLBOILERxx");
  CHECK_FALSE(BoilerplateFilter::read(bad, "bad").ok());
}

TEST_CASE("boilerplate: the record's own outlet name is masked", "[models][boilerplate]") {
  BoilerplateFilter f;
  Document d = doc_of("Speaking to Harbor Gazette, the minister defended the port tariff plan.", "Harbor Gazette - News");
  const std::string k = kept(d, f.keep_mask(d));
  CHECK(k.find("harbor") == std::string::npos);
  CHECK(k.find("minister defended the port tariff plan") != std::string::npos);
  CHECK(BoilerplateFilter::clean_outlet_name("CNN (Web News)") == "CNN");
  CHECK(BoilerplateFilter::clean_outlet_name("Guest Writer - Left").empty());
}
