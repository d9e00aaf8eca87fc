// The bad-input matrix (issue 8): each case gets a clear one-line error with a documented exit code,
// or a correct result; never a crash, a hang or silent loss. Runs the real binary.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <zlib.h>

namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

fs::path temp_dir() {
  static fs::path d = [] {
    char tmpl[] = "/tmp/framelens-badinput-XXXXXX";
    const char* p = mkdtemp(tmpl);
    REQUIRE(p != nullptr);
    return fs::path(p);
  }();
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

// Runs framelens with `args` (shell-quoted by the caller), stdin from `stdin_file` if given.
Run run(const std::string& args, const std::string& stdin_file = "") {
  static int n = 0;
  fs::path out = temp_dir() / ("out" + std::to_string(n) + ".txt");
  fs::path err = temp_dir() / ("err" + std::to_string(n++) + ".txt");
  std::string cmd = std::string("timeout 300 ") + FRAMELENS_BINARY + " " + args + " >" + out.string() +
                    " 2>" + err.string() + (stdin_file.empty() ? " </dev/null" : " <" + stdin_file);
  int st = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

bool one_line(const std::string& s) {
  return !s.empty() && s.find('\n') == s.size() - 1;
}

}  // namespace

TEST_CASE("bad input: empty file, whitespace-only file and empty stdin are an input error", "[cli][badinput]") {
  for (std::string body : {std::string(""), std::string(" \n\t\r\n  \n")}) {
    fs::path f = temp_dir() / "empty.txt";
    write(f, body);
    Run r = run("score " + f.string());
    CHECK(r.code == 3);
    CHECK(one_line(r.err));
    CHECK(r.err.find("empty.txt: no text") != std::string::npos);
    Run s = run("score -", f.string());
    CHECK(s.code == 3);
    CHECK(s.err.find("<stdin>: no text") != std::string::npos);
  }
}

TEST_CASE("bad input: invalid UTF-8 is exit 3 naming file and byte; --lenient recovers", "[cli][badinput]") {
  fs::path f = temp_dir() / "bad.txt";
  write(f, "Good start \xFF\xFE then more.");
  Run r = run("score " + f.string());
  CHECK(r.code == 3);
  CHECK(one_line(r.err));
  CHECK(r.err.find(f.string()) != std::string::npos);
  CHECK(r.err.find("byte 11") != std::string::npos);
  Run l = run("score --lenient " + f.string());
  REQUIRE(l.code == 0);
  auto j = nlohmann::json::parse(l.out);
  CHECK(j["warnings"].size() >= 1);
}

TEST_CASE("bad input: a NUL byte is analysed as text", "[cli][badinput]") {
  fs::path f = temp_dir() / "nul.txt";
  write(f, std::string("Before\0after. Second sentence.", 30));
  Run r = run("score " + f.string());
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["stats"]["chars"] == 30);
}

TEST_CASE("bad input: a directory where a file is expected", "[cli][badinput]") {
  Run r = run("score " + temp_dir().string());
  CHECK(r.code == 3);
  CHECK(one_line(r.err));
  CHECK(r.err.find("is a directory") != std::string::npos);
}

TEST_CASE("bad input: missing file", "[cli][badinput]") {
  Run r = run("score " + (temp_dir() / "nope.txt").string());
  CHECK(r.code == 3);
  CHECK(one_line(r.err));
  CHECK(r.err.find("nope.txt") != std::string::npos);
}

TEST_CASE("bad input: JSON with text not a string, and deeply nested JSON", "[cli][badinput]") {
  fs::path f = temp_dir() / "nostring.json";
  write(f, "{\"id\": \"x\", \"text\": 42}");
  Run r = run("score " + f.string());
  CHECK(r.code == 3);
  CHECK(r.err.find("\"text\" must be a string") != std::string::npos);
  fs::path g = temp_dir() / "deep.json";
  write(g, std::string(100000, '[') + std::string(100000, ']'));
  Run d = run("score " + g.string());
  CHECK(d.code == 3);
  CHECK(one_line(d.err));
  CHECK(d.err.find("nested deeper") != std::string::npos);
}

TEST_CASE("bad input: streaming keeps line alignment and counts skipped records", "[cli][badinput]") {
  fs::path f = temp_dir() / "mixed.jsonl";
  write(f,
        "{\"id\":\"ok1\",\"text\":\"Officials said the talks went well.\"}\n"
        "{\"id\":\"bad\",\"text\":7}\n"
        "not json at all\n"
        "\n"
        "{\"id\":\"ok2\",\"text\":\"\\\"We will win,\\\" she said.\"}\n");
  Run r = run("batch --jsonl --quiet", f.string());
  CHECK(r.code == 1);  // finished, some skipped
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> outs;
  while (std::getline(lines, line)) outs.push_back(nlohmann::json::parse(line));
  REQUIRE(outs.size() == 5);
  CHECK(outs[0]["id"] == "ok1");
  CHECK(outs[1]["error"]["line"] == 2);
  CHECK(outs[2]["error"]["line"] == 3);
  CHECK(outs[3]["error"]["line"] == 4);
  CHECK(outs[4]["id"] == "ok2");
  CHECK(r.err.find("read 5, written 2, skipped 3") != std::string::npos);
}

