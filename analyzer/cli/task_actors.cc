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

namespace framelens {

namespace {

const char* const kEvalActorsHelp =
    "Usage: framelens eval actors --data FILE [OPTIONS]\n"
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

}  // namespace

int task_eval_actors(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval actors";
  auto a = parse_args(args, {{"data", true}, {"kind", true}, {"models", true}, {"limit", true}, {"misses", true}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << kEvalActorsHelp << kExitCodesHelp;
    return 0;
  }
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

}  // namespace framelens
