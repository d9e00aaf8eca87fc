// CLI glue for `framelens train vectors`: fastText word vectors for the stance model (and any
// other model that wants them). The logic lives in analyzer/train/word_vectors_trainer and analyzer/ml/word_vectors_file.
#include <chrono>
#include <filesystem>
#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/cli/model_paths.h"
#include "analyzer/cli/task_options.h"
#include "analyzer/ml/word_vectors_file.h"
#include "analyzer/train/word_vectors_trainer.h"
#include "analyzer/train/pretrained_vectors.h"

namespace framelens {

namespace {

const char* const kDefaultVectorText = "../shared/corpora/allsides_article_bias/train.jsonl.gz";

const char* const kTrainVectorsHelp =
    "Usage: framelens train vectors [OPTIONS]\n"
    "\n"
    "Trains fastText unsupervised word vectors on news text (AllSides train by default), over the\n"
    "same tokens the pipeline stages see, and keeps the most frequent words int8-quantised in\n"
    "MODELS/vectors/words.bin. The stance model uses them for its context-vector features: retrain\n"
    "stance (and roles) after retraining the vectors.\n"
    "\n"
    "Options:\n"
    "  --data FILE      JSONL(.gz) text (default ../shared/corpora/allsides_article_bias/train.jsonl.gz)\n"
    "  --models DIR     model folder (output goes to MODELS/vectors/words.bin)\n"
    "  --out FILE       output path (default MODELS/vectors/words.bin)\n"
    "  --text-mb N      read at most N MB of text (default 60; 0 = all)\n"
    "  --skipgram       skipgram instead of cbow\n"
    "  --dim N          vector dimension (default 100)\n"
    "  --epoch N        epochs (default 5)\n"
    "  --min-count N    minimum word count (default 5)\n"
    "  --window N       context window (default 5)\n"
    "  --max-words N    most frequent words kept (default 40000)\n"
    "  --threads N      fastText threads (default 1: reproducible for a given seed)\n"
    "  --seed N         random seed (default 1)\n"
    "  --pretrained-vectors FILE  no training: map pretrained fastText vectors (.vec text, or a .bin\n"
    "                   model; e.g. the public English crawl vectors) into the output file: each word\n"
    "                   as the pipeline tokenises it (lower case, numbers as <num>), the first\n"
    "                   --max-words of the file kept. Then retrain stance (and loaded with the same flag)\n"
    "  --upgrade        no training: rewrite the output file in the current format (same vectors,\n"
    "                   same checksum, so models trained on them still accept it)\n"
    "\n";

int train_vectors(const std::vector<std::string>& args, CliContext& ctx) {
  const std::string cmd = "train vectors";
  auto a = parse_args(args,
                      {{"data", true}, {"models", true}, {"out", true}, {"text-mb", true}, {"skipgram", false},
                       {"dim", true}, {"epoch", true}, {"min-count", true}, {"window", true}, {"max-words", true},
                       {"threads", true}, {"seed", true}, {"upgrade", false}, {"pretrained-vectors", true},
                       {"help", false, 'h'}},
                      cmd);
  if (!a) return report_error(ctx, cmd, a.error());
  if (a->has("help")) return ctx.out << kTrainVectorsHelp << kExitCodesHelp, 0;
  if (!a->positional.empty()) return report_error(ctx, cmd, usage_error("unexpected argument '" + a->positional[0] + "'"));
  if (a->has("upgrade")) {
    const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
    const std::string out = a->get("out", models + "/" + kWordVectorsFile);
    if (Status s = upgrade_word_vectors(out); !s) return report_error(ctx, cmd, s.error());
    ctx.out << "rewrote " << out << " in the current format (" << std::filesystem::file_size(out) << " bytes)\n";
    return 0;
  }
  WordVectorTrainOptions opt;
  auto text_mb = number_arg(*a, "text-mb", static_cast<double>(opt.text_mb));
  auto dim = number_arg(*a, "dim", opt.dim);
  auto epoch = number_arg(*a, "epoch", opt.epoch);
  auto min_count = number_arg(*a, "min-count", opt.min_count);
  auto window = number_arg(*a, "window", opt.window);
  auto max_words = number_arg(*a, "max-words", opt.max_words);
  auto threads = number_arg(*a, "threads", opt.threads);
  auto seed = number_arg(*a, "seed", opt.seed);
  for (const auto* r : {&text_mb, &dim, &epoch, &min_count, &window, &max_words, &threads, &seed})
    if (!*r) return report_error(ctx, cmd, r->error());
  if (*text_mb < 0 || *dim < 2 || *dim > 1024 || *epoch < 1 || *min_count < 1 || *window < 1 || *max_words < 1 ||
      *threads < 1 || *threads > 64)
    return report_error(ctx, cmd, usage_error("option out of range (see --help)"));
  opt.data = a->get("data", kDefaultVectorText);
  opt.text_mb = static_cast<size_t>(*text_mb);
  opt.skipgram = a->has("skipgram");
  opt.dim = static_cast<int>(*dim);
  opt.epoch = static_cast<int>(*epoch);
  opt.min_count = static_cast<int>(*min_count);
  opt.window = static_cast<int>(*window);
  opt.max_words = static_cast<int>(*max_words);
  opt.threads = static_cast<int>(*threads);
  opt.seed = static_cast<int>(*seed);
  const std::string models = resolve_models_dir(a->get("models"), ctx.argv0);
  const std::string out = a->get("out", models + "/" + kWordVectorsFile);
  if (Status s = ensure_parent(out); !s) return report_error(ctx, cmd, s.error());
  if (a->has("pretrained-vectors")) {
    PretrainedVectorStats st;
    auto wv = load_pretrained_vectors(a->get("pretrained-vectors"), opt.max_words, &st);
    if (!wv) return report_error(ctx, cmd, wv.error());
    if (Status s = save_word_vectors(*wv, out); !s) return report_error(ctx, cmd, s.error());
    ctx.out << "wrote " << out << " (" << wv->size() << " pretrained words, dim " << wv->dim() << "; " << st.read
            << " read, " << st.skipped << " not one pipeline token)\n";
    return 0;
  }
  opt.work_dir = std::filesystem::path(out).parent_path().string();
  if (opt.work_dir.empty()) opt.work_dir = ".";
  const auto t0 = std::chrono::steady_clock::now();
  auto wv = train_word_vectors(opt, ctx.err);
  if (!wv) return report_error(ctx, cmd, wv.error());
  if (Status s = save_word_vectors(*wv, out); !s) return report_error(ctx, cmd, s.error());
  ctx.out << "wrote " << out << " (" << wv->size() << " words, dim " << wv->dim() << ", "
          << std::filesystem::file_size(out) << " bytes, " << fmt3(seconds_since(t0)) << " s)\n";
  return 0;
}

}  // namespace

int task_train_vectors(const std::vector<std::string>& args, CliContext& ctx) { return train_vectors(args, ctx); }

}  // namespace framelens
