#pragma once
// The article stage (run-time name "article_models", kept for the notes and bench output): computes the shared article representation once (boilerplate-stripped
// hashed TF-IDF) and runs the linear heads on it: leaning (left/center/right), the 14 MFC frames
// and the five generic news frames. Each head is optional; the stage is skipped when the shared
// features or all heads are missing.
//   models/vectors/article_features.bin   boilerplate + idf tables (framelens train features)
//   models/leaning/leaning.bin            (framelens train leaning)
//   models/frames/mfc.bin, generic.bin    (framelens train frames)
#include <optional>
#include <string>

#include "analyzer/article/frames_model.h"
#include "analyzer/article/leaning_model.h"
#include "analyzer/article/text_features_article.h"
#include "analyzer/core/stage.h"
#include "analyzer/ml/stacked_linear.h"

namespace framelens {

struct ArticleModelPaths {
  std::string features, leaning, frames_mfc, frames_generic;
  static ArticleModelPaths in(const std::string& models_dir);
};

class ArticleStage : public Stage {
 public:
  ArticleStage(ArticleFeatures features, std::optional<LeaningModel> leaning, std::optional<FramesModel> mfc,
                     std::optional<FramesModel> generic)
      : features_(std::move(features)), leaning_(std::move(leaning)), mfc_(std::move(mfc)), generic_(std::move(generic)) {
    stack_frame_heads();
  }
  std::string_view name() const override { return "article_models"; }
  void annotate(Document& doc) const override;

  const ArticleFeatures& features() const { return features_; }

 private:
  ArticleFeatures features_;
  std::optional<LeaningModel> leaning_;
  std::optional<FramesModel> mfc_, generic_;
  // Both frame models' heads in one table when they fold to the same space (one memory access per
  // feature for both); empty otherwise and each model scores itself.
  StackedLinear frame_heads_;
  void stack_frame_heads();
};

Result<StagePtr> make_article_stage(const PipelineOptions& options);

}  // namespace framelens
