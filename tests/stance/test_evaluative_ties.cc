#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analyzer/stance/evaluative_ties.h"
#include "tests/test_doc.h"

using namespace framelens;

namespace {

PolarityLexicon lexicon() {
  PolarityLexicon lex;
  for (const char* w : {"defiant", "notorious", "liar", "lied", "false", "failures", "corrupt", "criticized",
                        "attacked", "condemned", "criticism", "disgrace", "embattled", "slammed", "bad"})
    lex.add(w, -1, true);
  for (const char* w : {"brilliant", "praised", "solid"}) lex.add(w, +1, true);
  lex.finish();
  return lex;
}

Span span_of(const std::string& text, const std::string& what, size_t from = 0) {
  const size_t at = text.find(what, from);
  REQUIRE(at != std::string::npos);
  return {static_cast<int32_t>(at), static_cast<int32_t>(at + what.size())};
}

// A document whose actors are the given names (every occurrence is a mention).
Document doc_with_actors(const std::string& text, const std::vector<std::string>& names) {
  Document d = doc_of(text);
  for (const std::string& n : names) {
    Actor a;
    a.name = n;
    for (size_t at = text.find(n); at != std::string::npos; at = text.find(n, at + n.size()))
      a.mentions.push_back({{static_cast<int32_t>(at), static_cast<int32_t>(at + n.size())}, false});
    d.actors.push_back(a);
  }
  return d;
}

// The ties of mention `mention` of actor `a`.
std::vector<EvaluativeTie> ties_of(const Document& d, const PolarityLexicon& lex, int32_t a, size_t mention = 0) {
  TieFinder f(d, lex);
  MentionTokens m;
  REQUIRE(locate_mention(d, d.actors[a].mentions[mention].span, m));
  std::vector<EvaluativeTie> ties;
  f.find(m, a, ties);
  return ties;
}

// The same, as the tied words' text.
std::vector<std::string> tied(const Document& d, const PolarityLexicon& lex, int32_t a, size_t mention = 0) {
  const std::vector<EvaluativeTie> ties = ties_of(d, lex, a, mention);
  std::vector<std::string> out;
  for (const auto& t : ties) out.push_back(std::string(d.slice(d.tokens[t.token].span)));
  return out;
}

bool target_or_critic(const Document& d, const PolarityLexicon& lex, int32_t a) {
  TieFinder f(d, lex);
  MentionTokens m;
  REQUIRE(locate_mention(d, d.actors[a].mentions[0].span, m));
  return f.target_or_critic(m);
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("ties: a modifier belongs to its own mention, not the neighbour's", "[stance][ties]") {
  const auto lex = lexicon();
  const std::string text = "Wright spoke after a defiant Giuliani left the stage.";
  const Document d = doc_with_actors(text, {"Wright", "Giuliani"});
  CHECK(tied(d, lex, 0).empty());
  CHECK(tied(d, lex, 1) == V{"defiant"});
}

TEST_CASE("ties: appositive, predicate, copula complement and possessive", "[stance][ties]") {
  const auto lex = lexicon();
  {
    const Document d = doc_with_actors("Trump, a notorious liar, arrived on Monday.", {"Trump"});
    CHECK(tied(d, lex, 0) == V{"notorious", "liar"});
  }
  {
    const Document d = doc_with_actors("Trump lied about the deal.", {"Trump"});
    CHECK(tied(d, lex, 0) == V{"lied"});
  }
  {
    const Document d = doc_with_actors("Obama was a disgrace to the office.", {"Obama"});
    CHECK(tied(d, lex, 0) == V{"disgrace"});
  }
  {
    const Document d = doc_with_actors("Trump's false claims spread quickly.", {"Trump"});
    CHECK(tied(d, lex, 0) == V{"false"});
  }
  {
    const Document d = doc_with_actors("Voters saw the failures of Obama everywhere.", {"Obama"});
    CHECK(tied(d, lex, 0) == V{"failures"});
  }
}

TEST_CASE("ties: objects, victims and critics get no negative word", "[stance][ties]") {
  const auto lex = lexicon();
  {  // "slammed" is a verb with Biden as its object; its subject is a critic
    const Document d = doc_with_actors("Trump slammed Biden on Tuesday.", {"Trump", "Biden"});
    CHECK(tied(d, lex, 1).empty());
    CHECK(tied(d, lex, 0).empty());
    CHECK(target_or_critic(d, lex, 1));
    CHECK(target_or_critic(d, lex, 0));
  }
  {  // passive: done to the subject
    const Document d = doc_with_actors("Obama was attacked by critics.", {"Obama"});
    CHECK(tied(d, lex, 0).empty());
  }
  {
    const Document d = doc_with_actors("The rules are discriminating against conservatives, he said.", {"conservatives"});
    CHECK(tied(d, lex, 0).empty());
    CHECK(target_or_critic(d, lex, 0));
  }
  {
    const Document d = doc_with_actors("The plan drew criticism from Democrats.", {"Democrats"});
    CHECK(tied(d, lex, 0).empty());
    CHECK(target_or_critic(d, lex, 0));
  }
  {  // an ordinary subject is neither
    const Document d = doc_with_actors("Obama signed the bill.", {"Obama"});
    CHECK_FALSE(target_or_critic(d, lex, 0));
  }
}

TEST_CASE("ties: quoted words, reported speech and negation", "[stance][ties]") {
  const auto lex = lexicon();
  {  // the words after a reporting verb are the actor's, not the outlet's description
    const Document d = doc_with_actors("Trump said the media is corrupt.", {"Trump"});
    CHECK(tied(d, lex, 0).empty());
  }
  {  // inside quotation marks: the source's voice
    const Document d = doc_with_actors("Trump, \"a notorious liar,\" arrived.", {"Trump"});
    CHECK(tied(d, lex, 0).empty());
  }
  {
    const Document d = doc_with_actors("Obama is not a disgrace.", {"Obama"});
    const std::vector<EvaluativeTie> ties = ties_of(d, lex, 0);
    REQUIRE(ties.size() == 1);
    CHECK(ties[0].negated);
    CHECK(ties[0].value == Approx(0.5));  // flipped at half weight
  }
}

TEST_CASE("ties: own-voice loaded terms unknown to the lexicon count as weakly negative", "[stance][ties]") {
  const auto lex = lexicon();
  const std::string text = "The self-styled leader Kim spoke.";
  Document d = doc_with_actors(text, {"Kim"});
  LoadedTerm t;
  t.span = span_of(text, "leader");
  t.voice = TermVoice::Own;
  d.loaded_terms.push_back(t);
  const std::vector<EvaluativeTie> ties = ties_of(d, lex, 0);
  REQUIRE(ties.size() == 1);
  CHECK(d.slice(d.tokens[ties[0].token].span) == "leader");
  CHECK(ties[0].value < 0);
  CHECK(ties[0].relation == TieRelation::Modifier);
}

TEST_CASE("ties: the outlet's loaded cue verb for the actor's words", "[stance][ties]") {
  const auto lex = lexicon();
  const std::string text = "Trump claimed the election was stolen.";
  Document d = doc_with_actors(text, {"Trump"});
  Quote q;
  q.kind = "indirect";
  q.span = span_of(text, "the election was stolen");
  QuoteSpeaker sp;
  sp.span = span_of(text, "Trump");
  sp.actor = 0;
  q.speaker = sp;
  QuoteCue cue;
  cue.span = span_of(text, "claimed");
  cue.lemma = "claim";
  cue.loaded = true;
  q.cue = cue;
  d.quotes.push_back(q);
  const std::vector<EvaluativeTie> ties = ties_of(d, lex, 0);
  REQUIRE(ties.size() == 1);
  CHECK(ties[0].relation == TieRelation::LoadedCue);
  CHECK(ties[0].value < 0);
}

TEST_CASE("ties: evidence words are never function words or punctuation", "[stance][ties]") {
  const Document d = doc_of("The , about that Obama.");
  for (const Token& t : d.tokens) {
    if (t.lower == "obama") CHECK(evidence_word(t));
    else CHECK_FALSE(evidence_word(t));
  }
}
