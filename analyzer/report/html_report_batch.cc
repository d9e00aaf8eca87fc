#include "analyzer/report/html_report_batch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "analyzer/core/format.h"
#include "analyzer/report/html_report.h"

namespace framelens {

namespace {

constexpr size_t kMaxGroups = 12;   // charts show the largest groups; outlets.csv has them all
constexpr size_t kMaxFrames = 8;

const char* const kGroupColours[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
                                     "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79", "#637939"};

std::string f2(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", x);
  return b;
}

struct Bar {
  std::string label;  // row label (the key for multi-key charts)
  int group = 0;      // colour index
  std::string group_name;
  Interval iv;
};

// A horizontal bar chart with interval whiskers. Domain [lo, hi]; a zero line when lo < 0.
std::string svg_chart(const std::vector<Bar>& bars, double lo, double hi, bool show_labels) {
  if (bars.empty()) return "";
  const int label_w = show_labels ? 170 : 10, plot_w = 380, row_h = 16, top = 6;
  const int height = top + row_h * static_cast<int>(bars.size()) + 22;
  auto X = [&](double v) { return label_w + plot_w * (std::clamp(v, lo, hi) - lo) / (hi - lo); };
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label_w + plot_w + 60 << "\" height=\"" << height
    << "\" role=\"img\">";
  std::string prev;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const int y = top + row_h * static_cast<int>(i);
    if (show_labels && b.label != prev) {
      o << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 11 << "\" text-anchor=\"end\">" << html_escape(b.label)
        << "</text>";
      prev = b.label;
    }
    const double v = b.iv.defined ? b.iv.value : 0.0;
    const double x0 = X(std::max(lo, 0.0)), x1 = X(v);
    o << "<rect x=\"" << f2(std::min(x0, x1)) << "\" y=\"" << y + 2 << "\" width=\"" << f2(std::abs(x1 - x0))
      << "\" height=\"" << row_h - 4 << "\" fill=\"" << kGroupColours[b.group % 12] << "\"><title>"
      << html_escape(b.group_name + (b.label.empty() ? "" : " / " + b.label)) << ": " << fmt3(v) << " (95% "
      << fmt3(b.iv.low) << " to " << fmt3(b.iv.high) << ")</title></rect>";
    const double wl = X(b.iv.low), wh = X(b.iv.high), ym = y + row_h / 2.0;
    o << "<line x1=\"" << f2(wl) << "\" y1=\"" << f2(ym) << "\" x2=\"" << f2(wh) << "\" y2=\"" << f2(ym)
      << "\" stroke=\"#000\"/><line x1=\"" << f2(wl) << "\" y1=\"" << f2(ym - 4) << "\" x2=\"" << f2(wl)
      << "\" y2=\"" << f2(ym + 4) << "\" stroke=\"#000\"/><line x1=\"" << f2(wh) << "\" y1=\"" << f2(ym - 4)
      << "\" x2=\"" << f2(wh) << "\" y2=\"" << f2(ym + 4) << "\" stroke=\"#000\"/>";
    o << "<text x=\"" << f2(std::max(x1, wh) + 4) << "\" y=\"" << y + 11 << "\">" << f2(v) << "</text>";
  }
  const int ya = top + row_h * static_cast<int>(bars.size()) + 2;
  o << "<line x1=\"" << label_w << "\" y1=\"" << ya << "\" x2=\"" << label_w + plot_w << "\" y2=\"" << ya
    << "\" stroke=\"#555\"/>";
  for (int t = 0; t <= 4; ++t) {
    const double v = lo + (hi - lo) * t / 4.0;
    o << "<text x=\"" << f2(X(v)) << "\" y=\"" << ya + 14 << "\" text-anchor=\"middle\">" << f2(v) << "</text>";
  }
  if (lo < 0) {
    o << "<line x1=\"" << f2(X(0)) << "\" y1=\"" << top << "\" x2=\"" << f2(X(0)) << "\" y2=\"" << ya
      << "\" stroke=\"#555\" stroke-dasharray=\"2,2\"/>";
  }
  o << "</svg>";
  return o.str();
}

}  // namespace

