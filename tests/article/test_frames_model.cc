#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzer/article/frames_model.h"
#include "analyzer/train/frames_trainer.h"
#include "analyzer/train/text_features_article_trainer.h"
#include "tests/test_temp.h"

using namespace framelens;

namespace {

SparseVector sv(std::vector<uint32_t> idx, std::vector<float> val) {
  SparseVector v;
  v.index = std::move(idx);
  v.value = std::move(val);
  return v;
}

// Two heads over 2^8 folded features + one lexicon feature, trained on separable toy vectors.
FramesModel toy_model(std::vector<FrameLexicon> lex) {
  const uint32_t dim = 256 + static_cast<uint32_t>(lex.size());
  std::vector<SparseVector> x;
  std::vector<std::vector<uint8_t>> y;
  for (int r = 0; r < 5; ++r) {
    x.push_back(sv({3, 256}, {1.0f, 1.0f})), y.push_back({1, 0});
    x.push_back(sv({7, 256}, {1.0f, -1.0f})), y.push_back({0, 1});
  }
  LinearTrainOptions lo;
  lo.l2 = 1e-3;
  auto heads = LinearModel::train_logistic(x, y, 2, dim, lo);
  REQUIRE(heads.ok());
  return FramesModel({"A", "B"}, 8, std::move(*heads), {0.5f, 0.5f}, 1, std::move(lex));
}

}  // namespace

TEST_CASE("frames lexicon: sum of the article's weights at the lexicon indices", "[models][frames]") {
  const auto a = sv({1, 5, 9, 300, 70000}, {0.1f, 0.2f, 0.3f, 0.4f, 0.5f});
  CHECK(FramesModel::lexicon_sum(a, {}) == 0.0);
  CHECK(FramesModel::lexicon_sum(a, {2, 4}) == 0.0);
  CHECK(FramesModel::lexicon_sum(a, {5, 300}) == Approx(0.6));
  CHECK(FramesModel::lexicon_sum(a, {0, 1, 6, 9, 70000, 80000}) == Approx(0.9));
}

TEST_CASE("frames model: lexicon features are appended after the folded space", "[models][frames]") {
  FrameLexicon l;
  l.name = "A";
  l.index = {1000, 2000};
  l.mean = 0.25f;
  l.scale = 2.0f;
  const auto m = toy_model({l});
  // 1000 & 255 = 232, 2000 & 255 = 208: folded; the lexicon value is (0.5 + 0.25 - 0.25) * 2.
  const auto f = m.fold(sv({1000, 2000, 5000}, {0.5f, 0.25f, 0.1f}));
  REQUIRE(f.size() == 4);
  CHECK(f.index[0] == (1000u & 255u));
  CHECK(f.index[3] == 256u);
  CHECK(f.value[3] == Approx(1.0f));
  // Without a lexicon nothing is appended.
  CHECK(toy_model({}).fold(sv({1000}, {1.0f})).size() == 1);
}

TEST_CASE("frames model: save/load round trip keeps the lexicon and the scores", "[models][frames]") {
  FrameLexicon l;
  l.name = "A";
  l.index = {3, 700};
  l.mean = 0.1f;
  l.scale = 3.0f;
  const auto m = toy_model({l});
  const auto path = framelens_test::temp_path("framelens_frames_model.bin").string();
  REQUIRE(m.save(path).ok());
  auto back = FramesModel::load(path);
  REQUIRE(back.ok());
  REQUIRE(back->lexicons().size() == 1);
  CHECK(back->lexicons()[0].name == "A");
  CHECK(back->lexicons()[0].index == std::vector<uint32_t>{3, 700});
  CHECK(back->lexicons()[0].mean == 0.1f);
  CHECK(back->lexicons()[0].scale == 3.0f);
  const auto art = sv({3, 700, 1031}, {0.6f, 0.6f, 0.5f});
  const auto p0 = m.predict(art), p1 = back->predict(art);
  REQUIRE(p0.size() == 2);
  for (size_t k = 0; k < 2; ++k) {
    CHECK(p1[k].score == Approx(p0[k].score));
    CHECK(p1[k].selected == p0[k].selected);
  }
  CHECK(p0[0].score > p0[1].score);  // index 3 and a high lexicon value both mean "A"

  // A truncated file is a model error.
  {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, 60);
  }
  auto broken = FramesModel::load(path);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().kind == ErrorKind::Model);
  std::filesystem::remove(path);
}

