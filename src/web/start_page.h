// The page served at "/": says what this samspill installation offers and how to reach
// its JSON API. Static HTML (no user data, nothing to escape), Norwegian bokmål.
#pragma once

#include <string>

namespace samspill::web {

const std::string& StartPageHtml();
// The shared stylesheet at /assets/samspill.css.
const std::string& StylesheetCss();

}  // namespace samspill::web
