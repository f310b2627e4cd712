// The tender job's pages: login, the start page per role, the tender list and the tender page
// (timeline, regime, criteria, Q&A, bids after opening, evaluation with charts, award, next
// steps), the printable protocol and the audit trail. Every page reads through TenderService
// or AuthService, exactly as the JSON API does.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "app/tender_service.h"
#include "common/parse_number.h"
#include "store/audit_chain.h"
#include "store/store.h"
#include "tendering/cpv.h"
#include "tendering/lot_evaluation.h"
#include "tendering/tender_json.h"
#include "web/actor.h"
#include "web/api_routes.h"
#include "web/decision_pages.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/tender_charts.h"
#include "web/tender_json_codec.h"

namespace samspill::web {
namespace {

using nlohmann::json;

std::string StateBadge(const PageRequest& req, const std::string& state) {
  return "<span class=\"badge state-" + H(state) + "\">" + H(req.T("state." + state)) + "</span>";
}

std::string StateName(tendering::TenderState state) {
  return std::string(tendering::TenderStateName(state));
}

std::string TimeText(const PageRequest& req, Timestamp t) {
  return "<time datetime=\"" + H(t.ToIso()) + "\">" + H(FormatDateTime(req.lang, t)) + "</time>";
}

// A bid's price as its reader may see it; "–" when the reader may not.
std::string PriceText(const PageRequest& req, const app::BidView& bid) {
  return bid.price ? H(FormatMoney(req.lang, *bid.price)) : "–";
}

// ---- login ----

std::string LoginForm(const PageRequest& req, const std::string& username,
                      const std::string& error) {
  std::string body = "<h1>" + H(req.T("login.title")) + "</h1>";
  if (!error.empty()) body += ErrorSummary(req, {{"username", error}});
  body +=
      "<form method=\"post\" action=\"/logg-inn\" class=\"stack narrow\">"
      "<div class=\"field\"><label for=\"username\">" +
      H(req.T("login.username")) +
      "</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required "
      "value=\"" +
      H(username) + "\"" + (error.empty() ? "" : " aria-invalid=\"true\"") +
      "></div><div class=\"field\"><label for=\"password\">" + H(req.T("login.password")) +
      "</label><input id=\"password\" name=\"password\" type=\"password\" "
      "autocomplete=\"current-password\" required></div><button type=\"submit\">" +
      H(req.T("login.submit")) + "</button></form>";
  return RenderLayout(req, req.T("login.title"), body);
}

// ---- lists ----

std::string TenderTable(const PageRequest& req, const std::vector<app::TenderSummary>& tenders) {
  if (tenders.empty()) return "<p>" + H(req.T("home.none")) + "</p>";
  std::string rows;
  for (const app::TenderSummary& t : tenders) {
    const std::string id = std::to_string(t.id);
    rows +=
        Row({"<a href=\"/anbud/" + id + "\">" + H(t.title) + "</a>",
             StateBadge(req, StateName(t.state)),
             t.bid_deadline ? TimeText(req, *t.bid_deadline) : "–", TimeText(req, t.updated_at)});
  }
  return "<table>" + Head(req, {"col.title", "col.state", "col.deadline", "col.updated"}) +
         "<tbody>" + rows + "</tbody></table>";
}

// A record changed outside samspill — a broken audit chain, a tender whose award model no longer
// matches the hash locked at publication — is said to be so on the page, in the page's language,
// instead of an anonymous error or a silently shortened view. `detail` is the store's own
// account (English), for the administrator; empty to leave it out.
std::string DamagedRecordNotice(const PageRequest& req, std::string_view nb, std::string_view en,
                                std::string_view detail) {
  std::string notice = "<div class=\"notice\" role=\"alert\"><p><strong>" +
                       H(req.lang == Lang::kEn ? en : nb) + "</strong></p>";
  if (!detail.empty()) notice += "<p><small>" + H(detail) + "</small></p>";
  return notice + "</div>";
}

Result<PageResponse> StartPage(PageRequest& req, app::TenderService& tenders) {
  const app::Actor actor = Who(req);
  std::string body =
      "<h1>" + H(req.T("home.welcome")) + ", " + H(req.principal->user.display_name) + "</h1>";
  const Role role = req.principal->user.role;
  if (!IsTenderBuyerRole(role) && role != Role::kSupplier) {
    // The partnership roles read no tenders: their work starts in the portfolio; the
    // controller's in the decision cases.
    if (IsDecisionReaderRole(role)) {
      body += "<p><a href=\"/beslutning\">" + H(req.T("nav.decisions")) + "</a></p>";
    } else {
      body += "<p><a href=\"/portefolje\">" + H(req.T("nav.portfolio")) + "</a></p>";
    }
    return PageResponse{200, RenderLayout(req, req.T("home.title"), body), "", {}};
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::TenderSummary> list, tenders.List(actor));
  if (req.principal->user.role == Role::kSupplier) {
    std::vector<app::TenderSummary> open;
    std::string bids;
    std::string damaged;
    for (const app::TenderSummary& t : list) {
      if (t.state == tendering::TenderState::kPublished) open.push_back(t);
      const int64_t id = t.id;
      Result<app::BidList> own = tenders.ListBids(actor, id);
      if (!own.ok() && own.status().code() == StatusCode::kDataLoss) {
        // One damaged tender must not take the supplier's whole start page down with it.
        const std::string& title = t.title;
        damaged += DamagedRecordNotice(
            req,
            "Konkurransen «" + title +
                "» kan ikke vises nå: de lagrede opplysningene om den er endret utenfor "
                "samspill. Kontakt oppdragsgiveren.",
            "The competition “" + title +
                "” cannot be shown now: its stored record was changed outside samspill. "
                "Contact the buyer.",
            "");
        continue;
      }
      SAMSPILL_RETURN_IF_ERROR(own.status());
      for (const app::BidView& b : own->bids) {
        bids += Row({"<a href=\"/anbud/" + std::to_string(id) + "\">" + H(t.title) + "</a>",
                     PriceText(req, b), TimeText(req, b.received_at), std::to_string(b.version),
                     H(req.T("bid." + std::string(BidStatusName(b.status))))});
      }
    }
    body += damaged;
    body += Section("open", req.T("home.open_competitions"), TenderTable(req, open));
    body += Section("bids", req.T("home.my_bids"),
                    bids.empty() ? "<p>" + H(req.T("home.none")) + "</p>"
                                 : "<table>" +
                                       Head(req, {"col.title", "col.price", "col.received",
                                                  "col.version", "col.status"}) +
                                       "<tbody>" + bids + "</tbody></table>");
  } else {
    // The roles that only read see drafts apart: a draft decides nothing yet.
    const bool drafts_apart = IsReadOnlyRole(role);
    std::vector<app::TenderSummary> active;
    std::vector<app::TenderSummary> drafts;
    for (const app::TenderSummary& t : list) {
      if (drafts_apart && t.state == tendering::TenderState::kDraft) {
        drafts.push_back(t);
      } else if (t.state != tendering::TenderState::kContractSigned &&
                 t.state != tendering::TenderState::kCancelled) {
        active.push_back(t);
      }
    }
    body += Section("active", req.T("home.my_tenders"), TenderTable(req, active));
    if (!drafts.empty()) {
      body +=
          Section("drafts", req.T("home.drafts"),
                  "<p>" + H(req.T("tender.draft_notice_text")) + "</p>" + TenderTable(req, drafts));
    }
    body += "<p><a href=\"/anbud\">" + H(req.T("nav.tenders")) + " (" +
            std::to_string(list.size()) + ")</a></p>";
  }
  return PageResponse{200, RenderLayout(req, req.T("home.title"), body), "", {}};
}

Result<PageResponse> TenderListPage(PageRequest& req, app::TenderService& tenders) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::TenderSummary> list, tenders.List(Who(req)));
  const std::string state = req.Param("status");
  const std::string query = req.Param("q");
  std::string lowered_query = query;
  std::transform(lowered_query.begin(), lowered_query.end(), lowered_query.begin(), ::tolower);
  std::vector<app::TenderSummary> shown;
  std::set<std::string> states;
  for (const app::TenderSummary& t : list) {
    states.insert(StateName(t.state));
    std::string title = t.title;
    std::transform(title.begin(), title.end(), title.begin(), ::tolower);
    if (!state.empty() && StateName(t.state) != state) continue;
    if (!lowered_query.empty() && title.find(lowered_query) == std::string::npos) continue;
    shown.push_back(t);
  }
  std::string options = "<option value=\"\">" + H(req.T("tenders.all_states")) + "</option>";
  for (const std::string& s : states) {
    options += "<option value=\"" + H(s) + "\"" + (s == state ? " selected" : "") + ">" +
               H(req.T("state." + s)) + "</option>";
  }
  std::string body = "<h1>" + H(req.T("tenders.title")) + "</h1>";
  body +=
      "<form method=\"get\" action=\"/anbud\" class=\"filters\" role=\"search\">"
      "<div class=\"field\"><label for=\"q\">" +
      H(req.T("tenders.search")) + "</label><input id=\"q\" name=\"q\" value=\"" + H(query) +
      "\"></div><div class=\"field\"><label for=\"status\">" + H(req.T("col.state")) +
      "</label><select id=\"status\" name=\"status\">" + options +
      "</select></div><button type=\"submit\">" + H(req.T("tenders.filter")) + "</button></form>";
  body += "<p>" + std::to_string(shown.size()) + " " + H(req.T("tenders.count")) + "</p>";
  body += TenderTable(req, shown);
  return PageResponse{200, RenderLayout(req, req.T("tenders.title"), body), "", {}};
}

