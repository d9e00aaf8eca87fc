#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer/cli/commands.h"
#include "analyzer/core/error.h"

using namespace framelens;
namespace fs = std::filesystem;

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  CliContext ctx{"framelens", out, err};
  const int code = run_cli(args, ctx);
  return {code, out.str(), err.str()};
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A scratch folder with an empty models folder, so every learned layer is skipped and the
// output depends only on this code and the rule-based stages.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name) : dir(fs::temp_directory_path() / ("framelens-cli-" + name)) {
    fs::remove_all(dir);
    fs::create_directories(dir / "models");
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string path(const std::string& n) const { return (dir / n).string(); }
  std::string models() const { return path("models"); }
};

std::string record(int i, const std::string& outlet) {
  return "{\"id\":\"r" + std::to_string(i) + "\",\"outlet\":\"" + outlet +
         "\",\"title\":\"Story " + std::to_string(i) +
         "\",\"text\":\"The council met on Monday. \\\"We will vote soon,\\\" said Mayor Ann Lee. "
         "Critics called the plan a disaster.\"}\n";
}

}  // namespace

TEST_CASE("batch --out: tables, report, skipped records with file:line, exit 1", "[cli][batch]") {
  Scratch s("out");
  {
    std::ofstream f(s.path("in.jsonl"));
    f << record(1, "North") << "{not json}\n\n" << record(2, "South") << "{\"id\":\"r3\",\"title\":\"no text\"}\n"
      << record(4, "North");
  }
  auto r = run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models(), "-j", "2", "--quiet"});
  CHECK(r.code == kExitSkipped);
  CHECK(r.err.find("in.jsonl:2: invalid JSON") != std::string::npos);
  CHECK(r.err.find("in.jsonl:5: missing field \"text\"") != std::string::npos);
  CHECK(r.err.find("read 5, written 3, skipped 2") != std::string::npos);
  for (auto f : {"articles.jsonl", "articles.csv", "sentences.csv", "loaded_terms.csv", "quotes.csv", "actors.csv",
                 "outlets.csv", "outlet_actor_stance.csv", "report.html"}) {
    INFO(f);
    CHECK(fs::exists(s.dir / "o" / f));
  }
  for (const auto& e : fs::directory_iterator(s.dir / "o")) {
    INFO(e.path());
    CHECK(e.path().extension() != ".part");
    CHECK(e.path().filename().string()[0] != '.');  // no checkpoint, no fragments left
  }
  const std::string articles = slurp(s.dir / "o" / "articles.csv");
  CHECK(std::count(articles.begin(), articles.end(), '\n') == 4);
  CHECK(articles.find("\r\nr4,r4,") != std::string::npos);  // input order kept
  CHECK(slurp(s.dir / "o" / "outlets.csv").find("North,articles,,2,,,2\r\n") != std::string::npos);
  CHECK(slurp(s.dir / "o" / "report.html").find("Story 1") != std::string::npos);
}

