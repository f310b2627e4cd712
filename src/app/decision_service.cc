#include "app/decision_service.h"

#include <nlohmann/json.hpp>

#include "decision/baseline_import.h"
#include "decision/decision_case_json.h"
#include "tendering/cpv.h"

namespace samspill::app {
namespace {

using nlohmann::json;

constexpr char kEntity[] = "decision_case";

bool MayWrite(const Actor& actor) { return actor.is_system || IsDecisionWriterRole(actor.role); }
bool MayRead(const Actor& actor) { return actor.is_system || IsDecisionReaderRole(actor.role); }

store::AuditEvent Event(const Clock& clock, const Actor& actor, std::string action,
                        std::optional<int64_t> id, json details) {
  store::AuditEvent e;
  e.at = clock.Now();
  e.actor_user_id = actor.user_id;
  e.actor = actor.username;
  e.action = std::move(action);
  e.entity_type = kEntity;
  if (id) e.entity_id = std::to_string(*id);
  e.after_json = details.is_null() ? "{}" : details.dump();
  return e;
}

// The CPV code must be one of CPV 2008, like a tender's (docs/decisions/0025).
Status CheckCaseCpv(const decision::DecisionCase& c) {
  if (c.cpv.empty()) return Status::Ok();
  Status s = tendering::CheckCpvCode(c.cpv);
  if (s.ok()) return s;
  return Status(s.code(), s.message(), "cpv");
}

}  // namespace

DecisionService::DecisionService(store::Store& store, const Clock& clock, DecisionSettings settings)
    : store_(store), clock_(clock), settings_(settings) {}

Result<std::vector<DecisionCaseSummary>> DecisionService::ListCases(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayRead(actor), actor, "read decision cases"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredDecisionCase> rows,
                            store_.ListDecisionCases());
  std::vector<DecisionCaseSummary> out;
  for (const store::StoredDecisionCase& row : rows) {
    SAMSPILL_ASSIGN_OR_RETURN(decision::DecisionCase c,
                              decision::ParseDecisionCaseJson(row.document_json));
    DecisionCaseSummary s{row.id,       row.title,   row.service_area, row.decided,   "",
                          std::nullopt, c.tender_id, row.version,      row.updated_at};
    if (c.decision) {
      s.outcome = std::string(decision::OutcomeName(c.decision->outcome));
      s.decided_on = c.decision->decided_on;
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<DecisionCaseView> DecisionService::ViewOf(const Actor& actor,
                                                 const store::StoredDecisionCase& stored) {
  Result<decision::DecisionCase> c = decision::ParseDecisionCaseJson(stored.document_json);
  if (!c.ok()) {
    return Internal("stored decision case " + std::to_string(stored.id) +
                    " is corrupt: " + c.status().ToString());
  }
  DecisionCaseView view;
  view.id = stored.id;
  view.version = stored.version;
  view.created_at = stored.created_at;
  view.updated_at = stored.updated_at;
  view.c = std::move(*c);
  SAMSPILL_ASSIGN_OR_RETURN(view.totals, decision::ComputeTotals(view.c.business_case));
  SAMSPILL_ASSIGN_OR_RETURN(view.monte_carlo,
                            decision::MonteCarlo(view.c.business_case, view.c.monte_carlo));
  view.baseline_totals = decision::BaselineTotals(view.c.baseline);
  if (view.c.decision) {
    SAMSPILL_ASSIGN_OR_RETURN(json figures, decision::CaseFiguresJson(view.c));
    view.figures_as_decided = figures.dump() == view.c.decision->figures_json;
  }
  view.can_edit = MayWrite(actor) && !view.c.decision;
  return view;
}

Result<DecisionCaseView> DecisionService::GetCase(const Actor& actor, int64_t id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayRead(actor), actor, "read decision cases"));
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredDecisionCase stored, store_.FindDecisionCase(id));
  return ViewOf(actor, stored);
}

Result<DecisionCaseView> DecisionService::Store(const Actor& actor, std::optional<int64_t> id,
                                                int64_t version, const decision::DecisionCase& c,
                                                std::string action) {
  SAMSPILL_RETURN_IF_ERROR(decision::ValidateDecisionCase(c));
  SAMSPILL_RETURN_IF_ERROR(CheckCaseCpv(c));
  const std::string document = decision::DecisionCaseToJson(c).dump();
  if (document.size() > decision::kMaxDecisionCaseJsonBytes) {
    return ResourceExhausted("the case is larger than " +
                             std::to_string(decision::kMaxDecisionCaseJsonBytes >> 20) +
                             " MB; split it into several cases");
  }
  json details = {{"title", c.title}, {"version", version}};
  if (c.decision) {
    details["outcome"] = decision::OutcomeName(c.decision->outcome);
    details["figures_sha256"] = c.decision->figures_sha256;
  }
  store::AuditEvent e = Event(clock_, actor, std::move(action), id, details);
  if (!id) {
    store::StoredDecisionCase row;
    row.title = c.title;
    row.service_area = c.service_area;
    row.decided = c.decision.has_value();
    row.created_by_user_id = actor.user_id;
    row.document_json = document;
    SAMSPILL_ASSIGN_OR_RETURN(store::StoredDecisionCase stored,
                              store_.CreateDecisionCase(row, std::move(e)));
    return ViewOf(actor, stored);
  }
  store::DecisionCaseUpdate update{
      *id, version, c.title, c.service_area, c.decision.has_value(), document};
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredDecisionCase stored,
                            store_.UpdateDecisionCase(update, std::move(e)));
  return ViewOf(actor, stored);
}

