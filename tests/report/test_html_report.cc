#include <catch2/catch.hpp>

#include "analyzer/report/html_report.h"
#include "analyzer/report/html_report_batch.h"
#include "report_fixtures.h"

using namespace framelens;
using framelens::testing::council_story;

namespace {

// Everything the page could run or fetch: no script, no handler attribute, no external URL.
// Real tags are the only places a '<' survives escaping, so each tag is checked on its own.
void check_inert(const std::string& html) {
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("</style>") == html.rfind("</style>"));  // only the page's own style sheet ends
  for (size_t p = html.find('<'); p != std::string::npos; p = html.find('<', p + 1)) {
    std::string tag;  // the tag with its quoted attribute values removed (escaped, so inert)
    bool in_value = false;
    for (size_t i = p; i < html.size() && (in_value || html[i] != '>'); ++i) {
      if (html[i] == '"') in_value = !in_value;
      else if (!in_value) tag.push_back(html[i]);
    }
    INFO(tag);
    CHECK(tag.find(" onerror=") == std::string::npos);
    CHECK(tag.find(" src=") == std::string::npos);
    if (tag.find(" href=") != std::string::npos) {  // links stay inside the output folder
      const size_t v = html.find("href=\"", p) + 6;
      const std::string url = html.substr(v, html.find('"', v) - v);
      INFO(url);
      CHECK(url.find(':') == std::string::npos);
      CHECK(url.rfind("//", 0) == std::string::npos);
    }
    CHECK(tag.rfind("<img", 0) == std::string::npos);
  }
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
}

const std::string kHostile =
    " <script>alert(1)</script> </style><img src=x onerror=alert(2)> \"quoted\" & 'single'";

}  // namespace

TEST_CASE("html: hostile article text, title and names render as text", "[html]") {
  Document d = council_story("h1", "Out<script>let", true, -0.4, kHostile);
  d.meta.title = "</title><script>alert(3)</script>";
  d.actors[0].name = "<img src=y onerror=alert(4)>";
  d.quotes[0].speaker->name = "</style><script>x()</script>";
  d.warnings.push_back("<b>note</b>");
  const std::string html = to_html_report(d);
  check_inert(html);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("onerror=alert(2)") != std::string::npos);  // as escaped text inside the element
  CHECK(html.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(html.find("&lt;/title&gt;") != std::string::npos);
}

TEST_CASE("html: the article view marks terms, quotes by speaker and actors with stance", "[html]") {
  const Document d = council_story("h2", "The Courier", true, -0.6);
  const std::string html = html_article_view(d);
  CHECK(html.find("<mark class=\"term own\"") != std::string::npos);
  CHECK(html.find("<mark class=\"term quoted\"") != std::string::npos);
  CHECK(html.find("class=\"quote spk0\" title=\"direct quote: Tom Rikard") != std::string::npos);
  CHECK(html.find("class=\"quote spk1\" title=\"indirect quote: Elena Marsh (claimed, loaded cue)") !=
        std::string::npos);
  CHECK(html.find("<span class=\"actor\" title=\"actor: Elena Marsh (stance negative -0.60)\">") != std::string::npos);
  CHECK(html.find("<td class=\"neg\">negative -0.60") != std::string::npos);
  CHECK(html.find("aria-label=\"stance -0.60\"") != std::string::npos);
  // Tags stay balanced even with nested marks.
  auto count = [&](const std::string& s) {
    size_t n = 0;
    for (size_t p = html.find(s); p != std::string::npos; p = html.find(s, p + 1)) ++n;
    return n;
  };
  CHECK(count("<span") == count("</span>"));
  CHECK(count("<mark") == count("</mark>"));
}

TEST_CASE("html: the batch report charts one labelled row per outlet, with a table of contents", "[html]") {
  GroupStats stats;
  for (int i = 0; i < 5; ++i) {
    REQUIRE(stats.add(figures_from_document(council_story("p" + std::to_string(i), "Post<script>", true, -0.5))).ok());
    REQUIRE(stats.add(figures_from_document(council_story("q" + std::to_string(i), "Times", false, 0.5))).ok());
  }
  const Document d = council_story("v1", "Times", false, 0.5, kHostile);
  const std::string html = html_batch_report(stats, "summary <b>", html_article_view(d));
  check_inert(html);
  CHECK(html.find("<div class=\"cname\">Post&lt;script&gt; <span class=\"n\">n=5</span></div>") != std::string::npos);
  CHECK(html.find("<div class=\"cname\">Times <span class=\"n\">n=5</span></div>") != std::string::npos);
  CHECK(html.find("<nav class=\"toc\">") != std::string::npos);
  CHECK(html.find("<a href=\"#stance\">") != std::string::npos);
  CHECK(html.find("id=\"stance\"") != std::string::npos);
  CHECK(html.find("summary &lt;b&gt;") != std::string::npos);
  CHECK(html.find("<figure class=\"chart\"") != std::string::npos);
}

TEST_CASE("html: stance is coloured by its label and shows its evidence; frames and sentence bias", "[html]") {
  Document d = council_story("h3", "The Courier", false, -0.12);
  d.actors[0].stance.label = "neutral";  // a neutral stance with a negative score is grey, not red
  d.actors[0].stance.evidence = {framelens::testing::find_span(d, "pushed through")};
  d.frames_mfc = {{"External_regulation_and_reputation", 0.71, true}, {"Economic", 0.4, false}};
  d.sentences[0].biased = true;
  d.sentences[0].bias_score = 0.83;
  const std::string html = html_article_view(d);
  CHECK(html.find("<td class=\"neu\"><details class=\"stance\"><summary") != std::string::npos);
  CHECK(html.find("fill=\"#888\"") != std::string::npos);
  CHECK(html.find("<td class=\"neg\">") == std::string::npos);
  CHECK(html.find("<span class=\"evidence neu\"") != std::string::npos);
  CHECK(html.find("<li>Mayor Elena Marsh pushed through a fare rise") != std::string::npos);
  CHECK(html.find("External regulation and reputation") != std::string::npos);
  CHECK(html.find("External_regulation") == std::string::npos);
  CHECK(html.find("<span class=\"biased\" title=\"sentence bias 0.83\">") != std::string::npos);
  CHECK(html.find("1 of " + std::to_string(d.sentences.size()) + " sentences flagged") != std::string::npos);
  auto count = [&](const std::string& s) {
    size_t n = 0;
    for (size_t p = html.find(s); p != std::string::npos; p = html.find(s, p + 1)) ++n;
    return n;
  };
  CHECK(count("<span") == count("</span>"));
}
