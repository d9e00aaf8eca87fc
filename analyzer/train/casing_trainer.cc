#include "analyzer/train/casing_trainer.h"

#include "analyzer/text/document.h"
#include "analyzer/text/input_record.h"
#include "analyzer/text/line_reader.h"

namespace framelens {

Result<CasingTrainResult> train_casing(const std::string& data, const CasingOptions& opt) {
  CasingCounter counter;
  long texts = 0;
  Status st = for_each_jsonl_line(data, [&](std::string_view line, const std::string& where) -> Status {
    auto rec = parse_json_record(line, FieldMap{}, where);
    if (!rec) return rec.error();
    auto doc = make_document(rec->text, {}, /*lenient=*/true);
    if (!doc) return input_error(where + ": " + doc.error().message);
    counter.add(*doc);
    ++texts;
    return {};
  });
  if (!st) return st.error();
  CasingTrainResult r{counter.finish(opt), texts, counter.words_seen()};
  return r;
}

}  // namespace framelens
