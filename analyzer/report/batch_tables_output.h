#pragma once
// The output folder of `batch --out DIR`. Every file is written as NAME.part and renamed when the
// run completes, so an interrupted batch never leaves a half-written table. After each chunk a
// checkpoint (DIR/.framelens-batch.checkpoint) records how many input records were consumed and
// the size of every part file; `--resume` cuts the parts back to those sizes, rebuilds the outlet
// accumulators from articles.jsonl.part and continues after the last consumed record.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/report/batch_tables.h"
#include "analyzer/report/csv_writer.h"
#include "analyzer/report/outlet_stats.h"
#include "analyzer/report/stories.h"

namespace framelens {

struct BatchCounts {
  long long read = 0, written = 0, skipped = 0;
};

class BatchOutput {
 public:
  // Parts: the five per-article CSVs, articles.jsonl, and the article views for report.html.
  static constexpr int kParts = kBatchTableCount + 3;
  static constexpr int kJsonlPart = kBatchTableCount;
  static constexpr int kViewsPart = kBatchTableCount + 1;
  static constexpr int kStoriesPart = kBatchTableCount + 2;  // stories.csv (stories.h)

  // `signature` names the inputs and options; --resume refuses a checkpoint from other inputs.
  // With resume, `counts` and `stats` are restored from the checkpoint and articles.jsonl.part.
  // `kept`: the --keep-fields names (extra articles.csv columns). On resume, `stories` (when not
  // null) is rebuilt from articles.jsonl.part too (its closed stories are already in stories.csv).
  Status open(const std::string& dir, bool resume, const std::string& signature, BatchCounts& counts,
              GroupStats& stats, const std::vector<std::string>& kept = {}, StoryGrouper* stories = nullptr);
  Status append(int part, std::string_view data) { return parts_[part].append(data); }
  // Number of article views already in the report (bounded by the caller).
  long long views() const { return views_; }
  void count_view() { ++views_; }
  Status checkpoint(const BatchCounts& counts);
  // Writes outlets.csv, outlet_actor_stance.csv and report.html, renames every part, removes the
  // checkpoint. `report_html(views)` builds the page around the collected article views.
  // `run_json` (the provenance record, provenance.h) becomes DIR/run.json when not empty.
  Status finish(const GroupStats& stats, bool excel_safe, const std::string& report_html,
                const std::string& run_json = "");
  // The collected article view fragments (read back from their part file).
  Result<std::string> article_views();

  const std::string& dir() const { return dir_; }
  static std::string checkpoint_path(const std::string& dir);

 private:
  std::string dir_, signature_;
  std::array<AtomicFile, kParts> parts_;
  long long views_ = 0;
};

}  // namespace framelens
