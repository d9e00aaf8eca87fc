// CLI glue for `framelens eval actors` and `framelens train casing`. The logic lives in
// analyzer/train/actors_eval.* and analyzer/train/casing_trainer.* (table: analyzer/actors/casing_table.*).
#include <cstdio>
#include <ostream>

#include "analyzer/actors/casing_table.h"
#include "analyzer/cli/common.h"
#include "analyzer/cli/model_paths.h"
#include "analyzer/cli/task_options.h"
#include "analyzer/train/actors_eval.h"
#include "analyzer/train/casing_trainer.h"
#include "analyzer/cli/gold_run.h"
#include "analyzer/text/input_record.h"
#include "analyzer/text/line_reader.h"
#include "analyzer/train/gold_actors_eval.h"
#include "analyzer/train/gold_set.h"
#include "analyzer/train/zones_trainer.h"
#include "analyzer/train/entities_trainer.h"
#include "analyzer/actors/actors_stage.h"
#include "analyzer/pipeline/pipeline.h"

#include <fstream>

namespace framelens {

namespace {

const char* const kEvalActorsHelp =
    "Usage: framelens eval actors --data FILE [OPTIONS]\n"
    "       framelens eval actors --gold FILE [--set tune|final|all] [--corpora DIR] [--show N]\n"
    "\n"
    "With --gold: runs the whole pipeline on the gold set of real articles (corpora/gold/gold.jsonl;\n"
    "texts read from DIR/allsides_article_bias, default ../shared/corpora) and prints actor precision\n"
    "(exact and partial-name), recall, main-actor recall and zone accuracy, with the zone confusion\n"
    "table; --show N lists N false and N missed actors and zone errors. --set defaults to tune (the\n"
    "final part is for final checks only).\n"
    "\n"
    "Runs the actors stage on a NewsMTSC or PolNeAR JSONL file and prints how many gold spans\n"
    "(NewsMTSC `target`, PolNeAR attribution `source`) overlap a mention of a found actor\n"
    "(recall), split into names and pronouns, plus mentions and actors found per text and the\n"
    "stage's throughput.\n"
    "\n"
    "Options:\n"
    "  --data FILE          JSONL records (required)\n"
    "  --kind KIND          newsmtsc or polnear (default: detected from the first record)\n"
    "  --models DIR         model folder holding gazetteer/ (default: as for score)\n"
    "  --limit N            first N texts only\n"
    "  --misses N           also print the first N missed name spans with their sentence\n"
    "\n";

const char* const kTrainCasingHelp =
    "Usage: framelens train casing [OPTIONS]\n"
    "\n"
    "Counts, for every word of news text (AllSides train by default) away from sentence and quote\n"
    "starts, how often it is written in lower case, and keeps the words that mostly are (hashes\n"
    "only) in MODELS/gazetteer/casing.bin. The actors stage then reads a lone capitalised word at a\n"
    "sentence start that is on the list (\"Good relations...\") as an ordinary word, not a name.\n"
    "\n"
    "Options:\n"
    "  --data FILE          JSONL(.gz) records with a text field (default\n"
    "                       ../shared/corpora/allsides_article_bias/train.jsonl.gz)\n"
    "  --models DIR         model folder (output goes to MODELS/gazetteer/casing.bin)\n"
    "  --out FILE           output path\n"
    "  --min-count N        occurrences away from sentence starts (default 20)\n"
    "  --min-lower-share X  share of them in lower case (default 0.95)\n"
    "\n";

std::string pct(const ActorsEvalCounts& c) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f (%lld/%lld)", c.recall(), static_cast<long long>(c.found),
                static_cast<long long>(c.gold));
  return buf;
}

