#include "analyzer/actors/candidates.h"

#include <algorithm>
#include <unordered_set>

#include "analyzer/core/flat_hash_map.h"
#include "analyzer/core/word_set.h"

namespace framelens {

// Literals as string_views: comparisons check the length before the bytes (no memcmp call).
using namespace std::string_view_literals;

namespace {

const WordSet& function_words() {
  static const WordSet s = {
      "a", "about", "above", "according", "across", "after", "again", "against", "ago", "all",
      "almost", "already", "also", "although", "always", "among", "an", "and", "another", "any",
      "anything", "are", "around", "as", "at", "back", "be", "because", "been", "before", "being",
      "below", "between", "both", "but", "by", "can", "could", "despite", "did", "do", "does",
      "down", "during", "each", "earlier", "either", "else", "even", "ever", "every", "few", "first",
      "for", "from", "further", "had", "has", "have", "he", "her", "here", "hers", "herself", "him",
      "himself", "his", "how", "however", "i", "if", "in", "indeed", "inside", "instead", "into",
      "is", "it", "its", "itself", "just", "last", "later", "least", "less", "like", "many", "may",
      "maybe", "me", "meanwhile", "might", "more", "moreover", "most", "much", "must", "my",
      "neither", "never", "nevertheless", "new", "next", "no", "nor", "not", "nothing", "now", "of",
      "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "out", "over",
      "perhaps", "please", "rather", "second", "several", "she", "should", "similarly", "since",
      "so", "some", "someone", "something", "sometimes", "soon", "still", "such", "than", "that",
      "the", "their", "them", "then", "there", "therefore", "these", "they", "third", "this",
      "those", "though", "through", "thus", "to", "today", "together", "tomorrow", "tonight", "too",
      "under", "unless", "until", "up", "upon", "us", "very", "was", "we", "well", "were", "what",
      "whatever", "when", "where", "whether", "which", "while", "who", "whoever", "whom", "whose",
      "why", "will", "with", "within", "without", "would", "yes", "yesterday", "yet", "you", "your",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "june", "july", "august", "september", "october", "november",
      "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
      "dec", "read", "photo", "video", "watch", "update", "updated", "breaking", "exclusive",
      "editor", "note", "advertisement", "related", "opinion", "analysis", "report", "sources",
      "source", "image", "images", "getty", "file", "caption", "click", "share", "subscribe",
      "copyright", "ok", "hundreds", "thousands", "millions", "billions", "dozens", "scores",
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii", "iv", "god", "lord",
      // contractions are pronouns and verbs, never names
      "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "we'd", "you're", "you've", "you'll",
      "you'd", "they're", "they've", "they'll", "they'd", "he's", "he'll", "he'd", "she's", "she'll",
      "she'd", "it's", "it'll", "that's", "there's", "here's", "what's", "who's", "let's", "don't",
      "doesn't", "didn't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't", "haven't",
      "hasn't", "wouldn't", "couldn't", "shouldn't", "every", "each", "any"};
  return s;
}

// AP state abbreviations: "Boston, Mass.", "Grand Rapids, Mich." are places.
const WordSet& state_abbreviations() {
  static const WordSet s = {"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill",
                            "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss",
                            "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va",
                            "vt", "wash", "wis", "wyo", "n.y", "n.j", "n.c", "s.c", "n.h", "n.m",
                            "n.d", "s.d", "w.va", "d.c"};
  return s;
}

// Head words that make a capitalised name an organisation.
const WordSet& org_heads() {
  static const WordSet s = {
      "academy", "administration", "agency", "airlines", "airways", "alliance", "army",
      "assembly", "association", "authority", "bank", "board", "broadcasting", "bureau", "cabinet",
      "campaign", "caucus", "center", "centre", "chamber", "channel", "church", "club", "coalition",
      "college", "command", "commission", "committee", "company", "congress", "corp",
      "corporation", "council", "court", "daily", "department", "embassy", "federation", "force",
      "forces", "foundation", "front", "fund", "gazette", "group", "guard", "herald", "holdings",
      "hospital", "inc", "industries", "institute", "institution", "journal", "labs", "league",
      "ltd", "magazine", "media", "ministry", "motors", "movement", "navy", "network", "news",
      "office", "organisation", "organization", "parliament", "party", "police", "poll", "polls", "post", "press", "report", "survey",
      "project", "radio", "review", "school", "senate", "service", "services", "society",
      "team", "technologies", "television", "times", "tribune", "trust", "tv", "union",
      "university", "watch"};
  return s;
}

// Last words that make a capitalised name a law, place, event or thing rather than an actor.
const WordSet& non_actor_heads() {
  static const WordSet s = {
      "act", "acts", "amendment", "plan", "law", "bill", "program", "programme", "treaty", "accord",
      "accords", "agreement", "deal", "initiative", "policy", "rule", "doctrine", "tower", "towers",
      "street", "avenue", "road", "square", "park", "river", "lake", "island", "islands", "county",
      "city", "district", "valley", "mountain", "mountains", "bay", "beach", "airport", "station",
      "hall", "building", "bridge", "highway", "canal", "peninsula", "sea", "ocean", "coast",
      "province", "region", "prize", "award", "awards", "festival", "games", "cup", "war", "summit",
      "conference", "forum", "day", "week", "era", "speech", "debate", "debates", "election",
      "elections", "primary", "primaries", "caucus", "caucuses", "convention", "show", "live",
      "hotel", "resort", "stadium", "arena", "memorial", "museum", "library", "zone", "border",
      "act's", "reform", "reforms", "care", "security", "index", "amendments", "code", "case", "trial", "scandal", "crisis", "attack",
      "attacks", "protests", "movement", "revolution", "spring"};
  return s;
}

// "the X" that refers back to an organisation (or, for government words, a state).
const WordSet& org_references() {
  static const WordSet s = {"agency", "bank", "bureau", "commission", "committee", "company",
                            "council", "court", "department", "firm", "fund", "ministry",
                            "newspaper", "organization", "organisation", "party", "union",
                            "university", "government", "regime", "administration", "network"};
  return s;
}

// Nouns that make a demonym name the state: "the Chinese government".
const WordSet& government_nouns() {
  static const WordSet s = {"administration", "army", "authorities", "diplomats", "embassy",
                            "forces", "government", "leadership", "military", "ministry", "navy",
                            "officials", "official", "regime", "side", "troops", "delegation",
                            "negotiators", "envoy", "state"};
  return s;
}

// Words before a capital that make it a place, not the government ("talks in Beijing").
const WordSet& locatives() {
  static const WordSet s = {"in", "at", "to", "from", "near", "into", "across", "outside",
                            "inside", "around", "via", "toward", "towards", "visit", "visits",
                            "visited", "visiting", "arrived", "left", "leave", "leaving", "flew",
                            "trip", "based", "downtown", "through", "throughout", "returned",
                            "within", "of"};
  return s;
}

// Verbs after a single capitalised word that show it is a person acting or speaking.
const WordSet& subject_verbs() {
  static const WordSet s = {
      "said", "says", "told", "tells", "tweeted", "wrote", "writes", "added", "argued", "argues",
      "insisted", "insists", "claimed", "claims", "noted", "notes", "stated", "explained",
      "replied", "responded", "announced", "warned", "warns", "denied", "denies", "admitted",
      "acknowledged", "asked", "asks", "urged", "urges", "called", "calls", "accused", "accuses",
      "praised", "criticized", "slammed", "blasted", "vowed", "promised", "suggested", "suggests",
      "believes", "thinks", "thought", "wants", "wanted", "has", "had", "was", "is", "will",
      "would", "did", "does", "could", "should", "can", "may", "might", "must", "also", "later",
      "then", "never", "himself", "herself", "who", "met", "signed", "won", "lost", "ran", "made",
      "took", "gave", "went", "sent", "spoke", "speaks", "knew", "knows", "seems", "appeared",
      "faces", "faced", "continues", "continued", "plans", "planned", "hopes", "hoped", "needs",
      "tried", "tries", "declined", "refused", "agreed", "agrees", "disagreed", "defended",
      "attacked", "attacks", "supported", "supports", "opposed", "opposes", "backed", "backs",
      "pushed", "pushes", "rejected", "rejects", "appointed", "nominated", "fired", "resigned",
      "apologized", "apologised", "joked", "laughed", "mocked", "lied", "lies"};
  return s;
}

// Prepositions that make a lone capitalised word a place ("in Ohio").
const WordSet& places_before() {
  static const WordSet s = {"in", "at", "from", "near", "across", "throughout", "outside", "inside",
                            "around", "downtown", "into", "of"};
  return s;
}

const WordSet& reporting_before() {
  static const WordSet s = {"said", "says", "told", "asked", "added", "wrote", "according",
                            "by", "spokesman", "spokeswoman"};
  return s;
}

const WordSet& determiners() {
  // Not "that" (a conjunction as often as not) nor "no".
  static const WordSet s = {"a", "an", "the", "this", "these", "those", "every", "another"};
  return s;
}

const WordSet& pronouns_m() {
  static const WordSet s = {"he", "him", "his", "himself"};
  return s;
}
const WordSet& pronouns_f() {
  static const WordSet s = {"she", "her", "hers", "herself"};
  return s;
}
const WordSet& name_particles() {
  static const WordSet s = {"al", "bin", "ibn", "de", "del", "der", "di", "da", "du", "van", "von",
                            "la", "le", "dos", "das"};
  return s;
}

bool contains(const WordSet& s, std::string_view w) { return s.contains(w); }
// Tokens test by their precomputed hash (no rehashing of the text per lookup).
bool contains(const WordSet& s, const Token& t) { return s.contains(t.hash, t.lower); }

bool is_dot(const Token& t) { return t.kind == TokenKind::Punct && t.lower == "."sv; }

// The document's lower-case words by Token::hash, in the flat open-addressing table of core/
// (built per document: no node allocations).
FlatHashMap<bool> lower_words_of(const std::vector<Token>& toks) {
  FlatHashMap<bool> set;
  set.reserve(toks.size());
  for (const Token& t : toks) {
    if (t.kind == TokenKind::Word && !t.capitalized) set.insert(t.hash, true);
  }
  return set;
}
bool contains(const FlatHashMap<bool>& set, const Token& t) { return set.find(t.hash) != nullptr; }

class Finder {
 public:
  Finder(const Document& doc, const Gazetteer& gaz) : d_(doc), t_(doc.tokens), g_(gaz), lower_words_(lower_words_of(doc.tokens)) {}

