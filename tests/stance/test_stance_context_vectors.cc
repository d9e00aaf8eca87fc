// Context-vector features of a mention (target-masked sentence mean, left/right window means), and
// stance models that use them: file round trip with their word vectors, and the model errors when
// the vectors are missing, of another dim, or retrained.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "analyzer/ml/word_vectors_file.h"
#include "analyzer/stance/stance_context_vectors.h"
#include "analyzer/stance/stance_model.h"
#include "analyzer/stance/stance_stage.h"
#include "analyzer/train/stance_trainer.h"
#include "tests/stance/stance_test_fixtures.h"
#include "tests/test_temp.h"
#include "tests/test_doc.h"

using namespace framelens;
using framelens_test::axis_vectors;
using framelens_test::mention;

namespace {

std::vector<float> dense(const SparseVector& x, uint32_t offset, uint32_t n) {
  std::vector<float> out(n, 0.0f);
  for (size_t k = 0; k < x.size(); ++k) {
    REQUIRE(x.index[k] >= offset);
    REQUIRE(x.index[k] < offset + n);
    out[x.index[k] - offset] = x.value[k];
  }
  return out;
}

}  // namespace

TEST_CASE("context block names", "[stance][vectors]") {
  uint32_t m = 0;
  CHECK(parse_context_blocks("all", m));
  CHECK(m == kCtxAllBlocks);
  CHECK(parse_context_blocks("left,right", m));
  CHECK(m == (kCtxLeft | kCtxRight));
  CHECK(context_blocks_name(m) == "left,right");
  CHECK(parse_context_blocks("none", m));
  CHECK(m == 0);
  CHECK_FALSE(parse_context_blocks("sentence,middle", m));
}

TEST_CASE("context vectors mask the target and split left from right", "[stance][vectors]") {
  const std::string text = "Critics slammed Mendes , editors praised .";
  const Document d = doc_of(text);
  const MentionTokens m = mention(d, text, "Mendes");
  ContextVectorScratch s;
  SECTION("all blocks, offset after the hashed range") {
    ContextVectorFeaturizer fz({kCtxAllBlocks, 2, 1.0f}, axis_vectors());
    REQUIRE(fz.dim() == 9);
    SparseVector x;
    fz.append(d, m, s, x, 100);
    const auto v = dense(x, 100, 9);
    // Sentence block: praised + slammed, Mendes (the target) masked out; the rarer row weighs more
    // (smooth inverse frequency over the frequency-ordered rows).
    CHECK(v[0] > 0.0f);
    CHECK(v[1] > v[0]);
    CHECK(v[2] == 0.0f);
    CHECK(std::hypot(v[0], v[1], v[2]) == Approx(1.0f));
    // Left window (2 tokens: "critics slammed"): only slammed has a vector.
    CHECK(v[3] == 0.0f);
    CHECK(v[4] == Approx(1.0f));
    // Right window (", editors"): no known word -> all zero.
    CHECK(v[6] == 0.0f);
    CHECK(v[7] == 0.0f);
    CHECK(v[8] == 0.0f);
  }
  SECTION("the cached sentence sum serves every mention of the sentence") {
    const std::string t2 = "Mendes praised Ortiz .";
    const Document d2 = doc_of(t2);
    ContextVectorFeaturizer fz({kCtxSentence, 5, 2.0f}, axis_vectors());
    SparseVector a, b;
    fz.append(d2, mention(d2, t2, "Mendes"), s, a, 0);
    fz.append(d2, mention(d2, t2, "Ortiz"), s, b, 0);
    const auto va = dense(a, 0, 3), vb = dense(b, 0, 3);
    CHECK(va[2] == 0.0f);           // Mendes masked when it is the target
    CHECK(va[0] == Approx(2.0f));   // scale
    CHECK(vb[2] > 0.0f);            // but part of the context of Ortiz
  }
  SECTION("disabled without vectors") {
    ContextVectorFeaturizer fz({kCtxAllBlocks, 5, 1.0f}, nullptr);
    CHECK_FALSE(fz.enabled());
    CHECK(fz.dim() == 0);
    SparseVector x;
    fz.append(d, m, s, x, 0);
    CHECK(x.size() == 0);
  }
}

TEST_CASE("stance model with context vectors: round trip and vector mismatches", "[stance][vectors]") {
  auto wv = axis_vectors();
  const framelens_test::StanceModelDir dir("framelens_stance_ctx_test", *wv);
  const std::string& vec_path = dir.vec_path;
  const std::string& model_path = dir.model_path;

  const auto ex = framelens_test::mendes_examples({{"Voters praised Mendes .", kStancePositive},
                                                   {"Mendes was praised today .", kStancePositive},
                                                   {"Voters slammed Mendes .", kStanceNegative},
                                                   {"Mendes was slammed today .", kStanceNegative},
                                                   {"Mendes arrived today .", kStanceNeutral},
                                                   {"Voters met Mendes .", kStanceNeutral}});
  auto lex = std::make_shared<const PolarityLexicon>();
  StanceTrainOptions opt;
  opt.hash_bits = 12;
  opt.context = {kCtxAllBlocks, 3, 1.0f};
  opt.vectors = wv;
  opt.vectors_checksum = dir.vectors_checksum;
  auto m = train_stance_model(ex, lex, opt);
  REQUIRE(m.ok());
  CHECK(m->context().dim() == 9);
  CHECK(m->linear().dim() == (1u << 12) + 9);
  REQUIRE(m->save(model_path).ok());

  auto back = StanceModel::load_from(dir.dir());
  REQUIRE(back.ok());
  CHECK(back->context().enabled());
  StanceWorkspace w1, w2;
  for (const auto& e : ex) {
    MentionTokens mt;
    REQUIRE(locate_mention(e.doc, e.target, mt));
    const auto a = m->predict(e.doc, mt, w1, false), b = back->predict(e.doc, mt, w2, false);
    // The cached fast path and the full feature path agree.
    const auto c = back->predict(e.doc, mt, w2, true);
    for (int k = 0; k < 3; ++k) {
      CHECK(a.p[k] == Approx(b.p[k]).margin(1e-6));
      CHECK(b.p[k] == Approx(c.p[k]).margin(1e-5));
    }
    w1.reset();
    w2.reset();
  }

  auto expect_model_error = [&](const std::string& what) {
    INFO(what);
    auto r = StanceModel::load_from(dir.dir());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Model);
  };
  SECTION("vectors missing") {
    std::filesystem::remove(vec_path);
    expect_model_error("missing vectors");
    CHECK_FALSE(StanceModel::load(model_path).ok());  // no vectors path given
  }
  SECTION("vectors of another dim") {
    REQUIRE(save_word_vectors(*axis_vectors(4), vec_path).ok());
    expect_model_error("dim mismatch");
  }
  SECTION("vectors retrained (same dim, other values)") {
    auto other = axis_vectors();
    const float v[3] = {0.3f, 0.3f, 0.3f};
    other->add("today", v);
    REQUIRE(save_word_vectors(*other, vec_path).ok());
    expect_model_error("checksum mismatch");
  }
  SECTION("a stage over the folder fails the same way") {
    std::filesystem::remove(vec_path);
    PipelineOptions o;
    o.models_dir = dir.dir();
    auto st = make_stance_stage(o);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().kind == ErrorKind::Model);
  }
}
