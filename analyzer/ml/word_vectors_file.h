#pragma once
// The shared word-vector file models/vectors/words.bin (`framelens train vectors`): a framed
// terms::WordVectors table. Layout:
//   "FLWORDV1", uint32 version, int32 dim, int32 words, uint64 payload bytes, uint64 payload
//   checksum (FNV-1a), [v2: uint64 StreamChecksum of the payload seeded with that checksum], then
//   the WordVectors payload.
// The sizes are checked against the file before anything is allocated, and the table is parsed
// and checksummed in one pass and handed out only when the checksum matches, so a truncated or
// corrupt file is a model error, never a crash or a silent garbage table. The FNV-1a checksum
// also identifies the vector space: models trained on top of the vectors (stance) store it and
// refuse a words.bin retrained since. Version 1 files are verified with it (a byte-wise hash, a
// tenth of the model load time); version 2 files with the word-wise StreamChecksum.
#include <cstdint>
#include <memory>
#include <string>

#include "analyzer/core/error.h"
#include "analyzer/ml/word_vectors.h"

namespace framelens {

// Relative to the models folder.
constexpr const char* kWordVectorsFile = "vectors/words.bin";

struct LoadedWordVectors {
  std::shared_ptr<const terms::WordVectors> vectors;
  uint64_t checksum = 0;
};

// Writes `wv`; returns the payload checksum through `checksum` when given.
Status save_word_vectors(const terms::WordVectors& wv, const std::string& path, uint64_t* checksum = nullptr);
Result<LoadedWordVectors> load_word_vectors(const std::string& path);
// Rewrites the file at `path` in the current version (`framelens train vectors --upgrade`): the
// same payload, so the same identity checksum. No training.
Status upgrade_word_vectors(const std::string& path);

}  // namespace framelens
