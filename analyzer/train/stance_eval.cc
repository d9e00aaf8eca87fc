#include "analyzer/train/stance_eval.h"

#include <vector>

#include "analyzer/pipeline/pipeline.h"
#include "analyzer/stance/stance_model.h"

namespace framelens {

Result<ClassificationScores> evaluate_stance_targets(const std::string& data, const std::string& models_dir) {
  PipelineOptions po;
  po.models_dir = models_dir;
  po.require_models = false;
  auto pipeline = Pipeline::load(po);
  if (!pipeline) return pipeline.error();
  auto recs = read_stance_examples(data, {});
  if (!recs) return recs.error();
  std::vector<int> gold, pred;
  for (const auto& r : *recs) {
    InputRecord in;
    in.text = r.doc.utf8;
    in.targets.push_back(r.target);
    auto doc = pipeline->analyze(in);
    if (!doc) return doc.error();
    int p = -1;
    if (!doc->targets.empty() && doc->targets[0].stance.present) {
      const std::string& l = doc->targets[0].stance.label;
      p = l == "negative" ? kStanceNegative : l == "positive" ? kStancePositive : l == "neutral" ? kStanceNeutral : -1;
    }
    gold.push_back(r.label);
    pred.push_back(p);
  }
  return score_classes(gold, pred, 3);
}

}  // namespace framelens
