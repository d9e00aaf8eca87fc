// libFuzzer target: the JSON / JSON Lines record reader (one record per line, as batch reads them).
// Also the fast scanner's oracle: whenever it accepts a line, its record must equal the full
// parser's (abort otherwise, so the fuzzer reports the input).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analyzer/text/input_record.h"
#include "analyzer/text/json_record_scanner.h"

using namespace framelens;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  long line = 0;
  while (start <= all.size()) {
    size_t nl = all.find('\n', start);
    std::string_view l = all.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    ++line;
    auto r = parse_json_record(l, FieldMap{}, "fuzz:" + std::to_string(line));
    if (r) (void)r->text.size();
    InputRecord fast;
    if (scan_json_record(l, FieldMap{}, fast)) {
      auto full = parse_json_record_full(l, FieldMap{}, "fuzz");
      if (!full || full->text != fast.text || full->meta.id != fast.meta.id || full->meta.title != fast.meta.title ||
          full->meta.outlet != fast.meta.outlet || full->meta.date != fast.meta.date || full->meta.url != fast.meta.url)
        std::abort();
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return 0;
}
