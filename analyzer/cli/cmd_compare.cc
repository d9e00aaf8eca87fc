#include <filesystem>
#include <ostream>

#include "analyzer/cli/args.h"
#include "analyzer/cli/commands.h"
#include "analyzer/cli/common.h"
#include "analyzer/report/compare.h"
#include "analyzer/report/csv_writer.h"

namespace framelens {

namespace {

const char* const kHelp =
    "Usage: framelens compare DIR|FILE.jsonl --outlets A,B [OPTIONS]\n"
    "       framelens compare DIR|FILE.jsonl --by FIELD [--groups A,B] [OPTIONS]\n"
    "\n"
    "The differences between two outlets (or two groups) on every outlet metric of outlets.csv,\n"
    "each with the 95% bootstrap interval of the difference (paired replicates), clearest\n"
    "differences first; '*' marks an interval that excludes 0. Reads DIR/articles.jsonl (from\n"
    "`batch --out` or `aggregate`) or any score JSON Lines file.\n"
    "\n"
    "Options:\n"
    "  --outlets A,B         the two outlets (same as --by outlet --groups A,B)\n"
    "  --by FIELD            group by outlet, date, year, month or leaning\n"
    "  --groups A,B          the two groups to compare (optional when there are exactly two)\n"
    "  --csv PATH            where to write the full table (default: DIR/compare.csv, or\n"
    "                        FILE.compare.csv; - for none)\n"
    "  --rows N              rows printed (default 25, 0 for all; the CSV has all)\n"
    "  --top-actors N        actors whose stance is compared (default 10)\n"
    "  --excel-safe          neutralise CSV text cells a spreadsheet would run as formulas\n"
    "  -h, --help            this help\n"
    "\n"
    "Example:\n"
    "  framelens compare results/ --outlets \"Capital Courier,The Harbor Ledger\"\n"
    "\n";

bool split_pair(const std::string& s, std::string& a, std::string& b) {
  const auto c = s.find(',');
  if (c == std::string::npos || s.find(',', c + 1) != std::string::npos) return false;
  a = s.substr(0, c);
  b = s.substr(c + 1);
  return !a.empty() && !b.empty();
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
                                  {"top-actors", true}, {"excel-safe", false}, {"help", false, 'h'}}, cmd);
  if (!parsed) return report_error(ctx, cmd, parsed.error());
  if (parsed->has("help")) {
    ctx.out << kHelp << kExitCodesHelp;
    return 0;
  }
  if (parsed->positional.size() != 1) return report_error(ctx, cmd, usage_error("expected one DIR or FILE.jsonl"));
  std::string by = parsed->get("by", "outlet"), a, b;
  if (parsed->has("outlets")) {
    if (parsed->has("by") && by != "outlet") {
      return report_error(ctx, cmd, usage_error("--outlets compares outlets; use --by FIELD --groups A,B for others"));
    }
    if (!split_pair(parsed->get("outlets"), a, b)) {
      return report_error(ctx, cmd, usage_error("--outlets needs two names: A,B"));
    }
  } else if (parsed->has("groups")) {
    if (!split_pair(parsed->get("groups"), a, b)) return report_error(ctx, cmd, usage_error("--groups needs A,B"));
  } else if (!parsed->has("by")) {
    return report_error(ctx, cmd, usage_error("give --outlets A,B or --by FIELD"));
  }
  if (!valid_group_field(by)) {
    return report_error(ctx, cmd, usage_error("--by must be outlet, date, year, month or leaning"));
  }
  bool ok = true;
  const size_t rows_shown = number_arg(*parsed, "rows", 25, ok);
  const size_t top_actors = number_arg(*parsed, "top-actors", 10, ok);
  if (!ok) return report_error(ctx, cmd, usage_error("--rows and --top-actors need a number >= 0"));

  const std::string in = parsed->positional[0];
  std::error_code ec;
  const bool is_dir = std::filesystem::is_directory(in, ec);
  const std::string jsonl = is_dir ? (std::filesystem::path(in) / "articles.jsonl").string() : in;
  if (!std::filesystem::exists(jsonl, ec)) {
    return report_error(ctx, cmd, usage_error(jsonl + ": not found (run framelens batch --out first)"));
  }
  GroupStats stats(by);
  ScoreLineCounts counts;
  auto on_article = [&](const ArticleFigures& f, std::string_view, const std::string&) { return stats.add(f); };
  auto on_bad = [&](const std::string& msg) { ctx.err << "framelens compare: skipped " << msg << "\n"; };
  if (auto st = read_score_lines({jsonl}, on_article, on_bad, counts); !st) return report_error(ctx, cmd, st.error());
  if (a.empty()) {
    if (stats.groups().size() != 2) {
      return report_error(ctx, cmd, usage_error("--by " + by + " gives " + std::to_string(stats.groups().size()) +
                                                " groups; pick two with --groups A,B"));
    }
    a = stats.groups().begin()->first;
    b = std::next(stats.groups().begin())->first;
  }
  auto rows = compare_groups(stats, a, b, top_actors);
  if (!rows) return report_error(ctx, cmd, rows.error());
  ctx.out << "Comparing " << by << " '" << a << "' (" << stats.groups().at(a).articles << " articles) with '" << b
          << "' (" << stats.groups().at(b).articles << " articles); 95% bootstrap intervals.\n\n"
          << compare_table(*rows, a, b, rows_shown);
  const std::string csv = parsed->get("csv", is_dir ? (std::filesystem::path(in) / "compare.csv").string()
                                                    : in + ".compare.csv");
  if (csv != "-") {
    if (auto st = write_file_atomic(csv, compare_csv(*rows, a, b, parsed->has("excel-safe"))); !st) {
      return report_error(ctx, cmd, st.error());
    }
    ctx.out << "Full table: " << csv << "\n";
  }
  return 0;
}

}  // namespace framelens
