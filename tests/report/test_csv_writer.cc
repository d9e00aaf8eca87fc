#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "analyzer/report/csv_writer.h"
#include "tests/test_temp.h"

using namespace framelens;

TEST_CASE("csv: RFC 4180 quoting and CRLF rows", "[csv]") {
  std::string out;
  CsvRow(out).text("plain").text("a,b").text("say \"hi\"").text("two\nlines").integer(-3).number(0.125).end();
  CHECK(out == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",-3,0.125\r\n");
}

TEST_CASE("csv: numbers are compact and non-finite values are empty", "[csv]") {
  CHECK(format_number(2.0) == "2");
  CHECK(format_number(-0.0000001) == "0");
  CHECK(format_number(1.23456789) == "1.234568");
  CHECK(format_number(std::nan("")) == "");
  std::string out;
  CsvRow(out).number(std::numeric_limits<double>::infinity()).boolean(true).empty().end();
  CHECK(out == ",TRUE,\r\n");
}

TEST_CASE("csv: --excel-safe neutralises formula cells but not numbers", "[csv]") {
  for (const char* cell : {"=SUM(A1:A2)", "+1+1", "-2+3", "@cmd", "\tx"}) {
    std::string safe, raw;
    CsvRow(safe, true).text(cell).number(-1.5).end();
    CsvRow(raw, false).text(cell).end();
    INFO(cell);
    CHECK(safe.rfind("\"'", 0) == 0);         // quoted, apostrophe first
    CHECK(safe.find(",-1.5\r\n") != std::string::npos);
    CHECK(raw.rfind("\"'", 0) == std::string::npos);
  }
  std::string ok;
  CsvRow(ok, true).text("a = b").end();
  CHECK(ok == "a = b\r\n");
}

TEST_CASE("csv: atomic files appear only on commit", "[csv]") {
  const auto dir = framelens_test::temp_path("framelens-csv-atomic");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "t.csv").string();
  {
    AtomicFile f;
    REQUIRE(f.open(path).ok());
    REQUIRE(f.append("a,b\r\n").ok());
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(std::filesystem::exists(path + ".part"));
    REQUIRE(f.commit().ok());
  }
  CHECK(std::filesystem::exists(path));
  CHECK_FALSE(std::filesystem::exists(path + ".part"));
  {
    // Resume: an existing part is cut back to the checkpointed size, then appended to.
    AtomicFile f;
    REQUIRE(f.open(path + "2").ok());
    REQUIRE(f.append("keep|drop").ok());
    REQUIRE(f.flush().ok());
  }
  AtomicFile g;
  REQUIRE(g.open(path + "2", 4).ok());
  REQUIRE(g.append("+new").ok());
  REQUIRE(g.commit().ok());
  std::ifstream in(path + "2");
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(s == "keep+new");
  std::filesystem::remove_all(dir);
}
