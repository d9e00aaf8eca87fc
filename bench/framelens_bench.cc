// Throughput harness: times the text layer and every pipeline stage one by one over the same
// articles (single thread = per core), plus bare fastText prediction over the same texts (the floor
// the issue compares against), model load time and peak RSS. Prints one JSON object.
//
//   framelens_bench [--data FILE.jsonl[.gz]] [--limit N] [--models DIR] [--fasttext MODEL.bin]
// Without --data it generates deterministic news-like text so it runs anywhere.
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fasttext/fasttext.h>
#include <nlohmann/json.hpp>

#include "analyzer/pipeline/pipeline.h"
#include "analyzer/report/json_report.h"
#include "analyzer/text/input_record.h"
#include "analyzer/text/line_reader.h"

using namespace framelens;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Per-core figures are CPU time of this thread, not wall time: the benchmark machine may be shared,
// and CPU time is what "articles per second per core" means. (Model load stays wall time.)
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

std::vector<std::string> generated_articles(size_t n) {
  static const char* kSentences[] = {
      "Chinese Foreign Minister Wang Yi urged Seoul to remove \"obstacles\" to good relations.",
      "\"We hope the new government will correct its mistakes,\" he said on Thursday.",
      "Critics slammed the so-called reform as a radical giveaway to special interests.",
      "The U.S. deployed an advanced missile system in the region, officials said.",
      "According to the ministry, growth slowed to 2.5 percent in the third quarter.",
      "Sen. Elizabeth Warren claimed the bill would hurt millions of working families.",
      "Protesters gathered outside the parliament in Brussels on Saturday.",
      "Mr. Trump insisted that the deal was the best in history, but Democrats disagreed."};
  std::mt19937 rng(42);
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string a;
    while (a.size() < 4500) {
      for (int k = 0; k < 4; ++k) {
        a += kSentences[rng() % 8];
        a += ' ';
      }
      a += "\n\n";
    }
    out.push_back(std::move(a));
  }
  return out;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, models = FRAMELENS_SOURCE_MODELS_DIR, ft_model;
  size_t limit = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    if (k == "--data") data = argv[i + 1];
    else if (k == "--limit") limit = std::stoul(argv[i + 1]);
    else if (k == "--models") models = argv[i + 1];
    else if (k == "--fasttext") ft_model = argv[i + 1];
    else { std::cerr << "unknown option " << k << "\n"; return 2; }
  }

  std::vector<InputRecord> records;
  std::string source = "generated";
  if (!data.empty()) {
    LineReader reader;
    if (auto st = reader.open(data); !st) { std::cerr << st.error().message << "\n"; return 3; }
    std::string line;
    while (records.size() < limit && reader.next(line)) {
      auto r = parse_json_record(line, FieldMap{}, data);
      if (r) records.push_back(std::move(*r));
    }
    source = data;
  } else {
    for (auto& t : generated_articles(limit)) {
      InputRecord r;
      r.text = std::move(t);
      records.push_back(std::move(r));
    }
  }
  double bytes = 0;
  for (const auto& r : records) bytes += r.text.size();
  const double mb = bytes / 1e6;
  const long rss_before = peak_rss_kb();

  auto t0 = Clock::now();
  PipelineOptions opt;
  opt.models_dir = models;
  auto pipeline = Pipeline::load(opt);
  if (!pipeline) { std::cerr << pipeline.error().message << "\n"; return 4; }
  const double load_s = seconds_since(t0);
  const long rss_models = peak_rss_kb();

  // Text layer alone, repeated until it has run for at least a second.
  double text_s = 0;
  size_t text_runs = 0;
  while (text_s < 1.0) {
    const double t = thread_cpu_seconds();
    for (const auto& r : records) {
      auto d = make_document(r.text, r.meta);
      if (!d) return 5;
    }
    text_s += (thread_cpu_seconds() - t);
    ++text_runs;
  }
  text_s /= text_runs;

  // Each stage timed on documents that went through all earlier stages.
  const auto& stages = pipeline->stages();
  std::vector<double> stage_s(stages.size(), 0.0);
  double total_s = 0, json_s = 0;
  size_t json_bytes = 0;
  for (const auto& r : records) {
    const double t = thread_cpu_seconds();
    auto d = make_document(r.text, r.meta);
    if (!d) return 5;
    for (size_t k = 0; k < stages.size(); ++k) {
      const double ts = thread_cpu_seconds();
      stages[k]->annotate(*d);
      stage_s[k] += (thread_cpu_seconds() - ts);
    }
    const double tj = thread_cpu_seconds();
    json_bytes += to_json_line(*d).size();
    json_s += thread_cpu_seconds() - tj;
    total_s += (thread_cpu_seconds() - t);
  }

  nlohmann::ordered_json out;
  out["source"] = source;
  out["articles"] = records.size();
  out["megabytes"] = mb;
  out["mean_article_bytes"] = records.empty() ? 0 : bytes / records.size();
  out["model_load_seconds"] = load_s;
  out["peak_rss_mb_after_load"] = rss_models / 1024.0;
  out["rss_mb_models"] = (rss_models - rss_before) / 1024.0;
  auto rate = [&](double s) {
    return nlohmann::ordered_json{{"seconds", s},
                                  {"articles_per_s", s > 0 ? records.size() / s : 0},
                                  {"mb_per_s", s > 0 ? mb / s : 0}};
  };
  out["text_layer"] = rate(text_s);
  nlohmann::ordered_json st = nlohmann::ordered_json::object();
  for (size_t k = 0; k < stages.size(); ++k) st[std::string(stages[k]->name())] = rate(stage_s[k]);
  out["stages"] = st;
  out["json_output"] = rate(json_s);
  out["json_output_mb"] = json_bytes / 1e6;
  out["pipeline"] = rate(total_s);  // text layer + all stages + JSON output

  if (!ft_model.empty()) {
    fasttext::FastText ft;
    try {
      ft.loadModel(ft_model);
    } catch (const std::exception& e) {
      std::cerr << ft_model << ": " << e.what() << "\n";
      return 4;
    }
    std::vector<std::pair<fasttext::real, std::string>> preds;
    const double t = thread_cpu_seconds();
    for (const auto& r : records) {
      std::string flat = r.text;
      for (char& c : flat) if (c == '\n') c = ' ';
      std::istringstream in(flat + "\n");
      preds.clear();
      ft.predictLine(in, preds, 1, 0.0);
    }
    double s = thread_cpu_seconds() - t;
    out["bare_fasttext"] = rate(s);
    out["pipeline_vs_bare_fasttext"] = s > 0 ? total_s / s : 0;
  }
  out["peak_rss_mb"] = peak_rss_kb() / 1024.0;
  std::cout << out.dump(2) << "\n";
  return 0;
}
