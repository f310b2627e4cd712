// HTML escaping for text that samspill writes into HTML documents (the procurement protocol).
//
// Every piece of user- or supplier-written text (titles, names, reasons) goes through
// EscapeHtml() before it is placed in element content or a double- or single-quoted attribute
// value; nothing from outside is ever written raw. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace samspill {

// Replaces & < > " ' with &amp; &lt; &gt; &quot; &#39;; every other byte (UTF-8 included) is
// kept as it is.
std::string EscapeHtml(std::string_view text);

}  // namespace samspill
