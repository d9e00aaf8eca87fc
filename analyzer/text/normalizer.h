#pragma once
// Typographic normalisation for matching (curly quotes -> straight, NBSP -> space, dashes -> one
// dash, CR handling). It is deliberately length-preserving: every input code point maps to exactly
// one normalised code point, so norm_to_orig is the identity and every stage can use one set of
// offsets for both. Stages that need the original glyph (e.g. the direction of a curly quote) read
// Document::cps at the same index. A test checks the invariant.
#include <string>

namespace framelens {

constexpr char32_t kDash = 0x2014;  // em/en dashes, horizontal bar and minus all map here

char32_t normalize_cp(char32_t c, char32_t next);

// Normalises a whole text; result has exactly cps.size() code points.
std::u32string normalize(const std::u32string& cps);

// True for opening-quote glyphs (“ ‘ „ «) and closing ones (” ’ »); straight quotes are neither.
bool is_open_quote_glyph(char32_t c);
bool is_close_quote_glyph(char32_t c);

}  // namespace framelens
