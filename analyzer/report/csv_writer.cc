#include "analyzer/report/csv_writer.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>

#include <unistd.h>

namespace framelens {

void CsvRow::sep() {
  if (!first_) out_.push_back(',');
  first_ = false;
}

CsvRow& CsvRow::text(std::string_view s) {
  sep();
  const bool formula = excel_safe_ && !s.empty() &&
                       (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
  bool quote = formula;  // quoted too, so the apostrophe is plainly part of the text
  for (char c : s) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    out_.append(s);
    return *this;
  }
  out_.push_back('"');
  if (formula) out_.push_back('\'');
  for (char c : s) {
    if (c == '"') out_.push_back('"');
    out_.push_back(c);
  }
  out_.push_back('"');
  return *this;
}

CsvRow& CsvRow::integer(int64_t v) {
  sep();
  out_ += std::to_string(v);
  return *this;
}

std::string format_number(double v) {
  if (!std::isfinite(v)) return "";
  char b[64];
  int n = std::snprintf(b, sizeof b, "%.6f", v);
  if (n <= 0 || n >= static_cast<int>(sizeof b)) {
    std::snprintf(b, sizeof b, "%.6g", v);
    return b;
  }
  std::string s(b, static_cast<size_t>(n));
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

CsvRow& CsvRow::number(double v) {
  sep();
  out_ += format_number(v);
  return *this;
}

CsvRow& CsvRow::boolean(bool v) {
  sep();
  out_ += v ? "TRUE" : "FALSE";  // what R read.csv and pandas both read as logical/bool
  return *this;
}

CsvRow& CsvRow::empty() {
  sep();
  return *this;
}

void CsvRow::end() {
  out_ += "\r\n";
  first_ = true;
}

void csv_header(std::string& out, const std::vector<std::string_view>& names) {
  CsvRow r(out);
  for (auto n : names) r.text(n);
  r.end();
}

AtomicFile::~AtomicFile() {
  if (f_) std::fclose(f_);  // not committed: the .part file stays for --resume
}

Status AtomicFile::open(const std::string& path, long long truncate_to) {
  path_ = path;
  const std::string part = part_path();
  if (truncate_to >= 0) {
    std::error_code ec;
    std::filesystem::resize_file(part, static_cast<uintmax_t>(truncate_to), ec);
    if (ec) return internal_error(part + ": cannot resume (" + ec.message() + ")");
    f_ = std::fopen(part.c_str(), "ab");
    size_ = truncate_to;
  } else {
    f_ = std::fopen(part.c_str(), "wb");
    size_ = 0;
  }
  if (!f_) return internal_error(part + ": cannot open for writing (" + std::strerror(errno) + ")");
  std::setvbuf(f_, nullptr, _IOFBF, 1 << 18);
  return {};
}

Status AtomicFile::append(std::string_view data) {
  if (!f_) return internal_error(path_ + ": not open");
  if (!data.empty() && std::fwrite(data.data(), 1, data.size(), f_) != data.size()) {
    return internal_error(part_path() + ": write failed (" + std::strerror(errno) + ")");
  }
  size_ += static_cast<long long>(data.size());
  return {};
}

Status AtomicFile::flush() {
  if (f_ && std::fflush(f_) != 0) return internal_error(part_path() + ": write failed (" + std::strerror(errno) + ")");
  return {};
}

Status AtomicFile::commit() {
  if (!f_) return internal_error(path_ + ": not open");
  const bool bad = std::fflush(f_) != 0 || std::ferror(f_);
  const bool close_failed = std::fclose(f_) != 0;
  f_ = nullptr;
  if (bad || close_failed) return internal_error(part_path() + ": write failed (" + std::strerror(errno) + ")");
  if (std::rename(part_path().c_str(), path_.c_str()) != 0) {
    return internal_error(path_ + ": cannot rename from .part (" + std::strerror(errno) + ")");
  }
  return {};
}

Status write_file_atomic(const std::string& path, std::string_view data) {
  AtomicFile f;
  if (auto st = f.open(path); !st) return st;
  if (auto st = f.append(data); !st) return st;
  return f.commit();
}

}  // namespace framelens
