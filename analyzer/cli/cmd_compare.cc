#include <filesystem>
#include <optional>
#include <ostream>

#include "analyzer/cli/args.h"
#include "analyzer/cli/commands.h"
#include "analyzer/cli/common.h"
#include "analyzer/report/compare.h"
#include "analyzer/report/csv_writer.h"

namespace framelens {

namespace {

const char* const kHelp =
    "Usage: framelens compare DIR|FILE.jsonl --outlets A,B[,C...] [OPTIONS]\n"
    "       framelens compare DIR|FILE.jsonl --by FIELD [--groups A,B,...] [OPTIONS]\n"
    "\n"
    "The differences between outlets (or groups) on every outlet metric of outlets.csv, each with\n"
    "the 95% bootstrap interval of the difference (paired replicates), a two-sided bootstrap\n"
    "p-value and that p-value adjusted for the number of rows compared (Benjamini-Hochberg by\n"
    "default); '*' marks an adjusted p below 0.05. Two groups give one comparison; more give all\n"
    "pairs, or each group against the rest (--design rest). Reads DIR/articles.jsonl (from\n"
    "`batch --out` or `aggregate`) or any score JSON Lines file.\n"
    "\n"
    "Options:\n"
    "  --outlets A,B,...     the outlets (same as --by outlet --groups A,B,...)\n"
    "  --by FIELD            group by outlet, date, year, month, leaning or any input field kept\n"
    "                        with `batch --keep-fields` (e.g. bias, topic)\n"
    "  --groups A,B,...      the groups to compare (default: every group with --min-n articles)\n"
    "  --design pairs|rest   all pairs of groups (default), or each group against the others\n"
    "  --correction C        bh (Benjamini-Hochberg q-values, default), holm or none\n"
    "  --matched             compare within stories (story_id of `batch --out`): the mean over the\n"
    "                        stories both groups cover of the within-story difference, bootstrap\n"
    "                        over stories; separates how outlets cover a story from which\n"
    "                        stories they cover. The CSV's `stories` column counts them\n"
    "  --min-n N             leave out groups with fewer than N articles (default 1)\n"
    "  --max-groups N        refuse more groups than this, naming them (default 12)\n"
    "  --csv PATH            where to write the full table (default: DIR/compare-FIELD-A-vs-B.csv,\n"
    "                        DIR/compare-FIELD-pairs-K.csv or -rest-K.csv; - for none)\n"
    "  --rows N              rows printed (default 25, 0 for all; the CSV has all)\n"
    "  --top-actors N        actors whose stance is compared (default 10)\n"
    "  --excel-safe          neutralise CSV text cells a spreadsheet would run as formulas\n"
    "  -h, --help            this help\n"
    "\n"
    "Examples:\n"
    "  framelens compare results/ --outlets \"Capital Courier,The Harbor Ledger\"\n"
    "  framelens compare results/ --by outlet --design rest --min-n 30 --correction holm\n"
    "\n";

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t c = s.find(',', start);
    if (c == std::string::npos) c = s.size();
    out.push_back(s.substr(start, c - start));
    start = c + 1;
  }
  return out;
}

bool valid_list(const std::vector<std::string>& v) {
  if (v.size() < 2) return false;
  for (const auto& x : v) {
    if (x.empty()) return false;
  }
  return true;
}

size_t number_arg(const ParsedArgs& p, const std::string& name, size_t def, bool& ok) {
  if (!p.has(name)) return def;
  try {
    long v = std::stol(p.get(name));
    if (v < 0) throw std::out_of_range(name);
    return static_cast<size_t>(v);
  } catch (const std::exception&) {
    ok = false;
    return def;
  }
}

}  // namespace