// ---- the tender page ----

std::string FactsSection(const PageRequest& req, const app::TenderView& view) {
  const tendering::TenderDraft& d = view.tender.draft();
  std::string dl = "<dl class=\"facts\">";
  auto item = [&](std::string_view key, const std::string& value_html) {
    dl += "<div><dt>" + H(req.T(key)) + "</dt><dd>" + value_html + "</dd></div>";
  };
  if (view.buyer) {
    item("tender.buyer", H(view.buyer->name) + " (" + H(view.buyer->org_number) + ")");
  }
  item("tender.value", H(FormatMoney(req.lang, d.estimated_value)));
  if (!d.cpv_code.empty()) {
    // The code's name from the CPV 2008 list, in the page's language.
    std::string cpv = H(d.cpv_code);
    if (std::optional<tendering::CpvEntry> entry = tendering::FindCpv(d.cpv_code)) {
      cpv += " – " + H(req.lang == Lang::kEn ? entry->name_en : entry->name_nb);
    }
    item("tender.cpv", cpv);
  }
  item("tender.procedure",
       H(req.T("procedure." + std::string(tendering::ProcedureName(d.profile.procedure)))));
  if (const std::optional<tendering::RegimeDecision>& r = view.tender.regime()) {
    item("tender.regime", "<strong>" +
                              H(req.lang == Lang::kEn ? tendering::LegalRegimeLabelEn(r->regime)
                                                      : tendering::LegalRegimeLabelNb(r->regime)) +
                              "</strong> – " +
                              H(req.lang == Lang::kEn ? r->explanation_en : r->explanation_nb));
  } else {
    item("tender.regime", H(req.T("tender.regime_pending")));
  }
  item("tender.minimum_bids", std::to_string(d.minimum_bids));
  dl += "</dl>";
  std::string body = dl;
  if (!d.lots.empty()) {
    std::string rows;
    for (const tendering::Lot& lot : d.lots) {
      rows += Row({H(lot.id), H(lot.title), H(FormatMoney(req.lang, lot.estimated_value))});
    }
    body += "<table><caption>" + H(req.T("tender.lots")) + "</caption>" +
            Head(req, {"col.lot", "col.title", "tender.value"}) + "<tbody>" + rows +
            "</tbody></table>";
  }
  if (!d.description.empty()) body = "<p>" + H(d.description) + "</p>" + body;
  if (const auto& locked = view.tender.locked_award_model()) {
    body += "<p class=\"lock\"><strong>" + H(req.T("tender.lock")) + ".</strong> " +
            H(req.T("tender.lock_text")) + " <code class=\"hash\">" + H(locked->sha256) +
            "</code></p>";
  }
  return Section("facts", req.T("tender.facts"), body);
}

std::string TimelineSection(const PageRequest& req, const tendering::TenderDraft& d) {
  std::string rows;
  for (tendering::Milestone m : tendering::kAllMilestones) {
    const std::string key = "milestone." + std::string(tendering::MilestoneName(m));
    // The bid deadline is shown as the exact instant bids close when it is set.
    if (m == tendering::Milestone::kBidDeadline && d.bid_deadline) {
      rows += Row({H(req.T(key)), TimeText(req, *d.bid_deadline)});
    } else if (std::optional<Date> date = d.timeline.Get(m)) {
      rows += Row({H(req.T(key)), H(FormatDate(req.lang, *date))});
    }
  }
  return Section(
      "timeline", req.T("tender.timeline"),
      "<table>" + Head(req, {"col.milestone", "col.date"}) + "<tbody>" + rows + "</tbody></table>");
}

// An award's reasons in the page's language. The stored reasons are the Norwegian text the
// award was made with (tendering::AwardReasonsNb); an English page says the same in English
// when the stored text is exactly that generated text, and shows any other text as written.
std::string AwardReasonsText(const PageRequest& req, const tendering::LotAward& a,
                             const tendering::AwardModel& model) {
  if (req.lang != Lang::kEn ||
      a.reasons != tendering::AwardReasonsNb(a.supplier, model, a.total_score, a.contract_value)) {
    return a.reasons;
  }
  char total[32];
  std::snprintf(total, sizeof total, "%.2f", a.total_score);
  const std::string measure =
      model.price_model == evaluation::PriceModel::kQualityPricing
          ? "had the lowest evaluated price (" +
                FormatMoney(Lang::kEn,
                            Money{std::llround(a.total_score * 100), a.contract_value.currency}) +
                ")"
          : std::string("had the highest total score (") + total + ")";
  return "The tender from " + a.supplier.name + " (" + a.supplier.org_number + ") " + measure +
         " under the announced award criteria. Price offered: " +
         FormatMoney(Lang::kEn, a.contract_value) + " excl. VAT.";
}

