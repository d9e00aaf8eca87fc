#pragma once
// The one document model. The text layer (paragraphs, sentences, tokens) is built once by
// make_document(); every later stage adds a layer (terms, quotes, actors, model scores) and the
// reporters only read it. All offsets are Unicode code point indices into `cps` (the input text as
// given), end exclusive, so Python's text[start:end] equals slice().
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/zones.h"

namespace framelens {

struct Span {
  int32_t start = 0;
  int32_t end = 0;
  int32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool contains(const Span& o) const { return start <= o.start && o.end <= end; }
  bool overlaps(const Span& o) const { return start < o.end && o.start < end; }
  bool operator==(const Span&) const = default;
};

enum class TokenKind : uint8_t { Word, Number, Punct, Quote, Dash, Symbol };

struct Token {
  Span span;
  TokenKind kind = TokenKind::Word;
  bool capitalized = false;    // first code point is upper case
  bool all_caps = false;       // >= 2 letters, all upper case
  bool space_before = false;   // whitespace precedes it
  uint8_t breaks_before = 0;   // 0: same line, 1: a line break, 2: a blank line (paragraph break)
  int32_t sentence = -1;       // index into Document::sentences
  bool aside = false;          // inline site text inside a body line (The Hill's "Name<headline> ... MORE" links)
  std::string lower;           // normalised, lower-cased UTF-8 (what lexicons match against)
  uint64_t hash = 0;           // fnv1a64(lower) (core/token_hash.h), set with `lower`
};

struct Sentence {
  Span span;
  int32_t first_token = 0;  // [first_token, end_token) into Document::tokens
  int32_t end_token = 0;
  int32_t paragraph = -1;
  Zone zone = Zone::Body;       // text/zones.h: headline, caption, boilerplate, ... or body
  std::string_view zone_reason; // why (a static string: "cue: FILE PHOTO", "learned: ...")
  bool body() const { return zone == Zone::Body; }
  // Filled by the terms stage (sentence bias model).
  double bias_score = 0.0;
  bool biased = false;
};

struct Paragraph {
  Span span;
  int32_t first_sentence = 0;  // [first_sentence, end_sentence)
  int32_t end_sentence = 0;
  Zone zone = Zone::Body;      // the zone of its longest sentence (its lines keep their own)
};

// ---- layers added by later stages ----------------------------------------------------------

// Whose words a loaded term is (terms/term_voice.h decides).
enum class TermVoice : uint8_t { Own, Quoted, Paraphrased, Headline };
// For the quoted voice: a speaker's full quote, a quoted fragment inside the narration, or
// quotation marks the author puts around a word to distance itself.
enum class QuoteKind : uint8_t { None, Direct, Partial, Scare };
inline std::string_view voice_name(TermVoice v) {
  constexpr std::string_view k[] = {"own", "quoted", "paraphrased", "headline"};
  return k[static_cast<int>(v)];
}
inline std::string_view quote_kind_name(QuoteKind q) {
  constexpr std::string_view k[] = {"", "direct", "partial", "scare"};
  return k[static_cast<int>(q)];
}

struct LoadedTerm {
  Span span;
  double score = 0.0;         // in [0,1], learned
  std::string category;       // loaded, labeling, intensifier, reporting_verb, hedge, scare_quote
  bool in_quote = false;      // compatibility: voice quoted or paraphrased (not the outlet's words)
  int32_t sentence = -1;
  TermVoice voice = TermVoice::Own;
  QuoteKind quote_kind = QuoteKind::None;  // set for the quoted voice only
  bool open_vocabulary = false;  // the word's score comes from its prior alone (never in BABE/PTC)
};

struct QuoteCue {
  Span span;
  std::string lemma;          // "say", "claim", ... (for grouping)
  bool loaded = false;        // carries judgement (claimed, admitted, ...)
};

struct QuoteSpeaker {
  Span span;                  // the mention in the text that names the speaker (may be a pronoun)
  std::string name;           // resolved name (e.g. "Wang Yi" for "he")
  int32_t actor = -1;         // index into Document::actors, -1 if unlinked
  bool resolved = false;      // true when `span` is a pronoun/role noun resolved to `name`
};

struct Quote {
  Span span;                  // the quoted content (without the quotation marks for direct quotes)
  std::string kind;           // "direct", "indirect", "mixed"
  std::optional<QuoteSpeaker> speaker;
  std::optional<QuoteCue> cue;
  std::vector<Span> fragments;  // a direct quote split by its attribution: the pieces, in order
  std::vector<QuoteSpeaker> co_speakers;  // "X and Y agreed that ...": Y (X is `speaker`)
  bool negated = false;       // the text says the act did not happen ("did not say that ..."):
                              // not a claim of the speaker; later stages take no evidence from it
};

struct Mention {
  Span span;
  bool pronoun = false;       // a pronoun or role noun resolved to this actor
};

struct Stance {
  double score = 0.0;         // in [-1,1]
  std::string label = "neutral";  // negative / neutral / positive
  std::vector<Span> evidence; // spans that moved the score most
  std::vector<std::string> evidence_why;  // one phrase per evidence span: which mention it moved
  double confidence = 0.0;    // in [0,1]: how much polar evidence stands behind the score
  bool present = false;
};

// What one quoted source says about an actor: the actor's mentions inside that speaker's quotes.
struct QuotedSource {
  std::string speaker;        // the quote's speaker name; "" when the quote names nobody
  int32_t speaker_actor = -1; // index into Document::actors, -1 if unlinked
  int32_t mentions = 0;       // the actor's mentions inside this speaker's quotes
  double score = 0.0;         // pooled like Stance::score, in [-1, 1]
  std::string label = "neutral";
};

struct Actor {
  std::string id;             // stable within the document: "a1", "a2", ...
  std::string name;           // canonical name
  std::string type;           // person, country, organization, group
  std::string entity;         // the corpus-wide key (actors/entity_key.h): "Donald Trump" for "Trump"
  std::string entity_reason;  // why: "full name", "surname: the corpus's one full name for it", ...
  std::vector<std::string> aliases;
  std::vector<Mention> mentions;
  int32_t quoted = 0;         // how many quotes it is the speaker of
  char gender = '-';          // persons: 'm' / 'f' from a title, given name or pronoun; else '-' (not emitted)
  Stance stance;              // the outlet's own voice: mentions outside quoted and reported speech
  Stance quoted_stance;       // what the quoted and paraphrased sources say: mentions inside quotes
  std::vector<QuotedSource> quoted_by;  // quoted_stance split by who said it, most mentions first
  std::string role = "none";  // hero / villain / victim / none
  double role_score = 0.0;
};

struct FrameScore {
  std::string label;
  double score = 0.0;
  bool selected = false;
};

struct Leaning {
  std::string label;          // left / center / right; empty when no model is loaded
  double left = 0.0, center = 0.0, right = 0.0;
  double lean = 0.0;          // right - left, in [-1, 1] (an outlet-style estimate, see models/leaning.md)
};

struct TargetResult {
  Span span;
  int32_t actor = -1;
  Stance stance;
};

struct DocMeta {
  std::string id, title, outlet, date, url;
  // Input fields passed through on request (`batch --keep-fields`), in the order asked for; a
  // field the record lacks is kept with an empty value.
  std::vector<std::pair<std::string, std::string>> fields{};
};

struct Document {
  DocMeta meta;
  std::string utf8;                  // the text as given
  std::u32string cps;                // its code points
  std::vector<uint32_t> byte_of_cp;  // cps index -> utf8 byte offset (size cps.size()+1)
  std::u32string norm;               // normalised code points, same length as cps (see normalizer.h)

  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  std::vector<LoadedTerm> loaded_terms;
  std::vector<Quote> quotes;
  std::vector<Span> scare_quotes;     // quoted words that are not speech (filled by quotes, read by terms)
  std::vector<Actor> actors;
  std::vector<FrameScore> frames_mfc;
  std::vector<FrameScore> frames_generic;
  Leaning leaning;
  bool terms_scored = false;          // the loaded-wording stage ran (loaded terms, sentence bias)
  std::vector<Span> target_requests;  // from the input record
  std::vector<TargetResult> targets;
  std::vector<std::string> warnings;  // stage notes for the user (e.g. "no leaning model loaded")

