#include "analyzer/ml/word_vectors_file.h"

#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <vector>
#include <algorithm>

#include "analyzer/core/stream_checksum.h"
#include "analyzer/ml/hashing.h"
#include "analyzer/ml/model_header.h"

namespace framelens {

namespace {

constexpr char kMagic[8] = {'F', 'L', 'W', 'O', 'R', 'D', 'V', '1'};
// v2 = v1 + a fast integrity checksum of the payload (StreamChecksum seeded with the identity
// checksum) after the identity checksum, so loading need not recompute the byte-wise FNV-1a.
constexpr uint32_t kVersion = 2;
constexpr uint32_t kOldestVersion = 1;
constexpr size_t header_bytes(uint32_t version) { return 8 + 4 + 4 + 4 + 8 + 8 + (version >= 2 ? 8 : 0); }
constexpr int32_t kMaxDim = 1024;
constexpr int32_t kMaxWords = 2'000'000;


// Bytes of a WordVectors payload with `n` words of dimension `dim`, excluding the word strings
// (at most 256 bytes each).
uint64_t fixed_payload_bytes(int32_t dim, int32_t n) {
  return 8 + uint64_t(n) * (8 + 4 + uint64_t(dim));
}

}  // namespace

Status save_word_vectors(const terms::WordVectors& wv, const std::string& path, uint64_t* checksum) {
  std::ostringstream payload;
  wv.write(payload);
  const std::string bytes = payload.str();
  const uint64_t sum = fnv1a64(bytes);
  StreamChecksum check(sum);
  check.update(bytes);
  std::ofstream os(path, std::ios::binary);
  if (!os) return internal_error("cannot write " + path);
  os.write(kMagic, 8);
  put(os, kVersion);
  put(os, static_cast<int32_t>(wv.dim()));
  put(os, static_cast<int32_t>(wv.size()));
  put(os, static_cast<uint64_t>(bytes.size()));
  put(os, sum);
  put(os, check.value());
  os.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  os.flush();
  if (!os) return internal_error("write failed: " + path);
  if (checksum) *checksum = sum;
  return {};
}

Result<LoadedWordVectors> load_word_vectors(const std::string& path) {
  std::error_code ec;
  const auto file_bytes = std::filesystem::file_size(path, ec);
  std::ifstream is(path, std::ios::binary);
  if (ec || !is) return model_error("cannot read word vectors " + path);
  char magic[8];
  if (!is.read(magic, 8) || std::memcmp(magic, kMagic, 8) != 0)
    return model_error(path + ": not a framelens word-vector file");
  uint32_t version = 0;
  int32_t dim = 0, n = 0;
  uint64_t size = 0, sum = 0, check = 0;
  if (!get(is, version) || !get(is, dim) || !get(is, n) || !get(is, size) || !get(is, sum))
    return model_error(path + ": truncated word-vector header");
  if (version < kOldestVersion || version > kVersion)
    return model_error(path + ": unsupported word-vector version " + std::to_string(version));
  if (version >= 2 && !get(is, check)) return model_error(path + ": truncated word-vector header");
  if (dim <= 0 || dim > kMaxDim || n < 0 || n > kMaxWords)
    return model_error(path + ": implausible word-vector shape");
  const uint64_t fixed = fixed_payload_bytes(dim, n);
  if (size < fixed + uint64_t(n) || size > fixed + uint64_t(n) * 256)
    return model_error(path + ": word-vector payload size does not match its shape");
  if (file_bytes != header_bytes(version) + size)
    return model_error(path + ": word-vector file is truncated or has trailing bytes");
  // One pass: the table is parsed from the payload while the payload's checksum is computed, and
  // is handed out only when the checksum matches (the sizes above were checked before anything
  // was allocated, and every read below is bounded by them and by the stream).
  const auto payload_at = is.tellg();
  int32_t payload_dim = 0, payload_n = 0;  // must match the header before the table allocates
  if (!get(is, payload_dim) || !get(is, payload_n) || payload_dim != dim || payload_n != n || !is.seekg(payload_at))
    return model_error(path + ": corrupt word-vector table");
  // v1: the payload's byte-wise FNV-1a must be the stored identity checksum; v2: the fast checksum
  // (which also covers the identity checksum, its seed) must match.
  auto wv = std::make_shared<terms::WordVectors>();
  uint64_t fnv = kFnv1a64Basis;
  StreamChecksum fast(sum);
  std::function<void(std::string_view)> seen;
  if (version >= 2) seen = [&](std::string_view b) { fast.update(b); };
  else seen = [&](std::string_view b) { fnv = fnv1a64_continue(fnv, b); };
  if (!wv->read(is, seen)) return model_error(path + ": truncated or corrupt word vectors");
  if (static_cast<uint64_t>(is.tellg() - payload_at) != size)
    return model_error(path + ": word-vector payload size does not match its table");
  if (version >= 2 ? fast.value() != check : fnv != sum)
    return model_error(path + ": word-vector checksum mismatch (corrupt file)");
  if (wv->dim() != dim || static_cast<int32_t>(wv->size()) != n) return model_error(path + ": corrupt word-vector table");
  return LoadedWordVectors{std::move(wv), sum};
}

Status upgrade_word_vectors(const std::string& path) {
  auto wv = load_word_vectors(path);
  if (!wv) return wv.error();
  uint64_t sum = 0;
  if (Status s = save_word_vectors(*wv->vectors, path, &sum); !s) return s;
  if (sum != wv->checksum) return internal_error(path + ": rewritten payload differs from the original");
  return {};
}

}  // namespace framelens
