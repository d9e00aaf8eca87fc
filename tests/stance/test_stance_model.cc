// Stance per mention, actor aggregation and the targets API, on hand-written news sentences.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "analyzer/ml/text_features.h"
#include "analyzer/pipeline/pipeline.h"
#include "analyzer/stance/stance_aggregate.h"
#include "analyzer/stance/stance_lexicon.h"
#include "analyzer/stance/stance_model.h"
#include "analyzer/stance/stance_stage.h"
#include "analyzer/train/stance_trainer.h"
#include "tests/test_temp.h"
#include "tests/test_doc.h"

using namespace framelens;

namespace {

Span span_of(const std::string& text, const std::string& what, size_t from = 0) {
  const size_t at = text.find(what, from);
  REQUIRE(at != std::string::npos);  // ASCII test texts: byte offset == code point offset
  return {static_cast<int32_t>(at), static_cast<int32_t>(at + what.size())};
}

std::shared_ptr<const PolarityLexicon> small_lexicon() {
  auto lex = std::make_shared<PolarityLexicon>();
  for (const char* w : {"praised", "hailed", "honest", "brilliant", "thanked", "admired", "generous"}) lex->add(w, 1, true);
  for (const char* w : {"slammed", "blasted", "corrupt", "incompetent", "attacked", "accused", "reckless"})
    lex->add(w, -1, true);
  lex->finish();
  return lex;
}

StanceExample example(const std::string& text, const std::string& target, int label) {
  StanceExample e;
  e.doc = doc_of(text);
  e.target = span_of(text, target);
  e.label = label;
  e.group = text;
  return e;
}

// A tiny model trained on sentences written for this test (no shared corpora).
StanceModel tiny_model() {
  std::vector<StanceExample> ex;
  ex.push_back(example("Local leaders praised Ortiz for his honest work.", "Ortiz", kStancePositive));
  ex.push_back(example("The paper hailed Brandt as a brilliant negotiator.", "Brandt", kStancePositive));
  ex.push_back(example("Residents thanked Okafor for a generous donation.", "Okafor", kStancePositive));
  ex.push_back(example("Voters admired Laine and her honest campaign.", "Laine", kStancePositive));
  ex.push_back(example("Critics slammed Ortiz over a corrupt contract.", "Ortiz", kStanceNegative));
  ex.push_back(example("Unions blasted Brandt as incompetent and reckless.", "Brandt", kStanceNegative));
  ex.push_back(example("Rivals attacked Okafor and accused him of corrupt deals.", "Okafor", kStanceNegative));
  ex.push_back(example("Auditors accused Laine of reckless spending.", "Laine", kStanceNegative));
  ex.push_back(example("Ortiz arrived in Denver on Monday.", "Ortiz", kStanceNeutral));
  ex.push_back(example("Brandt will speak at the conference next week.", "Brandt", kStanceNeutral));
  ex.push_back(example("Okafor met the delegation in the capital.", "Okafor", kStanceNeutral));
  ex.push_back(example("Laine's office released the schedule on Friday.", "Laine", kStanceNeutral));
  StanceTrainOptions opt;
  opt.hash_bits = 14;
  opt.l2 = 1e-3;
  auto m = train_stance_model(ex, small_lexicon(), opt);
  REQUIRE(m.ok());
  return std::move(*m);
}

MentionPrediction predict_for(const StanceModel& m, const std::string& text, const std::string& target) {
  const Document d = doc_of(text);
  MentionTokens mt;
  REQUIRE(locate_mention(d, span_of(text, target), mt));
  StanceWorkspace ws;
  return m.predict(d, mt, ws);
}

ScoredMention mention_with(double neg, double neu, double pos, Span evidence = {}) {
  ScoredMention m;
  m.pred.p = {neg, neu, pos};
  m.evidence = evidence;
  return m;
}

}  // namespace