  std::vector<Candidate> run() {
    for (int32_t s = 0; s < static_cast<int32_t>(d_.sentences.size()); ++s) sentence(s);
    return std::move(out_);
  }

 private:
  bool word(int32_t i) const { return i >= 0 && i < static_cast<int32_t>(t_.size()) && t_[i].kind == TokenKind::Word; }
  bool lower_is(int32_t i, std::string_view w) const {
    return i >= 0 && i < static_cast<int32_t>(t_.size()) && t_[i].lower == w;
  }
  // A capitalised word that may be (part of) a name.
  bool name_word(int32_t i, int32_t end) const {
    if (i >= end || !word(i) || !t_[i].capitalized || t_[i].aside) return false;
    if (contains(function_words(), t_[i])) return false;
    if (title_case_ && t_[i].span.size() > 3 && contains(lower_words_, t_[i])) return false;
    return true;
  }
  // The first word of a sentence (or of a quote / parenthesis inside it) is capitalised anyway.
  bool sentence_initial(int32_t i, int32_t first) const {
    if (i == first) return true;
    const Token& p = t_[i - 1];
    return p.kind == TokenKind::Quote || p.kind == TokenKind::Dash || p.lower == "("sv || p.lower == ":"sv ||
           (p.kind == TokenKind::Punct && p.lower != ","sv && p.lower != ";"sv && p.lower != "("sv) || t_[i].breaks_before > 0;
  }