  int32_t size() const { return static_cast<int32_t>(cps.size()); }
  // The original text of a span, as UTF-8.
  std::string_view slice(Span s) const;
  // The normalised text of a span, as UTF-8 (straight quotes, plain spaces).
  std::string norm_slice(Span s) const;
  int32_t word_count() const;
  // Index of the sentence containing code point `pos`, or -1.
  int32_t sentence_at(int32_t pos) const;
  // Index of the first token whose span ends after `pos` (binary search).
  int32_t token_at_or_after(int32_t pos) const;
  // Whether the sentence holding token `tok` is body text (not headline, caption, site text).
  bool token_in_body(int32_t tok) const {
    if (tokens[tok].aside) return false;
    const int32_t s = tokens[tok].sentence;
    return s < 0 || sentences[s].zone == Zone::Body;
  }
  bool pos_in_body(int32_t pos) const {
    const int32_t s = sentence_at(pos);
    return s < 0 || sentences[s].zone == Zone::Body;
  }
};

// Builds the text layer: decode, normalise, split paragraphs/sentences, tokenise.
// `lenient` replaces invalid UTF-8 with U+FFFD instead of failing. `zones` (learned site-text
// lines, may be null) refines the pattern zones.
Result<Document> make_document(std::string_view utf8_bytes, DocMeta meta, bool lenient = false,
                               const ZoneTable* zones = nullptr);

}  // namespace framelens
