#include "analyzer/train/pretrained_vectors.h"

#include <fasttext/fasttext.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "analyzer/text/document.h"

namespace framelens {

namespace {

// The vector key of a word as the pipeline tokenises it ("" = skip).
std::string vector_key(const std::string& word) {
  if (word.empty() || word.size() > 100) return {};
  auto d = make_document(word, {}, true);
  if (!d || d->tokens.size() != 1) return {};
  const Token& t = d->tokens[0];
  if (t.kind == TokenKind::Number) return "<num>";
  if (t.kind == TokenKind::Word) return std::string(t.lower);
  return {};
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<terms::WordVectors> load_bin(const std::string& path, int max_words, PretrainedVectorStats& st) {
  fasttext::FastText ft;
  try {
    ft.loadModel(path);
  } catch (const std::exception& e) {
    return model_error(path + ": not a fastText .bin model (" + e.what() + ")");
  }
  const auto dict = ft.getDictionary();
  st.dim = ft.getDimension();
  terms::WordVectors wv;
  wv.reset(st.dim);
  fasttext::Vector v(st.dim);
  for (int32_t i = 0; i < dict->nwords() && static_cast<int>(wv.size()) < max_words; ++i) {
    const std::string w = dict->getWord(i);
    ++st.read;
    const std::string key = vector_key(w);
    if (key.empty()) {
      ++st.skipped;
      continue;
    }
    ft.getWordVector(v, w);
    wv.add(key, v.data());
  }
  st.kept = wv.size();
  return wv;
}

Result<terms::WordVectors> load_vec(const std::string& path, int max_words, PretrainedVectorStats& st) {
  std::ifstream in(path);
  if (!in) return input_error("cannot read " + path);
  std::string line;
  terms::WordVectors wv;
  int dim = 0;
  size_t line_no = 0;
  std::vector<float> v;
  while (static_cast<int>(wv.size()) < max_words && std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream ls(line);
    std::string word;
    if (!(ls >> word)) continue;
    std::vector<std::string> rest;
    for (std::string x; ls >> x;) rest.push_back(x);
    if (line_no == 1 && rest.size() == 1) {  // "<words> <dim>" header
      char* end = nullptr;
      const long d = std::strtol(rest[0].c_str(), &end, 10);
      if (*end || d < 2 || d > 4096) return input_error(path + ": bad header line");
      dim = static_cast<int>(d);
      continue;
    }
    if (dim == 0) dim = static_cast<int>(rest.size());
    if (dim < 2 || dim > 4096) return input_error(path + ":" + std::to_string(line_no) + ": bad vector dimension");
    if (static_cast<int>(rest.size()) != dim)
      return input_error(path + ":" + std::to_string(line_no) + ": expected " + std::to_string(dim) +
                         " components, found " + std::to_string(rest.size()));
    if (wv.dim() == 0) wv.reset(dim);
    v.resize(dim);
    for (int i = 0; i < dim; ++i) {
      char* end = nullptr;
      v[i] = std::strtof(rest[i].c_str(), &end);
      if (*end) return input_error(path + ":" + std::to_string(line_no) + ": not a number: " + rest[i]);
    }
    ++st.read;
    const std::string key = vector_key(word);
    if (key.empty()) {
      ++st.skipped;
      continue;
    }
    wv.add(key, v.data());
  }
  if (wv.empty()) return input_error(path + ": no word vectors");
  st.dim = dim;
  st.kept = wv.size();
  return wv;
}

}  // namespace

Result<terms::WordVectors> load_pretrained_vectors(const std::string& path, int max_words, PretrainedVectorStats* stats) {
  PretrainedVectorStats st;
  if (max_words < 1) return usage_error("max words must be positive");
  auto r = ends_with(path, ".bin") ? load_bin(path, max_words, st) : load_vec(path, max_words, st);
  if (stats) *stats = st;
  return r;
}

}  // namespace framelens
