#include "analyzer/report/html_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "analyzer/report/html_report.h"

namespace framelens {

const char* const kChartStyle =
    ".chart{margin:1.2em 0 1.6em;max-width:46em}"
    ".chart figcaption{margin-bottom:.3em}"
    ".crow{display:grid;grid-template-columns:minmax(8em,16em) minmax(10em,1fr) 12em;column-gap:.6em;"
    "align-items:center;font-family:Helvetica,Arial,sans-serif;font-size:.85em;line-height:1.25;"
    "padding:1px 0}"
    ".crow:nth-child(even){background:#f6f6f6}"
    ".cname{text-align:right;overflow-wrap:anywhere;min-width:0}.cname .n{color:#666;white-space:nowrap}"
    ".cplot{position:relative;height:1.2em;min-width:0}"
    ".cci{position:absolute;top:calc(50% - 1px);height:2px;background:#444}"
    ".cdot{position:absolute;top:calc(50% - .35em);width:.7em;height:.7em;margin-left:-.35em;"
    "border-radius:50%;background:#1f77b4;border:1px solid #fff;box-sizing:border-box}"
    ".cdot.neg{background:#c0392b}.cdot.pos{background:#2e8b57}.cdot.mid{background:#888}"
    ".cgrid{position:absolute;top:0;bottom:0;border-left:1px solid #ddd}.cgrid.zero{border-left:1px solid #777}"
    ".cval{white-space:nowrap;font-variant-numeric:tabular-nums;overflow:hidden;text-overflow:ellipsis}"
    ".cval .iv{color:#666;font-size:.9em}"
    ".caxis{border-top:1px solid #777;background:none!important}.caxis .cplot{height:1.3em}"
    ".ctick{position:absolute;top:.1em;transform:translateX(-50%);color:#444;white-space:nowrap}"
    ".ctick.first{transform:none}.ctick.last{transform:translateX(-100%)}"
    ".chart .note{font-family:Helvetica,Arial,sans-serif;font-size:.8em;color:#666;margin:.2em 0}"
    ".multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(30em,1fr));column-gap:2em}"
    ".multiples .chart{margin:.6em 0 1em}"
    ".multiples .crow{grid-template-columns:minmax(6em,12em) minmax(8em,1fr) 12em}";

namespace {

std::string fmt(double v, int decimals) {
  char b[48];
  std::snprintf(b, sizeof b, "%.*f", decimals, v);
  std::string s = b;
  if (s == "-0" || s.rfind("-0.", 0) == 0) {
    bool zero = s.find_first_not_of("-0.") == std::string::npos;
    if (zero) s.erase(0, 1);
  }
  return s;
}

// Decimals that show a tick step exactly (0.25 -> 2, 5 -> 0).
int decimals_for(double step) {
  for (int d = 0; d < 6; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6) return d;
  }
  return 6;
}

// `top` is the largest value of the chart: one number of decimals for all its labels.
std::string value_text(double v, ChartScale s, double top) {
  switch (s) {
    case ChartScale::Share: return fmt(100.0 * v, top < 0.1 ? 1 : 0) + "%";
    case ChartScale::Stance: return (v > 0.0005 ? "+" : "") + fmt(v, 2);
    case ChartScale::Rate: break;
  }
  return fmt(v, top >= 100 ? 0 : (top >= 10 ? 1 : 2));
}

std::string pct(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f%%", 100.0 * std::clamp(x, 0.0, 1.0));
  return b;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(hi > lo)) hi = lo + 1.0;
  const double raw = (hi - lo) / std::max(1, target - 1);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  std::vector<double> t;
  const double first = std::floor(lo / step + 1e-9) * step;
  for (double v = first; v <= hi + step * 1e-6 || t.size() < 2; v += step) {
    t.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    if (t.size() > 20) break;
  }
  if (t.back() < hi - step * 1e-6) t.push_back(t.back() + step);
  return t;
}

std::string human_label(std::string_view label) {
  std::string o(label);
  std::replace(o.begin(), o.end(), '_', ' ');
  return o;
}

