#pragma once
// Test helper shared by the unit tests: a Document made from `text` (fails the test on bad input).
#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "analyzer/text/document.h"

namespace framelens {

inline Document doc_of(const std::string& text) {
  auto d = make_document(text, DocMeta{});
  REQUIRE(d.ok());
  return std::move(*d);
}

}  // namespace framelens
