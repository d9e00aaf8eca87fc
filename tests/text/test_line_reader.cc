#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <vector>

#include <zlib.h>

#include "analyzer/text/line_reader.h"

namespace fs = std::filesystem;
using framelens::LineReader;

namespace {

fs::path temp_file(const std::string& name) { return fs::temp_directory_path() / ("framelens_lr_" + name); }

void write_gz(const fs::path& p, const std::string& data, size_t keep_bytes = std::string::npos) {
  gzFile g = gzopen(p.string().c_str(), "wb");
  gzwrite(g, data.data(), static_cast<unsigned>(data.size()));
  gzclose(g);
  if (keep_bytes != std::string::npos) fs::resize_file(p, keep_bytes);
}

}  // namespace

TEST_CASE("line reader: plain and gzip files give the same lines and line numbers") {
  const std::string data = "{\"a\":1}\r\n\n{\"b\":2}\nlast";
  const auto plain = temp_file("plain.jsonl"), gz = temp_file("lines.jsonl.gz");
  std::ofstream(plain, std::ios::binary) << data;
  write_gz(gz, data);
  for (const auto& p : {plain, gz}) {
    LineReader r;
    REQUIRE(r.open(p.string()));
    std::vector<std::pair<long, std::string>> got;
    std::string line;
    while (r.next(line)) got.push_back({r.line_number(), line});
    CHECK(r.error().empty());
    REQUIRE(got.size() == 4);
    CHECK(got[0].second == "{\"a\":1}\r");
    CHECK(got[1].second.empty());
    CHECK(got[3] == std::pair<long, std::string>{4, "last"});
  }
  fs::remove(plain);
  fs::remove(gz);
}

TEST_CASE("line reader: for_each_jsonl_line skips blank lines, names PATH:LINE and stops on errors") {
  const auto p = temp_file("each.jsonl");
  std::ofstream(p, std::ios::binary) << "one\n  \t\r\nthree\nfour\n";
  std::vector<std::string> where;
  auto st = framelens::for_each_jsonl_line(p.string(), [&](std::string_view line, const std::string& w) -> framelens::Status {
    where.push_back(w + "=" + std::string(line));
    if (line == "four") return framelens::input_error(w + ": bad record");
    return {};
  });
  REQUIRE_FALSE(st);
  CHECK(st.error().message == p.string() + ":4: bad record");
  CHECK(where == std::vector<std::string>{p.string() + ":1=one", p.string() + ":3=three", p.string() + ":4=four"});
  fs::remove(p);
}

TEST_CASE("line reader: a truncated .gz is an input error for for_each_jsonl_line, not a silent early end") {
  std::string data;
  for (int i = 0; i < 5000; ++i) data += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"some words here\"}\n";
  const auto gz = temp_file("trunc.jsonl.gz");
  write_gz(gz, data);
  write_gz(gz, data, fs::file_size(gz) / 2);
  long seen = 0;
  auto st = framelens::for_each_jsonl_line(gz.string(), [&](std::string_view, const std::string&) -> framelens::Status {
    ++seen;
    return {};
  });
  CHECK_FALSE(st);
  CHECK(seen < 5000);
  fs::remove(gz);
}

TEST_CASE("line reader: a missing file is an error naming it") {
  LineReader r;
  auto st = r.open("/nonexistent/framelens/x.jsonl");
  REQUIRE_FALSE(st);
  CHECK(st.error().message.find("/nonexistent/framelens/x.jsonl") != std::string::npos);
}