TEST_CASE("frames model: version 1 files (no lexicon table) still load", "[models][frames]") {
  const auto m = toy_model({});
  const auto path = framelens_test::temp_path("framelens_frames_v1.bin").string();
  REQUIRE(m.save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  // v3 layout: magic(8) version(4) bits(4) min_sel(4) n(4) {len(4) label thr(4)}*n, n_lex(4), {slope shift}*n, heads.
  size_t pos = 24;
  for (int k = 0; k < 2; ++k) pos += 4 + 1 + 4;
  uint32_t n_lex = 1;
  std::memcpy(&n_lex, bytes.data() + pos, 4);
  REQUIRE(n_lex == 0);
  // v3 adds slope and shift per label after the lexicon table; v1 has neither.
  std::string v1 = bytes.substr(0, pos) + bytes.substr(pos + 4 + 2 * 8);
  const uint32_t one = 1;
  std::memcpy(v1.data() + 8, &one, 4);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << v1;
  auto back = FramesModel::load(path);
  REQUIRE(back.ok());
  CHECK(back->lexicons().empty());
  const auto art = sv({3}, {1.0f});
  CHECK(back->predict(art)[0].score == Approx(m.predict(art)[0].score));
  std::filesystem::remove(path);
}

TEST_CASE("frames seed lexicons exist for every MFC and generic label", "[models][frames]") {
  for (const char* l : {"Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
                        "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
                        "Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
                        "Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation",
                        "conflict", "economic", "human_interest", "moral", "resolution"})
    CHECK(std::strlen(frames_seed_lexicon(l)) > 0);
  CHECK(std::strlen(frames_seed_lexicon("Legality")) == 0);
}

TEST_CASE("frames training: the lexicon scale is a CV choice and the model keeps the chosen table",
          "[models][frames]") {
  std::vector<LabelledRecord> train;
  auto rec = [](const std::string& text, std::vector<std::string> labels) {
    LabelledRecord r;
    r.record.text = text;
    r.labels = std::move(labels);
    return r;
  };
  // Each text differs (a repeated line would be learned as boilerplate and stripped).
  const char* day[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  for (int r = 0; r < 6; ++r) {
    const std::string d = day[r];
    train.push_back(rec(d + ": police arrested the suspect after the murder; the trial opens " + d + ".",
                        {"Crime_and_punishment"}));
    train.push_back(rec("On " + d + " the budget tax plan was said to cost billions of dollars.", {"Economic"}));
    train.push_back(rec("The police said on " + d + " that the suspect stole money from the bank.",
                        {"Crime_and_punishment", "Economic"}));
  }
  TextFeatureOptions fo;
  fo.hash_bits = 14;
  std::ostringstream log;
  auto features = build_article_features(train, fo, 1, log);
  REQUIRE(features.ok());
  FramesTrainOptions ft;
  ft.fold_bits = 10;
  ft.folds = 3;
  ft.l2_grid = {1e-3};
  ft.lexicon_scales = {0.1};
  auto with = train_frames(*features, train, {}, ft, log);
  REQUIRE(with.ok());
  REQUIRE(with->lexicons().size() == 2);  // both labels have a seed list
  CHECK(with->lexicons()[0].name == "Crime_and_punishment");
  CHECK(with->lexicons()[0].scale > 0);
  ft.lexicon_scales = {0};
  auto without = train_frames(*features, train, {}, ft, log);
  REQUIRE(without.ok());
  CHECK(without->lexicons().empty());
  auto doc = make_document("The suspect was arrested by police.", {});
  REQUIRE(doc.ok());
  auto money = make_document("The budget plan was said to cost billions of dollars.", {});
  REQUIRE(money.ok());
  // Calibrated per frame: the crime article scores higher on Crime_and_punishment than the budget
  // article, and lower on Economic.
  const auto s = with->predict(features->compute(*doc)), m = with->predict(features->compute(*money));
  CHECK(s[0].score > m[0].score);
  CHECK(s[1].score < m[1].score);
}

TEST_CASE("frames model: the per-label calibration is applied and survives a round trip", "[models][frames]") {
  auto m = toy_model({});
  const auto art = sv({3}, {1.0f});
  const auto raw = m.predict(art);
  // Label B pushed up by a prior shift of +6 and given a low threshold: it is now selected too.
  FramesModel c({"A", "B"}, 8, m.heads(), {0.5f, 0.3f}, 1, {});
  c.set_calibration({1.0f, 1.0f}, {0.0f, 6.0f});
  const auto shifted = c.predict(art);
  CHECK(shifted[0].score == Approx(raw[0].score));
  CHECK(shifted[1].score > raw[1].score);
  CHECK(shifted[1].selected);
  CHECK_FALSE(raw[1].selected);
  const auto path = framelens_test::temp_path("framelens_frames_v3.bin").string();
  REQUIRE(c.save(path).ok());
  auto back = FramesModel::load(path);
  REQUIRE(back.ok());
  CHECK(back->shifts() == std::vector<float>{0.0f, 6.0f});
  CHECK(back->thresholds() == std::vector<float>{0.5f, 0.3f});
  CHECK(back->predict(art)[1].score == Approx(shifted[1].score));
  std::filesystem::remove(path);
}
