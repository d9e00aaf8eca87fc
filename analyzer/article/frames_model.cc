#include "analyzer/article/frames_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>

namespace framelens {

namespace {
constexpr char kMagic[8] = {'F', 'L', 'F', 'R', 'A', 'M', 'E', 'S'};
constexpr uint32_t kVersion = 3;
}  // namespace

FramesModel::FramesModel(std::vector<std::string> labels, uint32_t fold_bits, LinearModel heads,
                         std::vector<float> thresholds, int min_selected, std::vector<FrameLexicon> lexicons)
    : labels_(std::move(labels)), fold_bits_(fold_bits), heads_(std::move(heads)), thresholds_(std::move(thresholds)),
      min_selected_(min_selected), lexicons_(std::move(lexicons)), slope_(labels_.size(), 1.0f),
      shift_(labels_.size(), 0.0f) {}

void FramesModel::set_calibration(std::vector<float> slope, std::vector<float> shift) {
  if (slope.size() != labels_.size() || shift.size() != labels_.size()) return;
  slope_ = std::move(slope);
  shift_ = std::move(shift);
}

void FramesModel::activate(double* z) const {
  for (size_t k = 0; k < labels_.size(); ++k) z[k] = sigmoid(slope_[k] * z[k] + shift_[k]);
}

std::vector<double> FramesModel::scores(const SparseVector& folded) const {
  std::vector<double> z(labels_.size());
  heads_.decision(folded, z.data());
  activate(z.data());
  return z;
}

double FramesModel::lexicon_sum(const SparseVector& article, const std::vector<uint32_t>& sorted_index) {
  // Both index lists are sorted: one merge pass.
  double sum = 0;
  size_t a = 0, b = 0;
  while (a < article.index.size() && b < sorted_index.size()) {
    if (article.index[a] < sorted_index[b]) ++a;
    else if (sorted_index[b] < article.index[a]) ++b;
    else sum += article.value[a++];
  }
  return sum;
}

SparseVector FramesModel::fold(const SparseVector& article) const {
  SparseVector v = fold_tfidf(article);
  append_lexicon_features(article, v);
  return v;
}

SparseVector FramesModel::fold_tfidf(const SparseVector& article) const {
  SparseVector v = article;
  const uint32_t mask = (uint32_t(1) << fold_bits_) - 1;
  for (auto& i : v.index) i &= mask;
  return v;
}

void FramesModel::append_lexicon_features(const SparseVector& article, SparseVector& out) const {
  const uint32_t base = uint32_t(1) << fold_bits_;
  for (size_t j = 0; j < lexicons_.size(); ++j) {
    const auto& l = lexicons_[j];
    out.push(base + static_cast<uint32_t>(j), static_cast<float>((lexicon_sum(article, l.index) - l.mean) * l.scale));
  }
}

std::vector<FrameScore> FramesModel::select(const std::vector<double>& s) const {
  std::vector<FrameScore> out(labels_.size());
  std::vector<int> order(labels_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return s[a] > s[b]; });
  for (size_t k = 0; k < labels_.size(); ++k) {
    out[k].label = labels_[k];
    out[k].score = s[k];
    out[k].selected = s[k] >= thresholds_[k];
  }
  for (int r = 0; r < min_selected_ && r < static_cast<int>(order.size()); ++r) out[order[r]].selected = true;
  return out;
}

std::vector<FrameScore> FramesModel::predict(const SparseVector& article) const {
  if (labels_.empty()) return {};
  return select(scores(fold(article)));
}

