#pragma once
// Self-contained HTML (no network, no script: a Content-Security-Policy forbids both). One
// article's view highlights loaded terms (own voice vs inside quotes), colours quotes by speaker,
// marks actor mentions and lists actors with their stance. All article text is escaped.
#include <string>
#include <string_view>

#include "analyzer/text/document.h"

namespace framelens {

std::string html_escape(std::string_view s);

// The article view as an HTML fragment (a <section>), for pages that hold many articles.
std::string html_article_view(const Document& doc);
// A complete page: doctype, CSP meta, the shared style sheet, `body_html` (already escaped).
std::string html_page(std::string_view title, std::string_view body_html);
// `framelens score --format html`: the article view as a page.
std::string to_html_report(const Document& doc);

}  // namespace framelens
