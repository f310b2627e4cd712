// The check list before publishing (GET /anbud/{id}/kunngjoring): the legal regime with its
// reason, the timeline's findings, the lots and the award criteria as they will be announced,
// and — when publishing would be refused — every reason why, instead of the "Kunngjør" button.
// Publishing happens from here (POST /anbud/{id}/handling/publish). The checks are the
// domain's (tendering::Tender::CheckPublication, through TenderService); this page only
// renders them in the page's language.
#include <cstdio>

#include "app/tender_service.h"
#include "tendering/tender.h"
#include "web/actor.h"
#include "web/messages.h"
#include "web/page.h"

namespace samspill::web {
namespace {

std::string SeverityText(const PageRequest& req, tendering::Severity severity) {
  const bool en = req.lang == Lang::kEn;
  switch (severity) {
    case tendering::Severity::kError:
      return en ? "Error" : "Feil";
    case tendering::Severity::kWarning:
      return en ? "Warning" : "Advarsel";
    case tendering::Severity::kInfo:
      return en ? "Note" : "Merknad";
  }
  return "";
}

std::string RegimeSection(const PageRequest& req, const tendering::PublicationCheck& check) {
  const bool en = req.lang == Lang::kEn;
  std::string body = "<p>" +
                     H(en ? "Decided on the publication date " : "Avgjort på kunngjøringsdatoen ") +
                     H(FormatDate(req.lang, check.publication)) + ".</p>";
  if (check.regime) {
    body += "<p><strong>" +
            H(en ? tendering::LegalRegimeLabelEn(check.regime->regime)
                 : tendering::LegalRegimeLabelNb(check.regime->regime)) +
            "</strong> – " + H(en ? check.regime->explanation_en : check.regime->explanation_nb) +
            "</p>";
  } else {
    body += "<p>" + H(req.T("tender.regime_pending")) + "</p>";
  }
  return Section("regime", req.T("tender.regime"), body);
}

std::string FindingsSection(const PageRequest& req, const tendering::PublicationCheck& check) {
  const bool en = req.lang == Lang::kEn;
  if (check.findings.empty()) {
    return Section("timeline", req.T("tender.timeline"),
                   "<p>" +
                       H(en ? "The timeline check found nothing to remark."
                            : "Kontrollen av tidslinjen fant ingenting å bemerke.") +
                       "</p>");
  }
  std::string rows;
  for (const tendering::TimelineFinding& f : check.findings) {
    const std::string milestone = "milestone." + std::string(tendering::MilestoneName(f.milestone));
    rows += "<tr class=\"finding-" +
            std::string(f.severity == tendering::Severity::kError     ? "error"
                        : f.severity == tendering::Severity::kWarning ? "warning"
                                                                      : "info") +
            "\"><td>" + H(SeverityText(req, f.severity)) + "</td><td>" + H(req.T(milestone)) +
            "</td><td>" + H(InLanguage(req.lang, f.message)) + "</td></tr>";
  }
  return Section("timeline", req.T("tender.timeline"),
                 "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">" +
                     H(en ? "Kind" : "Type") + "</th><th scope=\"col\">" +
                     H(en ? "Milestone" : "Milepæl") + "</th><th scope=\"col\">" +
                     H(en ? "Finding" : "Funn") + "</th></tr></thead><tbody>" + rows +
                     "</tbody></table></div>");
}

std::string LotsSection(const PageRequest& req, const tendering::TenderDraft& d) {
  const bool en = req.lang == Lang::kEn;
  if (d.lots.empty()) {
    std::string body =
        "<p>" + H(en ? "One undivided contract." : "Én samlet kontrakt, ikke delt opp.") + "</p>";
    if (!d.why_not_divided.empty()) {
      body += "<p>" + H(en ? "Why not divided: " : "Hvorfor ikke delt opp: ") +
              H(d.why_not_divided) + "</p>";
    }
    return Section("lots", req.T("tender.lots"), body);
  }
  std::string rows;
  for (const tendering::Lot& lot : d.lots) {
    rows += Row({H(lot.id), H(lot.title), H(FormatMoney(req.lang, lot.estimated_value))});
  }
  return Section("lots", req.T("tender.lots"),
                 "<table>" + Head(req, {"col.lot", "col.title", "tender.value"}) + "<tbody>" +
                     rows + "</tbody></table>");
}

std::string CriteriaList(const PageRequest& req, const tendering::TenderDraft& d) {
  const bool en = req.lang == Lang::kEn;
  const tendering::AwardModel& model = d.award_model;
  if (model.criteria.empty()) {
    return Section(
        "criteria", req.T("tender.criteria"),
        "<p>" + H(en ? "No award criteria yet." : "Ingen tildelingskriterier ennå.") + "</p>");
  }
  std::string rows;
  for (const evaluation::Criterion& c : model.criteria) {
    std::string weight = "–";
    if (model.weighting == evaluation::Weighting::kWeights) {
      weight =
          FormatDecimal(req.lang, c.weight, c.weight == static_cast<int64_t>(c.weight) ? 0 : 1) +
          " %";
    } else if (model.weighting == evaluation::Weighting::kPriorityRankOrderCentroid) {
      weight = "#" + std::to_string(c.priority);
    }
    rows += Row({H(c.name.empty() ? c.id : c.name),
                 H(req.T("kind." + std::string(evaluation::CriterionKindName(c.kind)))), weight});
  }
  std::string body =
      "<p>" + H(req.T("tender.price_model")) + ": <strong>" +
      H(req.T("price_model." + std::string(evaluation::PriceModelName(model.price_model)))) +
      "</strong></p><table>" + Head(req, {"col.criterion", "col.kind", "col.weight"}) + "<tbody>" +
      rows + "</tbody></table>";
  if (d.award_rules.climate_weight_required) {
    body += "<p>" +
            H(d.award_rules.climate_exception.empty()
                  ? (en ? "FOA § 7-9 applies: climate and environment weigh at least 30 %."
                        : "FOA § 7-9 gjelder: klima og miljø vektes minst 30 %.")
                  : (en ? "Documented exception from the 30 % climate rule: "
                        : "Dokumentert unntak fra 30 %-regelen for klima og miljø: ") +
                        d.award_rules.climate_exception) +
            "</p>";
  }
  return Section("criteria", req.T("tender.criteria"), body);
}

Result<PageResponse> CheckListPage(PageRequest& req, app::TenderService& tenders) {
  const bool en = req.lang == Lang::kEn;
  const int64_t id = IdParam(req, 0);
  SAMSPILL_ASSIGN_OR_RETURN(
      app::PublicationCheckView view,
      tenders.CheckPublication(app::Actor::FromPrincipal(*req.principal), id));
  const tendering::PublicationCheck& check = view.check;
  const tendering::TenderDraft& d = view.tender.tender.draft();
  const std::string title = en ? "Before publishing" : "Før kunngjøring";
  const std::string tender_path = "/anbud/" + std::to_string(id);
  std::string body =
      "<h1>" + H(title) + "</h1><p><a href=\"" + H(tender_path) + "\">" + H(d.title) + "</a></p>";
  if (check.problems.empty()) {
    body += "<div class=\"notice\" role=\"status\"><p>" +
            H(en ? "Nothing stops publication. Read the list below: once published, the award "
                   "criteria, weights and scoring model are locked."
                 : "Ingenting hindrer kunngjøring. Gå gjennom listen under: ved kunngjøring låses "
                   "tildelingskriteriene, vektene og evalueringsmodellen.") +
            "</p><form method=\"post\" action=\"" + H(tender_path) + "/handling/publish\">" +
            CsrfField(req) + "<button type=\"submit\">" + H(req.T("action.publish")) +
            "</button></form></div>";
  } else {
    std::string items;
    for (const Status& problem : check.problems) {
      items += "<li>" + H(InLanguage(req.lang, problem.message())) + "</li>";
    }
    body += "<div class=\"error-summary\" id=\"why-not\"><h2>" +
            H(en ? "Why “Publish” is not offered" : "Hvorfor «Kunngjør» ikke tilbys") + "</h2><p>" +
            H(en ? "Publishing would be refused for these reasons:"
                 : "Kunngjøring ville blitt avvist av disse grunnene:") +
            "</p><ul>" + items + "</ul>";
    if (view.tender.tender.state() == tendering::TenderState::kDraft) {
      body +=
          "<p><a href=\"" + H(tender_path) + "/rediger\">" + H(req.T("tender.edit")) + "</a></p>";
    }
    body += "</div>";
  }
  body += RegimeSection(req, check);
  body += FindingsSection(req, check);
  body += LotsSection(req, d);
  body += CriteriaList(req, d);
  return PageResponse{200, RenderLayout(req, title, body), "", {}};
}

}  // namespace

std::vector<PageRoute> TenderCheckRoutes(app::TenderService& tenders) {
  std::vector<PageRoute> routes;
  routes.push_back({"GET",
                    R"(/anbud/(\d{1,18})/kunngjoring)",
                    false,
                    {Role::kProcurementOfficer},
                    [&tenders](PageRequest& req) { return CheckListPage(req, tenders); }});
  return routes;
}

}  // namespace samspill::web
