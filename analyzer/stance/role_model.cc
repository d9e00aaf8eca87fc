#include "analyzer/stance/role_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>

#include "analyzer/ml/model_header.h"
#include "analyzer/ml/text_features.h"

namespace framelens {

namespace {
constexpr char kMagic[8] = {'F', 'L', 'R', 'O', 'L', 'E', 'S', '1'};
constexpr HashedModelHeader kHeader{kMagic, 1, "role model"};
constexpr uint64_t kRoleFlagNs = 0x526f6c65466c6167ULL;

uint64_t flag_hash(std::string_view name, int v) {
  return feature_hash_pair(feature_hash_pair(kRoleFlagNs, feature_hash(name)), static_cast<uint64_t>(v + 100));
}

bool is_counted(const Token& t) { return t.kind == TokenKind::Word || t.kind == TokenKind::Number; }
}  // namespace

const char* role_label(int cls) {
  switch (cls) {
    case kRoleHero: return "hero";
    case kRoleVillain: return "villain";
    case kRoleVictim: return "victim";
    default: return "none";
  }
}

RoleModel::RoleModel(uint32_t hash_bits, LinearModel linear) : bits_(hash_bits), linear_(std::move(linear)) {}

Result<RoleModel> RoleModel::load(const std::string& path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) return model_error("cannot read role model " + path);
  auto header = read_hashed_model_header(is, kHeader, path);
  if (!header) return header.error();
  const uint32_t bits = *header;
  auto lin = LinearModel::read(is, path);
  if (!lin) return lin.error();
  if (lin->classes() != kRoleClasses || lin->dim() != (uint32_t(1) << bits) || lin->kind() != LinearKind::Softmax)
    return model_error(path + ": role model shape does not match its header");
  return RoleModel(bits, std::move(*lin));
}

Status RoleModel::save(const std::string& path) const {
  std::ofstream os(path, std::ios::binary);
  if (!os) return internal_error("cannot write " + path);
  write_hashed_model_header(os, kHeader, bits_);
  if (Status s = linear_.write(os); !s) return s;
  os.flush();
  if (!os) return internal_error("write failed: " + path);
  return {};
}

void RoleModel::begin(RoleWorkspace& ws) {
  ws.acc.fill(0.0);
  ws.index.clear();
  ws.value.clear();
  ws.mentions = 0;
  ws.subject_mentions = 0;
  ws.first_sentence = -1;
}

void RoleModel::add_mention(const Document& doc, const MentionTokens& m, const SparseVector& f,
                            RoleWorkspace& ws) const {
  const uint32_t mask = dim() - 1;
  if (ws.pool) {
    for (size_t i = 0; i < f.size(); ++i) {
      ws.index.push_back(f.index[i] & mask);
      ws.value.push_back(f.value[i]);
    }
  } else if (!linear_.empty()) {
    for (size_t i = 0; i < f.size(); ++i)
      for (int k = 0; k < kRoleClasses; ++k) ws.acc[k] += double(linear_.weight(f.index[i] & mask, k)) * f.value[i];
  }
  ++ws.mentions;
  if (ws.first_sentence < 0 || m.sentence < ws.first_sentence) ws.first_sentence = m.sentence;
  const Sentence& s = doc.sentences[m.sentence];
  int32_t first_content = s.first_token;
  while (first_content < s.end_token && !is_counted(doc.tokens[first_content])) ++first_content;
  if (m.first <= first_content) ++ws.subject_mentions;
}

void RoleModel::actor_flags(const Document& doc, const Actor& actor, const Stance& stance, const RoleWorkspace& ws,
                            std::vector<uint32_t>& out) const {
  out.clear();
  if (ws.mentions == 0) return;
  const uint32_t mask = dim() - 1;
  auto flag = [&](std::string_view name, int v) { out.push_back(static_cast<uint32_t>(flag_hash(name, v) & mask)); };
  flag("bias", 0);
  flag("mentions", std::min(static_cast<int>(std::log2(static_cast<double>(ws.mentions))) + 1, 5));
  const int nsent = std::max<int>(1, static_cast<int>(doc.sentences.size()));
  flag("first", ws.first_sentence == 0 ? 0 : std::min(1 + 4 * ws.first_sentence / nsent, 4));
  flag("subject", std::min(4 * ws.subject_mentions / ws.mentions, 3));
  flag("quoted", std::min(actor.quoted, 2));
  flag("type:" + actor.type, 0);
  const int sb = stance.present ? static_cast<int>(std::lround(std::clamp(stance.score, -1.0, 1.0) * 3)) : 99;
  flag("stance", sb);
  flag("stance_label:" + stance.label, 0);
}

void RoleModel::finish(const Document& doc, const Actor& actor, const Stance& stance, RoleWorkspace& ws) const {
  // Pooled mention contexts, scaled by 1/sqrt(mentions) so busy actors are not all "villains".
  const float scale = ws.mentions > 0 ? 1.0f / std::sqrt(static_cast<float>(ws.mentions)) : 0.0f;
  std::vector<std::pair<uint32_t, float>> pairs;
  pairs.reserve(ws.index.size() + 8);
  for (size_t i = 0; i < ws.index.size(); ++i) pairs.push_back({ws.index[i], ws.value[i] * scale});
  std::vector<uint32_t> flags;
  actor_flags(doc, actor, stance, ws, flags);
  for (uint32_t f : flags) pairs.push_back({f, 1.0f});
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  ws.x.clear();
  for (const auto& [i, v] : pairs) {
    if (!ws.x.index.empty() && ws.x.index.back() == i) ws.x.value.back() += v;
    else ws.x.push(i, v);
  }
}

std::array<double, kRoleClasses> RoleModel::predict_actor(const Document& doc, const Actor& actor,
                                                          const Stance& stance, RoleWorkspace& ws) const {
  if (ws.pool) {
    finish(doc, actor, stance, ws);
    return predict(ws.x);
  }
  // Same dot product as predict(finish(...)): scaled pooled scores + cue weights + bias.
  std::array<double, kRoleClasses> z{};
  const double scale = ws.mentions > 0 ? 1.0 / std::sqrt(static_cast<double>(ws.mentions)) : 0.0;
  for (int k = 0; k < kRoleClasses; ++k) z[k] = linear_.bias(k) + ws.acc[k] * scale;
  std::vector<uint32_t> flags;
  actor_flags(doc, actor, stance, ws, flags);
  for (uint32_t f : flags)
    for (int k = 0; k < kRoleClasses; ++k) z[k] += linear_.weight(f, k);
  softmax_inplace(z.data(), kRoleClasses);
  return z;
}

std::array<double, kRoleClasses> RoleModel::predict(const SparseVector& x) const {
  std::array<double, kRoleClasses> p{};
  linear_.predict(x, p.data());
  return p;
}

void RoleModel::assign(const Document& doc, Actor& actor, RoleWorkspace& ws) const {
  if (ws.mentions == 0) {
    actor.role = "none";
    actor.role_score = 0.0;
    return;
  }
  const auto p = predict_actor(doc, actor, actor.stance, ws);
  const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  actor.role = role_label(best);
  actor.role_score = p[best];
}

}  // namespace framelens
