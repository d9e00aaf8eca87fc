// CLI glue for `framelens train loaded` and `framelens eval loaded`. The logic lives in
// analyzer/train/terms_trainer.* and terms_eval.*.
#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/cli/model_paths.h"
// analyzer/terms/loaded_trainer.* and loaded_eval.*.
#include <algorithm>
#include <cstdio>
#include "analyzer/cli/gold_run.h"
#include "analyzer/cli/task_options.h"
#include "analyzer/terms/sentence_model.h"
#include "analyzer/train/terms_eval.h"
#include "analyzer/train/terms_trainer.h"
#include "analyzer/train/gold_loaded_eval.h"
#include "analyzer/train/gold_set.h"
#include "analyzer/train/pretrained_vectors.h"

namespace framelens {

namespace {

const char* const kTrainLoadedHelp =
    "Usage: framelens train loaded [OPTIONS]\n"
    "\n"
    "Learns the loaded-wording term table (models/loaded/terms.tsv) and the sentence bias model\n"
    "(models/loaded/sentence.bin) from the shared corpora: BABE biased words and sentence labels,\n"
    "PTC Loaded_Language / Name_Calling spans, the MPQA and Bing Liu lexicons (features only) and\n"
    "fastText word vectors trained on AllSides train text. Prints cross-validation and dev figures.\n"
    "\n"
    "Options:\n"
    "  --data-dir DIR       shared corpora folder (default ../shared/corpora)\n"
    "  --out DIR            output folder (default models/loaded)\n"
    "  --vectors FILE       reuse a fastText .bin model instead of training vectors\n"
    "  --save-vectors FILE  keep the trained fastText .bin (to reuse with --vectors)\n"
    "  --vectors-from-model FILE  reuse the word vectors stored in a sentence.bin (e.g. the shipped one)\n"
    "  --pretrained-vectors FILE  pretrained fastText vectors (.vec text or .bin model, e.g. the public\n"
    "                       English crawl vectors), mapped to the pipeline's lower-cased tokens; the\n"
    "                       --vector-words most frequent are kept\n"
    "  --no-vectors         no word vectors (smaller, weaker)\n"
    "  --vector-dim N       fastText dimension (default 100)\n"
    "  --vector-epoch N     fastText epochs (default 5)\n"
    "  --vector-mb N        MB of AllSides text for the vectors (default 80)\n"
    "  --vector-words N     most frequent words kept in the model (default 40000)\n"
    "  --threads N          fastText threads (default 2)\n"
    "  --hash-bits N        sentence n-gram feature space 2^N (default 18)\n"
    "  --l2-grid LIST       comma-separated sparse L2 values tried by CV (default 3e-5,1e-4,3e-4)\n"
    "  --iterations N       optimiser iterations (default 300)\n"
    "  --smoothing X        prior pseudo-counts in a term's score (default 4)\n"
    "  --pooled             also train a fastText sentence classifier and stack it with the linear\n"
    "                       model (writes sentence_pooled.bin; without it a stale one is removed)\n"
    "  --pooled-no-vectors  fastText sentence classifier without the AllSides vectors\n"
    "  --pooled-ptc         add PTC sentences with Loaded_Language/Name_Calling spans as positives\n"
    "  --pooled-dim N       its dimension without vectors (default 50)\n"
    "  --pooled-epoch N     its epochs (default 25)\n"
    "  --pooled-lr X        its learning rate (default 0.5)\n"
    "  --pooled-ngrams N    its word n-gram length (default 2)\n"
    "  --pooled-maxn N      its char n-grams 3..N (default 5; 0: none)\n"
    "  --no-open-vocabulary no open vocabulary (words never in BABE/PTC train stay out of the table)\n"
    "  --open-precision X   out-of-fold precision the open-vocabulary threshold keeps (default 0.6)\n"
    "  --open-out FILE      write the accepted open-vocabulary words (word, p, prior score, evidence)\n"
    "  --calibrate-articles N  estimate the biased-sentence base rate of real articles by EM on the\n"
    "                       body sentences of the first N AllSides train articles (default 2000; 0:\n"
    "                       none, calibration.tsv is removed)\n"
    "  --token-model        also train the word-in-context token model (writes token.bin) and give\n"
    "                       the sentence model its summaries as features\n"
    "  --token-l2 X         the token model's sparse L2 (default 1e-4)\n"
    "  --token-hash-bits N  the token model's feature space 2^N (default 18)\n"
    "  --oof FILE           write BABE train rows' out-of-fold probabilities (id, label, p)\n"
    "  --upgrade            no training: rewrite OUT/sentence.bin in the current file format (same\n"
    "                       model; stores the per-word contributions that loading would compute)\n"
    "\n";

const char* const kEvalLoadedHelp =
    "Usage: framelens eval loaded --data FILE [OPTIONS]\n"
    "       framelens eval loaded --gold FILE [--set tune|final|all] [--corpora DIR] [--show N]\n"
    "\n"
    "With --gold: runs the whole pipeline on the gold set of real articles (corpora/gold/gold.jsonl;\n"
    "texts from DIR/allsides_article_bias, default ../shared/corpora) and prints loaded-term\n"
    "precision/recall/F1 per voice (own, quoted, paraphrased, headline) and for any voice. Match rule:\n"
    "a found and a gold term match when their spans overlap and, per voice, have that voice. Also the\n"
    "voice confusion and the quote-kind agreement of matched quoted terms; --show N lists N false,\n"
    "N missed and N wrong-voice terms. --set defaults to tune (final is for final checks only).\n"
    "\n"
    "Runs the pipeline on a shared-schema JSONL corpus (BABE or PTC) and prints span\n"
    "precision/recall/F1 (a predicted term is right when it overlaps a gold span) and, for records\n"
    "labelled biased/non-biased, the sentence macro-F1 exactly as devscore.py babe computes it.\n"
    "\n"
    "Options:\n"
    "  --data FILE          JSONL records with text, optional label and spans (required)\n"
    "  --models DIR         model folder (default: as for score)\n"
    "  --span-labels LIST   gold span labels (default biased_word,Loaded_Language)\n"
    "  --limit N            first N records only\n"
    "\n";

}  // namespace

int task_train_loaded(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train loaded";
  auto a = parse_args(args,
                      {{"data-dir", true}, {"out", true}, {"vectors", true}, {"save-vectors", true}, {"no-vectors", false},
                       {"vector-dim", true}, {"vector-epoch", true}, {"vector-mb", true}, {"vector-words", true},
                       {"threads", true}, {"hash-bits", true}, {"l2-grid", true}, {"iterations", true},
                       {"smoothing", true}, {"pooled", false}, {"pooled-no-vectors", false}, {"pooled-ptc", false},
                       {"pooled-dim", true}, {"pooled-epoch", true}, {"pooled-lr", true}, {"pooled-ngrams", true},
                       {"pooled-maxn", true}, {"upgrade", false}, {"no-open-vocabulary", false},
                       {"open-precision", true}, {"open-out", true}, {"calibrate-articles", true},
                       {"token-model", false}, {"token-l2", true}, {"oof", true},
                       {"token-hash-bits", true},
                       {"vectors-from-model", true}, {"pretrained-vectors", true}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << kTrainLoadedHelp;
    return 0;
  }
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  terms::LoadedTrainOptions o;
  o.data_dir = a->get("data-dir", "../shared/corpora");
  o.out_dir = a->get("out", "models/loaded");
  if (a->has("upgrade")) {
    const std::string path = o.out_dir + "/sentence.bin";
    if (auto st = terms::upgrade_sentence_model(path); !st) return report_error(ctx, cmd, st.error());
    ctx.err << "train loaded: rewrote " << path << " in the current format\n";
    return 0;
  }
  o.vectors = a->get("vectors");
  o.save_vectors = a->get("save-vectors");
  o.vectors_from_model = a->get("vectors-from-model");
  o.use_vectors = !a->has("no-vectors");
  o.l2_grid = a->get("l2-grid", o.l2_grid);
  struct IntOpt {
    const char* name;
    long def;
    long* out;
  };
  o.pooled = a->has("pooled");
  o.pooled_vectors = !a->has("pooled-no-vectors");
  o.pooled_ptc = a->has("pooled-ptc");
  long dim = o.vector_dim, epoch = o.vector_epoch, mb = static_cast<long>(o.vector_text_mb),
       words = o.vector_max_words, threads = o.threads, bits = o.hash_bits, iters = o.iterations,
       tbits = o.token_hash_bits, pdim = o.pooled_dim, pepoch = o.pooled_epoch, pngrams = o.pooled_ngrams, pmaxn = o.pooled_maxn;
  for (IntOpt io : {IntOpt{"vector-dim", dim, &dim}, IntOpt{"vector-epoch", epoch, &epoch}, IntOpt{"vector-mb", mb, &mb},
                    IntOpt{"vector-words", words, &words}, IntOpt{"threads", threads, &threads},
                    IntOpt{"hash-bits", bits, &bits}, IntOpt{"token-hash-bits", tbits, &tbits}, IntOpt{"iterations", iters, &iters},
                    IntOpt{"pooled-dim", pdim, &pdim}, IntOpt{"pooled-epoch", pepoch, &pepoch},
                    IntOpt{"pooled-ngrams", pngrams, &pngrams}, IntOpt{"pooled-maxn", pmaxn, &pmaxn}}) {
    auto v = count_arg(*a, io.name, io.def);
    if (!v) return report_error(ctx, cmd, v.error());
    *io.out = *v;
  }
  if (bits < 10 || bits > 24 || tbits < 10 || tbits > 24)
    return report_error(ctx, cmd, usage_error("--hash-bits and --token-hash-bits must be in [10, 24]"));
  o.token_hash_bits = static_cast<int>(tbits);
  if (dim < 1 || dim > 1024 || threads < 1 || iters < 1)
    return report_error(ctx, cmd, usage_error("--vector-dim, --threads and --iterations must be positive"));
  o.vector_dim = static_cast<int>(dim);
  o.vector_epoch = static_cast<int>(epoch);
  o.vector_text_mb = static_cast<size_t>(mb);
  o.vector_max_words = static_cast<int>(words);
  o.threads = static_cast<int>(threads);
  o.hash_bits = static_cast<int>(bits);
  o.iterations = static_cast<int>(iters);
  if (pdim < 1 || pdim > 1024 || pepoch < 1 || pngrams < 1 || pngrams > 5 || pmaxn > 10 || (pmaxn > 0 && pmaxn < 3))
    return report_error(ctx, cmd, usage_error("--pooled-dim/--pooled-epoch positive, --pooled-ngrams 1..5, --pooled-maxn 0 or 3..10"));
  o.pooled_dim = static_cast<int>(pdim);
  o.pooled_epoch = static_cast<int>(pepoch);
  o.pooled_ngrams = static_cast<int>(pngrams);
  o.pooled_maxn = static_cast<int>(pmaxn);
  if (a->values.count("pooled-lr")) {
    try {
      o.pooled_lr = std::stod(a->get("pooled-lr"));
    } catch (const std::exception&) {
      return report_error(ctx, cmd, usage_error("--pooled-lr expects a number"));
    }
    if (!(o.pooled_lr > 0)) return report_error(ctx, cmd, usage_error("--pooled-lr must be positive"));
  }
  o.token_model = a->has("token-model");
  o.open_vocabulary = !a->has("no-open-vocabulary");
  o.open_out = a->get("open-out");
  {
    auto ca = count_arg(*a, "calibrate-articles", static_cast<long>(o.calibrate_articles));
    if (!ca) return report_error(ctx, cmd, ca.error());
    o.calibrate_articles = static_cast<size_t>(*ca);
  }
  o.oof_out = a->get("oof");
  for (auto [name, out] : {std::pair<const char*, double*>{"token-l2", &o.token_l2}, {"open-precision", &o.open_precision}}) {
    if (!a->values.count(name)) continue;
    try {
      *out = std::stod(a->get(name));
    } catch (const std::exception&) {
      return report_error(ctx, cmd, usage_error(std::string("--") + name + " expects a number"));
    }
    if (!(*out >= 0)) return report_error(ctx, cmd, usage_error(std::string("--") + name + " must be >= 0"));
  }
  if (a->values.count("smoothing")) {
    try {
      o.smoothing = std::stod(a->get("smoothing"));
    } catch (const std::exception&) {
      return report_error(ctx, cmd, usage_error("--smoothing expects a number"));
    }
  }
  terms::WordVectors pretrained;
  if (a->has("pretrained-vectors")) {
    PretrainedVectorStats st;
    auto wv = load_pretrained_vectors(a->get("pretrained-vectors"), static_cast<int>(o.vector_max_words), &st);
    if (!wv) return report_error(ctx, cmd, wv.error());
    pretrained = std::move(*wv);
    o.pretrained = &pretrained;
    ctx.err << "train loaded: " << st.kept << " pretrained vectors of dim " << st.dim << " (" << st.read << " read, "
            << st.skipped << " not one pipeline token)\n";
  }
  if (auto st = terms::train_loaded(o, ctx.err); !st) return report_error(ctx, cmd, st.error());
  return 0;
}

namespace {

int eval_loaded_gold(const ParsedArgs& a, CliContext& ctx, const std::string& cmd) {
  auto show = count_arg(a, "show", 0);
  if (!show) return report_error(ctx, cmd, show.error());
  auto run = analyze_gold_set(a, ctx);
  if (!run) return report_error(ctx, cmd, run.error());
  GoldLoadedReport r;
  for (size_t i = 0; i < run->gold.size(); ++i) add_gold_loaded(run->docs[i], run->gold[i], r);
  ctx.out << "gold set: " << a.get("gold") << "  part: " << a.get("set", "tune") << "  articles: " << r.articles
          << "\nmatch: spans overlap (and the same voice, per voice)\n";
  ctx.out << "voice          found  right  P      gold  found  R      F1\n";
  auto row = [&](std::string name, const VoiceCounts& c) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%-13s %6ld %6ld  %s %5ld %6ld  %s  %s\n", name.c_str(), c.found, c.found_right,
                  fmt3(c.precision()).c_str(), c.gold, c.gold_found, fmt3(c.recall()).c_str(), fmt3(c.f1()).c_str());
    ctx.out << buf;
  };
  for (int v = 0; v < kVoiceCount; ++v) row(std::string(voice_name(static_cast<TermVoice>(v))), r.voice[v]);
  row("any", r.any);
  ctx.out << "quote kind agreement (matched quoted terms): "
          << fmt3(r.quoted_pairs ? static_cast<double>(r.quote_kind_right) / r.quoted_pairs : 0.0) << " ("
          << r.quote_kind_right << "/" << r.quoted_pairs << ")\n";
  ctx.out << "voice confusion over gold terms (rows gold, columns found; none = no overlapping term):\n";
  ctx.out << "               own    quoted paraph headln none\n";
  for (int g = 0; g < kVoiceCount; ++g) {
    char buf[160];
    const auto& c = r.confusion[g];
    std::snprintf(buf, sizeof buf, "  %-12s %-6ld %-6ld %-6ld %-6ld %-6ld\n",
                  std::string(voice_name(static_cast<TermVoice>(g))).c_str(), c[0], c[1], c[2], c[3], c[4]);
    ctx.out << buf;
  }
  const size_t n = static_cast<size_t>(*show);
  for (size_t i = 0; i < std::min(n, r.false_terms.size()); ++i) ctx.out << "false: " << r.false_terms[i] << "\n";
  for (size_t i = 0; i < std::min(n, r.missed.size()); ++i) ctx.out << "missed: " << r.missed[i] << "\n";
  for (size_t i = 0; i < std::min(n, r.wrong_voice.size()); ++i) ctx.out << "voice: " << r.wrong_voice[i] << "\n";
  return 0;
}

}  // namespace