TEST_CASE("batch --out: --resume after an interruption gives the same tables", "[cli][batch]") {
  Scratch s("resume");
  {
    std::ofstream f(s.path("in.jsonl"));
    for (int i = 0; i < 150; ++i) f << record(i, i % 3 ? "North" : "South");
  }
  const std::vector<std::string> base = {"batch", s.path("in.jsonl"), "--models", s.models(), "-j", "1", "--quiet"};
  auto with = [&](std::vector<std::string> extra) {
    auto a = base;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  REQUIRE(run(with({"--out", s.path("full")})).code == 0);
  auto cut = run(with({"--out", s.path("cut"), "--interrupt-after", "64"}));
  CHECK(cut.code != 0);
  CHECK_FALSE(fs::exists(s.dir / "cut" / "articles.csv"));  // only .part files so far
  CHECK(fs::exists(s.dir / "cut" / "articles.csv.part"));
  auto resumed = run(with({"--out", s.path("cut"), "--resume"}));
  CHECK(resumed.code == 0);
  for (auto f : {"articles.jsonl", "articles.csv", "sentences.csv", "quotes.csv", "actors.csv", "outlets.csv",
                 "outlet_actor_stance.csv"}) {
    INFO(f);
    CHECK(slurp(s.dir / "cut" / f) == slurp(s.dir / "full" / f));
  }
  // A resume with other inputs is refused.
  auto again = run(with({"--out", s.path("cut2"), "--interrupt-after", "1"}));
  CHECK(again.code != 0);
  auto other = run({"batch", s.path("full/articles.jsonl"), "--out", s.path("cut2"), "--resume", "--models",
                    s.models()});
  CHECK(other.code == static_cast<int>(ErrorKind::Usage));
}

TEST_CASE("batch: thread count does not change the output", "[cli][batch]") {
  Scratch s("threads");
  {
    std::ofstream f(s.path("in.jsonl"));
    for (int i = 0; i < 300; ++i) f << record(i, i % 2 ? "A" : "B");
  }
  REQUIRE(run({"batch", s.path("in.jsonl"), "--out", s.path("j1"), "--models", s.models(), "-j", "1", "-q"}).code == 0);
  REQUIRE(run({"batch", s.path("in.jsonl"), "--out", s.path("j2"), "--models", s.models(), "-j", "2", "-q"}).code == 0);
  CHECK(slurp(s.dir / "j1" / "articles.jsonl") == slurp(s.dir / "j2" / "articles.jsonl"));
  CHECK(slurp(s.dir / "j1" / "outlets.csv") == slurp(s.dir / "j2" / "outlets.csv"));
}

TEST_CASE("aggregate merges --jsonl shards into the tables of batch --out", "[cli][aggregate]") {
  Scratch s("aggregate");
  std::string all;
  for (int i = 0; i < 40; ++i) all += record(i, i % 4 ? "North" : "South");
  {
    std::ofstream f(s.path("in.jsonl"));
    f << all;
  }
  REQUIRE(run({"batch", s.path("in.jsonl"), "--out", s.path("direct"), "--models", s.models(), "-q"}).code == 0);
  // Two shards through the streaming mode, in the "wrong" order.
  const std::string out = slurp(s.dir / "direct" / "articles.jsonl");
  const size_t mid = out.find('\n', out.size() / 2) + 1;
  {
    std::ofstream a(s.path("shard-b.jsonl"));
    a << out.substr(0, mid) << "{\"schema_version\":1,\"id\":\"\",\"error\":{\"line\":3,\"message\":\"x\"}}\n";
    std::ofstream b(s.path("shard-a.jsonl"));
    b << out.substr(mid);
  }
  auto r = run({"aggregate", s.path("shard-a.jsonl"), s.path("shard-b.jsonl"), "--out", s.path("agg")});
  CHECK(r.code == 0);
  CHECK(r.err.find("error records 1") != std::string::npos);
  CHECK(slurp(s.dir / "agg" / "outlets.csv") == slurp(s.dir / "direct" / "outlets.csv"));
  CHECK(slurp(s.dir / "agg" / "outlet_actor_stance.csv") == slurp(s.dir / "direct" / "outlet_actor_stance.csv"));
  {
    std::ofstream bad(s.path("bad.jsonl"));
    bad << "{oops\n";
  }
  CHECK(run({"aggregate", s.path("bad.jsonl"), "--out", s.path("agg2"), "-q"}).code == kExitSkipped);
  CHECK(run({"aggregate", s.path("shard-a.jsonl")}).code == static_cast<int>(ErrorKind::Usage));
}

TEST_CASE("compare prints and writes the differences between two outlets", "[cli][compare]") {
  Scratch s("compare");
  {
    std::ofstream f(s.path("in.jsonl"));
    for (int i = 0; i < 20; ++i) f << record(i, i % 2 ? "North" : "South");
  }
  REQUIRE(run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models(), "-q"}).code == 0);
  auto r = run({"compare", s.path("o"), "--outlets", "North,South"});
  CHECK(r.code == 0);
  CHECK(r.out.find("Comparing outlet 'North' (10 articles), 'South' (10 articles): 1 comparison") !=
        std::string::npos);
  CHECK(r.out.find("benjamini-hochberg") != std::string::npos);  // the correction is named
  CHECK(r.out.find("words_per_article") != std::string::npos);
  const std::string csv = slurp(s.dir / "o" / "compare-outlet-North-vs-South.csv");  // named after the comparison
  CHECK(csv.rfind("metric,key,group_a,value_a,", 0) == 0);
  CHECK(csv.find(",p,p_adjusted,correction") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "o" / "compare.csv"));
  CHECK(run({"compare", s.path("o"), "--outlets", "North,West"}).code == static_cast<int>(ErrorKind::Usage));
  CHECK(run({"compare", s.path("o"), "--by", "outlet", "--csv", "-"}).code == 0);  // exactly two groups
  CHECK(run({"compare", s.path("o"), "--by", "title"}).code == static_cast<int>(ErrorKind::Usage));
}

