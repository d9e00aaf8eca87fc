#include "analyzer/quotes/speaker_resolver.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

struct NameRun {
  int32_t first_tok;
  int32_t end_tok;
};

std::string run_text(const Document& doc, const NameRun& r) {
  return doc.norm_slice({doc.tokens[r.first_tok].span.start, doc.tokens[r.end_tok - 1].span.end});
}

// Runs of two or more capitalised name words ("Donald Trump", "Patrick J. Tiberi"), in order.
std::vector<NameRun> name_runs(const Document& doc) {
  const auto& toks = doc.tokens;
  const auto& lex = CueLexicon::instance();
  std::vector<NameRun> runs;
  const int32_t n = static_cast<int32_t>(toks.size());
  for (int32_t i = 0; i < n;) {
    if (!toks[i].capitalized || !is_name_word(toks[i])) { ++i; continue; }
    int32_t j = i;
    int32_t words = 0;
    while (j < n) {
      if (is_name_word(toks[j]) && toks[j].sentence == toks[i].sentence) { ++words; ++j; continue; }
      if (toks[j].kind == TokenKind::Punct && toks[j].lower == "." && !toks[j].space_before &&
          j + 1 < n && toks[j + 1].sentence == toks[j].sentence && toks[j - 1].span.size() <= 2) {
        ++j;  // initials: "J."
        continue;
      }
      break;
    }
    // Titles are not part of the name ("Sen. Ted Cruz" -> "Ted Cruz").
    int32_t s = i;
    while (s < j && ((toks[s].kind == TokenKind::Word && (lex.word_class(toks[s]) & kTitle)) ||
                     toks[s].kind == TokenKind::Punct)) {
      if (toks[s].kind == TokenKind::Word) --words;
      ++s;
    }
    if (words >= 2 && s < j) {
      int32_t e = j;
      while (e > s && toks[e - 1].kind == TokenKind::Punct) --e;
      runs.push_back({s, e});
    }
    i = j > i ? j : i + 1;
  }
  return runs;
}

struct Known {
  std::string name;
  std::string role;
  int32_t tok;
  int32_t paragraph;
  int32_t actor;
  char gender;  // 'm', 'f' or '-'
};

// Gender evidence in a speaker phrase: an honorific or a gendered role noun ("Mrs. Hart",
// "the spokeswoman").
char role_gender(const std::string& role) {
  if (role == "mr" || role == "spokesman" || role == "congressman" || role == "chairman" ||
      role == "father" || role == "husband" || role == "son" || role == "man") {
    return 'm';
  }
  if (role == "mrs" || role == "ms" || role == "spokeswoman" || role == "congresswoman" ||
      role == "chairwoman" || role == "mother" || role == "wife" || role == "daughter" || role == "woman") {
    return 'f';
  }
  return '-';
}

char pronoun_gender(const std::string& pronoun) {
  const uint16_t c = CueLexicon::instance().word_class(pronoun);
  return (c & kMalePronoun) ? 'm' : (c & kFemalePronoun) ? 'f' : '-';
}

struct MentionRef {
  Span span;
  int32_t actor;
  bool pronoun;
};

