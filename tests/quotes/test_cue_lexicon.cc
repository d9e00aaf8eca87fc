#include <catch2/catch.hpp>

#include "analyzer/quotes/cue_lexicon.h"

using namespace framelens;

TEST_CASE("cue lexicon: neutral and loaded reporting verbs with lemmas", "[quotes][cues]") {
  const auto& lex = CueLexicon::instance();
  for (const char* w : {"said", "told", "added", "stated", "noted", "says"}) {
    const CueInfo* c = lex.find(w);
    REQUIRE(c);
    CHECK_FALSE(c->loaded);
  }
  for (const char* w : {"claimed", "insisted", "admitted", "conceded", "alleged", "boasted", "complained",
                        "slammed", "vowed"}) {
    const CueInfo* c = lex.find(w);
    REQUIRE(c);
    CHECK(c->loaded);
  }
  CHECK(lex.find("told")->lemma == "tell");
  CHECK(lex.find("conceded")->lemma == "concede");
  CHECK(lex.find("saying")->participle);
  CHECK_FALSE(lex.find("according")->participle);
  CHECK(lex.find("bridge") == nullptr);
  CHECK(lex.find("") == nullptr);
  CHECK(lex.find("Said") == nullptr);  // lookups take Token::lower
}

TEST_CASE("cue lexicon: word classes", "[quotes][cues]") {
  const auto& lex = CueLexicon::instance();
  CHECK(lex.is("he", kPronounPerson));
  CHECK(lex.is("he", kMalePronoun));
  CHECK(lex.is("spokesman", kRoleNoun));
  CHECK(lex.is("the", kDeterminer));
  CHECK(lex.is("sen", kTitle));  // the tokenizer splits "Sen." into "Sen" + "."
  CHECK_FALSE(lex.is("bridge", kRoleNoun));
}

TEST_CASE("cue lexicon: what each verb takes when it reports", "[quotes][cues]") {
  const auto& lex = CueLexicon::instance();
  auto complement = [&](const char* w) {
    const CueInfo* c = lex.find(w);
    REQUIRE(c);
    return c->complement;
  };
  CHECK(complement("saying") == CueComplement::Clause);  // every form of the lemma
  CHECK(complement("admitted") == CueComplement::ThatClause);
  CHECK(complement("denied") == CueComplement::NounObject);
  CHECK(complement("accused") == CueComplement::Judgement);
  CHECK(complement("called") == CueComplement::Label);
  CHECK(complement("urging") == CueComplement::Request);
  CHECK(complement("told") == CueComplement::Addressee);
  CHECK(lex.find("states")->noun_form);
  CHECK_FALSE(lex.find("claims")->noun_form);
  CHECK(lex.find("vowed")->infinitive);
  CHECK_FALSE(lex.find("continued")->infinitive);
  CHECK(lex.is("meanwhile", kOpener));
  CHECK_FALSE(lex.is("senator", kOpener));
}
