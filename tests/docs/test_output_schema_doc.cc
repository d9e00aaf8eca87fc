// Keeps docs/output-schema.md true: every field the JSON report emits is documented there, and every
// documented field is emitted for an article that exercises all layers (with the shipped models).
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "analyzer/pipeline/pipeline.h"
#include "analyzer/report/json_report.h"

using namespace framelens;

namespace {

void collect(const nlohmann::ordered_json& j, const std::string& path, std::set<std::string>& out) {
  // "a[]" alone is the element of a list; the list itself ("a") and the elements' fields are listed.
  if (!path.empty() && (path.size() < 2 || path.compare(path.size() - 2, 2, "[]") != 0)) out.insert(path);
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) collect(v, path.empty() ? k : path + "." + k, out);
  } else if (j.is_array()) {
    for (const auto& v : j) collect(v, path + "[]", out);
  }
}

std::set<std::string> documented_fields() {
  std::ifstream in(std::string(FRAMELENS_SOURCE_DIR) + "/docs/output-schema.md");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
  auto begin = doc.find("## Fields");
  auto end = doc.find("## Streaming errors");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  doc = doc.substr(begin, end - begin);
  std::set<std::string> out;
  std::regex field("`([a-z_0-9\\[\\]\\.]+)` \\((int|string|number|bool|list|object)");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), field); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

// An article written for this test: a split quote, a pronoun speaker, loaded wording, actors.
const char* kArticle =
    "Senators clash over border bill\n\n"
    "WASHINGTON - Sen. Maria Lopez slammed the so-called reform on Tuesday, calling it a reckless "
    "giveaway to corporate lobbyists.\n\n"
    "\"This bill is a disaster,\" Lopez said, \"and the American people will pay for it.\"\n\n"
    "Her Republican rival, Sen. John Carter, insisted the plan would create jobs. He said the "
    "United States could not afford to wait.\n\n"
    "\"We have waited long enough,\" he told reporters in Washington.\n\n"
    "Lopez and Carter agreed that the vote should wait until March.\n\n"
    // Narration polar enough for an own-voice stance with evidence (article-level threshold).
    "Carter is a corrupt and dishonest fraud. Carter cheated voters, and Carter disgraced the Senate "
    "with his shameful lies.\n";

}  // namespace

TEST_CASE("output schema doc: documented fields == emitted fields", "[docs][schema]") {
  PipelineOptions o;
  o.models_dir = FRAMELENS_SOURCE_MODELS_DIR;
  auto p = Pipeline::load(o);
  REQUIRE(p.ok());
  if (!p->notes().empty()) {
    // A missing model would make this test compare against a partial output.
    for (const auto& n : p->notes()) WARN(n);
  }
  REQUIRE(p->notes().empty());
  InputRecord rec;
  rec.text = kArticle;
  rec.meta.id = "schema-test";
  const std::string t = rec.text;
  const int32_t lopez = static_cast<int32_t>(std::u32string_view(U"Senators clash over border bill\n\nWASHINGTON - Sen. Maria ").size());
  rec.targets.push_back({lopez, lopez + 5});
  auto doc = p->analyze(rec);
  REQUIRE(doc.ok());
  std::set<std::string> emitted;
  collect(to_json(*doc), "", emitted);
  const auto documented = documented_fields();
  for (const auto& f : emitted) {
    INFO("emitted but not documented: " << f);
    CHECK(documented.count(f) == 1);
  }
  for (const auto& f : documented) {
    INFO("documented but not emitted: " << f);
    CHECK(emitted.count(f) == 1);
  }
}
