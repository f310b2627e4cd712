#include "web/start_page.h"

namespace samspill::web {

const std::string& StartPageHtml() {
  static const std::string kHtml = R"html(<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>samspill</title>
<link rel="stylesheet" href="/assets/samspill.css">
</head>
<body>
<header><h1>samspill</h1>
<p>Konkurranseutsetting, anbudskonkurranser, kontraktsoppfølging og partnerskap for kommuner.</p>
</header>
<main>
<h2>JSON-API</h2>
<p>Logg inn med <code>POST /api/session</code> og send tokenet fra svaret som
<code>X-CSRF-Token</code> på alle endringer. Feil svares som
<code>{"error":{"code","message","field"}}</code>.</p>
<table>
<caption>Endepunkter</caption>
<thead><tr><th scope="col">Endepunkt</th><th scope="col">Hva</th><th scope="col">Roller</th></tr></thead>
<tbody>
<tr><td><code>GET /api/health</code></td><td>Driftsstatus</td><td>alle</td></tr>
<tr><td><code>POST /api/session</code></td><td>Logg inn</td><td>alle</td></tr>
<tr><td><code>GET&nbsp;/&nbsp;DELETE /api/session</code></td><td>Innlogget bruker / logg ut</td><td>innlogget</td></tr>
<tr><td><code>POST /api/session/password</code></td><td>Bytt eget passord</td><td>innlogget</td></tr>
<tr><td><code>POST /api/evaluate</code></td><td>Evaluer en tilbudstabell med følsomhetsanalyse</td><td>alle unntatt leverandør</td></tr>
<tr><td><code>GET&nbsp;/&nbsp;POST /api/users</code>, <code>PATCH /api/users/{id}</code></td><td>Brukere og roller</td><td>administrator (revisor leser)</td></tr>
<tr><td><code>GET&nbsp;/&nbsp;POST /api/organisations</code></td><td>Oppdragsgiver og leverandører (organisasjonsnummer kontrolleres)</td><td>innlogget (innkjøper og administrator registrerer)</td></tr>
<tr><td><code>GET /api/audit</code></td><td>Revisjonsspor</td><td>administrator, revisor</td></tr>
</tbody>
</table>
</main>
</body>
</html>
)html";
  return kHtml;
}

const std::string& StylesheetCss() {
  // Served as a file, not inline, so the Content-Security-Policy can forbid inline styles.
  static const std::string kCss =
      R"css(  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
         color: #1b1b1b; line-height: 1.5; }
  h1 { color: #0b3d66; }
  code { background: #f1f3f5; padding: 0 .25rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #ccd; vertical-align: top; }
  a:focus, a:hover { outline: 3px solid #0b3d66; }
)css";
  return kCss;
}

}  // namespace samspill::web
