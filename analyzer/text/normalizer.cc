#include "analyzer/text/normalizer.h"

namespace framelens {

char32_t normalize_cp(char32_t c, char32_t next) {
  if (c < 0x80) {
    if (c == '\r') return next == '\n' ? U' ' : U'\n';  // CRLF -> " \n", lone CR -> newline
    if (c == '\t' || c == '\v' || c == '\f' || c == 0) return U' ';
    if (c < 0x20 && c != '\n') return U' ';
    return c;
  }
  switch (c) {
    case 0x85: case 0x2028: case 0x2029:
      return U'\n';
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF: case 0x200B:
    case 0x00AD:
      return U' ';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2039: case 0x203A:
    case 0xFF07:
      return U'\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
    case 0xFF02:
      return U'"';
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58: case 0xFE63:
    case 0xFF0D:
      return kDash;
    case 0x2010: case 0x2011:
      return U'-';
    default:
      if (c >= 0x2000 && c <= 0x200A) return U' ';
      if (c >= 0x80 && c < 0xA0) return U' ';  // C1 controls
      return c;
  }
}

std::u32string normalize(const std::u32string& cps) {
  std::u32string out(cps.size(), U' ');
  const size_t n = cps.size();
  for (size_t i = 0; i < n; ++i) {
    char32_t c = cps[i];
    // Printable ASCII and newline are unchanged: the common case skips the switch.
    out[i] = (c >= 0x20 && c < 0x7F) || c == '\n' ? c : normalize_cp(c, i + 1 < n ? cps[i + 1] : 0);
  }
  return out;
}

bool is_open_quote_glyph(char32_t c) {
  return c == 0x201C || c == 0x2018 || c == 0x201E || c == 0x201A || c == 0xAB || c == 0x2039;
}
bool is_close_quote_glyph(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x203A;
}

}  // namespace framelens