  // Name tokens starting at i: capitalised words, middle initials, particles. Returns the end.
  int32_t name_run(int32_t i, int32_t end, bool allow_connectors, bool* has_org_head) const {
    int32_t k = i;
    int words = 0;
    while (k < end) {
      const Token& t = t_[k];
      if (k > i && t.breaks_before > 0) break;
      if (k > i && !(t_[k - 1].lower == "of"sv || t_[k - 1].lower == "for"sv || t_[k - 1].lower == "on"sv)) {
        const GazPhrase* p = g_.match(d_, k, end);
        if (p && p->kind != AliasKind::NonActor && p->kind != AliasKind::Demonym && !(has_org_head && *has_org_head)) {
          // "Likely GOP ..." stops before GOP; "China Daily" was handled by the caller.
          bool org_follows = false;
          for (int32_t q = k + static_cast<int32_t>(p->lowers.size()); q < end && name_word(q, end); ++q) {
            if (contains(org_heads(), t_[q])) org_follows = true;
          }
          if (!org_follows) break;
        }
      }
      if (name_word(k, end) || (k > i && word(k) && t.all_caps)) {
        if (has_org_head && contains(org_heads(), t)) *has_org_head = true;
        ++k;
        ++words;
        // Middle initial "J." followed by more name.
        if (t.span.size() == 1 && k + 1 < end && is_dot(t_[k]) && !t_[k].space_before && name_word(k + 1, end)) ++k;
        continue;
      }
      if (k > i && word(k) && k + 1 < end && name_word(k + 1, end) && !t_[k + 1].breaks_before) {
        if (contains(name_particles(), t)) { ++k; continue; }
        if (allow_connectors && (t.lower == "of"sv || t.lower == "for"sv || t.lower == "on"sv) &&
            has_org_head && *has_org_head) { ++k; continue; }
        // "Food and Drug Administration", "Health and Human Services": "and" inside an
        // organisation's name, when an organisation head word follows within three words.
        if (allow_connectors && has_org_head && t.lower == "and"sv) {
          bool head_follows = false;
          for (int32_t q = k + 1; q < end && q <= k + 3 && name_word(q, end); ++q) head_follows |= contains(org_heads(), t_[q]);
          if (head_follows || *has_org_head) { ++k; continue; }
        }
      }
      break;
    }
    while (k > i && !name_word(k - 1, end) && !(word(k - 1) && t_[k - 1].all_caps)) --k;
    return words > 0 ? k : i;
  }

