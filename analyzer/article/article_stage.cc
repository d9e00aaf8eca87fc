#include "analyzer/article/article_stage.h"

#include <filesystem>

namespace framelens {

ArticleModelPaths ArticleModelPaths::in(const std::string& dir) {
  return {dir + "/vectors/article_features.bin", dir + "/leaning/leaning.bin", dir + "/frames/mfc.bin",
          dir + "/frames/generic.bin"};
}

void ArticleStage::annotate(Document& doc) const {
  if (doc.tokens.empty()) return;
  const SparseVector x = features_.compute(doc);
  if (leaning_) doc.leaning = leaning_->predict(x);
  if (frame_heads_.classes() > 0) {
    // Both models' folded TF-IDF part in one pass, then each model's own lexicon features: the
    // same sums in the same order as each model's predict().
    std::vector<double> z(size_t(frame_heads_.classes()));
    frame_heads_.decision(mfc_->fold_tfidf(x), z.data());
    const auto k_mfc = static_cast<ptrdiff_t>(mfc_->heads().classes());
    SparseVector extra;
    mfc_->append_lexicon_features(x, extra);
    mfc_->heads().accumulate(extra, z.data());
    extra.clear();
    generic_->append_lexicon_features(x, extra);
    generic_->heads().accumulate(extra, z.data() + k_mfc);
    mfc_->activate(z.data());
    generic_->activate(z.data() + k_mfc);
    doc.frames_mfc = mfc_->select(std::vector<double>(z.begin(), z.begin() + k_mfc));
    doc.frames_generic = generic_->select(std::vector<double>(z.begin() + k_mfc, z.end()));
    return;
  }
  if (mfc_) doc.frames_mfc = mfc_->predict(x);
  if (generic_) doc.frames_generic = generic_->predict(x);
}

void ArticleStage::stack_frame_heads() {
  if (!mfc_ || !generic_ || mfc_->fold_bits() != generic_->fold_bits() || mfc_->labels().empty() ||
      generic_->labels().empty())
    return;
  frame_heads_ = StackedLinear({&mfc_->heads(), &generic_->heads()}, uint32_t(1) << mfc_->fold_bits());
}

Result<StagePtr> make_article_stage(const PipelineOptions& options) {
  namespace fs = std::filesystem;
  const auto p = ArticleModelPaths::in(options.models_dir);
  std::error_code ec;
  auto present = [&](const std::string& f) { return fs::is_regular_file(f, ec); };
  if (options.require_models) {
    for (const auto& f : {p.features, p.leaning, p.frames_mfc, p.frames_generic})
      if (!present(f)) return model_error("article_models: missing model file " + f);
  }
  if (!present(p.features)) return StagePtr{};
  auto features = ArticleFeatures::load(p.features);
  if (!features) return features.error();
  std::optional<LeaningModel> leaning;
  std::optional<FramesModel> mfc, generic;
  if (present(p.leaning)) {
    auto m = LeaningModel::load(p.leaning, features->dim());
    if (!m) return m.error();
    leaning = std::move(*m);
  }
  for (auto [path, slot] : {std::pair{&p.frames_mfc, &mfc}, {&p.frames_generic, &generic}}) {
    if (!present(*path)) continue;
    auto m = FramesModel::load(*path);
    if (!m) return m.error();
    if (m->fold_bits() > features->featurizer().options().hash_bits)
      return model_error(*path + ": frames model is wider than the shared features");
    *slot = std::move(*m);
  }
  if (!leaning && !mfc && !generic) return StagePtr{};
  return StagePtr(std::make_shared<ArticleStage>(std::move(*features), std::move(leaning), std::move(mfc),
                                                       std::move(generic)));
}

}  // namespace framelens
