// ProtocolToHtml: the procurement protocol (protocol.h) as a complete, printable HTML5 document in
// Norwegian (bokmål), for the server to show and the CLI to write to a file.
//
// Every piece of text from the protocol is escaped (common/html_escape.h); the document has no
// scripts, no inline style attributes and no external resources besides the optional stylesheet
// link. Styling is either linked (the server: its Content-Security-Policy forbids inline styles,
// so it serves ProtocolCss() at the linked address) or inlined in a <style> element (a standalone
// file). The CSS is print-friendly: A4 pages, table headers repeated on each page, no page break
// right after a heading. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "tendering/protocol.h"

namespace samspill::tendering {

// Stored in no file; the caller picks one per output. Never renumber.
enum class ProtocolStyling {
  kStylesheetLink = 1,  // <link rel="stylesheet" href="stylesheet_href">
  kInlineStyle = 2,     // <style>ProtocolCss()</style>
};

struct ProtocolHtmlOptions {
  ProtocolStyling styling = ProtocolStyling::kStylesheetLink;
  std::string stylesheet_href = "/assets/protocol.css";  // used with kStylesheetLink
};

std::string ProtocolToHtml(const Protocol& protocol, const ProtocolHtmlOptions& options = {});

// The protocol's stylesheet (screen and print).
std::string_view ProtocolCss();

}  // namespace samspill::tendering
