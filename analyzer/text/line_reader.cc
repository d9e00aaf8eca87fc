#include "analyzer/text/line_reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <zlib.h>

namespace framelens {

LineReader::~LineReader() {
  if (gz_) gzclose(static_cast<gzFile>(gz_));
}

Status LineReader::open(const std::string& path) {
  name_ = path == "-" ? "<stdin>" : path;
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    return input_error(path + ": is a directory, expected a JSON Lines file");
  }
  gzFile f = path == "-" ? gzdopen(0, "rb") : gzopen(path.c_str(), "rb");
  if (!f) return input_error(name_ + ": cannot open (" + std::string(std::strerror(errno)) + ")");
  gzbuffer(f, 1 << 18);
  gz_ = f;
  return {};
}

bool LineReader::next(std::string& line) {
  line.clear();
  auto* f = static_cast<gzFile>(gz_);
  if (!f) return false;
  for (;;) {
    if (pos_ < buf_.size()) {
      size_t nl = buf_.find('\n', pos_);
      if (nl != std::string::npos) {
        line.append(buf_, pos_, nl - pos_);
        pos_ = nl + 1;
        ++line_no_;
        return true;
      }
      line.append(buf_, pos_, std::string::npos);
      pos_ = buf_.size();
    }
    if (eof_) {
      if (!line.empty()) { ++line_no_; return true; }
      return false;
    }
    buf_.resize(1 << 18);
    int got = gzread(f, buf_.data(), static_cast<unsigned>(buf_.size()));
    if (got < 0) {
      int errnum = 0;
      const char* msg = gzerror(f, &errnum);
      error_ = name_ + ":" + std::to_string(line_no_ + 1) + ": read error (" + (msg ? msg : "?") + ")";
      buf_.clear();
      pos_ = 0;
      eof_ = true;
      continue;
    }
    buf_.resize(static_cast<size_t>(got));
    pos_ = 0;
    if (got == 0) {
      eof_ = true;
      int errnum = 0;
      const char* msg = gzerror(f, &errnum);
      // zlib reports a truncated stream as Z_BUF_ERROR at the end of input.
      if (errnum != Z_OK && errnum != Z_STREAM_END) {
        error_ = name_ + ":" + std::to_string(line_no_ + 1) + ": " + (msg ? msg : "read error") +
                 " (truncated or corrupt gzip?)";
      }
    }
  }
}

Status for_each_jsonl_line(const std::string& path,
                           const std::function<Status(std::string_view line, const std::string& where)>& fn) {
  LineReader reader;
  if (Status st = reader.open(path); !st) return st;
  std::string line;
  while (reader.next(line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (Status st = fn(line, path + ":" + std::to_string(reader.line_number())); !st) return st;
  }
  if (!reader.error().empty()) return input_error(reader.error());
  return {};
}

}  // namespace framelens