  // A title before a name: "Foreign Minister", "Sen.", "campaign spokesman", "Secretary of State".
  // Returns the index after the title (and its abbreviation dot), or `i` when there is none.
  int32_t title_run(int32_t i, int32_t end, char* gender, std::string_view* head) const {
    int32_t j = i;
    bool has_head = false, honorific = false;
    while (j < end && word(j)) {
      const TitleWord* w = g_.title(t_[j]);
      if (!w) {
        if (j > i && t_[j].lower == "of"sv && j + 1 < end && word(j + 1) && g_.title(t_[j + 1])) { ++j; continue; }
        break;
      }
      if (w->gender != '-') *gender = w->gender;
      if (w->kind == TitleKind::Honorific) honorific = true;
      if (w->kind == TitleKind::Head) { has_head = true; *head = t_[j].lower; }
      ++j;
      if (j < end && is_dot(t_[j]) && !t_[j].space_before) ++j;
      if (honorific) break;
    }
    return (has_head || honorific) ? j : i;
  }

  // title + name at i; on success pushes a Person and returns the end, else returns i.
  int32_t titled_person(int32_t i, int32_t start, int32_t end, int32_t s) {
    char gender = '-';
    std::string_view head;
    int32_t j = title_run(i, end, &gender, &head);
    if (j == i || j >= end || !name_word(j, end)) return i;
    // "Justice Department", "Labor Department": the title word opens an organisation's name.
    if (contains(org_heads(), t_[j])) return i;
    // "President Obama" is a person, "Senate Democrats" / "leader Chinese ..." are not.
    if (const GazPhrase* p = g_.match(d_, j, end); p && p->kind != AliasKind::NonActor) return i;
    int32_t e = name_run(j, end, false, nullptr);
    if (e == j) return i;
    Candidate c;
    c.kind = CandKind::Person;
    c.span = {t_[start].span.start, t_[e - 1].span.end};
    c.name_first = j;
    c.name_end = e;
    c.sentence = s;
    c.gender = gender != '-' ? gender : given_gender(j);
    c.role = head;
    c.cue = true;
    out_.push_back(c);
    note_name_words(j, e);
    return e;
  }

  char given_gender(int32_t j) const {
    char g = g_.given_name_gender(t_[j]);
    return g ? g : '-';
  }

