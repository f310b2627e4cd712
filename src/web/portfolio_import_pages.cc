// The portfolio's CSV imports for the coordinator: projects at /portefolje/import and indicator
// targets and figures at /portefolje/maltall/import. The CSV comes as a file chosen in
// <input type="file"> (the form is multipart/form-data) or as pasted text; a chosen file wins.
// Every row and column in error is listed and nothing is stored unless every row is right —
// PortfolioService imports all or nothing. A CSV above the service's max_import_bytes is refused
// with its size before it is read (docs/decisions/0014).
#include <functional>

#include "app/portfolio_service.h"
#include "web/actor.h"
#include "web/i18n.h"
#include "web/page.h"
#include "web/portfolio_pages.h"

namespace samspill::web {
namespace {

// What differs between the two import pages.
struct ImportKind {
  std::string path;          // where the form posts
  const char* title_key;     // the page's h1
  const char* columns_key;   // which columns the CSV has
  const char* imported_key;  // "… prosjekter importert."
  std::string result_path;   // where to see what was imported
  const char* result_key;
  std::function<Result<app::ImportOutcome>(app::PortfolioService&, const app::Actor&,
                                           std::string_view)>
      import;
};

ImportKind Projects() {
  return {"/portefolje/import",
          "pf.import",
          "pf.import_columns",
          "pf.imported",
          "/portefolje",
          "pf.title",
          [](app::PortfolioService& p, const app::Actor& a, std::string_view csv) {
            return p.ImportProjectsCsv(a, csv);
          }};
}

ImportKind Indicators() {
  return {"/portefolje/maltall/import",
          "pf.import_indicators",
          "pf.import_indicator_columns",
          "pf.imported_indicators",
          "/portefolje/maltall",
          "pf.targets",
          [](app::PortfolioService& p, const app::Actor& a, std::string_view csv) {
            return p.ImportIndicatorsCsv(a, csv);
          }};
}

// The CSV to import: the uploaded file when one was chosen, else the pasted text.
struct CsvSource {
  std::string text;
  std::string field;     // the form field errors point to: "file" or "csv"
  std::string filename;  // of an upload
};

std::optional<CsvSource> SourceOf(const PageRequest& req) {
  if (std::optional<Upload> file = req.File("file")) {
    return CsvSource{std::move(file->content), "file", std::move(file->filename)};
  }
  std::string pasted = req.Param("csv");
  if (pasted.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
  return CsvSource{std::move(pasted), "csv", ""};
}

// "2 MB", "2,5 MB".
std::string Megabytes(Lang lang, size_t bytes) {
  if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  return FormatDecimal(lang, static_cast<double>(bytes) / (1 << 20), 1) + " MB";
}

// A field's label, hint and (when there is one) its error, as the tender form writes them.
std::string FieldStart(const std::string& id, std::string_view label, std::string_view hint,
                       const std::string& error) {
  std::string out = "<div class=\"field\"><label for=\"" + id + "\">" + H(label) + "</label>";
  if (!hint.empty()) out += "<p class=\"hint\" id=\"" + id + "-hint\">" + H(hint) + "</p>";
  if (!error.empty()) {
    out += "<p class=\"field-error\" id=\"" + id + "-error\">" + H(error) + "</p>";
  }
  return out;
}

std::string Described(const std::string& id, bool has_hint, const std::string& error) {
  std::string ids = has_hint ? id + "-hint" : "";
  if (!error.empty()) ids += (ids.empty() ? "" : " ") + id + "-error";
  std::string out = ids.empty() ? "" : " aria-describedby=\"" + ids + "\"";
  if (!error.empty()) out += " aria-invalid=\"true\"";
  return out;
}

// The form: a file input and a text area for pasting; `field_error` is shown beside the field
// errors point to, and pasted text is kept.
std::string ImportForm(const PageRequest& req, const app::PortfolioService& portfolio,
                       const ImportKind& kind, const std::string& pasted,
                       const std::string& error_field, const std::string& field_error) {
  const std::string file_error = error_field == "file" ? field_error : "";
  const std::string csv_error = error_field == "csv" ? field_error : "";
  const std::string file_hint = std::string(req.T("pf.import_file_hint")) + " " +
                                Megabytes(req.lang, portfolio.settings().max_import_bytes) + ".";
  return "<form method=\"post\" action=\"" + H(kind.path) +
         "\" enctype=\"multipart/form-data\" class=\"stack\">" + CsrfField(req) +
         FieldStart("file", req.T("pf.import_file"), file_hint, file_error) +
         "<input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv\"" +
         Described("file", true, file_error) + "></div>" +
         FieldStart("csv", req.T("pf.import_label"), req.T("pf.import_paste_hint"), csv_error) +
         "<textarea id=\"csv\" name=\"csv\" rows=\"10\"" + Described("csv", true, csv_error) + ">" +
         H(pasted) + "</textarea></div><button type=\"submit\">" + H(req.T("pf.import_submit")) +
         "</button></form>";
}

Result<PageResponse> ImportPage(PageRequest& req, app::PortfolioService& portfolio,
                                const ImportKind& kind, bool post) {
  const std::string title(req.T(kind.title_key));
  std::string body = "<h1>" + H(title) + "</h1><p>" + H(req.T(kind.columns_key)) + "</p>";
  auto page = [&](int code, const std::string& top, const std::string& pasted,
                  const std::string& error_field,
                  const std::string& field_error) -> Result<PageResponse> {
    return PageResponse{
        code,
        RenderLayout(
            req, title,
            body + top + ImportForm(req, portfolio, kind, pasted, error_field, field_error)),
        "",
        {}};
  };
  if (!post) return page(200, "", "", "", "");

  std::optional<CsvSource> source = SourceOf(req);
  const std::string pasted = req.Param("csv");
  if (!source) {
    const std::string message(req.T("pf.import_missing"));
    return page(400, ErrorSummary(req, {{"file", message}}), pasted, "file", message);
  }
  if (!portfolio.CheckImportSize(source->text).ok()) {
    const std::string message = std::string(req.T("pf.import_too_large")) + " " +
                                Megabytes(req.lang, source->text.size()) + ". " +
                                std::string(req.T("pf.import_limit")) + " " +
                                Megabytes(req.lang, portfolio.settings().max_import_bytes) + ".";
    return page(413, ErrorSummary(req, {{source->field, message}}), pasted, source->field, message);
  }
  // A permission error is the error page, as on every other form.
  SAMSPILL_ASSIGN_OR_RETURN(app::ImportOutcome outcome,
                            kind.import(portfolio, Who(req), source->text));
  if (!outcome.errors.empty()) {
    std::vector<std::pair<std::string, std::string>> errors;
    for (const portfolio::RowError& e : outcome.errors) {
      errors.push_back({source->field, RowErrorText(req, e)});
    }
    std::string what = source->filename.empty() ? std::string(req.T("pf.import_text"))
                                                : std::string(req.T("pf.import_the_file")) + " «" +
                                                      source->filename + "»";
    const std::string message = what + ": " + std::to_string(outcome.errors.size()) + " " +
                                std::string(req.T("pf.import_errors")) + " " +
                                std::string(req.T("pf.import_nothing"));
    return page(400, ErrorSummary(req, errors), pasted, source->field, message);
  }
  std::string done = "<div class=\"notice\" role=\"status\"><p>" +
                     std::to_string(outcome.imported) + " " + H(req.T(kind.imported_key)) +
                     " <a href=\"" + H(kind.result_path) + "\">" + H(req.T(kind.result_key)) +
                     "</a></p>";
  if (!outcome.duplicates.empty()) {
    done += "<p><a href=\"/portefolje/duplikater\">" + H(req.T("pf.duplicates")) + " (" +
            std::to_string(outcome.duplicates.size()) + ")</a></p>";
  }
  return page(200, done + "</div>", "", "", "");
}

}  // namespace

std::vector<PageRoute> PortfolioImportRoutes(app::PortfolioService& portfolio) {
  std::vector<PageRoute> routes;
  for (const ImportKind& kind : {Projects(), Indicators()}) {
    for (const bool post : {false, true}) {
      routes.push_back({post ? "POST" : "GET",
                        kind.path,
                        false,
                        {Role::kPartnershipCoordinator},
                        [&portfolio, kind, post](PageRequest& req) {
                          return ImportPage(req, portfolio, kind, post);
                        }});
    }
  }
  return routes;
}

}  // namespace samspill::web
