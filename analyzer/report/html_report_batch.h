#pragma once
// report.html of `batch --out` / `aggregate`: outlet comparison charts (inline SVG bars with their
// 95% bootstrap intervals, plus the numbers in tables) and the collected per-article views.
#include <string>
#include <string_view>

#include "analyzer/report/outlet_stats.h"

namespace framelens {

// `summary` is a plain-text line (escaped here); `article_index` is HTML (the table of article pages).
std::string html_batch_report(const GroupStats& stats, std::string_view summary, std::string_view article_index);

}  // namespace framelens
