#include "analyzer/report/html_report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "analyzer/report/doc_stats.h"
#include "analyzer/report/html_chart.h"

namespace framelens {

std::string html_escape(std::string_view s) {
  std::string o;
  o.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      case '\0': o += "&#xFFFD;"; break;
      default: o.push_back(c);
    }
  }
  return o;
}

namespace {

// Span boundaries become tag events; nesting is kept valid by skipping marks that cross another.
struct Mark {
  Span span;
  std::string open, close;
  int priority;  // on equal spans, lower priority is the outer tag
};

std::string fmt2(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", x);
  return b;
}

constexpr int kSpeakerColours = 8;

// The text with its marks, escaped.
std::string marked_text(const Document& d, std::vector<Mark>& marks) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.priority < b.priority;
  });
  std::vector<const Mark*> kept, stack;
  for (const auto& m : marks) {
    if (m.span.empty() || m.span.start < 0 || m.span.end > d.size()) continue;
    while (!stack.empty() && stack.back()->span.end <= m.span.start) stack.pop_back();
    if (!stack.empty() && m.span.end > stack.back()->span.end) continue;  // crosses: not inline
    kept.push_back(&m);
    stack.push_back(&m);
  }
  std::string body;
  int32_t pos = 0;
  stack.clear();
  auto emit_text = [&](int32_t upto) {
    if (upto > pos) body += html_escape(d.slice({pos, upto}));
    pos = std::max(pos, upto);
  };
  for (const Mark* m : kept) {
    while (!stack.empty() && stack.back()->span.end <= m->span.start) {
      emit_text(stack.back()->span.end);
      body += stack.back()->close;
      stack.pop_back();
    }
    emit_text(m->span.start);
    body += m->open;
    stack.push_back(m);
  }
  while (!stack.empty()) {
    emit_text(stack.back()->span.end);
    body += stack.back()->close;
    stack.pop_back();
  }
  emit_text(d.size());
  return body;
}

// The CSS class of a stance label: negative red, positive green, neutral grey.
std::string stance_class(const std::string& label) {
  if (label == "negative") return "neg";
  if (label == "positive") return "pos";
  return "neu";
}

const char* stance_colour(const std::string& label) {
  if (label == "negative") return "#c0392b";
  if (label == "positive") return "#2e8b57";
  return "#888";
}

// A few words around a span, for evidence lists (escaped by the caller).
std::string snippet(const Document& d, Span s, int32_t context = 40) {
  const int32_t a = std::max<int32_t>(0, s.start - context), b = std::min<int32_t>(d.size(), s.end + context);
  std::string o;
  if (a > 0) o += "...";
  o += d.slice({a, b});
  if (b < d.size()) o += "...";
  for (char& c : o) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return o;
}

// A small diverging bar for a stance in [-1, 1], coloured by its label.
std::string stance_bar(double score, const std::string& label) {
  const double s = std::clamp(score, -1.0, 1.0);
  const double w = std::abs(s) * 50.0;
  const double x = s < 0 ? 50.0 - w : 50.0;
  std::ostringstream o;
  o << "<svg class=\"bar\" width=\"100\" height=\"10\" viewBox=\"0 0 100 10\" role=\"img\" aria-label=\"stance "
    << fmt2(s) << "\"><rect x=\"0\" y=\"0\" width=\"100\" height=\"10\" fill=\"#eee\"/><rect x=\"" << fmt2(x)
    << "\" y=\"1\" width=\"" << fmt2(w) << "\" height=\"8\" fill=\"" << stance_colour(label)
    << "\"/><line x1=\"50\" y1=\"0\" x2=\"50\" y2=\"10\" stroke=\"#555\"/></svg>";
  return o.str();
}