// Staff transfer (DOMAIN.md §4) in its own section: what the union representative looks for
// first — how many årsverk, the planned dates and what the law gives the employees. The dates
// are the tender's plan; empty when the tender involves no staff.
std::string StaffTransferSection(const PageRequest& req, const tendering::TenderDraft& d) {
  using tendering::Milestone;
  const tendering::TenderProfile& p = d.profile;
  const std::optional<Date> information = d.timeline.Get(Milestone::kStaffInformation);
  const std::optional<Date> reservation = d.timeline.Get(Milestone::kReservationDeadline);
  const std::optional<Date> transfer = d.timeline.Get(Milestone::kStaffTransfer);
  if (!p.staff_transfer && p.staff_years == 0 && !information && !reservation && !transfer) {
    return "";
  }
  std::string dl = "<dl class=\"facts\">";
  auto item = [&](std::string_view key, const std::string& value_html) {
    dl += "<div><dt>" + H(req.T(key)) + "</dt><dd>" + value_html + "</dd></div>";
  };
  auto date = [&](const std::optional<Date>& day) {
    return day ? H(FormatDate(req.lang, *day)) : H(req.T("staff.not_planned"));
  };
  item("milestone.staff_transfer", H(req.T(p.staff_transfer ? "staff.yes" : "staff.no")));
  item("staff.years", p.staff_years > 0 ? std::to_string(p.staff_years) : "–");
  if (!p.staff_transfer && !information && !reservation && !transfer) {
    return Section("staff-transfer", req.T("staff.title"),
                   dl + "</dl><p>" + H(req.T("staff.none_planned")) + "</p>");
  }
  item("milestone.staff_information", date(information));
  std::string deadline = date(reservation);
  if (information && reservation && *reservation > *information) {
    deadline += " (" + std::to_string(DaysBetween(*information, *reservation)) + " " +
                H(req.T("staff.days_after_information")) + ")";
  }
  item("milestone.reservation_deadline", deadline);
  item("staff.transfer_date", date(transfer));
  if (transfer) {
    // § 16-2 (2): the new employer may decline the tariff agreement in writing to the union at
    // the latest three weeks after the transfer (DOMAIN.md §4 [P]).
    item("staff.tariff_declaration", H(FormatDate(req.lang, transfer->AddDays(21))));
  }
  dl += "</dl>";
  return Section("staff-transfer", req.T("staff.title"),
                 dl + "<p>" + H(req.T("staff.rights")) + "</p>");
}

// For the politician: the decisions and their grounds on one screen — the regime, the dates
// that matter, how many bids came in, the award with its reasons, and any cancellation.
std::string DecisionSummarySection(const PageRequest& req, const app::TenderView& view) {
  using tendering::Milestone;
  using tendering::TenderState;
  const tendering::Tender& tender = view.tender;
  const tendering::TenderDraft& d = tender.draft();
  std::string dl = "<dl class=\"facts\">";
  // Long answers (the regime's grounds, the award's reasons) take the whole row.
  auto item = [&](std::string_view key, const std::string& value_html, bool wide = false) {
    dl += std::string(wide ? "<div class=\"wide\">" : "<div>") + "<dt>" + H(req.T(key)) +
          "</dt><dd>" + value_html + "</dd></div>";
  };
  if (const std::optional<tendering::RegimeDecision>& r = tender.regime()) {
    item("tender.regime",
         "<strong>" + H(tendering::LegalRegimeLabelNb(r->regime)) + "</strong> – " +
             H(req.lang == Lang::kEn ? r->explanation_en : r->explanation_nb),
         true);
  } else {
    item("tender.regime", H(req.T("tender.regime_pending")));
  }
  item("col.state", StateBadge(req, StateName(tender.state())));
  item("tender.value", H(FormatMoney(req.lang, d.estimated_value)));
  if (d.profile.political_approval_required) {
    const std::optional<Date> approval = d.timeline.Get(Milestone::kPoliticalApproval);
    item("decision.approval", H(req.T("decision.approval_required")) +
                                  (approval ? " – " + H(FormatDate(req.lang, *approval)) : ""));
  }
  if (d.bid_deadline) item("milestone.bid_deadline", TimeText(req, *d.bid_deadline));
  for (Milestone m : {Milestone::kAwardNotice, Milestone::kStandstillEnd,
                      Milestone::kContractSigned, Milestone::kOperationStart}) {
    if (std::optional<Date> day = d.timeline.Get(m)) {
      item("milestone." + std::string(tendering::MilestoneName(m)), H(FormatDate(req.lang, *day)));
    }
  }
  std::string bids;
  if (!tender.valid_bids_per_lot().empty()) {
    for (const auto& [lot, count] : tender.valid_bids_per_lot()) {
      if (!bids.empty()) bids += "; ";
      if (!lot.empty()) bids += H(req.T("col.lot")) + " " + H(lot) + ": ";
      bids += std::to_string(count);
    }
  } else if (tender.state() == TenderState::kDraft) {
    bids = H(req.T("decision.not_published"));
  } else if (tender.state() == TenderState::kPublished) {
    bids = H(req.T("decision.bids_sealed"));
  } else {
    bids = "–";
  }
  item("decision.valid_bids", bids);
  std::string award;
  if (view.awards && !view.awards->empty()) {
    for (const tendering::LotAward& a : *view.awards) {
      award += "<p>" + (a.lot_id.empty() ? "" : H(req.T("col.lot")) + " " + H(a.lot_id) + ": ") +
               "<strong>" + H(a.supplier.name) + "</strong> – " +
               H(FormatMoney(req.lang, a.contract_value)) + "</p><p>" +
               H(AwardReasonsText(req, a, tender.draft().award_model)) + "</p>";
    }
  } else if (tender.state() != TenderState::kCancelled) {
    award = H(req.T("decision.no_award"));
  }
  if (!award.empty()) item("tender.award", award, true);
  if (tender.state() == TenderState::kCancelled) {
    item("tender.cancelled", H(tender.cancellation_reason()), true);
  }
  if (!tender.unsuccessful_lots().empty()) {
    std::string lots;
    for (const std::string& l : tender.unsuccessful_lots()) {
      lots += (lots.empty() ? "" : ", ") + (l.empty() ? std::string(req.T("decision.whole")) : l);
    }
    item("tender.unsuccessful_lots", H(lots));
  }
  dl += "</dl>";
  return Section("decision-summary", req.T("decision.title"), dl);
}

std::string CriterionName(const evaluation::Criterion& c) { return c.name.empty() ? c.id : c.name; }

