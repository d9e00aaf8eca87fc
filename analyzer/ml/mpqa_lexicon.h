#pragma once
// The one reader of the MPQA subjectivity lexicon (subjclueslen1-HLTEMNLP05.tff, in the shared
// corpora's lexicons/ folder), used by the stance polarity lexicon and by the terms trainer's
// lexicon features. Each line is "key=value" pairs; two lines of the file are irregular, so the
// pairs are parsed defensively and lines without '=' pairs give an empty clue.
#include <functional>
#include <string>

#include "analyzer/core/error.h"

namespace framelens {

struct MpqaClue {
  std::string word;      // word1
  std::string type;      // "strongsubj" / "weaksubj"
  std::string polarity;  // priorpolarity (or polarity): positive, negative, both, neutral
  std::string stemmed;   // stemmed1: "y" when the clue matches its inflections
};

// Calls fn for every line of the file (also lines whose word is empty: the callers skip them).
Status for_each_mpqa_clue(const std::string& path, const std::function<void(const MpqaClue&)>& fn);

}  // namespace framelens
