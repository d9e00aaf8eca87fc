#include "analyzer/train/terms_eval.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "analyzer/pipeline/pipeline.h"
#include "analyzer/train/corpus_reader.h"
#include "analyzer/train/terms_metrics.h"
#include "analyzer/terms/terms_stage.h"
#include "analyzer/ml/logreg.h"

namespace framelens::terms {

Result<LoadedEvalResult> eval_loaded(const LoadedEvalOptions& opt) {
  PipelineOptions po;
  po.models_dir = opt.models_dir;
  po.lenient = true;
  auto pipe = Pipeline::load(po);
  if (!pipe) return pipe.error();
  bool has_terms = false;
  const TermsStage* stage = nullptr;
  for (const auto& s : pipe->stages()) {
    has_terms |= s->name() == "terms";
    if (auto* ls = dynamic_cast<const TermsStage*>(s.get())) stage = ls;
  }
  const SentenceCalibration* cal = stage && stage->calibration() ? &*stage->calibration() : nullptr;
  BinaryCounts bc_train;
  if (!has_terms) return model_error("no loaded-wording model in " + opt.models_dir + " (run: framelens train loaded)");
  auto recs = read_corpus(opt.data, opt.limit);
  if (!recs) return recs.error();

  LoadedEvalResult res;
  BinaryCounts bc;
  SpanCounts sc;
  for (const auto& r : *recs) {
    InputRecord in;
    in.text = r.text;
    in.meta.id = r.id;
    auto doc = pipe->analyze(in);
    if (!doc) return doc.error();
    ++res.records;
    if (r.label == "biased" || r.label == "non-biased") {
      bool any = false;
      for (const auto& s : doc->sentences) any |= s.biased;
      bc.add(r.label == "biased", any);
      if (cal) {
        bool any_t = false;
        for (const auto& s : doc->sentences) {
          const double p = std::clamp(s.bias_score, 1e-12, 1 - 1e-12);
          any_t |= sigmoid(std::log(p / (1 - p)) - cal->shift) >= stage->model().threshold;
        }
        bc_train.add(r.label == "biased", any_t);
      }
      ++res.labelled;
    }
    std::vector<Span> gold, pred;
    for (const auto& s : r.spans)
      if (opt.span_labels.count(s.label)) gold.push_back(s.span);
    for (const auto& t : doc->loaded_terms) pred.push_back(t.span);
    sc.add(gold, pred);
  }
  res.sentence_macro_f1 = bc.macro_f1();
  if (cal) {
    res.sentence_macro_f1_train_prior = bc_train.macro_f1();
    res.calibrated_rate = cal->real_rate;
  }
  res.gold_spans = sc.gold;
  res.pred_terms = sc.pred;
  res.span_p = sc.precision();
  res.span_r = sc.recall();
  res.span_f1 = sc.f1();
  return res;
}

void print_eval(const LoadedEvalResult& r, std::ostream& out) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "records: %ld (with a biased/non-biased label: %ld)\n", r.records, r.labelled);
  out << buf;
  if (r.labelled > 0) {
    std::snprintf(buf, sizeof buf, "sentence macro-F1: %.3f  (record biased when any sentence is; as devscore babe)\n",
                  r.sentence_macro_f1);
    out << buf;
    if (r.sentence_macro_f1_train_prior >= 0) {
      std::snprintf(buf, sizeof buf,
                    "sentence macro-F1 at the training prior: %.3f  (the shipped decision uses the real-article base "
                    "rate %.3f)\n",
                    r.sentence_macro_f1_train_prior, r.calibrated_rate);
      out << buf;
    }
  }
  std::snprintf(buf, sizeof buf, "spans (overlap): P=%.3f R=%.3f F1=%.3f  (gold %ld, predicted terms %ld)\n", r.span_p,
                r.span_r, r.span_f1, r.gold_spans, r.pred_terms);
  out << buf;
}

}  // namespace framelens::terms
