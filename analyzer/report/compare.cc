#include "analyzer/report/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "analyzer/core/format.h"
#include "analyzer/report/csv_writer.h"
#include "analyzer/text/line_reader.h"

namespace framelens {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

std::string fmt(double x) { return std::isfinite(x) ? fmt3(x) : "-"; }

}  // namespace

Status read_score_lines(const std::vector<std::string>& paths,
                        const std::function<Status(const ArticleFigures&, std::string_view, const std::string&)>& on_article,
                        const std::function<void(const std::string&)>& on_bad, ScoreLineCounts& counts) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        const std::string s = e.path().string();
        if (e.is_regular_file() && (ends_with(s, ".jsonl") || ends_with(s, ".jsonl.gz"))) found.push_back(s);
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (p == "-" || fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      return usage_error(p + ": no such file or folder");
    }
  }
  if (files.empty()) return usage_error("no score JSON Lines files found in the given folders");
  std::string line;
  for (const auto& f : files) {
    LineReader r;
    if (auto st = r.open(f); !st) return st;
    while (r.next(line)) {
      ++counts.lines;
      const std::string where = r.name() + ":" + std::to_string(r.line_number());
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::exception&) {
        ++counts.bad_lines;
        on_bad(where + ": invalid JSON");
        continue;
      }
      if (j.is_object() && j.contains("error")) {
        ++counts.error_records;
        continue;
      }
      auto fig = figures_from_json(j);
      if (!fig) {
        ++counts.bad_lines;
        on_bad(where + ": " + fig.error().message);
        continue;
      }
      ++counts.articles;
      if (auto st = on_article(*fig, line, where); !st) return st;
    }
    if (!r.error().empty()) return input_error(r.error());
  }
  return {};
}

Result<std::vector<CompareRow>> compare_groups(const GroupStats& stats, const std::string& a, const std::string& b,
                                               size_t top_actors) {
  auto ga = stats.groups().find(a), gb = stats.groups().find(b);
  for (const auto& [name, it] : {std::pair{&a, ga}, {&b, gb}}) {
    if (it == stats.groups().end()) {
      std::string known;
      size_t n = 0;
      for (const auto& [g, _] : stats.groups()) {
        if (n++ == 12) { known += ", ..."; break; }
        known += (known.empty() ? "" : ", ") + g;
      }
      return usage_error("no " + stats.field() + " '" + *name + "' in the data (found: " + known + ")");
    }
  }
  std::vector<CompareRow> rows;
  for (const auto& k : stats.metric_keys(top_actors)) {
    auto ra = stats.metric(ga->second, k), rb = stats.metric(gb->second, k);
    if (!ra || !rb || ra->den->sum() == 0 || rb->den->sum() == 0) continue;
    CompareRow row;
    row.key = k;
    row.a = ratio_interval(*ra->num, *ra->den, ra->scale);
    row.b = ratio_interval(*rb->num, *rb->den, rb->scale);
    row.na = ra->den->n();
    row.nb = rb->den->n();
    auto reps_a = ratio_replicates(*ra->num, *ra->den, ra->scale);
    auto reps_b = ratio_replicates(*rb->num, *rb->den, rb->scale);
    std::array<double, kReplicates> d;
    for (int r = 0; r < kReplicates; ++r) d[r] = reps_a[r] - reps_b[r];
    row.diff = percentile_interval(row.a.value - row.b.value, d);
    row.significant = row.diff.low > 0 || row.diff.high < 0;
    const double width = row.diff.high - row.diff.low;
    const double mag = std::abs(row.diff.value);
    row.strength = width > 0 ? mag / width : (mag > 0 ? 1e9 : 0.0);
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const CompareRow& x, const CompareRow& y) {
    if (x.significant != y.significant) return x.significant;
    return x.strength > y.strength;
  });
  return rows;
}

std::string compare_csv(const std::vector<CompareRow>& rows, const std::string& a, const std::string& b,
                        bool excel_safe) {
  std::string out;
  csv_header(out, {"metric", "key", "group_a", "value_a", "ci_low_a", "ci_high_a", "n_a", "group_b", "value_b",
                   "ci_low_b", "ci_high_b", "n_b", "diff", "diff_ci_low", "diff_ci_high", "significant"});
  for (const auto& r : rows) {
    CsvRow(out, excel_safe).text(r.key.metric).text(r.key.key).text(a).number(r.a.value).number(r.a.low)
        .number(r.a.high).integer(r.na).text(b).number(r.b.value).number(r.b.low).number(r.b.high).integer(r.nb)
        .number(r.diff.value).number(r.diff.low).number(r.diff.high).boolean(r.significant).end();
  }
  return out;
}

std::string compare_table(const std::vector<CompareRow>& rows, const std::string& a, const std::string& b,
                          size_t limit) {
  auto iv = [](const Interval& i) { return fmt(i.value) + " [" + fmt(i.low) + ", " + fmt(i.high) + "]"; };
  std::vector<std::array<std::string, 5>> cells;
  cells.push_back({"metric", "key", a, b, "difference (A - B)"});
  for (size_t i = 0; i < rows.size() && (limit == 0 || i < limit); ++i) {
    const auto& r = rows[i];
    cells.push_back({r.key.metric, r.key.key, iv(r.a), iv(r.b), iv(r.diff) + (r.significant ? " *" : "")});
  }
  std::array<size_t, 5> w{};
  for (const auto& c : cells) {
    for (size_t k = 0; k < 5; ++k) w[k] = std::max(w[k], std::min<size_t>(c[k].size(), 40));
  }
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    for (size_t k = 0; k < 5; ++k) {
      std::string c = cells[i][k].substr(0, 40);
      out += c;
      if (k < 4) out += std::string(w[k] - std::min(w[k], c.size()) + 2, ' ');
    }
    out += "\n";
    if (i == 0) {
      for (size_t k = 0; k < 5; ++k) out += std::string(w[k], '-') + (k < 4 ? "  " : "");
      out += "\n";
    }
  }
  if (limit && rows.size() > limit) {
    out += "(" + std::to_string(rows.size() - limit) + " more rows in the CSV)\n";
  }
  out += "* the 95% bootstrap interval of the difference excludes 0\n";
  return out;
}

}  // namespace framelens
