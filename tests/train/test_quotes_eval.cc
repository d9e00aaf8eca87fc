#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "analyzer/train/quotes_eval.h"
#include "tests/test_temp.h"

using namespace framelens;

namespace {

// One hand-written article in the PolNeAR schema: two direct quotes (one named, one with a
// pronoun source) and one indirect attribution.
std::string record() {
  const std::string text =
      "\u201CThe bridge is safe,\u201D said Engineer Mira Holt.\n\n"
      "\u201CWe checked every bolt,\u201D she said.\n\n"
      "Holt said the inspection took a week.";
  auto cp = [&](const std::string& needle) {
    const size_t b = text.find(needle);
    int32_t n = 0;
    for (size_t i = 0; i < b; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return n;
  };
  auto cps = [](const std::string& s) {
    int32_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  auto span = [&](const std::string& s) {
    const int32_t a = cp(s);
    return nlohmann::json{{"start", a}, {"end", a + cps(s)}, {"text", s}};
  };
  nlohmann::json r;
  r["id"] = "t1";
  r["text"] = text;
  r["attributions"] = nlohmann::json::array({
      {{"id", "E1"}, {"source", span("Engineer Mira Holt")}, {"cue", span("said")},
       {"content", span("\u201CThe bridge is safe,\u201D")}},
      {{"id", "E2"}, {"source", span("she")}, {"cue", span("said")},
       {"content", span("\u201CWe checked every bolt,\u201D")}},
      {{"id", "E3"}, {"source", span("Holt")}, {"cue", span("said the")},
       {"content", span("the inspection took a week")}},
  });
  return r.dump();
}

}  // namespace

TEST_CASE("eval quotes: direct P/R/F1, speaker accuracy and indirect figures", "[quotes][eval]") {
  const auto path = framelens_test::temp_path("framelens_quote_eval_test.jsonl");
  {
    std::ofstream f(path);
    f << record() << "\n";
  }
  auto p = Pipeline::load({});
  REQUIRE(p.ok());
  QuoteEvalOptions opt;
  opt.data = path.string();
  std::ostringstream misses;
  opt.misses = &misses;
  auto r = evaluate_quotes(*p, opt);
  std::filesystem::remove(path);
  REQUIRE(r.ok());
  CHECK(r->articles == 1);
  CHECK(r->tp == 2);
  CHECK(r->fp == 0);
  CHECK(r->fn == 0);
  CHECK(r->speaker_n == 1);  // the pronoun source is not judged
  CHECK(r->speaker_ok == 1);
  CHECK(r->ind_tp == 1);
  CHECK(misses.str().empty());
}

TEST_CASE("eval quotes: a malformed line is an input error naming the line", "[quotes][eval]") {
  const auto path = framelens_test::temp_path("framelens_quote_eval_bad.jsonl");
  {
    std::ofstream f(path);
    f << "{\"text\": \"x\", \"attributions\": []}\n{not json\n";
  }
  auto p = Pipeline::load({});
  REQUIRE(p.ok());
  QuoteEvalOptions opt;
  opt.data = path.string();
  auto r = evaluate_quotes(*p, opt);
  std::filesystem::remove(path);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == ErrorKind::Input);
  CHECK(r.error().message.find(":2:") != std::string::npos);
}
