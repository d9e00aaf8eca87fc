#include "analyzer/article/leaning_model.h"

namespace framelens {

Leaning LeaningModel::predict(const SparseVector& features) const {
  double p[3];
  head_.predict(features, p);
  Leaning l;
  l.left = p[0];
  l.center = p[1];
  l.right = p[2];
  l.lean = p[2] - p[0];
  int best = 0;
  for (int k = 1; k < 3; ++k)
    if (p[k] > p[best]) best = k;
  l.label = kLeaningLabels[best];
  return l;
}

Result<LeaningModel> LeaningModel::load(const std::string& path, uint32_t expected_dim) {
  auto m = LinearModel::load(path);
  if (!m) return m.error();
  if (m->kind() != LinearKind::Softmax || m->classes() != 3)
    return model_error(path + ": not a 3-class leaning model");
  if (m->dim() != expected_dim)
    return model_error(path + ": feature size " + std::to_string(m->dim()) + " does not match the shared features (" +
                       std::to_string(expected_dim) + "); retrain with `framelens train leaning`");
  return LeaningModel(std::move(*m));
}

}  // namespace framelens
