#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "analyzer/article/article_stage.h"
#include "analyzer/train/frames_trainer.h"
#include "analyzer/train/leaning_trainer.h"
#include "analyzer/train/text_features_article_trainer.h"

using namespace framelens;
namespace fs = std::filesystem;

namespace {

LabelledRecord rec(const std::string& text, std::vector<std::string> labels, const std::string& outlet = "") {
  LabelledRecord r;
  r.record.text = text;
  r.record.meta.outlet = outlet;
  r.labels = std::move(labels);
  return r;
}

// Hand-written toy articles: each class has its own vocabulary, so a working pipeline must
// separate them; a broken one (wrong features, wrong label order) cannot.
std::vector<LabelledRecord> toy_leaning() {
  std::vector<LabelledRecord> out;
  const char* left[] = {"Union workers rallied for climate justice and higher wages.",
                        "Advocates demanded climate justice and stronger union protections.",
                        "The union said wages and climate justice go together."};
  const char* center[] = {"The committee published quarterly figures on the budget.",
                          "Officials released the budget figures for the quarter.",
                          "The quarterly budget report listed figures by agency."};
  const char* right[] = {"Taxpayers oppose big government spending and regulation.",
                         "Lower taxes and less regulation will help taxpayers.",
                         "Critics said government regulation burdens taxpayers."};
  for (int r = 0; r < 4; ++r)
    for (int i = 0; i < 3; ++i) {
      const std::string o = "Outlet " + std::to_string(r);
      out.push_back(rec(left[i], {"left"}, o));
      out.push_back(rec(center[i], {"center"}, o));
      out.push_back(rec(right[i], {"right"}, o));
    }
  return out;
}

}  // namespace

TEST_CASE("article models: train, save, load as a stage, annotate", "[models][article]") {
  const fs::path dir = fs::temp_directory_path() / ("framelens_article_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto paths = ArticleModelPaths::in(dir.string());
  fs::create_directories(fs::path(paths.leaning).parent_path());
  fs::create_directories(fs::path(paths.features).parent_path());
  fs::create_directories(fs::path(paths.frames_mfc).parent_path());

  PipelineOptions po;
  po.models_dir = dir.string();
  {  // nothing there yet: the layer is skipped, not an error; with require_models it is an error
    auto none = make_article_stage(po);
    REQUIRE(none.ok());
    CHECK(*none == nullptr);
    po.require_models = true;
    CHECK_FALSE(make_article_stage(po).ok());
    po.require_models = false;
  }

  auto train = toy_leaning();
  TextFeatureOptions fo;
  fo.hash_bits = 16;
  std::ostringstream log;
  auto features = build_article_features(train, fo, 1, log);
  REQUIRE(features.ok());
  REQUIRE(features->save(paths.features).ok());
  LeaningTrainOptions lo;
  lo.folds = 2;
  lo.grid = {{1e-3, 0.0, 1}};
  auto leaning = train_leaning(*features, train, {}, lo, log);
  REQUIRE(leaning.ok());
  REQUIRE(leaning->save(paths.leaning).ok());

  std::vector<LabelledRecord> frames_train;
  for (int r = 0; r < 6; ++r) {
    frames_train.push_back(rec("Strikers and a union rally over wages and climate justice.", {"Economic", "Morality"}));
    frames_train.push_back(rec("The budget figures and quarterly report from the committee.", {"Economic"}));
    frames_train.push_back(rec("Government regulation was upheld by the court of appeals.", {"Legality"}));
  }
  FramesTrainOptions ft;
  ft.fold_bits = 12;
  ft.folds = 3;
  auto frames = train_frames(*features, frames_train, {}, ft, log);
  REQUIRE(frames.ok());
  REQUIRE(frames->labels() == std::vector<std::string>{"Economic", "Legality", "Morality"});
  REQUIRE(frames->save(paths.frames_mfc).ok());

  auto stage = make_article_stage(po);
  REQUIRE(stage.ok());
  REQUIRE(*stage != nullptr);
  auto doc = make_document("Taxpayers said the new regulation is government overreach.", {});
  REQUIRE(doc.ok());
  (*stage)->annotate(*doc);
  CHECK(doc->leaning.label == "right");
  CHECK(doc->leaning.left + doc->leaning.center + doc->leaning.right == Approx(1.0));
  REQUIRE(doc->frames_mfc.size() == 3);
  int selected = 0;
  for (const auto& f : doc->frames_mfc) selected += f.selected;
  CHECK(selected >= 1);
  CHECK(doc->frames_generic.empty());  // no generic model in this folder

  auto court = make_document("The court of appeals upheld the regulation.", {});
  REQUIRE(court.ok());
  (*stage)->annotate(*court);
  // Scores are calibrated per frame (Platt on out-of-fold logits), so they order articles within a
  // frame: the court article scores higher on Legality than a budget article does.
  auto budget = make_document("The budget figures and the quarterly report.", {});
  REQUIRE(budget.ok());
  (*stage)->annotate(*budget);
  REQUIRE(court->frames_mfc[1].label == "Legality");
  CHECK(court->frames_mfc[1].score > budget->frames_mfc[1].score);
  CHECK(court->frames_mfc[0].score < budget->frames_mfc[0].score);  // and lower on Economic

  // A corrupt model file is an error, not a crash and not a silent skip.
  {
    std::ofstream(paths.leaning, std::ios::binary | std::ios::trunc) << "FLLINEAR garbage";
  }
  auto broken = make_article_stage(po);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().kind == ErrorKind::Model);
  fs::remove_all(dir);
}