  void sentence(int32_t s) {
    const Sentence& sen = d_.sentences[s];
    const int32_t first = sen.first_token, end = sen.end_token;
    // Headlines in Title Case: most long words capitalised.
    int longw = 0, capw = 0;
    for (int32_t i = first; i < end; ++i) {
      if (word(i) && t_[i].span.size() > 3) {
        ++longw;
        capw += t_[i].capitalized;
      }
    }
    title_case_ = longw >= 3 && capw * 10 >= longw * 7;

    int32_t i = first;
    while (i < end) {
      const Token& t = t_[i];
      if (t.kind == TokenKind::Quote) {
        in_quote_ = !in_quote_;
        ++i;
        continue;
      }
      if (t.kind != TokenKind::Word) { ++i; continue; }
      if (t.breaks_before >= 2) in_quote_ = false;

      // Pronouns.
      const char c0 = t.lower[0];
      if ((c0 == 'h' || c0 == 's') && t.lower.size() <= 7 &&
          (contains(pronouns_m(), t) || contains(pronouns_f(), t))) {
        Candidate c;
        c.kind = CandKind::Pronoun;
        c.span = t.span;
        c.name_first = i;
        c.name_end = i + 1;
        c.sentence = s;
        c.gender = contains(pronouns_m(), t) ? 'm' : 'f';
        c.in_quote = in_quote_;
        out_.push_back(c);
        ++i;
        continue;
      }
      // Role nouns: "the spokesman", "the foreign minister" (not "the president of France").
      if (t.lower == "the"sv && i + 1 < end && word(i + 1)) {
        char gender = '-';
        std::string_view head;
        int32_t j = i + 1;
        int caps = 0;
        while (j < end && word(j)) {
          const TitleWord* w = g_.title(t_[j]);
          // "the Vermont senator", "the New York businessman", "the GOP nominee"
          if (!w && t_[j].capitalized && caps < 3 && j + 1 < end) { ++caps; ++j; continue; }
          if (!w || w->kind == TitleKind::Honorific) break;
          if (w->gender != '-') gender = w->gender;
          if (w->kind == TitleKind::Head) head = t_[j].lower;
          ++j;
        }
        // "the president of France" names someone else; "the president of starting" is him.
        const bool of_name = j + 1 < end && t_[j].lower == "of"sv && t_[j + 1].capitalized;
        if (!head.empty() && head == t_[j - 1].lower && !of_name && !name_word(j, end)) {
          Candidate c;
          c.kind = CandKind::Role;
          c.span = {t.span.start, t_[j - 1].span.end};
          c.sentence = s;
          c.gender = gender;
          c.role = head;
          out_.push_back(c);
          i = j;
          continue;
        }
      }
      // "the agency", "the government": an organisation or state named before.
      if (t.lower == "the"sv && i + 1 < end && word(i + 1) && contains(org_references(), t_[i + 1]) &&
          !(i + 2 < end && ((t_[i + 2].lower == "of"sv && i + 3 < end && t_[i + 3].capitalized) || name_word(i + 2, end)))) {
        Candidate c;
        c.kind = CandKind::Role;
        c.span = {t.span.start, t_[i + 1].span.end};
        c.sentence = s;
        c.gender = 'o';
        c.role = t_[i + 1].lower;
        out_.push_back(c);
        i += 2;
        continue;
      }
      // Title + name.
      if (int32_t e = titled_person(i, i, end, s); e != i) { i = e; continue; }

      // Gazetteer phrases.
      if (const GazPhrase* p = g_.match(d_, i, end)) {
        const int32_t n = static_cast<int32_t>(p->lowers.size());
        const int32_t after = i + n;
        if (p->kind == AliasKind::NonActor) {
          // "New York University", "Texas A&M": a place that opens an organisation's name.
          if (!title_case_ && after < end && name_word(after, end) && !t_[after].breaks_before) {
            bool org = false;
            int32_t e = name_run(after, end, true, &org);  // "New" is a function word
            if (org && e > after) {
              push_name(CandKind::Org, i, e, s);
              i = e;
              continue;
            }
          }
          i = after;
          continue;
        }
        // "Chinese Foreign Minister Wang Yi", "U.S. President Donald Trump": the person.
        // "NATO Secretary-General Jens Stoltenberg": NATO, then the person.
        if (p->kind == AliasKind::Name || p->kind == AliasKind::Demonym) {
          const bool country = g_.entry(p->entry).type == "country"sv;
          const size_t at = out_.size();
          if (int32_t e = titled_person(after, country ? i : after, end, s); e != after) {
            if (!country) {
              Candidate c;
              c.kind = CandKind::Gaz;
              c.span = {t.span.start, t_[after - 1].span.end};
              c.entry = p->entry;
              c.sentence = s;
              out_.insert(out_.begin() + static_cast<std::ptrdiff_t>(at), c);
            }
            i = e;
            continue;
          }
        }
        // "China Daily", "Seoul National University": a longer organisation name.
        if (!title_case_ && t_[after - 1].capitalized && name_word(after, end) && !t_[after].breaks_before) {
          bool org = false;
          int32_t e = name_run(i, end, true, &org);
          if (org && e > after) {
            push_name(CandKind::Org, i, e, s);
            i = e;
            continue;
          }
        }
        int32_t span_end = after;
        bool keep = true;
        if (p->kind == AliasKind::Demonym) {
          int32_t j = after;
          if (j < end && g_.title(t_[j]) && g_.title(t_[j])->kind == TitleKind::Modifier) ++j;
          keep = j < end && contains(government_nouns(), t_[j]);
          span_end = j + 1;
          // "South Korean special envoy, Lee Hae-chan" / "the Chinese envoy Wu Dawei": the phrase
          // introduces a person (the name is its own mention), not the state.
          const int32_t k = span_end < end && t_[span_end].lower == ","sv ? span_end + 1 : span_end;
          if (keep && k < end && t_[k].capitalized && !contains(function_words(), t_[k]) &&
              k + 1 < end && t_[k + 1].capitalized) {
            keep = false;
          }
        } else if (p->kind == AliasKind::Metonym) {
          bool place = i > first && contains(locatives(), t_[i - 1]);
          if (after < end && (t_[after].lower == ","sv || t_[after].lower == "state"sv)) {
            int32_t j = t_[after].lower == ","sv ? after + 1 : after;
            if (j < end && (t_[j].lower == "d.c."sv || t_[j].lower == "state"sv)) place = true;
          }
          if (after < end && t_[after].lower == "d.c."sv) place = true;
          // A dateline: "SEOUL —", "BEIJING (Reuters) -".
          if (t.all_caps && after < end && (t_[after].kind == TokenKind::Dash || t_[after].lower == "("sv || t_[after].lower == ","sv)) place = true;
          keep = !place;
        }
        if (keep) {
          Candidate c;
          c.kind = CandKind::Gaz;
          c.span = {t.span.start, t_[span_end - 1].span.end};
          c.entry = p->entry;
          c.alias = p->kind;
          c.sentence = s;
          out_.push_back(c);
          i = span_end;
        } else {
          i = after;
        }
        continue;
      }

      // Capitalised names not in the gazetteer.
      if (t.capitalized && !contains(function_words(), t) && !handle_or_url(i)) {
        // "Boston, Mass.": a state abbreviation is a place.
        if (i > first && t_[i - 1].lower == ","sv && contains(state_abbreviations(), t) && i + 1 < end &&
            is_dot(t_[i + 1]) && !t_[i + 1].space_before) {
          i += 2;
          continue;
        }
        if (sentence_initial(i, first) && !t.all_caps &&
            (contains(lower_words_, t) || (opener_form(t.lower) && !g_.given_name_gender(t)) ||
             common_lone_word(i, end))) {
          ++i;
          continue;
        }
        bool org = false;
        int32_t e = name_run(i, end, true, &org);
        if (e == i) { ++i; continue; }
        // A Title Case line inside the body ("Death Takes a Holiday", "Trump Plans ..."): a word
        // news text writes in lower case ends the name before it.
        if (title_case_ && !org) {
          for (int32_t k = i + 1; k < e; ++k) {
            if (word(k) && g_.mostly_lower(t_[k]) && !g_.given_name_gender(t_[k])) { e = k; break; }
          }
          while (e > i && !word(e - 1)) --e;
          if (e == i) { ++i; continue; }
        }
        for (int32_t k = i + 1; k + 1 < e; ++k) {
          const TitleWord* tw = g_.title(t_[k]);
          if (tw && tw->kind == TitleKind::Head && name_word(k + 1, end)) { e = k; break; }
        }
        const int32_t len = e - i;
        // Every word one news text writes in lower case ("Egg Roll", "Mental Health"): not a name.
        if (!org && all_mostly_lower(i, e) && !g_.given_name_gender(t) && !known_name_word(i)) {
          i = e;
          continue;
        }
        // "the Obama administration", "the Trump campaign": an organisation of its own.
        if (!org && e < end && word(e) && (t_[e].lower == "administration"sv || t_[e].lower == "campaign"sv) &&
            !t_[e].capitalized) {
          push_name(CandKind::Org, i, e + 1, s);
          i = e + 1;
          continue;
        }
        bool shouting = len >= 2;  // an all-caps run is a headline, not a name
        for (int32_t k = i; k < e && shouting; ++k) shouting = t_[k].kind != TokenKind::Word || t_[k].all_caps;
        // "the Clean Air Act", "Central Park": a name ending in a place/thing head is no actor. A lone
        // head word is kept only as a possible reference to a known person ("Park" after "Park
        // Min-su", "Hall" after "Stuart Hall"): it never starts a new one (no cue, not plausible).
        const bool head_word = contains(non_actor_heads(), t_[e - 1]);
        if (shouting || (head_word && len >= 2) || (len == 1 && org)) {  // a lone "University"
          i = e;
          continue;
        }
        // "the Grand Strategy class", "an Ideal America", "This Whiggish vision": after a
        // determiner an unknown name is not a new person ("the Obama administration" still links
        // to an Obama named elsewhere).
        const bool determiner = i > first && contains(determiners(), t_[i - 1]) &&
                                !(len >= 2 && g_.given_name_gender(t));  // "the Bernie Sanders campaign"
        if (org) {
          push_name(CandKind::Org, i, e, s);
        } else if (len > 5 || (determiner && len >= 2)) {
          // A run this long is a headline fragment or a title, not one name.
        } else if (len >= 2) {
          Candidate& c = push_name(CandKind::Person, i, e, s);
          c.gender = given_gender(i);
          note_name_words(i, e);
        } else if (g_.title(t) || (g_.mostly_lower(t) && !known_name_word(i) && !g_.given_name_gender(t))) {
          // A lone title ("President") or a word news text writes in lower case ("Vaccines",
          // "Treason") is not a name unless this article used it in a full name before.
        } else {
          Candidate& c = push_name(CandKind::SingleName, i, e, s);
          c.all_caps = t.all_caps;
          c.gender = given_gender(i);
          c.cue = !determiner && !head_word && single_name_cue(i, first, end);
          c.plausible = !determiner && !head_word && plausible_single_name(i, first, end);
        }
        i = e;
        continue;
      }
      ++i;
    }
  }

