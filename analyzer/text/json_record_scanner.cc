#include "analyzer/text/json_record_scanner.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "analyzer/text/utf8.h"

namespace framelens {

namespace {

// Bytes that end a bulk-copied run inside a string: '"', '\\', control characters, non-ASCII.
constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
  return t;
}();

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// What the record's wanted fields hold (the last occurrence of a key wins, as in the DOM).
enum class Slot : uint8_t { Absent, Null, String };

class Scanner {
 public:
  Scanner(std::string_view s, const FieldMap& f) : p_(s.data()), end_(s.data() + s.size()), f_(f) {}

  bool record(InputRecord& out) {
    skip_ws();
    if (p_ == end_ || *p_ != '{') return false;  // also a byte-order mark: the full parser decides
    ++p_;
    skip_ws();
    if (p_ < end_ && *p_ == '}') return false;  // no text field
    std::string key, value;
    while (true) {
      key.clear();
      if (!string(&key)) return false;
      skip_ws();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      skip_ws();
      if (key == f_.targets) return false;
      const uint32_t wanted = wanted_mask(key);
      if (wanted == 0) {
        if (!skip_value(1)) return false;
      } else if (p_ < end_ && *p_ == '"') {
        value.clear();
        if (!string(&value)) return false;
        assign(wanted, Slot::String, std::move(value));
      } else if (literal("null")) {
        assign(wanted, Slot::Null, std::string());
      } else {
        return false;  // a wanted field of another type: the full parser reports it
      }
      bool done = false;
      if (!after_item('}', done)) return false;
      if (done) break;
    }
    skip_ws();
    if (p_ != end_ || slot_[0] != Slot::String) return false;
    out = InputRecord{};
    out.text = std::move(text_[0]);
    std::string* meta[] = {nullptr, &out.meta.id, &out.meta.title, &out.meta.outlet, &out.meta.date, &out.meta.url};
    for (int k = 1; k < kFields; ++k)
      if (slot_[k] == Slot::String) *meta[k] = std::move(text_[k]);
    return true;
  }

 private:
  static constexpr int kFields = 6;  // text, id, title, outlet, date, url

  uint32_t wanted_mask(const std::string& key) const {
    const std::string* names[kFields] = {&f_.text, &f_.id, &f_.title, &f_.outlet, &f_.date, &f_.url};
    uint32_t m = 0;
    for (int k = 0; k < kFields; ++k)
      if (key == *names[k]) m |= 1u << k;
    return m;
  }

  // Gives v to every field the key names (usually one: then it is moved, not copied).
  void assign(uint32_t mask, Slot s, std::string&& v) {
    int last = 0;
    for (int k = 0; k < kFields; ++k)
      if (mask & (1u << k)) last = k;
    for (int k = 0; k < kFields; ++k)
      if (mask & (1u << k)) {
        slot_[k] = s;
        if (k != last) text_[k] = v;
      }
    text_[last] = std::move(v);
  }

  void skip_ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  // After a member or element: ',' (more follow: done = false) or the closing bracket (done =
  // true); anything else is a syntax error (false).
  bool after_item(char close, bool& done) {
    skip_ws();
    if (p_ == end_) return false;
    if (*p_ == ',') {
      ++p_;
      skip_ws();
      done = false;
      return true;
    }
    if (*p_ != close) return false;
    ++p_;
    done = true;
    return true;
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // A string at p_ (which must be '"'), decoded into *out (or only validated when out is null).
  bool string(std::string* out) {
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    while (true) {
      const char* run = p_;
      while (p_ < end_ && !kStringStop[static_cast<unsigned char>(*p_)]) ++p_;
      if (out) out->append(run, p_);
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;  // raw control character
      if (c >= 0x80) {
        const size_t n = utf8_length();
        if (n == 0) return false;
        if (out) out->append(p_, n);
        p_ += n;
        continue;
      }
      if (!escape(out)) return false;
    }
  }

  // Length of the valid UTF-8 sequence at p_ (RFC 3629, as the full parser checks), 0 if none.
  size_t utf8_length() const {
    const auto b = [&](ptrdiff_t k) { return static_cast<unsigned char>(p_[k]); };
    const ptrdiff_t left = end_ - p_;
    auto cont = [&](ptrdiff_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return b(k) >= lo && b(k) <= hi; };
    const unsigned char c = b(0);
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      if (left < 3) return 0;
      const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      return cont(1, lo, hi) && cont(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (left < 4) return 0;
      const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
  }

  bool hex4(uint32_t& v) {
    if (end_ - p_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_value(p_[k]);
      if (h < 0) return false;
      v = v * 16 + static_cast<uint32_t>(h);
    }
    p_ += 4;
    return true;
  }

  // An escape at p_ ('\\').
  bool escape(std::string* out) {
    if (end_ - p_ < 2) return false;
    const char e = p_[1];
    p_ += 2;
    char plain = 0;
    switch (e) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': {
        uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t lo = 0;
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
          p_ += 2;
          if (!hex4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (out) append_utf8(*out, static_cast<char32_t>(cp));
        return true;
      }
      default: return false;
    }
    if (out) out->push_back(plain);
    return true;
  }

  // A number that is only validated (JSON grammar; finite as a double, as the full parser requires).
  bool number() {
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ == end_) return false;
    if (*p_ == '0') {
      ++p_;
    } else if (*p_ >= '1' && *p_ <= '9') {
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    } else {
      return false;
    }
    bool plain_integer = true;
    if (p_ < end_ && *p_ == '.') {
      plain_integer = false;
      ++p_;
      const char* digits = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == digits) return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      plain_integer = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      const char* digits = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == digits) return false;
    }
    if (plain_integer && p_ - start <= 18) return true;  // fits int64: no float conversion
    double v = 0;
    const auto r = std::from_chars(start, p_, v);
    return r.ec == std::errc() && r.ptr == p_ && std::isfinite(v);
  }

  bool skip_value(int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '"': return string(nullptr);
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      case '{':
      case '[': {
        const char close = *p_ == '{' ? '}' : ']';
        if (depth + 1 > kMaxJsonDepth) return false;
        ++p_;
        skip_ws();
        if (p_ < end_ && *p_ == close) {
          ++p_;
          return true;
        }
        while (true) {
          if (close == '}') {
            if (!string(nullptr)) return false;
            skip_ws();
            if (p_ == end_ || *p_ != ':') return false;
            ++p_;
            skip_ws();
          }
          if (!skip_value(depth + 1)) return false;
          bool done = false;
          if (!after_item(close, done)) return false;
          if (done) return true;
        }
      }
      default: return number();
    }
  }

  const char* p_;
  const char* end_;
  const FieldMap& f_;
  Slot slot_[kFields] = {};
  std::string text_[kFields];
};

}  // namespace

bool scan_json_record(std::string_view json, const FieldMap& fields, InputRecord& out) {
  return Scanner(json, fields).record(out);
}

}  // namespace framelens
