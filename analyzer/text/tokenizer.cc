#include "analyzer/text/tokenizer.h"

#include "analyzer/core/token_hash.h"
#include "analyzer/text/normalizer.h"
#include "analyzer/text/utf8.h"

namespace framelens {

namespace {

inline bool is_alnum(char32_t c) { return is_letter_cp(c) || is_digit_cp(c); }

void finish(const std::u32string& norm, Token& t) {
  int letters = 0, uppers = 0;
  const int32_t len = t.span.end - t.span.start;
  const char32_t* p = norm.data() + t.span.start;
  // ASCII tokens (nearly all in English news) are lower-cased into a stack buffer and assigned
  // once; anything else takes the general UTF-8 path.
  char buf[48];
  bool ascii = len <= static_cast<int32_t>(sizeof buf);
  for (int32_t i = 0; ascii && i < len; ++i) {
    char32_t c = p[i];
    if (c >= 0x80) { ascii = false; break; }
    bool up = c >= 'A' && c <= 'Z';
    letters += up || (c >= 'a' && c <= 'z');
    uppers += up;
    buf[i] = static_cast<char>(up ? c + 32 : c);
  }
  if (ascii) {
    t.lower.assign(buf, static_cast<size_t>(len));
  } else {
    letters = uppers = 0;
    t.lower.clear();
    for (int32_t i = 0; i < len; ++i) {
      char32_t c = p[i];
      if (is_letter_cp(c)) {
        ++letters;
        if (is_upper_cp(c)) ++uppers;
      }
      append_utf8(t.lower, to_lower_cp(c));
    }
  }
  t.hash = fnv1a64(t.lower);
  t.capitalized = is_upper_cp(p[0]);
  t.all_caps = letters >= 2 && uppers == letters;
}

}  // namespace

void tokenize(const std::u32string& norm, int32_t begin, int32_t end, std::vector<Token>& out) {
  int32_t i = begin;
  int newlines = 0;
  bool space = false;
  while (i < end) {
    char32_t c = norm[i];
    if (c == U'\n') { ++newlines; space = true; ++i; continue; }
    if (c == U' ' || is_space_cp(c)) { space = true; ++i; continue; }

    Token t;
    t.space_before = space || out.empty();
    t.breaks_before = static_cast<uint8_t>(newlines >= 2 ? 2 : newlines);
    newlines = 0;
    space = false;
    int32_t j = i + 1;

    if (is_letter_cp(c)) {
      t.kind = TokenKind::Word;
      // Acronym with dots: (L.){2,}  e.g. U.S., U.N., a.m., D.C.
      int32_t k = i;
      int pairs = 0;
      while (k + 1 < end && is_letter_cp(norm[k]) && norm[k + 1] == U'.') {
        k += 2;
        ++pairs;
      }
      if (pairs >= 2) {
        j = k;
      } else {
        while (j < end) {
          char32_t d = norm[j];
          if (is_alnum(d)) { ++j; continue; }
          // Internal hyphen or ampersand between alphanumerics: one token (Hae-chan, AT&T).
          if ((d == U'-' || d == U'&') && j + 1 < end && is_alnum(norm[j + 1])) { j += 2; continue; }
          // Internal apostrophe: keep "don't", "O'Brien", split possessive "'s" and trailing "'".
          if (d == U'\'' && j + 1 < end && is_letter_cp(norm[j + 1])) {
            bool possessive = (norm[j + 1] == U's' || norm[j + 1] == U'S') &&
                              (j + 2 >= end || !is_alnum(norm[j + 2]));
            if (possessive) break;
            j += 2;
            continue;
          }
          break;
        }
      }
    } else if (is_digit_cp(c)) {
      t.kind = TokenKind::Number;
      while (j < end) {
        char32_t d = norm[j];
        if (is_alnum(d)) { ++j; continue; }
        if ((d == U'.' || d == U',' || d == U':') && j + 1 < end && is_digit_cp(norm[j + 1])) {
          j += 2;
          continue;
        }
        break;
      }
    } else if (c == U'\'' && j < end && (norm[j] == U's' || norm[j] == U'S') &&
               (j + 1 >= end || !is_alnum(norm[j + 1])) && !out.empty() && !t.space_before &&
               out.back().kind == TokenKind::Word) {
      t.kind = TokenKind::Word;  // possessive 's
      j = i + 2;
    } else if (c == U'"' || c == U'\'' || c == U'`') {
      t.kind = TokenKind::Quote;
    } else if (c == kDash || (c == U'-' && j < end && norm[j] == U'-')) {
      t.kind = TokenKind::Dash;
      while (j < end && (norm[j] == U'-' || norm[j] == kDash)) ++j;
    } else if (c == U'.') {
      t.kind = TokenKind::Punct;
      while (j < end && norm[j] == U'.') ++j;  // "..." is one token
    } else if (c == U'!' || c == U'?') {
      t.kind = TokenKind::Punct;
      while (j < end && (norm[j] == U'!' || norm[j] == U'?')) ++j;
    } else if (c == U',' || c == U';' || c == U':' || c == U'(' || c == U')' || c == U'[' ||
               c == U']' || c == U'{' || c == U'}' || c == 0x2026) {
      t.kind = TokenKind::Punct;
    } else if (c == U'-') {
      t.kind = TokenKind::Dash;
    } else {
      t.kind = TokenKind::Symbol;
    }
    t.span = {i, j};
    finish(norm, t);
    out.push_back(std::move(t));
    i = j;
  }
}

}  // namespace framelens