TEST_CASE("compare: more than two groups, --min-n, --max-groups names the groups", "[cli][compare]") {
  Scratch s("compare3");
  {
    std::ofstream f(s.path("in.jsonl"));
    for (int i = 0; i < 30; ++i) f << record(i, i % 3 == 0 ? "North" : i % 3 == 1 ? "South" : "East");
    f << record(99, "Tiny");
  }
  REQUIRE(run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models(), "-q"}).code == 0);
  auto all = run({"compare", s.path("o"), "--by", "outlet", "--min-n", "5"});
  CHECK(all.code == 0);
  CHECK(all.out.find("3 comparisons") != std::string::npos);
  CHECK(all.out.find("Left out (fewer than 5 articles): 'Tiny' (1)") != std::string::npos);
  CHECK(fs::exists(s.dir / "o" / "compare-outlet-pairs-3.csv"));
  auto rest = run({"compare", s.path("o"), "--by", "outlet", "--design", "rest", "--correction", "holm"});
  CHECK(rest.code == 0);
  CHECK(rest.out.find("(rest)") != std::string::npos);
  CHECK(fs::exists(s.dir / "o" / "compare-outlet-rest-4.csv"));
  auto many = run({"compare", s.path("o"), "--by", "outlet", "--max-groups", "3"});
  CHECK(many.code == static_cast<int>(ErrorKind::Usage));
  CHECK(many.err.find("North (10)") != std::string::npos);
  CHECK(many.err.find("Tiny (1)") != std::string::npos);
  CHECK(run({"compare", s.path("o"), "--by", "outlet", "--correction", "x"}).code ==
        static_cast<int>(ErrorKind::Usage));
}

TEST_CASE("batch --keep-fields: input fields reach articles.csv and compare --by", "[cli][batch][compare]") {
  Scratch s("keep");
  {
    std::ofstream f(s.path("in.jsonl"));
    for (int i = 0; i < 12; ++i) {
      std::string r = record(i, i % 2 ? "North" : "South");
      r.insert(1, std::string("\"topic\":\"") + (i % 3 ? "budget" : "transit") + "\",\"bias\":" +
                      (i % 2 ? "\"left\"," : "3,"));
      f << r;
    }
  }
  REQUIRE(run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models(), "-q", "--keep-fields",
               "topic,bias"}).code == 0);
  const std::string articles = slurp(s.dir / "o" / "articles.csv");
  CHECK(articles.substr(0, articles.find('\r')).find(",headline_per_1000,topic,bias") != std::string::npos);
  CHECK(articles.find(",transit,3,s") != std::string::npos);  // story_id last
  CHECK(slurp(s.dir / "o" / "articles.jsonl").find("\"fields\":{\"topic\":\"transit\",\"bias\":\"3\"}") !=
        std::string::npos);
  // Every row table has the outlet.
  for (auto f : {"sentences.csv", "quotes.csv", "actors.csv", "loaded_terms.csv"}) {
    INFO(f);
    CHECK(slurp(s.dir / "o" / f).rfind("article_id,outlet,", 0) == 0);
  }
  CHECK(slurp(s.dir / "o" / "sentences.csv").find("r1,North,0,") != std::string::npos);
  auto by_topic = run({"compare", s.path("o"), "--by", "topic"});
  CHECK(by_topic.code == 0);
  CHECK(by_topic.out.find("'budget' (8 articles), 'transit' (4 articles)") != std::string::npos);
  CHECK(fs::exists(s.dir / "o" / "compare-topic-budget-vs-transit.csv"));
  auto missing = run({"compare", s.path("o"), "--by", "section"});
  CHECK(missing.code == static_cast<int>(ErrorKind::Usage));
  CHECK(missing.err.find("--keep-fields section") != std::string::npos);
  CHECK(run({"batch", s.path("in.jsonl"), "--out", s.path("o2"), "--models", s.models(), "-q", "--keep-fields",
             "words"}).code == static_cast<int>(ErrorKind::Usage));  // clashes with a column
}

