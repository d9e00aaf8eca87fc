#include <catch2/catch.hpp>

#include "analyzer/report/batch_tables.h"
#include "analyzer/report/compare.h"
#include "analyzer/report/json_report.h"
#include "analyzer/report/outlet_stats.h"
#include "report_fixtures.h"

using namespace framelens;
using framelens::testing::council_story;

TEST_CASE("outlet stats: figures from a Document equal figures from its JSON", "[outlets]") {
  const Document d = council_story("c1", "The Courier", true, -0.6);
  const ArticleFigures a = figures_from_document(d);
  auto b = figures_from_json(to_json(d));
  REQUIRE(b.ok());
  CHECK(a.stats.own_voice_terms == 1);
  CHECK(a.stats.quoted_terms == 1);
  CHECK(b->stats.own_voice_terms == a.stats.own_voice_terms);
  CHECK(b->stats.words == a.stats.words);
  CHECK(b->stats.loaded_cues == 1);
  CHECK(b->quotes_by_type == a.quotes_by_type);
  CHECK(a.quotes_by_type[0] == 2);  // both speakers are persons
  CHECK(b->mfc == a.mfc);
  CHECK(b->generic == a.generic);
  CHECK(b->leaning.label == "right");
  REQUIRE(b->actors.size() == 2);
  CHECK(b->actors[0].stance == Approx(-0.6));
  CHECK(b->weights == a.weights);
  CHECK_FALSE(figures_from_json(nlohmann::json::parse(error_json_line(3, "x", "bad"))).ok());
}

TEST_CASE("outlet stats: outlets differ where their articles differ", "[outlets]") {
  GroupStats stats;
  for (int i = 0; i < 30; ++i) {
    REQUIRE(stats.add(figures_from_document(council_story("a" + std::to_string(i), "Loaded Post", true, -0.7))).ok());
    REQUIRE(stats.add(figures_from_document(council_story("b" + std::to_string(i), "Calm Times", false, 0.4))).ok());
  }
  REQUIRE(stats.groups().size() == 2);
  const GroupAcc& loaded = stats.groups().at("Loaded Post");
  const GroupAcc& calm = stats.groups().at("Calm Times");
  auto own = [&](const GroupAcc& g) {
    auto r = stats.metric(g, {"own_voice_per_1000", ""});
    return ratio_interval(*r->num, *r->den, r->scale);
  };
  CHECK(own(loaded).value > 0);
  CHECK(own(calm).value == 0);
  auto rows = compare_groups(stats, "Loaded Post", "Calm Times");
  REQUIRE(rows.ok());
  bool found = false;
  for (const auto& r : *rows) {
    if (r.key.metric == "actor_stance" && r.key.key == "Elena Marsh") {
      found = true;
      CHECK(r.diff.value == Approx(-1.1));
      CHECK(r.significant);
    }
  }
  CHECK(found);
  CHECK((*rows)[0].significant);  // clearest differences first
  CHECK_FALSE(compare_groups(stats, "Loaded Post", "Nobody").ok());

  const std::string csv = stats.outlets_csv(false);
  CHECK(csv.rfind("outlet,metric,key,value,ci_low,ci_high,n\r\n", 0) == 0);
  CHECK(csv.find("Calm Times,articles,,30,,,30\r\n") != std::string::npos);
  CHECK(csv.find("Loaded Post,leaning_share,right,1,1,1,30\r\n") != std::string::npos);
  CHECK(csv.find("Loaded Post,lean_mean,,0.6,0.6,0.6,30\r\n") != std::string::npos);
  CHECK(csv.find("Calm Times,lean_mean,,0.1,0.1,0.1,30\r\n") != std::string::npos);
  CHECK(csv.find("Calm Times,frame_share_mfc,Economic,1,") != std::string::npos);
  const std::string actors = stats.actor_stance_csv(false);
  CHECK(actors.find("Loaded Post,Elena Marsh,person,30,60,0,30,-0.7,-0.7,-0.7,0,30,0\r\n") != std::string::npos);
}

