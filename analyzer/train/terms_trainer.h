#pragma once
// `framelens train loaded`: learns the term table and the sentence bias model from the shared
// corpora (BABE biased words and sentence labels, PTC Loaded_Language / Name_Calling spans, the MPQA
// and Bing Liu lexicons as features, fastText vectors trained on AllSides text).
#include <iosfwd>
#include <string>

#include "analyzer/core/error.h"

namespace framelens::terms {

class WordVectors;

struct LoadedTrainOptions {
  std::string data_dir;           // the shared corpora folder
  std::string out_dir;            // writes terms.tsv and sentence.bin here
  std::string vectors;            // an existing fastText .bin to reuse instead of training one
  std::string save_vectors;       // also keep the trained fastText .bin here (for reuse)
  // Reuse the word vectors stored in an existing sentence.bin (the quantised table the trainer keeps
  // anyway), so a retrained model keeps the shipped vectors and term prior.
  std::string vectors_from_model;
  // Pretrained vectors already mapped into the project format (--pretrained-vectors): used as they
  // are instead of training vectors. Not owned.
  const WordVectors* pretrained = nullptr;
  bool use_vectors = true;
  int vector_dim = 100;
  int vector_epoch = 5;
  int vector_min_count = 5;
  int vector_max_words = 40000;   // most frequent words kept in the shipped table
  size_t vector_text_mb = 80;     // AllSides text used to train the vectors
  int threads = 2;
  int hash_bits = 18;
  int folds = 5;
  double smoothing = 4.0;         // pseudo-occurrences of the prior in a term's score
  double store_min = 0.15;        // terms scoring below this are not written to the table
  int iterations = 300;
  std::string l2_grid = "3e-5,1e-4,3e-4";  // sparse L2 values tried by cross-validation
  double l2_dense = 1e-3;
  unsigned seed = 7;
  // Word-in-context token model (token_model.h): trained on BABE biased words, its max / top-2 mean
  // / count >= 0.5 over a sentence's words become sentence features (out-of-fold for training rows).
  bool token_model = false;
  double token_l2 = 1e-4;     // its sparse L2 (dense: l2_dense)
  int token_hash_bits = 18;   // its hashed feature space 2^N
  std::string oof_out;        // writes BABE train rows' out-of-fold probabilities here (error analysis)
  // Open vocabulary (train/open_vocabulary.h): words never seen in BABE/PTC train, accepted by a
  // model of lexicon, morphology and vector-neighbourhood evidence, enter the table flagged `open`.
  bool open_vocabulary = true;
  double open_precision = 0.6;  // out-of-fold precision its decision threshold keeps
  std::string open_out;         // writes the accepted open-vocabulary words (word, p, evidence) here
  // Sentence prior calibration (train/prior_em.h): EM estimate of the biased-sentence base rate on
  // the body sentences of the first N AllSides train articles; 0 = none (no calibration.tsv).
  size_t calibrate_articles = 2000;
  // Sentence ensemble: a fastText supervised classifier (exported as a PooledClassifier) stacked with
  // the linear model; written to sentence_pooled.bin. Off by default: on BABE it gained only noise
  // (train CV +0.002, see models/loaded.md), so the shipped model is the linear one.
  bool pooled = false;
  bool pooled_vectors = true;  // initialise it with the AllSides vectors (its dim is then vector_dim)
  bool pooled_ptc = false;     // add PTC train sentences with a Loaded_Language/Name_Calling span as positives
  int pooled_dim = 50;         // used without vectors
  int pooled_epoch = 25;
  double pooled_lr = 0.5;
  int pooled_ngrams = 2;
  int pooled_maxn = 5;         // char n-grams 3..maxn (0: none)
  int pooled_bucket = 1 << 19;
};

Status train_loaded(const LoadedTrainOptions& opt, std::ostream& log);

}  // namespace framelens::terms
