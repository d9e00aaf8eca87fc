#include "analyzer/train/word_vectors_trainer.h"

#include <filesystem>
#include <fstream>
#include <ostream>

#include <fasttext/fasttext.h>

#include "analyzer/ml/hashing.h"
#include "analyzer/train/corpus_reader.h"

namespace framelens {

Result<terms::WordVectors> train_word_vectors(const WordVectorTrainOptions& opt, std::ostream& log) {
  namespace fs = std::filesystem;
  if (opt.dim < 2 || opt.dim > 1024) return usage_error("vector dim must be in [2, 1024]");
  auto recs = terms::read_corpus(opt.data, 0, opt.text_mb << 20);
  if (!recs) return recs.error();
  if (recs->empty()) return input_error(opt.data + ": no records");
  const std::string tmp = (fs::path(opt.work_dir) / ".framelens_vectors_corpus.txt").string();
  size_t tokens = 0;
  {
    std::ofstream out(tmp);
    if (!out) return internal_error("cannot write " + tmp);
    for (const auto& r : *recs) {
      auto d = make_document(r.title.empty() ? r.text : r.title + "\n\n" + r.text, {}, true);
      if (!d) continue;
      int32_t cur = -1;
      for (const auto& t : d->tokens) {
        const std::string_view w = vector_token(t);
        if (w.empty()) continue;
        if (t.sentence != cur) {
          if (cur >= 0) out << '\n';
          cur = t.sentence;
        }
        out << w << ' ';
        ++tokens;
      }
      out << '\n';
    }
    out.flush();
    if (!out) return internal_error("write failed: " + tmp);
  }
  log << "vectors: " << recs->size() << " articles, " << tokens << " tokens; training fastText "
      << (opt.skipgram ? "skipgram" : "cbow") << " dim " << opt.dim << ", epoch " << opt.epoch << "\n";
  recs->clear();
  recs->shrink_to_fit();
  fasttext::FastText ft;
  std::error_code ec;
  try {
    fasttext::Args a;
    a.input = tmp;
    a.model = opt.skipgram ? fasttext::model_name::sg : fasttext::model_name::cbow;
    a.dim = opt.dim;
    a.ws = opt.window;
    a.epoch = opt.epoch;
    a.minCount = opt.min_count;
    a.minn = 0;
    a.maxn = 0;
    a.bucket = 0;  // no subwords: the table is looked up by whole token anyway
    a.thread = opt.threads;
    a.verbose = 0;
    a.seed = opt.seed;
    ft.train(a);
  } catch (const std::exception& e) {
    fs::remove(tmp, ec);
    return model_error(std::string("fastText: ") + e.what());
  }
  fs::remove(tmp, ec);
  // fastText's dictionary is sorted by frequency, so the first rows are the most frequent words.
  const auto dict = ft.getDictionary();
  terms::WordVectors wv;
  wv.reset(ft.getDimension());
  fasttext::Vector v(ft.getDimension());
  for (int32_t i = 0; i < dict->nwords() && static_cast<int>(wv.size()) < opt.max_words; ++i) {
    const std::string w = dict->getWord(i);
    if (w == "</s>") continue;  // fastText's end-of-line token: never looked up
    ft.getWordVector(v, w);
    wv.add(w, v.data());
  }
  log << "vectors: kept " << wv.size() << " of " << dict->nwords() << " words\n";
  return wv;
}

}  // namespace framelens