Result<DecisionCaseView> DecisionService::CreateCase(const Actor& actor, decision::DecisionCase c) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "create decision cases"));
  if (c.decision || c.tender_id) {
    return InvalidArgument("a new case is not decided yet: record the decision on the case",
                           "decision");
  }
  return Store(actor, std::nullopt, 0, c, "decision.case.create");
}

Result<DecisionCaseView> DecisionService::StartCase(const Actor& actor, std::string title,
                                                    std::string service_area, int first_year,
                                                    int last_year) {
  return CreateCase(
      actor, decision::NewCase(std::move(title), std::move(service_area), first_year, last_year));
}

template <typename ChangeFn>
Result<DecisionCaseView> DecisionService::Edit(const Actor& actor, int64_t id, int64_t version,
                                               std::string action, ChangeFn&& change) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "change decision cases"));
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredDecisionCase stored, store_.FindDecisionCase(id));
  if (stored.version != version) {
    return Conflict("the decision case was changed by someone else (version " +
                    std::to_string(stored.version) + ", not " + std::to_string(version) +
                    "); reload and try again");
  }
  SAMSPILL_ASSIGN_OR_RETURN(decision::DecisionCase c,
                            decision::ParseDecisionCaseJson(stored.document_json));
  SAMSPILL_RETURN_IF_ERROR(change(c));
  return Store(actor, id, version, c, std::move(action));
}

Result<DecisionCaseView> DecisionService::ReplaceCase(const Actor& actor, int64_t id,
                                                      int64_t version, decision::DecisionCase c) {
  return Edit(actor, id, version, "decision.case.update", [&](decision::DecisionCase& stored) {
    SAMSPILL_RETURN_IF_ERROR(decision::CheckEditable(stored));
    c.decision = stored.decision;
    c.tender_id = stored.tender_id;
    stored = std::move(c);
    return Status::Ok();
  });
}

Result<DecisionCaseView> DecisionService::UpdateDetails(const Actor& actor, int64_t id,
                                                        int64_t version,
                                                        const CaseDetails& details) {
  return Edit(actor, id, version, "decision.case.update", [&](decision::DecisionCase& c) {
    SAMSPILL_RETURN_IF_ERROR(decision::CheckEditable(c));
    c.title = details.title;
    c.service_area = details.service_area;
    c.description = details.description;
    c.cpv = details.cpv;
    c.region = details.region;
    SAMSPILL_RETURN_IF_ERROR(decision::SetOperatingCostPerYear(c, details.operating_cost_per_year));
    if (details.monte_carlo_seed > 0) {
      c.monte_carlo.seed = static_cast<uint64_t>(details.monte_carlo_seed);
    }
    return Status::Ok();
  });
}

Result<DecisionCaseView> DecisionService::AddItems(const Actor& actor, int64_t id, int64_t version,
                                                   const decision::CaseItem& item, int from_year,
                                                   int to_year) {
  return Edit(actor, id, version, "decision.item.add", [&](decision::DecisionCase& c) {
    return decision::AddItems(c, item, from_year, to_year);
  });
}

Result<DecisionCaseView> DecisionService::RemoveItems(const Actor& actor, int64_t id,
                                                      int64_t version, size_t first, size_t count) {
  return Edit(actor, id, version, "decision.item.remove",
              [&](decision::DecisionCase& c) { return decision::RemoveItems(c, first, count); });
}

Result<DecisionCaseView> DecisionService::AddAlternative(const Actor& actor, int64_t id,
                                                         int64_t version, std::string_view name) {
  return Edit(actor, id, version, "decision.alternative.add", [&](decision::DecisionCase& c) {
    return decision::AddAlternative(c, name).status();
  });
}

Result<DecisionCaseView> DecisionService::RenameAlternative(const Actor& actor, int64_t id,
                                                            int64_t version,
                                                            std::string_view alternative,
                                                            std::string_view name) {
  return Edit(actor, id, version, "decision.alternative.rename", [&](decision::DecisionCase& c) {
    return decision::RenameAlternative(c, alternative, name);
  });
}

