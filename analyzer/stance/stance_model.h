#pragma once
// The per-mention stance classifier: StanceFeaturizer (hashed, 2^hash_bits) + optional dense
// context-vector features (ContextVectorFeaturizer, appended after the hashed range) + a 3-class
// softmax LinearModel (negative / neutral / positive), with the polarity table it was trained with.
// One file:
//   "FLSTANCE" v3, hash_bits, context blocks, window, scale, norm, vector dim, vector checksum,
//   PolarityLexicon, LinearModel.
// v2 files (no norm field: L2-normalised blocks) still load.
// With a Mean or Root context norm, predict() scores the context vectors through the linear layer
// folded into the word vectors (FoldedContextScorer, built at load).
// With context blocks the model needs the word vectors it was trained with (models/vectors/
// words.bin, same dim and checksum); load() returns a model error otherwise.
// Immutable after load; predict() is const and thread-safe (callers own the scratch buffers).
#include <array>
#include <memory>
#include <string>

#include "analyzer/core/error.h"
#include "analyzer/ml/linear_model.h"
#include "analyzer/stance/stance_context_folded.h"
#include "analyzer/stance/stance_context_vectors.h"
#include "analyzer/stance/stance_features.h"
#include "analyzer/stance/stance_lexicon.h"

namespace framelens {

// The model file, relative to the models folder.
constexpr const char* kStanceModelFile = "stance/stance.bin";

enum StanceClass : int { kStanceNegative = 0, kStanceNeutral = 1, kStancePositive = 2 };
const char* stance_label(int cls);

struct MentionPrediction {
  std::array<double, 3> p{0.0, 1.0, 0.0};  // negative, neutral, positive
  int32_t evidence_token = -1;             // the context token that pushed most toward the verdict
  double score() const { return p[kStancePositive] - p[kStanceNegative]; }
  int label() const;                       // argmax
};

// Per-thread buffers, plus the sentence-part scores of the current document (cached because every
// mention of a sentence shares them). Call reset() before reusing it for another document.
struct StanceWorkspace {
  StanceScratch scratch;
  SparseVector x;   // after predict(evidence=false): the hashed mention part only (the role model
                    // pools it); after evidence_token(): all hashed features
  SparseVector sx;  // sentence part
  ContextVectorScratch ctx;
  FoldedContextScratch folded;
  const Document* doc = nullptr;
  std::vector<std::array<double, 3>> sent_score;
  std::vector<uint8_t> sent_have;
  void reset() {
    doc = nullptr;
    scratch.doc = nullptr;
    ctx.doc = nullptr;
    folded.doc = nullptr;
  }
  std::vector<std::pair<uint32_t, int32_t>> attribution;
  // evidence_token(): per-token sums (all zero between calls) and the tokens touched.
  std::vector<double> token_contrib;
  std::vector<uint8_t> token_touched;
  std::vector<int32_t> touched_tokens;
};

class StanceModel {
 public:
  StanceModel(uint32_t hash_bits, std::shared_ptr<const PolarityLexicon> lexicon, LinearModel linear,
              ContextVectorFeaturizer context = {}, uint64_t vectors_checksum = 0);

  // `vectors_path`: the word-vector file, read only when the model uses context vectors.
  static Result<StanceModel> load(const std::string& path, const std::string& vectors_path = "");
  // load() with the files of a models folder (stance/stance.bin, vectors/words.bin).
  static Result<StanceModel> load_from(const std::string& models_dir);
  Status save(const std::string& path) const;

  const StanceFeaturizer& featurizer() const { return featurizer_; }
  const ContextVectorFeaturizer& context() const { return context_; }
  // The folded context scorer predict() uses (disabled for L2-normalised context vectors).
  const FoldedContextScorer& folded_context() const { return folded_; }
  // All features of a mention, hashed then dense (what the linear model scores).
  void features(const Document& doc, const MentionTokens& m, SparseVector& out, StanceScratch& scratch,
                ContextVectorScratch& ctx, std::vector<std::pair<uint32_t, int32_t>>* attribution = nullptr,
                bool merge = true) const;
  const LinearModel& linear() const { return linear_; }
  const PolarityLexicon& lexicon() const { return *lexicon_; }

  // Probabilities; with `evidence` also the context token that moved the verdict most (costs a
  // second pass over the hashed features, so actors ask only for their strongest mentions).
  // After the call ws.x holds the hashed mention part (the role model pools it) when !evidence.
  MentionPrediction predict(const Document& doc, const MentionTokens& m, StanceWorkspace& ws,
                            bool evidence = true) const;
  // The evidence token of a prediction made by predict() for the same mention, or -1.
  int32_t evidence_token(const Document& doc, const MentionTokens& m, const MentionPrediction& pred,
                         StanceWorkspace& ws) const;

 private:
  std::shared_ptr<const PolarityLexicon> lexicon_;
  StanceFeaturizer featurizer_;
  ContextVectorFeaturizer context_;
  uint64_t vectors_checksum_ = 0;
  LinearModel linear_;
  FoldedContextScorer folded_;  // after linear_: built from it
};

}  // namespace framelens
