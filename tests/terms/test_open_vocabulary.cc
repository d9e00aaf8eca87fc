#include <catch2/catch.hpp>

#include <sstream>

#include "analyzer/train/open_vocabulary.h"

using namespace framelens::terms;

TEST_CASE("open vocabulary: regular inflections find their lexicon word", "[terms][open]") {
  LexiconMap lex{{"browbeat", kMpqaStrong | kMpqaNegative}, {"abet", kMpqaWeak}, {"smear", kBingNegative},
                 {"vilify", kBingNegative}, {"hate", kBingNegative}};
  CHECK(lexicon_base_of("browbeating", lex) == "browbeat");
  CHECK(lexicon_base_of("browbeats", lex) == "browbeat");
  CHECK(lexicon_base_of("abetted", lex) == "abet");
  CHECK(lexicon_base_of("smeared", lex) == "smear");
  CHECK(lexicon_base_of("vilified", lex) == "vilify");
  CHECK(lexicon_base_of("hating", lex) == "hate");
  CHECK(lexicon_base_of("browbeat", lex) == "");  // a lexicon word is no inflection of itself
  CHECK(lexicon_base_of("reading", lex) == "");
}

TEST_CASE("open vocabulary: the model learns from known words and accepts unseen evaluative ones",
          "[terms][open]") {
  // Known words: strong negative lexicon words are mostly reported, plain words never; an unseen
  // inflection of a strong negative lexicon word and un- + a strong positive stem are accepted,
  // an unseen plain word is not. No vectors: the neighbourhood feature is absent for all.
  LexiconMap lex;
  std::vector<KnownType> known;
  std::unordered_set<std::string> seen, reported;
  for (int i = 0; i < 60; ++i) {
    const std::string w = "bad" + std::string(1, static_cast<char>('a' + i % 26)) + std::to_string(i) + "x";
    std::string word;
    for (char c : w) word += (c >= '0' && c <= '9') ? static_cast<char>('a' + (c - '0')) : c;
    lex[word] = kMpqaStrong | kMpqaNegative;
    const bool rep = i % 5 != 0;  // 80% reported
    known.push_back({word, 10, rep});
    seen.insert(word);
    if (rep) reported.insert(word);
    const std::string plain = "plain" + word;
    known.push_back({plain, 10, false});
    seen.insert(plain);
  }
  for (int i = 0; i < 20; ++i) {
    std::string pos = "goodq" + std::string(1, static_cast<char>('a' + i));
    lex[pos] = kMpqaStrong | kMpqaPositive;
    std::string neg = "un" + pos;
    known.push_back({neg, 10, i % 4 != 0});
    seen.insert(neg);
    if (i % 4 != 0) reported.insert(neg);
  }
  for (int i = 0; i < 40; ++i) {
    const std::string w = "mildq" + std::string(1, static_cast<char>('a' + i % 26)) + std::string(1, static_cast<char>('a' + i / 26));
    lex[w] = kMpqaWeak | kMpqaPositive;
    known.push_back({w, 10, i % 10 == 0});
    seen.insert(w);
    if (i % 10 == 0) reported.insert(w);
  }
  lex["mildzzz"] = kMpqaWeak | kMpqaPositive;  // unseen, like the mostly unreported weak positives
  lex["browbeat"] = kMpqaStrong | kMpqaNegative;
  lex["deserved"] = kMpqaStrong | kMpqaPositive;
  seen.insert("browbeat");
  seen.insert("deserved");
  known.push_back({"deserved", 10, false});
  WordVectors wv;
  OpenVocabOptions o;
  o.target_precision = 0.7;
  std::ostringstream log;
  const OpenVocabResult r = open_vocabulary(lex, wv, known, seen, reported, o, log);
  auto accepted = [&](const std::string& w) {
    for (const auto& a : r.accepted)
      if (a.word == w) return true;
    return false;
  };
  CHECK(accepted("browbeating"));
  CHECK(accepted("undeserved"));
  CHECK_FALSE(accepted("mildzzz"));
  CHECK(r.oof_precision >= 0.7);
}
