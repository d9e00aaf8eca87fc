// Context-vector norms (l2 / mean / root) and the folded scorer: the linear layer folded into the
// word vectors gives the same class scores as the full dense features, the L2 norm is never folded,
// and v2 stance files (before the norm field) still load.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>

#include "analyzer/ml/word_vectors_file.h"
#include "analyzer/stance/stance_context_folded.h"
#include "analyzer/stance/stance_context_vectors.h"
#include "analyzer/stance/stance_model.h"
#include "analyzer/train/stance_trainer.h"
#include "tests/test_doc.h"
#include "tests/stance/stance_test_fixtures.h"
#include "tests/test_temp.h"

using namespace framelens;
using framelens_test::axis_vectors;
using framelens_test::mention;

namespace {

// Non-orthogonal vectors of several words, so folding is checked on real sums.
std::shared_ptr<terms::WordVectors> mixed_vectors() {
  auto wv = std::make_shared<terms::WordVectors>();
  wv->reset(4);
  const char* words[] = {"the", "voters", "praised", "slammed", "mendes", "today", "was", "met", "arrived", "critics"};
  for (int w = 0; w < 10; ++w) {
    float v[4];
    for (int k = 0; k < 4; ++k) v[k] = std::sin(1.7f * float(w + 1) + 0.9f * float(k)) * float(1 + (w % 3));
    wv->add(words[w], v);
  }
  return wv;
}

std::vector<float> dense(const SparseVector& x, uint32_t n) {
  std::vector<float> out(n, 0.0f);
  for (size_t k = 0; k < x.size(); ++k) {
    REQUIRE(x.index[k] < n);
    out[x.index[k]] = x.value[k];
  }
  return out;
}

std::vector<StanceExample> toy_examples() {
  return framelens_test::mendes_examples({{"Voters praised Mendes today .", kStancePositive},
                                          {"Mendes was praised today by the voters .", kStancePositive},
                                          {"Critics slammed Mendes .", kStanceNegative},
                                          {"Mendes was slammed today .", kStanceNegative},
                                          {"Mendes arrived today .", kStanceNeutral},
                                          {"The voters met Mendes , critics arrived .", kStanceNeutral}});
}

}  // namespace

TEST_CASE("context norm names", "[stance][vectors]") {
  ContextNorm n = ContextNorm::L2;
  CHECK(parse_context_norm("mean", n));
  CHECK(n == ContextNorm::Mean);
  CHECK(parse_context_norm("root", n));
  CHECK(n == ContextNorm::Root);
  CHECK(std::string(context_norm_name(n)) == "root");
  CHECK(parse_context_norm("unit-root", n));
  CHECK(n == ContextNorm::UnitRoot);
  CHECK(parse_context_norm("l2", n));
  CHECK(n == ContextNorm::L2);
  CHECK_FALSE(parse_context_norm("max", n));
  CHECK(context_block_divisor(ContextNorm::Mean, 0, 1.0f, 1.0f) == 0.0f);  // empty block
  CHECK(context_block_divisor(ContextNorm::Root, 2, 0.7f, 0.25f) == Approx(0.5f));
}

TEST_CASE("mean and root norms scale a block by its weights, not its vector", "[stance][vectors]") {
  const std::string text = "Critics slammed Mendes , editors praised .";
  const Document d = doc_of(text);
  const MentionTokens m = mention(d, text, "Mendes");
  ContextVectorScratch s;
  const float wp = sif_weight(0), ws = sif_weight(1);  // rows of praised, slammed
  SECTION("mean: the SIF-weighted mean of the unmasked words, times the scale") {
    ContextVectorFeaturizer fz({kCtxAllBlocks, 2, 3.0f, ContextNorm::UnitMean}, axis_vectors(3, 0.5f, true));
    SparseVector x;
    fz.append(d, m, s, x, 0);
    const auto v = dense(x, 9);
    CHECK(v[0] == Approx(3.0f * wp / (wp + ws)));
    CHECK(v[1] == Approx(3.0f * ws / (wp + ws)));
    CHECK(v[2] == 0.0f);                 // the target is masked, from the weight sum too
    CHECK(v[4] == Approx(3.0f));         // left window: slammed alone
    CHECK(v[6] + v[7] + v[8] == 0.0f);   // right window: no known word
  }
  SECTION("mean without unit vectors keeps each word's length") {
    ContextVectorFeaturizer fz({kCtxLeft, 2, 3.0f, ContextNorm::Mean}, axis_vectors(3, 0.5f, true));
    SparseVector x;
    fz.append(d, m, s, x, 0);
    const auto v = dense(x, 3);
    CHECK(v[1] == Approx(3.0f * 0.5f * 2.0f));  // slammed has length 2 * 0.5
  }
  SECTION("unit-root: a block of orthogonal words has norm `scale` (as with L2), whatever their lengths") {
    ContextVectorFeaturizer root({kCtxAllBlocks, 2, 2.0f, ContextNorm::UnitRoot}, axis_vectors(3, 5.0f, true));
    ContextVectorFeaturizer l2({kCtxAllBlocks, 2, 2.0f, ContextNorm::L2}, axis_vectors(3, 5.0f, true));
    ContextVectorScratch s2;
    SparseVector a, b;
    root.append(d, m, s, a, 0);
    l2.append(d, m, s2, b, 0);
    const auto va = dense(a, 9), vb = dense(b, 9);
    // (The directions differ: L2 normalises the sum of the long vectors, unit-root each vector.)
    CHECK(va[4] == Approx(2.0f));  // left window: slammed alone, unit length times the scale
    ContextVectorFeaturizer root1({kCtxAllBlocks, 2, 2.0f, ContextNorm::Root}, axis_vectors(3, 5.0f, true));
    SparseVector c;
    ContextVectorScratch s3;
    root1.append(d, m, s3, c, 0);
    const auto vc = dense(c, 9);
    CHECK(vc[4] == Approx(2.0f * 10.0f));  // root without unit vectors keeps the length (2 * 5)
    CHECK(std::hypot(va[0], va[1]) == Approx(2.0f));
    CHECK(std::hypot(vb[0], vb[1]) == Approx(2.0f));
  }
}

