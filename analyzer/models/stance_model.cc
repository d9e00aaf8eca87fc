#include "analyzer/models/stance_model.h"

#include <cstring>
#include <fstream>

#include "analyzer/models/model_header.h"

namespace framelens {

namespace {
constexpr char kMagic[8] = {'F', 'L', 'S', 'T', 'A', 'N', 'C', 'E'};
constexpr HashedModelHeader kHeader{kMagic, 1, "stance model"};
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

StanceModel::StanceModel(uint32_t hash_bits, std::shared_ptr<const PolarityLexicon> lexicon, LinearModel linear)
    : lexicon_(std::move(lexicon)), featurizer_(hash_bits, lexicon_.get()), linear_(std::move(linear)) {}

Result<StanceModel> StanceModel::load(const std::string& path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) return model_error("cannot read stance model " + path);
  auto header = read_hashed_model_header(is, kHeader, path);
  if (!header) return header.error();
  const uint32_t bits = *header;
  auto lex = PolarityLexicon::read(is, path);
  if (!lex) return lex.error();
  auto lin = LinearModel::read(is, path);
  if (!lin) return lin.error();
  if (lin->classes() != 3 || lin->dim() != (uint32_t(1) << bits) || lin->kind() != LinearKind::Softmax)
    return model_error(path + ": stance model shape does not match its header");
  return StanceModel(bits, std::make_shared<const PolarityLexicon>(std::move(*lex)), std::move(*lin));
}

Status StanceModel::save(const std::string& path) const {
  std::ofstream os(path, std::ios::binary);
  if (!os) return internal_error("cannot write " + path);
  write_hashed_model_header(os, kHeader, featurizer_.hash_bits());
  if (Status s = lexicon_->write(os); !s) return s;
  if (Status s = linear_.write(os); !s) return s;
  os.flush();
  if (!os) return internal_error("write failed: " + path);
  return {};
}

MentionPrediction StanceModel::predict(const Document& doc, const MentionTokens& m, StanceWorkspace& ws,
                                       bool evidence) const {
  MentionPrediction out;
  if (!evidence) {
    // Fast path: cached sentence part + this mention's part.
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
    softmax_inplace(out.p.data(), 3);
    return out;
  }
  featurizer_.features(doc, m, ws.x, ws.scratch, &ws.attribution, /*merge=*/false);
  linear_.predict(ws.x, out.p.data());
  // Evidence: the context token whose features add most to the winning class over the runner-up
  // polarity (for neutral verdicts, toward the stronger polarity).
  const int lab = out.label();
  const int toward = lab != kStanceNeutral ? lab : (out.p[kStancePositive] >= out.p[kStanceNegative] ? kStancePositive : kStanceNegative);
  const int against = toward == kStancePositive ? kStanceNegative : kStancePositive;
  double best = 0.0;
  // Attribution entries come in token order per block; sum per token with a small linear scan
  // over the (short) list of distinct tokens.
  int32_t best_tok = -1;
  std::vector<std::pair<int32_t, double>>& acc = ws.scratch_contrib;
  acc.clear();
  for (const auto& [f, tok] : ws.attribution) {
    if (tok < 0) continue;
    const double c = linear_.weight(f, toward) - linear_.weight(f, against);
    bool found = false;
    for (auto& a : acc)
      if (a.first == tok) {
        a.second += c;
        found = true;
        break;
      }
    if (!found) acc.push_back({tok, c});
  }
  for (const auto& a : acc)
    if (a.second > best) {
      best = a.second;
      best_tok = a.first;
    }
  out.evidence_token = best_tok;
  return out;
}

}  // namespace framelens