int eval_actors_gold(const ParsedArgs& a, CliContext& ctx, const std::string& cmd) {
  auto show = count_arg(a, "show", 0);
  if (!show) return report_error(ctx, cmd, show.error());
  auto run = analyze_gold_set(a, ctx);
  if (!run) return report_error(ctx, cmd, run.error());
  GoldActorsReport r;
  for (size_t i = 0; i < run->gold.size(); ++i) add_gold_actors(run->docs[i], run->gold[i], r);
  ctx.out << "gold set: " << a.get("gold") << "  part: " << a.get("set", "tune") << "  articles: " << r.articles << "\n";
  ctx.out << "actors found: " << r.found << "  gold actors: " << r.gold << " (main " << r.gold_main << ")\n";
  ctx.out << "precision exact:        " << fmt3(r.precision_exact()) << "  (" << r.exact << "/" << r.found << ")\n";
  ctx.out << "precision partial-name: " << fmt3(r.precision_partial()) << "  (" << r.exact + r.partial << "/" << r.found
          << "; duplicates " << r.duplicates << ")\n";
  ctx.out << "recall:                 " << fmt3(r.recall()) << "  (" << r.gold_any << "/" << r.gold << "; exact "
          << fmt3(r.recall_exact()) << ")\n";
  ctx.out << "main-actor recall:      " << fmt3(r.main_recall()) << "  (" << r.main_any << "/" << r.gold_main << ")\n";
  ctx.out << "type agreement:         " << fmt3(r.type_checked ? static_cast<double>(r.type_right) / r.type_checked : 0.0)
          << "  (" << r.type_right << "/" << r.type_checked << " matched actors)\n";
  ctx.out << "zone accuracy:          " << fmt3(r.zone_accuracy()) << "  (" << r.zone_right << "/" << r.zone_lines << " lines)\n";
  ctx.out << "zone confusion (rows gold, columns found):\n  " << std::string(12, ' ');
  for (int z = 0; z < 7; ++z) {
    std::string n(zone_name(static_cast<Zone>(z)));
    ctx.out << n.substr(0, 6) << std::string(7 - std::min<size_t>(6, n.size()), ' ');
  }
  ctx.out << "\n";
  for (int gz = 0; gz < 7; ++gz) {
    std::string n(zone_name(static_cast<Zone>(gz)));
    ctx.out << "  " << n << std::string(12 - n.size(), ' ');
    for (int fz = 0; fz < 7; ++fz) {
      std::string v = std::to_string(r.zone_confusion[gz][fz]);
      ctx.out << v << std::string(7 - v.size(), ' ');
    }
    ctx.out << "\n";
  }
  const size_t n = static_cast<size_t>(*show);
  for (size_t i = 0; i < std::min(n, r.false_actors.size()); ++i) ctx.out << "false: " << r.false_actors[i] << "\n";
  for (size_t i = 0; i < std::min(n, r.missed.size()); ++i) ctx.out << "missed: " << r.missed[i] << "\n";
  for (size_t i = 0; i < std::min(n, r.zone_errors.size()); ++i) ctx.out << "zone: " << r.zone_errors[i] << "\n";
  return 0;
}

}  // namespace

