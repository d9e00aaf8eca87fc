#include <catch2/catch.hpp>

#include "analyzer/report/compare.h"
#include "analyzer/report/outlet_stats.h"
#include "report_fixtures.h"

using namespace framelens;
using framelens::testing::council_story;

TEST_CASE("compare: Holm and Benjamini-Hochberg adjusted p-values (as R's p.adjust)", "[compare]") {
  const std::vector<double> p = {0.01, 0.04, 0.03, 0.005};
  auto bh = adjust_p_values(p, Correction::BenjaminiHochberg);
  auto holm = adjust_p_values(p, Correction::Holm);
  const std::vector<double> want_bh = {0.02, 0.04, 0.04, 0.02}, want_holm = {0.03, 0.06, 0.06, 0.02};
  for (size_t i = 0; i < p.size(); ++i) {
    CHECK(bh[i] == Approx(want_bh[i]));
    CHECK(holm[i] == Approx(want_holm[i]));
  }
  CHECK(adjust_p_values(p, Correction::None) == p);
  CHECK(adjust_p_values({0.9, 0.8}, Correction::Holm)[0] == Approx(1.0));  // capped
  CHECK(parse_correction("holm").value() == Correction::Holm);
  CHECK_FALSE(parse_correction("bonferroni").ok());
}

TEST_CASE("compare: the bootstrap p-value", "[compare]") {
  std::array<double, kReplicates> d;
  for (int r = 0; r < kReplicates; ++r) d[r] = r % 2 ? 1.5 : 0.5;  // SE ~0.50125
  CHECK(bootstrap_p_value(1.0, d, 100) == Approx(0.0465).margin(0.002));  // z ~1.995
  CHECK(bootstrap_p_value(0.0, d, 100) == Approx(1.0));
  CHECK(bootstrap_p_value(-3.0, d, 100) < 0.001);
  d.fill(2.0);
  CHECK(bootstrap_p_value(2.0, d, 1) == 1.0);  // no variation, one article: nothing to test
  CHECK(bootstrap_p_value(2.0, d, 30) == 0.0);  // 30 articles that all agree
  for (int r = 0; r < kReplicates; ++r) d[r] = r % 2 ? 0.403 : 0.403 + 1e-16;  // rounding noise only
  CHECK(bootstrap_p_value(0.403, d, 1) == 1.0);
}

namespace {

GroupStats three_outlets(int per_group, int small_group = -1) {
  GroupStats stats;
  for (int i = 0; i < per_group; ++i) {
    const std::string n = std::to_string(i);
    REQUIRE(stats.add(figures_from_document(council_story("a" + n, "Loaded Post", true, -0.7))).ok());
    REQUIRE(stats.add(figures_from_document(council_story("b" + n, "Calm Times", false, 0.4))).ok());
    REQUIRE(stats.add(figures_from_document(council_story("c" + n, "Mild Herald", false, 0.3))).ok());
  }
  for (int i = 0; i < small_group; ++i) {
    REQUIRE(stats.add(figures_from_document(council_story("d" + std::to_string(i), "Tiny Gazette", true, 0.0))).ok());
  }
  return stats;
}

}  // namespace

TEST_CASE("compare: many groups, all pairs, adjusted over every row", "[compare]") {
  const GroupStats stats = three_outlets(30);
  CompareSpec spec;
  auto c = compare_many(stats, spec);
  REQUIRE(c.ok());
  CHECK(c->comparisons == 3);
  CHECK(c->groups == std::vector<std::string>{"Calm Times", "Loaded Post", "Mild Herald"});
  bool stance_ab = false;
  for (const auto& r : c->rows) {
    CHECK(r.p_adjusted >= r.p);
    CHECK(r.significant == (r.p_adjusted < 0.05));
    if (r.group_a == "Calm Times" && r.group_b == "Loaded Post" && r.key.metric == "actor_stance") {
      stance_ab = true;
      CHECK(r.diff.value == Approx(1.1));
      CHECK(r.significant);
    }
  }
  CHECK(stance_ab);
  // Holm is stricter than BH on the same rows.
  spec.correction = Correction::Holm;
  auto h = compare_many(stats, spec);
  REQUIRE(h.ok());
  REQUIRE(h->rows.size() == c->rows.size());
  size_t sig_bh = 0, sig_holm = 0;
  for (size_t i = 0; i < c->rows.size(); ++i) sig_bh += c->rows[i].significant, sig_holm += h->rows[i].significant;
  CHECK(sig_holm <= sig_bh);
  CHECK(comparison_file_name("outlet", *c, CompareDesign::Pairs) == "compare-outlet-pairs-3.csv");
}

TEST_CASE("compare: each against the rest, minimum n, too many groups", "[compare]") {
  const GroupStats stats = three_outlets(20, 3);
  CompareSpec spec;
  spec.design = CompareDesign::Rest;
  spec.min_n = 10;
  auto c = compare_many(stats, spec);
  REQUIRE(c.ok());
  CHECK(c->comparisons == 3);
  REQUIRE(c->left_out.size() == 1);
  CHECK(c->left_out[0].first == "Tiny Gazette");
  for (const auto& r : c->rows) {
    CHECK(r.group_b == "(rest)");
    if (r.group_a == "Loaded Post" && r.key.metric == "words_per_article") CHECK(r.nb == 40);  // the two others
  }
  CHECK(comparison_file_name("outlet", *c, CompareDesign::Rest) == "compare-outlet-rest-3.csv");
  spec.min_n = 1;
  spec.max_groups = 3;
  auto many = compare_many(stats, spec);
  REQUIRE_FALSE(many.ok());
  CHECK(many.error().message.find("Tiny Gazette (3)") != std::string::npos);  // the error names the groups
  CHECK(many.error().message.find("Loaded Post (20)") != std::string::npos);
  spec.groups = {"Loaded Post", "Calm Times"};
  spec.design = CompareDesign::Pairs;
  auto two = compare_many(stats, spec);
  REQUIRE(two.ok());
  CHECK(comparison_file_name("outlet", *two, CompareDesign::Pairs) == "compare-outlet-Calm_Times-vs-Loaded_Post.csv");
  spec.groups = {"Loaded Post", "Nobody"};
  CHECK_FALSE(compare_many(stats, spec).ok());
}

TEST_CASE("compare: group by a kept input field", "[compare]") {
  GroupStats stats("topic");
  for (int i = 0; i < 10; ++i) {
    Document d = council_story("t" + std::to_string(i), "Loaded Post", i % 2, 0.1);
    d.meta.fields = {{"topic", i % 2 ? "transit" : "budget"}};
    REQUIRE(stats.add(figures_from_document(d)).ok());
  }
  REQUIRE(stats.groups().size() == 2);
  CHECK(stats.groups().at("transit").articles == 5);
  CHECK(stats.without_value() == 0);
}
