#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

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
  CHECK(r.out.find("Comparing outlet 'North' (10 articles) with 'South' (10 articles)") != std::string::npos);
  CHECK(r.out.find("words_per_article") != std::string::npos);
  const std::string csv = slurp(s.dir / "o" / "compare.csv");
  CHECK(csv.rfind("metric,key,group_a,value_a,", 0) == 0);
  CHECK(run({"compare", s.path("o"), "--outlets", "North,West"}).code == static_cast<int>(ErrorKind::Usage));
  CHECK(run({"compare", s.path("o"), "--by", "outlet", "--csv", "-"}).code == 0);  // exactly two groups
  CHECK(run({"compare", s.path("o"), "--by", "title"}).code == static_cast<int>(ErrorKind::Usage));
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
