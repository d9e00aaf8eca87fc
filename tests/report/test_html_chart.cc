#include <catch2/catch.hpp>

#include "analyzer/report/html_chart.h"

using namespace framelens;

namespace {

Interval iv(double v, double lo, double hi) {
  Interval i;
  i.value = v;
  i.low = lo;
  i.high = hi;
  i.defined = true;
  return i;
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("chart: axis ticks are round numbers", "[html][chart]") {
  CHECK(nice_ticks(0, 13.15) == std::vector<double>{0, 5, 10, 15});
  CHECK(nice_ticks(0, 4.2) == std::vector<double>{0, 2, 4, 6});
  CHECK(nice_ticks(0, 1) == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
  const auto s = nice_ticks(-0.3, 0.3);
  REQUIRE(s.size() >= 3);
  CHECK(s.front() <= -0.3);
  CHECK(s.back() >= 0.3);
  CHECK(std::find(s.begin(), s.end(), 0.0) != s.end());
}

TEST_CASE("chart: frame labels read as words", "[html][chart]") {
  CHECK(human_label("External_regulation_and_reputation") == "External regulation and reputation");
}

TEST_CASE("chart: every row names its outlet and n, sorted by value, top-N drawn, all in the table",
          "[html][chart]") {
  std::vector<ChartRow> rows;
  for (int i = 0; i < 25; ++i) {
    rows.push_back({"Outlet " + std::to_string(i), 10 + i, iv(0.01 * i, 0.01 * i - 0.02, 0.01 * i + 0.02)});
  }
  rows.push_back({"Lonely", 1, iv(0.9, 0.9, 0.9)});  // one article: table only
  ChartSpec spec;
  spec.caption = "Share";
  spec.scale = ChartScale::Share;
  const std::string h = html_dot_chart(spec, rows);
  CHECK(count(h, "<div class=\"crow\"") == 15);
  // The 15 largest outlets (10..24), highest value first.
  const size_t first = h.find("<div class=\"cname\">Outlet 24 <span class=\"n\">n=34</span>");
  const size_t second = h.find("<div class=\"cname\">Outlet 23 ");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  CHECK(h.find("<div class=\"cname\">Outlet 9 ") == std::string::npos);
  CHECK(h.find("<div class=\"cname\">Lonely") == std::string::npos);
  CHECK(h.find("<td>Lonely</td>") != std::string::npos);
  CHECK(h.find("<td>Outlet 0</td>") != std::string::npos);
  CHECK(h.find("numbers for all 26 outlets") != std::string::npos);
  CHECK(h.find(">24% <span class=\"iv\">[22%, 26%]</span>") != std::string::npos);
  CHECK(h.find("ctick first") != std::string::npos);
}

TEST_CASE("chart: stance dots are coloured by where the interval lies", "[html][chart]") {
  ChartSpec spec;
  spec.scale = ChartScale::Stance;
  const std::string h = html_dot_chart(spec, {{"Neg", 5, iv(-0.4, -0.5, -0.3)},
                                              {"Mid", 5, iv(-0.1, -0.3, 0.1)},
                                              {"Pos", 5, iv(0.3, 0.1, 0.5)}});
  CHECK(count(h, "cdot neg") == 1);
  CHECK(count(h, "cdot mid") == 1);
  CHECK(count(h, "cdot pos") == 1);
  CHECK(h.find("cgrid zero") != std::string::npos);
  CHECK(h.find("Pos") < h.find("Mid"));
  CHECK(h.find("Mid") < h.find("Neg"));
}
