#pragma once
// SHA-256 (FIPS 180-4) of byte strings and files, for the provenance record: the checksums it gives
// for model files are the ones `sha256sum` prints.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyzer/core/error.h"

namespace framelens {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  // The digest as 64 lower-case hex digits; the object is spent afterwards.
  std::string hex_digest();

 private:
  void block(const unsigned char* p);
  std::array<uint32_t, 8> h_;
  std::array<unsigned char, 64> buf_{};
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

std::string sha256_hex(std::string_view data);
[[nodiscard]] Result<std::string> sha256_file(const std::string& path);

}  // namespace framelens
