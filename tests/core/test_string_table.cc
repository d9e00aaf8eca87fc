#include <catch2/catch.hpp>

#include <string>

#include "analyzer/core/string_table.h"
#include "analyzer/text/document.h"

using framelens::StringTable;

TEST_CASE("string table: finds by string and by precomputed hash, confirms the string") {
  StringTable<int> t;
  t["senator"] = 1;
  t["president"] = 2;
  t["senator"] = 3;  // operator[] returns the existing value
  CHECK(t.size() == 2);
  REQUIRE(t.find("senator"));
  CHECK(*t.find("senator") == 3);
  CHECK(*t.find(framelens::fnv1a64("president"), "president") == 2);
  CHECK(t.find("governor") == nullptr);
  // A right hash with the wrong string (what a collision would look like) is not a hit.
  CHECK(t.find(framelens::fnv1a64("senator"), "senators") == nullptr);
}

TEST_CASE("token hash: the tokenizer stores fnv1a64 of the lower-cased form") {
  auto doc = framelens::make_document("The SENATOR said: « Non ». Café 42", {});
  REQUIRE(doc);
  for (const auto& t : doc->tokens) CHECK(t.hash == framelens::fnv1a64(t.lower));
}
