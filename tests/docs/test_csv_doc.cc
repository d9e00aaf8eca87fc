// Keeps docs/csv.md true: for every CSV table `batch --out` writes, the documented columns are
// exactly the header of the file the binary writes (run on the project's own sample articles).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::map<std::string, std::set<std::string>> documented_columns() {
  std::ifstream in(std::string(FRAMELENS_SOURCE_DIR) + "/docs/csv.md");
  REQUIRE(in.good());
  std::map<std::string, std::set<std::string>> out;
  std::string line, current;
  bool in_table = false, table_done = false;  // only a section's first table lists its columns
  std::regex section("^## `([a-z_]+\\.csv)`");
  std::regex cell("`([a-z_0-9]+)`");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, section)) { current = m[1]; in_table = table_done = false; continue; }
    const bool table_line = line.rfind("|", 0) == 0;
    if (in_table && !table_line) { in_table = false; table_done = true; }
    if (table_line) in_table = true;
    if (table_done) continue;
    if (line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0) { if (line.rfind("## ", 0) == 0) current.clear(); continue; }
    if (current.empty() || line.rfind("| `", 0) != 0) continue;
    // First cell of a table row: one or more backticked column names.
    std::string first = line.substr(1, line.find('|', 1) - 1);
    for (auto it = std::sregex_iterator(first.begin(), first.end(), cell); it != std::sregex_iterator(); ++it) {
      out[current].insert((*it)[1]);
    }
  }
  return out;
}

std::set<std::string> header_of(const fs::path& csv) {
  std::ifstream in(csv);
  std::string header;
  std::getline(in, header);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  std::set<std::string> cols;
  std::stringstream ss(header);
  std::string c;
  while (std::getline(ss, c, ',')) cols.insert(c);
  return cols;
}

}  // namespace

TEST_CASE("csv doc: documented columns == written columns", "[docs][csv]") {
  char tmpl[] = "/tmp/framelens-csvdoc-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  fs::path out = fs::path(tmpl) / "out";
  std::string cmd = std::string(FRAMELENS_BINARY) + " batch " + FRAMELENS_SOURCE_DIR +
                    "/corpora/samples/sample_articles.jsonl --out " + out.string() + " --quiet -j 1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const auto doc = documented_columns();
  int checked = 0;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() != ".csv") continue;
    const std::string name = e.path().filename().string();
    INFO("table " << name);
    REQUIRE(doc.count(name) == 1);
    const auto written = header_of(e.path());
    for (const auto& c : written) {
      INFO("written but not documented: " << name << " " << c);
      CHECK(doc.at(name).count(c) == 1);
    }
    for (const auto& c : doc.at(name)) {
      INFO("documented but not written: " << name << " " << c);
      CHECK(written.count(c) == 1);
    }
    ++checked;
  }
  CHECK(checked >= 7);
  fs::remove_all(tmpl);
}