std::string CriteriaSection(const PageRequest& req, const tendering::AwardModel& model) {
  const bool weighted = model.weighting == evaluation::Weighting::kWeights;
  double total = 0;
  for (const evaluation::Criterion& c : model.criteria) total += weighted ? c.weight : 0.0;
  std::string rows;
  for (const evaluation::Criterion& c : model.criteria) {
    std::string weight = "–";
    if (weighted && total > 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.0f %%", 100.0 * c.weight / total);
      weight = buf;
    } else if (model.weighting == evaluation::Weighting::kPriorityRankOrderCentroid) {
      weight = "#" + std::to_string(c.priority);
    }
    rows += Row({H(CriterionName(c)),
                 H(req.T("kind." + std::string(evaluation::CriterionKindName(c.kind)))), weight});
  }
  return Section(
      "criteria", req.T("tender.criteria"),
      "<p>" + H(req.T("tender.price_model")) + ": <strong>" +
          H(req.T("price_model." + std::string(evaluation::PriceModelName(model.price_model)))) +
          "</strong></p><table>" + Head(req, {"col.criterion", "col.kind", "col.weight"}) +
          "<tbody>" + rows + "</tbody></table>");
}

std::string ResponsibilitiesSection(const PageRequest& req, const tendering::TenderDraft& d) {
  if (d.responsibilities.empty()) return "";
  std::string rows;
  for (const tendering::Responsibility& r : d.responsibilities) {
    rows += Row({H(r.area), H(req.T("party." + std::string(tendering::PartyName(r.party)))),
                 H(r.description)});
  }
  return Section("responsibilities", req.T("tender.responsibilities"),
                 "<table>" + Head(req, {"col.area", "col.party", "col.description"}) + "<tbody>" +
                     rows + "</tbody></table>");
}

std::string QuestionsSection(const PageRequest& req, const app::TenderView& view,
                             const std::vector<app::QuestionView>& questions, int64_t id) {
  const Role role = req.principal->user.role;
  const bool published = view.tender.state() == tendering::TenderState::kPublished;
  std::string body;
  if (questions.empty()) body += "<p>" + H(req.T("tender.no_questions")) + "</p>";
  body += "<ol class=\"qa\">";
  for (const app::QuestionView& q : questions) {
    const int64_t qid = q.id;
    body += "<li><p class=\"question\">" + H(q.question) + "</p>";
    if (q.answer) {
      body += "<p class=\"answer\"><strong>" + H(req.T("tender.answer")) + ":</strong> " +
              H(*q.answer) + "</p>";
    } else {
      body += "<p class=\"muted\">" + H(req.T("tender.unanswered")) + "</p>";
      if (role == Role::kProcurementOfficer && published) {
        const std::string field = "answer-" + std::to_string(qid);
        body += "<form method=\"post\" action=\"/anbud/" + std::to_string(id) + "/sporsmal/" +
                std::to_string(qid) + "/svar\" class=\"stack\">" + CsrfField(req) +
                "<div class=\"field\"><label for=\"" + field + "\">" + H(req.T("tender.answer")) +
                "</label><textarea id=\"" + field +
                "\" name=\"answer\" rows=\"3\" required></textarea></div><button "
                "type=\"submit\">" +
                H(req.T("form.publish_answer")) + "</button></form>";
      }
    }
    body += "</li>";
  }
  body += "</ol>";
  if (role == Role::kSupplier && published) {
    body += "<form method=\"post\" action=\"/anbud/" + std::to_string(id) +
            "/sporsmal\" class=\"stack\">" + CsrfField(req) +
            "<div class=\"field\"><label for=\"question\">" + H(req.T("form.ask")) +
            "</label><p class=\"hint\" id=\"question-hint\">" + H(req.T("form.ask_hint")) +
            "</p><textarea id=\"question\" name=\"question\" rows=\"3\" required "
            "aria-describedby=\"question-hint\"></textarea></div><button type=\"submit\">" +
            H(req.T("form.send_question")) + "</button></form>";
  }
  return Section("questions", req.T("tender.questions"), body);
}

std::string BidForm(const PageRequest& req, const tendering::TenderDraft& d, int64_t id) {
  std::string lots;
  if (!d.lots.empty()) {
    lots = "<div class=\"field\"><label for=\"lot_id\">" + H(req.T("col.lot")) +
           "</label><select id=\"lot_id\" name=\"lot_id\">";
    for (const tendering::Lot& lot : d.lots) {
      lots +=
          "<option value=\"" + H(lot.id) + "\">" + H(lot.id) + " – " + H(lot.title) + "</option>";
    }
    lots += "</select></div>";
  }
  return "<form method=\"post\" action=\"/anbud/" + std::to_string(id) +
         "/bud\" class=\"stack\"><h3>" + H(req.T("form.submit_bid")) + "</h3>" + CsrfField(req) +
         lots + "<div class=\"field\"><label for=\"price\">" + H(req.T("form.price")) +
         "</label><p class=\"hint\" id=\"price-hint\">" + H(req.T("form.price_hint")) +
         "</p><input id=\"price\" name=\"price\" inputmode=\"decimal\" required "
         "aria-describedby=\"price-hint\"></div><div class=\"field\"><label for=\"summary\">" +
         H(req.T("form.summary")) +
         "</label><textarea id=\"summary\" name=\"summary\" rows=\"4\"></textarea></div>"
         "<button type=\"submit\">" +
         H(req.T("form.submit_bid")) + "</button></form>";
}

std::string ScoreForm(const PageRequest& req, const tendering::AwardModel& model, int64_t id,
                      const app::BidView& bid) {
  const int64_t bid_id = bid.id;
  std::string fields;
  for (const evaluation::Criterion& c : model.criteria) {
    if (!evaluation::IsQualityLike(c.kind)) continue;
    const std::string& cid = c.id;
    std::string current, why;
    for (const tendering::BidScore& s : bid.scores.value_or(std::vector<tendering::BidScore>{})) {
      if (s.criterion_id == cid) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%g", s.score);
        current = buf;
        why = s.justification;
      }
    }
    const std::string base = "score-" + std::to_string(bid_id) + "-" + cid;
    fields +=
        "<fieldset><legend>" + H(CriterionName(c)) + "</legend><div class=\"field\"><label for=\"" +
        H(base) + "\">" + H(req.T("form.score")) + "</label><input id=\"" + H(base) +
        "\" name=\"score." + H(cid) + "\" inputmode=\"decimal\" required value=\"" + H(current) +
        "\"></div><div class=\"field\"><label for=\"" + H(base) + "-why\">" +
        H(req.T("form.justification")) + "</label><textarea id=\"" + H(base) +
        "-why\" name=\"why." + H(cid) + "\" rows=\"2\">" + H(why) + "</textarea></div></fieldset>";
  }
  return "<details><summary>" + H(req.T("form.score_bid")) + " – " +
         H(bid.supplier ? bid.supplier->name : "") +
         "</summary><form method=\"post\" action=\"/anbud/" + std::to_string(id) + "/bud/" +
         std::to_string(bid_id) + "/poeng\" class=\"stack\">" + CsrfField(req) + fields +
         "<button type=\"submit\">" + H(req.T("form.save_scores")) + "</button></form></details>";
}

