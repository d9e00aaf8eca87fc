#include "analyzer/actors/actor_linker.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <map>
#include <string>
#include <unordered_map>

#include "analyzer/actors/candidates.h"
#include "analyzer/core/word_set.h"

namespace framelens {

// Literals as string_views: comparisons check the length before the bytes (no memcmp call).
using namespace std::string_view_literals;

namespace {

// How many sentences back a pronoun looks for its person.
constexpr int32_t kPronounWindow = 3;

struct Cluster {
  std::string type;
  int32_t entry = -1;                    // gazetteer entry
  std::vector<std::string_view> tokens;  // person/org name tokens (lower) of the fullest name
  Span best_name;                        // span of the fullest name seen
  int32_t best_len = 0;
  std::vector<Mention> mentions;
  std::vector<std::string_view> roles;   // title heads seen with the name
  char gender = '-';
  std::vector<int32_t> positions;        // starts of the name mentions linked so far
  int32_t first_pos = INT32_MAX;         // the smallest of them
  bool named = false;                    // has a mention other than a context alias
};

// Cluster lookups by name, so linking costs the same per candidate however many actors a long
// text has (a scan over all clusters per candidate made a 5 MB text quadratic). Valid because a
// cluster's first and last name tokens never change once set: a longer name replaces the tokens
// only when it matched on the same first and last token (persons) or all tokens (organisations).
std::string joined(const std::vector<std::string_view>& toks) {
  std::string k;
  for (auto t : toks) {
    k.append(t);
    k.push_back('\x1f');
  }
  return k;
}

class Linker {
 public:
  Linker(const Document& doc, const Gazetteer& gaz) : d_(doc), t_(doc.tokens), g_(gaz) {
    // Zones: body candidates make actors; headline and standfirst ones may only name an actor the
    // body has; captions, credits, bylines and site text give none.
    for (Candidate& c : find_candidates(doc, gaz)) {
      Zone z = c.sentence >= 0 ? doc.sentences[c.sentence].zone : Zone::Body;
      const int32_t first = doc.token_at_or_after(c.span.start);
      if (first < static_cast<int32_t>(doc.tokens.size()) && doc.tokens[first].aside) z = Zone::Boilerplate;
      if (z == Zone::Body) c_.push_back(std::move(c));
      else if (z == Zone::Headline || z == Zone::Standfirst) head_.push_back(std::move(c));
    }
    of_.assign(c_.size(), -1);
  }

  std::vector<Actor> run() {
    link_gazetteer();
    link_orgs();
    link_persons();
    link_single_names(true);
    link_single_names(false);
    add_name_mentions();
    resolve_references();
    attach_headlines();
    return build();
  }

 private:
  // Name tokens of a candidate: words only, no initials or dots.
  std::vector<std::string_view> name_tokens(const Candidate& c) const {
    std::vector<std::string_view> out;
    for (int32_t k = c.name_first; k < c.name_end; ++k) {
      const Token& t = t_[k];
      if (t.kind != TokenKind::Word || t.span.size() == 1) continue;
      if (t.lower == "jr"sv || t.lower == "sr"sv || t.lower == "ii"sv || t.lower == "iii"sv) continue;
      out.push_back(t.lower);
    }
    return out;
  }

  int32_t new_cluster(std::string type) {
    clusters_.push_back({});
    clusters_.back().type = std::move(type);
    return static_cast<int32_t>(clusters_.size()) - 1;
  }

  void note_name(int32_t ci, const Candidate& c, const std::vector<std::string_view>& toks) {
    Cluster& k = clusters_[ci];
    if (static_cast<int32_t>(toks.size()) > k.best_len) {
      const bool first = k.tokens.empty();
      k.best_len = static_cast<int32_t>(toks.size());
      k.tokens = toks;
      k.best_name = {t_[c.name_first].span.start, t_[c.name_end - 1].span.end};
      if (first && !toks.empty()) index_cluster(ci);
    }
    k.first_pos = std::min(k.first_pos, c.span.start);
    if (!c.role.empty() && std::find(k.roles.begin(), k.roles.end(), c.role) == k.roles.end()) k.roles.push_back(c.role);
    if (k.gender == '-' && c.gender != '-') k.gender = c.gender;
    k.positions.push_back(c.span.start);
  }