TEST_CASE("batch: usage errors", "[cli][batch]") {
  CHECK(run({"batch", "x.jsonl"}).code == static_cast<int>(ErrorKind::Usage));
  CHECK(run({"batch", "--jsonl", "--out", "d"}).code == static_cast<int>(ErrorKind::Usage));
  // A missing input is an input error, as for score (issue 24).
  CHECK(run({"batch", "/nonexistent/in.jsonl", "--out", "/tmp/framelens-none"}).code ==
        static_cast<int>(ErrorKind::Input));
  auto h = run({"batch", "--help"});
  CHECK(h.code == 0);
  CHECK(h.out.find("--resume") != std::string::npos);
}

namespace {

// Records whose text the shipped models score with non-integer stances, frames and leanings.
std::string varied_record(int i, const std::string& outlet) {
  static const char* const kTexts[] = {
      "Senator Maria Lopez slammed the reckless budget plan on Tuesday. \"This is a disaster for families,\" "
      "Lopez said. Governor Tom Reed defended the measure, calling critics alarmist.",
      "The city council approved new bus routes. Mayor Ann Lee praised the decision and said riders would "
      "benefit. Opponents claimed the vote was rushed.",
      "Russia and Ukraine resumed talks in Geneva. Officials said progress was slow. \"We remain hopeful,\" "
      "a spokesman for the United Nations told reporters."};
  std::string text = kTexts[i % 3];
  text += " Report number " + std::to_string(i) + ".";
  std::string escaped;
  for (char c : text) {
    if (c == '"') escaped += '\\';
    escaped.push_back(c);
  }
  text = escaped;
  return "{\"id\":\"v" + std::to_string(i) + "\",\"outlet\":\"" + outlet + "\",\"title\":\"Item " +
         std::to_string(i) + "\",\"date\":\"2024-05-0" + std::to_string(1 + i % 9) + "\",\"text\":\"" + text +
         "\"}\n";
}

}  // namespace

