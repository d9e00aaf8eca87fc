#include "analyzer/report/provenance.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "analyzer/core/build_info.h"
#include "analyzer/core/sha256.h"
#include "analyzer/report/json_writer.h"

namespace framelens {

namespace fs = std::filesystem;

namespace {

std::string html_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      default: o.push_back(c);
    }
  }
  return o;
}

bool ends_with(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

}  // namespace

std::string provenance_time() {
  std::time_t t = std::time(nullptr);
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    const long long v = std::strtoll(e, &end, 10);
    if (end && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char b[32];
  std::strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return b;
}

std::string command_line(const std::vector<std::string>& args) {
  std::string out = "framelens";
  for (const auto& a : args) {
    out.push_back(' ');
    const bool plain = !a.empty() && std::all_of(a.begin(), a.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./=:,+@%").find(c) != std::string_view::npos;
    });
    if (plain) {
      out += a;
      continue;
    }
    out.push_back('\'');
    for (char c : a) {
      if (c == '\'') out += "'\\''";
      else out.push_back(c);
    }
    out.push_back('\'');
  }
  return out;
}

Result<Provenance> collect_provenance(const std::string& models_dir, const std::vector<std::string>& args) {
  Provenance p;
  p.version = std::string(build_version());
  p.commit = std::string(build_commit());
  p.command = command_line(args);
  p.time = provenance_time();
  p.models_dir = models_dir;
  std::error_code ec;
  if (models_dir.empty() || !fs::is_directory(models_dir, ec)) return p;
  for (auto it = fs::recursive_directory_iterator(models_dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string rel = fs::relative(it->path(), models_dir, ec).generic_string();
    if (ends_with(rel, ".md")) continue;
    ModelFileInfo m;
    m.path = rel;
    m.bytes = static_cast<long long>(it->file_size(ec));
    auto sum = sha256_file(it->path().string());
    if (!sum) return sum.error();
    m.sha256 = *sum;
    p.models.push_back(std::move(m));
  }
  std::sort(p.models.begin(), p.models.end(), [](const ModelFileInfo& a, const ModelFileInfo& b) { return a.path < b.path; });
  return p;
}

std::string provenance_json(const Provenance& p) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("framelens_version", p.version);
  w.field("git_commit", p.commit);
  w.field("command", p.command);
  w.field("time", p.time);
  w.field("models_dir", p.models_dir);
  w.key("models");
  w.begin_array();
  for (const auto& m : p.models) {
    w.begin_object();
    w.field("path", m.path);
    w.field("bytes", static_cast<int64_t>(m.bytes));
    w.field("sha256", m.sha256);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

std::string run_json(const Provenance& p, long long read, long long written, long long skipped) {
  std::string out = provenance_json(p);
  out.pop_back();  // the closing brace
  JsonWriter w(out);
  out += ",";
  w.key("records");
  w.begin_object();
  w.field("read", static_cast<int64_t>(read));
  w.field("written", static_cast<int64_t>(written));
  w.field("skipped", static_cast<int64_t>(skipped));
  w.end_object();
  out += "}\n";
  return out;
}

std::string with_provenance_html(std::string html, const Provenance& p) {
  std::string f = "<footer class=\"provenance\" style=\"font-size:smaller;color:#555;margin-top:2em\"><p>Made by framelens " +
                  html_escape(p.version) + " (commit " + html_escape(p.commit) + ") at " + html_escape(p.time) +
                  ": <code>" + html_escape(p.command) + "</code></p><details><summary>" +
                  std::to_string(p.models.size()) + " model files (SHA-256)</summary><ul>";
  for (const auto& m : p.models) {
    f += "<li><code>" + html_escape(m.path) + "</code> " + std::to_string(m.bytes) + " bytes <code>" + m.sha256 +
         "</code></li>";
  }
  f += "</ul></details></footer>\n";
  const auto pos = html.rfind("</body>");
  if (pos == std::string::npos) html += f;
  else html.insert(pos, f);
  return html;
}

}  // namespace framelens
