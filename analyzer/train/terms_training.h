#pragma once
// What the terms trainers share (train/terms_trainer, sentence_ensemble_trainer,
// token_model_trainer): the training documents with their gold marks and their reader, the term
// evidence of a token range, and the standardisation of the dense feature blocks.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "analyzer/core/error.h"
#include "analyzer/ml/logreg.h"
#include "analyzer/terms/sentence_model.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/text/document.h"

namespace framelens::terms {

// Token marks from the gold spans.
enum Mark : uint8_t { kNone = 0, kLoaded = 1, kLabel = 2, kSkip = 3 };

// Gold spans longer than this many tokens are phrases or clauses, not terms: their tokens are
// left out of the term statistics (neither positive nor negative).
constexpr int kMaxTermTokens = 4;

struct TrainDoc {
  Document doc;
  std::vector<uint8_t> mark;
  int label = -1;  // 1 biased, 0 non-biased, -1 none
  int fold = -1;   // BABE train records only
  bool babe = false;
};

bool has_letter(const std::string& s);
Result<std::vector<TrainDoc>> load_docs(const std::string& path, bool babe, int folds, std::ostream& log);

// Evidence of the table's matches in tokens [a, b), with the score given by `score_of`.
template <class F>
void evidence_of(const Document& doc, const TermTable& table, int32_t a, int32_t b, F score_of,
                 std::vector<TermMatch>& ms, std::vector<TermEvidence>& ev) {
  ms.clear();
  table.match(doc.tokens, a, b, ms);
  ev.clear();
  for (const auto& m : ms) ev.push_back({score_of(m.entry), table.entries()[m.entry].category});
}

// Mean and inverse standard deviation of the examples' dense blocks (size dd); a constant
// component gets inverse 0, so it drops out.
void standardize_fit(const std::vector<Example>& ex, int dd, Eigen::VectorXf& mean, Eigen::VectorXf& inv_std);

}  // namespace framelens::terms
