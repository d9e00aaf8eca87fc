#include "analyzer/actors/actor_linker.h"

#include <algorithm>
#include <cctype>

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
  bool named = false;                    // has a mention other than a context alias
};

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
      k.best_len = static_cast<int32_t>(toks.size());
      k.tokens = toks;
      k.best_name = {t_[c.name_first].span.start, t_[c.name_end - 1].span.end};
    }
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
      for (size_t k = 0; k < clusters_.size() && found < 0; ++k) {
        if (clusters_[k].type == "organization"sv && clusters_[k].entry < 0 && clusters_[k].tokens == toks) found = k;
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
    for (size_t k = 0; k < clusters_.size(); ++k) {
      const Cluster& cl = clusters_[k];
      if (cl.type != "person"sv || cl.tokens.empty()) continue;
      // "Mr. Obama" is not "Michelle Obama".
      if (gender != '-' && cl.gender != '-' && gender != cl.gender) continue;
      int rank = 0;
      if (cl.tokens.back() == w) rank = 2;
      else if (cl.tokens.front() == w) rank = 1;
      if (!rank) continue;
      // Prefer last-token matches, then a mention before pos.
      int32_t before = -1;
      for (int32_t p : cl.positions) if (p < pos) before = std::max(before, p);
      int32_t score = rank * 4 + (before >= 0 ? 2 : 0);
      if (score > best_rank) { best_rank = score; best = static_cast<int32_t>(k); }
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
        for (size_t k = 0; k < clusters_.size() && found < 0; ++k) {
          const Cluster& cl = clusters_[k];
          if (cl.type != "person"sv || cl.tokens.empty()) continue;
          if (toks.size() >= 2 && cl.tokens.size() >= 2 && cl.tokens.front() == toks.front() && cl.tokens.back() == toks.back()) found = k;
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
    for (size_t i = 0; i < c_.size(); ++i) {
      const Candidate& c = c_[i];
      if (c.kind != CandKind::SingleName || of_[i] >= 0 || c.cue != with_cue) continue;
      std::string_view w = t_[c.name_first].lower;
      int32_t found = person_by_token(w, c.span.start, c.gender);
      if (found < 0 && c.all_caps) {
        for (size_t k = 0; k < clusters_.size() && found < 0; ++k) {
          if (clusters_[k].type == "organization"sv && clusters_[k].tokens.size() >= 2 && initials(clusters_[k].tokens) == w) found = k;
        }
        if (found >= 0) { of_[i] = found; continue; }
        // An unknown acronym is a system or an abbreviation more often than an actor.
        // An unknown acronym is a system or an abbreviation more often than an actor; a capitalised
        // name before a colon is a transcript speaker ("WALLACE:").
        bool speaker = c.name_end < static_cast<int32_t>(t_.size()) && t_[c.name_end].lower == ":"sv;
        if (!speaker) continue;
      }
      // "Hofstra" after "Hofstra University".
      for (size_t k = 0; k < clusters_.size() && found < 0 && !c.all_caps; ++k) {
        const Cluster& cl = clusters_[k];
        if (cl.type == "organization"sv && cl.tokens.size() >= 2 && cl.tokens.front() == w) {
          of_[i] = static_cast<int32_t>(k);
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
    for (size_t i = 0; i < c_.size(); ++i) {
      const Candidate& c = c_[i];
      if (of_[i] >= 0) {
        (clusters_[of_[i]].type == "person"sv ? seen : seen_other).push_back({c.sentence, of_[i]});
        continue;
      }
      int32_t pick = -1;
      if (c.kind == CandKind::Role && c.gender == 'o') {
        pick = org_reference(seen_other, c);
        if (pick >= 0) {
          clusters_[pick].mentions.push_back({c.span, true});
          seen_other.push_back({c.sentence, pick});
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
        for (int32_t k = static_cast<int32_t>(seen.size()) - 1; k >= 0 && pick < 0; --k) {
          const auto& roles = clusters_[seen[k].cluster].roles;
          if (std::find(roles.begin(), roles.end(), c.role) != roles.end()) pick = seen[k].cluster;
        }
      }
      if (pick < 0) continue;
      clusters_[pick].mentions.push_back({c.span, true});
      seen.push_back({c.sentence, pick});
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
  template <class Seen>
  int32_t org_reference(const std::vector<Seen>& seen, const Candidate& c) const {
    const bool state = c.role == "government" || c.role == "regime" || c.role == "administration";
    for (int32_t k = static_cast<int32_t>(seen.size()) - 1; k >= 0; --k) {
      const Cluster& cl = clusters_[seen[k].cluster];
      if (state) {
        if (seen[k].sentence < c.sentence - kPronounWindow) return -1;
        if (cl.type == "country"sv) return seen[k].cluster;
        continue;
      }
      if (cl.type != "organization"sv) continue;
      if (cl.entry >= 0) {
        if (has_word(g_.entry(cl.entry).name, c.role)) return seen[k].cluster;
      } else if (std::find(cl.tokens.begin(), cl.tokens.end(), c.role) != cl.tokens.end()) {
        return seen[k].cluster;
      }
    }
    return -1;
  }

  // Whether `name` has the lower-case word `w` (ASCII case folding is enough for head nouns).
  static bool has_word(const std::string& name, std::string_view w) {
    size_t start = 0;
    while (start <= name.size()) {
      size_t sp = name.find(' ', start);
      if (sp == std::string::npos) sp = name.size();
      if (sp - start == w.size()) {
        bool eq = true;
        for (size_t q = 0; q < w.size() && eq; ++q) eq = std::tolower(static_cast<unsigned char>(name[start + q])) == w[q];
        if (eq) return true;
      }
      start = sp + 1;
    }
    return false;
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
};

}  // namespace

std::vector<Actor> link_actors(const Document& doc, const Gazetteer& gaz) { return Linker(doc, gaz).run(); }

}  // namespace framelens
