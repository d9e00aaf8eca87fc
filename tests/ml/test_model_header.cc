#include <catch2/catch.hpp>

#include <sstream>

#include "analyzer/ml/model_header.h"

using namespace framelens;

namespace {
constexpr char kMagic[8] = {'F', 'L', 'T', 'E', 'S', 'T', 'H', 'D'};
constexpr HashedModelHeader kHeader{kMagic, 3, "test model"};
}  // namespace

TEST_CASE("model header: round trip gives the hash bits back") {
  std::stringstream ss;
  write_hashed_model_header(ss, kHeader, 16);
  auto bits = read_hashed_model_header(ss, kHeader, "m.bin");
  REQUIRE(bits);
  CHECK(*bits == 16u);
}

TEST_CASE("model header: foreign, truncated, other-version and implausible headers are clear model errors") {
  auto error_of = [](const std::string& bytes) {
    std::stringstream ss(bytes);
    auto r = read_hashed_model_header(ss, kHeader, "m.bin");
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Model);
    return r.error().message;
  };
  CHECK(error_of("NOTMAGIC\x03\0\0\0\x10\0\0\0") == "m.bin: not a framelens test model");
  CHECK(error_of(std::string(kMagic, 8) + "\x03\0") == "m.bin: truncated test model header");
  std::stringstream other;
  HashedModelHeader v2 = kHeader;
  v2.version = 2;
  write_hashed_model_header(other, v2, 16);
  CHECK(error_of(other.str()) == "m.bin: unsupported test model version 2");
  std::stringstream wide;
  write_hashed_model_header(wide, kHeader, 40);
  CHECK(error_of(wide.str()) == "m.bin: implausible hash size");
}

TEST_CASE("model header: a reader with min_version accepts older versions and says which") {
  HashedModelHeader reader = kHeader;
  reader.min_version = 2;
  for (uint32_t v : {2u, 3u}) {
    std::stringstream ss;
    HashedModelHeader writer = kHeader;
    writer.version = v;
    write_hashed_model_header(ss, writer, 12);
    uint32_t got = 0;
    auto bits = read_hashed_model_header(ss, reader, "m.bin", &got);
    REQUIRE(bits);
    CHECK(*bits == 12u);
    CHECK(got == v);
  }
  for (uint32_t v : {1u, 4u}) {
    std::stringstream ss;
    HashedModelHeader writer = kHeader;
    writer.version = v;
    write_hashed_model_header(ss, writer, 12);
    auto bits = read_hashed_model_header(ss, reader, "m.bin");
    REQUIRE_FALSE(bits);
    CHECK(bits.error().message == "m.bin: unsupported test model version " + std::to_string(v));
  }
}
