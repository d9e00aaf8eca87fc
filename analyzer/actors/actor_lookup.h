#pragma once
// Which actor a span refers to. Later stages (quotes: speaker -> actor; stance: target -> actor)
// call this instead of matching names themselves.
#include <cstdint>

#include "analyzer/text/document.h"

namespace framelens {

// Index into doc.actors of the actor with a mention overlapping `span` (the largest overlap
// wins; a name beats a pronoun on ties), or -1.
int32_t actor_for_span(const Document& doc, Span span);

}  // namespace framelens
