#include <catch2/catch.hpp>

#include "analyzer/quotes/speaker_phrase.h"
#include "tests/test_doc.h"

using namespace framelens;

namespace {

// Token index of the first token whose text is `w`.
int32_t tok(const Document& d, const std::string& w) {
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (std::string(d.slice(d.tokens[i].span)) == w) return static_cast<int32_t>(i);
  }
  FAIL("no token " << w);
  return -1;
}

}  // namespace

TEST_CASE("speaker phrase before the verb: names, titles, pronouns, roles", "[quotes][speaker]") {
  auto d = doc_of("Former Gov. Lena Hart said the port would stay open.");
  auto sp = speaker_before(d, tok(d, "said"), 0);
  REQUIRE(sp.kind == SpeakerKind::Name);
  CHECK(sp.name == "Lena Hart");
  CHECK(std::string(d.slice(sp.head)) == "Lena Hart");
  CHECK(sp.role == "gov");

  auto p = doc_of("Later he said the port would stay open.");
  auto ps = speaker_before(p, tok(p, "said"), 0);
  REQUIRE(ps.kind == SpeakerKind::Pronoun);
  CHECK(ps.name == "he");

  auto r = doc_of("The spokesman also said the port would stay open.");
  auto rs = speaker_before(r, tok(r, "said"), 0);
  REQUIRE(rs.kind == SpeakerKind::Role);
  CHECK(rs.definite);
  CHECK(rs.role == "spokesman");
}

TEST_CASE("speaker phrase: appositions", "[quotes][speaker]") {
  auto d = doc_of("Omar Diallo, the transport minister, said the port would stay open.");
  auto sp = speaker_before(d, tok(d, "said"), 0);
  REQUIRE(sp.kind == SpeakerKind::Name);
  CHECK(sp.name == "Omar Diallo");
  CHECK(sp.role == "minister");

  // The name inside the commas is the speaker when the head is a role.
  auto m = doc_of("Moon's spokesman, Yoon Young, said the summit was on.");
  auto ms = speaker_before(m, tok(m, "said"), 0);
  REQUIRE(ms.kind == SpeakerKind::Name);
  CHECK(ms.name == "Yoon Young");
  CHECK(ms.role == "spokesman");

  auto a = doc_of("Rita Moreau, 61, said the port would stay open.");
  CHECK(speaker_before(a, tok(a, "said"), 0).name == "Rita Moreau");
}

TEST_CASE("speaker phrase after the verb", "[quotes][speaker]") {
  auto d = doc_of("\"It is over,\" said Rep. Paul K. Dunmore (D-Maine), who chairs the panel.");
  auto sp = speaker_after(d, tok(d, "said") + 1, static_cast<int32_t>(d.tokens.size()));
  REQUIRE(sp.kind == SpeakerKind::Name);
  CHECK(sp.name == "Paul K. Dunmore");

  auto r = doc_of("\"It is over,\" said a spokeswoman for the harbour authority.");
  auto rs = speaker_after(r, tok(r, "said") + 1, static_cast<int32_t>(r.tokens.size()));
  REQUIRE(rs.kind == SpeakerKind::Role);
  CHECK_FALSE(rs.definite);
  CHECK(rs.role == "spokeswoman");
}
