#pragma once
// Story grouping for `batch`: articles that report the same event get one story id. Online, in
// input order, constant memory: each article is a set of features (content words of its title and
// lead, plus the names of its actors), summarised by a 64-value MinHash signature; locality-
// sensitive hashing (32 bands of 2 values) finds the open stories it may belong to; it joins the
// most similar one when the estimated Jaccard similarity to one of that story's first members
// reaches `min_similarity` and either they share a named (capitalised) actor or the similarity
// reaches `strong_similarity`, and its date is within `window_days` of the story's first dated
// article. A story closes (its stories.csv
// row is written and its memory freed) once the newest date seen is 2 x window_days past its last
// article, or when more than `max_active` stories are open (the least recently joined closes).
// Ids are "s1", "s2", ... in order of creation; the result depends on the input order only.
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/text/document.h"

namespace framelens {

struct StoryArticle {
  std::string key;     // the article key (articles.csv article_id)
  std::string outlet, date, title;
  std::string lead;    // the first body sentences (about 80 words)
  std::vector<std::string> actors;  // canonical names
};

StoryArticle story_article_from_document(const Document& d, const std::string& key);
StoryArticle story_article_from_json(const nlohmann::json& j, const std::string& key);

struct StoryOptions {
  int window_days = 3;
  double min_similarity = 0.2;
  double strong_similarity = 0.8;
  size_t max_active = 50000;
};

constexpr int kStoryHashes = 64;
constexpr int kStoryBands = 32;
using StorySignature = std::array<uint32_t, kStoryHashes>;

// The feature set of an article (hashed) and its MinHash signature.
std::vector<uint64_t> story_features(const StoryArticle& a);
StorySignature story_signature(const std::vector<uint64_t>& features);
double estimated_jaccard(const StorySignature& a, const StorySignature& b);
// Days since 1970-01-01 of a date starting YYYY-MM-DD; false when it does not.
bool parse_story_day(const std::string& date, int64_t& day);

class StoryGrouper {
 public:
  explicit StoryGrouper(StoryOptions o = {}) : opt_(o) {}
  // The article's story id. Stories that close meanwhile are appended to `closed_rows` (CSV).
  std::string add(const StoryArticle& a, std::string& closed_rows, bool excel_safe = false);
  // Closes every open story (end of the run).
  void finish(std::string& closed_rows, bool excel_safe = false);
  static std::string csv_header();
  size_t open_stories() const { return stories_.size(); }
  uint64_t stories_created() const { return next_id_ - 1; }

 private:
  struct Story {
    uint64_t id = 0;
    uint64_t last_seq = 0;
    bool dated = false;
    int64_t first_day = 0, last_day = 0;
    std::string first_date, last_date, title;
    std::vector<StorySignature> members;  // the first kMaxMembers articles' signatures
    std::vector<uint64_t> band_keys;      // their LSH bucket keys (to unlink on close)
    int64_t articles = 0, joins_with_actor = 0;
    double similarity_sum = 0.0, similarity_min = 1.0;
    std::vector<std::pair<std::string, int64_t>> outlets;  // in order of first article
    std::unordered_map<std::string, int64_t> actors;        // at most kMaxActors names
    std::vector<std::string> article_keys;                  // at most kMaxKeys listed
    std::vector<uint64_t> actor_hashes;                     // of the first members
  };
  void close(uint64_t id, std::string& out, bool excel_safe);
  void sweep(std::string& out, bool excel_safe);

  StoryOptions opt_;
  std::unordered_map<uint64_t, Story> stories_;
  std::unordered_map<uint64_t, std::vector<uint64_t>> buckets_;  // band key -> story ids
  uint64_t next_id_ = 1, seq_ = 0;
  bool have_day_ = false;
  int64_t max_day_ = 0;
};

}  // namespace framelens
