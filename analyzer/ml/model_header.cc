#include "analyzer/ml/model_header.h"

#include <cstring>
#include <istream>
#include <ostream>

namespace framelens {

void write_hashed_model_header(std::ostream& os, const HashedModelHeader& h, uint32_t hash_bits) {
  os.write(h.magic, 8);
  os.write(reinterpret_cast<const char*>(&h.version), 4);
  os.write(reinterpret_cast<const char*>(&hash_bits), 4);
}

Result<uint32_t> read_hashed_model_header(std::istream& is, const HashedModelHeader& h, const std::string& path,
                                          uint32_t* version_out) {
  char magic[8];
  uint32_t version = 0, bits = 0;
  is.read(magic, sizeof magic);
  if (!is || std::memcmp(magic, h.magic, sizeof magic) != 0)
    return model_error(path + ": not a framelens " + h.what);
  is.read(reinterpret_cast<char*>(&version), 4);
  is.read(reinterpret_cast<char*>(&bits), 4);
  if (!is) return model_error(path + ": truncated " + h.what + " header");
  const uint32_t oldest = h.min_version != 0 ? h.min_version : h.version;
  if (version < oldest || version > h.version)
    return model_error(path + ": unsupported " + h.what + " version " + std::to_string(version));
  if (bits < 10 || bits > 24) return model_error(path + ": implausible hash size");
  if (version_out) *version_out = version;
  return bits;
}

}  // namespace framelens
