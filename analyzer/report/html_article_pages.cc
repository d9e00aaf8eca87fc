#include "analyzer/report/html_article_pages.h"

#include <cstdio>
#include <filesystem>
#include <vector>

#include "analyzer/report/csv_writer.h"
#include "analyzer/report/html_report.h"

namespace framelens {

namespace fs = std::filesystem;

namespace {

// Escaped text cannot contain '<', so these markers never occur inside an entry's text.
constexpr std::string_view kEntryMark = "<!--framelens-article-->";
constexpr std::string_view kViewMark = "<!--framelens-view-->";

std::string page_name(long long number) {
  char b[32];
  std::snprintf(b, sizeof b, "%06lld.html", number);
  return b;
}

std::string f1(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", x);
  return b;
}

const char* const kIndexHeader =
    "<table class=\"articles\"><tr><th>#</th><th>title</th><th>outlet</th><th>date</th><th>words</th>"
    "<th>quotes</th><th>loaded terms, own voice /1,000 words</th><th>leaning</th></tr>\n";

}  // namespace

std::string article_page_entry(long long number, const ArticleFigures& f, std::string_view view_fragment) {
  const std::string title = !f.meta.title.empty() ? f.meta.title : (!f.meta.id.empty() ? f.meta.id : "(untitled)");
  std::string o(kEntryMark);
  o += "<tr><td class=\"num\">" + std::to_string(number) + "</td><td><a href=\"{DIR}" + page_name(number) + "\">" +
       html_escape(title) + "</a></td><td>" + html_escape(f.meta.outlet) + "</td><td>" + html_escape(f.meta.date) +
       "</td><td class=\"num\">" + std::to_string(f.stats.words) + "</td><td class=\"num\">" +
       std::to_string(f.stats.quotes) + "</td><td class=\"num\">" + f1(f.stats.own_voice_per_1000) + "</td><td>" +
       html_escape(f.leaning.label) + "</td></tr>\n";
  o += kViewMark;
  o += view_fragment;
  return o;
}

Result<std::string> write_article_pages(const std::string& dir, std::string_view entries) {
  struct Entry {
    std::string_view row, view;
  };
  std::vector<Entry> list;
  size_t pos = entries.find(kEntryMark);
  while (pos != std::string_view::npos) {
    const size_t start = pos + kEntryMark.size();
    const size_t next = entries.find(kEntryMark, start);
    std::string_view e = entries.substr(start, next == std::string_view::npos ? std::string_view::npos : next - start);
    const size_t v = e.find(kViewMark);
    if (v == std::string_view::npos) return internal_error("article views: malformed entry");
    list.push_back({e.substr(0, v), e.substr(v + kViewMark.size())});
    pos = next;
  }
  if (list.empty()) return std::string();
  const fs::path pages = fs::path(dir) / kArticlePagesDir;
  std::error_code ec;
  fs::remove_all(pages, ec);  // pages of an earlier run into the same folder
  fs::create_directories(pages, ec);
  if (ec) return internal_error(pages.string() + ": cannot create folder (" + ec.message() + ")");
  auto row_with = [](std::string_view row, std::string_view prefix) {
    std::string r(row);
    if (const size_t k = r.find("{DIR}"); k != std::string::npos) r.replace(k, 5, prefix);
    return r;
  };
  std::string full_index = "<p><a href=\"../report.html\">Back to the report</a></p><h1>Articles</h1>\n";
  full_index += kIndexHeader;
  for (size_t i = 0; i < list.size(); ++i) {
    const long long n = static_cast<long long>(i) + 1;
    std::string nav = "<nav class=\"pager\"><a href=\"../report.html#articles\">report</a> | <a href=\"index.html\">"
                      "all articles</a>";
    if (i > 0) nav += " | <a href=\"" + page_name(n - 1) + "\">previous</a>";
    if (i + 1 < list.size()) nav += " | <a href=\"" + page_name(n + 1) + "\">next</a>";
    nav += " | article " + std::to_string(n) + " of " + std::to_string(list.size()) + "</nav>\n";
    const std::string page = html_page("framelens - article " + std::to_string(n), nav + std::string(list[i].view) + nav);
    if (auto st = write_file_atomic((pages / page_name(n)).string(), page); !st) return st.error();
    full_index += row_with(list[i].row, "");
  }
  full_index += "</table>\n";
  if (auto st = write_file_atomic((pages / "index.html").string(), html_page("framelens - articles", full_index)); !st) {
    return st.error();
  }
  std::string section = "<p class=\"meta\">" + std::to_string(list.size()) +
                        " articles with their evidence, one page each (in " + kArticlePagesDir + "/).";
  if (list.size() > kIndexRowsInReport) {
    section += " The first " + std::to_string(kIndexRowsInReport) + " are listed here; <a href=\"" +
               std::string(kArticlePagesDir) + "/index.html\">all articles</a>.";
  }
  section += "</p>\n";
  section += kIndexHeader;
  for (size_t i = 0; i < list.size() && i < kIndexRowsInReport; ++i) {
    section += row_with(list[i].row, std::string(kArticlePagesDir) + "/");
  }
  section += "</table>\n";
  return section;
}

}  // namespace framelens
