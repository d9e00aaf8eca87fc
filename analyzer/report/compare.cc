#include "analyzer/report/compare.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

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
                        const std::function<Status(const ArticleFigures&, std::string_view, const std::string&,
                                                   const nlohmann::json&)>& on_article,
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
      if (auto st = on_article(*fig, line, where, j); !st) return st;
    }
    if (!r.error().empty()) return input_error(r.error());
  }
  return {};
}

Result<Correction> parse_correction(std::string_view name) {
  if (name == "bh" || name == "fdr" || name == "benjamini-hochberg") return Correction::BenjaminiHochberg;
  if (name == "holm") return Correction::Holm;
  if (name == "none") return Correction::None;
  return usage_error("--correction must be bh, holm or none");
}

std::string_view correction_name(Correction c) {
  switch (c) {
    case Correction::BenjaminiHochberg: return "benjamini-hochberg";
    case Correction::Holm: return "holm";
    default: return "none";
  }
}

std::vector<double> adjust_p_values(const std::vector<double>& p, Correction c) {
  const size_t m = p.size();
  std::vector<double> out(p);
  if (c == Correction::None || m == 0) return out;
  std::vector<size_t> order(m);
  for (size_t i = 0; i < m; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return p[x] < p[y]; });
  if (c == Correction::Holm) {
    double run = 0.0;  // step-down: running maximum of (m - rank) * p
    for (size_t r = 0; r < m; ++r) {
      run = std::max(run, std::min(1.0, static_cast<double>(m - r) * p[order[r]]));
      out[order[r]] = run;
    }
  } else {
    double run = 1.0;  // step-up: running minimum from the largest p down of m / rank * p
    for (size_t r = m; r-- > 0;) {
      run = std::min(run, std::min(1.0, static_cast<double>(m) / static_cast<double>(r + 1) * p[order[r]]));
      out[order[r]] = run;
    }
  }
  return out;
}

double bootstrap_p_value(double diff, const std::array<double, kReplicates>& d, int64_t min_n) {
  double sum = 0, sq = 0;
  int n = 0;
  for (double x : d) {
    if (!std::isfinite(x)) continue;
    ++n;
    sum += x;
  }
  if (n < 2 || !std::isfinite(diff)) return 1.0;
  const double mean = sum / n;
  for (double x : d) {
    if (std::isfinite(x)) sq += (x - mean) * (x - mean);
  }
  const double se = std::sqrt(sq / (n - 1));
  // No variation (rounding noise aside): with one article or story on a side there is nothing to
  // test against; with several that all agree, any difference is certain.
  if (!(se > 1e-9 * std::max(1.0, std::abs(diff)))) return min_n >= 2 && std::abs(diff) > 1e-12 ? 0.0 : 1.0;
  return std::min(1.0, std::erfc(std::abs(diff) / se / std::sqrt(2.0)));
}

std::vector<CompareRow> compare_accs(const GroupStats& stats, const GroupAcc& ga, const GroupAcc& gb,
                                     const std::string& name_a, const std::string& name_b,
                                     const std::vector<MetricKey>& keys) {
  std::vector<CompareRow> rows;
  for (const auto& k : keys) {
    auto ra = stats.metric(ga, k), rb = stats.metric(gb, k);
    if (!ra || !rb || ra->den->sum() == 0 || rb->den->sum() == 0) continue;
    CompareRow row;
    row.group_a = name_a;
    row.group_b = name_b;
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
    row.ci_excludes_zero = row.diff.low > 0 || row.diff.high < 0;
    row.p = row.p_adjusted = bootstrap_p_value(row.diff.value, d, std::min(row.na, row.nb));
    row.significant = row.p_adjusted < 0.05;
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

namespace {

std::string group_list(const std::vector<std::pair<std::string, int64_t>>& groups, size_t limit) {
  std::string out;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i == limit) {
      out += ", ... (" + std::to_string(groups.size() - limit) + " more)";
      break;
    }
    out += (i ? ", " : "") + groups[i].first + " (" + std::to_string(groups[i].second) + ")";
  }
  return out;
}

Error unknown_group(const GroupStats& stats, const std::string& name) {
  std::vector<std::pair<std::string, int64_t>> known;
  for (const auto& [g, acc] : stats.groups()) known.push_back({g, acc.articles});
  return usage_error("no " + stats.field() + " '" + name + "' in the data (found, with articles: " +
                     group_list(known, 40) + ")");
}

}  // namespace

Result<std::vector<CompareRow>> compare_groups(const GroupStats& stats, const std::string& a, const std::string& b,
                                               size_t top_actors) {
  auto ga = stats.groups().find(a), gb = stats.groups().find(b);
  if (ga == stats.groups().end()) return unknown_group(stats, a);
  if (gb == stats.groups().end()) return unknown_group(stats, b);
  return compare_accs(stats, ga->second, gb->second, a, b, stats.metric_keys(top_actors));
}

