// The CPV 2008 code list (Common Procurement Vocabulary, Commission Regulation (EC) No
// 213/2008): which main codes exist, their check digits and their names in English and bokmål.
//
// The check digit of a CPV code is not a published checksum one can recompute, so a code is
// checked against the official list itself (src/tendering/data/, compiled into the binary; see
// docs/decisions/0025). The list is read once, on first use; the functions are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace samspill::tendering {

// One code of the list, as it stands there.
struct CpvEntry {
  std::string code;  // "85311000-2": the 8 digits and the check digit
  std::string name_en;
  std::string name_nb;
};

// The list's entry for the 8 digits of `code` ("85311000" or "85311000-2"; the check digit is
// not compared); nullopt when the code has no 8 leading digits or is not in the list.
std::optional<CpvEntry> FindCpv(std::string_view code);

// Ok for a code written "NNNNNNNN-C" whose 8 digits are in the list with check digit C, or
// "NNNNNNNN" (as eForms and OCDS write it) whose 8 digits are in the list. InvalidArgument (field
// "cpv_code") for another shape, a code not in the list, or a check digit that differs from the
// list's (the message gives the right one).
Status CheckCpvCode(std::string_view code);

// How many codes the list holds (9 454 in CPV 2008).
size_t CpvCodeCount();

}  // namespace samspill::tendering
