#include "analyzer/stance/stance_model.h"

#include <cmath>
#include <cstring>
#include <fstream>

#include "analyzer/ml/model_header.h"
#include "analyzer/ml/word_vectors_file.h"

namespace framelens {

namespace {
constexpr char kMagic[8] = {'F', 'L', 'S', 'T', 'A', 'N', 'C', 'E'};
// v3 added the context norm; v2 files are L2-normalised.
constexpr HashedModelHeader kHeader{kMagic, 3, "stance model", 2};

}  // namespace

const char* stance_label(int cls) {
  switch (cls) {
    case kStanceNegative: return "negative";
    case kStancePositive: return "positive";
    default: return "neutral";
  }
}

int MentionPrediction::label() const {
  int best = 0;
  for (int k = 1; k < 3; ++k)
    if (p[k] > p[best]) best = k;
  return best;
}

StanceModel::StanceModel(uint32_t hash_bits, std::shared_ptr<const PolarityLexicon> lexicon, LinearModel linear,
                         ContextVectorFeaturizer context, uint64_t vectors_checksum)
    : lexicon_(std::move(lexicon)),
      featurizer_(hash_bits, lexicon_.get()),
      context_(std::move(context)),
      vectors_checksum_(vectors_checksum),
      linear_(std::move(linear)),
      folded_(context_, linear_, featurizer_.dim()) {}

Result<StanceModel> StanceModel::load(const std::string& path, const std::string& vectors_path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) return model_error("cannot read stance model " + path);
  uint32_t version = 0;
  auto header = read_hashed_model_header(is, kHeader, path, &version);
  if (!header) return header.error();
  const uint32_t bits = *header;
  ContextVectorOptions co;
  uint32_t norm = static_cast<uint32_t>(ContextNorm::L2);
  int32_t vdim = 0;
  uint64_t checksum = 0;
  if (!get(is, co.blocks) || !get(is, co.window) || !get(is, co.scale) || (version >= 3 && !get(is, norm)) ||
      !get(is, vdim) || !get(is, checksum))
    return model_error(path + ": truncated stance model header");
  co.norm = static_cast<ContextNorm>(norm);
  if ((co.blocks & ~uint32_t(kCtxAllBlocks)) || co.window < 1 || co.window > 50 || !std::isfinite(co.scale) ||
      norm >= kContextNormCount || vdim < 0 || vdim > 1024 || (co.blocks != 0) != (vdim > 0))
    return model_error(path + ": implausible stance context-vector settings");
  auto lex = PolarityLexicon::read(is, path);
  if (!lex) return lex.error();
  auto lin = LinearModel::read(is, path);
  if (!lin) return lin.error();
  ContextVectorFeaturizer context;
  if (co.blocks != 0) {
    if (vectors_path.empty()) return model_error(path + ": the stance model needs word vectors (vectors/words.bin)");
    auto wv = load_word_vectors(vectors_path);
    if (!wv) return model_error(wv.error().message + " (needed by the stance model " + path + ")");
    if (wv->vectors->dim() != vdim)
      return model_error(path + ": trained with word vectors of dim " + std::to_string(vdim) + ", " + vectors_path +
                         " has dim " + std::to_string(wv->vectors->dim()));
    if (wv->checksum != checksum)
      return model_error(path + ": trained with other word vectors than " + vectors_path +
                         " (retrain with `framelens train stance` after `train vectors`)");
    context = ContextVectorFeaturizer(co, wv->vectors);
  }
  if (lin->classes() != 3 || lin->dim() != (uint32_t(1) << bits) + context.dim() || lin->kind() != LinearKind::Softmax)
    return model_error(path + ": stance model shape does not match its header");
  return StanceModel(bits, std::make_shared<const PolarityLexicon>(std::move(*lex)), std::move(*lin),
                     std::move(context), checksum);
}

Result<StanceModel> StanceModel::load_from(const std::string& models_dir) {
  return load(models_dir + "/" + kStanceModelFile, models_dir + "/" + kWordVectorsFile);
}

Status StanceModel::save(const std::string& path) const {
  std::ofstream os(path, std::ios::binary);
  if (!os) return internal_error("cannot write " + path);
  write_hashed_model_header(os, kHeader, featurizer_.hash_bits());
  const bool ctx = context_.enabled();
  put(os, ctx ? context_.options().blocks : uint32_t(0));
  put(os, context_.options().window);
  put(os, context_.options().scale);
  put(os, static_cast<uint32_t>(context_.options().norm));
  put(os, ctx ? static_cast<int32_t>(context_.vectors()->dim()) : int32_t(0));
  put(os, ctx ? vectors_checksum_ : uint64_t(0));
  if (Status s = lexicon_->write(os); !s) return s;
  if (Status s = linear_.write(os); !s) return s;
  os.flush();
  if (!os) return internal_error("write failed: " + path);
  return {};
}

