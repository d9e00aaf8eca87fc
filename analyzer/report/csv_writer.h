#pragma once
// RFC 4180 CSV: comma separated, CRLF line ends, fields quoted when they hold a comma, quote, CR
// or LF (quotes doubled), UTF-8 without BOM, so pandas.read_csv and R's read.csv need no options.
// Rows are built into a std::string (cheap, no locks: workers format, one thread writes).
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/core/error.h"

namespace framelens {

class CsvRow {
 public:
  // excel_safe: text cells starting with = + - @ TAB or CR get a leading apostrophe so spreadsheets
  // show them as text instead of running them as formulas (numbers are written as numbers).
  explicit CsvRow(std::string& out, bool excel_safe = false) : out_(out), excel_safe_(excel_safe) {}
  CsvRow& text(std::string_view s);
  CsvRow& integer(int64_t v);
  CsvRow& number(double v);   // up to 6 decimals, trailing zeros trimmed; NaN/inf -> empty cell
  CsvRow& boolean(bool v);    // true / false
  CsvRow& empty();
  void end();                 // CRLF

 private:
  void sep();
  std::string& out_;
  bool excel_safe_;
  bool first_ = true;
};

// Appends a header row.
void csv_header(std::string& out, const std::vector<std::string_view>& names);

// Formats a number the way CsvRow::number does (shared by the text tables).
std::string format_number(double v);

// A file written under a temporary name ("NAME.part") and renamed to NAME by commit(), so readers
// never see a half-written table. Unbuffered by design of the caller: append() takes whole rows.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // truncate_to >= 0 reopens an existing part file and cuts it to that size (resume).
  Status open(const std::string& path, long long truncate_to = -1);
  Status append(std::string_view data);
  Status flush();             // fflush, so size() is on disk (checkpoints)
  long long size() const { return size_; }
  Status commit();            // flush, fsync-free close, rename part -> final
  const std::string& path() const { return path_; }
  std::string part_path() const { return path_ + ".part"; }

 private:
  std::FILE* f_ = nullptr;
  std::string path_;
  long long size_ = 0;
};

// Writes a whole file atomically (temp + rename).
Status write_file_atomic(const std::string& path, std::string_view data);

}  // namespace framelens
