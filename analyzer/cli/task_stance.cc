// CLI glue for `framelens train|eval stance` and `framelens train|eval roles`. The logic lives in
// analyzer/train/stance_trainer.*, stance_eval.* and role_trainer.* (models in analyzer/stance/).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/cli/model_paths.h"
#include "analyzer/cli/task_options.h"
#include "analyzer/ml/word_vectors_file.h"
#include "analyzer/stance/stance_stage.h"
#include "analyzer/train/role_trainer.h"
#include "analyzer/train/stance_eval.h"
#include "analyzer/train/stance_trainer.h"
#include "analyzer/cli/gold_run.h"
#include "analyzer/train/pretrained_vectors.h"
#include "analyzer/stance/stance_aggregate.h"
#include "analyzer/train/gold_set.h"
#include "analyzer/train/gold_stance_eval.h"

namespace framelens {

namespace {

const char* const kDefaultStanceTrain = "../shared/corpora/newsmtsc/train.jsonl";
const char* const kDefaultStanceDev = "../shared/corpora/newsmtsc/dev.jsonl";
const char* const kDefaultLexicons = "../shared/corpora/lexicons";
const char* const kDefaultRoleTrain = "../shared/corpora/narrative_framing/train.jsonl";
const char* const kDefaultRoleDev = "../shared/corpora/narrative_framing/dev.jsonl";

const char* const kTrainStanceHelp =
    "Usage: framelens train stance [OPTIONS]\n"
    "\n"
    "Trains the per-mention stance model (negative / neutral / positive toward a target) on\n"
    "NewsMTSC-style JSON Lines and writes MODELS/stance/stance.bin. Prior word polarity from the\n"
    "opinion lexicons is learned into the model file (the lexicon files are only read here).\n"
    "\n"
    "Options:\n"
    "  --data FILE        training records (default ../shared/corpora/newsmtsc/train.jsonl)\n"
    "  --dev FILE         dev records scored after training (default .../newsmtsc/dev.jsonl;\n"
    "                     --dev none to skip)\n"
    "  --lexicons DIR     folder with bing_liu_opinion/ and mpqa_subjectivity/\n"
    "                     (default ../shared/corpora/lexicons)\n"
    "  --models DIR       model folder: upstream stages load from it, output goes to it\n"
    "  --out FILE         output path (default MODELS/stance/stance.bin)\n"
    "  --hash-bits N      feature space 2^N (default 16)\n"
    "  --context BLOCKS   context-vector features from the word vectors: comma list of sentence\n"
    "                     (target-masked sentence mean), left, right (window means), or all / none\n"
    "                     (default all)\n"
    "  --context-window N tokens each side for left/right (default 3)\n"
    "  --context-scale X  norm (l2) or multiplier (the others) of each context block (default 1.4)\n"
    "  --context-norm N   how a block's SIF-weighted sum is scaled: l2 (by its norm), mean (by the\n"
    "                     weight sum), root (by the root of the squared weights' sum); mean and\n"
    "                     root fold the linear layer into the word vectors at load (fast);\n"
    "                     unit-mean, unit-root: the same over unit-length word vectors\n"
    "                     (default unit-root; the model before it: l2 with --context-scale 2)\n"
    "  --vectors FILE     word vectors (default MODELS/vectors/words.bin, from `train vectors`)\n"
    "  --pretrained-vectors FILE  pretrained fastText vectors (.vec text or .bin model): mapped into\n"
    "                     the project format, written to the --vectors path (the stance stage loads\n"
    "                     it there at scoring time), then used for training\n"
    "  --pretrained-words N  most frequent pretrained words kept (default 40000)\n"
    "  --l2 X             L2 penalty (default 1e-3)\n"
    "  --iterations N     L-BFGS iterations (default 400)\n"
    "  --cv K             also report K-fold cross-validation on --data, grouped by article\n"
    "  --no-balance       do not re-weight classes\n"
    "  --no-save          train and score only\n"
    "\n";

int train_stance(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train stance";
  auto a = parse_args(args,
                      {{"data", true}, {"dev", true}, {"lexicons", true}, {"models", true}, {"out", true},
                       {"hash-bits", true}, {"l2", true}, {"iterations", true}, {"cv", true},
                       {"context", true}, {"context-window", true}, {"context-scale", true}, {"context-norm", true},
                       {"vectors", true}, {"pretrained-vectors", true}, {"pretrained-words", true},
                       {"no-balance", false}, {"no-save", false}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << kTrainStanceHelp << kExitCodesHelp;
    return 0;
  }
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  StanceTrainOptions opt;
  // The shipped recipe (models/stance.md): unit-root context blocks, scale 1.4.
  opt.context.norm = ContextNorm::UnitRoot;
  opt.context.scale = 1.4f;
  auto bits = number_arg(*a, "hash-bits", opt.hash_bits);
  auto l2 = number_arg(*a, "l2", opt.l2);
  auto iters = number_arg(*a, "iterations", opt.max_iterations);
  auto cv = number_arg(*a, "cv", 0);
  auto cwin = number_arg(*a, "context-window", opt.context.window);
  auto cscale = number_arg(*a, "context-scale", opt.context.scale);
  for (const auto* r : {&bits, &l2, &iters, &cv, &cwin, &cscale})
    if (!*r) return report_error(ctx, cmd, r->error());
  if (*bits < 10 || *bits > 24) return report_error(ctx, cmd, usage_error("--hash-bits must be in [10, 24]"));
  opt.hash_bits = static_cast<uint32_t>(*bits);
  opt.l2 = *l2;
  opt.max_iterations = static_cast<int>(*iters);
  opt.balance_classes = !a->has("no-balance");
  if (!parse_context_blocks(a->get("context", "all"), opt.context.blocks))
    return report_error(ctx, cmd, usage_error("--context: expected sentence,left,right / all / none"));
  if (*cwin < 1 || *cwin > 50 || !(*cscale > 0))
    return report_error(ctx, cmd, usage_error("--context-window must be in [1, 50], --context-scale > 0"));
  if (!parse_context_norm(a->get("context-norm", context_norm_name(opt.context.norm)), opt.context.norm))
    return report_error(ctx, cmd, usage_error("--context-norm: expected l2, mean, root, unit-mean or unit-root"));
  opt.context.window = static_cast<int32_t>(*cwin);
  opt.context.scale = static_cast<float>(*cscale);

  const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
  if (a->has("pretrained-vectors")) {
    if (opt.context.blocks == 0) return report_error(ctx, cmd, usage_error("--pretrained-vectors with --context none"));
    auto n = number_arg(*a, "pretrained-words", 40000);
    if (!n) return report_error(ctx, cmd, n.error());
    if (*n < 1) return report_error(ctx, cmd, usage_error("--pretrained-words must be positive"));
    PretrainedVectorStats st;
    auto pv = load_pretrained_vectors(a->get("pretrained-vectors"), static_cast<int>(*n), &st);
    if (!pv) return report_error(ctx, cmd, pv.error());
    const std::string vpath = a->get("vectors", models + "/" + kWordVectorsFile);
    if (Status s = ensure_parent(vpath); !s) return report_error(ctx, cmd, s.error());
    if (Status s = save_word_vectors(*pv, vpath); !s) return report_error(ctx, cmd, s.error());
    ctx.err << "train stance: wrote " << vpath << " (" << pv->size() << " pretrained words, dim " << pv->dim() << ")\n";
  }
  if (opt.context.blocks != 0) {
    auto wv = load_word_vectors(a->get("vectors", models + "/" + kWordVectorsFile));
    if (!wv) return report_error(ctx, cmd, Error{wv.error().kind, wv.error().message + " (run `framelens train vectors`, or --context none)"});
    opt.vectors = wv->vectors;
    opt.vectors_checksum = wv->checksum;
  }
  auto upstream = upstream_stages(models);
  if (!upstream) return report_error(ctx, cmd, upstream.error());
  auto lex = PolarityLexicon::from_lexicon_dir(a->get("lexicons", kDefaultLexicons));
  if (!lex) return report_error(ctx, cmd, lex.error());
  auto lexicon = std::make_shared<const PolarityLexicon>(std::move(*lex));
  auto train = read_stance_examples(a->get("data", kDefaultStanceTrain), *upstream);
  if (!train) return report_error(ctx, cmd, train.error());
  ctx.err << "stance: " << train->size() << " training targets, " << lexicon->size() << " polar words, "
          << upstream->size() << " upstream stages, context vectors "
          << (opt.vectors ? context_blocks_name(opt.context.blocks) + " (norm " + context_norm_name(opt.context.norm) + ")"
                          : std::string("none"))
          << "\n";
  if (*cv >= 2) {
    auto s = cross_validate_stance(*train, lexicon, opt, static_cast<int>(*cv));
    if (!s) return report_error(ctx, cmd, s.error());
    ctx.out << "stance cv" << static_cast<int>(*cv) << ": F1m=" << fmt3(s->f1_macro) << " acc=" << fmt3(s->accuracy)
            << " (neg " << fmt3(s->f1[0]) << ", neu " << fmt3(s->f1[1]) << ", pos " << fmt3(s->f1[2]) << ")\n";
  }
  auto model = train_stance_model(*train, lexicon, opt);
  if (!model) return report_error(ctx, cmd, model.error());
  const std::string dev_path = a->get("dev", kDefaultStanceDev);
  if (dev_path != "none") {
    auto dev = read_stance_examples(dev_path, *upstream);
    if (!dev) return report_error(ctx, cmd, dev.error());
    std::vector<int> gold;
    for (const auto& e : *dev) gold.push_back(e.label);
    auto s = score_classes(gold, predict_stance(*model, *dev), 3);
    ctx.out << "stance dev: F1m=" << fmt3(s.f1_macro) << " acc=" << fmt3(s.accuracy) << " n=" << s.n << " (neg "
            << fmt3(s.f1[0]) << ", neu " << fmt3(s.f1[1]) << ", pos " << fmt3(s.f1[2]) << ")\n";
  }
  if (a->has("no-save")) return 0;
  const std::string out = a->get("out", models + "/" + kStanceModelFile);
  if (Status s = ensure_parent(out); !s) return report_error(ctx, cmd, s.error());
  if (Status s = model->save(out); !s) return report_error(ctx, cmd, s.error());
  ctx.err << "stance: wrote " << out << " (" << std::filesystem::file_size(out) << " bytes)\n";
  return 0;
}

const char* const kEvalStanceHelp =
    "Usage: framelens eval stance --data FILE [--models DIR]\n"
    "\n"
    "Runs the full pipeline on NewsMTSC-style records (text + one target span) and scores\n"
    "targets[0].stance.label against the gold polarity: macro-F1 over negative/neutral/positive\n"
    "and accuracy (the same metric as the shared devscore.py newsmtsc).\n"
    "\n";

// Article-level attitude toward the gold set's main actors (corpora/gold/gold.jsonl).
int eval_stance_gold(const ParsedArgs& a, CliContext& ctx, const std::string& cmd) {
  std::vector<double> thresholds;
  if (a.has("threshold")) {
    auto t = number_list_arg(a, "threshold", {});
    if (!t) return report_error(ctx, cmd, t.error());
    thresholds = *t;
  } else {
    thresholds = {AggregateOptions{}.label_threshold};
  }
  auto run = analyze_gold_set(a, ctx);
  if (!run) return report_error(ctx, cmd, run.error());
  const auto& docs = run->docs;
  const auto& gold = run->gold;
  static const char* kNames[3] = {"negative", "neutral", "positive"};
  for (double th : thresholds) {
    GoldStanceReport r;
    r.keep_rows = a.has("list") && thresholds.size() == 1;
    for (size_t i = 0; i < docs.size(); ++i) add_gold_stance(docs[i], gold[i], th, r);
    char buf[256];
    std::snprintf(buf, sizeof buf, "threshold %.2f: article-level macro-F1 %.3f over %ld main actors (%ld not found -> neutral); "
                  "gold-neutral labelled polar %.3f\n", th, r.macro_f1(), r.total(), r.unmatched, r.neutral_flipped());
    ctx.out << buf;
    if (thresholds.size() > 1) continue;
    ctx.out << "confusion (rows gold, columns found): negative neutral positive\n";
    for (int gl = 0; gl < 3; ++gl) {
      std::snprintf(buf, sizeof buf, "  %-9s %8ld %7ld %8ld   precision %.3f  recall %.3f\n", kNames[gl], r.confusion[gl][0],
                    r.confusion[gl][1], r.confusion[gl][2], r.precision(gl), r.recall(gl));
      ctx.out << buf;
    }
    for (const std::string& row : r.rows) ctx.out << row << "\n";
  }
  return 0;
}

int eval_stance(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval stance";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"gold", true}, {"set", true}, {"corpora", true},
                             {"threshold", true}, {"list", false}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << kEvalStanceHelp
            << "       framelens eval stance --gold FILE [--set tune|final|all] [--threshold X[,Y...]] [--list]\n"
               "  With --gold: article-level macro-F1 and the confusion table of the outlet's own-voice stance\n"
               "  toward the gold set's main actors (the author's attitude, corpora/gold/GUIDE.md); a list of\n"
               "  thresholds sweeps the |score| needed for a polar label; --list prints every gold actor with the\n"
               "  found label, score and evidence. FILE may be a comma-separated list of gold files.\n\n"
            << kExitCodesHelp;
    return 0;
  }
  if (a->has("gold")) return eval_stance_gold(*a, ctx, cmd);
  if (!a->has("data")) return report_error(ctx, cmd, usage_error("--data FILE is required"));
  auto scores = evaluate_stance_targets(a->get("data"), resolve_models_dir(a->get("models"), ctx.argv0));
  if (!scores) return report_error(ctx, cmd, scores.error());
  const ClassificationScores& s = *scores;
  ctx.out << "stance: F1m=" << fmt3(s.f1_macro) << " acc=" << fmt3(s.accuracy) << " n=" << s.n << " (F1 negative "
          << fmt3(s.f1[0]) << ", neutral " << fmt3(s.f1[1]) << ", positive " << fmt3(s.f1[2]) << ")\n";
  return 0;
}

const char* const kTrainRolesHelp =
    "Usage: framelens train roles [OPTIONS]\n"
    "\n"
    "Trains the narrative-role model (hero / villain / victim / none per actor) on the\n"
    "narrative-framing articles and writes MODELS/roles/roles.bin. Needs the actors stage\n"
    "(MODELS/gazetteer) and the stance model (MODELS/stance/stance.bin): actors found in each article\n"
    "take the roles of the annotated entities whose names they match; other actors are 'none'.\n"
    "\n"
    "Options:\n"
    "  --data FILE        training articles (default ../shared/corpora/narrative_framing/train.jsonl)\n"
    "  --dev FILE         dev articles scored after training (default .../dev.jsonl; none to skip)\n"
    "  --models DIR       model folder (input stages and stance model; output goes to it)\n"
    "  --out FILE         output path (default MODELS/roles/roles.bin)\n"
    "  --hash-bits N      feature space 2^N (default 14)\n"
    "  --l2 X             L2 penalty (default 3e-2)\n"
    "  --no-save          train and score only\n"
    "\n";

std::string role_scores_line(const RoleScores& s) {
  return "role F1m(hero/villain/victim)=" + fmt3(s.role_f1_macro) + " role acc=" + fmt3(s.role_accuracy) +
         " on " + std::to_string(s.matched) + " matched actors; role-vs-none acc=" + fmt3(s.detect_accuracy) +
         " on " + std::to_string(s.actors) + " actors";
}

int train_roles(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train roles";
  auto a = parse_args(args,
                      {{"data", true}, {"dev", true}, {"models", true}, {"out", true}, {"hash-bits", true},
                       {"l2", true}, {"no-save", false}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << kTrainRolesHelp << kExitCodesHelp;
    return 0;
  }
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  RoleTrainOptions opt;
  auto bits = number_arg(*a, "hash-bits", opt.hash_bits);
  auto l2 = number_arg(*a, "l2", opt.l2);
  for (const auto* r : {&bits, &l2})
    if (!*r) return report_error(ctx, cmd, r->error());
  if (*bits < 10 || *bits > 24) return report_error(ctx, cmd, usage_error("--hash-bits must be in [10, 24]"));
  opt.hash_bits = static_cast<uint32_t>(*bits);
  opt.l2 = *l2;
  const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
  auto upstream = upstream_stages(models);
  if (!upstream) return report_error(ctx, cmd, upstream.error());
  auto stance = StanceModel::load_from(models);
  if (!stance) return report_error(ctx, cmd, stance.error());
  auto train = read_role_examples(a->get("data", kDefaultRoleTrain), *upstream, *stance, opt.hash_bits);
  if (!train) return report_error(ctx, cmd, train.error());
  size_t matched = 0;
  for (const auto& e : *train) matched += e.gold[0] != kRoleNone;
  ctx.err << "roles: " << train->size() << " actors, " << matched << " matched to annotated entities\n";
  auto model = train_role_model(*train, opt);
  if (!model) return report_error(ctx, cmd, model.error());
  ctx.out << "roles train: " << role_scores_line(evaluate_roles(*model, *train)) << "\n";
  const std::string dev_path = a->get("dev", kDefaultRoleDev);
  if (dev_path != "none") {
    auto dev = read_role_examples(dev_path, *upstream, *stance, opt.hash_bits);
    if (!dev) return report_error(ctx, cmd, dev.error());
    ctx.out << "roles dev: " << role_scores_line(evaluate_roles(*model, *dev)) << "\n";
  }
  if (a->has("no-save")) return 0;
  const std::string out = a->get("out", models + "/" + kRoleModelFile);
  if (Status s = ensure_parent(out); !s) return report_error(ctx, cmd, s.error());
  if (Status s = model->save(out); !s) return report_error(ctx, cmd, s.error());
  ctx.err << "roles: wrote " << out << " (" << std::filesystem::file_size(out) << " bytes)\n";
  return 0;
}

int eval_roles(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval roles";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << "Usage: framelens eval roles --data FILE [--models DIR]\n\n"
            << "Scores the role model on narrative-framing articles: macro-F1 over hero/villain/victim\n"
            << "for actors matched to an annotated entity, and role-vs-none accuracy over all actors.\n\n"
            << kExitCodesHelp;
    return 0;
  }
  if (!a->has("data")) return report_error(ctx, cmd, usage_error("--data FILE is required"));
  const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
  auto upstream = upstream_stages(models);
  if (!upstream) return report_error(ctx, cmd, upstream.error());
  auto stance = StanceModel::load_from(models);
  if (!stance) return report_error(ctx, cmd, stance.error());
  auto roles = RoleModel::load(models + "/" + kRoleModelFile);
  if (!roles) return report_error(ctx, cmd, roles.error());
  auto ex = read_role_examples(a->get("data"), *upstream, *stance, roles->hash_bits());
  if (!ex) return report_error(ctx, cmd, ex.error());
  ctx.out << "roles: " << role_scores_line(evaluate_roles(*roles, *ex)) << "\n";
  return 0;
}

}  // namespace

int task_train_stance(const std::vector<std::string>& args, CliContext& ctx) { return train_stance(args, ctx); }
int task_eval_stance(const std::vector<std::string>& args, CliContext& ctx) { return eval_stance(args, ctx); }
int task_train_roles(const std::vector<std::string>& args, CliContext& ctx) { return train_roles(args, ctx); }
int task_eval_roles(const std::vector<std::string>& args, CliContext& ctx) { return eval_roles(args, ctx); }

}  // namespace framelens
