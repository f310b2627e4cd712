#include "tendering/protocol_html.h"

#include <algorithm>

#include "common/html_escape.h"

namespace samspill::tendering {
namespace {

constexpr std::string_view kCss = R"css(@page { size: A4; margin: 20mm 18mm 22mm; }
body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; font-size: 11pt;
       line-height: 1.45; color: #1b1b1b; background: #fff; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; color: #0b3d66; }
.subtitle { font-size: 1.2rem; margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
          margin: 0 0 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.intro { font-size: .95em; }
section.letter { border-top: 2px solid #0b3d66; margin-top: 1.5rem; padding-top: .5rem; }
h2 { font-size: 1.15rem; margin: 0 0 .4rem; break-after: avoid; page-break-after: avoid; }
.letter-mark { display: inline-block; min-width: 2em; }
.heading-en { display: block; font-size: .8rem; font-weight: normal; font-style: italic;
              color: #4a4a4a; }
.status { margin: .25rem 0 .5rem; }
.status-label { font-weight: 600; padding: 0 .35em; border: 1px solid #6b6b6b; border-radius: 3px; }
.status-not-recorded .status-label { border-color: #7a4500; color: #7a4500; }
dl.entries { margin: 0; }
dl.entries dt { font-weight: 600; margin-top: .4rem; }
dl.entries dd { margin: 0 0 0 1.5rem; white-space: pre-line; overflow-wrap: anywhere; }
.source { font-size: .8em; color: #4a4a4a; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95em; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border: 1px solid #b8bec6;
         white-space: pre-line; overflow-wrap: anywhere; }
thead th { background: #eef2f6; }
tbody tr:nth-child(even) { background: #f7f9fb; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #ccd; font-size: .9em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  section.letter { break-inside: auto; page-break-inside: auto; }
  h2, caption, dl.entries dt { break-after: avoid; page-break-after: avoid; }
  tr, dd { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  thead th, tbody tr:nth-child(even) { -webkit-print-color-adjust: exact;
                                       print-color-adjust: exact; }
}
)css";

std::string SourceNote(ProtocolSource source) {
  return " <span class=\"source\">(kilde: " + EscapeHtml(ProtocolSourceLabelNb(source)) +
         ")</span>";
}

// "not_applicable" → "status-not-applicable": a class name for the section's status.
std::string StatusClass(SectionStatus status) {
  std::string name(SectionStatusName(status));
  std::replace(name.begin(), name.end(), '_', '-');
  return "status-" + name;
}

void AppendTable(const ProtocolTable& table, std::string& out) {
  out += "<table>\n<caption>" + EscapeHtml(table.caption_nb) + SourceNote(table.source) +
         "</caption>\n<thead><tr>";
  for (const std::string& column : table.columns_nb) {
    out += "<th scope=\"col\">" + EscapeHtml(column) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<std::string>& row : table.rows) {
    out += "<tr>";
    for (const std::string& cell : row) out += "<td>" + EscapeHtml(cell) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void AppendSection(const ProtocolSection& s, std::string& out) {
  const std::string letter(1, s.letter);
  const std::string id = "bokstav-" + letter;
  out += "<section class=\"letter " + StatusClass(s.status) + "\" id=\"" + id +
         "\" aria-labelledby=\"" + id + "-tittel\">\n";
  out += "<h2 id=\"" + id + "-tittel\"><span class=\"letter-mark\">" + letter + ")</span> " +
         EscapeHtml(s.heading_nb) + " <span class=\"heading-en\" lang=\"en\">" +
         EscapeHtml(s.heading_en) + "</span></h2>\n";
  out += "<p class=\"status\"><span class=\"status-label\">" +
         EscapeHtml(SectionStatusLabelNb(s.status)) + "</span>";
  if (!s.statement_nb.empty()) out += " " + EscapeHtml(s.statement_nb);
  out += "</p>\n";
  if (!s.entries.empty()) {
    out += "<dl class=\"entries\">\n";
    for (const ProtocolEntry& e : s.entries) {
      out += "<dt>" + EscapeHtml(e.label_nb) + "</dt><dd>" + EscapeHtml(e.value) +
             SourceNote(e.source) + "</dd>\n";
    }
    out += "</dl>\n";
  }
  for (const ProtocolTable& table : s.tables) AppendTable(table, out);
  out += "</section>\n";
}

}  // namespace

std::string_view ProtocolCss() { return kCss; }

std::string ProtocolToHtml(const Protocol& protocol, const ProtocolHtmlOptions& options) {
  const std::string title = EscapeHtml(protocol.title);
  const std::string generated_iso = EscapeHtml(protocol.generated_at.ToIso());
  const std::string generated = EscapeHtml(ProtocolTimeText(protocol.generated_at));
  std::string out;
  out.reserve(16 * 1024);
  out += "<!doctype html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>Anskaffelsesprotokoll – " + title + "</title>\n";
  if (options.styling == ProtocolStyling::kInlineStyle) {
    out += "<style>\n" + std::string(kCss) + "</style>\n";
  } else {
    out += "<link rel=\"stylesheet\" href=\"" + EscapeHtml(options.stylesheet_href) + "\">\n";
  }
  out += "</head>\n<body>\n<header>\n<h1>Anskaffelsesprotokoll</h1>\n";
  out += "<p class=\"subtitle\">" + title + "</p>\n<dl class=\"meta\">\n";
  out += "<dt>Oppdragsgiver</dt><dd>" + EscapeHtml(protocol.buyer_name) + "</dd>\n";
  out += "<dt>Konkurranse</dt><dd>" +
         EscapeHtml(protocol.ocid.empty() ? "nr. " + std::to_string(protocol.tender_id)
                                          : protocol.ocid) +
         "</dd>\n";
  out += "<dt>Status</dt><dd>" + EscapeHtml(TenderStateLabelNb(protocol.state)) + "</dd>\n";
  if (!protocol.legal_basis_nb.empty()) {
    out += "<dt>Hjemmel</dt><dd>" + EscapeHtml(protocol.legal_basis_nb) + "</dd>\n";
  }
  out += "<dt>Laget</dt><dd><time datetime=\"" + generated_iso + "\">" + generated +
         "</time></dd>\n</dl>\n";
  // The letters are § 25-5's list for every part (protocol.h says what was not confirmed).
  out += "<p class=\"intro\">Protokollen føres etter " +
         (protocol.legal_basis_nb.empty() ? std::string("anskaffelsesforskriften")
                                          : EscapeHtml(protocol.legal_basis_nb)) +
         " og følger innholdslisten i § 25-5 bokstav a til p. Alle bokstavene er med: der en "
         "bokstav ikke er aktuell, eller opplysningene ikke er registrert, står det. Kilden til "
         "hver opplysning står i parentes. Tider er oppgitt i norsk tid.</p>\n</header>\n<main>\n";
  for (const ProtocolSection& s : protocol.sections) AppendSection(s, out);
  out += "</main>\n<footer>\n<p>Laget av samspill " + generated +
         ". Protokollen oppbevares i minst tre år etter at kontrakten er inngått.</p>\n"
         "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace samspill::tendering