int task_eval_actors(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval actors";
  auto a = parse_args(args, {{"data", true}, {"kind", true}, {"models", true}, {"limit", true}, {"misses", true},
                             {"gold", true}, {"set", true}, {"corpora", true}, {"show", true}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << kEvalActorsHelp << kExitCodesHelp;
    return 0;
  }
  if (a->values.count("gold")) return eval_actors_gold(*a, ctx, cmd);
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  if (!a->values.count("data")) return report_error(ctx, cmd, usage_error("--data FILE is required"));
  const std::string kind = a->get("kind");
  if (!kind.empty() && kind != "newsmtsc" && kind != "polnear") {
    return report_error(ctx, cmd, usage_error("--kind must be newsmtsc or polnear, not '" + kind + "'"));
  }
  long limit = 0, misses = 0;
  for (auto [name, dest] : {std::pair<const char*, long*>{"limit", &limit}, {"misses", &misses}}) {
    if (!a->values.count(name)) continue;
    try {
      size_t used = 0;
      *dest = std::stol(a->get(name), &used);
      if (used != a->get(name).size() || *dest < 0) throw std::invalid_argument("");
    } catch (const std::exception&) {
      return report_error(ctx, cmd, usage_error(std::string("--") + name + " expects a non-negative integer"));
    }
  }
  const std::string dir = resolve_models_dir(a->get("models"), ctx.argv0) + "/gazetteer";
  if (!Gazetteer::present(dir)) return report_error(ctx, cmd, model_error("gazetteer not found in " + dir));
  auto gaz = Gazetteer::load_dir(dir);
  if (!gaz) return report_error(ctx, cmd, gaz.error());
  auto r = evaluate_actors(a->get("data"), kind, *gaz, limit, misses);
  if (!r) return report_error(ctx, cmd, r.error());
  const double n = r->texts ? static_cast<double>(r->texts) : 1.0;
  char buf[256];
  ctx.out << "kind: " << r->kind << "  texts: " << r->texts << "\n";
  ctx.out << "gold names   found by an actor mention: " << pct(r->names) << "\n";
  ctx.out << "gold names   found as a person:         " << pct(r->names_person) << "\n";
  ctx.out << "gold pronouns found:                    " << pct(r->pronouns) << "\n";
  if (r->coref_gold) {
    ctx.out << "gold coreferent pronouns of found targets: " << r->coref_gold << ", linked to an actor: "
            << r->coref.gold << ", to the target's actor: " << pct(r->coref) << "\n";
  }
  std::snprintf(buf, sizeof buf, "per text: %.2f mentions (%.2f pronoun/role), %.2f actors\n", r->mentions / n,
                r->pronoun_mentions / n, r->actors / n);
  ctx.out << buf;
  if (r->stage_seconds > 0) {
    std::snprintf(buf, sizeof buf, "actors stage: %.1f MB/s (%.3f s for %.2f MB, CPU time of one thread)\n",
                  r->bytes / 1e6 / r->stage_seconds, r->stage_seconds, r->bytes / 1e6);
    ctx.out << buf;
  }
  for (const auto& m : r->misses) ctx.out << "missed: " << m << "\n";
  return 0;
}

int task_train_casing(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train casing";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"out", true}, {"min-count", true},
                             {"min-lower-share", true}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kTrainCasingHelp << kExitCodesHelp, 0;
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  CasingOptions opt;
  auto min_count = number_arg(*a, "min-count", static_cast<double>(opt.min_count));
  auto share = number_arg(*a, "min-lower-share", opt.min_lower_share);
  for (const auto* r : {&min_count, &share})
    if (!*r) return report_error(ctx, cmd, r->error());
  if (*min_count < 1 || *share <= 0.5 || *share > 1.0)
    return report_error(ctx, cmd, usage_error("--min-count must be >= 1 and --min-lower-share in (0.5, 1]"));
  opt.min_count = static_cast<int64_t>(*min_count);
  opt.min_lower_share = *share;
  const std::string data = a->get("data", "../shared/corpora/allsides_article_bias/train.jsonl.gz");
  const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
  const std::string out = a->get("out", models + "/gazetteer/casing.bin");
  auto trained = train_casing(data, opt);
  if (!trained) return report_error(ctx, cmd, trained.error());
  const CasingTable& table = trained->table;
  if (Status s = ensure_parent(out); !s) return report_error(ctx, cmd, s.error());
  if (Status s = table.save(out); !s) return report_error(ctx, cmd, s.error());
  ctx.out << "texts: " << trained->texts << "  distinct words: " << trained->words_seen << "  kept (mostly lower case): "
          << table.size() << "\nwrote " << out << "\n";
  return 0;
}

int task_train_zones(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train zones";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"out", true}, {"min-docs", true},
                             {"min-docs-sentence", true}, {"max-words", true}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << "Usage: framelens train zones [OPTIONS]\n\n"
               "Learns the site-text lines of the zone classifier: lines that repeat across one outlet's\n"
               "articles (AllSides train by default; hashes only) -> MODELS/zones/lines.bin.\n\n"
               "Options:\n"
               "  --data FILE              JSONL(.gz) records with text and outlet fields (default\n"
               "                           ../shared/corpora/allsides_article_bias/train.jsonl.gz)\n"
               "  --models DIR             model folder (output MODELS/zones/lines.bin)\n"
               "  --out FILE               output path\n"
               "  --min-docs N             articles of one outlet a line must occur in (default 4)\n"
               "  --min-docs-sentence N    the same for a line that reads as a sentence (default 12)\n"
               "  --max-words N            longer lines are never site text (default 40)\n\n"
            << kExitCodesHelp;
    return 0;
  }
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  ZonesTrainerOptions opt;
  auto min_docs = count_arg(*a, "min-docs", opt.min_docs);
  auto min_sent = count_arg(*a, "min-docs-sentence", opt.min_docs_sentence);
  auto max_words = count_arg(*a, "max-words", opt.max_words);
  for (const auto* r : {&min_docs, &min_sent, &max_words})
    if (!*r) return report_error(ctx, cmd, r->error());
  if (*min_docs < 2 || *min_sent < 2 || *max_words < 1) {
    return report_error(ctx, cmd, usage_error("--min-docs and --min-docs-sentence must be >= 2, --max-words >= 1"));
  }
  opt.min_docs = static_cast<int>(*min_docs);
  opt.min_docs_sentence = static_cast<int>(*min_sent);
  opt.max_words = static_cast<int>(*max_words);
  const std::string data = a->get("data", "../shared/corpora/allsides_article_bias/train.jsonl.gz");
  const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
  const std::string out = a->get("out", models + "/zones/lines.bin");
  ZonesTrainer trainer(opt);
  Status st = for_each_jsonl_line(data, [&](std::string_view line, const std::string& where) -> Status {
    auto rec = parse_json_record(line, FieldMap{}, where);
    if (!rec) return rec.error();
    auto doc = make_document(rec->text, rec->meta, /*lenient=*/true);
    if (!doc) return input_error(where + ": " + doc.error().message);
    trainer.add(*doc);
    return {};
  });
  if (!st) return report_error(ctx, cmd, st.error());
  const ZoneTable table = trainer.finish();
  if (Status s = ensure_parent(out); !s) return report_error(ctx, cmd, s.error());
  std::ofstream f(out, std::ios::binary);
  if (!f) return report_error(ctx, cmd, model_error(out + ": cannot write"));
  if (Status s = table.write(f); !s) return report_error(ctx, cmd, s.error());
  ctx.out << "articles: " << trainer.articles() << "  distinct (outlet, line) pairs: " << trainer.distinct_lines()
          << "  site-text lines kept: " << table.size() << "\nwrote " << out << "\n";
  return 0;
}