const char* const kStyle =
    "body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}"
    "h1,h2,h3,summary,table,.legend,.meta{font-family:Helvetica,Arial,sans-serif}"
    ".text{white-space:pre-wrap;overflow-wrap:anywhere}"
    ".term.own{background:#ffd27f}.term.quoted{background:#d8e8ff}"
    ".quote{border-bottom:3px solid #888;padding-bottom:1px}.quote.unattr{border-bottom-style:dashed}"
    ".chip{display:inline-block;width:1em;height:.6em;margin-right:.3em;border-bottom:3px solid #888}"
    ".spk0{border-color:#1f77b4}.spk1{border-color:#d62728}.spk2{border-color:#2ca02c}"
    ".spk3{border-color:#9467bd}.spk4{border-color:#ff7f0e}.spk5{border-color:#17becf}"
    ".spk6{border-color:#8c564b}.spk7{border-color:#e377c2}"
    ".actor{text-decoration:underline dotted #555}"
    ".zone{color:#8a8a8a}.zone-headline{font-weight:bold}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{padding:2px 8px;border-bottom:1px solid #ddd;"
    "text-align:left;vertical-align:middle}td.num{text-align:right}.neg{color:#b00}.pos{color:#070}.neu{color:#555}"
    ".biased{background:linear-gradient(transparent 88%,#c9a0dc 88%)}"
    ".evidence{background:#fde2e2}.evidence.pos{background:#dff3e4}.evidence.neu{background:#eee}"
    "details.stance summary{cursor:pointer}details.stance ul{margin:.2em 0;padding-left:1.2em;font-size:.9em}"
    ".toc ol{columns:2;font-family:Helvetica,Arial,sans-serif}.frames td.num{width:4em}"
    ".legend span{margin-right:1em}.meta{color:#555;font-size:.9em}"
    "section.article{border-top:1px solid #ccc;margin-top:1.5em}details{margin:.5em 0}"
    "figure{margin:1em 0}figcaption{font-family:Helvetica,Arial,sans-serif;font-weight:bold}"
    "svg text{font-family:Helvetica,Arial,sans-serif;font-size:11px}";

}  // namespace

