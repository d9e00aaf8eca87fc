#include <catch2/catch.hpp>

#include <random>

#include <nlohmann/json.hpp>

#include "analyzer/report/json_writer.h"

using framelens::JsonWriter;

namespace {

std::string nlohmann_string(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ours(const std::string& s) {
  std::string out;
  framelens::append_json_string(out, s);
  return out;
}

}  // namespace

TEST_CASE("json writer: nested objects and arrays get commas and keys right") {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("a", int64_t{1});
  w.key("b");
  w.begin_array();
  w.value(true);
  w.null();
  w.begin_object();
  w.field("c", "x");
  w.end_object();
  w.begin_array();
  w.end_array();
  w.end_array();
  w.field("d", 0.5);
  w.end_object();
  CHECK(out == R"({"a":1,"b":[true,null,{"c":"x"},[]],"d":0.5})");
  CHECK(nlohmann::json::parse(out)["b"][2]["c"] == "x");
}

TEST_CASE("json writer: escaping matches nlohmann for control characters, quotes and UTF-8") {
  for (const std::string& s : {std::string("plain"), std::string("a\"b\\c"), std::string("tab\there\nnl\r\b\f"),
                              std::string("\x01\x1f\x7f", 3), std::string("nul\0x", 5),
                              std::string("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80")}) {
    CHECK(ours(s) == nlohmann_string(s));
  }
}

TEST_CASE("json writer: invalid UTF-8 becomes U+FFFD exactly as nlohmann's replace handler does") {
  for (const std::string& s :
       {std::string("\xFF"), std::string("a\x80z"), std::string("\xC3"), std::string("\xC3(x"),
        std::string("\xE2\x82"), std::string("\xE2\x82z"), std::string("\xED\xA0\x80"), std::string("\xC0\xAF"),
        std::string("\xF0\x80\x80\x80"), std::string("\xF4\x90\x80\x80"), std::string("\xF0\x9F\x98"),
        std::string("\xE0\x9F\xBF")}) {
    CHECK(ours(s) == nlohmann_string(s));
  }
  // Random byte strings biased toward UTF-8 lead and continuation bytes.
  std::mt19937 rng(7);
  const unsigned char pool[] = {'a', '"', '\\', 0x00, 0x0A, 0x7F, 0x80, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0,
                                0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F};
  for (int trial = 0; trial < 3000; ++trial) {
    std::string s;
    const int len = static_cast<int>(rng() % 9);
    for (int i = 0; i < len; ++i) s.push_back(static_cast<char>(pool[rng() % sizeof pool]));
    INFO("trial " << trial);
    REQUIRE(ours(s) == nlohmann_string(s));
  }
}

TEST_CASE("json writer: numbers round-trip and integral doubles keep a decimal point") {
  auto num = [](double v) {
    std::string out;
    framelens::append_json_number(out, v);
    return out;
  };
  CHECK(num(0.0) == "0.0");
  CHECK(num(1.0) == "1.0");
  CHECK(num(-2.5) == "-2.5");
  CHECK(num(0.066434) == "0.066434");
  CHECK(num(0.0001) == "0.0001");
  CHECK(num(1e-6) == "1e-06");
  CHECK(num(123456.0) == "123456.0");
  CHECK(num(1e20) == "1e+20");
  CHECK(num(std::numeric_limits<double>::quiet_NaN()) == "null");
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (int i = 0; i < 2000; ++i) {
    const double v = std::round(u(rng) * 1e6) / 1e6;
    REQUIRE(nlohmann::json::parse(num(v)).get<double>() == v);
  }
}