class Resolver {
 public:
  Resolver(Document& doc, const QuoteScan& scan) : doc_(doc), scan_(scan) {
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      for (const auto& m : doc.actors[a].mentions) {
        mentions_.push_back({m.span, static_cast<int32_t>(a), m.pronoun});
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionRef& x, const MentionRef& y) { return x.span.start < y.span.start; });
  }

  // `own`: the content of the quote being attributed; a name inside it never speaks it.
  QuoteSpeaker resolve(const SpeakerPhrase& sp, int32_t paragraph, Span own) {
    QuoteSpeaker out = resolve_phrase(sp, paragraph, own);
    if (out.actor >= 0) last_ = {out.actor, paragraph, sp.head.start};
    return out;
  }

 private:
  QuoteSpeaker resolve_phrase(const SpeakerPhrase& sp, int32_t paragraph, Span own) {
    QuoteSpeaker out;
    out.span = sp.head;
    out.name = sp.name;
    const MentionRef* m = mention_at(sp.head);
    if (m) out.actor = m->actor;
    switch (sp.kind) {
      case SpeakerKind::Name:
        if (m) {
          // The actor's name, unless the phrase names it more fully ("Judicial Watch" for an
          // actor the actors stage cut to "Judicial").
          const std::string& an = doc_.actors[m->actor].name;
          out.name = sp.name.size() > an.size() && sp.name.find(an) != std::string::npos ? sp.name : an;
        } else if (sp.name.find(' ') == std::string::npos) {
          out.name = full_name(sp.name, sp.first_tok);
        }
        add_known({out.name, sp.role, sp.first_tok, paragraph, out.actor, gender_of(out.actor, sp.role)});
        break;
      case SpeakerKind::Pronoun: {
        const uint16_t c = CueLexicon::instance().word_class(sp.name);
        const char g = pronoun_gender(sp.name);
        const bool plural = (c & kPluralPronoun) != 0;
        // The actors stage's link, unless the pronoun disagrees with the actor in gender or
        // number, or the link rests on a name inside this very quote.
        // "he"/"she" right after someone was reported speaking continues that speaker ('..., the
        // president tweeted. ... "...," he continued'), whatever the nearest name.
        if (!plural && g != '-' && last_.actor >= 0 && last_.paragraph >= paragraph - 1 &&
            agrees(last_.actor, g, false) && !other_named_between(last_.actor, g, last_.pos, sp.head.start)) {
          out.actor = last_.actor;
          out.name = doc_.actors[last_.actor].name;
          out.resolved = true;
          break;
        }
        if (m && agrees(m->actor, g, plural) && !antecedent_inside(m->actor, sp.head.start, own)) {
          out.name = doc_.actors[m->actor].name;
          out.resolved = true;
          break;
        }
        out.actor = -1;
        out.name.clear();  // unresolved: the text keeps the pronoun, the name stays empty
        if (!(c & (kMalePronoun | kFemalePronoun))) break;  // they / we / I stay unresolved
        if (const Known* k = recent(paragraph, "", g)) {
          out.name = k->name;
          out.actor = k->actor;
          out.resolved = true;
        } else if (const NameRun* r = run_before(sp.first_tok, g)) {
          out.name = run_text(doc_, *r);
          out.resolved = true;
          const Span rs{doc_.tokens[r->first_tok].span.start, doc_.tokens[r->end_tok - 1].span.end};
          if (const MentionRef* rm = mention_at(rs); rm && agrees(rm->actor, g, false)) {
            out.actor = rm->actor;
            out.name = doc_.actors[rm->actor].name;
          }
        }
        break;
      }
      case SpeakerKind::Role:
        if (m && m->pronoun && sp.definite && vice_titled(m->actor, sp.role, sp.head.start)) {
          // "the president" linked to the person named "Vice President X": the one titled
          // "President" speaks.
          const int32_t a = titled_actor(sp.role, sp.head.start);
          out.actor = a;
          out.name = a >= 0 ? doc_.actors[a].name : std::string();
          out.resolved = a >= 0;
        } else if (m && m->pronoun) {
          out.name = doc_.actors[m->actor].name;
          out.resolved = true;
        } else if (sp.definite && !m) {
          if (const Known* k = recent(-1, sp.role)) {
            out.name = k->name;
            out.actor = k->actor;
            out.resolved = true;
          } else if (const int32_t a = recent_organisation(sp); a >= 0) {
            // "the tech giant said", "the statement said", "the campaign said": the organisation
            // named last before it.
            out.name = doc_.actors[a].name;
            out.actor = a;
            out.resolved = true;
          }
        }
        // An indefinite or generic phrase ("a senior official", "two officials", "critics") names
        // nobody, even when a word in it is an actor ("a U.S. official"): unresolved.
        if (!out.resolved && generic_phrase(sp)) out.actor = -1;
        if (out.actor < 0 && !out.resolved && generic_phrase(sp)) out.name.clear();
        break;
      case SpeakerKind::None:
        break;
    }
    return out;
  }

  // "a senior U.S. official", "two officials", "Critics", "Authorities": an indefinite phrase, or
  // a lone word for anonymous sources, names nobody ("Protesters chanted" names a group; "a
  // Facebook spokesperson" speaks for Facebook).
  bool generic_phrase(const SpeakerPhrase& sp) const {
    const auto& toks = doc_.tokens;
    if (sp.first_tok < 0 || sp.end_tok <= sp.first_tok) return false;
    if (sp.role.rfind("spokes", 0) == 0) return false;
    const std::string& d = toks[sp.first_tok].lower;
    static constexpr std::string_view kIndefinite[] = {"a", "an", "one", "two", "three", "four", "some",
                                                       "several", "many", "another", "most", "all", "both",
                                                       "every", "each", "no"};
    for (std::string_view w : kIndefinite)
      if (d == w) return true;
    if (sp.name.find(' ') != std::string::npos) return false;  // the head is one word
    const std::string& w = toks[sp.first_tok].lower;
    return w == "official" || w == "officials" || w == "source" || w == "expert" || w == "analyst" ||
           w == "aide" || w == "insider" || w == "critics" || w == "authorities" || w == "sources" || w == "experts" ||
           w == "analysts" || w == "observers" || w == "aides" || w == "insiders" || w == "people";
  }

  // Whether the name mention at token `tok` carries the title `title` ("President"), and whether
  // "Vice" comes before it.
  // 0: none, 1: "<title> X", 2: "Vice <title> X" (the title may open the mention itself).
  int title_before(int32_t tok, const std::string& title) const {
    const auto& toks = doc_.tokens;
    const int32_t n = static_cast<int32_t>(toks.size());
    if (tok + 1 < n && toks[tok].lower == "vice" && toks[tok + 1].lower == title) return 2;
    int32_t t = tok < n && toks[tok].lower == title ? tok : tok - 1;
    if (t < 0 || toks[t].lower != title) return 0;
    return t >= 1 && toks[t - 1].lower == "vice" ? 2 : 1;
  }

  // The actor's name mentions before `pos` carry `title` only as "Vice <title>".
  bool vice_titled(int32_t actor, const std::string& title, int32_t pos) const {
    if (title.empty() || actor < 0) return false;
    bool vice = false;
    for (const auto& mm : doc_.actors[actor].mentions) {
      if (mm.pronoun || mm.span.start >= pos) continue;
      const int32_t t = doc_.token_at_or_after(mm.span.start);
      if (t < 0) continue;
      const int tb = title_before(t, title);
      if (tb == 1) return false;
      vice |= tb == 2;
    }
    return vice;
  }

  // The last person named with `title` (not "Vice <title>") before `pos`, or -1.
  int32_t titled_actor(const std::string& title, int32_t pos) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), pos,
                               [](const MentionRef& x, int32_t v) { return x.span.start < v; });
    while (it != mentions_.begin()) {
      --it;
      if (it->pronoun) continue;
      const int32_t t = doc_.token_at_or_after(it->span.start);
      if (t >= 0 && title_before(t, title) == 1) return it->actor;
    }
    return -1;
  }

  // A pronoun of gender `g` ('-' when it has none) or plural can refer to the actor: "he"/"she"
  // only to a person of that gender (or unknown), "they"/"we" not to a single person.
  bool agrees(int32_t actor, char g, bool plural) const {
    if (actor < 0 || actor >= static_cast<int32_t>(doc_.actors.size())) return false;
    const Actor& a = doc_.actors[actor];
    if (plural) return a.type != "person";
    if (g != '-') return a.type == "person" && (a.gender == '-' || a.gender == g);
    return true;
  }

  // Another person of gender `g` is named in (from, to) outside direct quotes: the narration moved
  // on to someone else.
  bool other_named_between(int32_t actor, char g, int32_t from, int32_t to) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), from + 1,
                               [](const MentionRef& x, int32_t v) { return x.span.start < v; });
    for (; it != mentions_.end() && it->span.start < to; ++it) {
      if (it->pronoun || it->actor == actor || !agrees(it->actor, g, false)) continue;
      const int32_t t = doc_.token_at_or_after(it->span.start);
      if (t >= 0 && !(scan_.tok_flags[t] & kTokInDirect)) return true;
    }
    return false;
  }

  // The actor's last name mention before `pos` lies inside `own` (the quote being attributed).
  bool antecedent_inside(int32_t actor, int32_t pos, Span own) const {
    if (own.empty()) return false;
    const Span* last = nullptr;
    for (const auto& mm : doc_.actors[actor].mentions) {
      if (mm.pronoun || mm.span.start >= pos) continue;
      if (!last || mm.span.start > last->start) last = &mm.span;
    }
    return last && own.contains(*last);
  }

  // The organisation a definite organisation noun refers back to: the last organisation (for
  // "the government", "the ministry" also a country) mentioned before the phrase, within the last
  // 1,500 code points; for "the campaign" one whose name holds that word when there is one.
  int32_t recent_organisation(const SpeakerPhrase& sp) const {
    const Token& head = doc_.tokens[sp.end_tok - 1];
    const std::string& w = head.lower;
    static constexpr std::string_view kOrgNouns[] = {
        "company", "firm", "giant", "group", "agency", "department", "campaign", "statement", "report",
        "network", "newspaper", "paper", "committee", "organization", "organisation", "administration",
        "ministry", "government", "union", "court", "website", "outlet", "magazine", "bank",
        "corporation", "office", "council", "board", "commission", "coalition", "foundation", "institute",
        "association", "airline", "automaker", "retailer", "startup", "maker", "party", "release"};
    bool org_noun = false;
    for (std::string_view n : kOrgNouns) org_noun |= w == n;
    if (!org_noun || head.capitalized) return -1;
    const bool state = w == "government" || w == "ministry" || w == "administration";
    int32_t best = -1;
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), sp.head.start,
                               [](const MentionRef& x, int32_t v) { return x.span.start < v; });
    while (it != mentions_.begin()) {
      --it;
      if (sp.head.start - it->span.start > 1500) break;
      const Actor& a = doc_.actors[it->actor];
      if (a.type != "organization" && !(state && a.type == "country")) continue;
      if (w == "campaign") {
        if (a.name.find("ampaign") != std::string::npos) return it->actor;
        if (best < 0) best = it->actor;
        continue;
      }
      return it->actor;
    }
    return best;
  }

  const MentionRef* mention_at(Span s) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), s.start - 256,
                               [](const MentionRef& x, int32_t v) { return x.span.start < v; });
    const MentionRef* best = nullptr;
    for (; it != mentions_.end() && it->span.start < s.end; ++it) {
      if (it->span.overlaps(s) && (!best || (best->pronoun && !it->pronoun))) best = &*it;
    }
    return best;
  }

  // The most recent named speaker; with a role, the most recent one introduced with that role;
  // without one, only within the last three paragraphs, skipping speakers of the other gender
  // ("she said" after Mr. Lund spoke goes to the woman quoted before him).
  const Known* recent(int32_t paragraph, const std::string& role, char gender = '-') const {
    if (!role.empty()) {
      auto it = last_with_role_.find(role);
      return it == last_with_role_.end() ? nullptr : &known_[it->second];
    }
    for (auto it = known_.rbegin(); it != known_.rend(); ++it) {
      if (paragraph >= 0 && it->paragraph < paragraph - 3) return nullptr;
      if (gender != '-' && it->gender != '-' && it->gender != gender) continue;
      // "he"/"she" is a person, never an organisation quoted before.
      if (gender != '-' && it->actor >= 0 && doc_.actors[it->actor].type != "person") continue;
      return &*it;
    }
    return nullptr;
  }

  // What the actors stage knows about the person's gender, else the phrase's honorific or role.
  char gender_of(int32_t actor, const std::string& role) const {
    if (actor >= 0 && actor < static_cast<int32_t>(doc_.actors.size()) && doc_.actors[actor].gender != '-') {
      return doc_.actors[actor].gender;
    }
    return role_gender(role);
  }

  char run_gender(const NameRun& r) const {
    const Span s{doc_.tokens[r.first_tok].span.start, doc_.tokens[r.end_tok - 1].span.end};
    const MentionRef* m = mention_at(s);
    if (m) return gender_of(m->actor, "");
    // An honorific right before the run ("Mrs. Lena Hart").
    for (int32_t k = r.first_tok - 1; k >= 0 && r.first_tok - k <= 2; --k) {
      const Token& t = doc_.tokens[k];
      if (t.kind == TokenKind::Word) return role_gender(t.lower);
    }
    return '-';
  }

  const std::vector<NameRun>& runs() {
    if (!runs_built_) {
      runs_ = name_runs(doc_);
      runs_built_ = true;
    }
    return runs_;
  }

  // Speakers are looked up by role and by last name word through indexes, not by scanning
  // every earlier speaker, so a text with thousands of quotes stays linear.
  void add_known(Known k) {
    const int32_t i = static_cast<int32_t>(known_.size());
    if (!k.role.empty()) last_with_role_[k.role] = i;
    if (const size_t sp = k.name.rfind(' '); sp != std::string::npos && sp + 1 < k.name.size()) {
      first_with_last_word_.emplace(k.name.substr(sp + 1), i);
    }
    known_.push_back(std::move(k));
  }

  // The last full name before `tok` whose gender does not contradict `gender` (runs are in text
  // order with growing ends: binary search, then back to the first compatible one).
  const NameRun* run_before(int32_t tok, char gender = '-') {
    const auto& rs = runs();
    auto end = std::partition_point(rs.begin(), rs.end(), [&](const NameRun& r) { return r.end_tok <= tok; });
    for (auto it = end; it != rs.begin();) {
      --it;
      if (scan_.tok_flags[it->first_tok] & kTokInDirect) continue;  // a name inside a quote never speaks it
      if (gender != '-') {
        const char g = run_gender(*it);
        if (g != '-' && g != gender) continue;
      }
      return &*it;
    }
    return nullptr;
  }

  // "Trump" -> "Donald Trump" when a full name ending in that word was seen earlier (or later).
  // (`word` has no space: the earliest known speaker whose name's last word it is.)
  std::string full_name(const std::string& word, int32_t tok) {
    if (auto it = first_with_last_word_.find(word); it != first_with_last_word_.end()) return known_[it->second].name;
    // A run whose last word is `word` (compared on the lower-cased token): the first one at or
    // after `tok`, else the last one before it.
    std::string lw;
    for (char c : word) lw.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (!runs_by_last_built_) {
      const auto& rs = runs();
      for (size_t i = 0; i < rs.size(); ++i) runs_by_last_[doc_.tokens[rs[i].end_tok - 1].lower].push_back(i);
      runs_by_last_built_ = true;
    }
    auto it = runs_by_last_.find(lw);
    if (it == runs_by_last_.end()) return word;
    const auto& idx = it->second;  // run indexes in text order
    auto at = std::partition_point(idx.begin(), idx.end(), [&](size_t i) { return runs_[i].first_tok < tok; });
    const NameRun& found = runs_[at != idx.end() ? *at : idx.back()];
    return run_text(doc_, found);
  }

  Document& doc_;
  const QuoteScan& scan_;
  std::vector<MentionRef> mentions_;
  std::vector<Known> known_;
  std::vector<NameRun> runs_;
  bool runs_built_ = false;
  struct LastSpeaker {
    int32_t actor = -1;
    int32_t paragraph = -1;
    int32_t pos = -1;
  } last_;  // the speaker of the last attributed quote linked to an actor
  std::unordered_map<std::string, int32_t> last_with_role_;        // role -> latest known_ index
  std::unordered_map<std::string, int32_t> first_with_last_word_;  // last name word -> earliest
  std::unordered_map<std::string_view, std::vector<size_t>> runs_by_last_;
  bool runs_by_last_built_ = false;
};

}  // namespace

