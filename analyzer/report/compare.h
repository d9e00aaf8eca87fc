#pragma once
// Comparing two outlets (or two groups of any grouping field) metric by metric. The interval of a
// difference comes from the paired bootstrap replicates (replicate r of A minus replicate r of B),
// not from the two separate intervals. Also the reader of `score` JSON Lines shared by
// `aggregate` and `compare`.
#include <functional>
#include <map>
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
                                                   const std::string& where, const nlohmann::json& j)>& on_article,
                        const std::function<void(const std::string&)>& on_bad, ScoreLineCounts& counts);

struct CompareRow {
  std::string group_a, group_b;  // group_b is "(rest)" in an each-against-the-rest comparison
  MetricKey key;
  Interval a, b, diff;
  int64_t na = 0, nb = 0;
  bool ci_excludes_zero = false;  // the difference's 95% percentile interval excludes 0
  double p = 1.0;                 // two-sided bootstrap p-value of the difference (see below)
  double p_adjusted = 1.0;        // after the multiple-testing correction over all rows of the run
  bool significant = false;       // p_adjusted < 0.05
  double strength = 0.0;          // |diff| relative to its interval width (the sort key)
  int64_t stories = -1;           // --matched: the stories behind the row (-1: not matched)
};

// Multiple-testing corrections over all (comparison, metric) rows of one `compare` run.
enum class Correction { BenjaminiHochberg, Holm, None };
Result<Correction> parse_correction(std::string_view name);  // bh, holm, none
std::string_view correction_name(Correction c);              // "benjamini-hochberg", "holm", "none"
// Adjusted p-values in the input order: Holm's step-down family-wise adjustment, or the
// Benjamini-Hochberg step-up false-discovery-rate q-values; each capped at 1 and monotone.
std::vector<double> adjust_p_values(const std::vector<double>& p, Correction c);

// Two-sided p-value of a difference from its bootstrap standard error (the standard deviation of
// the replicate differences): 2 (1 - Phi(|diff| / SE)). Continuous, so a correction over many rows
// can still reach 0.05 (a count of replicates beyond 0 could not go below 2/201). When the
// replicates do not vary: 1 if a side has fewer than 2 articles (stories), else 0 for a non-zero
// difference (all agree). `min_n`: the smaller side's n.
double bootstrap_p_value(double diff, const std::array<double, kReplicates>& diff_replicates, int64_t min_n);

// All metrics defined for both groups, the clearest differences first; p_adjusted = p (no correction).
Result<std::vector<CompareRow>> compare_groups(const GroupStats& stats, const std::string& a, const std::string& b,
                                               size_t top_actors = 10);
// The same for two accumulators (e.g. a group and the merged rest); names go into the rows.
std::vector<CompareRow> compare_accs(const GroupStats& stats, const GroupAcc& a, const GroupAcc& b,
                                     const std::string& name_a, const std::string& name_b,
                                     const std::vector<MetricKey>& keys);

// One article's contribution (numerator, denominator) to each metric, as GroupStats::add sums them.
void article_metric_values(const ArticleFigures& f, const std::vector<MetricKey>& keys,
                           std::vector<std::pair<double, double>>& out);
double metric_scale(const MetricKey& k);  // 1000 for the per-1,000-words rates, else 1

// Matched comparison (`compare --matched`): outlets compared within stories. Per story and group,
// each metric is the ratio of that group's sums in the story; the figure for A vs B is the mean
// over the stories both cover (with the metric defined for both) of A's value minus B's, each
// story weighing the same; the interval and p-value come from a Poisson bootstrap over stories
// (weights seeded by the story id). The number of stories behind each row is in `stories`.
class MatchedStats {
 public:
  MatchedStats(std::string field, std::vector<MetricKey> keys) : field_(std::move(field)), keys_(std::move(keys)) {}
  // Articles without a story id are left out (counted).
  Status add(const ArticleFigures& f);
  int64_t without_story() const { return without_story_; }
  size_t stories() const { return stories_.size(); }
  std::vector<CompareRow> compare(const std::string& a, const std::string& b_or_rest,
                                  const std::vector<std::string>& rest_of) const;

 private:
  using Sums = std::vector<std::pair<double, double>>;
  std::string field_;
  std::vector<MetricKey> keys_;
  std::map<std::string, std::map<std::string, Sums>> stories_;  // story -> group -> sums per key
  int64_t without_story_ = 0;
  mutable std::vector<std::pair<double, double>> scratch_;
};

enum class CompareDesign { Pairs, Rest };  // all pairs of groups, or each group against the rest

struct CompareSpec {
  std::vector<std::string> groups;  // empty: every group with at least min_n articles
  CompareDesign design = CompareDesign::Pairs;
  Correction correction = Correction::BenjaminiHochberg;
  int64_t min_n = 1;                // groups with fewer articles are left out (and named)
  size_t max_groups = 12;           // more groups than this is a usage error that names them
  size_t top_actors = 10;
};

struct Comparison {
  std::vector<std::string> groups;                          // the groups compared, sorted
  std::vector<std::pair<std::string, int64_t>> left_out;    // groups under min_n, with their articles
  std::vector<CompareRow> rows;                             // by comparison, clearest first within each
  size_t comparisons = 0;
};

// With `matched`, the rows come from it (within-story differences) instead of the pooled groups.
Result<Comparison> compare_many(const GroupStats& stats, const CompareSpec& spec, const MatchedStats* matched = nullptr);

// The default output name: compare-FIELD-A-vs-B.csv for two groups, compare-FIELD-pairs-K.csv /
// compare-FIELD-rest-K.csv for K groups (names reduced to [A-Za-z0-9._-]).
std::string comparison_file_name(const std::string& field, const Comparison& c, CompareDesign design);

std::string compare_csv(const std::vector<CompareRow>& rows, Correction correction, bool excel_safe);
// A fixed-width text table of at most `limit` rows (0: all).
std::string compare_table(const std::vector<CompareRow>& rows, Correction correction, size_t limit);

}  // namespace framelens
