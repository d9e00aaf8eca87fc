#pragma once
// Fixtures shared by the stance context-vector tests: a mention located by its text, and tiny
// word-vector tables with one axis per word.
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analyzer/models/stance_train.h"
#include "analyzer/terms/word_vectors.h"
#include "tests/test_doc.h"

namespace framelens_test {

inline framelens::MentionTokens mention(const framelens::Document& d, const std::string& text, const std::string& what) {
  const size_t at = text.find(what);
  REQUIRE(at != std::string::npos);
  framelens::MentionTokens m;
  REQUIRE(framelens::locate_mention(d, framelens::Span{static_cast<int32_t>(at), static_cast<int32_t>(at + what.size())}, m));
  return m;
}

// "praised" -> axis 0, "slammed" -> axis 1, "mendes" -> axis 2 (modulo dim), each of norm `length`,
// or length * (1, 2, 3) with distinct_lengths (so per-word scaling shows).
inline std::shared_ptr<framelens::terms::WordVectors> axis_vectors(int dim = 3, float length = 1.0f,
                                                                   bool distinct_lengths = false) {
  auto wv = std::make_shared<framelens::terms::WordVectors>();
  wv->reset(dim);
  const char* words[] = {"praised", "slammed", "mendes"};
  for (int w = 0; w < 3; ++w) {
    std::vector<float> v(dim, 0.0f);
    v[w % dim] = distinct_lengths ? length * float(w + 1) : length;
    wv->add(words[w], v.data());
  }
  return wv;
}

// A training example whose target is the first "Mendes" of the text (its own CV group).
inline framelens::StanceExample mendes_example(const std::string& text, int label) {
  framelens::StanceExample e;
  e.doc = framelens::doc_of(text);
  const size_t at = text.find("Mendes");
  REQUIRE(at != std::string::npos);
  e.target = {static_cast<int32_t>(at), static_cast<int32_t>(at + 6)};
  e.label = label;
  e.group = text;
  return e;
}

}  // namespace framelens_test