  bool single_name_cue(int32_t i, int32_t first, int32_t end) const {
    const int32_t n = i + 1;
    const std::string& w = t_[i].lower;
    // "Candidates who ...", "Voters were": a plural noun opening the sentence (a plural verb
    // after it; "Meadows would" and "Sanders said" stay names).
    if (sentence_initial(i, first) && w.size() > 3 && w.back() == 's' && n < end &&
        (t_[n].lower == "who"sv || t_[n].lower == "are"sv || t_[n].lower == "were"sv || t_[n].lower == "have"sv)) {
      return false;
    }
    if (n < end) {
      const Token& x = t_[n];
      if (x.lower == "'s"sv || x.lower == "'"sv) return true;
      if (x.lower == ":"sv && t_[i].all_caps) return true;  // transcript speaker "WALLACE:"
      if (x.kind == TokenKind::Word && !x.capitalized && contains(subject_verbs(), x)) return true;
      if (x.kind == TokenKind::Word && !x.capitalized && x.lower.size() > 4 &&
          x.lower.compare(x.lower.size() - 2, 2, "ed") == 0) return true;
      if (x.lower == ","sv && n + 1 < end) {
        const std::string& y = t_[n + 1].lower;
        if (y == "who"sv || y == "a"sv || y == "the"sv || y == "an"sv) return true;
      }
    }
    if (i > first && contains(reporting_before(), t_[i - 1])) return true;
    return false;
  }

