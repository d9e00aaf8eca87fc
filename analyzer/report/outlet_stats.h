#pragma once
// Per-outlet (or per-group) aggregation with 95% Poisson-bootstrap intervals, constant memory in
// the number of articles. Articles enter as ArticleFigures, extracted either from an analysed
// Document (`batch --out`) or from its `score` JSON line (`aggregate`, `compare`), so both paths
// produce the same tables.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer/core/error.h"
#include "analyzer/report/bootstrap.h"
#include "analyzer/report/doc_stats.h"
#include "analyzer/text/document.h"

namespace framelens {

// Speaker types for quote shares; "other" is a named speaker not linked to a typed actor.
constexpr std::array<std::string_view, 6> kSpeakerTypes = {"person", "organization", "country",
                                                           "group", "other", "unattributed"};
constexpr std::array<std::string_view, 3> kLeanings = {"left", "center", "right"};

struct ActorFigure {
  std::string name, type, role;  // name: the corpus-wide entity when known (Actor::entity)
  int32_t mentions = 0, quoted = 0;
  bool stance_present = false;
  double stance = 0.0;
};

struct ArticleFigures {
  DocMeta meta;
  DocStats stats;
  std::array<int32_t, kSpeakerTypes.size()> quotes_by_type{};
  int32_t quotes_with_cue = 0;
  bool has_mfc = false, has_generic = false;
  std::vector<std::string> mfc, generic;  // selected frame labels
  Leaning leaning;
  std::vector<ActorFigure> actors;
  std::string story;  // "story_id" of a JSON record from `batch --out` (empty otherwise)
  uint64_t key = 0;  // article_key(): seeds the bootstrap weights
  BootWeights weights{};
};

ArticleFigures figures_from_document(const Document& doc);
// From a `score` JSON object (schema_version 1). Error objects and malformed lines are errors.
Result<ArticleFigures> figures_from_json(const nlohmann::json& j);

// The value of a grouping field: outlet (default), date, year, month, leaning, or any input field
// kept with `batch --keep-fields` (DocMeta::fields). Empty or absent values become "(none)" so
// every article has a group.
Result<std::string> group_value(const ArticleFigures& f, std::string_view field);
bool valid_group_field(std::string_view field);    // a non-empty name without a comma
bool builtin_group_field(std::string_view field);  // outlet, date, year, month, leaning

// Most outlet x actor pairs occur in a single article, so the replicate sums (1.6 KB) are only
// allocated at a pair's second stance; the first article's contribution is replayed from its key
// (its bootstrap weights are a function of the key), so the result is the same as eager sums.
struct ActorAcc {
  std::string type;
  int64_t articles = 0, mentions = 0, quoted = 0, hero = 0, villain = 0, victim = 0;
  int64_t stance_n = 0;           // articles where a stance toward the actor was measured
  double first_stance = 0.0;
  uint64_t first_key = 0;
  std::unique_ptr<std::array<SumAcc, 2>> stance;  // [sum of stances, count], from the 2nd on

  void add_stance(double score, uint64_t key, const BootWeights& w);
  // The [sum, count] accumulators (materialised for a single-article pair).
  std::shared_ptr<const std::array<SumAcc, 2>> stance_sums() const;
  void merge(const ActorAcc& o);
};

struct GroupAcc {
  int64_t articles = 0, words = 0;
  SumAcc article_n, words_sum, own_terms, quoted_terms, paraphrased_terms, headline_terms, sentences, biased;
  SumAcc terms_words, terms_sentences;  // words and sentences of the articles the loaded-wording layer scored
  SumAcc quotes, cued, loaded_cues;
  std::array<SumAcc, kSpeakerTypes.size()> quote_type;
  SumAcc mfc_n, generic_n, leaning_n, lean_sum;
  std::map<std::string, SumAcc> mfc, generic;
  std::array<SumAcc, kLeanings.size()> leaning;
  std::map<std::string, ActorAcc> actors;

  // Adds another group's sums (for "each group against the rest" comparisons).
  void merge(const GroupAcc& o);
};

// One (metric, key) of a group as a ratio of sums, e.g. ("frame_share_mfc", "Economic").
struct MetricRef {
  const SumAcc* num = nullptr;
  const SumAcc* den = nullptr;
  double scale = 1.0;
  std::shared_ptr<const std::array<SumAcc, 2>> owned;  // keeps materialised sums alive

  MetricRef() = default;
  MetricRef(const SumAcc* n, const SumAcc* d, double s, std::shared_ptr<const std::array<SumAcc, 2>> o = nullptr)
      : num(n), den(d), scale(s), owned(std::move(o)) {}
};

struct MetricKey {
  std::string metric, key;
  bool operator<(const MetricKey& o) const { return std::tie(metric, key) < std::tie(o.metric, o.key); }
};

class GroupStats {
 public:
  explicit GroupStats(std::string field = "outlet") : field_(std::move(field)) {}
  Status add(const ArticleFigures& f);

  const std::map<std::string, GroupAcc>& groups() const { return groups_; }
  const std::string& field() const { return field_; }
  int64_t articles() const { return articles_; }
  // Articles whose grouping field was empty or absent (grouped as "(none)").
  int64_t without_value() const { return without_value_; }
  // Actors with the most articles carrying a stance, over all groups (ties by name).
  std::vector<std::string> top_actors(size_t k) const;
  // Every (metric, key) in a fixed order: fixed metrics, speaker types, frames, leanings, then
  // the stance toward the top `top_k` actors.
  std::vector<MetricKey> metric_keys(size_t top_k) const;
  // The ratio behind a metric for a group; nullopt when the group has no such figure.
  std::optional<MetricRef> metric(const GroupAcc& g, const MetricKey& k) const;

  std::string outlets_csv(bool excel_safe, size_t top_k = 10) const;
  std::string actor_stance_csv(bool excel_safe) const;

 private:
  std::string field_;
  std::map<std::string, GroupAcc> groups_;
  int64_t articles_ = 0, without_value_ = 0;
};

// A stable hash of an article (id, title, outlet, date, url, size) that seeds its bootstrap weights.
uint64_t article_key(const DocMeta& m, int32_t chars, int32_t words);

}  // namespace framelens
