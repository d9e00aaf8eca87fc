#pragma once
// A self-contained HTML view of one article (no network, no script needed to read it): loaded
// terms highlighted, quotes underlined, actors listed with stance. All article text is escaped.
#include <string>
#include <string_view>

#include "analyzer/text/document.h"

namespace framelens {

std::string html_escape(std::string_view s);
std::string to_html_report(const Document& doc);

}  // namespace framelens