TEST_CASE("bad input: 100,000 quotation marks and unbalanced quotes finish", "[cli][badinput]") {
  fs::path f = temp_dir() / "quotes.txt";
  std::string s;
  for (int i = 0; i < 100000; ++i) s += (i % 7 == 0) ? "\" word " : "\"";
  write(f, s);
  Run r = run("score " + f.string());
  CHECK(r.code == 0);
  fs::path u = temp_dir() / "unbalanced.txt";
  write(u, "He said \"this never closes. And \u201Cthis neither.\n\nA new paragraph \u201D with a stray closer.");
  Run r2 = run("score " + u.string());
  REQUIRE(r2.code == 0);
  CHECK(nlohmann::json::parse(r2.out)["stats"]["paragraphs"] == 2);
}

TEST_CASE("bad input: a 1 MB line without spaces", "[cli][badinput]") {
  fs::path f = temp_dir() / "nospace.txt";
  write(f, std::string(1 << 20, 'x'));
  Run r = run("score " + f.string());
  REQUIRE(r.code == 0);
  CHECK(nlohmann::json::parse(r.out)["stats"]["words"] == 1);
}

// Too slow under AddressSanitizer: gcc says so with __SANITIZE_ADDRESS__, clang (before 16) only
// through __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define FRAMELENS_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FRAMELENS_TEST_UNDER_ASAN 1
#endif
#endif
#if !defined(FRAMELENS_TEST_UNDER_ASAN) && !defined(__OPTIMIZE_SIZE__)
TEST_CASE("bad input: a 50 MB article", "[cli][badinput][large]") {
  fs::path f = temp_dir() / "large.txt";
  {
    std::ofstream out(f, std::ios::binary);
    const std::string para =
        "The minister said on Tuesday that the government would \"not back down\" on the reform. "
        "Critics slammed the plan as reckless, while supporters praised it.\n\n";
    for (size_t written = 0; written < 50u * 1000 * 1000; written += para.size()) out << para;
  }
  // Over the default 5 MB limit per record: a one-line input error.
  Run limited = run("score " + f.string());
  CHECK(limited.code == 3);
  CHECK(one_line(limited.err));
  CHECK(limited.err.find("over the limit of 5000000 bytes per record") != std::string::npos);
  Run r = run("score --max-record-mb 0 " + f.string());
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["stats"]["paragraphs"].get<int>() > 200000);
}
#endif

TEST_CASE("bad input: a truncated .gz is reported, records before it are kept", "[cli][badinput]") {
  std::string jsonl;
  for (int i = 0; i < 2000; ++i) {
    jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"Record number " + std::to_string(i) +
             " says hello to the world of news and more news.\"}\n";
  }
  fs::path gz = temp_dir() / "full.jsonl.gz";
  gzFile g = gzopen(gz.string().c_str(), "wb");
  REQUIRE(g != nullptr);
  gzwrite(g, jsonl.data(), static_cast<unsigned>(jsonl.size()));
  gzclose(g);
  std::string bytes = slurp(gz);
  fs::path cut = temp_dir() / "cut.jsonl.gz";
  write(cut, bytes.substr(0, bytes.size() / 2));
  Run r = run("batch --jsonl --quiet", cut.string());
  // stdin is read through zlib too, so a truncated stream is detected the same way as a file.
  CHECK(r.code == 3);
  CHECK(r.err.find("truncated") != std::string::npos);
  CHECK(!r.out.empty());
}

TEST_CASE("bad input: missing and corrupt model files are exit 4 naming the problem", "[cli][badinput][models]") {
  fs::path text = temp_dir() / "ok.txt";
  write(text, "Officials said the talks went well.");
  Run missing = run("score --require-models --models " + (temp_dir() / "no-models").string() + " " + text.string());
  CHECK(missing.code == 4);
  CHECK(one_line(missing.err));
  // A models folder that does not exist is an error too (a typo, not a choice)...
  Run typo = run("score --models " + (temp_dir() / "no-models").string() + " " + text.string());
  CHECK(typo.code == 4);
  CHECK(one_line(typo.err));
  // ...while an existing folder without model files skips the layers with a warning, not silently.
  fs::create_directories(temp_dir() / "empty-models");
  Run skipped = run("score --models " + (temp_dir() / "empty-models").string() + " " + text.string());
  REQUIRE(skipped.code == 0);
  CHECK(!nlohmann::json::parse(skipped.out)["warnings"].empty());

  fs::path corrupt = temp_dir() / "corrupt-models";
  fs::remove_all(corrupt);
  fs::copy(FRAMELENS_SOURCE_MODELS_DIR, corrupt, fs::copy_options::recursive);
  int corrupted = 0;
  for (const auto& e : fs::recursive_directory_iterator(corrupt)) {
    if (!e.is_regular_file() || e.path().extension() == ".md") continue;
    write(e.path(), "this is not a model file\n\x01\x02\x03");
    ++corrupted;
  }
  REQUIRE(corrupted > 0);
  Run bad = run("score --models " + corrupt.string() + " " + text.string());
  CHECK(bad.code == 4);
  CHECK(one_line(bad.err));
  CHECK(bad.err.find(corrupt.string()) != std::string::npos);
}
