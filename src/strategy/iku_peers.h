// Other municipalities' IKU and the national line: what the municipality compares its own IKU
// with (seed 002 step 1, "sammenligne med andre kommuner").
//
// The national key figures (noegletal.dk, "IKU") are exported as a table with one row per
// municipality and one column per year, semicolon separated with decimal commas:
//   Kommune;2019;2020;2021          (header: a name column, then years)
//   Svendborg;27,1;27,9;28,3
//   Horsens;24,0;..;25,2            (".." or "" is a missing figure)
// A long form is read too: a header with the columns kommune (or municipality), år (or aar,
// year) and iku, in any order, comma or semicolon separated, decimal comma or point. A
// municipality code column (kode / code) is kept when present. Reading is all or nothing: any
// bad row is an error naming its line and column, and nothing is taken.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace samspill::strategy {

struct PeerFigure {
  std::string municipality;  // "Svendborg"
  std::string code;          // "479"; may be empty
  int year = 0;
  double iku = 0.0;  // percent, 0..100
  friend bool operator==(const PeerFigure&, const PeerFigure&) = default;
};

// At most this many figures in one import (98 municipalities × 30 years is far below it).
inline constexpr size_t kMaxPeerFigures = 20000;

// Parses either form above. kInvalidArgument "line N, column M: …" for a bad year header, a
// figure that is not a number in 0..100, a duplicate municipality-year, an empty file, or more
// than kMaxPeerFigures figures. Figures sorted by municipality, then year.
Result<std::vector<PeerFigure>> ParsePeerIkuCsv(std::string_view text);

// The national IKU (all Danish municipalities) by year, from DOMAIN.md §6: 2009 25.0, 2015 26.5,
// 2016 26.9, 2017 27.1, 2018 26.9, 2019 26.5, 2020 26.3, 2021 26.9. The definition changed in
// 2016 (places on functions 5.28/5.38 added): NationalIkuNote() says so.
struct NationalIku {
  int year = 0;
  double iku = 0.0;
};
const std::vector<NationalIku>& NationalIkuLine();
std::string_view NationalIkuSource();  // where the figures come from (KL, the ministry)
std::string_view NationalIkuNoteNb();  // the 2016 definition change, in Danish/Norwegian
std::string_view NationalIkuNoteEn();

// The distinct peer municipalities in first-seen order.
std::vector<std::string> PeerMunicipalities(const std::vector<PeerFigure>& peers);

}  // namespace samspill::strategy
