#include "analyzer/report/html_report_batch.h"

#include <algorithm>
#include <sstream>

#include "analyzer/report/html_chart.h"
#include "analyzer/report/html_report.h"

namespace framelens {

namespace {

constexpr size_t kMaxFrames = 8;  // frame panels: the most frequent frames
constexpr size_t kMaxActors = 6;  // stance panels: the actors with the most measured stances

std::string noun_plural(const std::string& noun) { return noun + "s"; }

}  // namespace

std::string html_batch_report(const GroupStats& stats, std::string_view summary, std::string_view article_index) {
  const std::string noun = stats.field();
  const auto keys = stats.metric_keys(10);

  auto rows_for = [&](const MetricKey& k) {
    std::vector<ChartRow> rows;
    for (const auto& [name, g] : stats.groups()) {
      auto ref = stats.metric(g, k);
      if (!ref || ref->den->sum() == 0) continue;
      rows.push_back({name, ref->den->n(), ratio_interval(*ref->num, *ref->den, ref->scale)});
    }
    return rows;
  };
  auto keys_of = [&](const std::string& metric) {
    std::vector<std::string> v;
    for (const auto& k : keys) {
      if (k.metric == metric) v.push_back(k.key);
    }
    return v;
  };
  // Keys of a multi-valued metric by how many articles carry them over all groups.
  auto top_keys = [&](const std::string& metric, size_t limit) {
    std::vector<std::pair<double, std::string>> freq;
    for (const auto& key : keys_of(metric)) {
      double n = 0;
      for (const auto& [_, g] : stats.groups()) {
        if (auto r = stats.metric(g, {metric, key})) n += r->num->sum();
      }
      if (n > 0) freq.push_back({-n, key});
    }
    std::sort(freq.begin(), freq.end());
    std::vector<std::string> top;
    for (size_t i = 0; i < freq.size() && i < limit; ++i) top.push_back(freq[i].second);
    return top;
  };

  struct Section {
    std::string id, title, html;
  };
  std::vector<Section> sections;
  auto chart = [&](const std::string& id, const std::string& caption, const MetricKey& k, ChartScale scale) {
    ChartSpec spec;
    spec.id = id;
    spec.caption = caption;
    spec.noun = noun;
    spec.scale = scale;
    return html_dot_chart(spec, rows_for(k));
  };
  auto multiples = [&](const std::string& id_prefix, const std::string& metric, const std::vector<std::string>& ks,
                       ChartScale scale) {
    std::string h;
    for (size_t i = 0; i < ks.size(); ++i) {
      h += chart(id_prefix + std::to_string(i + 1), human_label(ks[i]), {metric, ks[i]}, scale);
    }
    return h.empty() ? h : "<div class=\"multiples\">" + h + "</div>\n";
  };

  {
    std::string h;
    h += chart("own-voice", "Loaded terms in the outlet's own voice, per 1,000 words", {"own_voice_per_1000", ""},
               ChartScale::Rate);
    h += chart("quoted-terms", "Loaded terms inside quoted speech, per 1,000 words", {"quoted_per_1000", ""},
               ChartScale::Rate);
    h += chart("loaded-cues", "Share of attribution cues that carry judgement (claimed, admitted...)",
               {"loaded_cue_share", ""}, ChartScale::Share);
    h += chart("biased-sentences", "Share of sentences the sentence-bias model flags", {"biased_sentence_share", ""},
               ChartScale::Share);
    if (!h.empty()) sections.push_back({"loaded", "Loaded wording", h});
  }
  {
    std::string h = multiples("speakers-", "quote_share", keys_of("quote_share"), ChartScale::Share);
    if (!h.empty()) sections.push_back({"quoted", "Who is quoted (share of quotes by speaker type)", h});
  }
  {
    auto actors = keys_of("actor_stance");
    if (actors.size() > kMaxActors) actors.resize(kMaxActors);
    std::string h = multiples("stance-", "actor_stance", actors, ChartScale::Stance);
    if (!h.empty()) {
      h = "<p class=\"meta\">Mean stance of the articles toward each actor, from -1 (negative) to +1 "
          "(positive). Red: the whole interval is below 0; green: above 0; grey: the interval includes 0."
          "</p>\n" + h;
      sections.push_back({"stance", "Stance toward the most discussed actors", h});
    }
  }
  {
    std::string h = multiples("mfc-", "frame_share_mfc", top_keys("frame_share_mfc", kMaxFrames), ChartScale::Share);
    if (!h.empty()) sections.push_back({"frames", "Frames (Media Frames Corpus): share of articles", h});
    std::string g =
        multiples("generic-", "frame_share_generic", top_keys("frame_share_generic", kMaxFrames), ChartScale::Share);
    if (!g.empty()) sections.push_back({"generic-frames", "Generic frames: share of articles", g});
  }
  {
    std::string h = multiples("leaning-", "leaning_share", keys_of("leaning_share"), ChartScale::Share);
    if (!h.empty()) sections.push_back({"leaning", "Predicted leaning: share of articles", h});
  }
  if (!article_index.empty()) sections.push_back({"articles", "Articles", std::string(article_index)});

  std::ostringstream o;
  o << "<h1>framelens: " << html_escape(noun) << " comparison</h1>\n<p class=\"meta\">" << html_escape(summary)
    << " " << stats.groups().size() << " " << html_escape(stats.groups().size() == 1 ? noun : noun_plural(noun))
    << ". Each chart has one row per " << html_escape(noun) << " (n = articles behind the figure), sorted by "
    << "value: the dot is the estimate, the line its 95% Poisson-bootstrap percentile interval (" << kReplicates
    << " replicates, fixed seed). A chart draws the 15 " << html_escape(noun_plural(noun))
    << " with the most articles (at least 2; with fewer than about 20 the intervals are too narrow); the table under each chart and outlets.csv have them all.</p>\n";
  o << "<nav class=\"toc\"><h2>Contents</h2><ol>";
  for (const auto& s : sections) o << "<li><a href=\"#" << s.id << "\">" << html_escape(s.title) << "</a></li>";
  o << "</ol></nav>\n";
  if (sections.empty() || (sections.size() == 1 && sections[0].id == "articles")) {
    o << "<p class=\"meta\">No outlet figures: no article was analysed.</p>\n";
  }
  for (const auto& s : sections) {
    o << "<section id=\"" << s.id << "\"><h2>" << html_escape(s.title) << "</h2>\n" << s.html << "</section>\n";
  }
  return html_page("framelens - " + noun + " comparison", o.str());
}

}  // namespace framelens
