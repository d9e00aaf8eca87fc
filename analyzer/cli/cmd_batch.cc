#include <chrono>
#include <cstdio>
#include <iostream>
#include <ostream>

#include <unordered_set>

#include <unistd.h>

#include "analyzer/cli/batch_inputs.h"
#include "analyzer/cli/common.h"
#include "analyzer/cli/model_paths.h"
#include "analyzer/core/parallel.h"
#include "analyzer/report/batch_tables_output.h"
#include "analyzer/report/html_article_pages.h"
#include "analyzer/report/html_report.h"
#include "analyzer/report/html_report_batch.h"
#include "analyzer/report/json_report.h"
#include "analyzer/report/provenance.h"
#include "analyzer/text/line_reader.h"

namespace framelens {

namespace {

const char* const kHelp =
    "Usage: framelens batch INPUT... --out DIR [OPTIONS]\n"
    "       framelens batch --jsonl [OPTIONS] < in.jsonl > out.jsonl\n"
    "\n"
    "Folder mode (--out DIR): INPUT is a JSON Lines file (plain or .gz; one record per line with\n"
    "\"text\" and optional \"id\", \"outlet\", \"title\", \"date\", \"url\", \"targets\"), a .txt or\n"
    ".json file (one record), or a folder of such files (walked in sorted order). DIR receives\n"
    "articles.jsonl (the score JSON per article), the CSV tables articles.csv, sentences.csv,\n"
    "loaded_terms.csv, quotes.csv, actors.csv, outlets.csv (per outlet with 95% bootstrap\n"
    "intervals), outlet_actor_stance.csv, stories.csv (articles on the same event grouped into\n"
    "stories; story_id in articles.csv), run.json (provenance; docs/csv.md), report.html and the\n"
    "first articles' pages (report-pages/). Files are written as NAME.part and renamed at the end;\n"
    "--resume continues an interrupted run. Bad records (invalid JSON, no text, over the size\n"
    "limit) are reported with file:line, skipped and counted (exit code 1). Records repeating an\n"
    "earlier id are kept, with a warning, and counted in the summary line.\n"
    "\n"
    "Streaming mode (--jsonl): reads JSON Lines records on stdin and writes exactly one JSON line\n"
    "per input line on stdout, in input order: the `score` JSON for a good record, or\n"
    "{\"schema_version\":1,\"id\":...,\"error\":{\"line\":N,\"message\":...}} for a bad one. Blank\n"
    "lines give an error object too, so line N of the output always answers line N of the input.\n"
    "Runs unchanged under Hadoop Streaming, Spark pipe and GNU parallel.\n"
    "\n"
    "Batch options:\n"
    "  --jsonl               streaming mode (stdin -> stdout)\n"
    "  -j, --jobs N          worker threads (default: all cores)\n"
    "  --out DIR             folder mode: write the tables and report into DIR\n"
    "  --resume              continue an interrupted --out run in DIR (same inputs)\n"
    "  --excel-safe          prefix CSV text cells starting with = + - @ with ' (docs/csv.md)\n"
    "  --report-articles N   article pages linked from report.html (default 20; one file each\n"
    "                        in DIR/report-pages/, so report.html stays small)\n"
    "  --no-stories          no story grouping (stories.csv and the story_id column stay empty)\n"
    "  --quiet               no progress and no summary line on stderr (errors still show)\n"
    "\n"
    "Progress goes to stderr: a bar with rate and ETA on a terminal, a plain line every 10 s\n"
    "otherwise.\n"
    "\n";

// Progress on stderr: a redrawn bar on a terminal, a plain line every 10 s otherwise.
class Progress {
 public:
  Progress(CliContext& ctx, bool quiet, long long total_bytes)
      : ctx_(ctx), quiet_(quiet), tty_(&ctx.err == &std::cerr && isatty(STDERR_FILENO)),
        total_(total_bytes), start_(Clock::now()), last_(start_) {}

  // True while a redrawn bar occupies the current terminal line (a message must start a new one).
  bool on_bar_line() const { return tty_ && !quiet_ && drawn_; }

