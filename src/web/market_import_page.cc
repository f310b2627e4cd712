// The procurement officer's market data import: /marked/import takes an OCDS or Doffin eForms
// export as a file in a multipart/form-data form (docs/decisions/0014) and the API takes the
// same file as the body of POST /api/market/imports. app::MarketService reads and stores it
// all or nothing; this file only parses the request and says what happened: how many
// processes were imported and the problems found in the data, or why nothing was.
#include <string>

#include "common/format_nb.h"
#include "web/actor.h"
#include "web/i18n.h"
#include "web/market_routes.h"
#include "web/messages.h"

namespace samspill::web {
namespace {

constexpr char kPath[] = "/marked/import";

// "3 MB", "2,5 MB".
std::string Megabytes(Lang lang, size_t bytes) {
  if (bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MB";
  return FormatDecimal(lang, static_cast<double>(bytes) / (1 << 20), 1) + " MB";
}

std::string ImportForm(const PageRequest& req, const app::MarketService& market,
                       const std::string& error) {
  const std::string hint = std::string(req.T("mk.import_file_hint")) + " " +
                           Megabytes(req.lang, market.settings().max_import_bytes) + ".";
  std::string described = "file-hint";
  std::string out = std::string("<form method=\"post\" action=\"") + kPath +
                    "\" enctype=\"multipart/form-data\" class=\"stack\">" + CsrfField(req) +
                    "<div class=\"field\"><label for=\"file\">" + H(req.T("mk.import_file")) +
                    "</label><p class=\"hint\" id=\"file-hint\">" + H(hint) + "</p>";
  if (!error.empty()) {
    out += "<p class=\"field-error\" id=\"file-error\">" + H(error) + "</p>";
    described += " file-error";
  }
  out +=
      "<input type=\"file\" id=\"file\" name=\"file\" "
      "accept=\".json,.jsonl,.xml,.gz,application/json,application/xml,text/xml\" "
      "aria-describedby=\"" +
      described + "\"" + (error.empty() ? "" : " aria-invalid=\"true\"") +
      "></div><button type=\"submit\">" + H(req.T("mk.import_submit")) + "</button></form>";
  return out;
}

// What was imported, and the problems in the data by kind with the first few named.
std::string Outcome(const PageRequest& req, const std::string& filename,
                    const app::MarketImportOutcome& outcome) {
  std::string out = "<div class=\"notice\" role=\"status\"><p>" +
                    GroupDigits(outcome.imported, "\u00a0") + " " + H(req.T("mk.imported")) + " «" +
                    H(filename) + "».</p>";
  if (outcome.cross_format_duplicates > 0) {
    out += "<p>" + std::to_string(outcome.cross_format_duplicates) + " " +
           H(req.T("mk.duplicates")) + "</p>";
  }
  out += "</div>";
  std::string issues;
  if (outcome.issues_total == 0) {
    issues = "<p>" + H(req.T("mk.issues_none")) + "</p>";
  } else {
    issues = "<p>" + std::to_string(outcome.issues_total) + " " + H(req.T("mk.issues_count")) +
             "</p><table><caption>" + H(req.T("mk.issues_by_kind")) + "</caption>" +
             Head(req, {"mk.issue_kind", "mk.issue_count"}) + "<tbody>";
    for (const auto& [kind, n] : outcome.issue_counts) {
      issues += Row({"<code>" + H(kind) + "</code>", std::to_string(n)});
    }
    issues += "</tbody></table><p>" + H(req.T("mk.issues_first")) + "</p><ul class=\"issues\">";
    for (const std::string& issue : outcome.issues)
      issues += "<li><code>" + H(issue) + "</code></li>";
    issues += "</ul>";
  }
  return out + Section("issues", req.T("mk.issues"), issues);
}

Result<PageResponse> ImportPage(PageRequest& req, app::MarketService& market, bool post) {
  const std::string title(req.T("mk.import"));
  const std::string intro = "<h1>" + H(title) + "</h1><p>" + H(req.T("mk.import_intro")) + "</p>";
  auto page = [&](int code, const std::string& top, const std::string& error) {
    return PageResponse{
        code, RenderLayout(req, title, intro + top + ImportForm(req, market, error)), "", {}};
  };
  if (!post) return page(200, "", "");

  std::optional<Upload> file = req.File("file");
  if (!file) {
    const std::string message(req.T("mk.import_missing"));
    return page(400, ErrorSummary(req, {{"file", message}}), message);
  }
  if (!market.CheckImportSize(file->content.size()).ok()) {
    const std::string message = std::string(req.T("mk.import_too_large")) + " " +
                                Megabytes(req.lang, file->content.size()) + ". " +
                                std::string(req.T("mk.import_limit")) + " " +
                                Megabytes(req.lang, market.settings().max_import_bytes) + ".";
    return page(413, ErrorSummary(req, {{"file", message}}), message);
  }
  const std::string filename = file->filename;
  Result<app::MarketImportOutcome> outcome =
      market.ImportExport(Who(req), filename, std::move(file->content));
  if (!outcome.ok() && outcome.status().code() == StatusCode::kInvalidArgument) {
    const std::string message = std::string(req.T("mk.import_nothing")) + " " +
                                InLanguage(req.lang, outcome.status().message());
    return page(400, ErrorSummary(req, {{"file", message}}), message);
  }
  // A permission error is the error page, as on every other form.
  if (!outcome.ok()) return outcome.status();
  return page(200, Outcome(req, filename, *outcome), "");
}

}  // namespace

std::vector<PageRoute> MarketPageRoutes(app::MarketService& market) {
  std::vector<PageRoute> routes;
  for (const bool post : {false, true}) {
    routes.push_back({post ? "POST" : "GET",
                      kPath,
                      false,
                      {Role::kProcurementOfficer},
                      [&market, post](PageRequest& req) { return ImportPage(req, market, post); }});
  }
  return routes;
}

std::vector<Route> MarketApiRoutes(app::MarketService& market) {
  std::vector<Route> routes;
  routes.push_back(
      {"POST",
       "/api/market/imports",
       false,
       {Role::kProcurementOfficer},
       [&market](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_RETURN_IF_ERROR(market.CheckImportSize(req.http.body.size()));
         const std::string filename = req.http.Param("filename");
         SAMSPILL_ASSIGN_OR_RETURN(app::MarketImportOutcome outcome,
                                   market.ImportExport(Who(req), filename, req.http.body));
         nlohmann::json counts = nlohmann::json::object();
         for (const auto& [kind, n] : outcome.issue_counts) counts[kind] = n;
         return ApiResponse{200,
                            {{"imported", outcome.imported},
                             {"format", outcome.format},
                             {"cross_format_duplicates", outcome.cross_format_duplicates},
                             {"issues_total", outcome.issues_total},
                             {"issue_counts", counts},
                             {"issues", outcome.issues}},
                            {}};
       }});
  return routes;
}

}  // namespace samspill::web
