#pragma once
// The article views of report.html as one page per article (DIR/report-pages/000001.html ...),
// so the report stays small however many articles it shows: report.html holds a table of the
// articles linking to their pages, report-pages/index.html lists them all.
// During a batch each view is stored as one entry (an index row + the view fragment) in a part
// file; write_article_pages() splits the entries at the end.
#include <string>
#include <string_view>

#include "analyzer/core/error.h"
#include "analyzer/report/outlet_stats.h"

namespace framelens {

constexpr const char* kArticlePagesDir = "report-pages";
constexpr size_t kIndexRowsInReport = 1000;  // more articles: report.html links to the full index

// One stored entry: the article's index row (number is its page, from 1) and its view fragment.
std::string article_page_entry(long long number, const ArticleFigures& f, std::string_view view_fragment);
// Writes DIR/report-pages/NNNNNN.html and DIR/report-pages/index.html from the stored entries;
// returns the articles section for report.html (empty when there are no entries).
Result<std::string> write_article_pages(const std::string& dir, std::string_view entries);

}  // namespace framelens
