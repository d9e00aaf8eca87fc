// CLI glue for `framelens eval actors`. The logic lives in analyzer/actors/actors_eval.*.
#include <cstdio>
#include <ostream>

#include "analyzer/actors/actors_eval.h"
#include "analyzer/cli/common.h"
#include "analyzer/core/model_paths.h"

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

}  // namespace framelens
