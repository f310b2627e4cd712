// Norwegian-aware text normalisation for comparing project names, units and people.
//
// Folding: lower case (also Æ Ø Å and accented Latin letters), "aa" read as "å" (Aasen =
// Åsen), Swedish/German ä ö as æ ø, accents dropped (é → e), punctuation as a space. Words are
// split on anything else; a light stemmer removes common Norwegian inflection endings so
// "Fysioterapeutens" and "fysioterapeut" meet. Names also give acronyms — upper-case words
// ("FIF", "CODIC") and the initials of their words ("Fasiliterende Interpersonale
// Ferdigheter" → "fif"), stop words ("og", "i", "for", "the", "of") left out.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace samspill::portfolio {

// Folded text: lower case, "aa" → "å", accents dropped, punctuation → single spaces, trimmed.
std::string FoldNorwegian(std::string_view text);

// The folded words of `text` (in order, duplicates kept).
std::vector<std::string> FoldedWords(std::string_view text);

// A word with common inflection endings removed ("prosjektene" → "prosjekt").
std::string StemNorwegian(std::string_view folded_word);

bool IsStopWord(std::string_view folded_word);

// The comparable forms of a project name: the name without its parenthesised parts and each
// parenthesised part on its own ("FIF (Fasiliterende Interpersonale Ferdigheter)" → "FIF",
// "Fasiliterende Interpersonale Ferdigheter").
std::vector<std::string> NameVariants(std::string_view name);

// Significant stemmed words of one name variant: folded, stop words out, stemmed, sorted and
// unique.
std::vector<std::string> SignificantTokens(std::string_view text);

// Initials of the significant words of one name variant, folded ("fif").
std::string Initials(std::string_view text);

// Acronyms written as such: upper-case words of 2–12 letters or digits with at least two
// capitals ("FIF", "CoP", "HARMONI"), folded.
std::vector<std::string> DeclaredAcronyms(std::string_view text);

}  // namespace samspill::portfolio