TEST_CASE("polarity lexicon: votes, lookup and round trip", "[stance]") {
  PolarityLexicon lex;
  lex.add("praise", 1, false);
  lex.add("slam", -1, true);
  lex.add("cheap", 1, false);  // conflicting votes cancel
  lex.add("cheap", -1, false);
  lex.finish();
  CHECK(lex.lookup(feature_hash("praise")).polarity == 1);
  CHECK(lex.lookup(feature_hash("slam")).polarity == -1);
  CHECK(lex.lookup(feature_hash("slam")).strong);
  CHECK(lex.lookup(feature_hash("cheap")).polarity == 0);
  CHECK(lex.lookup(feature_hash("table")).polarity == 0);

  std::stringstream ss;
  REQUIRE(lex.write(ss).ok());
  auto back = PolarityLexicon::read(ss, "mem");
  REQUIRE(back.ok());
  CHECK(back->size() == lex.size());
  CHECK(back->lookup(feature_hash("slam")).polarity == -1);

  std::stringstream bad("FLPOLLEX garbage");
  CHECK_FALSE(PolarityLexicon::read(bad, "mem").ok());
}

TEST_CASE("locate_mention maps a span to its tokens and sentence", "[stance]") {
  const std::string text = "The storm hit early. Governor Ruiz praised the crews.";
  const Document d = doc_of(text);
  MentionTokens mt;
  REQUIRE(locate_mention(d, span_of(text, "Governor Ruiz"), mt));
  CHECK(mt.sentence == 1);
  CHECK(mt.end - mt.first == 2);
  CHECK_FALSE(locate_mention(d, Span{20, 21}, mt));  // the space between sentences
}

TEST_CASE("a model trained on hand-written sentences reads obvious stance", "[stance]") {
  const StanceModel m = tiny_model();
  CHECK(predict_for(m, "Editors praised Mendes for honest reporting.", "Mendes").label() == kStancePositive);
  CHECK(predict_for(m, "Protesters slammed Mendes over a corrupt deal.", "Mendes").label() == kStanceNegative);
  // Evidence points at the polar word, not at the target.
  const std::string text = "Protesters slammed Mendes over a corrupt deal.";
  const auto p = predict_for(m, text, "Mendes");
  const Document d = doc_of(text);
  REQUIRE(p.evidence_token >= 0);
  const std::string ev(d.slice(d.tokens[p.evidence_token].span));
  CHECK((ev == "slammed" || ev == "corrupt"));
}

TEST_CASE("stance model file round trip and corrupt file", "[stance]") {
  const StanceModel m = tiny_model();
  const auto dir = framelens_test::temp_path("framelens_stance_test");
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "stance.bin").string();
  REQUIRE(m.save(path).ok());
  auto back = StanceModel::load(path);
  REQUIRE(back.ok());
  const std::string text = "Critics blasted Mendes as reckless.";
  const auto a = predict_for(m, text, "Mendes"), b = predict_for(*back, text, "Mendes");
  for (int k = 0; k < 3; ++k) CHECK(a.p[k] == Approx(b.p[k]).margin(1e-6));

  {  // truncate it
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  }
  auto broken = StanceModel::load(path);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().kind == ErrorKind::Model);
  std::filesystem::remove_all(dir);
}

TEST_CASE("aggregation: polar mentions dominate, lukewarm ones stay neutral", "[stance]") {
  const Span e1{0, 3}, e2{10, 14};
  SECTION("all negative mentions give a negative stance with evidence") {
    const auto st = aggregate_stance({mention_with(0.9, 0.05, 0.05, e1), mention_with(0.8, 0.1, 0.1, e2)});
    CHECK(st.present);
    CHECK(st.label == "negative");
    CHECK(st.score < -0.5);
    REQUIRE(st.evidence.size() == 2);
    CHECK(st.evidence[0] == e1);  // the stronger mention first
  }
  SECTION("one lukewarm mention stays neutral") {
    const auto st = aggregate_stance({mention_with(0.1, 0.6, 0.3)});
    CHECK(st.label == "neutral");
    CHECK(st.evidence.empty());
  }
  SECTION("opposite strong mentions cancel") {
    const auto st = aggregate_stance({mention_with(0.9, 0.05, 0.05), mention_with(0.05, 0.05, 0.9)});
    CHECK(st.label == "neutral");
    CHECK(std::abs(st.score) < 0.1);
  }
  SECTION("more agreeing mentions move the score further") {
    const auto one = aggregate_stance({mention_with(0.05, 0.3, 0.65)});
    const auto three = aggregate_stance({mention_with(0.05, 0.3, 0.65), mention_with(0.05, 0.3, 0.65),
                                         mention_with(0.05, 0.3, 0.65)});
    CHECK(three.score > one.score);
    CHECK(one.label == "neutral");  // one mention is not enough for the article-level threshold
    CHECK(three.label == "positive");
    CHECK(three.confidence > one.confidence);
  }
  SECTION("neutral mentions dilute little") {
    const auto st = aggregate_stance({mention_with(0.9, 0.05, 0.05), mention_with(0.02, 0.96, 0.02),
                                      mention_with(0.02, 0.96, 0.02)});
    CHECK(st.label == "negative");
  }
  SECTION("no mentions: absent") { CHECK_FALSE(aggregate_stance({}).present); }
}

