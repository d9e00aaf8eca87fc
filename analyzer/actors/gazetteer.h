#pragma once
// The actors gazetteer: countries (with capitals, demonyms and context aliases), organisations,
// named groups, title words, given names and names that are not actors. It is plain data kept in
// models/gazetteer/*.tsv; this class turns it into hash tables once at load time so the stage does
// one hash lookup per token.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/actors/casing_table.h"
#include "analyzer/core/error.h"
#include "analyzer/core/hash_filter.h"
#include "analyzer/core/string_table.h"
#include "analyzer/text/document.h"

namespace framelens {

// How a phrase names its entry.
enum class AliasKind : uint8_t {
  Name,      // "China", "NATO", "protesters"
  Metonym,   // a capital or seat of government standing for the state ("Beijing said")
  Demonym,   // "Chinese": the state only before a government noun ("the Chinese government")
  Context,   // "the North": only when the entry is also named elsewhere in the article
  NonActor,  // a place, system or event: suppresses the capitalised-name rule
};

struct GazEntry {
  std::string name;  // canonical name
  std::string type;  // country, organization, group ("" for non-actors)
};

// One alias, tokenised the way documents are.
struct GazPhrase {
  std::vector<std::string> lowers;  // token.lower of each token
  std::vector<uint64_t> hashes;     // token.hash of each token (compared before the strings)
  std::vector<uint8_t> casing;      // per token: 0 any case, 1 capitalised, 2 all caps
  int32_t entry = -1;
  AliasKind kind = AliasKind::Name;
};

enum class TitleKind : uint8_t { Honorific, Head, Modifier };

struct TitleWord {
  TitleKind kind = TitleKind::Modifier;
  char gender = '-';  // 'm', 'f' or '-'
};

// The raw text of each data file (so tests can build a gazetteer without touching disk).
struct GazetteerSources {
  std::string countries, organizations, titles, first_names, non_actors;
};

class Gazetteer {
 public:
  // dir holds the *.tsv files, and optionally casing.bin (a CasingTable from `train casing`).
  static Result<Gazetteer> load_dir(const std::string& dir);
  static Result<Gazetteer> from_sources(const GazetteerSources& src);
  // True when dir holds the gazetteer files (the stage is skipped otherwise).
  static bool present(const std::string& dir);

  // The longest phrase matching doc.tokens starting at `i` (not beyond `end`), or nullptr.
  const GazPhrase* match(const Document& doc, int32_t i, int32_t end) const;
  const TitleWord* title(const std::string& lower) const { return titles_.find(lower); }
  const TitleWord* title(const Token& t) const { return titles_.find(t.hash, t.lower); }
  // 'm', 'f' or 0 when unknown
  char given_name_gender(const std::string& lower) const { return gender_of(given_names_.find(lower)); }
  char given_name_gender(const Token& t) const { return gender_of(given_names_.find(t.hash, t.lower)); }
  // A word written in lower case away from sentence starts (false without a casing table).
  bool mostly_lower(const Token& t) const { return casing_.mostly_lower(t); }
  void set_casing(CasingTable casing) { casing_ = std::move(casing); }
  size_t casing_words() const { return casing_.size(); }
  const GazEntry& entry(int32_t i) const { return entries_[i]; }
  int32_t entry_count() const { return static_cast<int32_t>(entries_.size()); }

 private:
  Status add_phrase(const std::string& text, int32_t entry, AliasKind kind, const std::string& where);
  int32_t add_entry(std::string name, std::string type);

  std::vector<GazEntry> entries_;
  std::vector<GazPhrase> phrases_;
  struct FirstTokenBucket {
    std::vector<int32_t> phrases;  // longest first
    // Some phrase takes its first word in any case. When none does, a lower-case token can skip
    // the bucket: "the" starts ~20 capitalised names ("The Hill") and is the commonest word.
    bool any_case = false;
  };
  // first token lower -> the phrases starting with it
  StringTable<FirstTokenBucket> by_first_;
  HashFilter first_filter_;  // the first-token hashes, tested before by_first_
  StringTable<TitleWord> titles_;
  StringTable<char> given_names_;
  CasingTable casing_;
  static char gender_of(const char* g) { return g ? *g : 0; }
};

}  // namespace framelens