  void link_gazetteer() {
    std::vector<int32_t> by_entry(g_.entry_count(), -1);
    for (size_t i = 0; i < c_.size(); ++i) {
      const Candidate& c = c_[i];
      if (c.kind != CandKind::Gaz) continue;
      int32_t& ci = by_entry[c.entry];
      if (ci < 0) {
        ci = new_cluster(g_.entry(c.entry).type);
        clusters_[ci].entry = c.entry;
      }
      of_[i] = ci;
      if (c.alias != AliasKind::Context) clusters_[ci].named = true;
    }
    // "the North" counts only when North Korea is named too.
    for (size_t i = 0; i < c_.size(); ++i) {
      if (of_[i] >= 0 && c_[i].kind == CandKind::Gaz && !clusters_[of_[i]].named) of_[i] = -1;
    }
  }

  // Registers a cluster under its name when it first gets one (clusters are registered in
  // creation order, so "first inserted" is "lowest index", as the scans it replaces found).
  void index_cluster(int32_t ci) {
    const Cluster& k = clusters_[ci];
    if (k.type == "person"sv) {
      person_by_last_[k.tokens.back()].push_back(ci);
      person_by_first_[k.tokens.front()].push_back(ci);
      if (k.tokens.size() >= 2) person_by_ends_.emplace(std::make_pair(k.tokens.front(), k.tokens.back()), ci);
    } else if (k.type == "organization"sv && k.entry < 0) {
      org_by_tokens_.emplace(joined(k.tokens), ci);
    }
  }

  static std::string initials(const std::vector<std::string_view>& toks) {
    std::string s;
    for (auto w : toks) {
      if (w == "of" || w == "for" || w == "on" || w == "the" || w == "and") continue;
      s += w[0];
    }
    return s;
  }

  void link_orgs() {
    for (size_t i = 0; i < c_.size(); ++i) {
      const Candidate& c = c_[i];
      if (c.kind != CandKind::Org) continue;
      std::vector<std::string_view> toks;
      for (int32_t k = c.name_first; k < c.name_end; ++k) if (t_[k].kind == TokenKind::Word) toks.push_back(t_[k].lower);
      int32_t found = -1;
      if (!toks.empty()) {
        if (auto it = org_by_tokens_.find(joined(toks)); it != org_by_tokens_.end()) found = it->second;
      }
      if (found < 0) {
        found = new_cluster("organization");
        clusters_[found].named = true;
      }
      of_[i] = found;
      note_name(found, c, toks);
    }
  }

  // Person clusters whose name contains `w` as its last (preferred) or first token; the one
  // mentioned closest before `pos` wins, else the first after.
  int32_t person_by_token(std::string_view w, int32_t pos, char gender = '-') const {
    int32_t best = -1, best_rank = -1;
    auto consider = [&](int32_t k) {
      const Cluster& cl = clusters_[k];
      // "Mr. Obama" is not "Michelle Obama".
      if (gender != '-' && cl.gender != '-' && gender != cl.gender) return;
      const int rank = cl.tokens.back() == w ? 2 : (cl.tokens.front() == w ? 1 : 0);
      // Prefer last-token matches, then a mention before pos; on a tie the earliest cluster.
      const int32_t score = rank * 4 + (cl.first_pos < pos ? 2 : 0);
      if (score > best_rank || (score == best_rank && k < best)) {
        best_rank = score;
        best = k;
      }
    };
    for (auto* index : {&person_by_last_, &person_by_first_}) {
      if (auto it = index->find(w); it != index->end()) {
        for (int32_t k : it->second) consider(k);
      }
    }
    return best;
  }

