#include "analyzer/train/text_features_article_trainer.h"

#include <ostream>

namespace framelens {

int outlet_fold(const std::string& outlet, int folds) {
  uint32_t h = 2166136261u;
  for (unsigned char c : outlet) h = (h ^ c) * 16777619u;
  return static_cast<int>(h % static_cast<uint32_t>(folds));
}

Status for_each_document(const std::vector<LabelledRecord>& records,
                         const std::function<void(size_t, const Document&)>& fn) {
  for (size_t i = 0; i < records.size(); ++i) {
    auto d = make_document(records[i].record.text, records[i].record.meta, /*lenient=*/true);
    if (!d) return d.error();
    fn(i, *d);
  }
  return {};
}

Result<ArticleFeatures> build_article_features(const std::vector<LabelledRecord>& train, const TextFeatureOptions& opt,
                                               int min_df, std::ostream& log) {
  BoilerplateFilter filter;
  std::vector<BoilerplateFilter::DocLines> sigs(train.size());
  if (Status s = for_each_document(train, [&](size_t i, const Document& d) { sigs[i] = filter.signature(d); }); !s)
    return s.error();
  filter.learn(sigs);
  log << "boilerplate: " << filter.learned_lines() << " repeated lines, " << filter.learned_names()
      << " outlet names\n";
  ArticleFeatures features(std::move(filter), TextFeaturizer(opt));
  std::vector<SparseVector> counts(train.size());
  if (Status s = for_each_document(train, [&](size_t i, const Document& d) { counts[i] = features.counts(d); }); !s)
    return s.error();
  features.featurizer().fit_idf(counts, min_df);
  return features;
}

}  // namespace framelens
