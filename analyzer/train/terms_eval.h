#pragma once
// `framelens eval loaded`: runs the full pipeline on a shared-schema corpus and prints span
// precision/recall/F1 (overlap) of the loaded terms against the gold spans, and the sentence
// macro-F1 exactly as devscore.py babe computes it.
#include <iosfwd>
#include <set>
#include <string>

#include "analyzer/core/error.h"

namespace framelens::terms {

struct LoadedEvalOptions {
  std::string data;        // JSONL (plain or gzip)
  std::string models_dir;
  std::set<std::string> span_labels = {"biased_word", "Loaded_Language"};
  size_t limit = 0;        // 0: all records
};

struct LoadedEvalResult {
  long records = 0, labelled = 0;
  double sentence_macro_f1 = 0;
  // With a real-article calibration (calibration.tsv): the same records decided at the training
  // prior (margin >= logit of the CV threshold), i.e. without the shift; -1 without calibration.
  double sentence_macro_f1_train_prior = -1;
  double calibrated_rate = -1;  // the calibration's real-article base rate
  long gold_spans = 0, pred_terms = 0;
  double span_p = 0, span_r = 0, span_f1 = 0;
};

Result<LoadedEvalResult> eval_loaded(const LoadedEvalOptions& opt);
void print_eval(const LoadedEvalResult& r, std::ostream& out);

}  // namespace framelens::terms
