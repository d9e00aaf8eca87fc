#include "analyzer/models/article_models_stage.h"

#include <filesystem>

namespace framelens {

ArticleModelPaths ArticleModelPaths::in(const std::string& dir) {
  return {dir + "/vectors/article_features.bin", dir + "/leaning/leaning.bin", dir + "/frames/mfc.bin",
          dir + "/frames/generic.bin"};
}

void ArticleModelsStage::annotate(Document& doc) const {
  if (doc.tokens.empty()) return;
  const SparseVector x = features_.compute(doc);
  if (leaning_) doc.leaning = leaning_->predict(x);
  if (mfc_) doc.frames_mfc = mfc_->predict(x);
  if (generic_) doc.frames_generic = generic_->predict(x);
}

Result<StagePtr> make_article_models_stage(const PipelineOptions& options) {
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
  return StagePtr(std::make_shared<ArticleModelsStage>(std::move(*features), std::move(leaning), std::move(mfc),
                                                       std::move(generic)));
}

}  // namespace framelens
