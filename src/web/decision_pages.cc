// The decision-case pages under /beslutning (web/decision_pages.h): the list with the form for
// a new case, the case page with a form per change, the risk page, and the printable decision
// document. A form that is refused shows the case page again with the error at the top and the
// HTTP status of the refusal; nothing is stored.
#include "web/decision_pages.h"

#include <cmath>

#include "app/decision_service.h"
#include "common/money.h"
#include "common/parse_number.h"
#include "web/actor.h"
#include "web/messages.h"

namespace samspill::web {
namespace {

using Errors = std::vector<std::pair<std::string, std::string>>;

std::string CasePath(int64_t id) { return "/beslutning/" + std::to_string(id); }

// A whole-kroner amount as typed: "1 250 000", "1250000", "1 250 000,00"; "" is `fallback`.
Result<int64_t> KronerField(const PageRequest& req, const std::string& name, int64_t fallback,
                            bool required) {
  const std::string text = req.Param(name);
  if (text.find_first_not_of(" ") == std::string::npos) {
    if (required) return InvalidArgument("is required", name);
    return fallback;
  }
  Result<int64_t> minor = ParseMoneyMinor(text);
  if (!minor.ok()) return Status(minor.status().code(), minor.status().message(), name);
  if (*minor % 100 != 0) return InvalidArgument("whole kroner, without øre", name);
  return *minor / 100;
}

Result<int> IntField(const PageRequest& req, const std::string& name, int64_t min, int64_t max) {
  SAMSPILL_ASSIGN_OR_RETURN(int64_t v, ParseWholeNumber(req.Param(name), name, min, max));
  return static_cast<int>(v);
}

// A decimal number as typed ("7,7", "7.7", "12,5 %": common/parse_number.h, a trailing per
// cent sign allowed); "" is absent.
Result<std::optional<double>> DecimalField(const PageRequest& req, const std::string& name) {
  std::string text = req.Param(name);
  if (const size_t percent = text.rfind('%'); percent != std::string::npos) text.erase(percent);
  if (text.find_first_not_of(" ") == std::string::npos) return std::optional<double>();
  SAMSPILL_ASSIGN_OR_RETURN(double v, ParseDecimalNumber(text, name));
  return std::optional<double>(v);
}

Result<int64_t> Version(const PageRequest& req) {
  return ParseWholeNumber(req.Param("version"), "version", 1);
}

std::string Field(const std::string& id, std::string_view label, const std::string& input,
                  std::string_view hint = {}) {
  return "<div class=\"field\"><label for=\"" + id + "\">" + H(label) + "</label>" +
         (hint.empty() ? "" : "<p class=\"hint\" id=\"" + id + "-hint\">" + H(hint) + "</p>") +
         input + "</div>";
}

std::string Input(const std::string& id, const std::string& value, std::string_view extra = {}) {
  return "<input id=\"" + id + "\" name=\"" + id + "\" value=\"" + H(value) + "\"" +
         std::string(extra) + ">";
}

std::string Select(const std::string& id,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::string& selected) {
  std::string out = "<select id=\"" + id + "\" name=\"" + id + "\">";
  for (const auto& [value, label] : options) {
    out += "<option value=\"" + H(value) + "\"" + (value == selected ? " selected" : "") + ">" +
           H(label) + "</option>";
  }
  return out + "</select>";
}

std::vector<std::pair<std::string, std::string>> AlternativeOptions(
    const app::DecisionCaseView& view) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const decision::Alternative& a : view.c.business_case.alternatives) {
    out.push_back({a.id, a.name});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> OneToFive() {
  return {{"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5"}};
}

// ---- The list.

Result<PageResponse> ListPage(PageRequest& req, app::DecisionService& decisions,
                              const Errors& errors, int status) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::DecisionCaseSummary> cases,
                            decisions.ListCases(Who(req)));
  const std::string title(Tx(req, "Beslutningsgrunnlag", "Decision cases"));
  std::string body = "<h1>" + H(title) + "</h1>" + ErrorSummary(req, errors) + "<p>" +
                     H(Tx(req,
                          "Skal tjenesten konkurranseutsettes? Hvert grunnlag samler kostnadene "
                          "og kvaliteten i egen drift i dag, alternativene med totalkostnad over "
                          "perioden, risikoene, markedet og vedtaket.",
                          "Should the service be put out to tender? Each case gathers what the "
                          "service costs and achieves in-house today, the alternatives with "
                          "their total cost over the period, the risks, the market and the "
                          "decision.")) +
                     "</p>";
  if (cases.empty()) {
    body += "<p>" + H(Tx(req, "Ingen saker ennå.", "No cases yet.")) + "</p>";
  } else {
    body += "<table><caption>" + H(title) + "</caption><thead><tr><th scope=\"col\">" +
            H(Tx(req, "Sak", "Case")) + "</th><th scope=\"col\">" +
            H(Tx(req, "Tjenesteområde", "Service area")) + "</th><th scope=\"col\">" +
            H(Tx(req, "Status", "Status")) + "</th><th scope=\"col\">" +
            H(Tx(req, "Sist endret", "Last changed")) + "</th></tr></thead><tbody>";
    for (const app::DecisionCaseSummary& c : cases) {
      std::string status = std::string(Tx(req, "Under arbeid", "In progress"));
      if (c.decided && c.decided_on) {
        status = std::string(Tx(req, "Vedtatt ", "Decided ")) + FormatDate(req.lang, *c.decided_on);
      }
      body += "<tr><td><a href=\"" + CasePath(c.id) + "\">" + H(c.title) + "</a></td><td>" +
              H(c.service_area) + "</td><td>" + H(status) + "</td><td>" +
              H(FormatDateTime(req.lang, c.updated_at)) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  if (IsDecisionWriterRole(req.principal->user.role)) {
    const std::string first = req.Param("first_year").empty() ? "2026" : req.Param("first_year");
    const std::string last = req.Param("last_year").empty() ? "2029" : req.Param("last_year");
    body += Section(
        "new-case", Tx(req, "Nytt beslutningsgrunnlag", "New decision case"),
        "<form method=\"post\" action=\"/beslutning\" class=\"stack\">" + CsrfField(req) +
            Field("title", Tx(req, "Tittel", "Title"),
                  Input("title", req.Param("title"), " required maxlength=\"200\"")) +
            Field("service_area", Tx(req, "Tjenesteområde", "Service area"),
                  Input("service_area", req.Param("service_area"), " required maxlength=\"200\"")) +
            Field("first_year", Tx(req, "Første år i perioden", "First year of the period"),
                  Input("first_year", first, " inputmode=\"numeric\" required")) +
            Field("last_year", Tx(req, "Siste år i perioden", "Last year of the period"),
                  Input("last_year", last, " inputmode=\"numeric\" required")) +
            "<p class=\"hint\">" +
            H(Tx(req,
                 "Saken starter med tre alternativer (egen drift som i dag, egen drift forbedret, "
                 "konkurranseutsatt) og risikoene fra Trondheims BoA-evaluering som mal.",
                 "The case starts with three alternatives (in-house as today, in-house improved, "
                 "outsourced) and the risks of Trondheim's BoA evaluation as a template.")) +
            "</p><button type=\"submit\">" + H(Tx(req, "Opprett", "Create")) + "</button></form>");
  }
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

Result<PageResponse> Create(PageRequest& req, app::DecisionService& decisions) {
  Result<int> first = IntField(req, "first_year", 1900, 2200);
  Result<int> last = IntField(req, "last_year", 1900, 2200);
  Status s = !first.ok() ? first.status() : last.status();
  if (s.ok()) {
    Result<app::DecisionCaseView> made =
        decisions.StartCase(Who(req), req.Param("title"), req.Param("service_area"), *first, *last);
    if (made.ok()) return Redirect(CasePath(made->id));
    s = made.status();
  }
  if (s.code() != StatusCode::kInvalidArgument) return s;
  std::string field(s.field());
  if (field == "business_case.first_year" || field == "business_case") field = "first_year";
  return ListPage(req, decisions,
                  {{field, std::string(field) + ": " + InLanguage(req.lang, s.message())}}, 400);
}

// ---- The case page.

std::string DetailsForm(const PageRequest& req, const app::DecisionCaseView& view) {
  const decision::DecisionCase& c = view.c;
  int64_t operating =
      c.business_case.operating_costs.empty() ? 0 : c.business_case.operating_costs.front().amount;
  return "<details><summary>" +
         H(Tx(req, "Endre opplysningene om saken", "Edit the case's details")) +
         "</summary><form method=\"post\" action=\"" + CasePath(view.id) +
         "/detaljer\" class=\"stack\">" + CaseFormFields(req, view) +
         Field("d-title", Tx(req, "Tittel", "Title"),
               "<input id=\"d-title\" name=\"title\" value=\"" + H(c.title) +
                   "\" required maxlength=\"200\">") +
         Field("d-area", Tx(req, "Tjenesteområde", "Service area"),
               "<input id=\"d-area\" name=\"service_area\" value=\"" + H(c.service_area) +
                   "\" required maxlength=\"200\">") +
         Field("d-description", Tx(req, "Beskrivelse", "Description"),
               "<textarea id=\"d-description\" name=\"description\" rows=\"4\">" +
                   H(c.description) + "</textarea>") +
         Field("d-cpv", Tx(req, "CPV-kode", "CPV code"),
               "<input id=\"d-cpv\" name=\"cpv\" value=\"" + H(c.cpv) +
                   "\" aria-describedby=\"d-cpv-hint\">",
               Tx(req, "For markedsdelen, f.eks. 85311000-2",
                  "For the market section, e.g. 85311000-2")) +
         Field("d-region", Tx(req, "Region (NUTS)", "Region (NUTS)"),
               "<input id=\"d-region\" name=\"region\" value=\"" + H(c.region) +
                   "\" aria-describedby=\"d-region-hint\">",
               Tx(req, "F.eks. NO060 for Trøndelag; tomt for hele markedet",
                  "E.g. NO060 for Trøndelag; empty for the whole market")) +
         Field("d-operating",
               Tx(req, "Driftsutgifter per år (kr)", "Operating costs per year (NOK)"),
               "<input id=\"d-operating\" name=\"operating_cost\" inputmode=\"numeric\" value=\"" +
                   (operating > 0 ? FormatMoneyInput(Money{operating * 100, "NOK"}) : "") +
                   "\" aria-describedby=\"d-operating-hint\">",
               Tx(req, "Grunnlaget for andelene; tomt for ingen",
                  "The base of the shares; empty for none")) +
         Field("d-seed", Tx(req, "Frø for Monte Carlo", "Monte-Carlo seed"),
               "<input id=\"d-seed\" name=\"seed\" inputmode=\"numeric\" value=\"" +
                   std::to_string(c.monte_carlo.seed) + "\">") +
         "<button type=\"submit\">" + H(Tx(req, "Lagre", "Save")) + "</button></form></details>";
}

std::string UnitYearForm(const PageRequest& req, const app::DecisionCaseView& view) {
  std::vector<std::pair<std::string, std::string>> functions;
  for (int f : decision::kKostraFunctions)
    functions.push_back({std::to_string(f), std::to_string(f)});
  const std::string year = std::to_string(view.c.business_case.first_year - 1);
  return "<details><summary>" +
         H(Tx(req, "Legg inn eller endre ett år for en enhet",
              "Enter or change one year of a unit")) +
         "</summary><form method=\"post\" action=\"" + CasePath(view.id) +
         "/grunnlag\" class=\"stack\">" + CaseFormFields(req, view) +
         Field("u-id", Tx(req, "Enhetens kortnavn", "The unit's short id"),
               "<input id=\"u-id\" name=\"unit_id\" required maxlength=\"40\" "
               "aria-describedby=\"u-id-hint\">",
               Tx(req, "Samme kortnavn endrer samme enhet, f.eks. «lade»",
                  "The same id changes the same unit, e.g. \"lade\"")) +
         Field("u-name", Tx(req, "Enhetens navn", "The unit's name"),
               "<input id=\"u-name\" name=\"unit_name\" maxlength=\"200\">") +
         Field("u-function", Tx(req, "KOSTRA-funksjon", "KOSTRA function"),
               Select("u-function", functions, "254")) +
         Field("u-year", Tx(req, "År", "Year"),
               "<input id=\"u-year\" name=\"year\" inputmode=\"numeric\" required value=\"" + year +
                   "\">") +
         Field("u-budget", Tx(req, "Budsjett (kr)", "Budget (NOK)"),
               "<input id=\"u-budget\" name=\"budget\" inputmode=\"numeric\">") +
         Field("u-accounts", Tx(req, "Regnskap (kr)", "Accounts (NOK)"),
               "<input id=\"u-accounts\" name=\"accounts\" inputmode=\"numeric\">") +
         Field("u-fte", Tx(req, "Årsverk", "FTEs"),
               "<input id=\"u-fte\" name=\"fte\" inputmode=\"decimal\">") +
         Field("u-positions", Tx(req, "Stillinger", "Positions"),
               "<input id=\"u-positions\" name=\"positions\" inputmode=\"numeric\">") +
         Field("u-sick", Tx(req, "Sykefravær (%)", "Sick leave (%)"),
               "<input id=\"u-sick\" name=\"sick_leave\" inputmode=\"decimal\">") +
         Field("u-turnover", Tx(req, "Turnover (%)", "Turnover (%)"),
               "<input id=\"u-turnover\" name=\"turnover\" inputmode=\"decimal\">") +
         Field("u-users", Tx(req, "Brukere", "Users"),
               "<input id=\"u-users\" name=\"users\" inputmode=\"numeric\">") +
         "<div class=\"check\"><input type=\"checkbox\" id=\"u-example\" name=\"example\" "
         "value=\"1\"><label for=\"u-example\">" +
         H(Tx(req, "Tallene er eksempler (anslag, ikke fra en kilde)",
              "The figures are examples (estimates, not from a source)")) +
         "</label></div><button type=\"submit\">" + H(Tx(req, "Lagre året", "Save the year")) +
         "</button></form></details>" + "<details><summary>" +
         H(Tx(req, "Importer enhetene fra CSV eller Excel", "Import the units from CSV or Excel")) +
         "</summary><form method=\"post\" action=\"" + CasePath(view.id) +
         "/grunnlag/import\" enctype=\"multipart/form-data\" class=\"stack\">" +
         CaseFormFields(req, view) + "<p class=\"hint\" id=\"b-file-hint\">" +
         H(Tx(req,
              "Én rad per enhet og år med kolonnene enhet, navn, kostra_funksjon, år, budsjett, "
              "regnskap, årsverk, stillinger, sykefravær, turnover, brukere, ett felt per "
              "behovsnivå og eksempel (ja/nei). Importen erstatter alle enhetene, eller ingen "
              "om en rad har feil.",
              "One row per unit and year with the columns unit, name, kostra_function, year, "
              "budget, accounts, fte, positions, sick_leave, turnover, users, one column per "
              "need level and example (yes/no). The import replaces every unit, or none if a "
              "row has errors.")) +
         "</p>" +
         Field("b-file", Tx(req, "Fil (CSV eller xlsx)", "File (CSV or xlsx)"),
               "<input type=\"file\" id=\"b-file\" name=\"file\" accept=\".csv,.txt,.xlsx\" "
               "aria-describedby=\"b-file-hint\" required>") +
         "<button type=\"submit\">" + H(Tx(req, "Importer", "Import")) +
         "</button></form></details>";
}

std::string ItemForm(const PageRequest& req, const app::DecisionCaseView& view) {
  const decision::BusinessCase& bc = view.c.business_case;
  std::string ready = "<datalist id=\"ready-made\">";
  std::string hints = "<ul class=\"hint\" id=\"i-name-hint\">";
  for (const decision::ReadyMadeItem& r : decision::ReadyMadeItems()) {
    const std::string& name = req.lang == Lang::kNb ? r.name_nb : r.name_en;
    ready += "<option value=\"" + H(name) + "\">";
    hints += "<li><strong>" + H(name) +
             "</strong>: " + H(req.lang == Lang::kNb ? r.hint_nb : r.hint_en) +
             (r.base > 0 ? " (" + H(Kroner(req, r.base)) + ")" : "") + "</li>";
  }
  ready += "</datalist>";
  hints += "</ul>";
  std::vector<std::pair<std::string, std::string>> alternatives;
  for (const decision::Alternative& a : bc.alternatives) {
    if (a.id != bc.baseline_id) alternatives.push_back({a.id, a.name});
  }
  return "<details><summary>" + H(Tx(req, "Legg til en post", "Add an item")) +
         "</summary><form method=\"post\" action=\"" + CasePath(view.id) +
         "/post\" class=\"stack\">" + CaseFormFields(req, view) +
         Field("i-alternative", Tx(req, "Alternativ", "Alternative"),
               Select("i-alternative", alternatives, "")) +
         "<div class=\"field\"><label for=\"i-name\">" + H(Tx(req, "Post", "Item")) + "</label>" +
         "<p class=\"hint\">" +
         H(Tx(req, "Ferdige poster (skriv eller velg):", "Ready-made items (type or choose):")) +
         "</p>" + hints +
         "<input id=\"i-name\" name=\"name\" list=\"ready-made\" required maxlength=\"200\" "
         "aria-describedby=\"i-name-hint\">" +
         ready + "</div>" +
         Field("i-kind", Tx(req, "Art", "Kind"),
               Select("i-kind",
                      {{"cost", std::string(Tx(req, "Kostnad", "Cost"))},
                       {"saving", std::string(Tx(req, "Gevinst", "Saving"))}},
                      "cost")) +
         Field("i-from", Tx(req, "Fra år", "From year"),
               "<input id=\"i-from\" name=\"from_year\" inputmode=\"numeric\" required value=\"" +
                   std::to_string(bc.first_year) + "\">") +
         Field("i-to", Tx(req, "Til og med år", "To year"),
               "<input id=\"i-to\" name=\"to_year\" inputmode=\"numeric\" required value=\"" +
                   std::to_string(bc.last_year) + "\">") +
         Field("i-base", Tx(req, "Forventet per år (kr)", "Base per year (NOK)"),
               "<input id=\"i-base\" name=\"base\" inputmode=\"numeric\" required>") +
         Field("i-low", Tx(req, "Lav per år (kr)", "Low per year (NOK)"),
               "<input id=\"i-low\" name=\"low\" inputmode=\"numeric\" "
               "aria-describedby=\"i-low-hint\">",
               Tx(req, "Tomt: samme som forventet", "Empty: the same as the base")) +
         Field("i-high", Tx(req, "Høy per år (kr)", "High per year (NOK)"),
               "<input id=\"i-high\" name=\"high\" inputmode=\"numeric\" "
               "aria-describedby=\"i-high-hint\">",
               Tx(req, "Tomt: samme som forventet", "Empty: the same as the base")) +
         "<div class=\"check\"><input type=\"checkbox\" id=\"i-uncertain\" "
         "name=\"uncertain\" value=\"1\"><label for=\"i-uncertain\">" +
         H(Tx(req, "Usikker: vis posten, men hold den utenfor summene",
              "Uncertain: show the item but keep it out of the totals")) +
         "</label></div><button type=\"submit\">" + H(Tx(req, "Legg til", "Add")) +
         "</button></form></details><details><summary>" +
         H(Tx(req, "Legg til et alternativ", "Add an alternative")) +
         "</summary><form method=\"post\" action=\"" + CasePath(view.id) +
         "/alternativ\" class=\"stack\">" + CaseFormFields(req, view) +
         Field("a-name", Tx(req, "Navn", "Name"),
               "<input id=\"a-name\" name=\"name\" required maxlength=\"200\" "
               "aria-describedby=\"a-name-hint\">",
               Tx(req, "F.eks. «Trinnvis: to enheter først»", "E.g. \"Staged: two units first\"")) +
         "<button type=\"submit\">" + H(Tx(req, "Legg til", "Add")) + "</button></form></details>";
}

std::string DecisionForm(const PageRequest& req, const app::DecisionCaseView& view) {
  std::vector<std::pair<std::string, std::string>> recommended = {
      {"", std::string(Tx(req, "Ingen anbefaling", "No recommendation"))}};
  for (const auto& o : AlternativeOptions(view)) recommended.push_back(o);
  return "<form method=\"post\" action=\"" + CasePath(view.id) + "/vedtak\" class=\"stack\">" +
         CaseFormFields(req, view) + "<p>" +
         H(Tx(req, "Når vedtaket registreres, låses saken med tallene slik de står nå.",
              "When the decision is recorded, the case is locked with its figures as they "
              "stand now.")) +
         "</p>" +
         Field("v-recommendation",
               Tx(req, "Administrasjonens anbefaling", "The administration's recommendation"),
               "<textarea id=\"v-recommendation\" name=\"recommendation\" rows=\"4\"></textarea>") +
         Field("v-recommended", Tx(req, "Anbefalt alternativ", "Recommended alternative"),
               Select("v-recommended", recommended, "")) +
         Field("v-chosen", Tx(req, "Vedtatt alternativ", "Alternative decided"),
               Select("v-chosen", AlternativeOptions(view), "")) +
         Field("v-outcome", Tx(req, "Vedtaket fører til", "The decision leads to"),
               Select("v-outcome",
                      {{"tender", std::string(Tx(req, "Konkurranseutsetting", "A tender"))},
                       {"in_house_improved",
                        std::string(Tx(req, "Egen drift, forbedret", "In-house, improved"))},
                       {"in_house",
                        std::string(Tx(req, "Egen drift som i dag", "In-house as today"))}},
                      "tender")) +
         Field("v-by", Tx(req, "Vedtatt av", "Decided by"),
               "<input id=\"v-by\" name=\"decided_by\" required maxlength=\"200\" value=\"" +
                   H(Tx(req, "Bystyret", "City council")) + "\">") +
         Field("v-on", Tx(req, "Dato (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
               "<input id=\"v-on\" name=\"decided_on\" required placeholder=\"2025-02-20\">") +
         Field("v-ref", Tx(req, "Saksnummer", "Case reference"),
               "<input id=\"v-ref\" name=\"political_reference\" required maxlength=\"200\">") +
         "<button type=\"submit\">" + H(Tx(req, "Registrer vedtaket", "Record the decision")) +
         "</button></form>";
}

Result<PageResponse> CasePage(PageRequest& req, app::DecisionService& decisions, int64_t id,
                              const Errors& errors, int status) {
  SAMSPILL_ASSIGN_OR_RETURN(app::DecisionCaseView view, decisions.GetCase(Who(req), id));
  const decision::DecisionCase& c = view.c;
  const bool forms = view.can_edit;
  std::string body = "<h1>" + H(c.title) + "</h1>" + ErrorSummary(req, errors);
  const std::string saved = req.Param("lagret");
  if (!saved.empty() && errors.empty()) {
    body += "<p class=\"notice\" role=\"status\">" + H(Tx(req, "Lagret.", "Saved.")) + "</p>";
  }
  body += CaseSummaryHtml(req, view);
  body += "<p><a href=\"" + CasePath(id) + "/dokument\">" +
          H(Tx(req, "Beslutningsdokumentet for utskrift", "The decision document for printing")) +
          "</a> · <a href=\"/api/decision/cases/" + std::to_string(id) + "\">" +
          H(Tx(req, "Saken som JSON", "The case as JSON")) + "</a></p>";
  if (forms) body += DetailsForm(req, view);
  body += Section("baseline", Tx(req, "1. Egen drift i dag", "1. The service in-house today"),
                  BaselineHtml(req, view) + (forms ? UnitYearForm(req, view) : ""));
  body += Section("alternatives", Tx(req, "2. Alternativer og poster", "2. Alternatives and items"),
                  ItemsHtml(req, view, forms) + (forms ? ItemForm(req, view) : ""));
  body += Section("totals", Tx(req, "Totalkostnad over perioden", "Total cost over the period"),
                  TotalsHtml(req, view));
  body += Section("risks", Tx(req, "3. Risikoer", "3. Risks"),
                  RisksHtml(req, view, forms) +
                      (forms ? "<p><a href=\"" + CasePath(id) + "/risiko/ny\">" +
                                   H(Tx(req, "Legg til en risiko", "Add a risk")) + "</a></p>"
                             : ""));
  if (!c.cpv.empty()) {
    body += MarketHtml(req, decisions.Market(Who(req), c.cpv, c.region), "market",
                       Tx(req, "4. Markedet", "4. The market"));
  } else {
    body += Section("market", Tx(req, "4. Markedet", "4. The market"),
                    "<p>" +
                        H(Tx(req, "Velg en CPV-kode for saken for å se markedet.",
                             "Choose a CPV code for the case to see the market.")) +
                        "</p>");
  }
  std::string decision_body = DecisionHtml(req, view);
  if (forms) decision_body += DecisionForm(req, view);
  if (c.decision && c.decision->outcome == decision::DecisionOutcome::kTender && !c.tender_id &&
      IsDecisionWriterRole(req.principal->user.role)) {
    decision_body +=
        "<form method=\"post\" action=\"" + CasePath(id) + "/anbud\" class=\"stack\">" +
        CaseFormFields(req, view) +
        Field("t-id", Tx(req, "Konkurransens nummer", "The tender's number"),
              "<input id=\"t-id\" name=\"tender_id\" inputmode=\"numeric\" required>") +
        "<button type=\"submit\">" +
        H(Tx(req, "Knytt anbudet til saken", "Link the tender to the case")) + "</button></form>";
  }
  body += Section("decision", Tx(req, "5. Vedtaket", "5. The decision"), decision_body);
  return PageResponse{status, RenderLayout(req, c.title, body), "", {}};
}

// A change from a form: on success back to the case; refused input shows the page again.
Result<PageResponse> Answer(PageRequest& req, app::DecisionService& decisions, int64_t id,
                            const Status& s, std::string_view anchor) {
  if (s.ok()) return Redirect(CasePath(id) + "?lagret=1#" + std::string(anchor));
  if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kInternal ||
      s.code() == StatusCode::kDataLoss || s.code() == StatusCode::kUnavailable) {
    return s;
  }
  if (s.code() == StatusCode::kNotFound && !decisions.GetCase(Who(req), id).ok()) return s;
  std::string message = InLanguage(req.lang, s.message());
  if (!s.field().empty()) message = std::string(s.field()) + ": " + message;
  return CasePage(req, decisions, id, {{"", message}}, FormRefusalStatus(s));
}

template <typename Fn>
Result<PageResponse> Change(PageRequest& req, app::DecisionService& decisions,
                            std::string_view anchor, Fn&& fn) {
  const int64_t id = IdParam(req, 0);
  Result<int64_t> version = Version(req);
  if (!version.ok()) return Answer(req, decisions, id, version.status(), anchor);
  Result<app::DecisionCaseView> done = fn(id, *version);
  return Answer(req, decisions, id, done.status(), anchor);
}

Result<app::DecisionCaseView> SaveDetails(PageRequest& req, app::DecisionService& d, int64_t id,
                                          int64_t version) {
  app::DecisionService::CaseDetails details{req.Param("title"), req.Param("service_area"),
                                            req.Param("description"), req.Param("cpv"),
                                            req.Param("region")};
  SAMSPILL_ASSIGN_OR_RETURN(details.operating_cost_per_year,
                            KronerField(req, "operating_cost", 0, false));
  if (!req.Param("seed").empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(details.monte_carlo_seed,
                              ParseWholeNumber(req.Param("seed"), "seed", 1, int64_t{1} << 53));
  }
  return d.UpdateDetails(Who(req), id, version, details);
}

Result<app::DecisionCaseView> AddItem(PageRequest& req, app::DecisionService& d, int64_t id,
                                      int64_t version) {
  decision::CaseItem item;
  item.alternative_id = req.Param("alternative");
  if (item.alternative_id.empty()) item.alternative_id = req.Param("i-alternative");
  item.name = req.Param("name");
  const std::string kind = req.Param("i-kind");
  if (kind != "cost" && kind != "saving") return InvalidArgument("choose cost or saving", "kind");
  item.kind = kind == "saving" ? decision::ItemKind::kSaving : decision::ItemKind::kCost;
  SAMSPILL_ASSIGN_OR_RETURN(item.base, KronerField(req, "base", 0, true));
  SAMSPILL_ASSIGN_OR_RETURN(item.low, KronerField(req, "low", item.base, false));
  SAMSPILL_ASSIGN_OR_RETURN(item.high, KronerField(req, "high", item.base, false));
  item.uncertain = req.Param("uncertain") == "1";
  SAMSPILL_ASSIGN_OR_RETURN(int from, IntField(req, "from_year", 1900, 2200));
  SAMSPILL_ASSIGN_OR_RETURN(int to, IntField(req, "to_year", 1900, 2200));
  return d.AddItems(Who(req), id, version, item, from, to);
}

Result<app::DecisionCaseView> SaveUnitYear(PageRequest& req, app::DecisionService& d, int64_t id,
                                           int64_t version) {
  decision::UnitYear y;
  SAMSPILL_ASSIGN_OR_RETURN(y.year, IntField(req, "year", 1900, 2200));
  SAMSPILL_ASSIGN_OR_RETURN(int function, IntField(req, "u-function", 0, 9999));
  auto kroner = [&](const char* name, std::optional<int64_t>& out) -> Status {
    if (req.Param(name).empty()) return Status::Ok();
    SAMSPILL_ASSIGN_OR_RETURN(int64_t v, KronerField(req, name, 0, true));
    out = v;
    return Status::Ok();
  };
  SAMSPILL_RETURN_IF_ERROR(kroner("budget", y.budget));
  SAMSPILL_RETURN_IF_ERROR(kroner("accounts", y.accounts));
  SAMSPILL_ASSIGN_OR_RETURN(y.fte, DecimalField(req, "fte"));
  SAMSPILL_ASSIGN_OR_RETURN(y.sick_leave_percent, DecimalField(req, "sick_leave"));
  SAMSPILL_ASSIGN_OR_RETURN(y.turnover_percent, DecimalField(req, "turnover"));
  if (!req.Param("positions").empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(y.positions, IntField(req, "positions", -1'000'000, 10'000'000));
  }
  if (!req.Param("users").empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(y.users, IntField(req, "users", -1'000'000, 10'000'000));
  }
  y.example = req.Param("example") == "1";
  return d.PutUnitYear(Who(req), id, version, req.Param("unit_id"), req.Param("unit_name"),
                       function, y);
}

Result<app::DecisionCaseView> Record(PageRequest& req, app::DecisionService& d, int64_t id,
                                     int64_t version) {
  decision::CaseDecision decision;
  decision.recommendation = req.Param("recommendation");
  decision.recommended_alternative = req.Param("v-recommended");
  decision.chosen_alternative = req.Param("v-chosen");
  std::optional<decision::DecisionOutcome> outcome =
      decision::OutcomeFromName(req.Param("v-outcome"));
  if (!outcome) return InvalidArgument("choose what the decision leads to", "outcome");
  decision.outcome = *outcome;
  decision.decided_by = req.Param("decided_by");
  Result<Date> on = ParseIsoDate(req.Param("decided_on"));
  if (!on.ok())
    return InvalidArgument("the date is written YYYY-MM-DD, e.g. 2025-02-20", "decided_on");
  decision.decided_on = *on;
  decision.political_reference = req.Param("political_reference");
  return d.Decide(Who(req), id, version, std::move(decision));
}

Result<PageResponse> Import(PageRequest& req, app::DecisionService& decisions) {
  const int64_t id = IdParam(req, 0);
  Result<int64_t> version = Version(req);
  if (!version.ok()) return Answer(req, decisions, id, version.status(), "baseline");
  std::optional<Upload> file = req.File("file");
  if (!file)
    return Answer(req, decisions, id, InvalidArgument("choose a file", "file"), "baseline");
  Result<app::BaselineImportOutcome> outcome =
      decisions.ImportBaseline(Who(req), id, *version, {file->filename, file->content});
  if (!outcome.ok()) return Answer(req, decisions, id, outcome.status(), "baseline");
  if (outcome->errors.empty()) return Answer(req, decisions, id, Status::Ok(), "baseline");
  Errors errors;
  for (const auto& e : outcome->errors) {
    errors.push_back(
        {"", std::string(Tx(req, "rad ", "row ")) + std::to_string(e.row) +
                 (e.column.empty() ? ""
                                   : std::string(Tx(req, ", kolonne «", ", column “")) + e.column +
                                         std::string(Tx(req, "»", "”"))) +
                 ": " + InLanguage(req.lang, e.message)});
  }
  errors.insert(errors.begin(),
                {"", std::to_string(outcome->errors.size()) +
                         std::string(Tx(req, " rader har feil; ingenting ble importert.",
                                        " rows have errors; nothing was imported."))});
  return CasePage(req, decisions, id, errors, 400);
}

// ---- A risk's own page: its fields and one new mitigation.

Result<PageResponse> RiskPage(PageRequest& req, app::DecisionService& decisions,
                              const Errors& errors, int status) {
  const int64_t id = IdParam(req, 0);
  const std::string risk_id = req.params.size() > 1 ? req.params[1] : "";
  SAMSPILL_ASSIGN_OR_RETURN(app::DecisionCaseView view, decisions.GetCase(Who(req), id));
  if (!view.can_edit) {
    return Conflict("the case is decided and locked, or your role may not change it");
  }
  decision::Risk risk;
  const bool is_new = risk_id.empty();
  if (!is_new) {
    bool found = false;
    for (const decision::Risk& r : view.c.risks) {
      if (r.id == risk_id) {
        risk = r;
        found = true;
      }
    }
    if (!found) return NotFound("there is no risk \"" + risk_id + "\"");
  }
  const std::string title(is_new ? Tx(req, "Ny risiko", "New risk")
                                 : Tx(req, "Endre risikoen", "Edit the risk"));
  std::vector<std::pair<std::string, std::string>> residual = {
      {"0", std::string(Tx(req, "ikke vurdert", "not assessed"))}};
  for (const auto& o : OneToFive()) residual.push_back(o);
  std::string mitigations;
  for (size_t i = 0; i < risk.mitigations.size(); ++i) {
    const decision::Mitigation& m = risk.mitigations[i];
    const std::string n = std::to_string(i);
    mitigations +=
        "<fieldset><legend>" +
        H(std::string(Tx(req, "Tiltak ", "Mitigation ")) + std::to_string(i + 1)) + "</legend>" +
        Field("m" + n + "-action", Tx(req, "Tiltak", "Action"),
              "<input id=\"m" + n + "-action\" name=\"m" + n + "_action\" value=\"" + H(m.action) +
                  "\" maxlength=\"1000\">") +
        Field("m" + n + "-owner", Tx(req, "Ansvarlig", "Owner"),
              "<input id=\"m" + n + "-owner\" name=\"m" + n + "_owner\" value=\"" + H(m.owner) +
                  "\" maxlength=\"200\">") +
        Field("m" + n + "-status", Tx(req, "Status", "Status"),
              Select("m" + n + "-status",
                     {{"1", std::string(Tx(req, "planlagt", "planned"))},
                      {"2", std::string(Tx(req, "pågår", "in progress"))},
                      {"3", std::string(Tx(req, "gjennomført", "done"))},
                      {"4", std::string(Tx(req, "droppet", "dropped"))}},
                     std::to_string(static_cast<int>(m.status)))) +
        Field("m" + n + "-due", Tx(req, "Frist (ÅÅÅÅ-MM-DD)", "Due (YYYY-MM-DD)"),
              "<input id=\"m" + n + "-due\" name=\"m" + n + "_due\" value=\"" + H(m.due) + "\">") +
        "</fieldset>";
  }
  const std::string n = std::to_string(risk.mitigations.size());
  mitigations +=
      "<fieldset><legend>" + H(Tx(req, "Nytt tiltak (valgfritt)", "New mitigation (optional)")) +
      "</legend>" +
      Field("m" + n + "-action", Tx(req, "Tiltak", "Action"),
            "<input id=\"m" + n + "-action\" name=\"m" + n + "_action\" maxlength=\"1000\">") +
      Field("m" + n + "-owner", Tx(req, "Ansvarlig", "Owner"),
            "<input id=\"m" + n + "-owner\" name=\"m" + n + "_owner\" maxlength=\"200\">") +
      Field("m" + n + "-due", Tx(req, "Frist (ÅÅÅÅ-MM-DD)", "Due (YYYY-MM-DD)"),
            "<input id=\"m" + n + "-due\" name=\"m" + n + "_due\">") +
      "</fieldset>";
  const std::string action = CasePath(id) + "/risiko/" + (is_new ? std::string("ny") : H(risk.id));
  std::string body =
      "<h1>" + H(title) + "</h1>" + ErrorSummary(req, errors) + "<p><a href=\"" + CasePath(id) +
      "#risks\">" + H(std::string(Tx(req, "Tilbake til ", "Back to ")) + view.c.title) +
      "</a></p>" + "<form method=\"post\" action=\"" + action + "\" class=\"stack\">" +
      CaseFormFields(req, view) + "<input type=\"hidden\" name=\"mitigations\" value=\"" +
      std::to_string(risk.mitigations.size() + 1) + "\">" +
      (is_new ? Field("r-id", Tx(req, "Kortnavn", "Short id"),
                      "<input id=\"r-id\" name=\"risk_id\" required maxlength=\"60\" "
                      "aria-describedby=\"r-id-hint\">",
                      Tx(req, "F.eks. «leverandor_konkurs»", "E.g. \"supplier_bankruptcy\""))
              : "") +
      Field("r-title", Tx(req, "Risiko", "Risk"),
            "<input id=\"r-title\" name=\"title\" required maxlength=\"300\" value=\"" +
                H(risk.title) + "\">") +
      Field("r-description", Tx(req, "Beskrivelse", "Description"),
            "<textarea id=\"r-description\" name=\"description\" rows=\"4\">" +
                H(risk.description) + "</textarea>") +
      Field("r-likelihood", Tx(req, "Sannsynlighet (1–5)", "Likelihood (1–5)"),
            Select("r-likelihood", OneToFive(), std::to_string(risk.likelihood))) +
      Field("r-consequence", Tx(req, "Konsekvens (1–5)", "Consequence (1–5)"),
            Select("r-consequence", OneToFive(), std::to_string(risk.consequence))) +
      mitigations +
      Field("r-rl", Tx(req, "Sannsynlighet etter tiltak", "Likelihood after mitigation"),
            Select("r-rl", residual, std::to_string(risk.residual_likelihood))) +
      Field("r-rc", Tx(req, "Konsekvens etter tiltak", "Consequence after mitigation"),
            Select("r-rc", residual, std::to_string(risk.residual_consequence))) +
      "<button type=\"submit\">" + H(Tx(req, "Lagre risikoen", "Save the risk")) +
      "</button></form>";
  if (!is_new) {
    body += "<form method=\"post\" action=\"" + action + "/slett\">" + CaseFormFields(req, view) +
            "<button type=\"submit\" class=\"danger\">" +
            H(Tx(req, "Slett risikoen", "Delete the risk")) + "</button></form>";
  }
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

Result<decision::Risk> RiskFromForm(const PageRequest& req, const std::string& risk_id) {
  decision::Risk risk;
  risk.id = risk_id.empty() ? req.Param("risk_id") : risk_id;
  risk.title = req.Param("title");
  risk.description = req.Param("description");
  SAMSPILL_ASSIGN_OR_RETURN(risk.likelihood, IntField(req, "r-likelihood", 1, 5));
  SAMSPILL_ASSIGN_OR_RETURN(risk.consequence, IntField(req, "r-consequence", 1, 5));
  SAMSPILL_ASSIGN_OR_RETURN(risk.residual_likelihood, IntField(req, "r-rl", 0, 5));
  SAMSPILL_ASSIGN_OR_RETURN(risk.residual_consequence, IntField(req, "r-rc", 0, 5));
  SAMSPILL_ASSIGN_OR_RETURN(int count,
                            IntField(req, "mitigations", 0, decision::kMaxMitigations + 1));
  for (int i = 0; i < count; ++i) {
    const std::string n = "m" + std::to_string(i);
    decision::Mitigation m;
    m.action = req.Param(n + "_action");
    m.owner = req.Param(n + "_owner");
    m.due = req.Param(n + "_due");
    if (m.action.find_first_not_of(" ") == std::string::npos && m.owner.empty() && m.due.empty()) {
      continue;  // an empty new mitigation, or one cleared to remove it
    }
    const std::string status = req.Param(n + "-status");
    if (!status.empty()) {
      SAMSPILL_ASSIGN_OR_RETURN(int64_t s, ParseWholeNumber(status, "status", 1, 4));
      m.status = static_cast<decision::MitigationStatus>(s);
    }
    risk.mitigations.push_back(std::move(m));
  }
  return risk;
}

Result<PageResponse> SaveRisk(PageRequest& req, app::DecisionService& decisions) {
  const int64_t id = IdParam(req, 0);
  const std::string risk_id = req.params.size() > 1 ? req.params[1] : "";
  Result<int64_t> version = Version(req);
  Status s = version.status();
  if (s.ok()) {
    Result<decision::Risk> risk = RiskFromForm(req, risk_id);
    if (risk.ok() && risk_id.empty()) {
      // A new risk must not replace one with the same id.
      Result<app::DecisionCaseView> view = decisions.GetCase(Who(req), id);
      if (!view.ok()) return view.status();
      for (const decision::Risk& r : view->c.risks) {
        if (r.id == risk->id) {
          risk = InvalidArgument("a risk with the id \"" + r.id + "\" exists already", "id");
        }
      }
    }
    s = risk.ok() ? decisions.PutRisk(Who(req), id, *version, *risk).status() : risk.status();
  }
  if (s.ok()) return Redirect(CasePath(id) + "?lagret=1#risks");
  if (s.code() != StatusCode::kInvalidArgument && s.code() != StatusCode::kConflict) return s;
  std::string message = InLanguage(req.lang, s.message());
  if (!s.field().empty()) message = std::string(s.field()) + ": " + message;
  return RiskPage(req, decisions, {{"", message}}, FormRefusalStatus(s));
}

// ---- The printable decision document.

Result<PageResponse> DocumentPage(PageRequest& req, app::DecisionService& decisions) {
  const int64_t id = IdParam(req, 0);
  SAMSPILL_ASSIGN_OR_RETURN(app::DecisionCaseView view, decisions.GetCase(Who(req), id));
  const decision::DecisionCase& c = view.c;
  const std::string title =
      std::string(Tx(req, "Beslutningsgrunnlag: ", "Decision case: ")) + c.title;
  std::string body = "<div class=\"protocol decision-document\"><h1>" + H(title) + "</h1>" +
                     CaseSummaryHtml(req, view);
  body += Section("doc-baseline", Tx(req, "1. Egen drift i dag", "1. The service in-house today"),
                  BaselineHtml(req, view, /*compact=*/true));
  body += Section("doc-alternatives",
                  Tx(req, "2. Alternativer og totalkostnad", "2. Alternatives and total cost"),
                  TotalsHtml(req, view) + ItemsHtml(req, view, false));
  body += Section("doc-risks", Tx(req, "3. Risikoer", "3. Risks"), RisksHtml(req, view, false));
  if (!c.cpv.empty()) {
    body += MarketHtml(req, decisions.Market(Who(req), c.cpv, c.region), "doc-market",
                       Tx(req, "4. Markedet", "4. The market"));
  }
  body +=
      Section("doc-decision", Tx(req, "5. Vedtaket", "5. The decision"), DecisionHtml(req, view));
  body += "<p class=\"hint\">" +
          H(std::string(
                Tx(req, "Skrevet ut fra samspill, versjon ", "Printed from samspill, version ")) +
            std::to_string(view.version) + ", " + FormatDateTime(req.lang, view.updated_at)) +
          "</p></div>";
  return PageResponse{200, RenderLayout(req, title, body, "/assets/protocol.css"), "", {}};
}

}  // namespace

std::vector<PageRoute> DecisionPageRoutes(app::DecisionService& decisions) {
  const std::string one = std::string("/beslutning/") + kIdPattern;
  const std::string risk = one + "/risiko/([a-z0-9_]{1,60})";
  std::vector<PageRoute> routes;
  routes.push_back({"GET", "/beslutning", false, DecisionReaderRoles(),
                    [&decisions](PageRequest& req) { return ListPage(req, decisions, {}, 200); }});
  routes.push_back({"POST", "/beslutning", false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) { return Create(req, decisions); }});
  routes.push_back({"GET", one, false, DecisionReaderRoles(), [&decisions](PageRequest& req) {
                      return CasePage(req, decisions, IdParam(req, 0), {}, 200);
                    }});
  routes.push_back({"GET", one + "/dokument", false, DecisionReaderRoles(),
                    [&decisions](PageRequest& req) { return DocumentPage(req, decisions); }});
  routes.push_back(
      {"POST", one + "/detaljer", false, DecisionWriterRoles(), [&decisions](PageRequest& req) {
         return Change(req, decisions, "",
                       [&](int64_t id, int64_t v) { return SaveDetails(req, decisions, id, v); });
       }});
  routes.push_back(
      {"POST", one + "/post", false, DecisionWriterRoles(), [&decisions](PageRequest& req) {
         return Change(req, decisions, "alternatives",
                       [&](int64_t id, int64_t v) { return AddItem(req, decisions, id, v); });
       }});
  routes.push_back({"POST", one + R"(/post/(\d{1,6})/slett)", false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) {
                      return Change(
                          req, decisions, "alternatives",
                          [&](int64_t id, int64_t v) -> Result<app::DecisionCaseView> {
                            SAMSPILL_ASSIGN_OR_RETURN(
                                int64_t count, ParseWholeNumber(req.Param("count"), "count", 1,
                                                                decision::kMaxPeriodYears));
                            return decisions.RemoveItems(Who(req), id, v,
                                                         static_cast<size_t>(IdParam(req, 1)),
                                                         static_cast<size_t>(count));
                          });
                    }});
  routes.push_back(
      {"POST", one + "/alternativ", false, DecisionWriterRoles(), [&decisions](PageRequest& req) {
         return Change(req, decisions, "alternatives", [&](int64_t id, int64_t v) {
           return decisions.AddAlternative(Who(req), id, v, req.Param("name"));
         });
       }});
  routes.push_back({"POST", one + "/alternativ/([a-z0-9_]{1,60})", false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) {
                      return Change(req, decisions, "alternatives", [&](int64_t id, int64_t v) {
                        return decisions.RenameAlternative(Who(req), id, v, req.params[1],
                                                           req.Param("name"));
                      });
                    }});
  routes.push_back({"POST", one + "/alternativ/([a-z0-9_]{1,60})/slett", false,
                    DecisionWriterRoles(), [&decisions](PageRequest& req) {
                      return Change(req, decisions, "alternatives", [&](int64_t id, int64_t v) {
                        return decisions.RemoveAlternative(Who(req), id, v, req.params[1]);
                      });
                    }});
  routes.push_back(
      {"POST", one + "/grunnlag", false, DecisionWriterRoles(), [&decisions](PageRequest& req) {
         return Change(req, decisions, "baseline",
                       [&](int64_t id, int64_t v) { return SaveUnitYear(req, decisions, id, v); });
       }});
  routes.push_back({"POST", one + "/grunnlag/import", false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) { return Import(req, decisions); }});
  routes.push_back({"GET", one + "/risiko/ny", false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) { return RiskPage(req, decisions, {}, 200); }});
  routes.push_back({"POST", one + "/risiko/ny", false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) { return SaveRisk(req, decisions); }});
  routes.push_back({"GET", risk, false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) { return RiskPage(req, decisions, {}, 200); }});
  routes.push_back({"POST", risk, false, DecisionWriterRoles(),
                    [&decisions](PageRequest& req) { return SaveRisk(req, decisions); }});
  routes.push_back(
      {"POST", risk + "/slett", false, DecisionWriterRoles(), [&decisions](PageRequest& req) {
         return Change(req, decisions, "risks", [&](int64_t id, int64_t v) {
           return decisions.RemoveRisk(Who(req), id, v, req.params[1]);
         });
       }});
  routes.push_back(
      {"POST", one + "/vedtak", false, DecisionWriterRoles(), [&decisions](PageRequest& req) {
         return Change(req, decisions, "decision",
                       [&](int64_t id, int64_t v) { return Record(req, decisions, id, v); });
       }});
  routes.push_back(
      {"POST", one + "/anbud", false, DecisionWriterRoles(), [&decisions](PageRequest& req) {
         return Change(req, decisions, "decision",
                       [&](int64_t id, int64_t v) -> Result<app::DecisionCaseView> {
                         SAMSPILL_ASSIGN_OR_RETURN(
                             int64_t tender,
                             ParseWholeNumber(req.Param("tender_id"), "tender_id", 1));
                         return decisions.LinkTender(Who(req), id, v, tender);
                       });
       }});
  return routes;
}

}  // namespace samspill::web