std::string html_article_view(const Document& d) {
  // Speakers get colours in order of first appearance; unattributed quotes are dashed grey.
  std::map<std::string, int> speaker_colour;
  std::vector<std::string> speakers;
  for (const auto& q : d.quotes) {
    if (q.speaker && !q.speaker->name.empty() && !speaker_colour.count(q.speaker->name)) {
      speaker_colour[q.speaker->name] = static_cast<int>(speakers.size()) % kSpeakerColours;
      speakers.push_back(q.speaker->name);
    }
  }
  std::vector<Mark> marks;
  // Zones other than body are shown dimmed, with their zone and reason on hover.
  for (const auto& s : d.sentences) {
    if (s.zone == Zone::Body) continue;
    const std::string z(zone_name(s.zone));
    marks.push_back({s.span, "<span class=\"zone zone-" + z + "\" title=\"" + html_escape(z + " (" + std::string(s.zone_reason) + ")") + "\">",
                     "</span>", -1});
  }
  for (const auto& q : d.quotes) {
    const bool named = q.speaker && !q.speaker->name.empty();
    const std::string who = named ? q.speaker->name : "unattributed";
    const std::string cls = named ? "quote spk" + std::to_string(speaker_colour[who]) : "quote unattr";
    std::string title = q.kind + " quote: " + who;
    if (q.cue) title += " (" + std::string(d.slice(q.cue->span)) + (q.cue->loaded ? ", loaded cue)" : ")");
    const auto& pieces = q.fragments.empty() ? std::vector<Span>{q.span} : q.fragments;
    for (const auto& p : pieces) {
      marks.push_back({p, "<span class=\"" + cls + "\" title=\"" + html_escape(title) + "\">", "</span>", 0});
    }
  }
  for (const auto& t : d.loaded_terms) {
    marks.push_back({t.span, "<mark class=\"term " + std::string(t.in_quote ? "quoted" : "own") + "\" title=\"" +
                                 html_escape(t.category + " " + fmt2(t.score)) + "\">",
                     "</mark>", 2});
  }
  for (const auto& a : d.actors) {
    std::string title =
        "actor: " + a.name + (a.stance.present ? " (stance " + a.stance.label + " " + fmt2(a.stance.score) + ")" : "");
    for (const auto& m : a.mentions) {
      marks.push_back({m.span, "<span class=\"actor\" title=\"" + html_escape(title) + "\">", "</span>", 1});
    }
  }
  // Flagged sentences get an underline, unless a quote crosses them (marks must nest).
  {
    std::vector<Span> quote_spans;
    for (const auto& q : d.quotes) {
      if (q.fragments.empty()) quote_spans.push_back(q.span);
      for (const auto& p : q.fragments) quote_spans.push_back(p);
    }
    std::sort(quote_spans.begin(), quote_spans.end(), [](Span a, Span b) { return a.start < b.start; });
    // Quotes end after they start, so a running maximum of ends bounds every earlier quote.
    size_t qi = 0;
    int32_t max_end = -1;
    for (const auto& se : d.sentences) {
      if (!se.biased) continue;
      while (qi < quote_spans.size() && quote_spans[qi].start < se.span.start) {
        max_end = std::max(max_end, quote_spans[qi].end);
        ++qi;
      }
      bool crosses = max_end > se.span.start && max_end < se.span.end;  // a quote from before ends inside
      for (size_t k = qi; k < quote_spans.size() && quote_spans[k].start < se.span.end && !crosses; ++k) {
        crosses = quote_spans[k].end > se.span.end;  // a quote from inside ends after
      }
      if (crosses) continue;
      marks.push_back({se.span, "<span class=\"biased\" title=\"sentence bias " + fmt2(se.bias_score) + "\">",
                       "</span>", -1});
    }
  }
  // Stance evidence, in the colour of the actor's stance label.
  for (const auto& a : d.actors) {
    if (!a.stance.present) continue;
    for (const auto& e : a.stance.evidence) {
      marks.push_back({e, "<span class=\"evidence " + stance_class(a.stance.label) + "\" title=\"" +
                              html_escape("evidence for the " + a.stance.label + " stance toward " + a.name) + "\">",
                       "</span>", 3});
    }
  }
  const std::string body = marked_text(d, marks);

  const DocStats st = compute_stats(d);
  std::ostringstream o;
  const std::string heading = d.meta.title.empty() ? (d.meta.id.empty() ? "Article" : d.meta.id) : d.meta.title;
  o << "<section class=\"article\">\n<h2>" << html_escape(heading) << "</h2>\n<p class=\"meta\">";
  if (!d.meta.outlet.empty()) o << "Outlet: " << html_escape(d.meta.outlet) << ". ";
  if (!d.meta.date.empty()) o << "Date: " << html_escape(d.meta.date) << ". ";
  if (!d.meta.id.empty()) o << "Id: " << html_escape(d.meta.id) << ". ";
  o << st.words << " words; ";
  if (st.terms_measured) {
    o << "loaded terms: " << st.own_voice_terms << " in the outlet's voice (" << fmt2(st.own_voice_per_1000)
      << "/1,000 words), " << st.quoted_terms << " quoted (" << fmt2(st.quoted_per_1000) << "/1,000 words); ";
  } else {
    o << "loaded terms not measured (no model); ";
  }
  o << st.quotes << " quotes.";
  if (!d.leaning.label.empty()) o << " Leaning: " << html_escape(d.leaning.label) << ".";
  o << "</p>\n<p class=\"legend\"><span><mark class=\"term own\">outlet's voice</mark></span>"
    << "<span><mark class=\"term quoted\">inside a quote</mark></span>"
    << "<span><span class=\"actor\">actor mention</span></span>"
    << "<span><span class=\"biased\">sentence flagged as biased</span></span>"
    << "<span><span class=\"evidence\">stance evidence</span></span>";
  for (size_t i = 0; i < speakers.size(); ++i) {
    o << "<span><span class=\"chip spk" << (i % kSpeakerColours) << "\"></span>" << html_escape(speakers[i])
      << "</span>";
  }
  o << "<span><span class=\"chip unattr\" style=\"border-bottom-style:dashed\"></span>unattributed</span></p>\n";
  o << "<div class=\"text\">" << body << "</div>\n";
  if (!d.actors.empty()) {
    o << "<h3>Actors</h3><table><tr><th>actor</th><th>type</th><th>mentions</th><th>quoted</th>"
      << "<th>stance</th><th></th><th>role</th></tr>\n";
    for (const auto& a : d.actors) {
      const std::string cls = stance_class(a.stance.label);
      o << "<tr><td>" << html_escape(a.name) << "</td><td>" << html_escape(a.type) << "</td><td class=\"num\">"
        << a.mentions.size() << "</td><td class=\"num\">" << a.quoted << "</td>";
      if (a.stance.present) {
        std::string tip;
        for (const auto& e : a.stance.evidence) tip += (tip.empty() ? "" : " | ") + snippet(d, e, 25);
        o << "<td class=\"" << cls << "\">";
        if (a.stance.evidence.empty()) {
          o << html_escape(a.stance.label) << " " << fmt2(a.stance.score);
        } else {
          o << "<details class=\"stance\"><summary title=\"" << html_escape(tip) << "\">"
            << html_escape(a.stance.label) << " " << fmt2(a.stance.score) << "</summary><ul>";
          for (const auto& e : a.stance.evidence) o << "<li>" << html_escape(snippet(d, e)) << "</li>";
          o << "</ul></details>";
        }
        o << "</td><td>" << stance_bar(a.stance.score, a.stance.label) << "</td>";
      } else {
        o << "<td>not measured</td><td></td>";
      }
      o << "<td>" << html_escape(a.role) << "</td></tr>\n";
    }
    o << "</table>\n";
  }
  auto frame_table = [&](const char* title, const std::vector<FrameScore>& frames) {
    if (frames.empty()) return;
    std::vector<const FrameScore*> v;
    for (const auto& f : frames) v.push_back(&f);
    std::stable_sort(v.begin(), v.end(), [](auto* x, auto* y) { return x->score > y->score; });
    o << "<h3>" << title << "</h3><table class=\"frames\"><tr><th>frame</th><th>score</th><th></th></tr>";
    for (size_t i = 0; i < v.size() && (i < 3 || v[i]->selected); ++i) {
      o << "<tr><td>" << (v[i]->selected ? "<strong>" : "") << html_escape(human_label(v[i]->label))
        << (v[i]->selected ? "</strong>" : "") << "</td><td class=\"num\">" << fmt2(v[i]->score) << "</td><td>"
        << (v[i]->selected ? "selected" : "") << "</td></tr>";
    }
    o << "</table>\n";
  };
  frame_table("Frames (Media Frames Corpus)", d.frames_mfc);
  frame_table("Generic frames", d.frames_generic);
  if (!d.terms_scored) {
    o << "<h3>Sentence bias</h3><p class=\"meta\">Not measured: no loaded-wording / sentence-bias model "
         "was loaded.</p>\n";
  } else {
    std::vector<const Sentence*> flagged;
    for (const auto& se : d.sentences) {
      if (se.biased) flagged.push_back(&se);
    }
    std::stable_sort(flagged.begin(), flagged.end(), [](auto* x, auto* y) { return x->bias_score > y->bias_score; });
    o << "<h3>Sentence bias</h3><p class=\"meta\">" << flagged.size() << " of " << d.sentences.size()
      << " sentences flagged by the sentence-bias model (underlined in the text)"
      << (flagged.size() > 10 ? "; the 10 highest scores:" : (flagged.empty() ? "." : ":")) << "</p>";
    if (!flagged.empty()) {
      o << "<table><tr><th>score</th><th>sentence</th></tr>";
      for (size_t i = 0; i < flagged.size() && i < 10; ++i) {
        std::string text(d.slice(flagged[i]->span));
        if (text.size() > 400) {
          size_t cut = 400;
          while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
          text = text.substr(0, cut) + "...";
        }
        o << "<tr><td class=\"num\">" << fmt2(flagged[i]->bias_score) << "</td><td>" << html_escape(text)
          << "</td></tr>";
      }
      o << "</table>\n";
    }
  }
  if (!d.warnings.empty()) {
    o << "<p class=\"meta\">Notes: ";
    for (size_t i = 0; i < d.warnings.size(); ++i) o << (i ? "; " : "") << html_escape(d.warnings[i]);
    o << "</p>\n";
  }
  o << "</section>\n";
  return o.str();
}

std::string html_page(std::string_view title, std::string_view body_html) {
  std::string o;
  o.reserve(body_html.size() + 4096);
  o += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
       "img-src data:\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  o += html_escape(title);
  o += "</title><style>";
  o += kStyle;
  o += kChartStyle;
  o += "</style></head><body>\n";
  o += body_html;
  o += "</body></html>\n";
  return o;
}

std::string to_html_report(const Document& d) {
  const std::string title = d.meta.title.empty() ? d.meta.id : d.meta.title;
  return html_page("framelens - " + title, html_article_view(d));
}

}  // namespace framelens