std::string html_dot_chart(const ChartSpec& spec, std::vector<ChartRow> rows) {
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const ChartRow& r) { return !r.iv.defined; }), rows.end());
  if (rows.empty()) return "";
  // Drawn rows: n >= min_n, the max_rows groups with the most articles; then sorted by value.
  std::vector<const ChartRow*> drawn;
  for (const auto& r : rows) {
    if (r.n >= spec.min_n) drawn.push_back(&r);
  }
  std::stable_sort(drawn.begin(), drawn.end(), [](const ChartRow* a, const ChartRow* b) { return a->n > b->n; });
  if (drawn.size() > spec.max_rows) drawn.resize(spec.max_rows);
  auto by_value = [](const ChartRow* a, const ChartRow* b) {
    if (a->iv.value != b->iv.value) return a->iv.value > b->iv.value;
    return a->name < b->name;
  };
  std::stable_sort(drawn.begin(), drawn.end(), by_value);

  // Axis domain from the drawn intervals, padded to round ticks.
  double lo = 0.0, hi = 0.0;
  for (const ChartRow* r : drawn) {
    lo = std::min({lo, r->iv.low, r->iv.value});
    hi = std::max({hi, r->iv.high, r->iv.value});
  }
  if (spec.scale == ChartScale::Stance) {
    const double m = std::max({std::abs(lo), std::abs(hi), 0.05});
    lo = -m;
    hi = m;
  }
  if (spec.scale == ChartScale::Share) hi = std::min(hi, 1.0);
  if (!(hi > lo)) hi = lo + (spec.scale == ChartScale::Share ? 0.1 : 1.0);
  const std::vector<double> ticks = nice_ticks(lo, hi, 5);
  lo = ticks.front();
  hi = ticks.back();
  auto X = [&](double v) { return (std::clamp(v, lo, hi) - lo) / (hi - lo); };
  double top = 0.0;
  for (const auto& r : rows) top = std::max(top, std::abs(r.iv.value));
  auto value_text = [&](double v, ChartScale sc) { return framelens::value_text(v, sc, top); };
  const int dec = decimals_for(ticks.size() > 1 ? ticks[1] - ticks[0] : 1.0);
  auto tick_text = [&](double v) {
    if (spec.scale == ChartScale::Share) return fmt(100.0 * v, std::max(0, dec - 2)) + "%";
    return (spec.scale == ChartScale::Stance && v > 0 ? "+" : "") + fmt(v, dec);
  };

  std::ostringstream o;
  o << "<figure class=\"chart\"" << (spec.id.empty() ? "" : " id=\"" + html_escape(spec.id) + "\"")
    << "><figcaption>" << html_escape(spec.caption) << "</figcaption>\n";
  std::string grid;
  for (double t : ticks) {
    grid += "<span class=\"cgrid" + std::string(t == 0.0 && lo < 0 ? " zero" : "") + "\" style=\"left:" + pct(X(t)) +
            "\"></span>";
  }
  if (drawn.empty()) {
    o << "<p class=\"note\">No " << html_escape(spec.noun) << " has " << spec.min_n
      << " or more articles for this figure; the numbers are in the table.</p>\n";
  }
  for (const ChartRow* r : drawn) {
    const double v = r->iv.value;
    std::string dot_cls = "cdot";
    if (spec.scale == ChartScale::Stance) {
      dot_cls += r->iv.high < 0 ? " neg" : (r->iv.low > 0 ? " pos" : " mid");
    }
    const std::string tip = r->name + ", n=" + std::to_string(r->n) + ": " + value_text(v, spec.scale) +
                            " (95% interval " + value_text(r->iv.low, spec.scale) + " to " +
                            value_text(r->iv.high, spec.scale) + ")";
    o << "<div class=\"crow\" title=\"" << html_escape(tip) << "\"><div class=\"cname\">" << html_escape(r->name)
      << " <span class=\"n\">n=" << r->n << "</span></div><div class=\"cplot\">" << grid
      << "<span class=\"cci\" style=\"left:" << pct(X(r->iv.low)) << ";width:"
      << pct(std::max(0.0, X(r->iv.high) - X(r->iv.low))) << "\"></span><span class=\"" << dot_cls
      << "\" style=\"left:" << pct(X(v)) << "\"></span></div><div class=\"cval\">" << value_text(v, spec.scale)
      << " <span class=\"iv\">[" << value_text(r->iv.low, spec.scale) << ", " << value_text(r->iv.high, spec.scale)
      << "]</span></div></div>\n";
  }
  if (!drawn.empty()) {
    o << "<div class=\"crow caxis\"><div class=\"cname\"></div><div class=\"cplot\">";
    for (size_t i = 0; i < ticks.size(); ++i) {
      const char* cls = i == 0 ? "ctick first" : (i + 1 == ticks.size() ? "ctick last" : "ctick");
      o << "<span class=\"" << cls << "\" style=\"left:" << pct(X(ticks[i])) << "\">" << tick_text(ticks[i])
        << "</span>";
    }
    o << "</div><div class=\"cval\"></div></div>\n";
  }
  const size_t hidden = rows.size() - drawn.size();
  if (hidden > 0) {
    o << "<p class=\"note\">" << drawn.size() << " of " << rows.size() << " " << html_escape(spec.noun)
      << "s drawn (those with the most articles, at least " << spec.min_n << "); all are in the table.</p>\n";
  }
  // The table: every group, sorted by value.
  std::vector<const ChartRow*> all;
  for (const auto& r : rows) all.push_back(&r);
  std::stable_sort(all.begin(), all.end(), by_value);
  o << "<details><summary>numbers for all " << rows.size() << " " << html_escape(spec.noun)
    << (rows.size() == 1 ? "" : "s") << "</summary><table><tr><th>" << html_escape(spec.noun)
    << "</th><th>n</th><th>value</th><th>95% interval</th></tr>";
  for (const ChartRow* r : all) {
    o << "<tr><td>" << html_escape(r->name) << "</td><td class=\"num\">" << r->n << "</td><td class=\"num\">"
      << value_text(r->iv.value, spec.scale) << "</td><td class=\"num\">" << value_text(r->iv.low, spec.scale)
      << " to " << value_text(r->iv.high, spec.scale) << "</td></tr>";
  }
  o << "</table></details></figure>\n";
  return o.str();
}

}  // namespace framelens
