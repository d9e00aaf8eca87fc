#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "analyzer/core/stream_checksum.h"

using namespace framelens;

namespace {

uint64_t whole(const std::string& s, uint64_t seed = 0) {
  StreamChecksum c(seed);
  c.update(s);
  return c.value();
}

}  // namespace

TEST_CASE("StreamChecksum: any split of the stream gives the same value") {
  std::mt19937 rng(3);
  std::string s(1000, '\0');
  for (char& ch : s) ch = static_cast<char>(rng());
  const uint64_t ref = whole(s);
  for (int trial = 0; trial < 50; ++trial) {
    StreamChecksum c;
    for (size_t at = 0; at < s.size();) {
      const size_t take = std::min<size_t>(rng() % 13, s.size() - at);
      c.update(std::string_view(s).substr(at, take));
      at += take;
    }
    CHECK(c.value() == ref);
  }
}

TEST_CASE("StreamChecksum: every single-byte change, the length and the seed change the value") {
  std::mt19937 rng(4);
  std::string s(77, '\0');
  for (char& ch : s) ch = static_cast<char>(rng());
  const uint64_t ref = whole(s);
  for (size_t i = 0; i < s.size(); ++i) {
    std::string t = s;
    t[i] ^= static_cast<char>(1 + rng() % 255);
    CHECK(whole(t) != ref);
  }
  CHECK(whole(s + std::string(1, '\0')) != ref);  // a trailing zero byte is not padding
  CHECK(whole(s.substr(0, 76)) != ref);
  CHECK(whole(s, 1) != ref);
}