TEST_CASE("outlet stats: the tables do not depend on article order", "[outlets]") {
  std::vector<ArticleFigures> figs;
  for (int i = 0; i < 12; ++i) {
    figs.push_back(figures_from_document(
        council_story("x" + std::to_string(i), i % 3 ? "A" : "B", i % 2, -0.5 + 0.1 * i, std::string(i, '!'))));
  }
  GroupStats fwd, rev;
  for (const auto& f : figs) REQUIRE(fwd.add(f).ok());
  for (auto it = figs.rbegin(); it != figs.rend(); ++it) REQUIRE(rev.add(*it).ok());
  CHECK(fwd.outlets_csv(false) == rev.outlets_csv(false));
  CHECK(fwd.actor_stance_csv(false) == rev.actor_stance_csv(false));
}

TEST_CASE("outlet stats: grouping by another field", "[outlets]") {
  GroupStats by_year("year");
  REQUIRE(by_year.add(figures_from_document(council_story("y1", "A", true, 0.1))).ok());
  CHECK(by_year.groups().count("2024") == 1);
  CHECK(by_year.outlets_csv(false).rfind("group,metric", 0) == 0);
  // Any other name is an input field (--keep-fields); an article without it groups as "(none)".
  GroupStats topic("topic");
  REQUIRE(topic.add(figures_from_document(council_story("y2", "A", true, 0.1))).ok());
  CHECK(topic.groups().count("(none)") == 1);
  CHECK(topic.without_value() == 1);
  GroupStats bad("a,b");
  CHECK_FALSE(bad.add(figures_from_document(council_story("y3", "A", true, 0.1))).ok());
}

TEST_CASE("batch tables: one row per sentence, term, quote and actor, keyed by article", "[batch_tables]") {
  const Document d = council_story("c7", "The Courier", true, -0.6);
  ArticleRows rows;
  format_article_rows(d, figures_from_document(d), "in.jsonl:7", false, rows);
  auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  CHECK(lines(rows[kArticlesCsv]) == 1);
  CHECK(lines(rows[kLoadedTermsCsv]) == 2);
  CHECK(lines(rows[kQuotesCsv]) == 2);
  CHECK(lines(rows[kActorsCsv]) == 2);
  CHECK(rows[kSentencesCsv].rfind("c7,The Courier,0,", 0) == 0);  // every row table has the outlet
  CHECK(rows[kQuotesCsv].find("c7,The Courier,0,direct,") == 0);
  CHECK(rows[kQuotesCsv].find(",Tom Rikard,Tom Rikard,a2,person,FALSE,said,say,FALSE,FALSE,\r\n") != std::string::npos);
  CHECK(rows[kActorsCsv].find("c7,The Courier,a1,Elena Marsh,person,2,0,-0.6,negative,villain,") == 0);
  CHECK(rows[kArticlesCsv].find(",right,0.1,0.2,0.7,0.6,Economic,conflict,0,0,0,0,0\r\n") != std::string::npos);
  // Without an id the source is the join key; header and row have the same number of columns.
  DocMeta m;
  CHECK(article_key_of(m, "in.jsonl:7") == "in.jsonl:7");
  for (int t = 0; t < kBatchTableCount; ++t) {
    const std::string h = batch_table_header(static_cast<BatchTable>(t));
    CHECK(std::count(h.begin(), h.end(), ',') > 2);
  }
  // The writer appends story_id, the header's last column.
  const std::string h = batch_table_header(kArticlesCsv);
  append_story_id(rows[kArticlesCsv], "s4");
  CHECK(std::count(h.begin(), h.end(), ',') == std::count(rows[kArticlesCsv].begin(), rows[kArticlesCsv].end(), ','));
  CHECK(rows[kArticlesCsv].find(",Economic,conflict,0,0,0,0,0,s4\r\n") != std::string::npos);
}

