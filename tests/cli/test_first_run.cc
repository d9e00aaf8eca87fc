// First-run behaviour of the CLI (issue 24): help, usage messages, missing models and inputs,
// empty text, duplicate ids, the per-record size limit, and stderr without stray blank lines.
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

struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name) : dir(fs::temp_directory_path() / ("framelens-first-" + name)) {
    fs::remove_all(dir);
    fs::create_directories(dir / "models");
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string path(const std::string& n) const { return (dir / n).string(); }
  std::string models() const { return path("models"); }
  std::string write(const std::string& n, const std::string& body) const {
    std::ofstream(path(n), std::ios::binary) << body;
    return path(n);
  }
};

std::string record(const std::string& id, const std::string& text = "The mayor said the plan works.") {
  return "{\"id\":\"" + id + "\",\"outlet\":\"Post\",\"text\":\"" + text + "\"}\n";
}

}  // namespace

TEST_CASE("first run: help COMMAND prints that command's help", "[cli][firstrun]") {
  const Run a = run({"help", "score"});
  const Run b = run({"score", "--help"});
  CHECK(a.code == 0);
  CHECK(a.out == b.out);
  CHECK(a.out.rfind("Usage: framelens score", 0) == 0);
  CHECK(run({"help", "batch"}).out.rfind("Usage: framelens batch", 0) == 0);
  CHECK(run({"help"}).out.rfind("Usage: framelens COMMAND", 0) == 0);
}

TEST_CASE("first run: a usage error names the command once", "[cli][firstrun]") {
  const Run r = run({"score", "--bogus", "x.txt"});
  CHECK(r.code == static_cast<int>(ErrorKind::Usage));
  CHECK(r.err == "framelens score: unknown option '--bogus' (see framelens score --help)\n");
  CHECK(run({"batch", "--jobs"}).err == "framelens batch: option --jobs needs a value\n");
}

TEST_CASE("first run: a models folder that does not exist is a model error (exit 4)", "[cli][firstrun]") {
  Scratch s("models");
  const std::string txt = s.write("a.txt", "The mayor said the plan works.");
  for (const auto& args : {std::vector<std::string>{"score", txt, "--models", "/nonexistent-framelens"},
                           std::vector<std::string>{"batch", txt, "--out", s.path("o"), "--models",
                                                    "/nonexistent-framelens"}}) {
    const Run r = run(args);
    CHECK(r.code == static_cast<int>(ErrorKind::Model));
    CHECK(r.err.find("models folder '/nonexistent-framelens' does not exist") != std::string::npos);
    CHECK(r.out.empty());
  }
  CHECK(!fs::exists(s.path("o/outlets.csv")));
  // A file where the folder should be.
  CHECK(run({"score", txt, "--models", txt}).code == static_cast<int>(ErrorKind::Model));
  // An existing but empty folder is a choice: layers skipped, exit 0.
  CHECK(run({"score", txt, "--models", s.models()}).code == 0);
}

TEST_CASE("first run: a missing batch input is an input error like score's (exit 3)", "[cli][firstrun]") {
  Scratch s("missing");
  const Run b = run({"batch", s.path("missing.jsonl"), "--out", s.path("o"), "--models", s.models()});
  const Run c = run({"score", s.path("missing.txt"), "--models", s.models()});
  CHECK(b.code == static_cast<int>(ErrorKind::Input));
  CHECK(c.code == static_cast<int>(ErrorKind::Input));
  CHECK(b.err.find("missing.jsonl: no such file or folder") != std::string::npos);
}

TEST_CASE("first run: an empty text is an input error with a clear message", "[cli][firstrun]") {
  Scratch s("empty");
  for (const std::string body : {"", " \n\t\n"}) {
    const std::string f = s.write("empty.txt", body);
    const Run r = run({"score", f, "--models", s.models()});
    CHECK(r.code == static_cast<int>(ErrorKind::Input));
    CHECK(r.err.find("empty.txt: no text") != std::string::npos);
    CHECK(r.out.empty());
  }
  // In a batch the record is skipped and counted.
  s.write("in.jsonl", record("a") + "{\"id\":\"b\",\"text\":\"   \"}\n");
  const Run b = run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models(), "--quiet"});
  CHECK(b.code == kExitSkipped);
  CHECK(b.err.find("in.jsonl:2: no text") != std::string::npos);
  CHECK(b.err.find("read 2, written 1, skipped 1") != std::string::npos);
}

TEST_CASE("first run: duplicate ids are kept, warned about and counted", "[cli][firstrun]") {
  Scratch s("dups");
  s.write("in.jsonl", record("a") + record("b") + record("a") + record("c") + record("a"));
  const Run r = run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models()});
  CHECK(r.code == 0);
  CHECK(r.err.find("in.jsonl:3: duplicate id 'a'") != std::string::npos);
  CHECK(r.err.find("in.jsonl:5: duplicate id 'a'") != std::string::npos);
  CHECK(r.err.find("read 5, written 5, skipped 0, duplicate ids 2") != std::string::npos);
}

TEST_CASE("first run: one record over the size limit is an input error, a skip in a batch", "[cli][firstrun]") {
  Scratch s("size");
  const std::string big(3000, 'a');
  const std::string txt = s.write("big.txt", "The mayor said " + big + ".");
  const Run r = run({"score", txt, "--models", s.models(), "--max-record-mb", "0.001"});
  CHECK(r.code == static_cast<int>(ErrorKind::Input));
  CHECK(r.err.find("over the limit of 1000 bytes per record (--max-record-mb 0.001)") != std::string::npos);
  CHECK(run({"score", txt, "--models", s.models()}).code == 0);  // default 5 MB
  CHECK(run({"score", txt, "--models", s.models(), "--max-record-mb", "x"}).code ==
        static_cast<int>(ErrorKind::Usage));
  s.write("in.jsonl", record("a") + record("b", "Long " + big) + record("c"));
  const Run b = run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models(), "--quiet",
                     "--max-record-mb", "0.001"});
  CHECK(b.code == kExitSkipped);
  CHECK(b.err.find("in.jsonl:2: text is 3005 bytes") != std::string::npos);
  CHECK(b.err.find("read 3, written 2, skipped 1") != std::string::npos);
}

TEST_CASE("first run: no blank line before a skipped record when stderr is not a terminal", "[cli][firstrun]") {
  Scratch s("blank");
  s.write("in.jsonl", record("a") + "{bad\n" + record("c"));
  const Run r = run({"batch", s.path("in.jsonl"), "--out", s.path("o"), "--models", s.models()});
  CHECK(r.code == kExitSkipped);
  CHECK(r.err.find("\n\n") == std::string::npos);
  CHECK(r.err.rfind("\n", 0) == std::string::npos);
  CHECK(r.err.find("framelens batch: skipped ") != std::string::npos);
}
