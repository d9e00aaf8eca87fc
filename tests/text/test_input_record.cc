#include <catch2/catch.hpp>

#include <string>

#include <filesystem>
#include <fstream>

#include "analyzer/text/document.h"
#include "analyzer/text/input_record.h"
#include "tests/test_temp.h"

using namespace framelens;

TEST_CASE("input record: fields, numeric ids and targets", "[input_record]") {
  auto r = parse_json_record(R"({"id":12,"text":"He said yes.","outlet":"X","targets":[{"start":0,"end":2}]})",
                             FieldMap{}, "t:1");
  REQUIRE(r.ok());
  CHECK(r->text == "He said yes.");
  CHECK(r->meta.id == "12");
  CHECK(r->meta.outlet == "X");
  REQUIRE(r->targets.size() == 1);
  CHECK(r->targets[0].start == 0);
  CHECK(r->targets[0].end == 2);
}

TEST_CASE("input record: remapped field names", "[input_record]") {
  FieldMap f;
  f.text = "body";
  auto r = parse_json_record(R"({"body":"abc","text":5})", f, "t:1");
  REQUIRE(r.ok());
  CHECK(r->text == "abc");
}

TEST_CASE("input record: malformed records are errors that name the source", "[input_record]") {
  for (const char* bad : {"", "{", "[1,2]", R"({"text":5})", R"({"id":"a"})", R"({"text":"a","title":[]})",
                          R"({"text":"a","targets":{}})", R"({"text":"a","targets":[{"start":3,"end":1}]})",
                          R"({"text":"a","targets":[{"start":-1,"end":1}]})", R"({"text":"a","targets":[{"start":0.5,"end":1}]})"}) {
    auto r = parse_json_record(bad, FieldMap{}, "src.jsonl:7");
    INFO(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.rfind("src.jsonl:7: ", 0) == 0);
  }
}

TEST_CASE("input record: a number too large for a double is an error, not an exception", "[input_record][fuzz]") {
  // Found by fuzz_json_record: nlohmann throws out_of_range (not parse_error) for these.
  for (const char* bad : {R"({"text":"x","id":4444e7275353})", R"({"text":"x","n":1e999})", R"({"text":"x","n":-1e400})"}) {
    INFO(bad);
    auto r = parse_json_record(bad, FieldMap{}, "f:1");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("f:1: invalid JSON") == 0);
    CHECK(r.error().message.find("number overflow") != std::string::npos);
  }
}

TEST_CASE("input record: target offsets beyond 32 bits are rejected, not wrapped", "[input_record][fuzz]") {
  // 4294967296 used to become 0 through get<int32_t>.
  for (const char* bad : {R"({"text":"x","targets":[{"start":0,"end":4294967296}]})",
                          R"({"text":"x","targets":[{"start":4294967296,"end":4294967297}]})",
                          R"({"text":"x","targets":[{"start":0,"end":18446744073709551615}]})"}) {
    INFO(bad);
    auto r = parse_json_record(bad, FieldMap{}, "f:1");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("is not a valid span") != std::string::npos);
  }
  auto ok = parse_json_record(R"({"text":"x","targets":[{"start":0,"end":2147483647}]})", FieldMap{}, "f:1");
  REQUIRE(ok.ok());
  CHECK(ok->targets[0].end == 2147483647);
}

TEST_CASE("input record: nesting deeper than the limit is refused before parsing", "[input_record]") {
  std::string deep = R"({"text":"x","a":)" + std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']') + "}";
  auto r = parse_json_record(deep, FieldMap{}, "f:1");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("nested deeper") != std::string::npos);
  // Brackets inside strings do not count.
  auto s = parse_json_record(R"({"text":")" + std::string(200, '[') + R"("})", FieldMap{}, "f:1");
  CHECK(s.ok());
}

TEST_CASE("input record: a file's BOM is dropped, a U+FEFF inside a JSON text is kept", "[input_record]") {
  const auto txt = framelens_test::temp_path("framelens_bom.txt");
  std::ofstream(txt, std::ios::binary) << "\xEF\xBB\xBFMayor Ana Diaz said so.";
  auto r = read_input_file(txt.string(), FieldMap{});
  REQUIRE(r.ok());
  CHECK(r->text == "Mayor Ana Diaz said so.");
  std::filesystem::remove(txt);
  // In a JSON record the text is exactly the string value: offsets count its U+FEFF.
  auto j = parse_json_record(R"({"text":"\ufeffMayor Ana Diaz said so."})", FieldMap{}, "x");
  REQUIRE(j.ok());
  CHECK(j->text == "\xEF\xBB\xBFMayor Ana Diaz said so.");
  auto d = make_document(j->text, j->meta);
  REQUIRE(d.ok());
  CHECK(d->size() == 24);
  CHECK(d->slice(Span{1, 6}) == "Mayor");
}
