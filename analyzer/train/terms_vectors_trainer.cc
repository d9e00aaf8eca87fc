#include "analyzer/train/terms_vectors_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include <fasttext/fasttext.h>

#include "analyzer/ml/hashing.h"
#include "analyzer/ml/logreg.h"
#include "analyzer/terms/sentence_ensemble.h"
#include "analyzer/terms/sentence_model.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/terms/token_model.h"
#include "analyzer/train/corpus_reader.h"
#include "analyzer/train/lexicon_features.h"
#include "analyzer/train/pooled_trainer.h"
#include "analyzer/train/terms_metrics.h"

namespace framelens::terms {

namespace fs = std::filesystem;

Status train_vectors(const LoadedTrainOptions& opt, WordVectors& wv, std::ostream& log) {
  if (opt.pretrained) {
    wv = *opt.pretrained;
    log << "  using " << wv.size() << " pretrained word vectors of dim " << wv.dim() << "\n";
    return {};
  }
  if (!opt.vectors_from_model.empty()) {
    // The int8 table of an existing sentence model: the very vectors it (and its term prior) used.
    auto m = SentenceModel::load(opt.vectors_from_model);
    if (!m) return m.error();
    if (!m->use_vectors || m->vectors.empty()) return model_error(opt.vectors_from_model + ": has no word vectors");
    wv = m->vectors;
    log << "  reusing " << wv.size() << " word vectors of dim " << wv.dim() << " from " << opt.vectors_from_model << "\n";
    return {};
  }
  fasttext::FastText ft;
  try {
    if (!opt.vectors.empty()) {
      log << "  loading fastText vectors from " << opt.vectors << "\n";
      ft.loadModel(opt.vectors);
    } else {
      const std::string src = opt.data_dir + "/allsides_article_bias/train.jsonl.gz";
      auto recs = read_corpus(src, 0, opt.vector_text_mb << 20);
      if (!recs) return recs.error();
      const std::string tmp = (fs::path(opt.out_dir) / ".vectors_corpus.txt").string();
      {
        std::ofstream out(tmp);
        if (!out) return internal_error("cannot write " + tmp);
        for (const auto& r : *recs) {
          auto d = make_document(r.title + "\n\n" + r.text, {}, true);
          if (!d) continue;
          int32_t cur = -1;
          for (const auto& t : d->tokens) {
            if (t.kind != TokenKind::Word && t.kind != TokenKind::Number) continue;
            if (t.sentence != cur) {
              if (cur >= 0) out << '\n';
              cur = t.sentence;
            }
            out << (t.kind == TokenKind::Number ? "<num>" : t.lower) << ' ';
          }
          out << '\n';
        }
      }
      log << "  training fastText cbow vectors (dim " << opt.vector_dim << ", epoch " << opt.vector_epoch
          << ") on " << recs->size() << " AllSides train articles\n";
      fasttext::Args a;
      a.input = tmp;
      a.model = fasttext::model_name::cbow;
      a.dim = opt.vector_dim;
      a.epoch = opt.vector_epoch;
      a.minCount = opt.vector_min_count;
      a.minn = 0;
      a.maxn = 0;
      a.bucket = 0;  // no subwords, so no bucket rows (keeps the in-memory model small)
      a.thread = opt.threads;
      a.verbose = 0;
      a.seed = static_cast<int>(opt.seed);
      ft.train(a);
      if (!opt.save_vectors.empty()) ft.saveModel(opt.save_vectors);
      std::error_code ec;
      fs::remove(tmp, ec);
    }
  } catch (const std::exception& e) {
    return model_error(std::string("fastText: ") + e.what());
  }
  const auto dict = ft.getDictionary();
  const int dim = ft.getDimension();
  wv.reset(dim);
  fasttext::Vector v(dim);
  const int32_t n = std::min<int32_t>(dict->nwords(), opt.vector_max_words);
  for (int32_t i = 0; i < n; ++i) {
    const std::string w = dict->getWord(i);
    ft.getWordVector(v, w);
    wv.add(w, v.data());
  }
  log << "  kept " << wv.size() << " word vectors of dim " << dim << "\n";
  return {};
}

Status write_vec(const WordVectors& wv, const std::string& path) {
  std::ofstream out(path);
  if (!out) return internal_error("cannot write " + path);
  out << wv.size() << ' ' << wv.dim() << '\n';
  for (size_t r = 0; r < wv.size(); ++r) {
    out << wv.word(static_cast<int32_t>(r));
    for (int j = 0; j < wv.dim(); ++j) out << ' ' << wv.at(static_cast<int32_t>(r), j);
    out << '\n';
  }
  return out ? Status{} : internal_error("write failed: " + path);
}

}  // namespace framelens::terms
