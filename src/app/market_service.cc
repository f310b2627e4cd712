#include "app/market_service.h"

#include <nlohmann/json.hpp>

#include "market/ingest/ingest.h"
#include "market/ingest/input_kind.h"
#include "market/model/process_json.h"

namespace samspill::app {
namespace {

bool Imports(const Actor& a) { return a.is_system || a.role == Role::kProcurementOfficer; }

// A file that cannot be read (corrupt or truncated gzip) is the file's fault: kInvalidArgument
// on the file field, as the page and the API report the user's own mistakes.
Status Unreadable(const Status& status) {
  if (status.code() == StatusCode::kInternal) return status;
  return InvalidArgument(status.message(), "file");
}

}  // namespace

store::StoredMarketProcess ToStoredMarketProcess(const market::Process& p) {
  store::StoredMarketProcess s;
  s.process_key =
      std::string(p.format == market::SourceFormat::kEforms ? "eforms:" : "ocds:") + p.id;
  s.source = p.source;
  s.buyer = p.buyer.org_number.empty() ? p.buyer.id : p.buyer.org_number;
  s.region = p.region;
  s.published = p.published;
  s.document_json =
      market::ProcessToJson(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  for (const market::Lot& lot : p.lots) {
    s.lots.push_back({lot.id, lot.cpv.empty() ? p.cpv : lot.cpv,
                      lot.bidders ? std::optional<int64_t>(*lot.bidders) : std::nullopt,
                      static_cast<int>(lot.bidder_source)});
  }
  return s;
}

MarketService::MarketService(store::Store& store, const Clock& clock, MarketSettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {}

Status MarketService::CheckImportSize(size_t bytes) const {
  if (bytes <= settings_.max_import_bytes) return Status::Ok();
  return ResourceExhausted("the file is " + std::to_string(bytes) +
                           " bytes; an import takes at most " +
                           std::to_string(settings_.max_import_bytes) + " bytes");
}

Result<MarketImportOutcome> MarketService::ImportExport(const Actor& actor,
                                                        std::string_view filename,
                                                        std::string content) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Imports(actor), actor, "import market data"));
  SAMSPILL_RETURN_IF_ERROR(CheckImportSize(content.size()));
  const std::string name = filename.empty() ? "upload" : std::string(filename);
  // Only the kinds the readers take: anything else would be read as broken OCDS and give
  // a page of JSON errors for what is simply the wrong file.
  Result<market::SniffedInput> sniffed_or =
      market::SniffInput(market::MemoryByteSource(std::move(content), name));
  if (!sniffed_or.ok()) return Unreadable(sniffed_or.status());
  market::SniffedInput& sniffed = *sniffed_or;
  if (sniffed.kind != market::InputKind::kJson && sniffed.kind != market::InputKind::kXml) {
    return InvalidArgument(name + " is not an OCDS JSON file or an eForms XML notice (" +
                               market::InputKindName(sniffed.kind) + ")",
                           "file");
  }
  market::IssueLog issues(settings_.issues_shown);
  std::vector<store::StoredMarketProcess> rows;
  Result<market::IngestSummary> summary = market::ReadMarketSource(
      std::move(sniffed.source), market::IngestOptions{}, issues,
      [&](market::Process&& p) { rows.push_back(ToStoredMarketProcess(p)); });
  if (!summary.ok()) return Unreadable(summary.status());
  if (rows.empty()) {
    return InvalidArgument(name + " holds no contracting process that could be read (" +
                               std::to_string(issues.total()) + " problems in the data)",
                           "file");
  }
  MarketImportOutcome out;
  out.cross_format_duplicates = summary->cross_format_duplicates;
  out.format = summary->files.empty() ? "" : summary->files.front().format;
  out.issues_total = issues.total();
  for (const auto& [kind, n] : issues.counts()) out.issue_counts.push_back({kind, n});
  for (const market::DataIssue& issue : issues.kept()) out.issues.push_back(issue.ToString());

  store::AuditEvent audit;
  audit.at = clock_.Now();
  audit.actor_user_id = actor.user_id;
  audit.actor = actor.username;
  audit.action = "market.import";
  audit.entity_type = "market_import";
  audit.after_json = nlohmann::json{
      {"file", name},
      {"format", out.format},
      {"processes", rows.size()},
      {"cross_format_duplicates", out.cross_format_duplicates},
      {"data_issues",
       out.issues_total}}.dump();
  SAMSPILL_ASSIGN_OR_RETURN(out.imported, store_.ImportMarketProcesses(rows, audit));
  return out;
}

Result<int64_t> AddStoredProcesses(store::MarketStore& store, std::string_view cpv_prefix,
                                   market::ReportBuilder& builder) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredMarketProcess> rows,
                            store.ListMarketProcesses(cpv_prefix.substr(0, 2)));
  for (const store::StoredMarketProcess& row : rows) {
    nlohmann::json doc = nlohmann::json::parse(row.document_json, nullptr, false);
    Result<market::Process> p = market::ProcessFromJson(doc);
    if (!p.ok()) {
      return Internal("stored market process " + row.process_key +
                      " is corrupt: " + p.status().ToString());
    }
    builder.Add(*p);
  }
  return static_cast<int64_t>(rows.size());
}

Result<MarketSection> BuildMarketSection(store::MarketStore& store, std::string_view cpv,
                                         std::string_view region, double low_competition_below) {
  std::string digits;
  for (char ch : cpv.substr(0, cpv.find('-'))) {
    if (ch >= '0' && ch <= '9') digits.push_back(ch);
  }
  if (digits.size() < 2) return InvalidArgument("a CPV code needs at least two digits", "cpv");
  while (digits.size() > 2 && digits.back() == '0') digits.pop_back();
  MarketSection out;
  out.cpv = std::string(cpv);
  out.region = std::string(region);
  market::ReportQuery query;
  query.cpv = digits;
  query.region = std::string(region);
  market::ReportBuilder builder(query);
  SAMSPILL_ASSIGN_OR_RETURN(out.processes, AddStoredProcesses(store, digits, builder));
  out.report = builder.Finish();
  out.low_competition =
      out.report.comparable == 0 || out.report.probability < low_competition_below;
  return out;
}

Result<MarketSection> MarketService::Section(const Actor& actor, std::string_view cpv,
                                             std::string_view region) {
  SAMSPILL_RETURN_IF_ERROR(
      NeedRole(actor.is_system || IsTenderBuyerRole(actor.role), actor, "read market reports"));
  return BuildMarketSection(store_, cpv, region, 0.5);
}

}  // namespace samspill::app
