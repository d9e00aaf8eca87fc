#pragma once
// Comparing two outlets (or two groups of any grouping field) metric by metric. The interval of a
// difference comes from the paired bootstrap replicates (replicate r of A minus replicate r of B),
// not from the two separate intervals. Also the reader of `score` JSON Lines shared by
// `aggregate` and `compare`.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/report/outlet_stats.h"

namespace framelens {

struct ScoreLineCounts {
  long long lines = 0, articles = 0, error_records = 0, bad_lines = 0;
};

// Reads `score` JSON Lines files (plain or .gz; a folder means its *.jsonl / *.jsonl.gz files,
// sorted). Calls on_article for each article, on_bad("file:line: reason") for a malformed line.
// Error objects from streaming mode are counted, not passed on.
Status read_score_lines(const std::vector<std::string>& paths,
                        const std::function<Status(const ArticleFigures&, std::string_view line,
                                                   const std::string& where)>& on_article,
                        const std::function<void(const std::string&)>& on_bad, ScoreLineCounts& counts);

struct CompareRow {
  MetricKey key;
  Interval a, b, diff;
  int64_t na = 0, nb = 0;
  bool significant = false;  // the difference's 95% interval excludes 0
  double strength = 0.0;     // |diff| relative to its interval width (the sort key)
};

// All metrics defined for both groups, the clearest differences first.
Result<std::vector<CompareRow>> compare_groups(const GroupStats& stats, const std::string& a, const std::string& b,
                                               size_t top_actors = 10);

std::string compare_csv(const std::vector<CompareRow>& rows, const std::string& a, const std::string& b,
                        bool excel_safe);
// A fixed-width text table of at most `limit` rows (0: all).
std::string compare_table(const std::vector<CompareRow>& rows, const std::string& a, const std::string& b,
                          size_t limit);

}  // namespace framelens
