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
  explicit Resolver(Document& doc) : doc_(doc) {
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      for (const auto& m : doc.actors[a].mentions) {
        mentions_.push_back({m.span, static_cast<int32_t>(a), m.pronoun});
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionRef& x, const MentionRef& y) { return x.span.start < y.span.start; });
  }

  QuoteSpeaker resolve(const SpeakerPhrase& sp, int32_t paragraph) {
    QuoteSpeaker out;
    out.span = sp.head;
    out.name = sp.name;
    const MentionRef* m = mention_at(sp.head);
    if (m) out.actor = m->actor;
    switch (sp.kind) {
      case SpeakerKind::Name:
        if (m) {
          out.name = doc_.actors[m->actor].name;
        } else if (sp.name.find(' ') == std::string::npos) {
          out.name = full_name(sp.name, sp.first_tok);
        }
        add_known({out.name, sp.role, sp.first_tok, paragraph, out.actor, gender_of(out.actor, sp.role)});
        break;
      case SpeakerKind::Pronoun: {
        if (m) {
          out.name = doc_.actors[m->actor].name;
          out.resolved = true;
          break;
        }
        const uint16_t c = CueLexicon::instance().word_class(sp.name);
        if (!(c & (kMalePronoun | kFemalePronoun))) break;  // they / we / I stay as they are
        const char g = pronoun_gender(sp.name);
        if (const Known* k = recent(paragraph, "", g)) {
          out.name = k->name;
          out.actor = k->actor;
          out.resolved = true;
        } else if (const NameRun* r = run_before(sp.first_tok, g)) {
          out.name = run_text(doc_, *r);
          out.resolved = true;
        }
        break;
      }
      case SpeakerKind::Role:
        if (m && m->pronoun) {
          out.name = doc_.actors[m->actor].name;
          out.resolved = true;
        } else if (sp.definite && !m) {
          if (const Known* k = recent(-1, sp.role)) {
            out.name = k->name;
            out.actor = k->actor;
            out.resolved = true;
          }
        }
        break;
      case SpeakerKind::None:
        break;
    }
    return out;
  }

 private:
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
  std::vector<MentionRef> mentions_;
  std::vector<Known> known_;
  std::vector<NameRun> runs_;
  bool runs_built_ = false;
  std::unordered_map<std::string, int32_t> last_with_role_;        // role -> latest known_ index
  std::unordered_map<std::string, int32_t> first_with_last_word_;  // last name word -> earliest
  std::unordered_map<std::string_view, std::vector<size_t>> runs_by_last_;
  bool runs_by_last_built_ = false;
};

}  // namespace

void resolve_speakers(Document& doc, QuoteScan& scan) {
  auto& drafts = scan.drafts;
  std::vector<int32_t> order(drafts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return drafts[a].quote.span.start < drafts[b].quote.span.start;
  });
  Resolver res(doc);
  int32_t last_speaker = -1;  // the last draft (text order) with a speaker
  for (int32_t idx : order) {
    QuoteDraft& d = drafts[idx];
    const Attribution& a = d.attr;
    if (a.found() && a.speaker) {
      d.quote.speaker = res.resolve(a.speaker, d.paragraph);
    } else if (d.inherit_from >= 0 && drafts[d.inherit_from].quote.speaker) {
      d.quote.speaker = drafts[d.inherit_from].quote.speaker;
    } else if (last_speaker >= 0 && drafts[last_speaker].paragraph >= d.paragraph - 1 && d.quote.kind == "direct") {
      // An unattributed quote right after someone was reported speaking: the same voice.
      d.quote.speaker = drafts[last_speaker].quote.speaker;
    }
    if (d.quote.speaker) last_speaker = idx;
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
    Quote& q = drafts[idx].quote;
    if (q.speaker && q.speaker->actor >= 0 && q.speaker->actor < static_cast<int32_t>(doc.actors.size())) {
      ++doc.actors[q.speaker->actor].quoted;
    }
    doc.quotes.push_back(std::move(q));
  }
}

}  // namespace framelens
