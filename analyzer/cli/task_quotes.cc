// CLI glue for `framelens eval quotes`: direct-quote P/R/F1, speaker accuracy and indirect-speech
// figures on an attribution corpus (PolNeAR schema). The logic is in analyzer/train/quotes_eval.
#include <cstdio>
#include <fstream>
#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/cli/task_options.h"
#include "analyzer/train/metrics.h"
#include "analyzer/train/quotes_eval.h"
#include "analyzer/train/gold_quotes_eval.h"
#include "analyzer/train/gold_set.h"

#include <filesystem>

namespace framelens {

namespace {

const char* const kEvalQuotesHelp =
    "Usage: framelens eval quotes --data FILE [OPTIONS]\n"
    "       framelens eval quotes --gold FILE [--set tune|final|all] [--corpora DIR] [--show N]\n"
    "\n"
    "With --gold: runs the pipeline on the gold set of real articles (corpora/gold/gold.jsonl, texts\n"
    "from DIR/allsides_article_bias, default ../shared/corpora) and prints quote precision/recall per\n"
    "kind (direct, mixed, indirect, all, direct+mixed) and speaker accuracy on matched quotes (a found\n"
    "quote matches a gold one by the PolNeAR rule below, overlap / max(length) >= 0.5; a speaker is\n"
    "right when its name or its actor's name/aliases is a form of the gold speaker actor, and a gold\n"
    "null speaker when the found quote is linked to no actor). Negated gold quotes count neither way\n"
    "when found with negated: true or not found. --founding FILE (default envoy_quotes.jsonl beside\n"
    "the gold file, when present) checks the founding article the same way, and the PolNeAR figures\n"
    "on --data (default DIR/polnear/dev.jsonl) are printed beside them (--data none skips them).\n"
    "--set defaults to tune; --show N lists N missed, spurious and wrong-speaker quotes.\n"
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
    "  --gold FILE       gold set (see above); --set, --corpora, --founding, --show go with it\n"
    "\n";

void prf(std::ostream& os, const char* what, int64_t tp, int64_t fp, int64_t fn) {
  const Prf m = framelens::prf(static_cast<double>(tp), static_cast<double>(fp), static_cast<double>(fn));
  os << what << " P=" << fmt3(m.precision) << " R=" << fmt3(m.recall) << " F1=" << fmt3(m.f1) << " (tp=" << tp << " fp=" << fp
     << " fn=" << fn << ")";
}

void print_gold(std::ostream& os, const GoldQuotesReport& r, size_t show) {
  for (int k = 0; k < 5; ++k) {
    const GoldQuoteCounts& c = r.by_kind[k];
    std::string name = GoldQuotesReport::kKindNames[k];
    os << "  " << name << std::string(13 - name.size(), ' ') << "P=" << fmt3(c.precision()) << " R=" << fmt3(c.recall())
       << " F1=" << fmt3(c.f1()) << " (found " << c.found_right << "/" << c.found << ", gold " << c.gold_found << "/"
       << c.gold << ")  speaker accuracy=" << fmt3(c.speaker_accuracy()) << " (" << c.speaker_ok << "/" << c.speaker_n
       << ")\n";
  }
  os << "  kind agreement on matched quotes " << fmt3(r.kind_checked ? static_cast<double>(r.kind_right) / r.kind_checked : 0.0)
     << " (" << r.kind_right << "/" << r.kind_checked << "); gold null speakers " << r.gold_null_speaker << "\n";
  os << "  negated gold quotes " << r.gold_negated << ": flagged negated " << r.negated_flagged << ", not reported "
     << r.negated_dropped << ", taken as claims " << r.gold_negated - r.negated_flagged - r.negated_dropped
     << "; found negated on a plain gold quote " << r.found_negated_wrong << "\n";
  for (size_t i = 0; i < std::min(show, r.missed.size()); ++i) os << "  missed: " << r.missed[i] << "\n";
  for (size_t i = 0; i < std::min(show, r.spurious.size()); ++i) os << "  spurious: " << r.spurious[i] << "\n";
  for (size_t i = 0; i < std::min(show, r.wrong_speaker.size()); ++i) os << "  speaker: " << r.wrong_speaker[i] << "\n";
}

Result<GoldQuotesReport> run_gold(const Pipeline& pipeline, const std::string& gold_path, const std::string& corpora,
                                  const std::string& set) {
  auto gold = load_gold_set(gold_path, corpora, set);
  if (!gold) return gold.error();
  GoldQuotesReport r;
  for (const GoldArticle& g : *gold) {
    auto doc = pipeline.analyze(g.record);
    if (!doc) return doc.error();
    add_gold_quotes(*doc, g, r);
  }
  return r;
}

void print_polnear(std::ostream& os, const std::string& data, const QuoteEvalResult& r) {
  os << "quotes on " << data << " (" << r.articles << " articles)\n";
  prf(os, "direct-quote", r.tp, r.fp, r.fn);
  os << "\nspeaker accuracy=" << fmt3(r.speaker_n ? static_cast<double>(r.speaker_ok) / r.speaker_n : 0.0)
     << " on " << r.speaker_n << " named sources\n";
  prf(os, "indirect+mixed", r.ind_tp, r.ind_fp, r.ind_fn);
  os << "\nindirect speaker accuracy="
     << fmt3(r.ind_speaker_n ? static_cast<double>(r.ind_speaker_ok) / r.ind_speaker_n : 0.0) << " on "
     << r.ind_speaker_n << " named sources\n";
  os << "pipeline time " << fmt3(r.seconds) << " s (" << fmt3(r.articles ? 1e3 * r.seconds / r.articles : 0.0)
     << " ms/article, all stages)\n";
}

int eval_quotes_gold(const ParsedArgs& a, CliContext& ctx, const std::string& cmd) {
  auto show = count_arg(a, "show", 0);
  if (!show) return report_error(ctx, cmd, show.error());
  const std::string corpora = a.get("corpora", "../shared/corpora");
  const std::string set = a.get("set", "tune");
  auto pipeline = pipeline_from(a, ctx);
  if (!pipeline) return report_error(ctx, cmd, pipeline.error());
  auto r = run_gold(*pipeline, a.get("gold"), corpora, set);
  if (!r) return report_error(ctx, cmd, r.error());
  auto& os = ctx.out;
  os << "gold set: " << a.get("gold") << "  part: " << set << "  articles: " << r->articles << "\n";
  print_gold(os, *r, static_cast<size_t>(*show));
  std::string founding = a.get("founding");
  if (founding.empty()) {
    const auto beside = std::filesystem::path(a.get("gold")).parent_path() / "envoy_quotes.jsonl";
    if (std::filesystem::exists(beside)) founding = beside.string();
  }
  if (!founding.empty() && founding != "none") {
    auto f = run_gold(*pipeline, founding, corpora, "all");
    if (!f) return report_error(ctx, cmd, f.error());
    const GoldQuoteCounts& c = f->by_kind[3];
    os << "founding article (" << founding << "): " << c.speaker_ok << " of " << c.gold
       << " gold quotes found with the right speaker (" << c.gold_found << " found)\n";
    print_gold(os, *f, static_cast<size_t>(*show));
  }
  QuoteEvalOptions opt;
  opt.data = a.get("data", corpora + "/polnear/dev.jsonl");
  if (opt.data != "none") {
    auto p = evaluate_quotes(*pipeline, opt);
    if (!p) return report_error(ctx, cmd, p.error());
    print_polnear(os, opt.data, *p);
  }
  return 0;
}

}  // namespace

int task_eval_quotes(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval quotes";
  auto spec = analysis_options();
  spec.push_back({"data", true});
  spec.push_back({"limit", true});
  spec.push_back({"misses", true});
  spec.push_back({"gold", true});
  spec.push_back({"set", true});
  spec.push_back({"corpora", true});
  spec.push_back({"founding", true});
  spec.push_back({"show", true});
  spec.push_back({"help", false, 'h'});
  auto a = parse_args(args, spec, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kEvalQuotesHelp, 0;
  if (a->values.count("gold")) return eval_quotes_gold(*a, ctx, cmd);
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
  print_polnear(ctx.out, opt.data, *r);
  return 0;
}

}  // namespace framelens
