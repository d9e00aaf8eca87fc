#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "analyzer/text/input_record.h"
#include "analyzer/text/json_record_scanner.h"

using namespace framelens;

namespace {

// The scanner must either decline or give exactly the full parser's record.
void require_agrees(const std::string& line, const FieldMap& f = {}) {
  InputRecord fast;
  const bool scanned = scan_json_record(line, f, fast);
  auto full = parse_json_record_full(line, f, "t");
  if (!scanned) return;
  INFO(line);
  REQUIRE(full);
  REQUIRE(fast.text == full->text);
  REQUIRE(fast.meta.id == full->meta.id);
  REQUIRE(fast.meta.title == full->meta.title);
  REQUIRE(fast.meta.outlet == full->meta.outlet);
  REQUIRE(fast.meta.date == full->meta.date);
  REQUIRE(fast.meta.url == full->meta.url);
  REQUIRE(fast.targets == full->targets);
}

bool scans(const std::string& line, const FieldMap& f = {}) {
  InputRecord r;
  return scan_json_record(line, f, r);
}

}  // namespace

TEST_CASE("json scanner: reads the common record shape itself") {
  const std::string line =
      R"( {"id":"a1","outlet":"Example Times","title":"T\u00e9st \"q\"","text":"Caf\u00e9 said \ud83d\ude00 \/ ok\n\tend — “curly”","date":null,"extra":{"n":[1,-2.5e3,true,false,null,{}]},"url":"http://x"} )";
  InputRecord r;
  REQUIRE(scan_json_record(line, FieldMap{}, r));
  CHECK(r.text == "Café said \xF0\x9F\x98\x80 / ok\n\tend — “curly”");
  CHECK(r.meta.title == "Tést \"q\"");
  CHECK(r.meta.id == "a1");
  CHECK(r.meta.date.empty());
  require_agrees(line);
}

TEST_CASE("json scanner: duplicate keys keep the last value, as the DOM does") {
  require_agrees(R"({"text":"first","id":"x","text":"second","id":null})");
  InputRecord r;
  REQUIRE(scan_json_record(R"({"text":"first","text":"second"})", FieldMap{}, r));
  CHECK(r.text == "second");
}

TEST_CASE("json scanner: remapped field names") {
  FieldMap f;
  f.text = "body";
  f.id = "body";  // one key may feed two fields
  require_agrees(R"({"body":"hello","text":5})", f);
  InputRecord r;
  REQUIRE(scan_json_record(R"({"body":"hello","text":5})", f, r));
  CHECK(r.text == "hello");
  CHECK(r.meta.id == "hello");
}

TEST_CASE("json scanner: declines what only the full parser can answer") {
  for (const std::string line : {
           "", "[]", "{}", R"({"id":"x"})", R"({"text":5})", R"({"text":"a","id":7})",
           R"({"text":"a","title":1})", R"({"text":"a","targets":[]})", "\xEF\xBB\xBF{\"text\":\"a\"}",
           R"({"text":"a",})", R"({"text":"a"} x)", R"({"text":"a\x"})", R"({"text":"\ud800"})",
           R"({"text":"\udc00"})", R"({"text":"a","n":01})", R"({"text":"a","n":1e999})", R"({"text":"a","n":-})",
           R"({"text":"a","n":1.})", R"({"text":"a","n":tru})", "{\"text\":\"a\tb\"}", "{\"text\":\"\xC3\"}",
           "{\"text\":\"\xED\xA0\x80\"}", "{\"text\":\"\xF4\x90\x80\x80\"}", "{\"text\":\"\xC0\xAF\"}",
           R"({"text":"a")", R"({"text" "a"})", R"({"text":"a","x":[1,2})"}) {
    INFO(line);
    CHECK_FALSE(scans(line));
    require_agrees(line);
  }
  std::string deep = R"({"text":"a","x":)";
  for (int i = 0; i < kMaxJsonDepth + 2; ++i) deep += '[';
  for (int i = 0; i < kMaxJsonDepth + 2; ++i) deep += ']';
  deep += '}';
  CHECK_FALSE(scans(deep));
  CHECK_FALSE(parse_json_record(deep, FieldMap{}, "t"));
}

TEST_CASE("json scanner: parse_json_record gives the same answer either way") {
  const std::string ok = R"({"text":"x y","id":"7"})";
  auto a = parse_json_record(ok, FieldMap{}, "f:1");
  auto b = parse_json_record_full(ok, FieldMap{}, "f:1");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->text == b->text);
  auto bad = parse_json_record(R"({"text":"a",})", FieldMap{}, "f:2");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("f:2: invalid JSON") == 0);
}

TEST_CASE("json scanner: random mutations of records never disagree with the full parser") {
  const std::vector<std::string> seeds = {
      R"({"id":"a1","outlet":"O","title":"T","text":"He said \"no\" — “x” \u00e9\ud83d\ude00.\n","date":"2020","n":[1,2.5,-3e2,{"k":null}],"b":true})",
      R"({"text":"short","url":null,"x":{"y":[[],{}]},"z":-0.0e+1})",
  };
  std::mt19937 rng(12345);
  const std::string alphabet = "{}[]\":,\\/ u0aAeE.-+9tfnl\xC3\xA9\xE2\x80\x9C\xED\xF0\x9F\n\t";
  int scanned = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s = seeds[iter % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      const size_t pos = rng() % s.size();
      switch (rng() % 3) {
        case 0: s[pos] = alphabet[rng() % alphabet.size()]; break;
        case 1: s.insert(pos, 1, alphabet[rng() % alphabet.size()]); break;
        default: s.erase(pos, 1); break;
      }
    }
    InputRecord r;
    if (scan_json_record(s, FieldMap{}, r)) ++scanned;
    require_agrees(s);
  }
  CHECK(scanned > 1000);  // the test must exercise the accepting path, not only declines
}