  void update(long long records, long long bytes, bool final = false) {
    if (quiet_) return;
    const auto now = Clock::now();
    const double since = std::chrono::duration<double>(now - last_).count();
    if (!final && since < (tty_ ? 0.25 : 10.0)) return;
    last_ = now;
    const double el = std::max(1e-9, std::chrono::duration<double>(now - start_).count());
    const double rate = records / el;
    const double frac = total_ > 0 ? std::min(1.0, static_cast<double>(bytes) / total_) : 0.0;
    char line[200];
    if (tty_) {
      const int width = 30, fill = static_cast<int>(frac * width);
      std::string bar(fill, '#');
      bar.resize(width, '.');
      const double eta = frac > 0 ? el * (1 - frac) / frac : 0;
      std::snprintf(line, sizeof line, "\r[%s] %3.0f%% %lld articles, %.0f/s, ETA %s   ", bar.c_str(), 100 * frac,
                    records, rate, fmt_time(eta).c_str());
      ctx_.err << line << (final ? "\n" : "") << std::flush;
      drawn_ = !final;
    } else {
      std::snprintf(line, sizeof line, "framelens batch: %lld articles, %.0f%%, %.0f/s, elapsed %s, ETA %s\n",
                    records, 100 * frac, rate, fmt_time(el).c_str(),
                    frac > 0 ? fmt_time(el * (1 - frac) / frac).c_str() : "?");
      if (!final) ctx_.err << line << std::flush;
    }
  }

 private:
  using Clock = std::chrono::steady_clock;
  static std::string fmt_time(double s) {
    char b[32];
    const long t = static_cast<long>(s + 0.5);
    std::snprintf(b, sizeof b, "%ld:%02ld:%02ld", t / 3600, (t / 60) % 60, t % 60);
    return b;
  }
  CliContext& ctx_;
  bool quiet_, tty_, drawn_ = false;
  long long total_;
  Clock::time_point start_, last_;
};

// Counts records whose id was already seen (64-bit hashes of the ids: 8 bytes per article) and
// warns about the first few.
class DuplicateIds {
 public:
  // Returns true (and counts) when `id` is non-empty and was seen before.
  bool check(const std::string& id) {
    if (id.empty()) return false;
    if (seen_.insert(std::hash<std::string>{}(id)).second) return false;
    ++count_;
    return true;
  }
  long long count() const { return count_; }

