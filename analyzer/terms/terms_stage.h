#pragma once
// The "terms" stage: finds loaded wording (learned term table), marks whose voice each term is in
// (inside a quote or the outlet's own), turns scare quotes from the quotes layer into terms, and
// scores every sentence for bias.
#include <memory>
#include <optional>
#include <string>

#include "analyzer/core/stage.h"
#include "analyzer/terms/sentence_calibration.h"
#include "analyzer/terms/sentence_ensemble.h"
#include "analyzer/terms/sentence_model.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/terms/token_model.h"

namespace framelens::terms {

class TermsStage : public Stage {
 public:
  TermsStage(TermTable table, SentenceModel model, std::optional<SentenceEnsemble> ensemble = std::nullopt,
              std::optional<TokenModel> token = std::nullopt)
      : table_(std::move(table)), model_(std::move(model)), ensemble_(std::move(ensemble)), token_(std::move(token)) {
    if (!model_.prepared()) model_.prepare();  // a model loaded from a v3 file comes prepared
  }
  std::string_view name() const override { return "terms"; }
  void annotate(Document& doc) const override;

  const TermTable& table() const { return table_; }
  const SentenceModel& model() const { return model_; }
  const std::optional<SentenceEnsemble>& ensemble() const { return ensemble_; }
  // The real-article prior (calibration.tsv) when present: bias_score = sigmoid(margin + shift).
  const std::optional<SentenceCalibration>& calibration() const { return calibration_; }
  void set_calibration(std::optional<SentenceCalibration> c) { calibration_ = std::move(c); }

 private:
  TermTable table_;
  SentenceModel model_;
  std::optional<SentenceEnsemble> ensemble_;  // when shipped, sentence bias is the ensemble's
  std::optional<TokenModel> token_;           // present when model_.use_token_features
  std::optional<SentenceCalibration> calibration_;
};

// Model files, relative to the models dir.
inline const char* const kTermsFile = "loaded/terms.tsv";
inline const char* const kSentenceFile = "loaded/sentence.bin";
inline const char* const kEnsembleFile = "loaded/sentence_pooled.bin";  // optional
inline const char* const kTokenFile = "loaded/token.bin";  // required by a sentence model with token features

// Loads the model files from `dir`/loaded/ (the ensemble file only when present). An Error when
// a required file is missing or any file is corrupt.
Result<std::shared_ptr<const TermsStage>> load_terms_stage(const std::string& models_dir);

// The registry factory: nullptr when the files are absent (unless require_models).
Result<StagePtr> make_terms_stage(const PipelineOptions& options);

}  // namespace framelens::terms
