// The shared stylesheet, served at /assets/samspill.css: the pages' layout, forms, tables,
// charts and focus styles (WCAG 2.1 AA contrast). A file, not inline styles, so the
// Content-Security-Policy can forbid inline styles.
#pragma once

#include <string>

namespace samspill::web {

const std::string& StylesheetCss();

}  // namespace samspill::web
