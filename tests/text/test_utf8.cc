#include <catch2/catch.hpp>

#include "analyzer/text/utf8.h"

using namespace framelens;

TEST_CASE("utf8: decodes multi-byte text to code points with a byte index", "[utf8]") {
  auto r = decode_utf8("a\xC3\xA9\xE2\x80\x94\xE4\xB8\xAD\xF0\x9F\x98\x80z", false);  // a é — 中 😀 z
  REQUIRE(r.ok());
  REQUIRE(r->cps == U"a\u00E9\u2014\u4E2D\U0001F600z");
  REQUIRE(r->byte_of_cp == std::vector<uint32_t>{0, 1, 3, 6, 9, 13, 14});
}

TEST_CASE("utf8: a leading U+FEFF is text, so offsets index the string as given", "[utf8]") {
  // (A file's encoding BOM is dropped by read_input_file, not here.)
  auto r = decode_utf8("\xEF\xBB\xBFHi", false);
  REQUIRE(r.ok());
  CHECK(r->had_bom);
  CHECK(r->utf8 == "\xEF\xBB\xBFHi");
  CHECK(r->cps == U"\uFEFFHi");
  CHECK(r->byte_of_cp == std::vector<uint32_t>{0, 3, 4, 5});
}

TEST_CASE("utf8: invalid input is an error naming the byte offset", "[utf8]") {
  auto r = decode_utf8("abc\xFF" "def", false);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == ErrorKind::Input);
  CHECK(r.error().message.find("byte 3") != std::string::npos);
  // Overlong encoding of '/', a surrogate, and a truncated sequence are all rejected.
  CHECK_FALSE(decode_utf8("\xC0\xAF", false).ok());
  CHECK_FALSE(decode_utf8("\xED\xA0\x80", false).ok());
  CHECK_FALSE(decode_utf8("ab\xE2\x80", false).ok());
  CHECK_FALSE(decode_utf8("\xF4\x90\x80\x80", false).ok());
}

TEST_CASE("utf8: lenient mode replaces bad bytes with U+FFFD and keeps offsets consistent", "[utf8]") {
  auto r = decode_utf8("ab\xFF" "c\xE2\x80" "d", true);
  REQUIRE(r.ok());
  CHECK(r->cps == U"ab\uFFFDc\uFFFDd");
  CHECK(r->replaced == 2);
  CHECK(r->utf8 == "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
  REQUIRE(r->byte_of_cp.size() == r->cps.size() + 1);
  CHECK(r->byte_of_cp.back() == r->utf8.size());
}

TEST_CASE("utf8: round trip through append_utf8", "[utf8]") {
  std::u32string s = U"x\u00E9\u201C\u4E2D\U0001F600";
  auto r = decode_utf8(to_utf8(s), false);
  REQUIRE(r.ok());
  CHECK(r->cps == s);
}

TEST_CASE("utf8: character classes", "[utf8]") {
  CHECK(is_letter_cp(U'\u00E9'));
  CHECK(is_letter_cp(U'\u4E2D'));
  CHECK_FALSE(is_letter_cp(U'\u2014'));
  CHECK_FALSE(is_letter_cp(U'\u201C'));
  CHECK(is_space_cp(U'\u00A0'));
  CHECK(to_lower_cp(U'\u00C9') == U'\u00E9');
  CHECK(is_upper_cp(U'\u00C9'));
}
