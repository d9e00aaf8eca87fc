#include <filesystem>
#include <ostream>

#include "analyzer/cli/args.h"
#include "analyzer/cli/commands.h"
#include "analyzer/cli/common.h"
#include "analyzer/report/batch_tables.h"
#include "analyzer/report/compare.h"
#include "analyzer/report/csv_writer.h"
#include "analyzer/report/html_report_batch.h"
#include "analyzer/report/provenance.h"
#include "analyzer/report/stories.h"

namespace framelens {

namespace {

const char* const kHelp =
    "Usage: framelens aggregate SHARD... --out DIR [OPTIONS]\n"
    "\n"
    "Merges the outputs of `framelens batch --jsonl` (one score JSON per line; plain or .gz; a\n"
    "folder means its *.jsonl and *.jsonl.gz files) into every table of `batch --out`:\n"
    "outlets.csv and outlet_actor_stance.csv (95% Poisson-bootstrap intervals; the weights come\n"
    "from each article, so the result does not depend on how the corpus was sharded),\n"
    "articles.csv, sentences.csv, loaded_terms.csv, quotes.csv, actors.csv, articles.jsonl (the\n"
    "merged articles), run.json (provenance) and report.html (the charts); the numbers equal\n"
    "those of a one-process `batch --out` on the same records. Error\n"
    "objects in the shards are counted and left out; malformed lines are reported and skipped\n"
    "(exit code 1).\n"
    "\n"
    "Options:\n"
    "  --out DIR             output folder (created if needed)\n"
    "  --by FIELD            group by outlet (default), date, year, month, leaning or a kept field\n"
    "  --keep-fields A,B     extra articles.csv columns from the records' \"fields\" (default:\n"
    "                        the fields of the first article, as `batch --keep-fields` gave them)\n"
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
  auto parsed = parse_args(args, {{"out", true, 'o'}, {"by", true}, {"keep-fields", true}, {"excel-safe", false}, {"quiet", false, 'q'},
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
  // The five per-article tables, then articles.jsonl; headers go in at the first article, once
  // the kept input fields are known.
  std::array<AtomicFile, kBatchTableCount + 2> files;  // + articles.jsonl, stories.csv
  const int kJsonl = kBatchTableCount, kStories = kBatchTableCount + 1;
  for (int t = 0; t < static_cast<int>(files.size()); ++t) {
    const std::string name = t < kBatchTableCount ? std::string(kBatchTableFiles[t])
                             : t == kJsonl        ? "articles.jsonl"
                                                  : "stories.csv";
    if (auto st = files[t].open((dir / name).string()); !st) return report_error(ctx, cmd, st.error());
  }
  std::vector<std::string> kept = field_map_from(*parsed).keep;
  const bool kept_given = parsed->has("keep-fields");
  bool headers = false;
  auto write_headers = [&]() -> Status {
    headers = true;
    for (int t = 0; t < kBatchTableCount; ++t) {
      if (auto st = files[t].append(batch_table_header(static_cast<BatchTable>(t), kept)); !st) return st;
    }
    return files[kStories].append(StoryGrouper::csv_header());
  };
  StoryGrouper stories;
  std::string story_rows, json_line;

  GroupStats stats(by);
  ScoreLineCounts counts;
  ArticleRows rows;
  auto on_article = [&](const ArticleFigures& f, std::string_view line, const std::string& where,
                        const nlohmann::json& j) -> Status {
    if (!headers) {
      if (!kept_given) {
        for (const auto& [k, _] : f.meta.fields) kept.push_back(k);
      }
      if (auto st = write_headers(); !st) return st;
    }
    if (auto st = stats.add(f); !st) return st;
    format_article_rows_from_json(j, f, where, excel_safe, rows, kept);
    // Stories are grouped again over the merged articles, in input order (shards carry none).
    story_rows.clear();
    const std::string sid = stories.add(story_article_from_json(j, article_key_of(f.meta, where)), story_rows,
                                        excel_safe);
    append_story_id(rows[kArticlesCsv], sid);
    for (int t = 0; t < kBatchTableCount; ++t) {
      if (auto st = files[t].append(rows[t]); !st) return st;
    }
    if (auto st = files[kStories].append(story_rows); !st) return st;
    json_line.assign(line);
    while (!json_line.empty() && (json_line.back() == '\r' || json_line.back() == ' ')) json_line.pop_back();
    if (const size_t at = json_line.rfind(",\"story_id\":\""); at != std::string::npos) {
      json_line.erase(at, json_line.size() - 1 - at);  // an earlier grouping's id (keep the brace)
    }
    append_story_id_json(json_line, sid);
    json_line.push_back('\n');
    return files[kJsonl].append(json_line);
  };
  auto on_bad = [&](const std::string& msg) { ctx.err << "framelens aggregate: skipped " << msg << "\n"; };
  if (auto st = read_score_lines(parsed->positional, on_article, on_bad, counts); !st) {
    return report_error(ctx, cmd, st.error());
  }
  if (!headers) {
    if (auto st = write_headers(); !st) return report_error(ctx, cmd, st.error());
  }
  story_rows.clear();
  stories.finish(story_rows, excel_safe);
  if (auto st = files[kStories].append(story_rows); !st) return report_error(ctx, cmd, st.error());
  std::vector<std::string> argv{"aggregate"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto prov = collect_provenance("", argv);
  if (!prov) return report_error(ctx, cmd, prov.error());
  const std::string summary = "Articles merged " + std::to_string(counts.articles) + " from " +
                              std::to_string(parsed->positional.size()) + " input(s); error records " +
                              std::to_string(counts.error_records) + ", malformed lines " +
                              std::to_string(counts.bad_lines) + ".";
  for (auto [name, data] :
       {std::pair{"outlets.csv", stats.outlets_csv(excel_safe)},
        {"outlet_actor_stance.csv", stats.actor_stance_csv(excel_safe)},
        {"run.json", run_json(*prov, counts.lines, counts.articles, counts.error_records + counts.bad_lines)},
        {"report.html", with_provenance_html(html_batch_report(stats, summary, ""), *prov)}}) {
    if (auto st = write_file_atomic((dir / name).string(), data); !st) return report_error(ctx, cmd, st.error());
  }
  for (auto& f : files) {
    if (auto st = f.commit(); !st) return report_error(ctx, cmd, st.error());
  }
  if (!parsed->has("quiet") || counts.bad_lines > 0) {
    ctx.err << "framelens aggregate: read " << counts.lines << " lines, articles " << counts.articles
            << ", error records " << counts.error_records << ", skipped " << counts.bad_lines << " -> "
            << dir.string() << "\n";
  }
  return counts.bad_lines > 0 ? kExitSkipped : 0;
}

}  // namespace framelens
