#pragma once
// Dot-and-interval charts in plain HTML + CSS (no SVG text to clip, no script): one row per group
// with its name and n on the left, a dot at the estimate and a line for its 95% interval, the
// value in its own column on the right, and round axis ticks. Rows are sorted by value; at most
// `max_rows` rows are drawn (the groups with the most articles), every group is in the table
// under the chart.
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/report/bootstrap.h"

namespace framelens {

struct ChartRow {
  std::string name;  // the group (outlet) name, shown as given
  int64_t n = 0;     // articles behind the estimate
  Interval iv;
};

enum class ChartScale { Share, Rate, Stance };  // 0..1 as %, a plain rate, -1..1 (coloured by sign)

struct ChartSpec {
  std::string id, caption, noun = "outlet";
  ChartScale scale = ChartScale::Rate;
  size_t max_rows = 15;
  int64_t min_n = 2;  // rows with fewer articles stay in the table only (a single article is no estimate)
};

// Round axis ticks ("nice numbers": 1, 2, 2.5 or 5 times a power of ten) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int target = 5);
// A human label for a model label: underscores become spaces ("Crime_and_punishment" ->
// "Crime and punishment").
std::string human_label(std::string_view label);

// The chart as an HTML <figure>; empty when `rows` is empty.
std::string html_dot_chart(const ChartSpec& spec, std::vector<ChartRow> rows);
// The style sheet the charts need (added to the page once).
extern const char* const kChartStyle;

}  // namespace framelens
