#pragma once
// Labelled JSON Lines corpora for training and evaluating the article models (AllSides leaning,
// SemEval frames, narrative frames). Reads the record like `framelens batch` does (text, id, title,
// outlet) plus one label field: a string ("bias": "left") or a list ("frames": [...]).
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/input_record.h"

namespace framelens {

struct LabelledRecord {
  InputRecord record;
  std::vector<std::string> labels;  // one entry for a string field, all entries for a list
};

Result<std::vector<LabelledRecord>> read_labelled_jsonl(const std::string& path, const std::string& label_field);

// The label normalisation of the official scorer: lower case, space and hyphen -> '_'.
std::string normalize_label(const std::string& label);

}  // namespace framelens
