// The portfolio's service and parser messages in the page's language.
//
// Services and parsers write their messages in English: that is what the JSON API answers, the
// audit log keeps and the logs show. A Norwegian page shows them through this catalogue. Each
// entry is an English template with `{}` for the parts that vary (a value from the file, a
// number) and its Norwegian text. `{msg}` stands for a whole inner message, translated in turn
// ("row 3, column 2: a quoted field is never closed").
//
// A message the catalogue does not know is shown as it is, in English. The test
// `Messages.EveryPortfolioFormAndImportMessageIsInNorwegian` drives the CSV parsers and the
// portfolio service through the errors they give and checks each against the catalogue, so a
// changed English text fails a test instead of quietly falling back.
#pragma once

#include <string>
#include <string_view>

#include "web/i18n.h"

namespace samspill::web {

// `message` for a page in `lang`: Norwegian from the catalogue, or unchanged.
std::string InLanguage(Lang lang, std::string_view message);

// Whether the catalogue has a Norwegian text for `message` (and for every inner message).
bool HasNorwegian(std::string_view message);

}  // namespace samspill::web
