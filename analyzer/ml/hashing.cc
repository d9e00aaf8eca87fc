#include "analyzer/ml/hashing.h"

#include "analyzer/text/document.h"

namespace framelens {

namespace {
constexpr std::string_view kNumToken = "<num>";
}  // namespace

std::string_view vector_token(const Token& t) {
  if (t.kind == TokenKind::Number) return kNumToken;
  if (t.kind == TokenKind::Word) return t.lower;
  return {};
}

uint64_t vector_token_hash(const Token& t) {
  static const uint64_t kNumHash = terms::hash_token(kNumToken);
  if (t.kind == TokenKind::Number) return kNumHash;
  if (t.kind == TokenKind::Word) return t.hash;
  return 0;
}

}  // namespace framelens
