// The page to create or revise a tender draft: one form whose fields map onto the draft
// document of tendering/tender_json.h. The form only translates (Norwegian decimal commas,
// Oslo local time for the deadline, blank criterion rows); every rule is checked by the
// domain through TenderService, and its errors are shown beside the fields they name and in a
// summary at the top.
#include <algorithm>
#include <cmath>
#include <map>

#include "app/tender_service.h"
#include "tendering/tender_json.h"
#include "web/actor.h"
#include "web/form_fields.h"
#include "web/messages.h"
#include "web/page.h"

namespace samspill::web {
namespace {

using nlohmann::json;

constexpr int kCriterionRows = 6;
constexpr int kLotRows = 4;
constexpr int kResponsibilityRows = 5;

using Values = FormValues;
using Errors = FormErrors;
// "award_model.criteria[1].weight" → "criteria-1-weight"; "profile.staff_years" →
// "staff_years"; "timeline.bid_deadline" → "bid_deadline": the form's field ids.
std::string FieldId(std::string path) {
  // The checkbox "staff_transfer" says whether staff is transferred; the date has its own id.
  if (path == "timeline.staff_transfer") return "staff_transfer_date";
  for (const char* prefix : {"award_model.", "profile.", "timeline.", "award_rules."}) {
    if (path.rfind(prefix, 0) == 0) path = path.substr(std::string(prefix).size());
  }
  std::string id;
  for (char c : path) {
    if (c == '[' || c == '.') {
      id += '-';
    } else if (c != ']') {
      id += c;
    }
  }
  return id;
}

Values FromDraft(const json& t) {
  Values v;
  auto text = [&](const char* key, const json& obj, const char* field) {
    if (obj.contains(field) && obj[field].is_string()) v[key] = obj[field].get<std::string>();
  };
  text("title", t, "title");
  text("description", t, "description");
  text("cpv_code", t, "cpv_code");
  text("category", t, "category");
  text("why_not_divided", t, "why_not_divided");
  if (t.contains("estimated_value") && t["estimated_value"].is_number()) {
    v["estimated_value"] =
        FormatMoneyInput(Money{std::llround(t["estimated_value"].get<double>() * 100), "NOK"});
  }
  const json& p = t.value("profile", json::object());
  text("procedure", p, "procedure");
  if (p.value("political_approval_required", false)) v["political_approval_required"] = "on";
  if (p.value("staff_transfer", false)) v["staff_transfer"] = "on";
  v["staff_years"] = std::to_string(p.value("staff_years", 0));
  const json& tl = t.value("timeline", json::object());
  text("publication", tl, "publication");
  text("request_deadline", tl, "request_deadline");
  text("questions_deadline", tl, "questions_deadline");
  text("staff_information", tl, "staff_information");
  text("reservation_deadline", tl, "reservation_deadline");
  text("staff_transfer_date", tl, "staff_transfer");
  if (t.contains("bid_deadline") && t["bid_deadline"].is_string()) {
    Result<Timestamp> at = ParseIsoTimestamp(t["bid_deadline"].get<std::string>());
    if (at.ok()) {
      Timestamp local{at->unix_seconds + OsloOffsetSeconds(*at)};
      v["bid_deadline"] = local.ToIso().substr(0, 16);  // "2025-09-19T12:00"
    }
  }
  v["minimum_bids"] = std::to_string(t.value("minimum_bids", 2));
  v["standstill_days"] = std::to_string(t.value("standstill_days", 10));
  const json& m = t.value("award_model", json::object());
  text("price_model", m, "price_model");
  int k = 0;
  for (const json& c : m.value("criteria", json::array())) {
    const std::string row = "criteria-" + std::to_string(k++) + "-";
    text((row + "id").c_str(), c, "id");
    text((row + "name").c_str(), c, "name");
    text((row + "kind").c_str(), c, "kind");
    if (c.contains("weight")) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", c["weight"].get<double>());
      v[row + "weight"] = buf;
    }
  }
  k = 0;
  for (const json& lot : t.value("lots", json::array())) {
    const std::string row = "lots-" + std::to_string(k++) + "-";
    text((row + "id").c_str(), lot, "id");
    text((row + "title").c_str(), lot, "title");
    if (lot.contains("estimated_value") && lot["estimated_value"].is_number()) {
      v[row + "estimated_value"] =
          FormatMoneyInput(Money{std::llround(lot["estimated_value"].get<double>() * 100), "NOK"});
    }
  }
  k = 0;
  for (const json& item : t.value("responsibilities", json::array())) {
    const std::string row = "responsibilities-" + std::to_string(k++) + "-";
    text((row + "area").c_str(), item, "area");
    text((row + "party").c_str(), item, "party");
    text((row + "description").c_str(), item, "description");
  }
  const json& r = t.value("award_rules", json::object());
  if (r.value("climate_weight_required", false)) v["climate_weight_required"] = "on";
  text("climate_exception", r, "climate_exception");
  return v;
}

Values FromRequest(const PageRequest& req) {
  Values v;
  for (const auto& [name, value] : req.http.params) {
    if (name != "csrf_token") v[name] = value;
  }
  return v;
}

// Oslo local "2025-09-19T12:00" → the instant, trying both offsets (the one that maps back).
Result<Timestamp> FromOsloLocal(const std::string& local) {
  Result<Timestamp> as_utc = ParseIsoTimestamp(local + ":00Z");
  if (!as_utc.ok()) {
    return InvalidArgument("write the deadline as a date and time, like 2025-09-19T12:00",
                           "bid_deadline");
  }
  for (int64_t offset : {7200, 3600}) {
    Timestamp candidate{as_utc->unix_seconds - offset};
    if (OsloOffsetSeconds(candidate) == offset) return candidate;
  }
  return Timestamp{as_utc->unix_seconds - 3600};
}

Result<json> ToDraft(const Values& v, Lang lang, Errors& errors) {
  const bool en = lang == Lang::kEn;
  json d = json::object();
  auto put = [&](const char* key) {
    if (!FormGet(v, key).empty()) d[key] = FormGet(v, key);
  };
  d["title"] = FormGet(v, "title");
  put("description");
  put("cpv_code");
  put("why_not_divided");
  d["category"] = FormGet(v, "category").empty() ? "ordinary" : FormGet(v, "category");
  Result<int64_t> value = ParseMoneyMinor(FormGet(v, "estimated_value"));
  if (!value.ok()) {
    errors.push_back({"estimated_value", std::string(en ? "Estimated value: " : "Anslått verdi: ") +
                                             InLanguage(lang, value.status().message())});
    d["estimated_value"] = 0;  // so the draft's other problems can still be listed
  } else {
    d["estimated_value"] = static_cast<double>(*value) / 100.0;
  }
  json profile = {
      {"procedure", FormGet(v, "procedure").empty() ? "open" : FormGet(v, "procedure")},
      {"political_approval_required", !FormGet(v, "political_approval_required").empty()},
      {"staff_transfer", !FormGet(v, "staff_transfer").empty()}};
  auto whole = [&](const char* key, int fallback) -> int {
    const std::string text = FormGet(v, key);
    if (text.empty()) return fallback;
    char* end = nullptr;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (end == nullptr || *end != '\0' || n < 0 || n > 100000) {
      errors.push_back({key, en ? "Write a whole number" : "Skriv et helt tall"});
      return fallback;
    }
    return static_cast<int>(n);
  };
  profile["staff_years"] = whole("staff_years", 0);
  d["profile"] = profile;
  d["minimum_bids"] = whole("minimum_bids", 2);
  d["standstill_days"] = whole("standstill_days", 10);
  json timeline = json::object();
  for (const char* m : {"publication", "request_deadline", "questions_deadline",
                        "staff_information", "reservation_deadline"}) {
    if (!FormGet(v, m).empty()) timeline[m] = FormGet(v, m);
  }
  // The checkbox "staff_transfer" says whether staff transfer; the date has its own field id.
  if (!FormGet(v, "staff_transfer_date").empty()) {
    timeline["staff_transfer"] = FormGet(v, "staff_transfer_date");
  }
  d["timeline"] = timeline;
  if (!FormGet(v, "bid_deadline").empty()) {
    Result<Timestamp> deadline = FromOsloLocal(FormGet(v, "bid_deadline"));
    if (!deadline.ok()) {
      errors.push_back({"bid_deadline", InLanguage(lang, deadline.status().message())});
    } else {
      d["bid_deadline"] = deadline->ToIso();
    }
  }
  json criteria = json::array();
  for (int k = 0; k < kCriterionRows; ++k) {
    const std::string row = "criteria-" + std::to_string(k) + "-";
    const std::string id = FormGet(v, row + "id");
    if (id.empty() && FormGet(v, row + "weight").empty() && FormGet(v, row + "name").empty())
      continue;
    json c = {{"id", id},
              {"kind", FormGet(v, row + "kind").empty() ? "quality" : FormGet(v, row + "kind")}};
    if (!FormGet(v, row + "name").empty()) c["name"] = FormGet(v, row + "name");
    std::string weight = FormGet(v, row + "weight");
    std::replace(weight.begin(), weight.end(), ',', '.');
    char* end = nullptr;
    const double w = std::strtod(weight.c_str(), &end);
    if (weight.empty() || end == nullptr || *end != '\0' || !std::isfinite(w)) {
      errors.push_back(
          {row + "weight", (en ? "The weight of criterion " : "Vekten for kriterium ") +
                               std::to_string(k + 1) +
                               (en ? " must be a number" : " må være et tall")});
      continue;
    }
    c["weight"] = w;
    criteria.push_back(c);
  }
  d["award_model"] = {
      {"price_model",
       FormGet(v, "price_model").empty() ? "proportional" : FormGet(v, "price_model")},
      {"criteria", criteria}};
  // Lots and responsibilities: rows left empty are not part of the draft.
  json lots = json::array();
  for (int k = 0; k < kLotRows; ++k) {
    const std::string row = "lots-" + std::to_string(k) + "-";
    const std::string lot_id = FormGet(v, row + "id");
    const std::string title = FormGet(v, row + "title");
    const std::string amount = FormGet(v, row + "estimated_value");
    if (lot_id.empty() && title.empty() && amount.empty()) continue;
    json lot = {{"id", lot_id}, {"title", title}};
    Result<int64_t> minor = ParseMoneyMinor(amount);
    if (!minor.ok()) {
      errors.push_back({row + "estimated_value", std::string(en ? "Lot " : "Delkontrakt ") +
                                                     std::to_string(k + 1) + ": " +
                                                     InLanguage(lang, minor.status().message())});
      continue;
    }
    lot["estimated_value"] = static_cast<double>(*minor) / 100.0;
    lots.push_back(std::move(lot));
  }
  d["lots"] = lots;
  json responsibilities = json::array();
  for (int k = 0; k < kResponsibilityRows; ++k) {
    const std::string row = "responsibilities-" + std::to_string(k) + "-";
    if (FormGet(v, row + "area").empty() && FormGet(v, row + "description").empty()) continue;
    responsibilities.push_back(
        {{"area", FormGet(v, row + "area")},
         {"party", FormGet(v, row + "party").empty() ? "supplier" : FormGet(v, row + "party")},
         {"description", FormGet(v, row + "description")}});
  }
  d["responsibilities"] = responsibilities;
  json rules = {{"climate_weight_required", !FormGet(v, "climate_weight_required").empty()}};
  if (!FormGet(v, "climate_exception").empty())
    rules["climate_exception"] = FormGet(v, "climate_exception");
  d["award_rules"] = rules;
  return d;
}

// ---- rendering ----

std::string RenderForm(const PageRequest& req, const Values& values, const Errors& errors,
                       const std::string& action, std::string_view heading) {
  const bool en = req.lang == Lang::kEn;
  Form f{req, values, errors};
  std::string body = "<h1>" + H(heading) + "</h1>" + ErrorSummary(req, errors);
  body += "<form method=\"post\" action=\"" + H(action) + "\" class=\"stack wide\" novalidate>" +
          CsrfField(req);
  body += "<fieldset><legend>" + H(en ? "What is bought" : "Hva som anskaffes") + "</legend>";
  body += f.Input("title", en ? "Title" : "Tittel", "", "text", true);
  body += f.TextArea("description", en ? "Description" : "Beskrivelse");
  body += f.Input("cpv_code", en ? "CPV code" : "CPV-kode",
                  en ? "Main code from the CPV 2008 list with its check digit, e.g. 90911200-8: "
                       "the code must be in the list and the check digit the list's"
                     : "Hovedkode fra CPV 2008-listen med kontrollsiffer, f.eks. 90911200-8: "
                       "koden må stå i listen og kontrollsifferet være listens");
  body += f.Select(
      "category", en ? "Service category" : "Tjenestekategori",
      {{"ordinary", en ? "Goods and ordinary services" : "Varer og ordinære tjenester"},
       {"health_and_social", en ? "Health and social services" : "Helse- og sosialtjenester"}});
  body += f.Input("estimated_value",
                  en ? "Estimated value (NOK excl. VAT)" : "Anslått verdi (kr ekskl. mva.)",
                  en ? "Total for the whole period, options and extensions included: it decides "
                       "the legal regime"
                     : "Samlet for hele perioden, med opsjoner og forlengelser: avgjør regelverket",
                  "text", true);
  body += f.TextArea("why_not_divided", en ? "Why not divided into lots" : "Hvorfor ikke delt opp",
                     en ? "Goes into the procurement protocol (FOA § 25-5 c) when there are no lots"
                        : "Føres i anskaffelsesprotokollen (FOA § 25-5 c) når kontrakten "
                          "ikke deles opp");
  body += "</fieldset><fieldset><legend>" + H(en ? "Lots" : "Delkontrakter") + "</legend>";
  body += "<table class=\"criteria-form\"><caption>" +
          H(en ? "Lots, if the contract is divided (leave unused rows empty). Suppliers bid "
                 "per lot, and each lot is evaluated and awarded on its own."
               : "Delkontrakter, hvis kontrakten deles opp (la ubrukte rader stå tomme). "
                 "Leverandørene gir tilbud per delkontrakt, og hver evalueres og tildeles "
                 "for seg.") +
          "</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Id</th><th "
          "scope=\"col\">" +
          H(req.T("col.title")) + "</th><th scope=\"col\">" +
          H(en ? "Estimated value (NOK)" : "Anslått verdi (kr)") + "</th></tr></thead><tbody>";
  for (int k = 0; k < kLotRows; ++k) {
    const std::string row = "lots-" + std::to_string(k) + "-";
    const std::string n = " " + std::to_string(k + 1);
    body += "<tr><td>" + std::to_string(k + 1) + "</td>" +
            f.Cell(row + "id", (en ? "Lot id" : "Delkontrakt-id") + n) +
            f.Cell(row + "title", std::string(req.T("col.title")) + n) +
            f.Cell(row + "estimated_value", (en ? "Estimated value" : "Anslått verdi") + n) +
            "</tr>";
  }
  body += "</tbody></table>";
  body += "</fieldset><fieldset><legend>" +
          H(en ? "Procedure and timeline" : "Prosedyre og frister") + "</legend>";
  body += f.Select("procedure", en ? "Procedure" : "Prosedyre",
                   {{"open", std::string(req.T("procedure.open"))},
                    {"restricted", std::string(req.T("procedure.restricted"))},
                    {"other", std::string(req.T("procedure.other"))}});
  body += f.Check("political_approval_required",
                  en ? "The council approves the supplier before award"
                     : "Bystyret/kommunestyret godkjenner leverandør før tildeling");
  body += f.Check("staff_transfer",
                  en ? "Staff transfer (virksomhetsoverdragelse)" : "Virksomhetsoverdragelse");
  body += f.Input("staff_years", en ? "Staff years (årsverk)" : "Årsverk", "", "number");
  body += f.Input("staff_information", req.T("milestone.staff_information"),
                  en ? "When the employees are told about the transfer"
                     : "Når de ansatte får informasjon om overdragelsen",
                  "date");
  body += f.Input("reservation_deadline", req.T("milestone.reservation_deadline"),
                  en ? "At least 14 days after the information (Working Environment Act § 16-3)"
                     : "Minst 14 dager etter informasjonen (arbeidsmiljøloven § 16-3)",
                  "date");
  body +=
      f.Input("staff_transfer_date", req.T("milestone.staff_transfer"),
              en ? "The day the employees change employer" : "Dagen de ansatte bytter arbeidsgiver",
              "date");
  body += f.Input("publication", req.T("milestone.publication"),
                  en ? "Empty: the day it is published" : "Tom: dagen den kunngjøres", "date");
  body += f.Input("request_deadline", req.T("milestone.request_deadline"),
                  en ? "Restricted and negotiated procedures: the last day to ask to take part"
                     : "Begrenset og forhandlet prosedyre: siste dag for å be om å delta",
                  "date");
  body += f.Input("questions_deadline", req.T("milestone.questions_deadline"), "", "date");
  body += f.Input("bid_deadline", req.T("milestone.bid_deadline"),
                  en ? "Norwegian time" : "Norsk tid", "datetime-local", true);
  body += f.Input("minimum_bids", req.T("tender.minimum_bids"),
                  en ? "Fewer valid bids at the deadline make the competition unsuccessful (1–9)"
                     : "Færre gyldige tilbud ved fristen gjør konkurransen mislykket (1–9)",
                  "number");
  body += f.Input("standstill_days", en ? "Standstill period (days)" : "Karensperiode (dager)", "",
                  "number");
  body += "</fieldset><fieldset><legend>" + H(req.T("tender.criteria")) + "</legend>";
  body += "<p class=\"hint\">" +
          H(en ? "Locked when the competition is published: nothing here can change afterwards."
               : "Låses ved kunngjøring: ingenting her kan endres etterpå.") +
          "</p>";
  body += f.Select("price_model", req.T("tender.price_model"),
                   {{"proportional", en ? "Proportional" : "Proporsjonal"},
                    {"linear", en ? "Linear" : "Lineær"},
                    {"quality_pricing", en ? "Pricing of quality" : "Prissetting av kvalitet"}});
  // The model's own errors (weights that do not add up to 100) belong to the table as a whole.
  if (const std::string error = f.ErrorFor("criteria"); !error.empty()) {
    body += "<p class=\"field-error\" id=\"criteria\" tabindex=\"-1\">" + H(error) + "</p>";
  }
  body += "<table class=\"criteria-form\"><caption>" +
          H(en ? "Criteria (leave unused rows empty)" : "Kriterier (la ubrukte rader stå tomme)") +
          "</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Id</th><th "
          "scope=\"col\">" +
          H(en ? "Name" : "Navn") + "</th><th scope=\"col\">" + H(req.T("col.kind")) +
          "</th><th scope=\"col\">" + H(req.T("col.weight")) + "</th></tr></thead><tbody>";
  std::vector<std::pair<std::string, std::string>> kinds;
  for (const char* kind : {"price", "quality", "social", "environment"}) {
    kinds.push_back({kind, std::string(req.T(std::string("kind.") + kind))});
  }
  for (int k = 0; k < kCriterionRows; ++k) {
    const std::string row = "criteria-" + std::to_string(k) + "-";
    const std::string n = " " + std::to_string(k + 1);
    body += "<tr><td>" + std::to_string(k + 1) + "</td>" + f.Cell(row + "id", "Id" + n) +
            f.Cell(row + "name", (en ? "Name" : "Navn") + n) +
            f.SelectCell(row + "kind", std::string(req.T("col.kind")) + n, kinds) +
            f.Cell(row + "weight", std::string(req.T("col.weight")) + n) + "</tr>";
  }
  body += "</tbody></table>";
  body += f.Check("climate_weight_required",
                  en ? "FOA § 7-9 applies: climate and environment weigh at least 30 %"
                     : "FOA § 7-9 gjelder: klima og miljø vektes minst 30 %");
  body += f.TextArea("climate_exception", en ? "Documented exception from the 30 % rule"
                                             : "Dokumentert unntak fra 30 %-regelen");
  body += "</fieldset><fieldset><legend>" + H(req.T("tender.responsibilities")) + "</legend>";
  body += "<table class=\"criteria-form\"><caption>" +
          H(en ? "Who carries what in the contract: the municipality, the supplier or both "
                 "(leave unused rows empty)"
               : "Hvem som har ansvaret for hva i kontrakten: kommunen, leverandøren eller "
                 "begge (la ubrukte rader stå tomme)") +
          "</caption><thead><tr><th scope=\"col\">#</th><th scope=\"col\">" + H(req.T("col.area")) +
          "</th><th scope=\"col\">" + H(req.T("col.party")) + "</th><th scope=\"col\">" +
          H(req.T("col.description")) + "</th></tr></thead><tbody>";
  std::vector<std::pair<std::string, std::string>> parties;
  for (const char* party : {"supplier", "municipality", "shared"}) {
    parties.push_back({party, std::string(req.T(std::string("party.") + party))});
  }
  for (int k = 0; k < kResponsibilityRows; ++k) {
    const std::string row = "responsibilities-" + std::to_string(k) + "-";
    const std::string n = " " + std::to_string(k + 1);
    body += "<tr><td>" + std::to_string(k + 1) + "</td>" +
            f.Cell(row + "area", std::string(req.T("col.area")) + n) +
            f.SelectCell(row + "party", std::string(req.T("col.party")) + n, parties) +
            f.Cell(row + "description", std::string(req.T("col.description")) + n) + "</tr>";
  }
  body += "</tbody></table>";
  body += "</fieldset><button type=\"submit\">" + H(en ? "Save the draft" : "Lagre utkastet") +
          "</button></form>";
  return body;
}

// Saves through the service; on errors re-renders the form with them beside the fields.
Result<PageResponse> Save(PageRequest& req, app::TenderService& tenders,
                          std::optional<int64_t> id) {
  const Values values = FromRequest(req);
  Errors errors;
  SAMSPILL_ASSIGN_OR_RETURN(json draft, ToDraft(values, req.lang, errors));
  const std::string action = id ? "/anbud/" + std::to_string(*id) + "/rediger" : "/anbud/ny";
  const std::string heading =
      std::string(id ? (req.lang == Lang::kEn ? "Edit the draft" : "Rediger utkastet")
                     : req.T("nav.new_tender"));
  if (errors.empty()) {
    const app::Actor actor = app::Actor::FromPrincipal(*req.principal);
    Result<app::TenderView> saved =
        id ? tenders.Revise(actor, *id, draft.dump()) : tenders.Create(actor, draft.dump());
    if (saved.ok()) return Redirect("/anbud/" + std::to_string(saved->id));
    const Status& s = saved.status();
    if (s.code() != StatusCode::kInvalidArgument) return s;
    std::vector<Status> problems = app::TenderService::DraftProblems(draft.dump());
    if (problems.empty()) problems.push_back(s);
    for (const Status& problem : problems) {
      errors.push_back({FieldId(problem.field()), InLanguage(req.lang, problem.message())});
    }
  } else {
    // Every problem in one round: the draft's own, beside the ones of the fields as typed,
    // except where a field that could not be read explains it (a weight that is not a number
    // also makes the weights' sum wrong).
    const Errors typed = errors;
    for (const Status& problem : app::TenderService::DraftProblems(draft.dump())) {
      const std::string field = FieldId(problem.field());
      const bool explained = std::any_of(typed.begin(), typed.end(), [&](const auto& e) {
        return !field.empty() && e.first.rfind(field, 0) == 0;
      });
      if (!explained) errors.push_back({field, InLanguage(req.lang, problem.message())});
    }
  }
  return PageResponse{
      400, RenderLayout(req, heading, RenderForm(req, values, errors, action, heading)), "", {}};
}

}  // namespace

