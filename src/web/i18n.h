// Language of the pages: Norwegian bokmål by default, English on request — the page texts and
// the formatting of dates ("19. september 2025"), times (Oslo time) and money
// ("kr 1 250 000").
//
// Texts are looked up by key; every key has both languages (a unit test checks the table).
// Pure functions of their arguments; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "common/time.h"

namespace samspill::web {

enum class Lang { kNb, kEn };

std::string_view LangCode(Lang lang);  // "nb", "en"
std::optional<Lang> LangFromCode(std::string_view code);

// The text for `key` in `lang`; the key itself when unknown (a test keeps the table complete).
std::string_view Tr(Lang lang, std::string_view key);
// Every key in the table, for the completeness test.
std::vector<std::string_view> AllTextKeys();

// "19. september 2025" (nb), "19 September 2025" (en).
std::string FormatDate(Lang lang, const Date& date);
// "19. september 2025 kl. 12:00" (nb), "19 September 2025 12:00" (en), in Norwegian time
// (CET/CEST by the EU rule: summer time from the last Sunday of March to the last Sunday of
// October, 01:00 UTC).
std::string FormatDateTime(Lang lang, Timestamp at);

// "7,85" (nb) or "7.85" (en) with `decimals` digits after the mark.
std::string FormatDecimal(Lang lang, double value, int decimals);

// "kr 1 250 000" and "kr 1 250 000,50" (nb, no-break spaces); "NOK 1,250,000.50" (en).
// Other currencies print their code first in both languages.
std::string FormatMoney(Lang lang, const Money& money);
// An amount as a user types it in a form field, without the currency: "1 250 000,50"
// (plain spaces, decimal comma), which ParseMoneyMinor reads back.
std::string FormatMoneyInput(const Money& money);

}  // namespace samspill::web