TEST_CASE("targets API: one result per requested span, in input order", "[stance]") {
  auto model = std::make_shared<const StanceModel>(tiny_model());
  const StanceStage stage(model, nullptr);
  const std::string text = "Critics slammed Mendes over a corrupt deal. Editors praised Ortiz for honest work.";
  Document d = doc_of(text);
  d.target_requests = {span_of(text, "Ortiz"), span_of(text, "Mendes"), Span{43, 44}};
  stage.annotate(d);
  REQUIRE(d.targets.size() == 3);
  CHECK(d.targets[0].span == span_of(text, "Ortiz"));
  CHECK(d.targets[0].stance.label == "positive");
  CHECK(d.targets[1].stance.label == "negative");
  CHECK(d.targets[1].actor == -1);  // no actors layer in this document
  CHECK_FALSE(d.targets[2].stance.present);  // a lone space covers no token
}

TEST_CASE("targets API: an actor's mention links the target", "[stance]") {
  auto model = std::make_shared<const StanceModel>(tiny_model());
  const StanceStage stage(model, nullptr);
  const std::string text = "Critics slammed Mendes over a corrupt deal. Mendes accused rivals of reckless lies.";
  Document d = doc_of(text);
  Actor a;
  a.id = "a1";
  a.name = "Mendes";
  a.mentions = {{span_of(text, "Mendes"), false}, {span_of(text, "Mendes", 30), false}};
  d.actors.push_back(a);
  d.target_requests = {span_of(text, "Mendes", 30)};
  stage.annotate(d);
  REQUIRE(d.targets.size() == 1);
  CHECK(d.targets[0].actor == 0);
  CHECK(d.actors[0].stance.present);
  CHECK(d.actors[0].role == "none");  // no role model loaded
}

TEST_CASE("the pipeline rejects targets outside the text", "[stance]") {
  // A models folder with only the stance model, so this checks the targets path alone.
  const auto dir = framelens_test::temp_path("framelens_stance_pipeline");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "stance");
  REQUIRE(tiny_model().save((dir / kStanceModelFile).string()).ok());
  PipelineOptions o;
  o.models_dir = dir.string();
  auto p = Pipeline::load(o);
  REQUIRE(p.ok());
  InputRecord ok;
  ok.text = "Critics slammed Mendes.";
  ok.targets.push_back({16, 22});
  auto good = p->analyze(ok);
  REQUIRE(good.ok());
  REQUIRE(good->targets.size() == 1);
  CHECK(good->targets[0].stance.present);
  InputRecord r;
  r.text = "Short text.";
  r.targets.push_back({5, 40});
  auto d = p->analyze(r);
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().kind == ErrorKind::Input);
  std::filesystem::remove_all(dir);
}

TEST_CASE("stance stage factory: absent, required and corrupt models", "[stance]") {
  const auto dir = framelens_test::temp_path("framelens_stance_factory");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "stance");
  PipelineOptions o;
  o.models_dir = dir.string();
  auto none = make_stance_stage(o);
  REQUIRE(none.ok());
  CHECK(*none == nullptr);
  o.require_models = true;
  CHECK_FALSE(make_stance_stage(o).ok());
  o.require_models = false;
  std::ofstream(dir / "stance" / "stance.bin") << "not a model";
  auto bad = make_stance_stage(o);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Model);
  std::filesystem::remove_all(dir);
}

