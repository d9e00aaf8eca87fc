#include "analyzer/train/pooled_trainer.h"

#include <filesystem>
#include <fstream>

#include <fasttext/fasttext.h>

namespace framelens::terms {

namespace {
const char* const kPos = "__label__biased";
const char* const kNeg = "__label__neutral";
}  // namespace

Result<PooledClassifier> train_pooled_classifier(const std::vector<std::vector<std::string>>& texts,
                                                 const std::vector<int>& labels, const PooledTrainParams& p) {
  namespace fs = std::filesystem;
  if (texts.size() != labels.size()) return internal_error("pooled classifier: texts and labels differ in size");
  bool pos = false, neg = false;
  for (int y : labels) (y == 1 ? pos : neg) = true;
  if (!pos || !neg) return internal_error("pooled classifier: training data needs both labels");
  const std::string tmp = (fs::path(p.work_dir) / ".pooled_train.txt").string();
  {
    std::ofstream out(tmp);
    if (!out) return internal_error("cannot write " + tmp);
    for (size_t i = 0; i < texts.size(); ++i) {
      out << (labels[i] == 1 ? kPos : kNeg);
      for (const auto& t : texts[i]) out << ' ' << t;
      out << '\n';
    }
  }
  fasttext::FastText ft;
  try {
    fasttext::Args a;
    a.input = tmp;
    a.model = fasttext::model_name::sup;
    a.loss = fasttext::loss_name::softmax;
    a.dim = p.dim;
    a.epoch = p.epoch;
    a.lr = p.lr;
    a.wordNgrams = p.word_ngrams;
    a.minn = p.minn;
    a.maxn = p.maxn;
    a.bucket = p.word_ngrams <= 1 && p.maxn <= 0 ? 0 : p.bucket;
    a.minCount = p.min_count;
    a.thread = 1;  // more threads are not bit-reproducible
    a.seed = p.seed;
    a.verbose = 0;
    a.pretrainedVectors = p.pretrained_vectors;
    ft.train(a);
    if (!p.save_model.empty()) ft.saveModel(p.save_model);
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return model_error(std::string("fastText supervised: ") + e.what());
  }
  std::error_code ec;
  fs::remove(tmp, ec);

  const auto dict = ft.getDictionary();
  const auto in = ft.getInputMatrix();
  const auto outm = ft.getOutputMatrix();
  const int32_t ib = ft.getLabelId(kPos), in_ = ft.getLabelId(kNeg);
  if (ib < 0 || in_ < 0 || outm->rows() != 2) return internal_error("pooled classifier: unexpected fastText labels");
  const int64_t dim = in->cols();
  std::vector<float> diff(dim);
  for (int64_t k = 0; k < dim; ++k) diff[k] = outm->at(ib, k) - outm->at(in_, k);
  auto row_score = [&](int64_t r) {
    double s = 0;
    for (int64_t k = 0; k < dim; ++k) s += static_cast<double>(in->at(r, k)) * diff[k];
    return static_cast<float>(s);
  };
  PooledClassifier m;
  m.word_ngrams = p.word_ngrams;
  m.minn = p.minn;
  m.maxn = p.maxn;
  const int32_t nwords = dict->nwords();
  for (int32_t w = 0; w < nwords; ++w) {
    PooledClassifier::Word info;
    for (int32_t r : dict->getSubwords(w)) {
      info.sum += row_score(r);
      ++info.rows;
    }
    m.words.emplace(dict->getWord(w), info);
  }
  m.buckets.resize(static_cast<size_t>(in->rows() - nwords));
  for (size_t b = 0; b < m.buckets.size(); ++b) m.buckets[b] = row_score(nwords + static_cast<int64_t>(b));
  return m;
}

}  // namespace framelens::terms
