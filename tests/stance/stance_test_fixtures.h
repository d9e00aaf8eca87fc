#pragma once
// Fixtures shared by the stance context-vector tests: a mention located by its text, and tiny
// word-vector tables with one axis per word.
#include <initializer_list>
#include <memory>
#include <utility>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "analyzer/ml/word_vectors.h"
#include "analyzer/ml/word_vectors_file.h"
#include "analyzer/train/stance_trainer.h"
#include "tests/test_doc.h"
#include "tests/test_temp.h"

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

// mendes_example of each (text, label).
inline std::vector<framelens::StanceExample> mendes_examples(
    std::initializer_list<std::pair<const char*, int>> texts_and_labels) {
  std::vector<framelens::StanceExample> ex;
  for (const auto& [text, label] : texts_and_labels) ex.push_back(mendes_example(text, label));
  return ex;
}

// A models folder in a fresh temporary directory: vectors/words.bin written from `wv`, and the path
// a stance model is saved to (stance/stance.bin). Removed when the test ends.
struct StanceModelDir {
  TempDir tmp;
  std::string vec_path, model_path;
  uint64_t vectors_checksum = 0;  // what a stance model trained on `wv` must record
  StanceModelDir(const std::string& name, const framelens::terms::WordVectors& wv) : tmp(name) {
    std::filesystem::create_directories(tmp.dir / "stance");
    std::filesystem::create_directories(tmp.dir / "vectors");
    vec_path = (tmp.dir / "vectors" / "words.bin").string();
    model_path = (tmp.dir / "stance" / "stance.bin").string();
    REQUIRE(framelens::save_word_vectors(wv, vec_path, &vectors_checksum).ok());
  }
  std::string dir() const { return tmp.dir.string(); }
};

}  // namespace framelens_test