int task_eval_loaded(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "eval loaded";
  auto a = parse_args(args, {{"data", true}, {"models", true}, {"span-labels", true}, {"limit", true}, {"gold", true},
                             {"set", true}, {"corpora", true}, {"show", true}, {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) {
    ctx.out << kEvalLoadedHelp;
    return 0;
  }
  if (a->values.count("gold")) return eval_loaded_gold(*a, ctx, cmd);
  if (!a->values.count("data")) return report_error(ctx, cmd, usage_error("--data FILE is required"));
  terms::LoadedEvalOptions o;
  o.data = a->get("data");
  o.models_dir = resolve_models_dir(a->get("models"), ctx.argv0);
  if (a->values.count("span-labels")) {
    o.span_labels.clear();
    std::string cur;
    for (char c : a->get("span-labels") + ",") {
      if (c == ',') {
        if (!cur.empty()) o.span_labels.insert(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
  }
  auto lim = count_arg(*a, "limit", 0);
  if (!lim) return report_error(ctx, cmd, lim.error());
  o.limit = static_cast<size_t>(*lim);
  auto r = terms::eval_loaded(o);
  if (!r) return report_error(ctx, cmd, r.error());
  terms::print_eval(*r, ctx.out);
  return 0;
}

}  // namespace framelens