namespace {

// The report is denied: "did not say", "never said", "has not claimed", "declined to say",
// "without saying" (a negation right before the cue, after the speaker).
bool negated_report(const Document& doc, const Attribution& a) {
  const auto& toks = doc.tokens;
  if (a.cue_tok < 0) return false;
  const int32_t floor = a.speaker && a.speaker.end_tok <= a.cue_tok ? a.speaker.end_tok : a.cue_tok - 3;
  for (int32_t k = a.cue_tok - 1; k >= std::max<int32_t>(floor, 0) && a.cue_tok - k <= 3; --k) {
    const Token& t = toks[k];
    if (t.kind != TokenKind::Word) break;
    const std::string& w = t.lower;
    if (w == "not" && toks[k + 1].lower == "only") return false;  // "not only said ..., but"
    if (w == "not" || w == "never" || w == "cannot" || w == "without" || w.ends_with("n't") ||
        w.ends_with("n\u2019t")) {
      return true;
    }
    // "declined to say", "refused to comment on whether ...".
    if (w == "to" && k > 0 && (toks[k - 1].lower == "declined" || toks[k - 1].lower == "refused" ||
                               toks[k - 1].lower == "declines" || toks[k - 1].lower == "refuses")) {
      return true;
    }
  }
  return false;
}

// `s` lies inside the quoted content (a fragment of a split quote; the attribution between the
// fragments is not content).
bool inside_content(const Quote& q, Span s) {
  if (q.fragments.empty()) return q.span.contains(s);
  for (const Span& f : q.fragments)
    if (f.contains(s)) return true;
  return false;
}

}  // namespace

