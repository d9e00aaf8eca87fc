#include "analyzer/text/utf8.h"

namespace framelens {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view cps) {
  std::string s;
  s.reserve(cps.size());
  for (char32_t c : cps) append_utf8(s, c);
  return s;
}

namespace {

// Returns the length of a valid sequence at p, or 0 if invalid; writes the code point.
// For invalid input `bad_len` is the maximal invalid subpart length (>= 1).
inline size_t decode_one(const unsigned char* p, size_t avail, char32_t& cp, size_t& bad_len) {
  unsigned char b0 = p[0];
  bad_len = 1;
  if (b0 < 0x80) { cp = b0; return 1; }
  size_t need;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) { need = 2; cp = b0 & 0x1F; min = 0x80; }
  else if (b0 >= 0xE0 && b0 <= 0xEF) { need = 3; cp = b0 & 0x0F; min = 0x800; }
  else if (b0 >= 0xF0 && b0 <= 0xF4) { need = 4; cp = b0 & 0x07; min = 0x10000; }
  else return 0;
  for (size_t i = 1; i < need; ++i) {
    if (i >= avail) { bad_len = i; return 0; }
    unsigned char b = p[i];
    if ((b & 0xC0) != 0x80) { bad_len = i; return 0; }
    // Reject overlong/surrogate/out-of-range at the second byte, as the Unicode standard's
    // "maximal subpart" rule does.
    if (i == 1) {
      if (b0 == 0xE0 && b < 0xA0) return 0;
      if (b0 == 0xED && b > 0x9F) return 0;
      if (b0 == 0xF0 && b < 0x90) return 0;
      if (b0 == 0xF4 && b > 0x8F) return 0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min) return 0;
  return need;
}

}  // namespace

Result<DecodedText> decode_utf8(std::string_view bytes, bool lenient) {
  DecodedText out;
  size_t pos = 0;
  // A leading U+FEFF is kept as text: offsets must index the text exactly as the caller gave it
  // (a JSON `text` field may start with one). A file's encoding BOM is dropped by the file reader.
  out.had_bom = bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
                static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  const size_t base = pos;
  // Worst case one code point per byte: size once, write by index, trim at the end.
  out.cps.resize(n - pos);
  out.byte_of_cp.resize(n - pos + 1);
  char32_t* cps = out.cps.data();
  uint32_t* offs = out.byte_of_cp.data();
  size_t k = 0;

  // Fast path: copy verbatim when valid; only lenient repair needs a rebuilt byte string.
  bool rebuilt = false;
  std::string repaired;
  while (pos < n) {
    if (!rebuilt) {
      // ASCII run.
      while (pos < n && data[pos] < 0x80) {
        offs[k] = static_cast<uint32_t>(pos - base);
        cps[k++] = data[pos++];
      }
      if (pos >= n) break;
    } else if (data[pos] < 0x80) {
      offs[k] = static_cast<uint32_t>(repaired.size());
      cps[k++] = data[pos];
      repaired.push_back(static_cast<char>(data[pos]));
      ++pos;
      continue;
    }
    char32_t cp;
    size_t bad;
    size_t len = decode_one(data + pos, n - pos, cp, bad);
    if (len == 0) {
      if (!lenient) {
        return input_error("invalid UTF-8 at byte " + std::to_string(pos) +
                           " (use --lenient to replace bad bytes with U+FFFD)");
      }
      if (!rebuilt) {
        rebuilt = true;
        repaired.assign(bytes.substr(base, pos - base));
      }
      offs[k] = static_cast<uint32_t>(repaired.size());
      cps[k++] = 0xFFFD;
      append_utf8(repaired, 0xFFFD);
      ++out.replaced;
      pos += bad;
      continue;
    }
    offs[k] = static_cast<uint32_t>(rebuilt ? repaired.size() : pos - base);
    cps[k++] = cp;
    if (rebuilt) repaired.append(bytes.substr(pos, len));
    pos += len;
  }
  out.cps.resize(k);
  out.byte_of_cp.resize(k + 1);
  if (rebuilt) {
    out.utf8 = std::move(repaired);
  } else {
    out.utf8.assign(bytes.substr(base));
  }
  out.byte_of_cp[k] = static_cast<uint32_t>(out.utf8.size());
  return out;
}

bool is_space_slow(char32_t c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\v': case '\f':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;
  }
}

bool is_letter_slow(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (is_space_cp(c)) return false;
  if (c >= 0x2010 && c <= 0x206F) return false;  // general punctuation: dashes, quotes, ellipsis
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFF01 && c <= 0xFF0F) return false;  // fullwidth punctuation
  switch (c) {
    case 0xA1: case 0xA7: case 0xAB: case 0xB6: case 0xB7: case 0xBB: case 0xBF: case 0xD7:
    case 0xF7: case 0xFFFD: case 0xA9: case 0xAE: case 0xB0: case 0xB1: case 0xA2: case 0xA3:
    case 0xA4: case 0xA5: case 0x20AC: case 0x2122: case 0x00AD:
      return false;
    default:
      return c >= 0xC0 || c == 0xAA || c == 0xB5 || c == 0xBA;
  }
}

bool is_upper_slow(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;  // Latin Extended-A: even = upper (mostly)
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x410 && c <= 0x42F) return true;
  return false;
}

bool is_lower_slow(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return is_letter_cp(c) && !is_upper_cp(c) && c < 0x2E80;  // CJK has no case
}

char32_t to_lower_slow(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && (c % 2) == 0) return c + 1;
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  return c;
}

}  // namespace framelens
