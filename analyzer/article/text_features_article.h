#pragma once
// The shared article representation of the article models (leaning, MFC frames, generic frames):
// boilerplate-stripped, hashed unigram+bigram TF-IDF, computed once per article and fed to several
// linear heads. Built by `framelens train features` from AllSides train into
// models/vectors/article_features.bin (boilerplate table + idf table).
#include <memory>
#include <string>

#include "analyzer/article/boilerplate.h"
#include "analyzer/core/error.h"
#include "analyzer/ml/text_features.h"

namespace framelens {

class ArticleFeatures {
 public:
  ArticleFeatures() = default;
  ArticleFeatures(BoilerplateFilter boilerplate, TextFeaturizer featurizer)
      : boilerplate_(std::move(boilerplate)), featurizer_(std::move(featurizer)) {}

  // Raw hashed counts of the article's non-boilerplate tokens, using `filter` (default: our own).
  SparseVector counts(const Document& doc, const BoilerplateFilter* filter = nullptr) const;
  // The weighted, L2-normalised vector (counts + weigh).
  SparseVector compute(const Document& doc) const;

  const BoilerplateFilter& boilerplate() const { return boilerplate_; }
  const TextFeaturizer& featurizer() const { return featurizer_; }
  TextFeaturizer& featurizer() { return featurizer_; }
  uint32_t dim() const { return featurizer_.dim(); }

  Status save(const std::string& path) const;
  static Result<ArticleFeatures> load(const std::string& path);

 private:
  BoilerplateFilter boilerplate_;
  TextFeaturizer featurizer_;
};

}  // namespace framelens