  // "Speaking", "Asked", "Likely": sentence openers that are not names.
  // A lone capitalised word at a sentence start that news text writes in lower case elsewhere
  // ("Good relations...", "Critics say"), unless this article used it in a full name before
  // ("Young said" after "Don Young") or a capitalised word follows ("Bill Clinton", "Mark Warner").
  bool common_lone_word(int32_t i, int32_t end) const {
    if (!g_.mostly_lower(t_[i])) return false;
    if (i + 1 < end && word(i + 1) && t_[i + 1].capitalized) return false;
    return name_words_.count(t_[i].hash) == 0;
  }

  bool known_name_word(int32_t i) const {
    return name_words_.count(t_[i].hash) > 0;
  }
  bool all_mostly_lower(int32_t b, int32_t e) const {
    int32_t words = 0;
    for (int32_t k = b; k < e; ++k) {
      if (!word(k)) continue;
      if (!g_.mostly_lower(t_[k])) return false;
      ++words;
    }
    return words > 0;
  }
  // "@KatiePavlich", "pic.twitter.com/OkzWuD56JA": a handle or a piece of a web address.
  bool handle_or_url(int32_t i) const {
    if (i == 0 || t_[i].space_before || t_[i].breaks_before) return false;
    const std::string& p = t_[i - 1].lower;
    return p == "@"sv || p == "/"sv || p == "."sv || p == "#"sv || (!p.empty() && p.back() == '@');
  }

