// CLI glue for `framelens train features|leaning|frames` and `framelens eval leaning|frames`.
// The logic lives in analyzer/train/ (text_features_article_trainer, leaning_trainer, frames_trainer).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>

#include "analyzer/article/article_stage.h"
#include "analyzer/cli/common.h"
#include "analyzer/cli/model_paths.h"
#include "analyzer/cli/task_options.h"
#include "analyzer/train/frames_trainer.h"
#include "analyzer/train/leaning_trainer.h"
#include "analyzer/train/text_features_article_trainer.h"

namespace framelens {

namespace {

const char* const kAllsidesTrain = "../shared/corpora/allsides_article_bias/train.jsonl.gz";
const char* const kAllsidesDev = "../shared/corpora/allsides_article_bias/dev.jsonl.gz";
const char* const kMfcTrain = "../shared/corpora/semeval2023_task3_frames_en/train.jsonl";
const char* const kMfcDev = "../shared/corpora/semeval2023_task3_frames_en/dev.jsonl";
const char* const kGenericTrain = "../shared/corpora/narrative_framing/train.jsonl";
const char* const kGenericDev = "../shared/corpora/narrative_framing/dev.jsonl";

const char* const kTrainFeaturesHelp =
    "Usage: framelens train features [OPTIONS]\n"
    "\n"
    "Builds the shared article representation used by the leaning and frames heads from AllSides\n"
    "train: the outlet boilerplate table (lines repeated across an outlet's articles, outlet names)\n"
    "and the idf of the hashed unigram+bigram features. Writes MODELS/vectors/article_features.bin.\n"
    "Run it before `train leaning` and `train frames`.\n"
    "\n"
    "Options:\n"
    "  --data FILE     training records (default ../shared/corpora/allsides_article_bias/train.jsonl.gz)\n"
    "  --models DIR    model folder (output goes to MODELS/vectors/)\n"
    "  --hash-bits N   feature space 2^N (default 18)\n"
    "  --min-df N      drop hashed features seen in fewer than N articles (default 3)\n"
    "\n";

int train_features(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train features";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"hash-bits", true}, {"min-df", true}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kTrainFeaturesHelp, 0;
  auto bits = number_arg(*a, "hash-bits", 18);
  auto min_df = number_arg(*a, "min-df", 3);
  if (!bits) return report_error(ctx, cmd, bits.error());
  if (!min_df) return report_error(ctx, cmd, min_df.error());
  const auto t0 = std::chrono::steady_clock::now();
  auto train = read_labelled_jsonl(a->get("data", kAllsidesTrain), "bias");
  if (!train) return report_error(ctx, cmd, train.error());
  TextFeatureOptions o;
  o.hash_bits = static_cast<uint32_t>(*bits);
  auto f = build_article_features(*train, o, static_cast<int>(*min_df), ctx.err);
  if (!f) return report_error(ctx, cmd, f.error());
  const auto paths = ArticleModelPaths::in(resolve_models_dir(a->get("models"), ctx.argv0));
  if (Status s = ensure_parent(paths.features); !s) return report_error(ctx, cmd, s.error());
  if (Status s = f->save(paths.features); !s) return report_error(ctx, cmd, s.error());
  ctx.out << "wrote " << paths.features << " (" << train->size() << " articles, " << fmt3(seconds_since(t0)) << " s)\n";
  return 0;
}

Result<ArticleFeatures> load_features(const ParsedArgs& a, const CliContext& ctx) {
  const auto paths = ArticleModelPaths::in(resolve_models_dir(a.get("models"), ctx.argv0));
  if (!std::filesystem::exists(paths.features))
    return model_error(paths.features + " not found: run `framelens train features` first");
  return ArticleFeatures::load(paths.features);
}

const char* const kTrainLeaningHelp =
    "Usage: framelens train leaning [OPTIONS]\n"
    "\n"
    "Trains the article leaning head (left / center / right, softmax over the shared article\n"
    "features) on AllSides train, reports outlet-grouped cross-validation (folds by outlet; the\n"
    "held-out outlets' boilerplate is unknown to the filter, as for a new outlet) and dev macro-F1,\n"
    "and writes MODELS/leaning/leaning.bin. Needs MODELS/vectors/article_features.bin.\n"
    "After a full CV it fits a temperature on the out-of-fold probabilities (calibrates `lean` =\n"
    "right - left), class offsets kept only when their nested CV macro-F1 beats the argmax, and\n"
    "prints outlet-level agreement and Spearman rank correlation (mean lean vs label) out of fold.\n"
    "\n"
    "Options:\n"
    "  --data FILE          training records (default ../shared/corpora/allsides_article_bias/train.jsonl.gz)\n"
    "  --dev FILE           dev records (default .../dev.jsonl.gz; --dev none to skip)\n"
    "  --models DIR         model folder\n"
    "  --l2 LIST            L2 penalties tried by CV (default 1e-5)\n"
    "  --outlet-power LIST  sample weight n_outlet^-P per article, P tried by CV: 0 = articles count\n"
    "                       equally, 1 = outlets do (default 0.5)\n"
    "  --min-outlets LIST   drop n-grams seen in fewer than K training outlets (house style), K tried\n"
    "                       by CV (default 20; 1 = keep all)\n"
    "                       The grid is every combination of the three lists; the best outlet-grouped\n"
    "                       CV macro-F1 is refitted on all of train.\n"
    "  --folds K            outlet-grouped CV folds (default 5)\n"
    "  --run-folds N        evaluate only the first N folds (a quick screen; default all)\n"
    "  --no-cv              skip cross-validation (uses the first value of each list)\n"
    "  --iterations N       L-BFGS iterations (default 120)\n"
    "  --no-balance         do not re-weight classes\n"
    "  --no-save            train and score only\n"
    "\n";

int train_leaning_task(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train leaning";
  auto a = parse_args(args,
                      {{"data", true}, {"dev", true}, {"models", true}, {"l2", true}, {"outlet-power", true},
                       {"min-outlets", true}, {"folds", true}, {"run-folds", true}, {"no-cv", false},
                       {"iterations", true}, {"no-balance", false}, {"no-save", false}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kTrainLeaningHelp, 0;
  LeaningTrainOptions o;
  const LeaningHeadConfig d;
  auto folds = number_arg(*a, "folds", o.folds), run = number_arg(*a, "run-folds", o.run_folds),
       it = number_arg(*a, "iterations", o.max_iterations);
  for (auto* r : {&folds, &run, &it})
    if (!*r) return report_error(ctx, cmd, r->error());
  auto l2 = number_list_arg(*a, "l2", {d.l2}), power = number_list_arg(*a, "outlet-power", {d.outlet_power}),
       min_outlets = number_list_arg(*a, "min-outlets", {double(d.min_outlets)});
  for (auto* r : {&l2, &power, &min_outlets})
    if (!*r) return report_error(ctx, cmd, r->error());
  o.grid.clear();
  for (double l : *l2)
    for (double p : *power)
      for (double k : *min_outlets) o.grid.push_back({l, p, static_cast<int>(k)});
  if (o.grid.empty()) return report_error(ctx, cmd, usage_error("empty --l2/--outlet-power/--min-outlets list"));
  o.folds = std::max(2, static_cast<int>(*folds));
  o.run_folds = std::max(0, static_cast<int>(*run));
  o.max_iterations = static_cast<int>(*it);
  o.cross_validate = !a->has("no-cv");
  o.balance_classes = !a->has("no-balance");
  auto features = load_features(*a, ctx);
  if (!features) return report_error(ctx, cmd, features.error());
  auto train = read_labelled_jsonl(a->get("data", kAllsidesTrain), "bias");
  if (!train) return report_error(ctx, cmd, train.error());
  std::vector<LabelledRecord> dev;
  if (a->get("dev") != "none") {
    auto d = read_labelled_jsonl(a->get("dev", kAllsidesDev), "bias");
    if (!d) return report_error(ctx, cmd, d.error());
    dev = std::move(*d);
  }
  auto model = train_leaning(*features, *train, dev, o, ctx.out);
  if (!model) return report_error(ctx, cmd, model.error());
  if (a->has("no-save")) return 0;
  const auto paths = ArticleModelPaths::in(resolve_models_dir(a->get("models"), ctx.argv0));
  if (Status s = ensure_parent(paths.leaning); !s) return report_error(ctx, cmd, s.error());
  if (Status s = model->save(paths.leaning); !s) return report_error(ctx, cmd, s.error());
  ctx.out << "wrote " << paths.leaning << "\n";
  return 0;
}

const char* const kEvalLeaningHelp =
    "Usage: framelens eval leaning [--data FILE] [--models DIR]\n"
    "\n"
    "Scores the leaning head on labelled AllSides-style JSON Lines (field \"bias\") and prints\n"
    "macro-F1 over left/center/right and accuracy, as ../shared/tools/devscore.py allsides does,\n"
    "then per outlet (field \"outlet\"): the share of outlets whose mean probabilities pick the\n"
    "outlet's label, outlet-level macro-F1, and the Spearman rank correlation of the outlets' mean\n"
    "`lean` (right - left) with their label as -1 / 0 / +1.\n"
    "Default data: ../shared/corpora/allsides_article_bias/dev.jsonl.gz\n"
    "\n";

int eval_leaning_task(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval leaning";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"help", false, 'h'}}, cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kEvalLeaningHelp, 0;
  const auto t0 = std::chrono::steady_clock::now();
  auto features = load_features(*a, ctx);
  if (!features) return report_error(ctx, cmd, features.error());
  const auto paths = ArticleModelPaths::in(resolve_models_dir(a->get("models"), ctx.argv0));
  auto model = LeaningModel::load(paths.leaning, features->dim());
  if (!model) return report_error(ctx, cmd, model.error());
  ctx.err << "models loaded in " << fmt3(1e3 * seconds_since(t0)) << " ms\n";
  auto recs = read_labelled_jsonl(a->get("data", kAllsidesDev), "bias");
  if (!recs) return report_error(ctx, cmd, recs.error());
  auto m = eval_leaning(*features, *model, *recs);
  if (!m) return report_error(ctx, cmd, m.error());
  ctx.out << "allsides: " << fmt3(m->macro_f1) << "  (macro-F1; acc=" << fmt3(m->accuracy) << " n=" << m->n << ")\n";
  ctx.out << "outlet-level: " << m->outlets.outlets << " outlets, agreement=" << fmt3(m->outlets.agreement)
          << " macro-F1=" << fmt3(m->outlets.macro_f1) << " Spearman(mean lean, gold -1/0/+1)="
          << fmt3(m->outlets.spearman) << "\n";
  ctx.err << "features + leaning head: " << fmt3(m->us_per_article) << " us/article\n";
  return 0;
}

const char* const kTrainFramesHelp =
    "Usage: framelens train frames [OPTIONS]\n"
    "\n"
    "Trains both multi-label frame models over the shared article features: the 14 MFC frames\n"
    "(SemEval-2023 task 3) -> MODELS/frames/mfc.bin and the five generic frames (narrative framing)\n"
    "-> MODELS/frames/generic.bin. L2 and the selection threshold are chosen by 5-fold CV on train;\n"
    "dev micro-F1 over selected labels is reported. Needs MODELS/vectors/article_features.bin.\n"
    "\n"
    "Options:\n"
    "  --only mfc|generic   train one of the two\n"
    "  --mfc-data FILE      (default ../shared/corpora/semeval2023_task3_frames_en/train.jsonl)\n"
    "  --mfc-dev FILE       (default .../semeval2023_task3_frames_en/dev.jsonl; none to skip)\n"
    "  --generic-data FILE  (default ../shared/corpora/narrative_framing/train.jsonl)\n"
    "  --generic-dev FILE   (default .../narrative_framing/dev.jsonl; none to skip)\n"
    "  --models DIR         model folder\n"
    "  --fold-bits N        hashed feature space of the frame heads, 2^N (default 16)\n"
    "  --min-selected N     always select the N best frames (default 1)\n"
    "  --l2 LIST            comma-separated L2 values tried by CV (default 3e-5,1e-4,3e-4,1e-3)\n"
    "  --no-balance         do not re-weight positives per frame (n_neg / n_pos)\n"
    "  --global-threshold   one threshold for all frames, for the best micro-F1 (before session 7);\n"
    "                       default: a threshold per frame for its best F1 (macro-F1), on\n"
    "                       Platt-calibrated out-of-fold scores\n"
    "  --prior-data FILE    unlabelled articles of the source to be scored, for carrying the\n"
    "                       calibration there (default ../shared/corpora/allsides_article_bias/train.jsonl.gz;\n"
    "                       none = the training corpus's calibration only)\n"
    "  --target-calibration align|em|none  align (default): map each frame's logit mean and sd on\n"
    "                       --prior-data onto its out-of-fold ones on train; em: prior correction by EM\n"
    "                       (Saerens et al. 2002; diverges on AllSides, see models/frames.md)\n"
    "  --prior-articles N   articles of --prior-data used, every k-th record (default 2000)\n"
    "  --max-target-rate R  cap of a frame's selection rate on --prior-data (default 1 = none)\n"
    "  --lexicon-scale LIST comma-separated scales of the seed-lexicon features tried by CV with --l2\n"
    "                       (0 = none; default: 0 for mfc, 0,0.05,0.1 for generic: on MFC the lexicon\n"
    "                       gained +0.010 CV but nothing on dev, see models/frames.md)\n"
    "  --no-save            train and score only\n"
    "\n";

int train_frames_task(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train frames";
  auto a = parse_args(args,
                      {{"only", true}, {"mfc-data", true}, {"mfc-dev", true}, {"generic-data", true},
                       {"generic-dev", true}, {"models", true}, {"fold-bits", true}, {"min-selected", true},
                       {"l2", true}, {"lexicon-scale", true}, {"no-balance", false}, {"no-save", false},
                       {"global-threshold", false}, {"prior-data", true}, {"prior-articles", true},
                       {"max-target-rate", true}, {"target-calibration", true}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kTrainFramesHelp, 0;
  const std::string only = a->get("only");
  if (!only.empty() && only != "mfc" && only != "generic")
    return report_error(ctx, cmd, usage_error("--only expects mfc or generic"));
  FramesTrainOptions o;
  auto bits = number_arg(*a, "fold-bits", o.fold_bits), minsel = number_arg(*a, "min-selected", o.min_selected);
  if (!bits) return report_error(ctx, cmd, bits.error());
  if (!minsel) return report_error(ctx, cmd, minsel.error());
  o.fold_bits = static_cast<uint32_t>(*bits);
  o.min_selected = static_cast<int>(*minsel);
  o.balance_classes = !a->has("no-balance");
  o.per_label_thresholds = !a->has("global-threshold");
  auto prior_n = number_arg(*a, "prior-articles", 2000), cap = number_arg(*a, "max-target-rate", 1);
  if (!prior_n) return report_error(ctx, cmd, prior_n.error());
  if (!cap) return report_error(ctx, cmd, cap.error());
  if (*cap <= 0 || *cap > 1) return report_error(ctx, cmd, usage_error("--max-target-rate must be in (0, 1]"));
  o.max_target_rate = *cap;
  if (const std::string tc = a->get("target-calibration", "align"); tc == "align")
    o.target_calibration = TargetCalibration::Align;
  else if (tc == "em")
    o.target_calibration = TargetCalibration::EM;
  else if (tc == "none")
    o.target_calibration = TargetCalibration::None;
  else
    return report_error(ctx, cmd, usage_error("--target-calibration expects align, em or none"));
  std::vector<LabelledRecord> target;
  if (const std::string pd = a->get("prior-data", kAllsidesTrain); pd != "none") {
    auto all = read_labelled_jsonl(pd, "text");
    if (!all) return report_error(ctx, cmd, all.error());
    const size_t want = static_cast<size_t>(std::max(1.0, *prior_n));
    const size_t step = std::max<size_t>(1, all->size() / want);
    for (size_t i = 0; i < all->size() && target.size() < want; i += step) target.push_back(std::move((*all)[i]));
  }
  auto l2_grid = number_list_arg(*a, "l2", o.l2_grid);
  if (!l2_grid) return report_error(ctx, cmd, l2_grid.error());
  o.l2_grid = *l2_grid;
  auto lex_scales = number_list_arg(*a, "lexicon-scale", {});
  if (!lex_scales) return report_error(ctx, cmd, lex_scales.error());
  auto features = load_features(*a, ctx);
  if (!features) return report_error(ctx, cmd, features.error());
  const auto paths = ArticleModelPaths::in(resolve_models_dir(a->get("models"), ctx.argv0));
  struct Job {
    const char* name;
    std::string data, dev, out;
    std::vector<double> lexicon_scales;
  };
  const bool lex_given = a->has("lexicon-scale");
  std::vector<Job> jobs;
  if (only != "generic")
    jobs.push_back({"mfc", a->get("mfc-data", kMfcTrain), a->get("mfc-dev", kMfcDev), paths.frames_mfc,
                    lex_given ? *lex_scales : std::vector<double>{0}});
  if (only != "mfc")
    jobs.push_back({"generic", a->get("generic-data", kGenericTrain), a->get("generic-dev", kGenericDev),
                    paths.frames_generic, lex_given ? *lex_scales : o.lexicon_scales});
  for (const auto& j : jobs) {
    ctx.out << "== frames " << j.name << "\n";
    auto train = read_labelled_jsonl(j.data, "frames");
    if (!train) return report_error(ctx, cmd, train.error());
    std::vector<LabelledRecord> dev;
    if (j.dev != "none") {
      auto d = read_labelled_jsonl(j.dev, "frames");
      if (!d) return report_error(ctx, cmd, d.error());
      dev = std::move(*d);
    }
    o.lexicon_scales = j.lexicon_scales;
    auto model = train_frames(*features, *train, dev, o, ctx.out, target);
    if (!model) return report_error(ctx, cmd, model.error());
    if (a->has("no-save")) continue;
    if (Status s = ensure_parent(j.out); !s) return report_error(ctx, cmd, s.error());
    if (Status s = model->save(j.out); !s) return report_error(ctx, cmd, s.error());
    ctx.out << "wrote " << j.out << "\n";
  }
  return 0;
}

const char* const kEvalFramesHelp =
    "Usage: framelens eval frames [--data FILE] [--generic-data FILE] [--only mfc|generic] [--models DIR]\n"
    "\n"
    "Micro- and macro-F1 over selected labels of frames.mfc (SemEval-2023 dev by default) and\n"
    "frames.generic (narrative-framing dev by default), as ../shared/tools/devscore.py frames / generic\n"
    "compute them (macro = mean F1 over the labels in the gold), then per label: gold count, times\n"
    "selected, selection rate, precision, recall and F1. `eval generic` = `eval frames --only generic`.\n"
    "\n";

int eval_frames_task(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval frames";
  auto a = parse_args(args, {{"data", true}, {"generic-data", true}, {"only", true}, {"models", true}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kEvalFramesHelp, 0;
  const std::string only = a->get("only");
  auto features = load_features(*a, ctx);
  if (!features) return report_error(ctx, cmd, features.error());
  const auto paths = ArticleModelPaths::in(resolve_models_dir(a->get("models"), ctx.argv0));
  struct Job {
    const char* name;
    std::string model, data;
  };
  std::vector<Job> jobs;
  if (only != "generic") jobs.push_back({"frames", paths.frames_mfc, a->get("data", kMfcDev)});
  if (only != "mfc") jobs.push_back({"generic", paths.frames_generic, a->get("generic-data", kGenericDev)});
  for (const auto& j : jobs) {
    auto model = FramesModel::load(j.model);
    if (!model) return report_error(ctx, cmd, model.error());
    auto recs = read_labelled_jsonl(j.data, "frames");
    if (!recs) return report_error(ctx, cmd, recs.error());
    auto m = eval_frames(*features, *model, *recs);
    if (!m) return report_error(ctx, cmd, m.error());
    ctx.out << j.name << ": " << fmt3(m->micro_f1) << "  (micro-F1 over selected labels; macro-F1=" << fmt3(m->macro_f1)
            << " P=" << fmt3(m->precision) << " R=" << fmt3(m->recall) << " n=" << m->n << ")\n";
    print_frame_label_table(*m, ctx.out);
  }
  return 0;
}

}  // namespace

int task_train_features(const std::vector<std::string>& args, CliContext& ctx) { return train_features(args, ctx); }
int task_train_leaning(const std::vector<std::string>& args, CliContext& ctx) { return train_leaning_task(args, ctx); }
int task_eval_leaning(const std::vector<std::string>& args, CliContext& ctx) { return eval_leaning_task(args, ctx); }
int task_train_frames(const std::vector<std::string>& args, CliContext& ctx) { return train_frames_task(args, ctx); }
int task_eval_frames(const std::vector<std::string>& args, CliContext& ctx) { return eval_frames_task(args, ctx); }
int task_eval_generic(const std::vector<std::string>& args, CliContext& ctx) {
  std::vector<std::string> a = args;
  a.insert(a.begin(), {"--only", "generic"});
  return eval_frames_task(a, ctx);
}

}  // namespace framelens
