#include "analyzer/article/text_features_article.h"

#include <fstream>

namespace framelens {

SparseVector ArticleFeatures::counts(const Document& doc, const BoilerplateFilter* filter) const {
  const auto keep = (filter ? *filter : boilerplate_).keep_mask(doc);
  return featurizer_.term_counts(doc, &keep);
}

SparseVector ArticleFeatures::compute(const Document& doc) const {
  SparseVector v = counts(doc);
  featurizer_.weigh(v);
  return v;
}

Status ArticleFeatures::save(const std::string& path) const {
  std::ofstream os(path, std::ios::binary);
  if (!os) return internal_error("cannot write " + path);
  if (Status s = boilerplate_.write(os); !s) return s;
  return featurizer_.write(os);
}

Result<ArticleFeatures> ArticleFeatures::load(const std::string& path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) return model_error("cannot read " + path);
  auto b = BoilerplateFilter::read(is, path);
  if (!b) return b.error();
  auto f = TextFeaturizer::read(is, path);
  if (!f) return f.error();
  if (!f->has_idf()) return model_error(path + ": feature table has no idf");
  if (is.peek() != std::char_traits<char>::eof()) return model_error(path + ": trailing bytes");
  return ArticleFeatures(std::move(*b), std::move(*f));
}

}  // namespace framelens