  void link_persons() {
    // Full names first so titled surnames ("Mr. Trump") find them wherever they appear.
    for (int pass = 0; pass < 2; ++pass) {
      for (size_t i = 0; i < c_.size(); ++i) {
        const Candidate& c = c_[i];
        if (c.kind != CandKind::Person) continue;
        auto toks = name_tokens(c);
        if (toks.empty()) continue;
        if ((pass == 0) != (toks.size() >= 2)) continue;
        int32_t found = -1;
        if (toks.size() >= 2) {
          auto it = person_by_ends_.find({toks.front(), toks.back()});
          if (it != person_by_ends_.end()) found = it->second;
        }
        if (found < 0 && toks.size() == 1) found = person_by_token(toks[0], c.span.start, c.gender);
        if (found < 0) found = new_cluster("person");
        of_[i] = found;
        clusters_[found].named = true;
        note_name(found, c, toks);
      }
    }
  }

  void link_single_names(bool with_cue) {
    // Organisations do not change here (only persons are created): index them once. An acronym
    // goes to the first organisation with those initials, a first word to the last one with it
    // (what the scans these lookups replace did).
    std::unordered_map<std::string, int32_t> org_by_initials;
    std::unordered_map<std::string_view, int32_t> org_by_first;
    for (size_t k = 0; k < clusters_.size(); ++k) {
      const Cluster& cl = clusters_[k];
      if (cl.type != "organization"sv || cl.tokens.size() < 2) continue;
      org_by_initials.emplace(initials(cl.tokens), static_cast<int32_t>(k));
      org_by_first[cl.tokens.front()] = static_cast<int32_t>(k);  // the last such organisation, as before
    }
    for (size_t i = 0; i < c_.size(); ++i) {
      const Candidate& c = c_[i];
      if (c.kind != CandKind::SingleName || of_[i] >= 0 || c.cue != with_cue) continue;
      std::string_view w = t_[c.name_first].lower;
      int32_t found = person_by_token(w, c.span.start, c.gender);
      if (found < 0 && c.all_caps) {
        if (auto it = org_by_initials.find(std::string(w)); it != org_by_initials.end()) found = it->second;
        if (found >= 0) { of_[i] = found; continue; }
        // An unknown acronym is a system or an abbreviation more often than an actor.
        // An unknown acronym is a system or an abbreviation more often than an actor; a capitalised
        // name before a colon is a transcript speaker ("WALLACE:").
        bool speaker = c.name_end < static_cast<int32_t>(t_.size()) && t_[c.name_end].lower == ":"sv;
        if (!speaker) continue;
      }
      // "Hofstra" after "Hofstra University".
      if (found < 0 && !c.all_caps) {
        if (auto it = org_by_first.find(w); it != org_by_first.end()) {
          of_[i] = it->second;
          found = -2;
        }
      }
      if (found == -2) continue;
      if (found < 0 && !with_cue && !c.plausible) continue;
      if (found < 0) {
        found = new_cluster("person");
        clusters_[found].named = true;
      }
      of_[i] = found;
      note_name(found, c, {w});
    }
  }

  void add_name_mentions() {
    for (size_t i = 0; i < c_.size(); ++i) {
      if (of_[i] < 0) continue;
      clusters_[of_[i]].mentions.push_back({c_[i].span, false});
    }
  }

