#include <catch2/catch.hpp>

#include "analyzer/text/normalizer.h"

using namespace framelens;

TEST_CASE("normalizer: is length preserving (norm_to_orig is the identity)", "[normalizer]") {
  std::u32string in = U"\uFEFF\u201CHi,\u201D she said\u00A0\u2014 \u2018ok\u2019\r\nx\ry\u2026";
  auto out = normalize(in);
  REQUIRE(out.size() == in.size());
  CHECK(out == U" \"Hi,\" she said \u2014 'ok' \nx\ny\u2026");
}

TEST_CASE("normalizer: dashes collapse to one dash, hyphens stay hyphens", "[normalizer]") {
  CHECK(normalize(U"a\u2013b\u2212c\u2011d") == U"a\u2014b\u2014c-d");
}

TEST_CASE("normalizer: quote glyph direction is recoverable from the original", "[normalizer]") {
  CHECK(is_open_quote_glyph(U'\u201C'));
  CHECK(is_close_quote_glyph(U'\u201D'));
  CHECK_FALSE(is_open_quote_glyph(U'"'));
}