int task_train_entities(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train entities";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"out", true}, {"min-share", true},
                             {"min-articles", true}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << "Usage: framelens train entities [OPTIONS]\n\n"
               "Runs the actors stage over a corpus (AllSides train by default) and keeps, for each surname,\n"
               "the one full name (given name + surname) that nearly all of its articles use, so that an\n"
               "article naming only \"Trump\" gets the entity \"Donald Trump\" -> MODELS/gazetteer/entities.tsv.\n\n"
               "Options:\n"
               "  --data FILE          JSONL(.gz) records (default ../shared/corpora/allsides_article_bias/train.jsonl.gz)\n"
               "  --models DIR         model folder (reads gazetteer/, writes gazetteer/entities.tsv)\n"
               "  --out FILE           output path\n"
               "  --min-share X        share of the surname's full-name articles (default 0.9)\n"
               "  --min-articles N     articles naming the person in full (default 10)\n\n"
            << kExitCodesHelp;
    return 0;
  }
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  EntitiesTrainerOptions opt;
  auto share = number_arg(*a, "min-share", opt.min_share);
  auto min_articles = count_arg(*a, "min-articles", opt.min_articles);
  if (!share) return report_error(ctx, cmd, share.error());
  if (!min_articles) return report_error(ctx, cmd, min_articles.error());
  if (*share <= 0.5 || *share > 1.0 || *min_articles < 1) {
    return report_error(ctx, cmd, usage_error("--min-share must be in (0.5, 1] and --min-articles >= 1"));
  }
  opt.min_share = *share;
  opt.min_articles = *min_articles;
  const std::string data = a->get("data", "../shared/corpora/allsides_article_bias/train.jsonl.gz");
  const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
  const std::string out = a->get("out", models + "/gazetteer/entities.tsv");
  PipelineOptions po;
  po.models_dir = models;
  po.lenient = true;
  auto stage = make_actors_stage(po);
  if (!stage) return report_error(ctx, cmd, stage.error());
  if (!*stage) return report_error(ctx, cmd, model_error("gazetteer not found in " + models + "/gazetteer"));
  std::unique_ptr<ZoneTable> zones;
  if (auto z = ZoneTable::load(models + "/zones/lines.bin")) zones = std::make_unique<ZoneTable>(std::move(*z));
  EntitiesTrainer trainer(opt);
  Status st = for_each_jsonl_line(data, [&](std::string_view line, const std::string& where) -> Status {
    auto rec = parse_json_record(line, FieldMap{}, where);
    if (!rec) return rec.error();
    auto doc = make_document(rec->text, rec->meta, /*lenient=*/true, zones.get());
    if (!doc) return input_error(where + ": " + doc.error().message);
    (*stage)->annotate(*doc);
    trainer.add(*doc);
    return {};
  });
  if (!st) return report_error(ctx, cmd, st.error());
  const EntityTable table = trainer.finish();
  if (Status s = ensure_parent(out); !s) return report_error(ctx, cmd, s.error());
  char hdr[256];
  std::snprintf(hdr, sizeof hdr,
                "# surname -> the one full name its articles use; built by `framelens train entities`\n"
                "# (min share %.2f, min articles %ld). Columns: surname, full name, gender, share, articles\n",
                opt.min_share, opt.min_articles);
  if (Status s = table.save(out, hdr); !s) return report_error(ctx, cmd, s.error());
  ctx.out << "articles: " << trainer.articles() << "  surnames kept: " << table.size() << "\nwrote " << out << "\n";
  return 0;
}

}  // namespace framelens
