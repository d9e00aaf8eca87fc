#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "analyzer/ml/hashing.h"
#include "analyzer/terms/term_table.h"
#include "tests/test_temp.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

std::vector<std::string> matched(const TermTable& t, const Document& d) {
  std::vector<TermMatch> ms;
  t.match(d.tokens, 0, static_cast<int32_t>(d.tokens.size()), ms);
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(t.entries()[m.entry].phrase);
  return out;
}

}  // namespace

TEST_CASE("term table: multiword expressions win over their first word", "[terms]") {
  TermTable t;
  t.add("lashed", 0.4f, TermCategory::Loaded);
  t.add("lashed out", 0.8f, TermCategory::ReportingVerb);
  t.add("so-called", 0.9f, TermCategory::Hedge);
  auto d = make_document("The mayor lashed out at the so-called experts, then lashed back.", {});
  REQUIRE(d.ok());
  const auto m = matched(t, *d);
  REQUIRE(m.size() == 3);
  CHECK(m[0] == "lashed out");
  CHECK(m[1] == "so-called");
  CHECK(m[2] == "lashed");
}

TEST_CASE("term table: matching is case-insensitive and uses normalised text", "[terms]") {
  TermTable t;
  t.add("regime", 0.7f, TermCategory::Labeling);
  auto d = make_document("REGIME officials met. The Regime\u2019s envoy left.", {});
  REQUIRE(d.ok());
  CHECK(matched(t, *d).size() == 2);
}

TEST_CASE("term table: a phrase does not match across a gap", "[terms]") {
  TermTable t;
  t.add("witch hunt", 0.9f, TermCategory::Loaded);
  auto d = make_document("The witch was not on the hunt.", {});
  REQUIRE(d.ok());
  CHECK(matched(t, *d).empty());
}

TEST_CASE("term table: save and load round-trip, corrupt files are model errors", "[terms]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "framelens_terms_table_test";
  fs::create_directories(dir);
  const std::string path = (dir / "terms.tsv").string();
  TermTable t;
  t.add("so-called", 0.9f, TermCategory::Hedge);
  t.add("lashed out", 0.75f, TermCategory::ReportingVerb);
  t.threshold = 0.42f;
  REQUIRE(t.save(path).ok());
  auto back = TermTable::load(path);
  REQUIRE(back.ok());
  CHECK(back->entries().size() == 2);
  CHECK(back->threshold == Approx(0.42f));
  const int32_t i = back->find("lashed out");
  REQUIRE(i >= 0);
  CHECK(back->entries()[i].category == TermCategory::ReportingVerb);
  CHECK(back->entries()[i].score == Approx(0.75f));

  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("so-called\tnot-a-number\thedge\n", f);
    std::fclose(f);
  }
  auto bad = TermTable::load(path);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Model);
  CHECK_FALSE(TermTable::load((dir / "missing.tsv").string()).ok());
  fs::remove_all(dir);
}

TEST_CASE("term table: a loaded file matches longest first whatever the line order; last line without newline", "[terms]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / ("framelens_terms_order_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "terms.tsv").string();
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("# comment\n#threshold\t0.3\n\nlashed\t0.4\tloaded\nlashed out at\t0.9\tloaded\nlashed out\t0.8\tloaded", f);
    std::fclose(f);
  }
  auto t = TermTable::load(path);
  REQUIRE(t.ok());
  CHECK(t->entries().size() == 3);
  CHECK(t->threshold == Approx(0.3f));
  auto d = make_document("They lashed out at him. She lashed out on air. He lashed back.", {});
  REQUIRE(d.ok());
  const auto m = matched(*t, *d);
  REQUIRE(m.size() == 3);
  CHECK(m[0] == "lashed out at");
  CHECK(m[1] == "lashed out");
  CHECK(m[2] == "lashed");
  fs::remove_all(dir);
}

TEST_CASE("term table: open-vocabulary entries keep their flag through the file", "[terms]") {
  const std::string p = framelens_test::temp_path("open_terms.tsv").string();
  framelens::terms::TermTable t;
  t.add("browbeating", 0.12f, framelens::terms::TermCategory::Loaded, true);
  t.add("reckless", 0.6f, framelens::terms::TermCategory::Loaded);
  REQUIRE(t.save(p).ok());
  auto r = framelens::terms::TermTable::load(p);
  REQUIRE(r.ok());
  REQUIRE(r->find("browbeating") >= 0);
  CHECK(r->entries()[r->find("browbeating")].open);
  CHECK_FALSE(r->entries()[r->find("reckless")].open);
  std::ofstream(p) << "x\t0.5\tloaded\tclosed\n";
  CHECK_FALSE(framelens::terms::TermTable::load(p).ok());
  std::filesystem::remove(p);
}

TEST_CASE("term table: seed terms below the seed minimum are not reported", "[terms]") {
  const std::string p = framelens_test::temp_path("seed_min_terms.tsv").string();
  framelens::terms::TermTable t;
  t.threshold = 0.2f;
  t.seed_min = 0.075f;
  t.add("reportedly", 0.02f, framelens::terms::TermCategory::Hedge);
  t.add("so-called", 0.3f, framelens::terms::TermCategory::Hedge);
  t.add("claimed", 0.1f, framelens::terms::TermCategory::ReportingVerb);
  t.add("browbeating", 0.1f, framelens::terms::TermCategory::Loaded, true);
  t.add("plan", 0.1f, framelens::terms::TermCategory::Loaded);
  REQUIRE(t.save(p).ok());
  auto r = framelens::terms::TermTable::load(p);
  REQUIRE(r.ok());
  CHECK(r->seed_min == Approx(0.075f));
  auto rep = [&](const char* w) { return r->reported(r->entries()[r->find(w)]); };
  CHECK_FALSE(rep("reportedly"));
  CHECK(rep("so-called"));
  CHECK(rep("claimed"));
  CHECK(rep("browbeating"));  // open vocabulary: reported on its model's decision
  CHECK_FALSE(rep("plan"));
  std::filesystem::remove(p);
}