void StanceModel::features(const Document& doc, const MentionTokens& m, SparseVector& out, StanceScratch& scratch,
                           ContextVectorScratch& ctx, std::vector<std::pair<uint32_t, int32_t>>* attribution,
                           bool merge) const {
  featurizer_.features(doc, m, out, scratch, attribution, merge);
  if (!context_.enabled()) return;
  // Dense features come after the hashed range, so `out` stays sorted when merged; they belong to
  // no single token, so evidence attribution skips them (token -1).
  const size_t before = out.size();
  context_.append(doc, m, ctx, out, featurizer_.dim());
  if (attribution)
    for (size_t k = before; k < out.size(); ++k) attribution->push_back({out.index[k], -1});
}

MentionPrediction StanceModel::predict(const Document& doc, const MentionTokens& m, StanceWorkspace& ws,
                                       bool evidence) const {
  MentionPrediction out;
  // The sentence part's scores are cached (every mention of a sentence shares them); then this
  // mention's hashed part and its dense context vectors (scored without building the features).
  if (ws.doc != &doc || ws.sent_have.size() != doc.sentences.size()) {
    ws.doc = &doc;
    ws.sent_have.assign(doc.sentences.size(), 0);
    ws.sent_score.resize(doc.sentences.size());
  }
  if (!ws.sent_have[m.sentence]) {
    featurizer_.sentence_part(doc, m.sentence, ws.sx, ws.scratch);
    double z[3];
    linear_.decision(ws.sx, z);
    for (int k = 0; k < 3; ++k) ws.sent_score[m.sentence][k] = z[k] - linear_.bias(k);
    ws.sent_have[m.sentence] = 1;
  }
  featurizer_.mention_part(doc, m, ws.x, ws.scratch);
  double z[3];
  linear_.decision(ws.x, z);
  for (int k = 0; k < 3; ++k) out.p[k] = z[k] + ws.sent_score[m.sentence][k];
  if (folded_.enabled()) folded_.add_scores(doc, m, ws.folded, out.p.data());
  else if (context_.enabled()) context_.add_scores(doc, m, ws.ctx, linear_, featurizer_.dim(), out.p.data());
  softmax_inplace(out.p.data(), 3);
  if (evidence) out.evidence_token = evidence_token(doc, m, out, ws);
  return out;
}

int32_t StanceModel::evidence_token(const Document& doc, const MentionTokens& m, const MentionPrediction& pred,
                                    StanceWorkspace& ws) const {
  // The context token whose hashed features add most to the winning class over the runner-up
  // polarity (for neutral verdicts, toward the stronger polarity). The dense context vectors
  // belong to no single token, so only the hashed features are attributed.
  featurizer_.features(doc, m, ws.x, ws.scratch, &ws.attribution, /*merge=*/false);
  const int lab = pred.label();
  const int toward = lab != kStanceNeutral ? lab : (pred.p[kStancePositive] >= pred.p[kStanceNegative] ? kStancePositive : kStanceNegative);
  const int against = toward == kStancePositive ? kStanceNegative : kStancePositive;
  // Summed per token in document-sized arrays; `touched` keeps first-appearance order, so ties
  // go to the earliest-attributed token. The arrays are cleared again through `touched`.
  if (ws.token_contrib.size() < doc.tokens.size()) {
    ws.token_contrib.resize(doc.tokens.size(), 0.0);
    ws.token_touched.resize(doc.tokens.size(), 0);
  }
  std::vector<int32_t>& touched = ws.touched_tokens;
  touched.clear();
  for (const auto& [f, tok] : ws.attribution) {
    if (tok < 0 || tok >= static_cast<int32_t>(doc.tokens.size())) continue;
    const double c = linear_.weight(f, toward) - linear_.weight(f, against);
    if (!ws.token_touched[tok]) {
      ws.token_touched[tok] = 1;
      touched.push_back(tok);
    }
    ws.token_contrib[tok] += c;
  }
  double best = 0.0;
  int32_t best_tok = -1;
  for (int32_t tok : touched) {
    const double a = ws.token_contrib[tok];
    ws.token_contrib[tok] = 0.0;
    ws.token_touched[tok] = 0;
    if (a > best) {
      best = a;
      best_tok = tok;
    }
  }
  return best_tok;
}

}  // namespace framelens
