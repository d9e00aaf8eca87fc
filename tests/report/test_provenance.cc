#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "analyzer/core/build_info.h"
#include "analyzer/report/provenance.h"
#include "../test_temp.h"

using namespace framelens;

TEST_CASE("provenance: version, commit, models with SHA-256, command, fixed time", "[provenance]") {
  framelens_test::TempDir t("framelens-provenance");
  std::filesystem::create_directories(t.dir / "loaded");
  {
    std::ofstream(t.file("loaded/terms.tsv"), std::ios::binary) << "abc";
    std::ofstream(t.file("card.md"), std::ios::binary) << "not a model";
  }
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  auto p = collect_provenance(t.dir.string(), {"batch", "in put.jsonl", "--out", "r"});
  ::unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(p.ok());
  CHECK(p->time == "2023-11-14T22:13:20Z");
  CHECK(p->command == "framelens batch 'in put.jsonl' --out r");
  CHECK(p->version == std::string(build_version()));
  CHECK_FALSE(p->commit.empty());
  REQUIRE(p->models.size() == 1);  // the model card is left out
  CHECK(p->models[0].path == "loaded/terms.tsv");
  CHECK(p->models[0].bytes == 3);
  CHECK(p->models[0].sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto j = nlohmann::json::parse(provenance_json(*p));
  CHECK(j["git_commit"] == p->commit);
  CHECK(j["models"][0]["sha256"] == p->models[0].sha256);
  auto r = nlohmann::json::parse(run_json(*p, 5, 4, 1));
  CHECK(r["records"]["skipped"] == 1);
  CHECK(r["time"] == "2023-11-14T22:13:20Z");
  const std::string html = with_provenance_html("<html><body><p>x</p></body></html>", *p);
  CHECK(html.find("class=\"provenance\"") < html.find("</body>"));
  CHECK(html.find("framelens batch &#39;in") == std::string::npos);  // quotes are kept, not mangled
  CHECK(html.find("ba7816bf") != std::string::npos);
  CHECK(command_line({"a'b"}) == "framelens 'a'\\''b'");
}