std::string BidsSection(const PageRequest& req, const app::TenderView& view,
                        const app::BidList& bids, int64_t id) {
  const Role role = req.principal->user.role;
  const tendering::TenderState state = view.tender.state();
  std::string body;
  if (role == Role::kSupplier) {
    if (!bids.bids.empty()) {
      std::string rows;
      for (const app::BidView& b : bids.bids) {
        rows += Row({H(b.lot_id.empty() ? "–" : b.lot_id), PriceText(req, b),
                     TimeText(req, b.received_at), std::to_string(b.version), H(b.summary)});
      }
      body +=
          "<table><caption>" + H(req.T("home.my_bids")) + "</caption>" +
          Head(req, {"col.lot", "col.price", "col.received", "col.version", "col.description"}) +
          "<tbody>" + rows + "</tbody></table>";
      for (const app::BidView& b : bids.bids) {
        if (b.own_evaluation) body += OwnEvaluationHtml(req, *b.own_evaluation);
      }
    }
    if (state == tendering::TenderState::kPublished) body += BidForm(req, view.tender.draft(), id);
    return Section("bids", req.T("home.my_bids"), body);
  }
  if (bids.sealed) {
    body += "<p class=\"sealed\">" + H(req.T("tender.sealed")) + "</p><p>" +
            H(req.T("tender.received_count")) + ": <strong>" +
            std::to_string(bids.receipts.size()) + "</strong></p>";
    return Section("bids", req.T("tender.bids"), body);
  }
  std::string rows;
  for (const app::BidView& b : bids.bids) {
    const bool rejected = b.status == tendering::BidStatus::kRejected;
    rows += Row({H(b.supplier ? b.supplier->name : ""), PriceText(req, b),
                 TimeText(req, b.received_at), std::to_string(b.version),
                 H(req.T("bid." + std::string(BidStatusName(b.status)))) +
                     (rejected ? ": " + H(b.rejection_reason) : "")});
  }
  body += "<table>" +
          Head(req, {"col.supplier", "col.price", "col.received", "col.version", "col.status"}) +
          "<tbody>" + rows + "</tbody></table>";
  if (state == tendering::TenderState::kOpened &&
      (role == Role::kEvaluator || role == Role::kProcurementOfficer)) {
    const tendering::AwardModel& model = view.tender.locked_award_model()->model;
    for (const app::BidView& b : bids.bids) {
      if (b.status == tendering::BidStatus::kValid) body += ScoreForm(req, model, id, b);
    }
  }
  return Section("bids", req.T("tender.bids"), body);
}

std::string AwardSection(const PageRequest& req, const app::TenderView& view) {
  if (!view.awards || view.awards->empty()) return "";
  std::string body;
  for (const tendering::LotAward& a : *view.awards) {
    body += "<p><strong>" + H(a.supplier.name) + "</strong> – " +
            H(FormatMoney(req.lang, a.contract_value)) + "</p><p>" +
            H(AwardReasonsText(req, a, view.tender.draft().award_model)) + "</p>";
  }
  return Section("award", req.T("tender.award"), body);
}

std::string ComplaintOutcomeKey(tendering::ComplaintOutcome outcome) {
  return "complaints.outcome." + std::string(tendering::ComplaintOutcomeName(outcome));
}

// Complaints (klage): a supplier that bid lodges one during the standstill and sees its own
// (the service gives a supplier nothing else); the procurement officer sees every complaint and
// records its handling. Shown from the award notice on, or whenever there are complaints.
std::string ComplaintsSection(const PageRequest& req, const app::TenderView& view,
                              const std::vector<tendering::Complaint>& complaints, bool took_part,
                              int64_t id) {
  const Role role = req.principal->user.role;
  const tendering::Tender& tender = view.tender;
  const std::optional<Date> last_day =
      tender.draft().timeline.Get(tendering::Milestone::kStandstillEnd);
  const bool standstill = tender.state() == tendering::TenderState::kStandstill;
  const bool may_lodge = role == Role::kSupplier && took_part && standstill && last_day &&
                         view.now.UtcDate() <= *last_day;
  if (complaints.empty() && !standstill) return "";
  if (role == Role::kSupplier && complaints.empty() && !may_lodge) return "";
  std::string body;
  if (standstill && tender.OpenComplaint() && role != Role::kSupplier) {
    body += "<p class=\"notice\">" + H(req.T("complaints.blocks_signing")) + "</p>";
  }
  if (complaints.empty()) body += "<p>" + H(req.T("complaints.none")) + "</p>";
  body += "<ol class=\"complaints\">";
  for (const tendering::Complaint& c : complaints) {
    const std::string cid = std::to_string(c.id);
    body += "<li id=\"complaint-" + cid + "\"><p><strong>" + H(req.T("complaints.number")) + " " +
            cid + "</strong> – " + H(c.supplier_name) + ", " + H(req.T("complaints.lodged")) + " " +
            TimeText(req, c.lodged_at) + "</p><p class=\"grounds\">" + H(c.grounds) +
            "</p><p><strong>" + H(req.T("complaints.outcome")) + ":</strong> " +
            H(req.T(ComplaintOutcomeKey(c.outcome)));
    if (c.handled_at) body += " (" + TimeText(req, *c.handled_at) + ")";
    body += "</p>";
    if (!c.open()) {
      body += "<p><strong>" + H(req.T("complaints.reasons")) + ":</strong> " +
              H(c.handling_reasons) + "</p>";
    } else if (role == Role::kProcurementOfficer) {
      const std::string outcome = "complaint-" + cid + "-outcome";
      const std::string reasons = "complaint-" + cid + "-reasons";
      body += "<form method=\"post\" action=\"/anbud/" + std::to_string(id) + "/klage/" + cid +
              "/behandling\" class=\"stack\">" + CsrfField(req) +
              "<div class=\"field\"><label for=\"" + outcome + "\">" +
              H(req.T("complaints.outcome")) + "</label><select id=\"" + outcome +
              "\" name=\"outcome\" required><option value=\"rejected\">" +
              H(req.T("complaints.outcome.rejected")) + "</option><option value=\"upheld\">" +
              H(req.T("complaints.outcome.upheld")) +
              "</option></select></div><div class=\"field\"><label for=\"" + reasons + "\">" +
              H(req.T("complaints.reasons")) + "</label><p class=\"hint\" id=\"" + reasons +
              "-hint\">" + H(req.T("complaints.reasons_hint")) + "</p><textarea id=\"" + reasons +
              "\" name=\"reasons\" rows=\"4\" required aria-describedby=\"" + reasons +
              "-hint\"></textarea></div><button type=\"submit\">" + H(req.T("complaints.record")) +
              "</button></form>";
    }
    body += "</li>";
  }
  body += "</ol>";
  if (may_lodge) {
    body += "<form method=\"post\" action=\"/anbud/" + std::to_string(id) +
            "/klage\" class=\"stack\">" + CsrfField(req) +
            "<div class=\"field\"><label for=\"grounds\">" + H(req.T("complaints.lodge")) +
            "</label><p class=\"hint\" id=\"grounds-hint\">" + H(req.T("complaints.lodge_hint")) +
            "</p><textarea id=\"grounds\" name=\"grounds\" rows=\"5\" required "
            "aria-describedby=\"grounds-hint\"></textarea></div><button type=\"submit\">" +
            H(req.T("complaints.send")) + "</button></form>";
  }
  return Section("complaints", req.T("complaints.title"), body);
}

