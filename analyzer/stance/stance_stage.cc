#include "analyzer/stance/stance_stage.h"

#include <filesystem>

#include "analyzer/actors/actor_lookup.h"
#include "analyzer/stance/role_model.h"
#include "analyzer/stance/stance_actor.h"
#include "analyzer/stance/stance_aggregate.h"

namespace framelens {

StanceStage::StanceStage(std::shared_ptr<const StanceModel> stance, std::shared_ptr<const RoleModel> roles)
    : stance_(std::move(stance)), roles_(std::move(roles)) {}

namespace {

Span token_span(const Document& doc, int32_t tok) {
  return tok >= 0 && tok < static_cast<int32_t>(doc.tokens.size()) ? doc.tokens[tok].span : Span{};
}

}  // namespace

void StanceStage::annotate(Document& doc) const {
  StanceWorkspace ws;
  std::vector<ScoredMention> scored;
  RoleWorkspace rws;
  const QuoteContents contents(doc);
  const TieFinder ties(doc, stance_->lexicon());
  const AggregateOptions opt;
  for (Actor& actor : doc.actors) {
    ActorStances both = score_actor(doc, actor, *stance_, ws, scored, roles_.get(), &rws, &contents, opt, &ties);
    actor.stance = std::move(both.own);
    actor.quoted_stance = std::move(both.quoted);
    actor.quoted_by = std::move(both.quoted_by);
    if (roles_) roles_->assign(doc, actor, rws);
  }
  doc.targets.clear();
  doc.targets.reserve(doc.target_requests.size());
  for (const Span& t : doc.target_requests) {
    TargetResult r;
    r.span = t;
    r.actor = actor_for_span(doc, t);
    MentionTokens mt;
    if (locate_mention(doc, t, mt)) {
      ScoredMention sm;
      sm.pred = stance_->predict(doc, mt, ws);
      sm.span = t;
      sm.evidence = token_span(doc, sm.pred.evidence_token);
      r.stance = mention_stance(sm);
    }
    doc.targets.push_back(std::move(r));
  }
}

Result<StagePtr> make_stance_stage(const PipelineOptions& options) {
  namespace fs = std::filesystem;
  const std::string stance_path = options.models_dir + "/" + kStanceModelFile;
  const std::string role_path = options.models_dir + "/" + kRoleModelFile;
  std::error_code ec;
  if (!fs::exists(stance_path, ec)) {
    if (options.require_models) return model_error("stance model not found: " + stance_path);
    return StagePtr{};
  }
  auto stance = StanceModel::load_from(options.models_dir);
  if (!stance) return stance.error();
  std::shared_ptr<const RoleModel> roles;
  if (fs::exists(role_path, ec)) {
    auto r = RoleModel::load(role_path);
    if (!r) return r.error();
    roles = std::make_shared<const RoleModel>(std::move(*r));
  } else if (options.require_models) {
    return model_error("role model not found: " + role_path);
  }
  return StagePtr(std::make_shared<StanceStage>(std::make_shared<const StanceModel>(std::move(*stance)), roles));
}

}  // namespace framelens
