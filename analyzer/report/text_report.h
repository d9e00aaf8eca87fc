#pragma once
// A readable summary of one article for a person in a terminal.
#include <string>

#include "analyzer/text/document.h"

namespace framelens {

std::string to_text_report(const Document& doc);

}  // namespace framelens