// `cancel_error`: the message to show beside the reason field, with the dialog open.
std::string ActionsSection(const PageRequest& req, const app::TenderView& view, int64_t id,
                           const std::string& cancel_error) {
  if (req.principal->user.role != Role::kProcurementOfficer || !view.shows_actions) return "";
  const std::vector<tendering::TenderAction> allowed = view.tender.AllowedActions(view.now);
  std::string body = "<div class=\"actions\">";
  if (view.tender.state() == tendering::TenderState::kDraft) {
    body += "<a class=\"button-link\" href=\"/anbud/" + std::to_string(id) + "/rediger\">" +
            H(req.T("tender.edit")) + "</a>";
    // Publishing happens from the check list, which says why it is refused when it is.
    body += "<a class=\"button-link\" href=\"/anbud/" + std::to_string(id) + "/kunngjoring\">" +
            H(req.lang == Lang::kEn ? "Check and publish" : "Kontroller og kunngjør") + "</a>";
  }
  bool cancel = false;
  for (tendering::TenderAction a : allowed) {
    const std::string action(tendering::TenderActionName(a));
    if (a == tendering::TenderAction::kCancel) {
      cancel = true;
      continue;
    }
    if (a == tendering::TenderAction::kPublish) continue;  // from the check list
    body += "<form method=\"post\" action=\"/anbud/" + std::to_string(id) + "/handling/" +
            H(action) + "\">" + CsrfField(req) + "<button type=\"submit\">" +
            H(req.T("action." + action)) + "</button></form>";
  }
  body += "</div>";
  if (cancel) {
    // The reason is required by the browser and by the server (FOA § 25-4).
    const bool invalid = !cancel_error.empty();
    body += std::string("<details class=\"danger\"") + (invalid ? " open" : "") + "><summary>" +
            H(req.T("tender.cancel")) + "</summary><form method=\"post\" action=\"/anbud/" +
            std::to_string(id) + "/handling/cancel\" class=\"stack\">" + CsrfField(req) +
            "<div class=\"field\"><label for=\"reason\">" + H(req.T("tender.cancel_reason")) +
            "</label>" +
            (invalid ? "<p class=\"field-error\" id=\"reason-error\">" + H(cancel_error) + "</p>"
                     : std::string()) +
            "<textarea id=\"reason\" name=\"reason\" rows=\"4\" required" +
            (invalid ? " aria-invalid=\"true\" aria-describedby=\"reason-error\"" : "") +
            "></textarea></div><button type=\"submit\" class=\"danger\">" +
            H(req.T("action.cancel")) + "</button></form></details>";
  }
  if (allowed.empty()) return "";
  return Section("actions", req.T("tender.actions"), body);
}

// `market`: when given, a draft's page shows the market section for its CPV code (the GET of
// the page; a refused form shows the page again without it).
Result<PageResponse> TenderPage(PageRequest& req, app::TenderService& tenders,
                                const std::vector<std::pair<std::string, std::string>>& errors,
                                int status, app::MarketService* market = nullptr) {
  const app::Actor actor = Who(req);
  const int64_t id = IdParam(req, 0);
  SAMSPILL_ASSIGN_OR_RETURN(app::TenderView view, tenders.Get(actor, id));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::QuestionView> questions,
                            tenders.ListQuestions(actor, id));
  SAMSPILL_ASSIGN_OR_RETURN(app::BidList bids, tenders.ListBids(actor, id));
  const tendering::Tender& tender = view.tender;
  std::string body = "<h1>" + H(tender.draft().title) + "</h1><p>" +
                     StateBadge(req, StateName(tender.state())) + "</p>";
  body += ErrorSummary(req, errors);
  const Role role = req.principal->user.role;
  if (tender.state() == tendering::TenderState::kDraft && IsReadOnlyRole(role)) {
    // A draft is the procurement officer's working paper: nothing in it is decided yet.
    body += "<p class=\"notice\" role=\"note\"><strong>" + H(req.T("tender.draft_notice")) +
            "</strong> " + H(req.T("tender.draft_notice_text")) + "</p>";
  }
  if (role == Role::kPolitician) body += DecisionSummarySection(req, view);
  if (role == Role::kUnionRepresentative) body += StaffTransferSection(req, view.tender.draft());
  if (tender.state() == tendering::TenderState::kCancelled) {
    body += "<div class=\"notice\" role=\"status\"><h2>" + H(req.T("tender.cancelled")) +
            "</h2><p>" + H(tender.cancellation_reason()) + "</p></div>";
  }
  if (!tender.unsuccessful_lots().empty()) {
    std::string lots;
    for (const std::string& l : tender.unsuccessful_lots()) {
      lots += (lots.empty() ? "" : ", ") + (l.empty() ? "–" : l);
    }
    body += "<p class=\"notice\">" + H(req.T("tender.unsuccessful_lots")) + ": " + H(lots) + "</p>";
  }
  std::string cancel_error;
  for (const auto& [field, message] : errors) {
    if (field == "reason") cancel_error = message;
  }
  body += ActionsSection(req, view, id, cancel_error);
  body += FactsSection(req, view);
  body += TimelineSection(req, view.tender.draft());
  if (market != nullptr && tender.state() == tendering::TenderState::kDraft &&
      !view.tender.draft().cpv_code.empty() && role != Role::kSupplier) {
    // Drafts name no place of performance yet: the market is the national one.
    body +=
        MarketHtml(req, market->Section(actor, view.tender.draft().cpv_code, "NO"), "market",
                   req.lang == Lang::kNb ? "Markedet (hele Norge)" : "The market (all of Norway)");
  }
  if (role != Role::kUnionRepresentative) body += StaffTransferSection(req, view.tender.draft());
  body += CriteriaSection(req, view.tender.draft().award_model);
  body += ResponsibilitiesSection(req, view.tender.draft());
  body += QuestionsSection(req, view, questions, id);
  body += BidsSection(req, view, bids, id);
  // Who reads the evaluation reports (they hold every bid's price) is the service's rule for
  // bid content (tendering/bid_access.h): a refusal just leaves the section out.
  if (Result<std::map<std::string, tendering::LotEvaluation>> evaluations =
          tenders.Evaluations(actor, id);
      evaluations.ok() || evaluations.status().code() != StatusCode::kPermissionDenied) {
    if (!evaluations.ok()) return evaluations.status();
    if (!evaluations->empty()) {
      std::string charts;
      for (const auto& [lot, e] : *evaluations) {
        if (!e.evaluated()) continue;
        // The abnormally-low check comes first: it holds up the award until it is answered.
        charts += AbnormallyLowHtml(req, id, e,
                                    role == Role::kProcurementOfficer &&
                                        tender.state() == tendering::TenderState::kEvaluated);
        charts += EvaluationReportHtml(req, lot, json::parse(e.report_json));
      }
      body += Section("evaluation", req.T("tender.evaluation"), charts);
    }
  }
  body += AwardSection(req, view);
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<tendering::Complaint> complaints,
                            tenders.ListComplaints(actor, id));
  // Once the bids are opened a supplier's list holds its own bids only: any means it took part.
  const bool took_part = !bids.bids.empty();
  body += ComplaintsSection(req, view, complaints, took_part, id);
  if (role != Role::kSupplier) {
    body += "<p class=\"links\"><a href=\"/anbud/" + std::to_string(id) + "/protokoll\">" +
            H(req.T("tender.protocol")) + "</a>";
    if (tender.state() != tendering::TenderState::kDraft) {
      body += " · <a href=\"/api/tenders/" + std::to_string(id) + "/ocds\">" +
              H(req.T("tender.ocds")) + "</a>";
    }
    body += "</p>";
  }
  return PageResponse{status, RenderLayout(req, view.tender.draft().title, body), "", {}};
}

