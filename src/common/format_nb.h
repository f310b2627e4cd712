// Norwegian number and money formats, shared by the domain's texts (legal-regime
// explanations, the procurement protocol, award reasons) and the pages: "kr 1 250 000",
// "kr 1 250 000,50", "EUR 300", "8,62". One place, so a document and a page never disagree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/money.h"

namespace samspill {

// "1 250 000" with `separator` between groups of three digits; a minus sign for negatives.
std::string GroupDigits(int64_t value, std::string_view separator = " ");

// "kr 1 250 000", "kr 1 250 000,50", "EUR 300", "kr −1 000". `space` separates the currency
// and the digit groups: a plain space for text, U+00A0 on pages (keeps the amount on one line).
std::string FormatMoneyNb(const Money& money, std::string_view space = " ");

// "8,62": fixed decimals with a decimal comma.
std::string FormatDecimalNb(double value, int decimals);

}  // namespace samspill
