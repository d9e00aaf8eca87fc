#include "analyzer/report/html_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "analyzer/report/doc_stats.h"

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
      default: o.push_back(c);
    }
  }
  return o;
}

namespace {

// Span boundaries become tag events; nesting is kept valid by closing and reopening in order.
struct Mark {
  Span span;
  std::string open, close;
  int priority;  // outer marks first
};

std::string fmt2(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", x);
  return b;
}

}  // namespace

std::string to_html_report(const Document& d) {
  std::vector<Mark> marks;
  for (const auto& q : d.quotes) {
    std::string who = q.speaker ? q.speaker->name : "unattributed";
    marks.push_back({q.span, "<span class=\"quote\" title=\"" + html_escape(q.kind + " quote: " + who) + "\">",
                     "</span>", 0});
  }
  for (const auto& t : d.loaded_terms) {
    marks.push_back({t.span, "<mark class=\"term " + std::string(t.in_quote ? "quoted" : "own") +
                                 "\" title=\"" + html_escape(t.category + " " + fmt2(t.score)) + "\">",
                     "</mark>", 1});
  }
  // Only non-crossing marks are rendered inline; crossing ones are listed below the text.
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.span.start != b.span.start) return a.span.start < b.span.start;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.priority < b.priority;
  });
  std::vector<const Mark*> kept;
  std::vector<const Mark*> stack;
  for (const auto& m : marks) {
    while (!stack.empty() && stack.back()->span.end <= m.span.start) stack.pop_back();
    if (!stack.empty() && m.span.end > stack.back()->span.end) continue;  // crosses: skip inline
    kept.push_back(&m);
    stack.push_back(&m);
  }
  std::ostringstream body;
  int32_t pos = 0;
  stack.clear();
  auto emit_text = [&](int32_t upto) {
    if (upto > pos) body << html_escape(d.slice({pos, upto}));
    pos = std::max(pos, upto);
  };
  for (const Mark* m : kept) {
    while (!stack.empty() && stack.back()->span.end <= m->span.start) {
      emit_text(stack.back()->span.end);
      body << stack.back()->close;
      stack.pop_back();
    }
    emit_text(m->span.start);
    body << m->open;
    stack.push_back(m);
  }
  while (!stack.empty()) {
    emit_text(stack.back()->span.end);
    body << stack.back()->close;
    stack.pop_back();
  }
  emit_text(d.size());

  const DocStats st = compute_stats(d);
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    << "<title>framelens - " << html_escape(d.meta.title.empty() ? d.meta.id : d.meta.title) << "</title>"
    << "<style>body{font-family:Georgia,serif;max-width:52em;margin:2em auto;line-height:1.5;color:#222}"
    << ".text{white-space:pre-wrap}.term.own{background:#ffd27f}.term.quoted{background:#d8e8ff}"
    << ".quote{border-bottom:2px solid #6a8fd8}table{border-collapse:collapse}td,th{padding:2px 8px;"
    << "border-bottom:1px solid #ddd;text-align:left}.neg{color:#b00}.pos{color:#070}</style></head><body>\n";
  o << "<h1>" << html_escape(d.meta.title.empty() ? (d.meta.id.empty() ? "Article" : d.meta.id) : d.meta.title)
    << "</h1>\n";
  if (!d.meta.outlet.empty()) o << "<p>Outlet: " << html_escape(d.meta.outlet) << "</p>\n";
  o << "<p>" << st.words << " words; loaded terms: " << st.own_voice_terms << " in the outlet's voice ("
    << fmt2(st.own_voice_per_1000) << "/1,000 words), " << st.quoted_terms << " quoted ("
    << fmt2(st.quoted_per_1000) << "/1,000 words).";
  if (!d.leaning.label.empty()) o << " Leaning: " << html_escape(d.leaning.label) << ".";
  o << "</p>\n<p><mark class=\"term own\">outlet's voice</mark> <mark class=\"term quoted\">inside a quote</mark> "
    << "<span class=\"quote\">quoted speech</span></p>\n";
  o << "<div class=\"text\">" << body.str() << "</div>\n";
  if (!d.actors.empty()) {
    o << "<h2>Actors</h2><table><tr><th>actor</th><th>type</th><th>mentions</th><th>quoted</th>"
      << "<th>stance</th><th>role</th></tr>\n";
    for (const auto& a : d.actors) {
      std::string cls = a.stance.score < -0.05 ? "neg" : (a.stance.score > 0.05 ? "pos" : "");
      o << "<tr><td>" << html_escape(a.name) << "</td><td>" << html_escape(a.type) << "</td><td>"
        << a.mentions.size() << "</td><td>" << a.quoted << "</td><td class=\"" << cls << "\">"
        << (a.stance.present ? html_escape(a.stance.label) + " " + fmt2(a.stance.score) : "") << "</td><td>"
        << html_escape(a.role) << "</td></tr>\n";
    }
    o << "</table>\n";
  }
  o << "</body></html>\n";
  return o.str();
}

}  // namespace framelens
