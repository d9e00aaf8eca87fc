#pragma once
// Word-level rules about the clause a reporting verb introduces, used by the indirect-speech finder
// (indirect_quotes.cc): where the reported clause starts after the verb (past a time adjunct, an
// addressee, "that"), what shows there is none ("said in ..."), and which leading phrase before a
// speaker is only an adverbial opener ("On Monday, X said ..."). What each verb takes after it is a
// property of the verb: CueInfo::complement (cue_lexicon.h).
// Tokens are indices into Document::tokens; `se` is the end of the sentence.
#include <cstdint>
#include <string_view>

#include "analyzer/text/document.h"

namespace framelens {

// , ; : . ? ! ( ) - punctuation that ends a clause.
bool clause_punct(const Token& t);

// A time adjunct at j ("on Friday", "last week", "Tuesday night", "earlier"): the token after it,
// or j when there is none or the time word owns a possessive ("this year's budget").
int32_t skip_time_adjunct(const Document& doc, int32_t j, int32_t se);

// [a, b) is one or more leading adverbial phrases closed by commas ("On Monday", "Meanwhile,
// speaking to reporters", "Adopted by a family in 1981"), not a clause that could be the content
// ("The economy is strong", "On Monday, the economy grew").
bool intro_phrase(const Document& doc, int32_t a, int32_t b);

// "that" within 8 tokens of j before clause punctuation, a quotation mark or a subject pronoun
// ("said he would share that after ..." has no complementiser); -1 if none. With
// `through_quotes`, quotation marks do not stop it ("told MSNBC's "Morning Joe" that").
int32_t that_after(const Document& doc, int32_t j, int32_t se, bool through_quotes = false);

// Token j, right after a verb, shows that no reported clause follows: a preposition or particle
// ("said in", "writing for", "responded by"), a reflexive, or "it"/"this" as the object ("said it.").
bool not_a_content_start(const Document& doc, int32_t j, int32_t se);

// The addressee after "told"/"telling" at j ("him", "reporters", "CNN", "The Washington Post",
// "his audience"): the token after it, or -1.
int32_t after_addressee(const Document& doc, int32_t j, int32_t se);

// Token k can open a reported clause after an addressee: a subject pronoun, an article or
// possessive, a capitalised word, "it" or "there".
bool opens_clause(const Document& doc, int32_t k, int32_t se);

// "to", "whether", "if" or a wh-word within 6 tokens of j: a request ("asked X to/whether ...").
bool request_follows(const Document& doc, int32_t j, int32_t se);

// "of", "for", "over" or "as" within 6 tokens of j, before clause punctuation: the reason of a
// judgement ("accused Clinton of lying", "criticized the plan as reckless", "slammed it as ...").
bool reason_follows(const Document& doc, int32_t j, int32_t se);

// A quoted label within 8 tokens of a, before clause punctuation ('called Clinton "a liar"').
bool label_follows(const Document& doc, int32_t a, int32_t b);

}  // namespace framelens
