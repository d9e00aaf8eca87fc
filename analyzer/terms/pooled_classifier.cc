#include "analyzer/terms/pooled_classifier.h"

#include <cmath>
#include <istream>
#include <ostream>

#include "analyzer/ml/logreg.h"

namespace framelens::terms {

namespace {

const std::string kEos = "</s>";

bool tone_punct(const Token& t) {
  return t.kind == TokenKind::Quote || t.lower == "!" || t.lower == "?" || t.lower == ":";
}

bool fasttext_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
}

// fastText Dictionary::computeSubwords on "<word>": char n-grams of minn..maxn code points (a single
// boundary mark is not a gram), as bucket indices.
template <class F>
void for_each_subword(const std::string& word, int32_t minn, int32_t maxn, uint32_t nbuckets, F f) {
  for (size_t i = 0; i < word.size(); ++i) {
    if ((word[i] & 0xC0) == 0x80) continue;
    std::string ngram;
    for (size_t j = i, n = 1; j < word.size() && n <= static_cast<size_t>(maxn); ++n) {
      ngram.push_back(word[j++]);
      while (j < word.size() && (word[j] & 0xC0) == 0x80) ngram.push_back(word[j++]);
      if (n >= static_cast<size_t>(minn) && !(n == 1 && (i == 0 || j == word.size())))
        f(fasttext_hash(ngram) % nbuckets);
    }
  }
}

}  // namespace

void classifier_tokens(const Document& doc, int32_t first, int32_t end, std::vector<std::string>& out) {
  out.clear();
  for (int32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::Number) {
      out.emplace_back("<num>");
      continue;
    }
    if (t.kind != TokenKind::Word && !tone_punct(t)) continue;
    std::string w = t.lower;
    for (char& c : w)
      if (fasttext_space(c)) c = '_';
    if (w.rfind("__label__", 0) == 0) w[0] = '-';
    if (!w.empty()) out.push_back(std::move(w));
  }
}

uint32_t fasttext_hash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) {
    h = h ^ static_cast<uint32_t>(static_cast<int8_t>(c));
    h = h * 16777619u;
  }
  return h;
}

double PooledClassifier::margin(const std::vector<std::string>& tokens) const {
  double sum = 0;
  int64_t rows = 0;
  const uint32_t nb = static_cast<uint32_t>(buckets.size());
  thread_local std::vector<int32_t> hashes;  // fastText keeps them as int32 (sign matters below)
  hashes.clear();
  auto add_word = [&](const std::string& w) {
    auto it = words.find(w);
    if (it != words.end()) {
      sum += it->second.sum;
      rows += it->second.rows;
    } else if (maxn > 0 && nb > 0 && w != kEos) {
      for_each_subword("<" + w + ">", minn, maxn, nb, [&](uint32_t b) {
        sum += buckets[b];
        ++rows;
      });
    }
    hashes.push_back(static_cast<int32_t>(fasttext_hash(w)));
  };
  for (const auto& t : tokens) add_word(t);
  add_word(kEos);
  if (nb > 0) {
    for (size_t i = 0; i < hashes.size(); ++i) {
      uint64_t h = static_cast<uint64_t>(static_cast<int64_t>(hashes[i]));
      for (size_t j = i + 1; j < hashes.size() && j < i + static_cast<size_t>(word_ngrams); ++j) {
        h = h * 116049371u + static_cast<uint64_t>(static_cast<int64_t>(hashes[j]));
        sum += buckets[h % nb];
        ++rows;
      }
    }
  }
  return rows > 0 ? sum / static_cast<double>(rows) : 0.0;
}

double PooledClassifier::predict(const std::vector<std::string>& tokens) const { return sigmoid(margin(tokens)); }

namespace {
constexpr uint32_t kMagic = 0x4C4F4F50;  // "POOL"
constexpr uint32_t kVersion = 1;
}  // namespace

void PooledClassifier::write(std::ostream& out) const {
  auto put = [&](const auto& v) { out.write(reinterpret_cast<const char*>(&v), sizeof v); };
  put(kMagic);
  put(kVersion);
  put(word_ngrams);
  put(minn);
  put(maxn);
  put(static_cast<uint32_t>(words.size()));
  for (const auto& [w, info] : words) {
    put(static_cast<uint32_t>(w.size()));
    out.write(w.data(), static_cast<std::streamsize>(w.size()));
    put(info.sum);
    put(info.rows);
  }
  put(static_cast<uint32_t>(buckets.size()));
  out.write(reinterpret_cast<const char*>(buckets.data()), static_cast<std::streamsize>(sizeof(float) * buckets.size()));
}

bool PooledClassifier::read(std::istream& in) {
  auto get = [&](auto& v) { return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v)); };
  uint32_t magic = 0, version = 0, nw = 0, nb = 0;
  if (!get(magic) || !get(version) || magic != kMagic || version != kVersion) return false;
  if (!get(word_ngrams) || !get(minn) || !get(maxn) || !get(nw)) return false;
  if (word_ngrams < 1 || word_ngrams > 5 || minn < 0 || maxn < 0 || maxn > 10 || nw > (1u << 24)) return false;
  words.clear();
  words.reserve(nw);
  for (uint32_t k = 0; k < nw; ++k) {
    uint32_t len = 0;
    if (!get(len) || len > 1024) return false;
    std::string w(len, '\0');
    Word info;
    if (!in.read(w.data(), len) || !get(info.sum) || !get(info.rows)) return false;
    if (!std::isfinite(info.sum) || info.rows < 0) return false;
    words.emplace(std::move(w), info);
  }
  if (!get(nb) || nb > (1u << 26)) return false;
  buckets.resize(nb);
  if (!in.read(reinterpret_cast<char*>(buckets.data()), static_cast<std::streamsize>(sizeof(float) * nb))) return false;
  for (float b : buckets)
    if (!std::isfinite(b)) return false;
  return true;
}

}  // namespace framelens::terms