void resolve_speakers(Document& doc, QuoteScan& scan) {
  auto& drafts = scan.drafts;
  std::vector<int32_t> order(drafts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return drafts[a].quote.span.start < drafts[b].quote.span.start;
  });
  // Quotes come from body text only: a headline "Hart: ..." or a caption is not a report.
  std::vector<char> body(drafts.size(), 1);
  for (size_t i = 0; i < drafts.size(); ++i) body[i] = !drafts[i].dropped && doc.pos_in_body(drafts[i].quote.span.start);
  Resolver res(doc, scan);
  int32_t last_speaker = -1;  // the last draft (text order) with a speaker
  for (int32_t idx : order) {
    if (!body[idx]) continue;
    QuoteDraft& d = drafts[idx];
    const Attribution& a = d.attr;
    if (a.found() && a.speaker) {
      const SpeakerPhrase& sp = a.speaker;
      // "X and Y agreed that ...": X speaks, Y is a co-speaker.
      SpeakerPhrase first;
      if (sp.first_tok > 1 && doc.tokens[sp.first_tok - 1].lower == "and" && sp.kind == SpeakerKind::Name) {
        const int32_t sf = doc.sentences[doc.tokens[sp.first_tok].sentence].first_token;
        first = speaker_before(doc, sp.first_tok - 1, sf);
        if (first.kind != SpeakerKind::Name) first = SpeakerPhrase{};
      }
      if (first) {
        d.quote.speaker = res.resolve(first, d.paragraph, d.quote.span);
        d.quote.co_speakers.push_back(res.resolve(sp, d.paragraph, d.quote.span));
      } else {
        d.quote.speaker = res.resolve(sp, d.paragraph, d.quote.span);
      }
      // A name inside the quote itself never speaks it.
      if (d.quote.speaker && inside_content(d.quote, d.quote.speaker->span)) d.quote.speaker.reset();
    } else if (d.inherit_from >= 0 && drafts[d.inherit_from].quote.speaker) {
      d.quote.speaker = drafts[d.inherit_from].quote.speaker;
    } else if (last_speaker >= 0 && drafts[last_speaker].paragraph >= d.paragraph - 1 && d.quote.kind == "direct") {
      // An unattributed quote right after someone was reported speaking: the same voice.
      d.quote.speaker = drafts[last_speaker].quote.speaker;
    }
    if (d.quote.speaker) last_speaker = idx;
    d.quote.negated = negated_report(doc, a);
    if (a.cue_tok >= 0 && a.cue) {
      QuoteCue c;
      c.span = doc.tokens[a.cue_tok].span;
      if (a.cue->lemma == "according to" && a.cue_tok + 1 < static_cast<int32_t>(doc.tokens.size())) {
        c.span.end = doc.tokens[a.cue_tok + 1].span.end;
      }
      c.lemma = std::string(a.cue->lemma);
      c.loaded = a.cue->loaded;
      d.quote.cue = c;
    }
  }
  doc.quotes.reserve(doc.quotes.size() + drafts.size());
  for (int32_t idx : order) {
    if (!body[idx]) continue;
    Quote& q = drafts[idx].quote;
    if (!q.negated && q.speaker && q.speaker->actor >= 0 && q.speaker->actor < static_cast<int32_t>(doc.actors.size())) {
      ++doc.actors[q.speaker->actor].quoted;
    }
    doc.quotes.push_back(std::move(q));
  }
}

}  // namespace framelens