  // Pronouns and role nouns, in text order: he/she -> the first compatible person of the same
  // sentence before it, else of the nearest earlier sentence (the subject is usually named
  // first); "the spokesman" -> the latest person who carried that title.
  void resolve_references() {
    struct Seen { int32_t sentence; int32_t cluster; };
    std::vector<Seen> seen, seen_other;  // persons; organisations and countries
    // The latest person seen with each title, the latest organisation seen with each name word:
    // what a backward scan over `seen` / `seen_other` would find first.
    std::unordered_map<std::string_view, int32_t> last_with_role;
    std::unordered_map<std::string, int32_t> last_org_word;
    std::vector<std::vector<std::string>> org_words(clusters_.size());
    auto see_person = [&](int32_t sentence, int32_t ci) {
      seen.push_back({sentence, ci});
      for (auto r : clusters_[ci].roles) last_with_role[r] = ci;
    };
    auto see_other = [&](int32_t sentence, int32_t ci) {
      seen_other.push_back({sentence, ci});
      const Cluster& cl = clusters_[ci];
      if (cl.type != "organization"sv) return;
      if (static_cast<size_t>(ci) >= org_words.size()) org_words.resize(ci + 1);
      auto& words = org_words[ci];
      if (words.empty()) {
        if (cl.entry >= 0) {
          const std::string& name = g_.entry(cl.entry).name;
          size_t start = 0;
          while (start <= name.size()) {
            size_t sp = name.find(' ', start);
            if (sp == std::string::npos) sp = name.size();
            std::string w = name.substr(start, sp - start);
            for (char& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            words.push_back(std::move(w));
            start = sp + 1;
          }
        } else {
          for (auto t : cl.tokens) words.emplace_back(t);
        }
      }
      for (const auto& w : words) last_org_word[w] = ci;
    };
    for (size_t i = 0; i < c_.size(); ++i) {
      const Candidate& c = c_[i];
      if (of_[i] >= 0) {
        if (clusters_[of_[i]].type == "person"sv) see_person(c.sentence, of_[i]);
        else see_other(c.sentence, of_[i]);
        continue;
      }
      int32_t pick = -1;
      if (c.kind == CandKind::Role && c.gender == 'o') {
        pick = org_reference(seen_other, last_org_word, c);
        if (pick >= 0) {
          clusters_[pick].mentions.push_back({c.span, true});
          see_other(c.sentence, pick);
        }
        continue;
      }
      if (c.kind == CandKind::Pronoun) {
        // Within a sentence a person whose gender is known to match beats one of unknown gender.
        const bool object = t_[c.name_first].lower == "him"sv;
        int32_t j = static_cast<int32_t>(seen.size()) - 1;
        for (int32_t s = c.sentence; s >= c.sentence - kPronounWindow && s >= 0 && pick < 0; --s) {
          while (j >= 0 && seen[j].sentence > s) --j;
          int32_t exact = -1, unknown = -1;
          for (int32_t k = j; k >= 0 && seen[k].sentence == s; --k) {
            const char g = clusters_[seen[k].cluster].gender;
            if (g == c.gender) exact = seen[k].cluster;
            else if (g == '-') unknown = seen[k].cluster;
          }
          // "Trump accused him": an object pronoun is rarely the subject of its own clause.
          if (object && s == c.sentence && exact >= 0 && exact == (j >= 0 ? first_in(seen, j, s) : -1) &&
              unknown < 0) {
            exact = -1;
          }
          pick = exact >= 0 ? exact : unknown;
        }
        if (pick >= 0 && clusters_[pick].gender == '-') clusters_[pick].gender = c.gender;
      } else if (c.kind == CandKind::Role) {
        if (auto it = last_with_role.find(c.role); it != last_with_role.end()) pick = it->second;
      }
      if (pick < 0) continue;
      clusters_[pick].mentions.push_back({c.span, true});
      see_person(c.sentence, pick);
    }
  }

  // A headline mention names a body actor only by the same gazetteer entry, the same full name, or
  // (one word) the surname of a person / first word of an organisation: "Trump Accuses" in a
  // headline is neither, so its verb never becomes part of a name.
  void attach_headlines() {
    for (const Candidate& c : head_) {
      int32_t found = -1;
      if (c.kind == CandKind::Gaz) {
        for (size_t k = 0; k < clusters_.size() && found < 0; ++k)
          if (clusters_[k].entry == c.entry && clusters_[k].named) found = static_cast<int32_t>(k);
      } else if (c.kind == CandKind::Person || c.kind == CandKind::Org || c.kind == CandKind::SingleName) {
        auto toks = name_tokens(c);
        if (toks.empty()) continue;
        for (size_t k = 0; k < clusters_.size() && found < 0; ++k) {
          const Cluster& cl = clusters_[k];
          if (!cl.named || cl.entry >= 0 || cl.tokens.empty()) continue;
          if (cl.tokens == toks) found = static_cast<int32_t>(k);
          else if (toks.size() == 1 && cl.type == "person"sv && cl.tokens.back() == toks[0]) found = static_cast<int32_t>(k);
        }
      }
      if (found >= 0) clusters_[found].mentions.push_back({c.span, false});
    }
  }

  // "the government" -> the latest state named within a few sentences; "the agency" -> the
  // latest organisation whose name has that word.
  // `last_org_word`: the latest organisation seen whose name has that (lower-case) word.
  template <class Seen>
  int32_t org_reference(const std::vector<Seen>& seen, const std::unordered_map<std::string, int32_t>& last_org_word,
                        const Candidate& c) const {
    const bool state = c.role == "government" || c.role == "regime" || c.role == "administration";
    if (!state) {
      auto it = last_org_word.find(std::string(c.role));
      return it == last_org_word.end() ? -1 : it->second;
    }
    for (int32_t k = static_cast<int32_t>(seen.size()) - 1; k >= 0; --k) {
      if (seen[k].sentence < c.sentence - kPronounWindow) return -1;
      if (clusters_[seen[k].cluster].type == "country"sv) return seen[k].cluster;
    }
    return -1;
  }

  template <class Seen>
  static int32_t first_in(const std::vector<Seen>& seen, int32_t j, int32_t s) {
    int32_t f = -1;
    for (int32_t k = j; k >= 0 && seen[k].sentence == s; --k) f = seen[k].cluster;
    return f;
  }

  // Whether a mention of a country (or of a building that stands for an institution: the White
  // House, the Pentagon) names it acting or being talked about, not a place ("in Yemen", "to the
  // White House") or a modifier ("U.S. officials", "White House tours").
  static inline const WordSet kGovernment = {"government", "regime", "administration", "authorities",
                                             "military", "forces", "officials", "leadership", "state"};
  static inline const WordSet kModified = {
      "officials", "official", "citizens", "citizen", "troops", "forces", "force", "military", "drone",
      "drones", "embassy", "economy", "economic", "president", "presidential", "senator", "senators",
      "intelligence", "diplomats", "diplomat", "ambassador", "envoy", "soldiers", "soldier", "authorities",
      "policy", "policies", "markets", "market", "stocks", "companies", "company", "firms", "banks",
      "bank", "dollar", "dollars", "consumers", "workers", "allies", "ally", "sanctions", "strikes",
      "strike", "airstrikes", "tariffs", "law", "laws", "soil", "territory", "border", "borders",
      "interests", "navy", "army", "officers", "attorney", "attorneys", "agencies", "agency",
      "department", "courts", "court", "history", "election", "elections", "campaign", "tours", "tour",
      "grounds", "lawn", "press", "staff", "aides", "aide", "spokesman", "spokeswoman", "spokesperson",
      "correspondent", "reporters", "event", "events", "briefing", "counsel", "chief", "adviser",
      "advisers", "advisor", "advisors", "budget", "spending", "jobs", "consumer", "manufacturing",
      "businesses", "business", "public", "population", "residents", "voters", "students", "teachers",
      "lawmakers", "investigation", "probe", "inquiry", "interference", "meddling", "hacking",
      "hackers", "team", "teams", "athletes", "players", "fans", "media", "news", "television",
      "networks", "network", "version", "model", "style", "system", "response", "visit", "trip",
      "meeting", "talks", "summit", "deal", "trade", "imports", "exports", "goods", "products", "oil",
      "gas", "energy", "nuclear", "missile", "missiles", "weapons", "arms", "ships", "warships",
      "aircraft", "jets", "bombers", "base", "bases", "presence", "involvement", "aid", "assistance",
      "support", "funding", "money", "debt", "bonds", "treasury", "treasuries", "cities", "states",
      "counties", "communities", "families", "children", "women", "men", "people", "patients",
      "hospitals", "schools", "universities", "colleges", "history", "records", "record", "ties",
      "relations", "relationship", "counterparts", "counterpart", "leader", "leaders", "leadership",
      "national", "nationals", "passport", "passports", "visa", "visas", "flag", "flags", "anthem",
      "capital", "mainland", "coast", "waters", "airspace", "side", "camp", "delegation", "mission",
      "operations", "operation", "program", "programs", "agents", "agent", "spies", "spy", "officers",
      "cyber", "cyberattack", "cyberattacks", "hack", "election", "voting", "vote", "census", "crisis",
      "war", "wars", "involvement", "invasion", "occupation", "withdrawal", "pullout", "drawdown"};

  bool agentive(const Mention& m) const {
    if (m.pronoun) return true;
    const int32_t n = static_cast<int32_t>(t_.size());
    int32_t b = d_.token_at_or_after(m.span.start);
    int32_t e = b;
    while (e < n && t_[e].span.end <= m.span.end) ++e;  // tokens [b, e)
    if (b >= n || e == b) return true;
    int32_t p = b - 1;
    if (p >= 0 && t_[p].lower == "the"sv) --p;
    static const WordSet kPlace = {"in", "at", "to", "from", "near", "into", "across", "outside", "inside",
                                   "around", "via", "toward", "towards", "through", "throughout", "within",
                                   "visit", "visits", "visited", "visiting", "arrived", "flew", "trip",
                                   "based", "returned", "onto"};
    if (p >= 0 && t_[p].kind == TokenKind::Word && kPlace.contains(t_[p].hash, t_[p].lower)) return false;
    // "the Iranian government", "Chinese authorities": a demonym phrase names the state acting.
    if (e - b >= 2 && kGovernment.contains(t_[e - 1].hash, t_[e - 1].lower)) return true;
    // A noun right after it makes the name a modifier: "U.S. officials", "White House tours".
    if (e < n && t_[e].kind == TokenKind::Word && !t_[e].capitalized && t_[e].breaks_before == 0 &&
        kModified.contains(t_[e].hash, t_[e].lower)) {
      return false;
    }
    if (e < n && t_[e].kind == TokenKind::Dash && !t_[e].space_before) return false;  // "U.S.-led"
    return true;
  }

  bool place_like(const Cluster& cl) const {
    if (cl.type == "country"sv) return true;
    if (cl.entry < 0) return false;
    const std::string& nm = g_.entry(cl.entry).name;
    return nm == "White House" || nm == "Pentagon" || nm == "Kremlin" || nm == "Capitol" || nm == "Blue House";
  }

  std::vector<Actor> build() {
    std::vector<int32_t> order;
    for (size_t k = 0; k < clusters_.size(); ++k) {
      auto& cl = clusters_[k];
      if (!cl.named || cl.mentions.empty()) continue;
      if (place_like(cl)) {
        bool any = false;
        for (const auto& m : cl.mentions) any = any || (d_.pos_in_body(m.span.start) && agentive(m));
        if (!any) continue;
      }
      std::sort(cl.mentions.begin(), cl.mentions.end(), [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
      bool any_name = false;
      for (const auto& m : cl.mentions) any_name |= !m.pronoun;
      if (any_name) order.push_back(static_cast<int32_t>(k));
    }
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
      return clusters_[a].mentions[0].span.start < clusters_[b].mentions[0].span.start;
    });
    std::vector<Actor> out;
    out.reserve(order.size());
    for (int32_t k : order) {
      Cluster& cl = clusters_[k];
      Actor a;
      a.id = "a" + std::to_string(out.size() + 1);
      a.type = cl.type;
      if (cl.gender == 'm' || cl.gender == 'f') a.gender = cl.gender;
      a.name = cl.entry >= 0 ? g_.entry(cl.entry).name : d_.norm_slice(cl.best_name);
      for (const auto& m : cl.mentions) {
        if (m.pronoun) continue;
        std::string s = d_.norm_slice(m.span);
        if (s != a.name && std::find(a.aliases.begin(), a.aliases.end(), s) == a.aliases.end()) a.aliases.push_back(std::move(s));
      }
      a.mentions = std::move(cl.mentions);
      out.push_back(std::move(a));
    }
    return out;
  }

  const Document& d_;
  const std::vector<Token>& t_;
  const Gazetteer& g_;
  std::vector<Candidate> c_;     // body candidates
  std::vector<Candidate> head_;  // headline / standfirst candidates (link only)
  std::vector<int32_t> of_;  // candidate -> cluster
  std::vector<Cluster> clusters_;
  // Name indexes (see index_cluster): views into the document's token text.
  std::unordered_map<std::string_view, std::vector<int32_t>> person_by_last_, person_by_first_;
  std::map<std::pair<std::string_view, std::string_view>, int32_t> person_by_ends_;
  std::unordered_map<std::string, int32_t> org_by_tokens_;
};

}  // namespace

std::vector<Actor> link_actors(const Document& doc, const Gazetteer& gaz) { return Linker(doc, gaz).run(); }

}  // namespace framelens