TEST_CASE("folded context scores equal the full dense features", "[stance][vectors]") {
  const auto ex = toy_examples();
  auto lex = std::make_shared<const PolarityLexicon>();
  StanceTrainOptions opt;
  opt.hash_bits = 10;
  opt.vectors = mixed_vectors();
  const ContextNorm norm =
      GENERATE(ContextNorm::Mean, ContextNorm::Root, ContextNorm::UnitMean, ContextNorm::UnitRoot, ContextNorm::L2);
  const uint32_t blocks = GENERATE(uint32_t(kCtxAllBlocks), uint32_t(kCtxLeft | kCtxRight), uint32_t(kCtxSentence));
  INFO("norm " << context_norm_name(norm) << ", blocks " << context_blocks_name(blocks));
  opt.context = {blocks, 2, 0.7f, norm};
  auto model = train_stance_model(ex, lex, opt);
  REQUIRE(model.ok());
  // Folded exactly when the norm is computable from the weights.
  CHECK(model->folded_context().enabled() == (norm != ContextNorm::L2));
  StanceWorkspace ws;
  StanceScratch scratch;
  ContextVectorScratch cs;
  bool some_dense = false;
  for (const auto& e : ex) {
    MentionTokens mt;
    REQUIRE(locate_mention(e.doc, e.target, mt));
    SparseVector x;
    model->features(e.doc, mt, x, scratch, cs);
    some_dense = some_dense || (x.size() > 0 && x.index.back() >= (1u << opt.hash_bits));
    double full[3];
    model->linear().predict(x, full);
    const auto fast = model->predict(e.doc, mt, ws, false);
    for (int k = 0; k < 3; ++k) CHECK(fast.p[k] == Approx(full[k]).margin(1e-5));
  }
  CHECK(some_dense);
}

TEST_CASE("stance files: v3 keeps the norm, v2 files (L2 blocks) still load, bad norms are model errors",
          "[stance][vectors]") {
  const auto wv = mixed_vectors();
  const framelens_test::StanceModelDir dir("framelens_stance_folded_test", *wv);
  const auto ex = toy_examples();
  auto lex = std::make_shared<const PolarityLexicon>();
  StanceTrainOptions opt;
  opt.hash_bits = 10;
  opt.vectors = wv;
  opt.vectors_checksum = dir.vectors_checksum;
  // Trains with these context options and saves the model; returns it.
  auto trained_and_saved = [&](const ContextVectorOptions& context) {
    opt.context = context;
    auto m = train_stance_model(ex, lex, opt);
    REQUIRE(m.ok());
    REQUIRE(m->save(dir.model_path).ok());
    return std::move(*m);
  };
  auto same_predictions = [&](const StanceModel& a, const StanceModel& b) {
    StanceWorkspace w1, w2;
    for (const auto& e : ex) {
      MentionTokens mt;
      REQUIRE(locate_mention(e.doc, e.target, mt));
      const auto pa = a.predict(e.doc, mt, w1, false), pb = b.predict(e.doc, mt, w2, false);
      for (int k = 0; k < 3; ++k) CHECK(pa.p[k] == Approx(pb.p[k]).margin(1e-6));
    }
  };
  // Rewrites the saved model file through `edit` (a hand-made old or corrupt file).
  auto patch_saved = [&](auto edit) {
    std::string b = framelens_test::read_all(dir.model_path);
    edit(b);
    framelens_test::write_all(dir.model_path, b);
  };
  // Layout after the 16-byte header: blocks, window, scale, then (v3) norm, each 4 bytes.
  constexpr size_t kNormAt = 16 + 12;

  SECTION("v3 round trip keeps a mean norm and folds again") {
    const auto m = trained_and_saved({kCtxAllBlocks, 3, 0.5f, ContextNorm::Mean});
    auto back = StanceModel::load_from(dir.dir());
    REQUIRE(back.ok());
    CHECK(back->context().options().norm == ContextNorm::Mean);
    CHECK(back->folded_context().enabled());
    same_predictions(m, *back);
  }
  SECTION("a v2 file has no norm field and means L2") {
    const auto m = trained_and_saved({kCtxAllBlocks, 3, 2.0f, ContextNorm::L2});
    patch_saved([](std::string& b) {
      const uint32_t version = 2;
      std::memcpy(&b[8], &version, 4);
      b.erase(kNormAt, 4);
    });
    auto back = StanceModel::load_from(dir.dir());
    REQUIRE(back.ok());
    CHECK(back->context().options().norm == ContextNorm::L2);
    CHECK_FALSE(back->folded_context().enabled());
    same_predictions(m, *back);
  }
  SECTION("an unknown norm is a model error") {
    trained_and_saved({kCtxAllBlocks, 3, 2.0f, ContextNorm::Root});
    patch_saved([](std::string& b) {
      const uint32_t bad = 7;
      std::memcpy(&b[kNormAt], &bad, 4);
    });
    auto back = StanceModel::load_from(dir.dir());
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().kind == ErrorKind::Model);
  }
}
