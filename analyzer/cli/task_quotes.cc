// CLI glue for `framelens eval quotes`: direct-quote P/R/F1, speaker accuracy and indirect-speech
// figures on an attribution corpus (PolNeAR schema). The logic is in analyzer/train/quotes_eval.
#include <cstdio>
#include <fstream>
#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/cli/task_options.h"
#include "analyzer/train/metrics.h"
#include "analyzer/train/quotes_eval.h"

namespace framelens {

namespace {

const char* const kEvalQuotesHelp =
    "Usage: framelens eval quotes --data FILE [OPTIONS]\n"
    "\n"
    "Runs the pipeline on an attribution corpus in the PolNeAR JSONL schema (text + attributions\n"
    "with source/cue/content spans) and prints direct-quote span P/R/F1 (a prediction matches\n"
    "when overlap / max(length) >= 0.5), speaker accuracy on matched quotes with a named source,\n"
    "and the same figures for indirect (reported) speech. Direct figures are computed exactly as\n"
    "the reference scorer (devscore.py polnear) does.\n"
    "\n"
    "Options:\n"
    "  --data FILE       corpus (e.g. ../shared/corpora/polnear/dev.jsonl)\n"
    "  --limit N         only the first N records\n"
    "  --misses FILE     write every missed / spurious quote and wrong speaker to FILE\n"
    "  --models DIR      model folder (the actors stage links speakers to actors)\n"
    "\n";

void prf(std::ostream& os, const char* what, int64_t tp, int64_t fp, int64_t fn) {
  const Prf m = framelens::prf(static_cast<double>(tp), static_cast<double>(fp), static_cast<double>(fn));
  os << what << " P=" << fmt3(m.precision) << " R=" << fmt3(m.recall) << " F1=" << fmt3(m.f1) << " (tp=" << tp << " fp=" << fp
     << " fn=" << fn << ")";
}

}  // namespace

int task_eval_quotes(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval quotes";
  auto spec = analysis_options();
  spec.push_back({"data", true});
  spec.push_back({"limit", true});
  spec.push_back({"misses", true});
  spec.push_back({"help", false, 'h'});
  auto a = parse_args(args, spec, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kEvalQuotesHelp, 0;
  if (!a->values.count("data")) return report_error(ctx, cmd, usage_error("--data FILE is required"));
  QuoteEvalOptions opt;
  opt.data = a->get("data");
  if (a->values.count("limit")) {
    try {
      opt.limit = std::stoll(a->get("limit"));
    } catch (const std::exception&) {
      return report_error(ctx, cmd, usage_error("--limit expects a number"));
    }
  }
  std::ofstream misses;
  if (a->values.count("misses")) {
    misses.open(a->get("misses"));
    if (!misses) return report_error(ctx, cmd, internal_error("cannot write " + a->get("misses")));
    opt.misses = &misses;
  }
  auto pipeline = pipeline_from(*a, ctx);
  if (!pipeline) return report_error(ctx, cmd, pipeline.error());
  auto r = evaluate_quotes(*pipeline, opt);
  if (!r) return report_error(ctx, cmd, r.error());
  auto& os = ctx.out;
  os << "quotes on " << opt.data << " (" << r->articles << " articles)\n";
  prf(os, "direct-quote", r->tp, r->fp, r->fn);
  os << "\nspeaker accuracy=" << fmt3(r->speaker_n ? static_cast<double>(r->speaker_ok) / r->speaker_n : 0.0)
     << " on " << r->speaker_n << " named sources\n";
  prf(os, "indirect+mixed", r->ind_tp, r->ind_fp, r->ind_fn);
  os << "\nindirect speaker accuracy="
     << fmt3(r->ind_speaker_n ? static_cast<double>(r->ind_speaker_ok) / r->ind_speaker_n : 0.0) << " on "
     << r->ind_speaker_n << " named sources\n";
  os << "pipeline time " << fmt3(r->seconds) << " s (" << fmt3(r->articles ? 1e3 * r->seconds / r->articles : 0.0)
     << " ms/article, all stages)\n";
  return 0;
}

}  // namespace framelens