std::vector<PageRoute> TenderFormRoutes(app::TenderService& tenders) {
  const std::vector<Role> officer = {Role::kProcurementOfficer};
  std::vector<PageRoute> routes;
  routes.push_back(
      {"GET", "/anbud/ny", false, officer, [](PageRequest& req) -> Result<PageResponse> {
         Values defaults = {{"category", "ordinary"},        {"procedure", "open"},
                            {"minimum_bids", "2"},           {"standstill_days", "10"},
                            {"price_model", "proportional"}, {"criteria-0-id", "pris"},
                            {"criteria-0-kind", "price"},    {"criteria-0-name", "Pris"},
                            {"criteria-1-kind", "quality"},  {"criteria-2-kind", "environment"}};
         const std::string heading(req.T("nav.new_tender"));
         return PageResponse{
             200,
             RenderLayout(req, heading, RenderForm(req, defaults, {}, "/anbud/ny", heading)),
             "",
             {}};
       }});
  routes.push_back({"POST", "/anbud/ny", false, officer,
                    [&tenders](PageRequest& req) { return Save(req, tenders, std::nullopt); }});
  routes.push_back(
      {"GET", R"(/anbud/(\d{1,18})/rediger)", false, officer,
       [&tenders](PageRequest& req) -> Result<PageResponse> {
         const int64_t id = IdParam(req, 0);
         SAMSPILL_ASSIGN_OR_RETURN(app::TenderView view,
                                   tenders.Get(app::Actor::FromPrincipal(*req.principal), id));
         // The form edits the draft document (tendering/tender_json.h), the same document it
         // sends to Create and Revise.
         const json t = tendering::TenderDraftToJson(view.tender.draft());
         const std::string heading = req.lang == Lang::kEn ? "Edit the draft" : "Rediger utkastet";
         return PageResponse{
             200,
             RenderLayout(req, heading,
                          RenderForm(req, FromDraft(t), {},
                                     "/anbud/" + std::to_string(id) + "/rediger", heading)),
             "",
             {}};
       }});
  routes.push_back({"POST", R"(/anbud/(\d{1,18})/rediger)", false, officer,
                    [&tenders](PageRequest& req) { return Save(req, tenders, IdParam(req, 0)); }});
  return routes;
}

}  // namespace samspill::web
