#pragma once
// The corpus-wide `entity` of an actor (Actor::entity, entity_reason): the name a researcher
// tabulates one real-world actor by across articles and outlets. Persons: given name + surname
// ("Donald J. Trump", "Donald John Trump", "President Donald Trump" -> "Donald Trump"); a surname
// alone takes the corpus's one full name for it when the learned table has it and the gender
// agrees; otherwise the name as found. Countries and organisations: their canonical name.
#include <string>

#include "analyzer/actors/entity_table.h"
#include "analyzer/text/document.h"

namespace framelens {

// "Donald John Trump" -> "Donald Trump"; "" when the name has fewer than two name words.
std::string given_and_surname(const std::string& name);
// The last name word of a person's name, lower case ("Trump"), "" when none.
std::string surname_of(const std::string& name);

void assign_entity(Actor& a, const EntityTable* table);

}  // namespace framelens
