#include <array>
#include "analyzer/report/text_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "analyzer/report/doc_stats.h"

namespace framelens {

namespace {

std::string fmt(const char* f, double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, x);
  return buf;
}

// The sentence around a span, with the span marked [[like this]], cut to ~160 characters.
std::string in_context(const Document& d, Span s) {
  int32_t si = d.sentence_at(s.start);
  Span ctx = si >= 0 ? d.sentences[si].span : s;
  std::string before(d.slice({ctx.start, s.start}));
  std::string after(d.slice({s.end, std::max(s.end, ctx.end)}));
  auto cut_left = [](std::string x, size_t n) {
    if (x.size() <= n) return x;
    size_t k = x.size() - n;
    while (k < x.size() && (static_cast<unsigned char>(x[k]) & 0xC0) == 0x80) ++k;
    return "..." + x.substr(k);
  };
  auto cut_right = [](std::string x, size_t n) {
    if (x.size() <= n) return x;
    size_t k = n;
    while (k > 0 && (static_cast<unsigned char>(x[k]) & 0xC0) == 0x80) --k;
    return x.substr(0, k) + "...";
  };
  std::string out = cut_left(before, 70) + "[[" + std::string(d.slice(s)) + "]]" + cut_right(after, 70);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

std::string to_text_report(const Document& d) {
  const DocStats st = compute_stats(d);
  std::ostringstream o;
  o << "framelens report";
  if (!d.meta.id.empty()) o << " - " << d.meta.id;
  o << "\n";
  if (!d.meta.title.empty()) o << "Title:   " << d.meta.title << "\n";
  if (!d.meta.outlet.empty()) o << "Outlet:  " << d.meta.outlet << "\n";
  o << "Size:    " << st.words << " words, " << st.sentences << " sentences, " << st.paragraphs
    << " paragraphs\n";
  {
    std::array<int, 7> zones{};
    for (const auto& s : d.sentences) ++zones[static_cast<int>(s.zone)];
    std::string set_aside;
    for (int z = 1; z < 7; ++z) {
      if (!zones[z]) continue;
      if (!set_aside.empty()) set_aside += ", ";
      set_aside += std::to_string(zones[z]) + " " + std::string(zone_name(static_cast<Zone>(z)));
    }
    if (!set_aside.empty()) o << "Zones:   " << zones[0] << " body sentences; set aside: " << set_aside << "\n";
  }
  if (!st.terms_measured) {
    o << "Loaded wording: not measured (no loaded-wording model loaded)\n";
  } else {
    o << "Loaded wording: " << st.own_voice_terms << " in the outlet's own voice ("
      << fmt("%.1f", st.own_voice_per_1000) << " per 1,000 words), " << st.quoted_terms
      << " inside quotes (" << fmt("%.1f", st.quoted_per_1000) << " per 1,000 words), " << st.paraphrased_terms
      << " in indirect speech, " << st.headline_terms << " in the headline\n";
  }
  if (!d.leaning.label.empty()) {
    o << "Leaning: " << d.leaning.label << "  (left " << fmt("%.2f", d.leaning.left) << ", center "
      << fmt("%.2f", d.leaning.center) << ", right " << fmt("%.2f", d.leaning.right) << ")\n";
  }
  auto frames = [&](const char* title, const std::vector<FrameScore>& fs) {
    if (fs.empty()) return;
    o << title;
    bool any = false;
    for (const auto& f : fs) {
      if (!f.selected) continue;
      o << (any ? ", " : " ") << f.label << " " << fmt("%.2f", f.score);
      any = true;
    }
    if (!any) o << " (none above threshold)";
    o << "\n";
  };
  frames("Frames (MFC):", d.frames_mfc);
  frames("Frames (generic):", d.frames_generic);

  if (!d.loaded_terms.empty()) {
    o << "\nLoaded terms (score, category, voice) in context:\n";
    for (const auto& t : d.loaded_terms) {
      o << "  " << fmt("%.2f", t.score) << "  " << t.category << "  [" << voice_name(t.voice)
        << (t.quote_kind == QuoteKind::None ? "" : ", ") << quote_kind_name(t.quote_kind) << "]"
        << "\n      " << in_context(d, t.span) << "\n";
    }
  }
  if (!d.quotes.empty()) {
    o << "\nQuotes:\n";
    for (const auto& q : d.quotes) {
      o << "  [" << q.kind << "] ";
      if (q.speaker) {
        o << q.speaker->name;
        if (q.speaker->resolved) o << " (\"" << d.slice(q.speaker->span) << "\")";
      } else {
        o << "(no speaker)";
      }
      if (q.cue) o << " - " << d.slice(q.cue->span) << (q.cue->loaded ? " [loaded cue]" : "");
      std::string text(d.slice(q.span));
      if (text.size() > 160) {
        size_t k = 157;
        while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
        text = text.substr(0, k) + "...";
      }
      std::replace(text.begin(), text.end(), '\n', ' ');
      o << "\n      \"" << text << "\"\n";
    }
  }
  if (!d.actors.empty()) {
    o << "\nActors (mentions, quoted, stance in the outlet's voice, stance in quotes, role):\n";
    for (const auto& a : d.actors) {
      o << "  " << a.id << "  " << a.name << " [" << a.type << "]  mentions " << a.mentions.size()
        << ", quoted " << a.quoted;
      if (a.stance.present) o << ", stance " << a.stance.label << " " << fmt("%+.2f", a.stance.score);
      if (a.quoted_stance.present) {
        o << ", in quotes " << a.quoted_stance.label << " " << fmt("%+.2f", a.quoted_stance.score);
        if (!a.quoted_by.empty()) {
          o << " (";
          for (size_t k = 0; k < a.quoted_by.size(); ++k) {
            const QuotedSource& src = a.quoted_by[k];
            o << (k ? "; " : "") << (src.speaker.empty() ? std::string("unattributed") : src.speaker) << " "
              << src.label << " " << fmt("%+.2f", src.score) << " x" << src.mentions;
          }
          o << ")";
        }
      }
      if (a.role != "none") o << ", role " << a.role;
      if (a.aliases.size() > 1) {
        o << "\n      aliases:";
        for (const auto& al : a.aliases) o << " \"" << al << "\"";
      }
      o << "\n";
    }
  }
  if (!d.targets.empty()) {
    o << "\nTargets:\n";
    for (const auto& t : d.targets) {
      o << "  \"" << d.slice(t.span) << "\" [" << t.span.start << "," << t.span.end << ")";
      if (t.stance.present) o << "  stance " << t.stance.label << " " << fmt("%+.2f", t.stance.score);
      o << "\n";
    }
  }
  bool any_aside = false;
  for (const auto& s : d.sentences) {
    if (s.zone == Zone::Body) continue;
    if (!any_aside) o << "\nSet aside (not body text; no findings from it):\n";
    any_aside = true;
    std::string text(d.slice(s.span));
    if (text.size() > 70) {
      size_t cut = 67;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a whole code point
      text = text.substr(0, cut) + "...";
    }
    o << "  [" << zone_name(s.zone) << "] " << text << "\n      (" << s.zone_reason << ")\n";
  }
  for (const auto& w : d.warnings) o << "note: " << w << "\n";
  return o.str();
}

}  // namespace framelens