Result<DecisionCaseView> DecisionService::RemoveAlternative(const Actor& actor, int64_t id,
                                                            int64_t version,
                                                            std::string_view alternative) {
  return Edit(actor, id, version, "decision.alternative.remove", [&](decision::DecisionCase& c) {
    return decision::RemoveAlternative(c, alternative);
  });
}

Result<DecisionCaseView> DecisionService::PutRisk(const Actor& actor, int64_t id, int64_t version,
                                                  const decision::Risk& risk) {
  return Edit(actor, id, version, "decision.risk.save",
              [&](decision::DecisionCase& c) { return decision::PutRisk(c, risk); });
}

Result<DecisionCaseView> DecisionService::RemoveRisk(const Actor& actor, int64_t id,
                                                     int64_t version, std::string_view risk_id) {
  return Edit(actor, id, version, "decision.risk.remove",
              [&](decision::DecisionCase& c) { return decision::RemoveRisk(c, risk_id); });
}

Result<DecisionCaseView> DecisionService::PutUnitYear(const Actor& actor, int64_t id,
                                                      int64_t version, std::string_view unit_id,
                                                      std::string_view unit_name,
                                                      int kostra_function,
                                                      const decision::UnitYear& year) {
  return Edit(actor, id, version, "decision.baseline.save", [&](decision::DecisionCase& c) {
    return decision::PutUnitYear(c, unit_id, unit_name, kostra_function, year);
  });
}

Result<BaselineImportOutcome> DecisionService::ImportBaseline(const Actor& actor, int64_t id,
                                                              int64_t version,
                                                              const BaselineFile& file) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "import baselines"));
  if (file.content.size() > settings_.max_import_bytes) {
    return ResourceExhausted("the file is larger than " +
                             std::to_string(settings_.max_import_bytes >> 20) + " MB");
  }
  if (file.content.empty()) return InvalidArgument("the file is empty", "file");
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredDecisionCase stored, store_.FindDecisionCase(id));
  SAMSPILL_ASSIGN_OR_RETURN(decision::DecisionCase current,
                            decision::ParseDecisionCaseJson(stored.document_json));
  SAMSPILL_RETURN_IF_ERROR(decision::CheckEditable(current));
  // An xlsx file is a zip archive: "PK\3\4".
  const bool xlsx = file.content.rfind("PK\x03\x04", 0) == 0;
  SAMSPILL_ASSIGN_OR_RETURN(
      decision::BaselineImport read,
      xlsx ? decision::ImportBaselineXlsx(file.content, current.baseline.grouping)
           : decision::ImportBaselineCsv(file.content, current.baseline.grouping));
  BaselineImportOutcome out;
  for (const auto& e : read.errors) out.errors.push_back({e.row, e.column, e.message});
  if (!out.errors.empty()) return out;
  SAMSPILL_ASSIGN_OR_RETURN(
      DecisionCaseView view,
      Edit(actor, id, version, "decision.baseline.import", [&](decision::DecisionCase& c) {
        return decision::ReplaceBaselineUnits(c, std::move(read.units));
      }));
  out.view = std::move(view);
  return out;
}

Result<DecisionCaseView> DecisionService::Decide(const Actor& actor, int64_t id, int64_t version,
                                                 decision::CaseDecision d) {
  return Edit(actor, id, version, "decision.case.decide", [&](decision::DecisionCase& c) {
    SAMSPILL_ASSIGN_OR_RETURN(json figures, decision::CaseFiguresJson(c));
    return decision::Decide(c, std::move(d), actor.username, figures.dump());
  });
}

Result<DecisionCaseView> DecisionService::LinkTender(const Actor& actor, int64_t id,
                                                     int64_t version, int64_t tender_id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "link tenders to decision cases"));
  Result<store::StoredTender> tender = store_.FindTender(tender_id);
  if (!tender.ok()) {
    if (tender.status().code() == StatusCode::kNotFound) {
      return InvalidArgument("there is no tender " + std::to_string(tender_id), "tender_id");
    }
    return tender.status();
  }
  return Edit(actor, id, version, "decision.case.link_tender",
              [&](decision::DecisionCase& c) { return decision::LinkTender(c, tender_id); });
}

Result<std::string> DecisionService::FiguresJson(const Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(DecisionCaseView view, GetCase(actor, id));
  if (view.c.decision) return view.c.decision->figures_json;
  SAMSPILL_ASSIGN_OR_RETURN(json figures, decision::CaseFiguresJson(view.c));
  return figures.dump();
}

Result<MarketSection> DecisionService::Market(const Actor& actor, std::string_view cpv,
                                              std::string_view region) {
  SAMSPILL_RETURN_IF_ERROR(
      NeedRole(MayRead(actor) || IsTenderBuyerRole(actor.role), actor, "read market reports"));
  return BuildMarketSection(store_, cpv, region, settings_.low_competition);
}

}  // namespace samspill::app