 private:
  std::unordered_set<size_t> seen_;
  long long count_ = 0;
};

constexpr long long kDuplicateWarnings = 10;

void warn_duplicate(CliContext& ctx, const DuplicateIds& d, const std::string& id, const std::string& where,
                    bool newline_first) {
  if (d.count() > kDuplicateWarnings) return;
  ctx.err << (newline_first ? "\n" : "") << "framelens batch: warning: " << where << ": duplicate id '" << id
          << "' (kept; article_id is not unique)" << (d.count() == kDuplicateWarnings ? "; further duplicates are only counted" : "")
          << "\n";
}

// What a worker produces for one record.
struct BatchResult {
  std::string error;  // non-empty: skipped
  std::string id;     // the record's id (duplicate check)
  ArticleRows rows;
  std::string json_line, view_html;
  ArticleFigures figures;
  StoryArticle story;
};

void analyze_item(const BatchItem& item, const FieldMap& fields, const Pipeline& pipeline, size_t max_bytes,
                  bool excel_safe, bool want_view, bool stories, BatchResult& out) {
  out.error.clear();
  out.id.clear();
  out.view_html.clear();
  if (!item.error.empty()) {
    out.error = item.error;
    return;
  }
  Result<InputRecord> rec = item.kind == BatchItem::Kind::JsonLine
                                ? parse_json_record(item.payload, fields, item.source)
                                : read_input_file(item.payload, fields);
  if (!rec) {
    out.error = rec.error().message;
    return;
  }
  if (auto st = check_record_text(rec->text, max_bytes); !st) {
    out.error = item.source + ": " + st.error().message;
    return;
  }
  out.id = rec->meta.id;
  auto doc = pipeline.analyze(*rec);
  if (!doc) {
    out.error = item.source + ": " + doc.error().message;
    return;
  }
  out.figures = figures_from_document(*doc);
  format_article_rows(*doc, out.figures, item.source, excel_safe, out.rows, fields.keep);
  if (stories) out.story = story_article_from_document(*doc, article_key_of(doc->meta, item.source));
  out.json_line = to_json_line(*doc);
  out.json_line.push_back('\n');
  if (want_view) out.view_html = html_article_view(*doc);
}

// Folder mode: inputs -> DIR, in input order, constant memory (one chunk of records at a time).
int run_to_dir(const ParsedArgs& a, CliContext& ctx, const Pipeline& pipeline, unsigned threads,
               const Provenance& prov) {
  const std::string cmd = "batch";
  long long max_views = 20;
  if (a.has("report-articles")) {
    try {
      max_views = std::stoll(a.get("report-articles"));
      if (max_views < 0) throw std::out_of_range("n");
    } catch (const std::exception&) {
      return report_error(ctx, cmd, usage_error("--report-articles needs a number >= 0"));
    }
  }
  if (a.positional.empty()) return report_error(ctx, cmd, usage_error("expected at least one INPUT"));
  auto max_bytes = max_record_bytes_from(a);
  if (!max_bytes) return report_error(ctx, cmd, max_bytes.error());
  auto inputs = BatchInputs::open(a.positional);
  if (!inputs) return report_error(ctx, cmd, inputs.error());
  BatchInputs& in = **inputs;
  const bool excel_safe = a.has("excel-safe");
  const FieldMap fields = field_map_from(a);
  std::string signature = in.signature() + (excel_safe ? "-x" : "-p");
  for (const auto* f : {&fields.text, &fields.id, &fields.title, &fields.outlet, &fields.date, &fields.url,
                        &fields.targets}) {
    signature += "-" + std::to_string(std::hash<std::string>{}(*f) % 100000);
  }
  for (const auto& k : fields.keep) signature += "-k" + std::to_string(std::hash<std::string>{}(k) % 100000);
  {
    // A kept field may not shadow a column of articles.csv (its header cells are plain names).
    std::string header = batch_table_header(kArticlesCsv);
    header = "," + header.substr(0, header.size() - 2) + ",";
    for (const auto& k : fields.keep) {
      if (header.find("," + k + ",") != std::string::npos) {
        return report_error(ctx, cmd, usage_error("--keep-fields " + k + ": articles.csv has that column"));
      }
    }
  }
  BatchCounts counts;
  GroupStats stats;
  BatchOutput out;
  const bool group_stories = !a.has("no-stories");
  StoryGrouper stories;
  std::string story_rows;
  signature += group_stories ? "-s" : "-n";
  if (auto st = out.open(a.get("out"), a.has("resume"), signature, counts, stats, fields.keep,
                         group_stories ? &stories : nullptr);
      !st) {
    return report_error(ctx, cmd, st.error());
  }
  const bool quiet = a.has("quiet");
  // Undocumented, for tests: stop after the chunk that reaches N records, as if killed.
  long long interrupt_after = -1;
  if (a.has("interrupt-after")) interrupt_after = std::atoll(a.get("interrupt-after").c_str());
  // Resume: the records already consumed are read again and dropped (cheap next to analysis).
  BatchItem item;
  for (long long i = 0; i < counts.read && in.next(item); ++i) {
  }
  if (counts.read > 0 && !quiet) {
    ctx.err << "framelens batch: resuming after " << counts.read << " records\n";
  }
  Progress progress(ctx, quiet, in.total_bytes());
  DuplicateIds duplicates;
  const size_t chunk = 64 * std::max(1u, threads);
  std::vector<BatchItem> items(chunk);
  std::vector<BatchResult> results(chunk);
  bool more = true;
  while (more) {
    size_t n = 0;
    while (n < chunk && (more = in.next(items[n]))) ++n;
    if (n == 0) break;
    const long long views_left = max_views - out.views();
    parallel_for(n, threads, [&](size_t i) {
      analyze_item(items[i], fields, pipeline, *max_bytes, excel_safe, static_cast<long long>(i) < views_left, group_stories,
                   results[i]);
    });
    for (size_t i = 0; i < n; ++i) {
      BatchResult& r = results[i];
      ++counts.read;
      if (!r.error.empty()) {
        ++counts.skipped;
        ctx.err << (progress.on_bar_line() ? "\n" : "") << "framelens batch: skipped " << r.error << "\n";
        continue;
      }
      ++counts.written;
      if (duplicates.check(r.id)) warn_duplicate(ctx, duplicates, r.id, items[i].source, progress.on_bar_line());
      if (group_stories) {
        story_rows.clear();
        const std::string sid = stories.add(r.story, story_rows, excel_safe);
        append_story_id(r.rows[kArticlesCsv], sid);
        r.json_line.pop_back();  // the newline
        append_story_id_json(r.json_line, sid);
        r.json_line.push_back('\n');
        if (auto st = out.append(BatchOutput::kStoriesPart, story_rows); !st) return report_error(ctx, cmd, st.error());
      } else {
        append_story_id(r.rows[kArticlesCsv], "");
      }
      for (int t = 0; t < kBatchTableCount; ++t) {
        if (auto st = out.append(t, r.rows[t]); !st) return report_error(ctx, cmd, st.error());
      }
      if (auto st = out.append(BatchOutput::kJsonlPart, r.json_line); !st) return report_error(ctx, cmd, st.error());
      if (!r.view_html.empty() && out.views() < max_views) {
        const std::string entry = article_page_entry(out.views() + 1, r.figures, r.view_html);
        if (auto st = out.append(BatchOutput::kViewsPart, entry); !st) return report_error(ctx, cmd, st.error());
        out.count_view();
      }
      if (auto st = stats.add(r.figures); !st) return report_error(ctx, cmd, st.error());
    }
    if (auto st = out.checkpoint(counts); !st) return report_error(ctx, cmd, st.error());
    progress.update(counts.read, in.consumed_bytes());
    if (interrupt_after >= 0 && counts.read >= interrupt_after) {
      ctx.err << "framelens batch: stopped after " << counts.read << " records (--interrupt-after)\n";
      return static_cast<int>(ErrorKind::Internal);
    }
  }
  progress.update(counts.read, in.consumed_bytes(), true);
  if (group_stories) {
    story_rows.clear();
    stories.finish(story_rows, excel_safe);
    if (auto st = out.append(BatchOutput::kStoriesPart, story_rows); !st) return report_error(ctx, cmd, st.error());
  }
  auto views = out.article_views();
  if (!views) return report_error(ctx, cmd, views.error());
  auto index = write_article_pages(a.get("out"), *views);
  if (!index) return report_error(ctx, cmd, index.error());
  const std::string dup_note =
      duplicates.count() > 0 ? " " + std::to_string(duplicates.count()) + " records repeat an earlier id." : "";
  const std::string summary = "Articles read " + std::to_string(counts.read) + ", analysed " +
                              std::to_string(counts.written) + ", skipped " + std::to_string(counts.skipped) + "." +
                              dup_note;
  if (auto st = out.finish(stats, excel_safe, with_provenance_html(html_batch_report(stats, summary, *index), prov),
                           run_json(prov, counts.read, counts.written, counts.skipped));
      !st) {
    return report_error(ctx, cmd, st.error());
  }
  if (!quiet || counts.skipped > 0) {
    ctx.err << "framelens batch: read " << counts.read << ", written " << counts.written << ", skipped "
            << counts.skipped;
    if (duplicates.count() > 0) ctx.err << ", duplicate ids " << duplicates.count();
    ctx.err << " -> " << a.get("out") << "\n";
  }
  return counts.skipped > 0 ? kExitSkipped : 0;
}

}  // namespace

// Streaming mode: one output line per input line, errors as objects; counts on stderr.
int run_stream(const ParsedArgs& a, CliContext& ctx, const Pipeline& pipeline, unsigned threads) {
  LineReader reader;
  if (auto st = reader.open("-"); !st) return report_error(ctx, "batch", st.error());
  const FieldMap fields = field_map_from(a);
  auto max_bytes = max_record_bytes_from(a);
  if (!max_bytes) return report_error(ctx, "batch", max_bytes.error());
  DuplicateIds duplicates;
  std::vector<std::string> ids;
  if (!a.has("quiet")) {
    for (const auto& n : pipeline.notes()) ctx.err << "framelens batch: note: " << n << "\n";
  }
  const size_t chunk = 64 * std::max(1u, threads);
  std::vector<std::string> lines, outputs;
  std::vector<long> numbers;
  std::vector<std::string> messages;  // one-line error per failed record
  long read = 0, written = 0, skipped = 0;
  std::string line;
  bool more = true;
  while (more) {
    lines.clear();
    numbers.clear();
    while (lines.size() < chunk && (more = reader.next(line))) {
      lines.push_back(line);
      numbers.push_back(reader.line_number());
    }
    outputs.assign(lines.size(), {});
    messages.assign(lines.size(), {});
    ids.assign(lines.size(), {});
    parallel_for(lines.size(), threads, [&](size_t i) {
      const std::string where = "<stdin>:" + std::to_string(numbers[i]);
      std::string_view l = lines[i];
      while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
      if (l.empty()) {
        messages[i] = where + ": empty line";
        outputs[i] = error_json_line(numbers[i], "", messages[i]);
        return;
      }
      auto rec = parse_json_record(l, fields, where);
      if (!rec) {
        messages[i] = rec.error().message;
        outputs[i] = error_json_line(numbers[i], "", messages[i]);
        return;
      }
      if (auto st = check_record_text(rec->text, *max_bytes); !st) {
        messages[i] = where + ": " + st.error().message;
        outputs[i] = error_json_line(numbers[i], rec->meta.id, messages[i]);
        return;
      }
      ids[i] = rec->meta.id;
      auto doc = pipeline.analyze(*rec);
      if (!doc) {
        messages[i] = where + ": " + doc.error().message;
        outputs[i] = error_json_line(numbers[i], rec->meta.id, messages[i]);
        return;
      }
      outputs[i] = to_json_line(*doc);
    });
    for (size_t i = 0; i < lines.size(); ++i) {
      ctx.out << outputs[i] << '\n';
      ++read;
      if (!messages[i].empty()) {
        ++skipped;
        ctx.err << "framelens batch: skipped " << messages[i] << "\n";
      } else {
        ++written;
        if (duplicates.check(ids[i])) {
          warn_duplicate(ctx, duplicates, ids[i], "<stdin>:" + std::to_string(numbers[i]), false);
        }
      }
    }
    ctx.out.flush();
  }
  if (!reader.error().empty()) {
    ctx.err << "framelens batch: " << reader.error() << "\n";
  }
  if (!a.has("quiet") || skipped > 0) {
    ctx.err << "framelens batch: read " << read << ", written " << written << ", skipped " << skipped;
    if (duplicates.count() > 0) ctx.err << ", duplicate ids " << duplicates.count();
    ctx.err << "\n";
  }
  if (!reader.error().empty()) return static_cast<int>(ErrorKind::Input);
  return skipped > 0 ? kExitSkipped : 0;
}

int cmd_batch(const std::vector<std::string>& args, CliContext& ctx) {
  auto spec = analysis_options();
  spec.push_back({"jsonl", false});
  spec.push_back({"jobs", true, 'j'});
  spec.push_back({"quiet", false, 'q'});
  spec.push_back({"out", true, 'o'});
  spec.push_back({"resume", false});
  spec.push_back({"excel-safe", false});
  spec.push_back({"report-articles", true});
  spec.push_back({"interrupt-after", true});
  spec.push_back({"no-stories", false});
  auto parsed = parse_args(args, spec, "batch");
  if (!parsed) return report_error(ctx, "batch", parsed.error());
  if (parsed->has("help")) {
    ctx.out << kHelp << kAnalysisOptionsHelp << "\n" << kExitCodesHelp;
    return 0;
  }
  unsigned threads = default_threads();
  if (parsed->has("jobs")) {
    try {
      int j = std::stoi(parsed->get("jobs"));
      if (j < 1 || j > 1024) throw std::out_of_range("jobs");
      threads = static_cast<unsigned>(j);
    } catch (const std::exception&) {
      return report_error(ctx, "batch", usage_error("--jobs needs a number from 1 to 1024"));
    }
  }
  const bool stream = parsed->has("jsonl");
  if (stream == parsed->has("out")) {
    return report_error(ctx, "batch", usage_error("give either --out DIR (with INPUT files) or --jsonl (stdin -> stdout)"));
  }
  if (stream && !parsed->positional.empty()) {
    return report_error(ctx, "batch", usage_error("--jsonl reads stdin; give no INPUT files"));
  }
  if (parsed->has("resume") && !parsed->has("out")) {
    return report_error(ctx, "batch", usage_error("--resume needs --out DIR"));
  }
  auto pipeline = pipeline_from(*parsed, ctx);
  if (!pipeline) return report_error(ctx, "batch", pipeline.error());
  if (stream) return run_stream(*parsed, ctx, *pipeline, threads);
  std::vector<std::string> argv{"batch"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto prov = collect_provenance(resolve_models_dir(parsed->get("models"), ctx.argv0), argv);
  if (!prov) return report_error(ctx, "batch", prov.error());
  return run_to_dir(*parsed, ctx, *pipeline, threads, *prov);
}

}  // namespace framelens