Status FramesModel::save(const std::string& path) const {
  std::ofstream os(path, std::ios::binary);
  if (!os) return internal_error("cannot write " + path);
  auto put32 = [&](uint32_t v) { os.write(reinterpret_cast<const char*>(&v), 4); };
  os.write(kMagic, sizeof kMagic);
  put32(kVersion);
  put32(fold_bits_);
  put32(static_cast<uint32_t>(min_selected_));
  put32(static_cast<uint32_t>(labels_.size()));
  for (size_t k = 0; k < labels_.size(); ++k) {
    put32(static_cast<uint32_t>(labels_[k].size()));
    os.write(labels_[k].data(), std::streamsize(labels_[k].size()));
    os.write(reinterpret_cast<const char*>(&thresholds_[k]), 4);
  }
  put32(static_cast<uint32_t>(lexicons_.size()));
  for (const auto& l : lexicons_) {
    put32(static_cast<uint32_t>(l.name.size()));
    os.write(l.name.data(), std::streamsize(l.name.size()));
    os.write(reinterpret_cast<const char*>(&l.mean), 4);
    os.write(reinterpret_cast<const char*>(&l.scale), 4);
    put32(static_cast<uint32_t>(l.index.size()));
    os.write(reinterpret_cast<const char*>(l.index.data()), std::streamsize(4 * l.index.size()));
  }
  for (size_t k = 0; k < labels_.size(); ++k) {
    os.write(reinterpret_cast<const char*>(&slope_[k]), 4);
    os.write(reinterpret_cast<const char*>(&shift_[k]), 4);
  }
  if (Status s = heads_.write(os); !s) return s;
  if (!os) return internal_error("write failed: " + path);
  return {};
}

Result<FramesModel> FramesModel::load(const std::string& path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) return model_error("cannot read " + path);
  char magic[8];
  is.read(magic, sizeof magic);
  if (!is || std::memcmp(magic, kMagic, sizeof magic) != 0) return model_error(path + ": not a framelens frames model");
  uint32_t version = 0, bits = 0, min_sel = 0, n = 0;
  auto get32 = [&](uint32_t& v) { is.read(reinterpret_cast<char*>(&v), 4); };
  get32(version), get32(bits), get32(min_sel), get32(n);
  if (!is || version < 1 || version > kVersion || bits < 8 || bits > 26 || n == 0 || n > 256 || min_sel > n)
    return model_error(path + ": corrupt frames model header");
  std::vector<std::string> labels(n);
  std::vector<float> thr(n);
  for (uint32_t k = 0; k < n; ++k) {
    uint32_t len = 0;
    get32(len);
    if (!is || len == 0 || len > 200) return model_error(path + ": corrupt frame label");
    labels[k].resize(len);
    is.read(labels[k].data(), len);
    is.read(reinterpret_cast<char*>(&thr[k]), 4);
    if (!is || !std::isfinite(thr[k])) return model_error(path + ": corrupt frame label table");
  }
  std::vector<FrameLexicon> lex;
  if (version >= 2) {
    uint32_t nl = 0;
    get32(nl);
    if (!is || nl > 256) return model_error(path + ": corrupt frame lexicon table");
    lex.resize(nl);
    for (auto& l : lex) {
      uint32_t len = 0, ni = 0;
      get32(len);
      if (!is || len > 200) return model_error(path + ": corrupt frame lexicon name");
      l.name.resize(len);
      is.read(l.name.data(), len);
      is.read(reinterpret_cast<char*>(&l.mean), 4);
      is.read(reinterpret_cast<char*>(&l.scale), 4);
      get32(ni);
      if (!is || ni > 100000 || !std::isfinite(l.mean) || !std::isfinite(l.scale))
        return model_error(path + ": corrupt frame lexicon");
      l.index.resize(ni);
      is.read(reinterpret_cast<char*>(l.index.data()), std::streamsize(4 * ni));
      if (!is || !std::is_sorted(l.index.begin(), l.index.end())) return model_error(path + ": corrupt frame lexicon");
    }
  }
  std::vector<float> slope(n, 1.0f), shift(n, 0.0f);
  if (version >= 3) {
    for (uint32_t k = 0; k < n; ++k) {
      is.read(reinterpret_cast<char*>(&slope[k]), 4);
      is.read(reinterpret_cast<char*>(&shift[k]), 4);
      if (!is || !std::isfinite(slope[k]) || !std::isfinite(shift[k]))
        return model_error(path + ": corrupt frame calibration table");
    }
  }
  auto heads = LinearModel::read(is, path);
  if (!heads) return heads.error();
  if (heads->kind() != LinearKind::Logistic || heads->classes() != static_cast<int>(n) ||
      heads->dim() != (uint32_t(1) << bits) + lex.size())
    return model_error(path + ": frame heads do not match the label table");
  if (is.peek() != std::char_traits<char>::eof()) return model_error(path + ": trailing bytes");
  FramesModel m(std::move(labels), bits, std::move(*heads), std::move(thr), static_cast<int>(min_sel), std::move(lex));
  m.set_calibration(std::move(slope), std::move(shift));
  return m;
}

}  // namespace framelens
