#pragma once
// UTF-8 decoding into code points with a byte index, so every later offset is a code point offset
// (Python str index) and slicing the original bytes stays O(1).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/core/error.h"

namespace framelens {

struct DecodedText {
  std::string utf8;                   // the text as given (repaired when lenient)
  std::u32string cps;                 // one entry per code point
  std::vector<uint32_t> byte_of_cp;   // byte offset of cps[i] in utf8; size cps.size()+1
  bool had_bom = false;                // the text starts with U+FEFF (kept as a code point)
  size_t replaced = 0;                // invalid sequences replaced by U+FFFD (lenient only)
};

// Decodes `bytes`. Strict mode rejects invalid UTF-8 (overlong forms, surrogates, > U+10FFFF,
// truncated sequences) with an error naming the byte offset. Lenient mode replaces each maximal
// invalid subpart with U+FFFD, as Python's errors="replace" does.
Result<DecodedText> decode_utf8(std::string_view bytes, bool lenient);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);
std::string to_utf8(std::u32string_view cps);

// Unicode-light character classes. Everything >= U+0080 that is not a known space, dash, quote or
// punctuation mark counts as a letter, which is right for the Latin, Greek, Cyrillic and CJK text
// news carries and keeps classification a table-free switch.
// ASCII is answered inline (the hot path); the rest goes to the out-of-line *_slow versions.
bool is_space_slow(char32_t c);
bool is_letter_slow(char32_t c);
bool is_upper_slow(char32_t c);
bool is_lower_slow(char32_t c);
char32_t to_lower_slow(char32_t c);

inline bool is_space_cp(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return is_space_slow(c);
}
inline bool is_letter_cp(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return is_letter_slow(c);
}
inline bool is_digit_cp(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_upper_cp(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return is_upper_slow(c);
}
inline bool is_lower_cp(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return is_lower_slow(c);
}
inline char32_t to_lower_cp(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return to_lower_slow(c);
}

}  // namespace framelens
