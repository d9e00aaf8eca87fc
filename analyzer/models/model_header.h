#pragma once
// The header the hashed per-mention models (stance, roles) start with: 8-byte magic, version,
// hash bits. One reader so every such file gives the same clear errors when it is not ours,
// truncated, from another version, or implausible.
#include <cstdint>
#include <iosfwd>
#include <string>

#include "analyzer/core/error.h"

namespace framelens {

struct HashedModelHeader {
  const char* magic;   // 8 bytes
  uint32_t version;
  const char* what;    // "stance model", for messages
};

void write_hashed_model_header(std::ostream& os, const HashedModelHeader& h, uint32_t hash_bits);
// Returns the hash bits (checked to lie in [10, 24]).
Result<uint32_t> read_hashed_model_header(std::istream& is, const HashedModelHeader& h, const std::string& path);

}  // namespace framelens
