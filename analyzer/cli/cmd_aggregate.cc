#include <filesystem>
#include <ostream>

#include "analyzer/cli/args.h"
#include "analyzer/cli/commands.h"
#include "analyzer/cli/common.h"
#include "analyzer/report/batch_tables.h"
#include "analyzer/report/compare.h"
#include "analyzer/report/csv_writer.h"
#include "analyzer/report/html_report_batch.h"

namespace framelens {

namespace {

const char* const kHelp =
    "Usage: framelens aggregate SHARD... --out DIR [OPTIONS]\n"
    "\n"
    "Merges the outputs of `framelens batch --jsonl` (one score JSON per line; plain or .gz; a\n"
    "folder means its *.jsonl and *.jsonl.gz files) into the outlet tables of `batch --out`:\n"
    "outlets.csv and outlet_actor_stance.csv (95% Poisson-bootstrap intervals; the weights come\n"
    "from each article, so the result does not depend on how the corpus was sharded),\n"
    "articles.csv, articles.jsonl (the merged articles) and report.html (the charts). Error\n"
    "objects in the shards are counted and left out; malformed lines are reported and skipped\n"
    "(exit code 1).\n"
    "\n"
    "Options:\n"
    "  --out DIR             output folder (created if needed)\n"
    "  --by FIELD            group by outlet (default), date, year, month or leaning\n"
    "  --excel-safe          neutralise CSV text cells a spreadsheet would run as formulas\n"
    "  --quiet               no summary line on stderr\n"
    "  -h, --help            this help\n"
    "\n"
    "Example:\n"
    "  parallel --pipe -N1000 framelens batch --jsonl < corpus.jsonl > shards.jsonl\n"
    "  framelens aggregate shards.jsonl --out results/\n"
    "\n";

}  // namespace

int cmd_aggregate(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "aggregate";
  auto parsed = parse_args(args, {{"out", true, 'o'}, {"by", true}, {"excel-safe", false}, {"quiet", false, 'q'},
                                  {"help", false, 'h'}}, cmd);
  if (!parsed) return report_error(ctx, cmd, parsed.error());
  if (parsed->has("help")) {
    ctx.out << kHelp << kExitCodesHelp;
    return 0;
  }
  if (parsed->positional.empty()) return report_error(ctx, cmd, usage_error("expected at least one SHARD file"));
  if (!parsed->has("out")) return report_error(ctx, cmd, usage_error("--out DIR is required"));
  const std::string by = parsed->get("by", "outlet");
  if (!valid_group_field(by)) {
    return report_error(ctx, cmd, usage_error("--by must be outlet, date, year, month or leaning"));
  }
  const bool excel_safe = parsed->has("excel-safe");
  const std::filesystem::path dir(parsed->get("out"));
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir)) {
    return report_error(ctx, cmd, internal_error(dir.string() + ": cannot create output folder"));
  }
  AtomicFile articles_csv, articles_jsonl;
  if (auto st = articles_csv.open((dir / "articles.csv").string()); !st) return report_error(ctx, cmd, st.error());
  if (auto st = articles_jsonl.open((dir / "articles.jsonl").string()); !st) return report_error(ctx, cmd, st.error());
  if (auto st = articles_csv.append(batch_table_header(kArticlesCsv)); !st) return report_error(ctx, cmd, st.error());

  GroupStats stats(by);
  ScoreLineCounts counts;
  std::string row;
  auto on_article = [&](const ArticleFigures& f, std::string_view line, const std::string& where) -> Status {
    if (auto st = stats.add(f); !st) return st;
    row.clear();
    append_article_row(row, f, where, excel_safe);
    if (auto st = articles_csv.append(row); !st) return st;
    if (auto st = articles_jsonl.append(line); !st) return st;
    return articles_jsonl.append("\n");
  };
  auto on_bad = [&](const std::string& msg) { ctx.err << "framelens aggregate: skipped " << msg << "\n"; };
  if (auto st = read_score_lines(parsed->positional, on_article, on_bad, counts); !st) {
    return report_error(ctx, cmd, st.error());
  }
  const std::string summary = "Articles merged " + std::to_string(counts.articles) + " from " +
                              std::to_string(parsed->positional.size()) + " input(s); error records " +
                              std::to_string(counts.error_records) + ", malformed lines " +
                              std::to_string(counts.bad_lines) + ".";
  for (auto [name, data] : {std::pair{"outlets.csv", stats.outlets_csv(excel_safe)},
                            {"outlet_actor_stance.csv", stats.actor_stance_csv(excel_safe)},
                            {"report.html", html_batch_report(stats, summary, "")}}) {
    if (auto st = write_file_atomic((dir / name).string(), data); !st) return report_error(ctx, cmd, st.error());
  }
  if (auto st = articles_csv.commit(); !st) return report_error(ctx, cmd, st.error());
  if (auto st = articles_jsonl.commit(); !st) return report_error(ctx, cmd, st.error());
  if (!parsed->has("quiet") || counts.bad_lines > 0) {
    ctx.err << "framelens aggregate: read " << counts.lines << " lines, articles " << counts.articles
            << ", error records " << counts.error_records << ", skipped " << counts.bad_lines << " -> "
            << dir.string() << "\n";
  }
  return counts.bad_lines > 0 ? kExitSkipped : 0;
}

}  // namespace framelens
