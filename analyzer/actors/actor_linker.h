#pragma once
// Second pass of the actors stage: merges candidate mentions into actors the way a reader would
// ("Moon" = "Moon Jae-in", "NATO" = "North Atlantic Treaty Organization", "Beijing" = "China"),
// then resolves he/she and role nouns ("the spokesman") to a recent compatible person.
#include <vector>

#include "analyzer/actors/gazetteer.h"
#include "analyzer/text/document.h"

namespace framelens {

// Returns the actors in order of first mention, ids "a1", "a2", ...
std::vector<Actor> link_actors(const Document& doc, const Gazetteer& gaz);

}  // namespace framelens