int cmd_compare(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "compare";
  auto parsed = parse_args(args, {{"outlets", true}, {"by", true}, {"groups", true}, {"csv", true}, {"rows", true},
                                  {"top-actors", true}, {"design", true}, {"correction", true}, {"min-n", true},
                                  {"max-groups", true}, {"matched", false}, {"excel-safe", false}, {"help", false, 'h'}}, cmd);
  if (!parsed) return report_error(ctx, cmd, parsed.error());
  if (parsed->has("help")) {
    ctx.out << kHelp << kExitCodesHelp;
    return 0;
  }
  if (parsed->positional.size() != 1) return report_error(ctx, cmd, usage_error("expected one DIR or FILE.jsonl"));
  std::string by = parsed->get("by", "outlet");
  CompareSpec spec;
  if (parsed->has("outlets")) {
    if (parsed->has("by") && by != "outlet") {
      return report_error(ctx, cmd, usage_error("--outlets compares outlets; use --by FIELD --groups A,B for others"));
    }
    spec.groups = split_list(parsed->get("outlets"));
    if (!valid_list(spec.groups)) return report_error(ctx, cmd, usage_error("--outlets needs two or more names: A,B"));
  } else if (parsed->has("groups")) {
    spec.groups = split_list(parsed->get("groups"));
    if (!valid_list(spec.groups)) return report_error(ctx, cmd, usage_error("--groups needs two or more names: A,B"));
  } else if (!parsed->has("by")) {
    return report_error(ctx, cmd, usage_error("give --outlets A,B or --by FIELD"));
  }
  if (!valid_group_field(by)) return report_error(ctx, cmd, usage_error("--by needs a field name"));
  const std::string design = parsed->get("design", "pairs");
  if (design != "pairs" && design != "rest") return report_error(ctx, cmd, usage_error("--design must be pairs or rest"));
  spec.design = design == "rest" ? CompareDesign::Rest : CompareDesign::Pairs;
  auto corr = parse_correction(parsed->get("correction", "bh"));
  if (!corr) return report_error(ctx, cmd, corr.error());
  spec.correction = *corr;
  bool ok = true;
  const size_t rows_shown = number_arg(*parsed, "rows", 25, ok);
  spec.top_actors = number_arg(*parsed, "top-actors", 10, ok);
  spec.min_n = static_cast<int64_t>(number_arg(*parsed, "min-n", 1, ok));
  spec.max_groups = number_arg(*parsed, "max-groups", 12, ok);
  if (!ok) {
    return report_error(ctx, cmd, usage_error("--rows, --top-actors, --min-n and --max-groups need a number >= 0"));
  }

  const std::string in = parsed->positional[0];
  std::error_code ec;
  const bool is_dir = std::filesystem::is_directory(in, ec);
  const std::string jsonl = is_dir ? (std::filesystem::path(in) / "articles.jsonl").string() : in;
  if (!std::filesystem::exists(jsonl, ec)) {
    return report_error(ctx, cmd, usage_error(jsonl + ": not found (run framelens batch --out first)"));
  }
  GroupStats stats(by);
  ScoreLineCounts counts;
  auto on_article = [&](const ArticleFigures& f, std::string_view, const std::string&, const nlohmann::json&) {
    return stats.add(f);
  };
  auto on_bad = [&](const std::string& msg) { ctx.err << "framelens compare: skipped " << msg << "\n"; };
  if (auto st = read_score_lines({jsonl}, on_article, on_bad, counts); !st) return report_error(ctx, cmd, st.error());
  if (!builtin_group_field(by) && stats.articles() > 0 && stats.without_value() == stats.articles()) {
    return report_error(ctx, cmd, usage_error("no article has a value for '" + by + "' (input fields reach the " +
                                              "output with batch --keep-fields " + by + ")"));
  }
  std::optional<MatchedStats> matched;
  if (parsed->has("matched")) {
    matched.emplace(by, stats.metric_keys(spec.top_actors));
    auto add = [&](const ArticleFigures& f, std::string_view, const std::string&, const nlohmann::json&) {
      return matched->add(f);
    };
    ScoreLineCounts again;
    if (auto st = read_score_lines({jsonl}, add, [](const std::string&) {}, again); !st) {
      return report_error(ctx, cmd, st.error());
    }
    if (matched->stories() == 0) {
      return report_error(ctx, cmd, usage_error(jsonl + ": no article has a story_id (rerun batch --out without "
                                                "--no-stories)"));
    }
  }
  auto result = compare_many(stats, spec, matched ? &*matched : nullptr);
  if (!result) return report_error(ctx, cmd, result.error());
  const Comparison& c = *result;
  ctx.out << "Comparing " << by << " ";
  for (size_t i = 0; i < c.groups.size(); ++i) {
    ctx.out << (i ? ", " : "") << "'" << c.groups[i] << "' (" << stats.groups().at(c.groups[i]).articles
            << " articles)";
  }
  ctx.out << ": " << c.comparisons << (c.comparisons == 1 ? " comparison" : " comparisons")
          << (spec.design == CompareDesign::Rest ? " (each against the rest)" : "") << ", " << c.rows.size()
          << " rows; 95% bootstrap intervals; p adjusted by " << correction_name(spec.correction) << ".\n";
  if (matched) {
    ctx.out << "Matched: within " << matched->stories() << " stories (mean within-story difference, bootstrap over "
            << "stories; n = stories covered by both)" << (matched->without_story() ? ", " : "")
            << (matched->without_story() ? std::to_string(matched->without_story()) + " articles without a story left out" : "")
            << ".\n";
  }
  {
    std::string small;
    for (const auto& g : c.groups) {
      if (stats.groups().at(g).articles < 20) small += (small.empty() ? "'" : ", '") + g + "'";
    }
    if (!small.empty()) {
      ctx.out << "Note: " << small << " have fewer than 20 articles: bootstrap intervals and p-values are too "
              << "optimistic there (leave such groups out with --min-n 20).\n";
    }
  }
  if (!c.left_out.empty()) {
    ctx.out << "Left out (fewer than " << spec.min_n << " articles):";
    for (const auto& [g, n] : c.left_out) ctx.out << " '" << g << "' (" << n << ")";
    ctx.out << "\n";
  }
  ctx.out << "\n" << compare_table(c.rows, spec.correction, rows_shown);
  std::string name = comparison_file_name(by, c, spec.design);
  if (matched) name.insert(name.size() - 4, "-matched");
  const std::string csv = parsed->get("csv", is_dir ? (std::filesystem::path(in) / name).string()
                                                    : in + "." + name);
  if (csv != "-") {
    if (auto st = write_file_atomic(csv, compare_csv(c.rows, spec.correction, parsed->has("excel-safe"))); !st) {
      return report_error(ctx, cmd, st.error());
    }
    ctx.out << "Full table: " << csv << "\n";
  }
  return 0;
}

}  // namespace framelens
