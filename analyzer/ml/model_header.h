#pragma once
// Shared pieces of the model files: the header the hashed per-mention models (stance, roles) start
// with (8-byte magic, version, hash bits; one reader so every such file gives the same clear errors
// when it is not ours, truncated, from another version, or implausible) and raw field put/get.
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>

#include "analyzer/core/error.h"

namespace framelens {

struct HashedModelHeader {
  const char* magic;   // 8 bytes
  uint32_t version;    // written by write_hashed_model_header
  const char* what;    // "stance model", for messages
  uint32_t min_version = 0;  // oldest version the reader still accepts (0: only `version`)
};

void write_hashed_model_header(std::ostream& os, const HashedModelHeader& h, uint32_t hash_bits);
// Returns the hash bits (checked to lie in [10, 24]); the file's version (in [min_version,
// version]) goes to `version` when given.
Result<uint32_t> read_hashed_model_header(std::istream& is, const HashedModelHeader& h, const std::string& path,
                                          uint32_t* version = nullptr);

// Raw little-endian fields of the model files (written and read on the same kind of machine).
template <class T>
void put(std::ostream& os, T v) {
  os.write(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
bool get(std::istream& is, T& v) {
  return static_cast<bool>(is.read(reinterpret_cast<char*>(&v), sizeof v));
}

}  // namespace framelens