std::string html_batch_report(const GroupStats& stats, std::string_view summary, std::string_view article_views) {
  // The largest groups, by articles.
  std::vector<std::pair<int64_t, std::string>> order;
  for (const auto& [name, g] : stats.groups()) order.push_back({-g.articles, name});
  std::sort(order.begin(), order.end());
  if (order.size() > kMaxGroups) order.resize(kMaxGroups);
  std::vector<std::string> shown;
  for (auto& [_, n] : order) shown.push_back(n);

  const auto keys = stats.metric_keys(10);
  auto bars_for = [&](const std::string& metric, const std::vector<std::string>& only_keys) {
    std::vector<Bar> bars;
    for (const auto& k : keys) {
      if (k.metric != metric) continue;
      if (!only_keys.empty() && std::find(only_keys.begin(), only_keys.end(), k.key) == only_keys.end()) continue;
      for (size_t gi = 0; gi < shown.size(); ++gi) {
        const GroupAcc& g = stats.groups().at(shown[gi]);
        auto ref = stats.metric(g, k);
        if (!ref || ref->den->sum() == 0) continue;
        bars.push_back({k.key, static_cast<int>(gi), shown[gi], ratio_interval(*ref->num, *ref->den, ref->scale)});
      }
    }
    return bars;
  };

  std::ostringstream o;
  const std::string noun = stats.field() == "outlet" ? "outlet" : stats.field();
  o << "<h1>framelens: " << html_escape(noun) << " comparison</h1>\n<p class=\"meta\">" << html_escape(summary)
    << " Intervals are 95% Poisson-bootstrap percentile intervals (" << kReplicates
    << " replicates, fixed seed). Charts show the " << shown.size() << " largest groups; every group is in "
    << "outlets.csv.</p>\n";
  o << "<p class=\"legend\">";
  for (size_t i = 0; i < shown.size(); ++i) {
    o << "<span><span class=\"chip\" style=\"border-color:" << kGroupColours[i % 12] << "\"></span>"
      << html_escape(shown[i]) << " (" << stats.groups().at(shown[i]).articles << ")</span>";
  }
  o << "</p>\n";

  auto chart = [&](const std::string& caption, const std::vector<Bar>& bars, double lo, double hi, bool labels) {
    if (bars.empty()) return;
    double top = hi;
    for (const auto& b : bars) top = std::max(top, b.iv.high);
    if (hi <= 0) top = top > 0 ? top * 1.05 : 1.0;  // all zero: a plain 0..1 axis
    o << "<figure><figcaption>" << html_escape(caption) << "</figcaption>" << svg_chart(bars, lo, hi > 0 ? hi : top, labels)
      << "<details><summary>numbers</summary><table><tr><th>" << html_escape(noun)
      << "</th><th>key</th><th>value</th><th>95% interval</th></tr>";
    for (const auto& b : bars) {
      o << "<tr><td>" << html_escape(b.group_name) << "</td><td>" << html_escape(b.label) << "</td><td class=\"num\">"
        << fmt3(b.iv.value) << "</td><td class=\"num\">" << fmt3(b.iv.low) << " to " << fmt3(b.iv.high) << "</td></tr>";
    }
    o << "</table></details></figure>\n";
  };
  o << "<h2>Loaded wording</h2>\n";
  chart("Loaded terms in the outlet's own voice, per 1,000 words", bars_for("own_voice_per_1000", {}), 0, 0, false);
  chart("Loaded terms inside quoted speech, per 1,000 words", bars_for("quoted_per_1000", {}), 0, 0, false);
  chart("Share of attribution cues that carry judgement (claimed, admitted...)", bars_for("loaded_cue_share", {}), 0,
        1, false);
  chart("Share of sentences flagged as biased", bars_for("biased_sentence_share", {}), 0, 1, false);
  o << "<h2>Who is quoted</h2>\n";
  chart("Share of quotes by speaker type", bars_for("quote_share", {}), 0, 1, true);
  o << "<h2>Stance toward the most discussed actors</h2>\n";
  chart("Mean stance (-1 negative to +1 positive)", bars_for("actor_stance", {}), -1, 1, true);
  o << "<h2>Frames and leaning</h2>\n";
  for (const char* m : {"frame_share_mfc", "frame_share_generic"}) {
    // The most frequent frames overall.
    std::vector<std::pair<double, std::string>> freq;
    for (const auto& k : keys) {
      if (k.metric != m) continue;
      double n = 0;
      for (const auto& [_, g] : stats.groups()) {
        if (auto r = stats.metric(g, k)) n += r->num->sum();
      }
      freq.push_back({-n, k.key});
    }
    std::sort(freq.begin(), freq.end());
    std::vector<std::string> top;
    for (size_t i = 0; i < freq.size() && i < kMaxFrames; ++i) top.push_back(freq[i].second);
    if (!top.empty()) {
      chart(std::string(m) == "frame_share_mfc" ? "Share of articles per frame (Media Frames Corpus)"
                                                : "Share of articles per generic frame",
            bars_for(m, top), 0, 1, true);
    }
  }
  chart("Share of articles per predicted leaning", bars_for("leaning_share", {}), 0, 1, true);
  if (!article_views.empty()) {
    o << "<h2>Articles</h2>\n<p class=\"meta\">The first articles of the batch, with their evidence.</p>\n";
    o << article_views;
  }
  return html_page("framelens - " + noun + " comparison", o.str());
}

}  // namespace framelens
