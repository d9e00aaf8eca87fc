#include "analyzer/report/batch_tables_output.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/text/input_record.h"
#include "analyzer/text/line_reader.h"

namespace framelens {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMagic = "framelens-batch-checkpoint 1";
constexpr const char* kViewsFile = ".report-articles.html";

std::string part_name(int i) {
  if (i < kBatchTableCount) return std::string(kBatchTableFiles[i]);
  if (i == BatchOutput::kStoriesPart) return "stories.csv";
  return i == BatchOutput::kJsonlPart ? "articles.jsonl" : kViewsFile;
}

struct Checkpoint {
  std::string signature;
  BatchCounts counts;
  long long views = 0;
  std::array<long long, BatchOutput::kParts> sizes{};
};

Result<Checkpoint> read_checkpoint(const std::string& path) {
  std::ifstream in(path);
  if (!in) return usage_error("--resume: no checkpoint in the output folder (" + path + ")");
  Checkpoint c;
  std::string magic, key;
  std::getline(in, magic);
  if (magic != kMagic) return input_error(path + ": not a framelens batch checkpoint");
  while (in >> key) {
    if (key == "signature") in >> c.signature;
    else if (key == "read") in >> c.counts.read;
    else if (key == "written") in >> c.counts.written;
    else if (key == "skipped") in >> c.counts.skipped;
    else if (key == "views") in >> c.views;
    else if (key == "sizes") {
      for (auto& s : c.sizes) in >> s;
    } else {
      return input_error(path + ": unknown checkpoint entry '" + key + "'");
    }
  }
  if (in.bad() || c.signature.empty()) return input_error(path + ": truncated checkpoint");
  return c;
}

// Replays the articles already written so the outlet tables cover the whole corpus after a resume.
Status replay_jsonl(const std::string& path, GroupStats& stats, StoryGrouper* stories) {
  LineReader r;
  if (auto st = r.open(path); !st) return st;
  std::string line;
  while (r.next(line)) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception&) {
      return input_error(path + ":" + std::to_string(r.line_number()) + ": invalid JSON in resumed output");
    }
    if (j.contains("error")) continue;
    auto f = figures_from_json(j);
    if (!f) return input_error(path + ":" + std::to_string(r.line_number()) + ": " + f.error().message);
    if (auto st = stats.add(*f); !st) return st;
    if (stories) {
      std::string discard;  // stories closed before the checkpoint are in stories.csv.part already
      stories->add(story_article_from_json(j, article_key_of(f->meta, "")), discard);
    }
  }
  if (!r.error().empty()) return input_error(r.error());
  return {};
}

}  // namespace

std::string BatchOutput::checkpoint_path(const std::string& dir) {
  return (fs::path(dir) / ".framelens-batch.checkpoint").string();
}

Status BatchOutput::open(const std::string& dir, bool resume, const std::string& signature, BatchCounts& counts,
                         GroupStats& stats, const std::vector<std::string>& kept, StoryGrouper* stories) {
  dir_ = dir;
  signature_ = signature;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) return internal_error(dir + ": cannot create output folder (" + ec.message() + ")");
  if (resume) {
    auto c = read_checkpoint(checkpoint_path(dir));
    if (!c) return c.error();
    if (c->signature != signature) {
      return usage_error("--resume: " + dir + " was started with other inputs or options; rerun without --resume");
    }
    for (int i = 0; i < kParts; ++i) {
      if (auto st = parts_[i].open((fs::path(dir) / part_name(i)).string(), c->sizes[i]); !st) return st;
    }
    counts = c->counts;
    views_ = c->views;
    return replay_jsonl(parts_[kJsonlPart].part_path(), stats, stories);
  }
  for (int i = 0; i < kParts; ++i) {
    if (auto st = parts_[i].open((fs::path(dir) / part_name(i)).string()); !st) return st;
    if (i < kBatchTableCount) {
      if (auto st = parts_[i].append(batch_table_header(static_cast<BatchTable>(i), kept)); !st) return st;
    }
    if (i == kStoriesPart) {
      if (auto st = parts_[i].append(StoryGrouper::csv_header()); !st) return st;
    }
  }
  return checkpoint(counts);
}

Status BatchOutput::checkpoint(const BatchCounts& counts) {
  std::ostringstream o;
  o << kMagic << "\nsignature " << signature_ << "\nread " << counts.read << "\nwritten " << counts.written
    << "\nskipped " << counts.skipped << "\nviews " << views_ << "\nsizes";
  for (auto& p : parts_) {
    if (auto st = p.flush(); !st) return st;
    o << ' ' << p.size();
  }
  o << "\n";
  return write_file_atomic(checkpoint_path(dir_), o.str());
}

Result<std::string> BatchOutput::article_views() {
  if (auto st = parts_[kViewsPart].flush(); !st) return st.error();
  return read_file_bytes(parts_[kViewsPart].part_path());
}

Status BatchOutput::finish(const GroupStats& stats, bool excel_safe, const std::string& report_html,
                           const std::string& run_json) {
  const fs::path d(dir_);
  if (!run_json.empty()) {
    if (auto st = write_file_atomic((d / "run.json").string(), run_json); !st) return st;
  }
  if (auto st = write_file_atomic((d / "outlets.csv").string(), stats.outlets_csv(excel_safe)); !st) return st;
  if (auto st = write_file_atomic((d / "outlet_actor_stance.csv").string(), stats.actor_stance_csv(excel_safe)); !st) {
    return st;
  }
  if (auto st = write_file_atomic((d / "report.html").string(), report_html); !st) return st;
  for (int i = 0; i < kParts; ++i) {
    if (i == kViewsPart) continue;
    if (auto st = parts_[i].commit(); !st) return st;
  }
  std::error_code ec;
  const std::string views = parts_[kViewsPart].part_path();
  // Closes it; the fragments file is not an output, so a failure to commit it is not an error.
  (void)parts_[kViewsPart].commit();
  fs::remove(parts_[kViewsPart].path(), ec);
  fs::remove(views, ec);
  fs::remove(checkpoint_path(dir_), ec);
  return {};
}

}  // namespace framelens
