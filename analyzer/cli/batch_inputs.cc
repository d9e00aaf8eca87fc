#include "analyzer/cli/batch_inputs.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace framelens {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

bool is_record_file(const std::string& p) {
  for (auto e : {".txt", ".json", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"}) {
    if (ends_with(p, e)) return true;
  }
  return false;
}

// gzip stores the uncompressed size modulo 2^32 in its last four bytes (little endian).
long long approx_size(const std::string& path) {
  std::error_code ec;
  const auto size = static_cast<long long>(fs::file_size(path, ec));
  if (ec) return 0;
  if (!ends_with(path, ".gz") || size < 18) return size;
  std::ifstream in(path, std::ios::binary);
  in.seekg(-4, std::ios::end);
  unsigned char b[4] = {0, 0, 0, 0};
  in.read(reinterpret_cast<char*>(b), 4);
  const long long isize = b[0] | (b[1] << 8) | (b[2] << 16) | (static_cast<long long>(b[3]) << 24);
  return std::max(isize, size);
}

}  // namespace

Result<std::unique_ptr<BatchInputs>> BatchInputs::open(const std::vector<std::string>& paths) {
  auto in = std::make_unique<BatchInputs>();
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_record_file(it->path().string())) found.push_back(it->path().string());
      }
      if (ec) return input_error(p + ": cannot list folder (" + ec.message() + ")");
      std::sort(found.begin(), found.end());
      in->files_.insert(in->files_.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      in->files_.push_back(p);
    } else {
      return input_error(p + ": no such file or folder");
    }
  }
  for (const auto& f : in->files_) in->total_bytes_ += approx_size(f);
  return in;
}

std::string BatchInputs::signature() const {
  // FNV-1a over absolute paths and sizes: a changed input list refuses to resume.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](const std::string& s) {
    for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
    h ^= 0xff; h *= 1099511628211ull;
  };
  for (const auto& f : files_) {
    std::error_code ec;
    mix(fs::absolute(f, ec).string());
    mix(std::to_string(fs::file_size(f, ec)));
  }
  char b[17];
  std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(h));
  return b;
}

bool BatchInputs::next(BatchItem& item) {
  for (;;) {
    item.error.clear();
    if (reader_) {
      while (reader_->next(line_)) {
        consumed_bytes_ += static_cast<long long>(line_.size()) + 1;
        size_t k = 0;
        while (k < line_.size() && (line_[k] == ' ' || line_[k] == '\t' || line_[k] == '\r')) ++k;
        if (k == line_.size()) continue;  // blank lines are not records
        item.kind = BatchItem::Kind::JsonLine;
        item.source = reader_->name() + ":" + std::to_string(reader_->line_number());
        item.payload.swap(line_);
        return true;
      }
      const std::string err = reader_->error();
      reader_.reset();
      if (!err.empty()) {
        item.kind = BatchItem::Kind::JsonLine;
        item.source = err.substr(0, err.find(": "));
        item.payload.clear();
        item.error = err;
        return true;
      }
    }
    if (next_file_ >= files_.size()) return false;
    const std::string& f = files_[next_file_++];
    if (ends_with(f, ".txt") || ends_with(f, ".json")) {
      consumed_bytes_ += approx_size(f);
      item.kind = ends_with(f, ".txt") ? BatchItem::Kind::TextFile : BatchItem::Kind::JsonFile;
      item.source = f;
      item.payload = f;
      return true;
    }
    reader_ = std::make_unique<LineReader>();
    if (auto st = reader_->open(f); !st) {
      reader_.reset();
      item.kind = BatchItem::Kind::JsonLine;
      item.source = f;
      item.payload.clear();
      item.error = st.error().message;
      return true;
    }
  }
}

}  // namespace framelens