TEST_CASE("batch tables: rows rebuilt from the JSON equal the rows from the Document", "[batch_tables]") {
  for (double stance : {-0.6, 0.123456789, 1.0 / 3}) {
    Document d = council_story("c8", "The Courier", true, stance);
    d.meta.fields = {{"topic", "transit"}};
    d.loaded_terms[0].score = 2.0 / 3;
    d.actors[0].role_score = 0.1234567;
    d.leaning.left = 1.0 / 7;
    const ArticleFigures a = figures_from_document(d);
    ArticleRows from_doc, from_json;
    format_article_rows(d, a, "in.jsonl:3", false, from_doc, {"topic"});
    const auto j = nlohmann::json::parse(to_json_line(d));
    auto b = figures_from_json(j);
    REQUIRE(b.ok());
    format_article_rows_from_json(j, *b, "in.jsonl:3", false, from_json, {"topic"});
    for (int t = 0; t < kBatchTableCount; ++t) {
      INFO(kBatchTableFiles[t]);
      CHECK(from_doc[t] == from_json[t]);
    }
    CHECK(from_doc[kArticlesCsv].find(",transit\r\n") != std::string::npos);
    // The figures match exactly (scores rounded as the JSON rounds them), so the outlet sums do too.
    REQUIRE(b->actors.size() == a.actors.size());
    for (size_t i = 0; i < a.actors.size(); ++i) CHECK(b->actors[i].stance == a.actors[i].stance);
    CHECK(b->leaning.left == a.leaning.left);
    CHECK(b->stats.own_voice_per_1000 == a.stats.own_voice_per_1000);
    GroupStats x, y;
    REQUIRE(x.add(a).ok());
    REQUIRE(y.add(*b).ok());
    CHECK(x.outlets_csv(false) == y.outlets_csv(false));
    CHECK(x.actor_stance_csv(false) == y.actor_stance_csv(false));
  }
}

TEST_CASE("absent model: loaded-wording figures are empty/null and outlets leave them out, not 0",
          "[outlets][batch_tables]") {
  Document d = council_story("m1", "Nomodel", false, -0.6);
  d.terms_scored = false;  // the loaded-wording layer did not run
  d.loaded_terms.clear();
  for (auto& s : d.sentences) s.bias_score = 0, s.biased = false;
  const auto j = to_json(d);
  CHECK(j["stats"]["biased_sentences"].is_null());
  CHECK(j["stats"]["loadedness"].is_null());
  CHECK(j["sentences"][0]["bias_score"].is_null());
  CHECK(j["sentences"][0]["biased"].is_null());
  ArticleRows rows;
  format_article_rows(d, figures_from_document(d), "in.jsonl:1", false, rows);
  // loaded_cues then five empty cells (biased_sentences .. quoted_per_1000), then actors.
  CHECK(rows[kArticlesCsv].find(",,,,,,2,") != std::string::npos);
  CHECK(rows[kSentencesCsv].find("FALSE") == std::string::npos);  // bias_score, biased empty
  CHECK(rows[kSentencesCsv].find(",,") != std::string::npos);
  GroupStats doc_stats, json_stats;
  REQUIRE(doc_stats.add(figures_from_document(d)).ok());
  auto f = figures_from_json(j);
  REQUIRE(f.ok());
  CHECK_FALSE(f->stats.terms_measured);
  REQUIRE(json_stats.add(*f).ok());
  for (const auto* s : {&doc_stats, &json_stats}) {
    const std::string csv = s->outlets_csv(false);
    CHECK(csv.find("Nomodel,own_voice_per_1000") == std::string::npos);
    CHECK(csv.find("Nomodel,biased_sentence_share") == std::string::npos);
    CHECK(csv.find("Nomodel,quotes_per_article") != std::string::npos);
  }
  CHECK(doc_stats.outlets_csv(false) == json_stats.outlets_csv(false));
}