// A failed form post re-renders the tender page with the problem in an error summary.
// `field` is the id of the form field the error belongs to.
Result<PageResponse> AfterPost(PageRequest& req, app::TenderService& tenders, const Status& status,
                               const std::string& field) {
  const std::string back = "/anbud/" + req.params[0];
  if (status.ok()) return Redirect(back);
  if (status.code() == StatusCode::kPermissionDenied || status.code() == StatusCode::kNotFound ||
      status.code() == StatusCode::kInternal) {
    return status;
  }
  return TenderPage(req, tenders, {{field, InLanguage(req.lang, status.message())}},
                    status.code() == StatusCode::kInvalidArgument ? 400 : 409);
}

// The protocol document's body, to sit inside the shared layout's <main>: its own <main>
// becomes a division (one main landmark per page). The CLI prints the standalone document.
std::string ProtocolBody(const std::string& document) {
  const size_t begin = document.find("<body>");
  const size_t end = document.rfind("</body>");
  if (begin == std::string::npos || end == std::string::npos || end < begin) return document;
  std::string body = document.substr(begin + 6, end - begin - 6);
  for (auto [from, to] : {std::pair<std::string, std::string>{"<main>", "<div class=\"protocol\">"},
                          {"</main>", "</div>"}}) {
    const size_t at = body.find(from);
    if (at != std::string::npos) body.replace(at, from.size(), to);
  }
  return body;
}

Result<PageResponse> AuditPage(PageRequest& req, store::Store& store) {
  int64_t after = 0;
  if (const std::string from = req.Param("etter"); !from.empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(after, ParseWholeNumber(from, "etter", 0));
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::AuditEvent> events,
                            store.ListAudit({"", "", after, 200}));
  // The auditor still sees what is left, under a warning that it is not the whole trail.
  std::string warning;
  if (Status intact = store::RequireIntactAuditTrail(store); !intact.ok()) {
    if (intact.code() != StatusCode::kDataLoss) return intact;
    warning = DamagedRecordNotice(
        req,
        "Revisjonsloggen er brutt: hendelser er endret eller slettet etter at de ble skrevet. "
        "Det som vises her, kan være ufullstendig eller endret.",
        "The audit trail is broken: events were changed or deleted after they were written. "
        "What is shown here may be incomplete or changed.",
        intact.message());
  }
  std::string rows;
  for (const store::AuditEvent& e : events) {
    rows += Row({TimeText(req, e.at), H(e.actor), "<code>" + H(e.action) + "</code>",
                 H(e.entity_type + " " + e.entity_id)});
  }
  std::string body = "<h1>" + H(req.T("audit.title")) + "</h1>" + warning + "<table>" +
                     Head(req, {"col.time", "col.actor", "col.action", "col.description"}) +
                     "<tbody>" + rows + "</tbody></table>";
  if (events.size() == 200) {
    body += "<p><a href=\"/revisjonslogg?etter=" + std::to_string(events.back().id) + "\">" +
            H(req.T("audit.more")) + "</a></p>";
  }
  return PageResponse{200, RenderLayout(req, req.T("audit.title"), body), "", {}};
}

}  // namespace