TEST_CASE("batch, aggregate (shards in any order) and --resume give the same tables with the shipped models",
          "[cli][aggregate]") {
  Scratch s("identical");
  const std::string models = FRAMELENS_SOURCE_MODELS_DIR;
  {
    std::ofstream f(s.path("in.jsonl"));
    for (int i = 0; i < 90; ++i) f << varied_record(i, i % 3 == 0 ? "North" : i % 3 == 1 ? "South" : "East");
  }
  const std::vector<std::string> base = {"batch", s.path("in.jsonl"), "--models", models, "-q"};
  auto with = [&](std::vector<std::string> extra) {
    auto a = base;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  REQUIRE(run(with({"--out", s.path("direct"), "-j", "2"})).code == 0);
  const std::string jsonl = slurp(s.dir / "direct" / "articles.jsonl");
  REQUIRE(jsonl.find("\"stance\":{\"score\"") != std::string::npos);  // real stances, not an empty models folder
  // Three shards, given in reverse order.
  std::vector<std::string> lines;
  for (size_t at = 0; at < jsonl.size();) {
    const size_t nl = jsonl.find('\n', at);
    lines.push_back(jsonl.substr(at, nl + 1 - at));
    at = nl + 1;
  }
  for (int k = 0; k < 3; ++k) {
    std::ofstream f(s.path("shard" + std::to_string(k) + ".jsonl"));
    for (size_t i = k; i < lines.size(); i += 3) f << lines[i];
  }
  REQUIRE(run({"aggregate", s.path("shard2.jsonl"), s.path("shard1.jsonl"), s.path("shard0.jsonl"), "--out",
               s.path("agg"), "-q"}).code == 0);
  REQUIRE(run(with({"--out", s.path("cut"), "--interrupt-after", "30", "-j", "1"})).code != 0);
  REQUIRE(run(with({"--out", s.path("cut"), "--resume", "-j", "1"})).code == 0);
  for (auto f : {"outlets.csv", "outlet_actor_stance.csv"}) {
    INFO(f);
    CHECK(slurp(s.dir / "agg" / f) == slurp(s.dir / "direct" / f));
    CHECK(slurp(s.dir / "cut" / f) == slurp(s.dir / "direct" / f));
  }
  for (auto f : {"sentences.csv", "loaded_terms.csv", "quotes.csv", "actors.csv", "articles.csv"}) {
    INFO(f);
    CHECK(slurp(s.dir / "cut" / f) == slurp(s.dir / "direct" / f));
  }
  // aggregate writes the row tables too; shards in another order give the rows in that order.
  auto sorted_lines = [](const std::string& text, bool drop_source) {
    std::vector<std::string> v;
    for (size_t at = 0; at < text.size();) {
      size_t nl = text.find('\n', at);
      std::string l = text.substr(at, nl + 1 - at);
      if (drop_source) {  // articles.csv: the source column names the shard line
        const size_t a = l.find(','), b = l.find(',', a + 1), c = l.find(',', b + 1);
        l.erase(b, c - b);
      }
      v.push_back(l);
      at = nl + 1;
    }
    std::sort(v.begin(), v.end());
    return v;
  };
  for (auto f : {"sentences.csv", "loaded_terms.csv", "quotes.csv", "actors.csv"}) {
    INFO(f);
    CHECK(sorted_lines(slurp(s.dir / "agg" / f), false) == sorted_lines(slurp(s.dir / "direct" / f), false));
  }
  // Shards in input order: every row table byte for byte.
  {
    std::ofstream a(s.path("ordered.jsonl"));
    a << jsonl;
  }
  REQUIRE(run({"aggregate", s.path("ordered.jsonl"), "--out", s.path("agg2"), "-q"}).code == 0);
  for (auto f : {"sentences.csv", "loaded_terms.csv", "quotes.csv", "actors.csv", "stories.csv"}) {
    INFO(f);
    CHECK(slurp(s.dir / "agg2" / f) == slurp(s.dir / "direct" / f));
  }
  // articles.csv: the same but for `source` (the shard line); stories are grouped in input order.
  CHECK(sorted_lines(slurp(s.dir / "agg2" / "articles.csv"), true) ==
        sorted_lines(slurp(s.dir / "direct" / "articles.csv"), true));
  CHECK(slurp(s.dir / "cut" / "stories.csv") == slurp(s.dir / "direct" / "stories.csv"));
}

TEST_CASE("provenance: --version, score JSON, run.json and report.html", "[cli][provenance]") {
  auto v = run({"--version"});
  CHECK(v.code == 0);
  CHECK(v.out.rfind(std::string("framelens ") + FRAMELENS_VERSION + "\ncommit ", 0) == 0);
  CHECK(v.out.find("  loaded/sentence.bin  ") != std::string::npos);  // the shipped models with SHA-256
  Scratch s("provenance");
  {
    std::ofstream f(s.path("in.jsonl"));
    for (int i = 0; i < 4; ++i) f << record(i, "North");
    std::ofstream(s.path("models/extra.bin")) << "abc";
    std::ofstream(s.path("one.txt")) << "The council met on Monday.";
  }
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  auto a = run({"batch", s.path("in.jsonl"), "--out", s.path("a"), "--models", s.models(), "-q"});
  auto b = run({"batch", s.path("in.jsonl"), "--out", s.path("b"), "--models", s.models(), "-q"});
  auto sc = run({"score", s.path("one.txt"), "--models", s.models()});
  ::unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(a.code == 0);
  REQUIRE(b.code == 0);
  const auto ja = nlohmann::json::parse(slurp(s.dir / "a" / "run.json"));
  CHECK(ja["time"] == "2023-11-14T22:13:20Z");
  CHECK(ja["framelens_version"] == FRAMELENS_VERSION);
  CHECK(ja["command"].get<std::string>().find("framelens batch ") == 0);
  CHECK(ja["records"]["written"] == 4);
  REQUIRE(ja["models"].size() == 1);
  CHECK(ja["models"][0]["sha256"] == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(slurp(s.dir / "a" / "report.html").find("class=\"provenance\"") != std::string::npos);
  // Same inputs, fixed time: the same bytes (the output folder is the only difference in the command).
  std::string ra = slurp(s.dir / "a" / "run.json"), rb = slurp(s.dir / "b" / "run.json");
  ra.replace(ra.find(s.path("a")), s.path("a").size(), "X");
  rb.replace(rb.find(s.path("b")), s.path("b").size(), "X");
  CHECK(ra == rb);
  REQUIRE(sc.code == 0);
  const auto js = nlohmann::json::parse(sc.out);
  CHECK(js["provenance"]["time"] == "2023-11-14T22:13:20Z");
  CHECK(js["provenance"]["models"].size() == 1);
}
