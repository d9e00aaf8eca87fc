#include "analyzer/train/stance_trainer.h"

#include <nlohmann/json.hpp>

#include "analyzer/ml/text_features.h"
#include "analyzer/pipeline/pipeline.h"
#include "analyzer/text/input_record.h"
#include "analyzer/text/line_reader.h"
#include "analyzer/train/metrics.h"

namespace framelens {

Result<std::vector<StagePtr>> upstream_stages(const std::string& models_dir) {
  PipelineOptions po;
  po.models_dir = models_dir;
  return stages_before("stance", po);  // stance is last; nothing after it feeds it
}

Result<std::vector<StanceExample>> read_stance_examples(const std::string& path,
                                                        const std::vector<StagePtr>& upstream) {
  std::vector<StanceExample> out;
  Status read = for_each_jsonl_line(path, [&](std::string_view line, const std::string& where) -> Status {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
      StanceExample ex;
      const std::string text = j.at("text").get<std::string>();
      ex.target.start = j.at("target").at("start").get<int32_t>();
      ex.target.end = j.at("target").at("end").get<int32_t>();
      const int pol = j.at("polarity").get<int>();
      ex.label = pol < 0 ? kStanceNegative : pol > 0 ? kStancePositive : kStanceNeutral;
      ex.group = j.value("article_id", j.value("id", std::string()));
      auto doc = make_document(text, DocMeta{}, true);
      if (!doc) return input_error(where + ": " + doc.error().message);
      if (ex.target.end > doc->size() || ex.target.start < 0 || ex.target.empty())
        return input_error(where + ": target outside the text");
      ex.doc = std::move(*doc);
      for (const auto& st : upstream) st->annotate(ex.doc);
      out.push_back(std::move(ex));
    } catch (const std::exception& e) {
      return input_error(where + ": " + e.what());
    }
    return {};
  });
  if (!read) return read.error();
  if (out.empty()) return input_error(path + ": no records");
  return out;
}

namespace {

ContextVectorFeaturizer context_featurizer(const StanceTrainOptions& opt) {
  return opt.vectors ? ContextVectorFeaturizer(opt.context, opt.vectors) : ContextVectorFeaturizer();
}

void featurize_all(const StanceFeaturizer& fz, const ContextVectorFeaturizer& cz, const std::vector<StanceExample>& ex,
                   std::vector<SparseVector>& xs) {
  StanceScratch scratch;
  ContextVectorScratch cs;
  xs.resize(ex.size());
  for (size_t i = 0; i < ex.size(); ++i) {
    MentionTokens mt;
    if (!locate_mention(ex[i].doc, ex[i].target, mt)) {
      xs[i].clear();
      continue;
    }
    fz.features(ex[i].doc, mt, xs[i], scratch);
    cz.append(ex[i].doc, mt, cs, xs[i], fz.dim());
  }
}

}  // namespace

Result<StanceModel> train_stance_model(const std::vector<StanceExample>& examples,
                                       std::shared_ptr<const PolarityLexicon> lexicon,
                                       const StanceTrainOptions& opt) {
  StanceFeaturizer fz(opt.hash_bits, lexicon.get());
  const ContextVectorFeaturizer cz = context_featurizer(opt);
  std::vector<SparseVector> xs;
  featurize_all(fz, cz, examples, xs);
  std::vector<int> y;
  for (const auto& e : examples) y.push_back(e.label);
  LinearTrainOptions lo;
  lo.l2 = opt.l2;
  lo.max_iterations = opt.max_iterations;
  lo.balance_classes = opt.balance_classes;
  auto lin = LinearModel::train_softmax(xs, y, 3, fz.dim() + cz.dim(), lo);
  if (!lin) return lin.error();
  return StanceModel(fz.hash_bits(), std::move(lexicon), std::move(*lin), cz, opt.vectors_checksum);
}

ClassificationScores score_classes(const std::vector<int>& gold, const std::vector<int>& pred, int classes) {
  ClassificationScores s;
  s.n = gold.size();
  size_t correct = 0;
  for (size_t i = 0; i < gold.size(); ++i) correct += gold[i] == pred[i];
  s.accuracy = s.n ? double(correct) / double(s.n) : 0.0;
  s.f1 = per_class_f1(gold, pred, classes);
  double sum = 0;
  for (double f : s.f1) sum += f;
  s.f1_macro = classes ? sum / classes : 0.0;
  return s;
}

std::vector<int> predict_stance(const StanceModel& model, const std::vector<StanceExample>& examples) {
  StanceWorkspace ws;
  std::vector<int> pred;
  pred.reserve(examples.size());
  for (const auto& e : examples) {
    MentionTokens mt;
    pred.push_back(locate_mention(e.doc, e.target, mt) ? model.predict(e.doc, mt, ws).label() : kStanceNeutral);
  }
  return pred;
}

Result<ClassificationScores> cross_validate_stance(const std::vector<StanceExample>& examples,
                                                   std::shared_ptr<const PolarityLexicon> lexicon,
                                                   const StanceTrainOptions& opt, int folds) {
  StanceFeaturizer fz(opt.hash_bits, lexicon.get());
  const ContextVectorFeaturizer cz = context_featurizer(opt);
  std::vector<SparseVector> xs;
  featurize_all(fz, cz, examples, xs);
  std::vector<int> gold, pred;
  LinearTrainOptions lo;
  lo.l2 = opt.l2;
  lo.max_iterations = opt.max_iterations;
  lo.balance_classes = opt.balance_classes;
  for (int f = 0; f < folds; ++f) {
    std::vector<SparseVector> trx;
    std::vector<int> try_;
    std::vector<size_t> test;
    for (size_t i = 0; i < examples.size(); ++i) {
      if (static_cast<int>(feature_hash(examples[i].group) % uint64_t(folds)) == f) test.push_back(i);
      else {
        trx.push_back(xs[i]);
        try_.push_back(examples[i].label);
      }
    }
    auto lin = LinearModel::train_softmax(trx, try_, 3, fz.dim() + cz.dim(), lo);
    if (!lin) return lin.error();
    double p[3];
    for (size_t i : test) {
      lin->predict(xs[i], p);
      gold.push_back(examples[i].label);
      pred.push_back(static_cast<int>(std::max_element(p, p + 3) - p));
    }
  }
  return score_classes(gold, pred, 3);
}

}  // namespace framelens