std::vector<PageRoute> TenderPageRoutes(app::AuthService& auth, app::TenderService& tenders,
                                        app::MarketService& market, store::Store& store,
                                        bool secure_cookies) {
  const std::string tender = std::string("/anbud/") + kIdPattern;
  std::vector<PageRoute> routes;

  routes.push_back({"GET", "/logg-inn", true, {}, [](PageRequest& req) -> Result<PageResponse> {
                      if (req.principal) return Redirect("/");
                      return PageResponse{200, LoginForm(req, "", ""), "", {}};
                    }});
  routes.push_back(
      {"POST",
       "/logg-inn",
       true,
       {},
       [&auth, secure_cookies](PageRequest& req) -> Result<PageResponse> {
         const std::string username = req.Param("username");
         Result<app::LoginResult> login = auth.Login(username, req.Param("password"));
         if (!login.ok()) {
           const bool throttled = login.status().code() == StatusCode::kResourceExhausted;
           return PageResponse{
               throttled ? 429 : 401,
               LoginForm(req, username,
                         std::string(req.T(throttled ? "login.throttled" : "login.wrong"))),
               "",
               {}};
         }
         const int64_t max_age =
             login->principal.session.expires_at.unix_seconds - auth.clock().Now().unix_seconds;
         PageResponse r = Redirect("/");
         r.headers.push_back({"Set-Cookie", SessionCookie(login->token, max_age,
                                                          secure_cookies || req.http.https)});
         return r;
       }});
  routes.push_back({"POST",
                    "/logg-ut",
                    false,
                    {},
                    [&auth, secure_cookies](PageRequest& req) -> Result<PageResponse> {
                      SAMSPILL_RETURN_IF_ERROR(auth.Logout(*req.principal));
                      PageResponse r = Redirect("/logg-inn");
                      r.headers.push_back(
                          {"Set-Cookie", SessionCookie("", 0, secure_cookies || req.http.https)});
                      return r;
                    }});
  routes.push_back(
      {"GET", "/", false, {}, [&tenders](PageRequest& req) { return StartPage(req, tenders); }});
  routes.push_back({"GET", "/anbud", false, {}, [&tenders](PageRequest& req) {
                      return TenderListPage(req, tenders);
                    }});
  routes.push_back({"GET", tender, false, {}, [&tenders, &market](PageRequest& req) {
                      return TenderPage(req, tenders, {}, 200, &market);
                    }});
  routes.push_back(
      {"GET", tender + "/protokoll", false, TenderBuyerRoles(),
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         Result<std::string> protocol =
             tenders.ProtocolHtml(Who(req), IdParam(req, 0), /*inline_css=*/false,
                                  [](std::string_view m) { return InLanguage(Lang::kNb, m); });
         if (!protocol.ok() && protocol.status().code() == StatusCode::kDataLoss) {
           const std::string body =
               "<h1>" + H(req.T("tender.protocol")) + "</h1>" +
               DamagedRecordNotice(
                   req,
                   "Protokollen kan ikke vises: opplysningene den bygges fra "
                   "(revisjonsloggen eller konkurransen selv) er endret eller "
                   "slettet etter at de ble skrevet, så den ville ikke være "
                   "fullstendig.",
                   "The protocol cannot be shown: the records it is built from (the "
                   "audit trail or the tender itself) were changed or deleted after "
                   "they were written, so it would not be complete.",
                   protocol.status().message());
           return PageResponse{500, RenderLayout(req, req.T("tender.protocol"), body), "", {}};
         }
         SAMSPILL_ASSIGN_OR_RETURN(std::string html, std::move(protocol));
         return PageResponse{200,
                             RenderLayout(req, req.T("tender.protocol"), ProtocolBody(html),
                                          "/assets/protocol.css"),
                             "",
                             {}};
       }});
  routes.push_back(
      {"POST",
       tender + "/handling/([a-z_]{1,40})",
       false,
       {Role::kProcurementOfficer},
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         Result<tendering::TenderAction> action = TenderActionFromPath(req.params[1]);
         const Status done =
             action.ok()
                 ? tenders.Act(Who(req), IdParam(req, 0), *action, req.Param("reason")).status()
                 : action.status();
         const bool cancel = req.params[1] == "cancel";
         return AfterPost(req, tenders, done, cancel ? "reason" : "actions");
       }});
  routes.push_back(
      {"POST",
       tender + "/bud",
       false,
       {Role::kSupplier},
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         // The form's decimal comma is accepted: "1 250 000,50".
         Result<int64_t> minor = ParseMoneyMinor(req.Param("price"));
         if (!minor.ok()) {
           return AfterPost(
               req, tenders,
               InvalidArgument(InLanguage(req.lang, minor.status().message()), "price"), "price");
         }
         const app::SubmitBidCommand bid{req.Param("lot_id"), Money{*minor, "NOK"},
                                         req.Param("summary")};
         Result<app::BidView> done = tenders.SubmitBid(Who(req), IdParam(req, 0), bid);
         return AfterPost(req, tenders, done.status(), "price");
       }});
  routes.push_back({"POST",
                    tender + "/sporsmal",
                    false,
                    {Role::kSupplier},
                    [&tenders](PageRequest& req) -> Result<PageResponse> {
                      Result<app::QuestionView> done =
                          tenders.AskQuestion(Who(req), IdParam(req, 0),
                                              app::AskQuestionCommand{"", req.Param("question")});
                      return AfterPost(req, tenders, done.status(), "question");
                    }});
  routes.push_back({"POST",
                    tender + std::string("/sporsmal/") + kIdPattern + "/svar",
                    false,
                    {Role::kProcurementOfficer},
                    [&tenders](PageRequest& req) -> Result<PageResponse> {
                      Result<app::PublishedAnswer> done = tenders.AnswerQuestion(
                          Who(req), IdParam(req, 0), IdParam(req, 1), req.Param("answer"));
                      return AfterPost(req, tenders, done.status(), "answer-" + req.params[1]);
                    }});
  routes.push_back({"POST",
                    tender + std::string("/bud/") + kIdPattern + "/poeng",
                    false,
                    {Role::kProcurementOfficer, Role::kEvaluator},
                    [&tenders](PageRequest& req) -> Result<PageResponse> {
                      app::ScoreBidCommand scores;
                      for (const auto& [name, value] : req.http.params) {
                        if (name.rfind("score.", 0) != 0) continue;
                        const std::string cid = name.substr(6);
                        std::string text = value;
                        std::replace(text.begin(), text.end(), ',', '.');
                        char* end = nullptr;
                        const double score = std::strtod(text.c_str(), &end);
                        if (text.empty() || end == nullptr || *end != '\0') {
                          return AfterPost(
                              req, tenders,
                              InvalidArgument("the score for '" + cid + "' is not a number"),
                              "score-" + req.params[1] + "-" + cid);
                        }
                        scores.scores.push_back({cid, score, req.Param("why." + cid)});
                      }
                      Result<app::BidScores> done =
                          tenders.ScoreBid(Who(req), IdParam(req, 0), IdParam(req, 1), scores);
                      return AfterPost(req, tenders, done.status(), "bids");
                    }});
  routes.push_back(
      {"POST",
       tender + std::string("/bud/") + kIdPattern + "/prisforklaring",
       false,
       {Role::kProcurementOfficer},
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         const std::string field = "low-" + req.params[1];
         Result<Date> asked_on = ParseIsoDate(req.Param("asked_on"));
         if (!asked_on.ok()) {
           return AfterPost(req, tenders,
                            InvalidArgument("asked_on must be a date, YYYY-MM-DD", "asked_on"),
                            field + "-asked_on");
         }
         Result<tendering::ExplanationAssessment> assessment =
             tendering::ExplanationAssessmentFromName(req.Param("assessment"));
         if (!assessment.ok())
           return AfterPost(req, tenders, assessment.status(), field + "-assessment");
         const app::PriceExplanationCommand command{*asked_on, req.Param("explanation"),
                                                    *assessment, req.Param("assessment_reasons")};
         Result<tendering::PriceExplanation> done =
             tenders.RecordPriceExplanation(Who(req), IdParam(req, 0), IdParam(req, 1), command);
         return AfterPost(req, tenders, done.status(), field + "-explanation");
       }});
  routes.push_back(
      {"POST",
       tender + std::string("/bud/") + kIdPattern + "/avvis",
       false,
       {Role::kProcurementOfficer},
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         Result<app::BidRejection> done =
             tenders.RejectBid(Who(req), IdParam(req, 0), IdParam(req, 1), req.Param("reason"));
         return AfterPost(req, tenders, done.status(), "low-" + req.params[1] + "-reject");
       }});
  // Complaints: the messages are put in the page's language here, where the form is answered.
  routes.push_back(
      {"POST",
       tender + "/klage",
       false,
       {Role::kSupplier},
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         const Status done = tenders
                                 .LodgeComplaint(Who(req), IdParam(req, 0),
                                                 app::LodgeComplaintCommand{req.Param("grounds")})
                                 .status();
         return AfterPost(req, tenders,
                          Status(done.code(), InLanguage(req.lang, done.message()), done.field()),
                          "grounds");
       }});
  routes.push_back(
      {"POST",
       tender + std::string("/klage/") + kIdPattern + "/behandling",
       false,
       {Role::kProcurementOfficer},
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         const std::string prefix = "complaint-" + req.params[1];
         Result<tendering::ComplaintOutcome> outcome =
             tendering::ParseHandlingOutcome(req.Param("outcome"), "outcome");
         Status done = outcome.status();
         if (outcome.ok()) {
           done = tenders
                      .HandleComplaint(Who(req), IdParam(req, 0), IdParam(req, 1),
                                       app::HandleComplaintCommand{*outcome, req.Param("reasons")})
                      .status();
         }
         return AfterPost(req, tenders,
                          Status(done.code(), InLanguage(req.lang, done.message()), done.field()),
                          prefix + (done.field() == "outcome" ? "-outcome" : "-reasons"));
       }});
  routes.push_back({"GET",
                    "/revisjonslogg",
                    false,
                    {Role::kAdministrator, Role::kAuditor},
                    [&store](PageRequest& req) { return AuditPage(req, store); }});
  return routes;
}

}  // namespace samspill::web