TEST_CASE("shipped stance model: obvious hand-written sentences", "[stance][shipped]") {
  auto m = StanceModel::load_from(FRAMELENS_SOURCE_MODELS_DIR);
  REQUIRE(m.ok());
  CHECK(predict_for(*m, "Prosecutors say Mills is a corrupt liar who defrauded his own charity.", "Mills").label() ==
        kStanceNegative);
  CHECK(predict_for(*m, "The council thanked Ruiz for her generous support and praised her leadership.", "Ruiz")
            .label() == kStancePositive);
  CHECK(predict_for(*m, "Mills arrived in Ohio on Tuesday for a two-day visit.", "Mills").label() == kStanceNeutral);
}

TEST_CASE("stance stage is thread-safe: concurrent runs agree", "[stance]") {
  auto model = std::make_shared<const StanceModel>(tiny_model());
  const StanceStage stage(model, nullptr);
  const std::string text = "Critics slammed Mendes over a corrupt deal. Editors praised Ortiz for honest work.";
  Document base = doc_of(text);
  base.target_requests = {span_of(text, "Ortiz"), span_of(text, "Mendes")};
  std::vector<double> scores(4 * 2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 50; ++rep) {
        Document d = base;
        stage.annotate(d);
        scores[t * 2] = d.targets[0].stance.score;
        scores[t * 2 + 1] = d.targets[1].stance.score;
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) {
    CHECK(scores[t * 2] == scores[0]);
    CHECK(scores[t * 2 + 1] == scores[1]);
  }
  CHECK(scores[0] > 0);
  CHECK(scores[1] < 0);
}

TEST_CASE("the cached sentence-part fast path equals the full feature path", "[stance]") {
  const StanceModel m = tiny_model();
  const std::string text =
      "Critics slammed Mendes and Ortiz over a corrupt deal, but voters praised Ortiz. Ortiz left on Monday.";
  const Document d = doc_of(text);
  StanceWorkspace fast, full;
  for (size_t from : {size_t(0), size_t(25), size_t(70), size_t(80)}) {
    MentionTokens mt;
    const bool found = from == 0 ? locate_mention(d, span_of(text, "Mendes"), mt)
                                 : locate_mention(d, span_of(text, "Ortiz", from), mt);
    REQUIRE(found);
    const auto a = m.predict(d, mt, fast, /*evidence=*/false);
    const auto b = m.predict(d, mt, full, /*evidence=*/true);
    for (int k = 0; k < 3; ++k) CHECK(a.p[k] == Approx(b.p[k]).margin(1e-9));
  }
}

TEST_CASE("shipped pipeline: the outlet's voice apart from its sources', evidence is a content word with a reason", "[stance][shipped]") {
  PipelineOptions o;
  o.models_dir = FRAMELENS_SOURCE_MODELS_DIR;
  auto p = Pipeline::load(o);
  REQUIRE(p.ok());
  InputRecord r;
  r.text = "Critics were blunt on Monday. \"Mills is a corrupt liar and a fraud who cheated his own charity,\" "
           "said Ana Ruiz, a former donor.\n\nThe council meets again next week.";
  auto d = p->analyze(r);
  REQUIRE(d.ok());
  const Actor* mills = nullptr;
  for (const auto& a : d->actors) if (a.name == "Mills") mills = &a;
  REQUIRE(mills != nullptr);
  CHECK_FALSE(mills->stance.present);        // never mentioned in the outlet's own voice
  REQUIRE(mills->quoted_stance.present);      // the donor's words about him
  CHECK(mills->quoted_stance.label == "negative");
  REQUIRE(mills->quoted_stance.evidence.size() == mills->quoted_stance.evidence_why.size());
  for (size_t i = 0; i < mills->quoted_stance.evidence.size(); ++i) {
    const std::string w(d->slice(mills->quoted_stance.evidence[i]));
    CHECK(w.size() >= 3);
    CHECK(w != "and");
    CHECK(mills->quoted_stance.evidence_why[i].find("inside a quote") != std::string::npos);
  }
  // ... and who said it.
  REQUIRE(mills->quoted_by.size() == 1);
  CHECK(mills->quoted_by[0].speaker == "Ana Ruiz");
  CHECK(mills->quoted_by[0].mentions >= 1);  // "Mills" (and "his" when resolved)
  CHECK(mills->quoted_by[0].label == "negative");
  CHECK(mills->quoted_by[0].score == Approx(mills->quoted_stance.score));
}
