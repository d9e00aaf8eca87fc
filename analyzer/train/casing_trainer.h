#pragma once
// `framelens train casing`: counts, over a JSONL(.gz) corpus (AllSides train by default), how
// often each word is written in lower case away from sentence starts (actors/casing_table.h's
// CasingCounter) and keeps the words that mostly are.
#include <cstddef>
#include <string>

#include "analyzer/actors/casing_table.h"
#include "analyzer/core/error.h"

namespace framelens {

struct CasingTrainResult {
  CasingTable table;
  long texts = 0;          // records read
  size_t words_seen = 0;   // distinct words counted
};

Result<CasingTrainResult> train_casing(const std::string& data, const CasingOptions& opt);

}  // namespace framelens
