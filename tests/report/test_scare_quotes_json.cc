// Scare quotes found by the quotes stage reach the `score` JSON as loaded terms of category
// `scare_quote` (through the loaded-wording stage), and quoted speech does not.
#include <catch2/catch.hpp>

#include "analyzer/pipeline/pipeline.h"
#include "analyzer/report/json_report.h"

using namespace framelens;

TEST_CASE("json report: scare quotes are emitted as scare_quote terms", "[report][scare]") {
  PipelineOptions o;
  o.models_dir = FRAMELENS_SOURCE_MODELS_DIR;
  auto p = Pipeline::load(o);
  REQUIRE(p.ok());
  InputRecord rec;
  rec.text =
      "The council approved the so-called \"efficiency\" plan on Monday.\n\n"
      "\"The plan cuts two ferry routes,\" said Mayor Anja Roos.";
  auto doc = p->analyze(rec);
  REQUIRE(doc.ok());
  const auto j = to_json(*doc);
  std::vector<std::string> scare;
  for (const auto& t : j["loaded_terms"]) {
    if (t["category"] == "scare_quote") scare.push_back(t["text"].get<std::string>());
  }
  CHECK(scare == std::vector<std::string>{"efficiency"});
  // The direct quote is a quote, not a scare quote.
  REQUIRE(j["quotes"].size() == 1);
  CHECK(j["quotes"][0]["kind"] == "direct");
}
