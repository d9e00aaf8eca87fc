#include "analyzer/terms/terms_stage.h"

#include <algorithm>
#include <filesystem>

#include "analyzer/ml/hashing.h"
#include "analyzer/terms/span_index.h"
#include "analyzer/terms/term_voice.h"

namespace framelens::terms {

namespace {

// Scare quotes come from the quotes layer once it provides them (Document::scare_quotes); the
// requires-expression keeps this stage building against a document model without the field.
template <class D>
const std::vector<Span>* scare_quotes_of(const D& doc) {
  if constexpr (requires { doc.scare_quotes; }) {
    return &doc.scare_quotes;
  } else {
    return nullptr;
  }
}

}  // namespace

void TermsStage::annotate(Document& doc) const {
  doc.terms_scored = true;
  const int32_t n = static_cast<int32_t>(doc.tokens.size());
  // Per-thread scratch: reused across documents instead of allocated for each.
  thread_local std::vector<TermMatch> matches;
  thread_local std::vector<TermEvidence> evidence;
  thread_local std::vector<std::string> words;
  thread_local std::vector<TokenTermInfo> token_infos;

  for (int32_t si = 0; si < static_cast<int32_t>(doc.sentences.size()); ++si) {
    Sentence& s = doc.sentences[si];
    matches.clear();
    evidence.clear();
    table_.match(doc.tokens, s.first_token, s.end_token, matches);
    for (const auto& m : matches) {
      const TermEntry& e = table_.entries()[m.entry];
      evidence.push_back({e.score, e.category});
      if (!table_.reported(e)) continue;
      LoadedTerm t;
      t.span = {doc.tokens[m.first_token].span.start, doc.tokens[m.end_token - 1].span.end};
      t.score = e.score;
      t.category = std::string(category_name(e.category));
      t.sentence = si;
      t.open_vocabulary = e.open;
      doc.loaded_terms.push_back(std::move(t));
    }
    float token_summary[kTokenSummaryCount];
    token_summary_of(token_ ? &*token_ : nullptr, model_.vectors, doc, s.first_token, s.end_token, matches, evidence,
                     token_infos, token_summary);
    const double z = model_.margin_fast(doc, s.first_token, s.end_token, evidence, token_summary);
    if (ensemble_) {
      classifier_tokens(doc, s.first_token, s.end_token, words);
      s.bias_score = ensemble_->score(z, words);
      s.biased = s.bias_score >= ensemble_->threshold;
    } else if (calibration_) {
      s.bias_score = sigmoid(z + calibration_->shift);
      s.biased = s.bias_score >= calibration_->threshold;
    } else {
      s.bias_score = sigmoid(z);
      s.biased = s.bias_score >= model_.threshold;
    }
  }

  const auto* scare = scare_quotes_of(doc);
  if (scare && !scare->empty()) {
    // A scare-quoted word replaces a plain term on the same words.
    SpanIndex sqi;
    for (const Span& sq : *scare) sqi.add(sq);
    sqi.build();
    std::erase_if(doc.loaded_terms, [&](const LoadedTerm& t) { return sqi.overlaps(t.span); });
    for (const Span& sq : *scare) {
      LoadedTerm t;
      t.span = sq;
      t.category = std::string(category_name(TermCategory::ScareQuote));
      t.sentence = doc.sentence_at(sq.start);
      // The word's own learned score if it has one, else the table's threshold (just reported).
      t.score = table_.threshold;
      const int32_t ti = doc.token_at_or_after(sq.start);
      if (ti >= 0 && ti < n) {
        std::vector<TermMatch> m1;
        table_.match(doc.tokens, ti, std::min(n, ti + TermTable::kMaxPhraseTokens), m1);
        if (!m1.empty() && m1[0].first_token == ti)
          t.score = std::max<double>(t.score, table_.entries()[m1[0].entry].score);
      }
      doc.loaded_terms.push_back(std::move(t));
    }
    std::sort(doc.loaded_terms.begin(), doc.loaded_terms.end(),
              [](const LoadedTerm& a, const LoadedTerm& b) { return a.span.start < b.span.start; });
  }
  assign_voices(doc);
}

Result<std::shared_ptr<const TermsStage>> load_terms_stage(const std::string& models_dir) {
  namespace fs = std::filesystem;
  const std::string tp = (fs::path(models_dir) / kTermsFile).string();
  const std::string sp = (fs::path(models_dir) / kSentenceFile).string();
  auto table = TermTable::load(tp);
  if (!table) return table.error();
  auto model = SentenceModel::load(sp);
  if (!model) return model.error();
  std::optional<SentenceEnsemble> ensemble;
  const std::string ep = (fs::path(models_dir) / kEnsembleFile).string();
  std::error_code ec;
  if (fs::exists(ep, ec)) {
    auto e = SentenceEnsemble::load(ep);
    if (!e) return e.error();
    ensemble = std::move(*e);
  }
  std::optional<TokenModel> token;
  if (model->use_token_features) {
    auto t = TokenModel::load((fs::path(models_dir) / kTokenFile).string());
    if (!t) return t.error();
    if (t->lr.dense_w.size() != t->dense_dim(model->vectors))
      return model_error(std::string(kTokenFile) + ": dense block does not match the sentence model's word vectors");
    t->prepare(model->vectors);
    token = std::move(*t);
  }
  auto stage = std::make_shared<TermsStage>(std::move(*table), std::move(*model), std::move(ensemble),
                                             std::move(token));
  const std::string cp = (fs::path(models_dir) / kCalibrationFile).string();
  if (fs::exists(cp, ec)) {
    auto c = SentenceCalibration::load(cp);
    if (!c) return c.error();
    stage->set_calibration(*c);
  }
  return std::shared_ptr<const TermsStage>(std::move(stage));
}

Result<StagePtr> make_terms_stage(const PipelineOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool present = fs::exists(fs::path(options.models_dir) / kTermsFile, ec) &&
                       fs::exists(fs::path(options.models_dir) / kSentenceFile, ec);
  if (!present) {
    if (options.require_models)
      return model_error("terms: model files " + std::string(kTermsFile) + " and " + kSentenceFile +
                         " not found in " + options.models_dir + " (run: framelens train loaded)");
    return StagePtr{};
  }
  auto st = load_terms_stage(options.models_dir);
  if (!st) return st.error();
  return StagePtr(*st);
}

}  // namespace framelens::terms