  void note_name_words(int32_t b, int32_t e) {
    for (int32_t k = b; k < e; ++k) name_words_.insert(t_[k].hash);
  }

  static bool opener_form(const std::string& w) {
    auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 2 && w.compare(w.size() - suf.size(), suf.size(), suf) == 0; };
    return ends("ed") || ends("ing") || ends("ly");
  }

  // A lone capitalised word with no cue: a surname unless it reads as a place ("in Ohio"), a
  // hyphenated modifier ("Seoul-based") or a sentence-opening adverb/participle ("Asked", "Sadly").
  bool plausible_single_name(int32_t i, int32_t first, int32_t end) const {
    const Token& t = t_[i];
    if (t.all_caps || t.span.size() < 3 || title_case_) return false;
    if (i > first && contains(places_before(), t_[i - 1])) return false;
    const std::string& w = t.lower;
    if (w.find('-') != std::string::npos) return false;
    if (i + 2 < end && t_[i + 1].lower == ","sv && (g_.match(d_, i + 2, end) || t_[i + 2].lower.find('.') != std::string::npos)) return false;
    // At a sentence start anything is capitalised: a lone word there must be followed by what
    // reads as its verb ("McConnell sought"), not a preposition or a comma ("Patrons at",
    // "Somewhere,").
    if (!sentence_initial(i, first)) return true;
    if (i + 1 >= end) return false;
    const Token& n = t_[i + 1];
    return n.kind == TokenKind::Word && !n.capitalized && (n.lower == "and"sv || !contains(function_words(), n));
  }

  Candidate& push_name(CandKind kind, int32_t b, int32_t e, int32_t s) {
    Candidate c;
    c.kind = kind;
    c.span = {t_[b].span.start, t_[e - 1].span.end};
    c.name_first = b;
    c.name_end = e;
    c.sentence = s;
    out_.push_back(c);
    return out_.back();
  }

  const Document& d_;
  const std::vector<Token>& t_;
  const Gazetteer& g_;
  FlatHashMap<bool> lower_words_;
  std::unordered_set<uint64_t> name_words_;  // hashes of the words of the person names found so far (a set: linear in long texts)
  std::vector<Candidate> out_;
  bool title_case_ = false;
  bool in_quote_ = false;
};

}  // namespace

bool is_capitalised_function_word(std::string_view lower) { return contains(function_words(), lower); }

std::vector<Candidate> find_candidates(const Document& doc, const Gazetteer& gaz) {
  return Finder(doc, gaz).run();
}

}  // namespace framelens