double metric_scale(const MetricKey& k) {
  return k.metric == "own_voice_per_1000" || k.metric == "quoted_per_1000" ? 1000.0 : 1.0;
}

void article_metric_values(const ArticleFigures& f, const std::vector<MetricKey>& keys,
                           std::vector<std::pair<double, double>>& out) {
  out.assign(keys.size(), {0.0, 0.0});
  int32_t quotes = 0;
  for (auto q : f.quotes_by_type) quotes += q;
  auto has = [](const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  for (size_t i = 0; i < keys.size(); ++i) {
    const std::string& m = keys[i].metric;
    const std::string& k = keys[i].key;
    auto& [num, den] = out[i];
    if (m == "words_per_article") num = f.stats.words, den = 1;
    else if (m == "own_voice_per_1000") num = f.stats.own_voice_terms, den = f.stats.words;
    else if (m == "quoted_per_1000") num = f.stats.quoted_terms, den = f.stats.words;
    else if (m == "biased_sentence_share") num = f.stats.biased_sentences, den = f.stats.sentences;
    else if (m == "quotes_per_article") num = quotes, den = 1;
    else if (m == "loaded_cue_share") num = f.stats.loaded_cues, den = f.quotes_with_cue;
    else if (m == "quote_share") {
      for (size_t t = 0; t < kSpeakerTypes.size(); ++t) {
        if (kSpeakerTypes[t] == k) num = f.quotes_by_type[t], den = quotes;
      }
    } else if (m == "frame_share_mfc") {
      if (f.has_mfc) num = has(f.mfc, k), den = 1;
    } else if (m == "frame_share_generic") {
      if (f.has_generic) num = has(f.generic, k), den = 1;
    } else if (m == "leaning_share") {
      if (!f.leaning.label.empty()) num = f.leaning.label == k, den = 1;
    } else if (m == "actor_stance") {
      for (const auto& a : f.actors) {
        if (a.name == k && a.stance_present) {
          num = a.stance, den = 1;
          break;  // once per article, as GroupStats counts it
        }
      }
    }
  }
}

Status MatchedStats::add(const ArticleFigures& f) {
  if (f.story.empty()) {
    ++without_story_;
    return {};
  }
  auto g = group_value(f, field_);
  if (!g) return g.error();
  Sums& sums = stories_[f.story][*g];
  if (sums.empty()) sums.assign(keys_.size(), {0.0, 0.0});
  article_metric_values(f, keys_, scratch_);
  for (size_t i = 0; i < keys_.size(); ++i) {
    sums[i].first += scratch_[i].first;
    sums[i].second += scratch_[i].second;
  }
  return {};
}

std::vector<CompareRow> MatchedStats::compare(const std::string& a, const std::string& b,
                                              const std::vector<std::string>& rest_of) const {
  std::vector<CompareRow> rows;
  const bool rest = !rest_of.empty();
  for (size_t i = 0; i < keys_.size(); ++i) {
    const double scale = metric_scale(keys_[i]);
    std::vector<double> va, vb;
    std::vector<BootWeights> w;
    for (const auto& [story, groups] : stories_) {
      auto ia = groups.find(a);
      if (ia == groups.end() || ia->second[i].second == 0) continue;
      double num = 0, den = 0;
      if (rest) {
        for (const auto& o : rest_of) {
          auto io = groups.find(o);
          if (o == a || io == groups.end()) continue;
          num += io->second[i].first;
          den += io->second[i].second;
        }
      } else if (auto ib = groups.find(b); ib != groups.end()) {
        num = ib->second[i].first;
        den = ib->second[i].second;
      }
      if (den == 0) continue;
      va.push_back(scale * ia->second[i].first / ia->second[i].second);
      vb.push_back(scale * num / den);
      w.push_back(poisson_weights(KeyHash().add(story).value()));
    }
    if (va.empty()) continue;
    const double n = static_cast<double>(va.size());
    double ma = 0, mb = 0;
    for (size_t s = 0; s < va.size(); ++s) ma += va[s], mb += vb[s];
    ma /= n;
    mb /= n;
    std::array<double, kReplicates> ra, rb, rd;
    for (int r = 0; r < kReplicates; ++r) {
      double sw = 0, sa = 0, sb = 0;
      for (size_t s = 0; s < va.size(); ++s) {
        sw += w[s][r];
        sa += w[s][r] * va[s];
        sb += w[s][r] * vb[s];
      }
      const double nan = std::numeric_limits<double>::quiet_NaN();
      ra[r] = sw > 0 ? sa / sw : nan;
      rb[r] = sw > 0 ? sb / sw : nan;
      rd[r] = sw > 0 ? (sa - sb) / sw : nan;
    }
    CompareRow row;
    row.group_a = a;
    row.group_b = rest ? "(rest)" : b;
    row.key = keys_[i];
    row.a = percentile_interval(ma, ra);
    row.b = percentile_interval(mb, rb);
    row.diff = percentile_interval(ma - mb, rd);
    row.na = row.nb = row.stories = static_cast<int64_t>(va.size());
    row.ci_excludes_zero = row.diff.low > 0 || row.diff.high < 0;
    row.p = row.p_adjusted = bootstrap_p_value(row.diff.value, rd, row.stories);
    row.significant = row.p_adjusted < 0.05;
    const double width = row.diff.high - row.diff.low;
    const double mag = std::abs(row.diff.value);
    row.strength = width > 0 ? mag / width : (mag > 0 ? 1e9 : 0.0);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<Comparison> compare_many(const GroupStats& stats, const CompareSpec& spec, const MatchedStats* matched) {
  Comparison c;
  std::vector<std::string> wanted = spec.groups;
  if (wanted.empty()) {
    for (const auto& [g, _] : stats.groups()) wanted.push_back(g);
  }
  for (const auto& g : wanted) {
    auto it = stats.groups().find(g);
    if (it == stats.groups().end()) return unknown_group(stats, g);
    if (it->second.articles < spec.min_n) {
      c.left_out.push_back({g, it->second.articles});
    } else if (std::find(c.groups.begin(), c.groups.end(), g) == c.groups.end()) {
      c.groups.push_back(g);
    }
  }
  std::sort(c.groups.begin(), c.groups.end());
  const std::string why_left = c.left_out.empty() ? "" : "; left out under --min-n " + std::to_string(spec.min_n) +
                                                              ": " + group_list(c.left_out, 40);
  if (c.groups.size() < 2) {
    return usage_error("--by " + stats.field() + " leaves " + std::to_string(c.groups.size()) +
                       " group(s) to compare" + why_left);
  }
  if (c.groups.size() > spec.max_groups) {
    std::vector<std::pair<std::string, int64_t>> named;
    for (const auto& g : c.groups) named.push_back({g, stats.groups().at(g).articles});
    std::stable_sort(named.begin(), named.end(), [](auto& x, auto& y) { return x.second > y.second; });
    return usage_error("--by " + stats.field() + " gives " + std::to_string(c.groups.size()) +
                       " groups (more than --max-groups " + std::to_string(spec.max_groups) +
                       "): " + group_list(named, 40) + "; pick some with --groups A,B,C, raise --min-n or --max-groups");
  }
  const auto keys = stats.metric_keys(spec.top_actors);
  if (matched) {
    for (size_t i = 0; i < c.groups.size(); ++i) {
      if (spec.design == CompareDesign::Rest) {
        auto rows = matched->compare(c.groups[i], "", c.groups);
        c.rows.insert(c.rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
        ++c.comparisons;
        continue;
      }
      for (size_t j = i + 1; j < c.groups.size(); ++j) {
        auto rows = matched->compare(c.groups[i], c.groups[j], {});
        c.rows.insert(c.rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
        ++c.comparisons;
      }
    }
  } else if (spec.design == CompareDesign::Pairs) {
    for (size_t i = 0; i < c.groups.size(); ++i) {
      for (size_t j = i + 1; j < c.groups.size(); ++j) {
        auto rows = compare_accs(stats, stats.groups().at(c.groups[i]), stats.groups().at(c.groups[j]), c.groups[i],
                                 c.groups[j], keys);
        c.rows.insert(c.rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
        ++c.comparisons;
      }
    }
  } else {
    for (const auto& g : c.groups) {
      GroupAcc rest;
      for (const auto& other : c.groups) {
        if (other != g) rest.merge(stats.groups().at(other));
      }
      auto rows = compare_accs(stats, stats.groups().at(g), rest, g, "(rest)", keys);
      c.rows.insert(c.rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
      ++c.comparisons;
    }
  }
  std::vector<double> p;
  for (const auto& r : c.rows) p.push_back(r.p);
  const auto adj = adjust_p_values(p, spec.correction);
  for (size_t i = 0; i < c.rows.size(); ++i) {
    c.rows[i].p_adjusted = adj[i];
    c.rows[i].significant = adj[i] < 0.05;
  }
  // Within each comparison: significant first, then the clearest differences.
  std::stable_sort(c.rows.begin(), c.rows.end(), [](const CompareRow& x, const CompareRow& y) {
    if (x.group_a != y.group_a) return x.group_a < y.group_a;
    if (x.group_b != y.group_b) return x.group_b < y.group_b;
    if (x.significant != y.significant) return x.significant;
    return x.strength > y.strength;
  });
  return c;
}

namespace {

std::string slug(const std::string& s) {
  std::string out;
  for (unsigned char ch : s) {
    const bool ok = std::isalnum(ch) || ch == '.' || ch == '_' || ch == '-';
    if (ok) out.push_back(static_cast<char>(ch));
    else if (out.empty() || out.back() != '_') out.push_back('_');
  }
  while (!out.empty() && (out.back() == '_' || out.back() == '.')) out.pop_back();
  while (!out.empty() && out.front() == '.') out.erase(out.begin());
  if (out.size() > 60) out.resize(60);
  return out.empty() ? "none" : out;
}

}  // namespace

std::string comparison_file_name(const std::string& field, const Comparison& c, CompareDesign design) {
  std::string name = "compare-" + slug(field) + "-";
  if (c.groups.size() == 2 && design == CompareDesign::Pairs) {
    name += slug(c.groups[0]) + "-vs-" + slug(c.groups[1]);
  } else {
    name += std::string(design == CompareDesign::Pairs ? "pairs-" : "rest-") + std::to_string(c.groups.size());
  }
  return name + ".csv";
}

std::string compare_csv(const std::vector<CompareRow>& rows, Correction correction, bool excel_safe) {
  std::string out;
  csv_header(out, {"metric", "key", "group_a", "value_a", "ci_low_a", "ci_high_a", "n_a", "group_b", "value_b",
                   "ci_low_b", "ci_high_b", "n_b", "diff", "diff_ci_low", "diff_ci_high", "significant",
                   "ci_excludes_0", "p", "p_adjusted", "correction", "stories"});
  const std::string corr(correction_name(correction));
  for (const auto& r : rows) {
    CsvRow row(out, excel_safe);
    row.text(r.key.metric).text(r.key.key).text(r.group_a).number(r.a.value).number(r.a.low)
        .number(r.a.high).integer(r.na).text(r.group_b).number(r.b.value).number(r.b.low).number(r.b.high)
        .integer(r.nb).number(r.diff.value).number(r.diff.low).number(r.diff.high).boolean(r.significant)
        .boolean(r.ci_excludes_zero).number(r.p).number(r.p_adjusted).text(corr);
    if (r.stories >= 0) row.integer(r.stories);
    else row.empty();
    row.end();
  }
  return out;
}

std::string compare_table(const std::vector<CompareRow>& rows, Correction correction, size_t limit) {
  auto iv = [](const Interval& i) { return fmt(i.value) + " [" + fmt(i.low) + ", " + fmt(i.high) + "]"; };
  bool many = false;
  for (const auto& r : rows) many = many || r.group_a != rows[0].group_a || r.group_b != rows[0].group_b;
  const std::string adj = correction == Correction::BenjaminiHochberg ? "q (BH)"
                          : correction == Correction::Holm            ? "p (Holm)"
                                                                      : "p";
  constexpr size_t kCols = 8;
  std::vector<std::array<std::string, kCols>> cells;
  const std::string a = rows.empty() || many ? "A" : rows[0].group_a, b = rows.empty() || many ? "B" : rows[0].group_b;
  const bool matched = !rows.empty() && rows[0].stories >= 0;
  cells.push_back({"comparison (A vs B)", "metric", "key", a, b, "difference (A - B)", adj,
                   matched ? "stories" : "n (A/B)"});
  for (size_t i = 0; i < rows.size() && (limit == 0 || i < limit); ++i) {
    const auto& r = rows[i];
    cells.push_back({r.group_a + " vs " + r.group_b, r.key.metric, r.key.key, iv(r.a), iv(r.b),
                     iv(r.diff) + (r.significant ? " *" : ""), fmt(r.p_adjusted),
                     r.stories >= 0 ? std::to_string(r.stories) : std::to_string(r.na) + "/" + std::to_string(r.nb)});
  }
  const size_t first = many ? 0 : 1;  // two groups: the comparison column says nothing
  std::array<size_t, kCols> w{};
  for (const auto& c : cells) {
    for (size_t k = first; k < kCols; ++k) w[k] = std::max(w[k], std::min<size_t>(c[k].size(), 40));
  }
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    for (size_t k = first; k < kCols; ++k) {
      std::string c = cells[i][k].substr(0, 40);
      out += c;
      if (k + 1 < kCols) out += std::string(w[k] - std::min(w[k], c.size()) + 2, ' ');
    }
    out += "\n";
    if (i == 0) {
      for (size_t k = first; k < kCols; ++k) out += std::string(w[k], '-') + (k + 1 < kCols ? "  " : "");
      out += "\n";
    }
  }
  if (limit && rows.size() > limit) {
    out += "(" + std::to_string(rows.size() - limit) + " more rows in the CSV)\n";
  }
  out += "* significant after the " + std::string(correction_name(correction)) +
         " correction over all " + std::to_string(rows.size()) + " rows (adjusted p < 0.05; bootstrap p-values)\n";
  return out;
}

}  // namespace framelens
