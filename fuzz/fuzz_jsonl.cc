// libFuzzer target: the JSON Lines path of `batch` (BatchInputs -> LineReader -> parse_json_record)
// on a file of arbitrary bytes named *.jsonl.gz, so both zlib's transparent (plain) mode and real
// gzip input are read, including truncated and corrupt streams and the gzip-trailer size guess.
// The same bytes are then gzip-compressed and read again: a plain input must yield the same lines
// whether or not it was compressed.
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/cli/batch_inputs.h"
#include "analyzer/text/input_record.h"

using namespace framelens;

namespace {

std::string temp_path(const char* suffix) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/framelens-fuzz-" + std::to_string(getpid()) + suffix;
}

void write_plain(const std::string& path, std::string_view bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) std::abort();
  if (std::fclose(f) != 0) std::abort();
}

void write_gzip(const std::string& path, std::string_view bytes) {
  gzFile f = gzopen(path.c_str(), "wb1");
  if (!f) std::abort();
  if (!bytes.empty() && gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())) !=
                            static_cast<int>(bytes.size())) {
    std::abort();
  }
  if (gzclose(f) != Z_OK) std::abort();
}

// Reads `path` the way batch does; returns the record lines and whether a read error was reported.
std::vector<std::string> read_records(const std::string& path, bool& had_error) {
  had_error = false;
  std::vector<std::string> lines;
  auto in = BatchInputs::open({path});
  if (!in) std::abort();  // the file exists, so opening the list cannot fail
  BatchItem item;
  while ((*in)->next(item)) {
    if (item.kind != BatchItem::Kind::JsonLine) std::abort();
    if (!item.error.empty()) { had_error = true; continue; }
    auto r = parse_json_record(item.payload, FieldMap{}, item.source);
    if (r) {
      for (const auto& t : r->targets) {
        if (t.start < 0 || t.end < t.start) std::abort();
      }
    } else if (r.error().message.empty()) {
      std::abort();  // every rejection must say why
    }
    lines.push_back(std::move(item.payload));
  }
  return lines;
}

const std::string& plain_path() {  // arbitrary bytes, maybe gzip
  static const std::string p = temp_path(".jsonl.gz");
  return p;
}
const std::string& packed_path() {  // the same bytes, gzip-compressed
  static const std::string p = temp_path("-z.jsonl.gz");
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::atexit([] {
    std::remove(plain_path().c_str());
    std::remove(packed_path().c_str());
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& plain = plain_path();
  const std::string& packed = packed_path();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  write_plain(plain, bytes);
  bool plain_error = false;
  const auto plain_lines = read_records(plain, plain_error);

  write_gzip(packed, bytes);
  bool packed_error = false;
  const auto packed_lines = read_records(packed, packed_error);
  if (packed_error) std::abort();  // a stream zlib just wrote must read back cleanly

  // Bytes that do not start with the gzip magic are read as plain text: compressing them must not
  // change a single line.
  const bool looks_gzip = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
  if (!looks_gzip && (plain_error || plain_lines != packed_lines)) std::abort();
  return 0;
}
