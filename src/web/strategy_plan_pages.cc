// The procurement plan's pages (web/strategy_pages.h): the draft /strategi/plan with a form per
// change and the publication, and the public plan /anskaffelsesplan that suppliers read without
// logging in — only published versions, and in them only the items marked public.
#include <algorithm>
#include <array>

#include "common/parse_number.h"
#include "web/actor.h"
#include "web/decision_pages.h"
#include "web/messages.h"
#include "web/strategy_pages.h"

namespace samspill::web {
namespace {

using namespace strategy_pages;

Result<int64_t> VersionOf(const PageRequest& req) {
  return ParseWholeNumber(req.Param("version"), "version", 0);
}

std::string StatusLabel(const PageRequest& req, strategy::PlanItemStatus s) {
  return std::string(req.lang == Lang::kNb ? strategy::PlanItemStatusLabelNb(s)
                                           : strategy::PlanItemStatusLabelEn(s));
}

std::string Quarter(const PageRequest& req, const strategy::PlanItem& item) {
  return std::to_string(item.publication_year) + (req.lang == Lang::kNb ? " K" : " Q") +
         std::to_string(item.publication_quarter);
}

std::string ContractText(const PageRequest& req, const strategy::PlanItem& item) {
  std::string out;
  if (item.contract_start) out = FormatDate(req.lang, *item.contract_start);
  if (item.contract_months > 0) {
    if (!out.empty()) out += ", ";
    out += std::to_string(item.contract_months) + std::string(Tx(req, " mnd.", " months"));
  }
  return out.empty() ? "–" : out;
}

std::string ValueText(const PageRequest& req, const strategy::PlanItem& item) {
  return item.estimated_value ? Millions(req, *item.estimated_value, item.currency) : "–";
}

// The items as suppliers see them: no internal links, the contact to ask.
std::string PublicTable(const PageRequest& req, const std::vector<strategy::PlanItem>& items,
                        std::string_view caption) {
  std::string out = "<table><caption>" + H(caption) + "</caption><thead><tr><th scope=\"col\">" +
                    H(Tx(req, "Konkurranse", "Tender")) + "</th><th scope=\"col\">CPV</th>" +
                    "<th scope=\"col\" class=\"num\">" +
                    H(Tx(req, "Anslått verdi", "Estimated value")) + "</th><th scope=\"col\">" +
                    H(Tx(req, "Kunngjøres", "To be published")) + "</th><th scope=\"col\">" +
                    H(Tx(req, "Kontrakt", "Contract")) + "</th><th scope=\"col\">" +
                    H(Tx(req, "Status", "Status")) + "</th><th scope=\"col\">" +
                    H(Tx(req, "Kontakt", "Contact")) + "</th></tr></thead><tbody>";
  for (const strategy::PlanItem& item : items) {
    std::string contact = H(item.contact_name);
    if (!item.contact_email.empty()) {
      contact += (contact.empty() ? "" : "<br>") + std::string("<a href=\"mailto:") +
                 H(item.contact_email) + "\">" + H(item.contact_email) + "</a>";
    }
    out +=
        "<tr><th scope=\"row\">" + H(item.title) +
        (item.area.empty() || item.area == item.title
             ? ""
             : "<span class=\"detail hint\">" + H(item.area) + "</span>") +
        (item.description.empty() ? ""
                                  : "<span class=\"detail\">" + H(item.description) + "</span>") +
        "</th><td class=\"code\">" + H(item.cpv) + "</td><td class=\"num\">" +
        H(ValueText(req, item)) + "</td><td>" + H(Quarter(req, item)) + "</td><td>" +
        H(ContractText(req, item)) + "</td><td>" + H(StatusLabel(req, item.status)) + "</td><td>" +
        (contact.empty() ? "–" : contact) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

// A changed field as the reader knows it: "Kunngjøres (kvartal)", and a status by its label.
std::string FieldLabel(const PageRequest& req, std::string_view field) {
  static constexpr std::array<std::array<std::string_view, 3>, 15> kLabels = {{
      {"title", "Tittel", "Title"},
      {"area", "Område", "Area"},
      {"cpv", "CPV-kode", "CPV code"},
      {"description", "Beskrivelse", "Description"},
      {"estimated_value", "Anslått verdi", "Estimated value"},
      {"currency", "Valuta", "Currency"},
      {"publication_year", "Kunngjøres (år)", "To be published (year)"},
      {"publication_quarter", "Kunngjøres (kvartal)", "To be published (quarter)"},
      {"contract_start", "Kontraktsstart", "Contract start"},
      {"contract_months", "Kontraktsperiode (måneder)", "Contract period (months)"},
      {"contact_name", "Kontakt", "Contact"},
      {"contact_email", "E-post", "E-mail"},
      {"status", "Status", "Status"},
      {"tender_id", "Konkurranse", "Tender"},
      {"area_id", "Område", "Area"},
  }};
  for (const auto& [name, nb, en] : kLabels) {
    if (name == field) return std::string(req.lang == Lang::kNb ? nb : en);
  }
  return std::string(field);
}

std::string ChangedValue(const PageRequest& req, const strategy::FieldChange& f,
                         const std::string& value) {
  if (value.empty()) return "–";
  if (f.field == "status") {
    if (std::optional<strategy::PlanItemStatus> s = strategy::PlanItemStatusFromName(value)) {
      return StatusLabel(req, *s);
    }
  }
  return value;
}

std::string ChangesList(const PageRequest& req, const strategy::PublishedPlan& plan) {
  if (plan.number == 1) {
    return "<p>" + H(Tx(req, "Første publiserte versjon.", "The first published version.")) +
           "</p>";
  }
  if (plan.changes.empty()) return "";
  std::string out = "<ul>";
  for (const strategy::ItemChange& c : plan.changes) {
    out += "<li>";
    switch (c.kind) {
      case strategy::ItemChange::Kind::kAdded:
        out += H(Tx(req, "Ny: ", "Added: ")) + H(c.title);
        break;
      case strategy::ItemChange::Kind::kRemoved:
        out += H(Tx(req, "Tatt ut av planen: ", "Taken out of the plan: ")) + H(c.title);
        break;
      case strategy::ItemChange::Kind::kChanged: {
        out += H(Tx(req, "Endret: ", "Changed: ")) + H(c.title) + " (";
        for (size_t i = 0; i < c.fields.size(); ++i) {
          const strategy::FieldChange& f = c.fields[i];
          out += (i ? "; " : "") + H(FieldLabel(req, f.field)) + ": " +
                 H(ChangedValue(req, f, f.before)) + " → " + H(ChangedValue(req, f, f.after));
        }
        out += ")";
        break;
      }
    }
    out += "</li>";
  }
  return out + "</ul>";
}

// ---- /anskaffelsesplan (public)

Result<PageResponse> PublicPage(PageRequest& req, app::StrategyService& s) {
  std::optional<int64_t> number;
  if (!req.Param("versjon").empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(int64_t n, ParseWholeNumber(req.Param("versjon"), "versjon", 1));
    number = n;
  }
  const std::string title(Tx(req, "Anskaffelsesplan", "Procurement plan"));
  Result<strategy::PublishedPlan> plan = s.PublishedPlan(number);
  if (!plan.ok() && plan.status().code() == StatusCode::kNotFound && !number) {
    std::string body = "<h1>" + H(title) + "</h1><p>" +
                       H(Tx(req, "Ingen plan er publisert ennå.", "No plan is published yet.")) +
                       "</p>";
    return PageResponse{200, RenderLayout(req, title, body), "", {}};
  }
  if (!plan.ok()) return plan.status();
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::PlanVersionSummary> versions, s.PublishedVersions());
  const std::string query =
      "?versjon=" + std::to_string(plan->number) + (req.lang == Lang::kEn ? "&lang=en" : "");
  std::string body =
      "<h1>" + H(plan->title) + "</h1><p>" + H(plan->organisation) + ". " +
      H(Tx(req, "Versjon ", "Version ")) + std::to_string(plan->number) + ", " +
      H(Tx(req, "publisert ", "published ")) +
      H(FormatDate(req.lang, plan->published_at.UtcDate())) + ".</p><p>" +
      H(Tx(req,
           "Konkurransene kommunen planlegger, så leverandørene kan forberede seg. Tidspunkter "
           "og verdier er anslag og kan endres; hver endring publiseres som en ny versjon.",
           "The tenders the municipality plans, so suppliers can prepare. Dates and values are "
           "estimates and may change; every change is published as a new version.")) +
      "</p>";
  if (plan->items.empty()) {
    body +=
        "<p>" + H(Tx(req, "Planen har ingen konkurranser.", "The plan has no tenders.")) + "</p>";
  } else {
    body += PublicTable(req, plan->items, Tx(req, "Planlagte konkurranser", "Planned tenders"));
  }
  std::string changes = ChangesList(req, *plan);
  if (!plan->change_note.empty()) changes = "<p>" + H(plan->change_note) + "</p>" + changes;
  if (!changes.empty()) {
    body +=
        Section("changes",
                Tx(req, "Endret siden forrige versjon", "Changed since the last version"), changes);
  }
  body += Section("downloads", Tx(req, "Last ned", "Download"),
                  "<ul><li><a href=\"/api/public/plan.csv" + query +
                      "\">CSV</a></li><li><a href=\"/api/public/plan.xlsx" + query +
                      "\">Excel (xlsx)</a></li><li><a href=\"/api/public/plan/ocds.json" + query +
                      "\">OCDS (JSON, " + H(Tx(req, "planleggingsmeldinger", "planning releases")) +
                      ")</a></li></ul>");
  if (versions.size() > 1) {
    std::string list = "<ul>";
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
      list += "<li><a href=\"/anskaffelsesplan?versjon=" + std::to_string(it->number) +
              (req.lang == Lang::kEn ? "&amp;lang=en" : "") + "\">" +
              H(Tx(req, "Versjon ", "Version ")) + std::to_string(it->number) + "</a>, " +
              H(FormatDate(req.lang, it->published_at.UtcDate())) + "</li>";
    }
    body += Section("versions", Tx(req, "Alle versjoner", "Every version"), list + "</ul>");
  }
  return PageResponse{200, RenderLayout(req, title, body), "", {}};
}

// ---- /strategi/plan (the draft)

std::string ItemForm(const PageRequest& req, const app::PlanView& v, const strategy::PlanItem& item,
                     const std::string& action) {
  std::vector<std::pair<std::string, std::string>> statuses;
  for (strategy::PlanItemStatus st :
       {strategy::PlanItemStatus::kPlanned, strategy::PlanItemStatus::kInPreparation,
        strategy::PlanItemStatus::kPublished, strategy::PlanItemStatus::kWithdrawn}) {
    statuses.push_back({std::string(strategy::PlanItemStatusName(st)), StatusLabel(req, st)});
  }
  const std::vector<std::pair<std::string, std::string>> quarters = {
      {"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}};
  return "<form method=\"post\" action=\"" + action + "\" class=\"stack\">" +
         Hidden(req, v.version) +
         Field("i-title", Tx(req, "Tittel", "Title"), item.title, {}, " required") +
         Field("i-area", Tx(req, "Område", "Area"), item.area) +
         Field("i-cpv", Tx(req, "CPV-kode", "CPV code"), item.cpv,
               Tx(req, "Påkrevd for konkurranser i den publiserte planen.",
                  "Required for tenders in the published plan.")) +
         "<div class=\"field\">" + Label("i-description", Tx(req, "Beskrivelse", "Description")) +
         "<textarea id=\"i-description\" name=\"i-description\" rows=\"3\">" + H(item.description) +
         "</textarea></div>" +
         Field("i-value",
               Tx(req, "Anslått verdi, hele kontrakten (hele kroner)",
                  "Estimated value, whole contract (whole kroner)"),
               item.estimated_value ? std::to_string(*item.estimated_value) : "", {},
               " inputmode=\"numeric\"") +
         Field("i-currency", Tx(req, "Valuta", "Currency"), item.currency, {}, " required") +
         Field("i-year", Tx(req, "Kunngjøres år", "Publication year"),
               item.publication_year ? std::to_string(item.publication_year) : "", {},
               " inputmode=\"numeric\" required") +
         Choice("i-quarter", Tx(req, "Kvartal", "Quarter"), quarters,
                std::to_string(item.publication_quarter ? item.publication_quarter : 1)) +
         Field("i-start", Tx(req, "Kontraktsstart (ÅÅÅÅ-MM-DD)", "Contract start (YYYY-MM-DD)"),
               item.contract_start ? item.contract_start->ToIso() : "") +
         Field("i-months",
               Tx(req, "Kontraktsperiode med opsjoner (måneder)",
                  "Contract period with options (months)"),
               item.contract_months ? std::to_string(item.contract_months) : "", {},
               " inputmode=\"numeric\"") +
         Field("i-contact", Tx(req, "Kontaktperson", "Contact person"), item.contact_name) +
         Field("i-email", Tx(req, "E-post", "E-mail"), item.contact_email, {}, " type=\"email\"") +
         Choice("i-status", Tx(req, "Status", "Status"), statuses,
                std::string(strategy::PlanItemStatusName(item.status))) +
         Field("i-tender",
               Tx(req, "Konkurransens nummer i samspill", "The tender's number in samspill"),
               item.tender_id ? std::to_string(*item.tender_id) : "", {},
               " inputmode=\"numeric\"") +
         "<div class=\"field\"><input type=\"checkbox\" id=\"i-public\" name=\"i-public\" "
         "value=\"1\"" +
         (item.is_public ? " checked" : "") + "> <label for=\"i-public\">" +
         H(Tx(req, "Med i den publiserte planen", "In the published plan")) + "</label></div>" +
         Button(Tx(req, "Lagre", "Save")) + "</form>";
}

Result<PageResponse> PlanPage(PageRequest& req, app::StrategyService& s, const Errors& errors,
                              int status) {
  SAMSPILL_ASSIGN_OR_RETURN(app::PlanView v, s.GetPlan(Who(req)));
  const std::string title(Tx(req, "Anskaffelsesplan (utkast)", "Procurement plan (draft)"));
  std::string body = "<h1>" + H(title) + "</h1>" + ErrorSummary(req, errors);
  if (!req.Param("lagret").empty() && errors.empty()) {
    body += "<p class=\"notice\" role=\"status\">" + H(Tx(req, "Lagret.", "Saved.")) + "</p>";
  }
  body += "<p>" +
          H(Tx(req,
               "Planen redigeres her som et utkast. Leverandørene ser bare publiserte versjoner, "
               "og bare konkurransene som er merket for publisering.",
               "The plan is edited here as a draft. Suppliers see only published versions, and "
               "only the tenders marked for publication.")) +
          " <a href=\"/anskaffelsesplan\">" +
          H(Tx(req, "Den publiserte planen", "The published plan")) + "</a>.</p>";
  std::string items;
  if (v.plan.items.empty()) {
    items = "<p>" +
            H(Tx(req, "Planen har ingen konkurranser ennå.", "The plan has no tenders yet.")) +
            "</p>";
  } else {
    items = "<table><caption>" + H(v.plan.title) + "</caption><thead><tr><th scope=\"col\">" +
            H(Tx(req, "Konkurranse", "Tender")) + "</th><th scope=\"col\">CPV</th>" +
            "<th scope=\"col\" class=\"num\">" + H(Tx(req, "Anslått verdi", "Estimated value")) +
            "</th><th scope=\"col\">" + H(Tx(req, "Kunngjøres", "To be published")) +
            "</th><th scope=\"col\">" + H(Tx(req, "Status", "Status")) + "</th><th scope=\"col\">" +
            H(Tx(req, "Publiseres", "Published")) + "</th><th scope=\"col\">" +
            H(Tx(req, "Kobling", "Link")) + "</th></tr></thead><tbody>";
    // A link only where the reader may follow it: the controller reads no tenders.
    const bool reads_tenders = IsTenderBuyerRole(req.principal->user.role);
    const bool reads_cases = IsDecisionReaderRole(req.principal->user.role);
    for (const strategy::PlanItem& item : v.plan.items) {
      std::string link;
      for (const auto& [id, t] : v.tenders) {
        if (id == item.id && !reads_tenders) {
          link = H(Tx(req, "Anbud ", "Tender ")) + std::to_string(t.id) + " (" + H(t.state) + ")";
        } else if (id == item.id) {
          link = "<a href=\"/anbud/" + std::to_string(t.id) + "\">" +
                 H(Tx(req, "Anbud ", "Tender ")) + std::to_string(t.id) + "</a> (" + H(t.state) +
                 ")";
        }
      }
      if (item.decision_case_id && reads_cases) {
        link += std::string(link.empty() ? "" : "<br>") + "<a href=\"/beslutning/" +
                std::to_string(*item.decision_case_id) + "\">" +
                H(Tx(req, "Beslutningssak ", "Decision case ")) +
                std::to_string(*item.decision_case_id) + "</a>";
      }
      items += "<tr><th scope=\"row\"><a href=\"/strategi/plan/punkt/" + std::to_string(item.id) +
               "\">" + H(item.title) + "</a></th><td>" + H(item.cpv) + "</td><td class=\"num\">" +
               H(ValueText(req, item)) + "</td><td>" + H(Quarter(req, item)) + "</td><td>" +
               H(StatusLabel(req, item.status)) + "</td><td>" +
               H(item.is_public ? Tx(req, "Ja", "Yes") : Tx(req, "Nei", "No")) + "</td><td>" +
               (link.empty() ? "–" : link) + "</td></tr>";
    }
    items += "</tbody></table>";
  }
  body += Section("items", Tx(req, "Konkurransene", "The tenders"), items);
  if (v.can_edit) {
    strategy::PlanItem blank;
    blank.currency = "DKK";
    for (const strategy::PlanItem& i : v.plan.items) blank.currency = i.currency;
    body += Section("new", Tx(req, "Ny konkurranse i planen", "New tender in the plan"),
                    ItemForm(req, v, blank, "/strategi/plan/punkt"));
    body +=
        Section("from-case", Tx(req, "Fra en beslutningssak", "From a decision case"),
                "<form method=\"post\" action=\"/strategi/plan/fra-sak\" class=\"inline-form\">" +
                    Hidden(req, v.version) +
                    Field("case_id", Tx(req, "Sakens nummer", "The case's number"), "", {},
                          " inputmode=\"numeric\" required") +
                    Button(Tx(req, "Legg inn", "Add")) + "</form>");
    std::string publish =
        "<form method=\"post\" action=\"/strategi/plan/publiser\" class=\"stack\">" +
        Hidden(req, v.version) +
        Field("p-title", Tx(req, "Planens tittel", "The plan's title"), v.plan.title, {},
              " required") +
        Field("p-organisation", Tx(req, "Oppdragsgiver", "Buyer"), v.plan.organisation, {},
              " required") +
        Button(Tx(req, "Lagre tittelen", "Save the title")) + "</form>";
    publish += "<form method=\"post\" action=\"/strategi/plan/publiser\" class=\"stack\">" +
               Hidden(req, v.version) + "<input type=\"hidden\" name=\"publish\" value=\"1\">" +
               "<div class=\"field\">" +
               Label("p-note", Tx(req, "Hva er endret (vises for leverandørene)",
                                  "What changed (shown to suppliers)")) +
               "<textarea id=\"p-note\" name=\"p-note\" rows=\"2\"></textarea></div>" +
               Button(Tx(req, "Publiser planen", "Publish the plan")) + "</form>";
    body += Section("publish", Tx(req, "Publisering", "Publication"), publish);
  }
  if (!v.versions.empty()) {
    std::string list = "<ul>";
    for (auto it = v.versions.rbegin(); it != v.versions.rend(); ++it) {
      list += "<li><a href=\"/anskaffelsesplan?versjon=" + std::to_string(it->number) + "\">" +
              H(Tx(req, "Versjon ", "Version ")) + std::to_string(it->number) + "</a>, " +
              H(FormatDateTime(req.lang, it->published_at)) + ", " + H(it->published_by) + " (" +
              std::to_string(it->items) + H(Tx(req, " konkurranser, ", " tenders, ")) +
              std::to_string(it->changes) + H(Tx(req, " endringer)", " changes)")) + "</li>";
    }
    body +=
        Section("versions", Tx(req, "Publiserte versjoner", "Published versions"), list + "</ul>");
  }
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

Result<PageResponse> ItemPage(PageRequest& req, app::StrategyService& s, const Errors& errors,
                              int status) {
  const int64_t id = IdParam(req, 0);
  SAMSPILL_ASSIGN_OR_RETURN(app::PlanView v, s.GetPlan(Who(req)));
  const strategy::PlanItem* item = nullptr;
  for (const strategy::PlanItem& i : v.plan.items) {
    if (i.id == id) item = &i;
  }
  if (item == nullptr) return NotFound("the plan has no item " + std::to_string(id));
  std::string body = "<p><a href=\"/strategi/plan\">" +
                     H(Tx(req, "← Anskaffelsesplanen", "← The procurement plan")) + "</a></p><h1>" +
                     H(item->title) + "</h1>" + ErrorSummary(req, errors);
  const std::string path = "/strategi/plan/punkt/" + std::to_string(id);
  if (v.can_edit) {
    body += ItemForm(req, v, *item, path);
    const bool published =
        std::find(v.ever_published.begin(), v.ever_published.end(), id) != v.ever_published.end();
    body +=
        "<h2>" + H(Tx(req, "Fjerne", "Remove")) + "</h2><p>" +
        H(published ? Tx(req,
                         "Konkurransen har stått i en publisert plan: sett status til «Trukket» "
                         "i stedet, så leverandørene ser at den er tatt ut.",
                         "The tender has been in a published plan: set its status to "
                         "\"Withdrawn\" instead, so suppliers see it was taken out.")
                    : Tx(req, "Konkurransen har aldri vært publisert og kan slettes.",
                         "The tender was never published and can be deleted.")) +
        "</p>";
    if (!published) {
      body += "<form method=\"post\" action=\"" + path + "/slett\" class=\"inline-form\">" +
              Hidden(req, v.version) + Button(Tx(req, "Slett", "Delete")) + "</form>";
    }
  } else {
    body += PublicTable(req, {*item}, item->title);
  }
  return PageResponse{status, RenderLayout(req, item->title, body), "", {}};
}

Result<strategy::PlanItem> ItemFromForm(const PageRequest& req, int64_t id) {
  strategy::PlanItem item;
  item.id = id;
  item.title = req.Param("i-title");
  item.area = req.Param("i-area");
  item.cpv = req.Param("i-cpv");
  item.description = req.Param("i-description");
  if (req.Param("i-value").find_first_not_of(' ') != std::string::npos) {
    SAMSPILL_ASSIGN_OR_RETURN(int64_t minor, ParseMoneyMinor(req.Param("i-value")));
    if (minor % 100 != 0) return InvalidArgument("whole kroner, without øre", "i-value");
    item.estimated_value = minor / 100;
  }
  item.currency = req.Param("i-currency");
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            ParseWholeNumber(req.Param("i-year"), "i-year", 1990, 2100));
  item.publication_year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(int64_t q, ParseWholeNumber(req.Param("i-quarter"), "i-quarter", 1, 4));
  item.publication_quarter = static_cast<int>(q);
  if (!req.Param("i-start").empty()) {
    Result<Date> start = ParseIsoDate(req.Param("i-start"));
    if (!start.ok()) return InvalidArgument("write the date as YYYY-MM-DD", "i-start");
    item.contract_start = *start;
  }
  if (!req.Param("i-months").empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(int64_t m,
                              ParseWholeNumber(req.Param("i-months"), "i-months", 0, 600));
    item.contract_months = static_cast<int>(m);
  }
  item.contact_name = req.Param("i-contact");
  item.contact_email = req.Param("i-email");
  std::optional<strategy::PlanItemStatus> st =
      strategy::PlanItemStatusFromName(req.Param("i-status"));
  if (!st) return InvalidArgument("choose a status", "i-status");
  item.status = *st;
  if (!req.Param("i-tender").empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(int64_t t, ParseWholeNumber(req.Param("i-tender"), "i-tender", 1));
    item.tender_id = t;
  }
  item.is_public = req.Param("i-public") == "1";
  return item;
}

template <typename Fn>
Result<PageResponse> PlanChange(PageRequest& req, app::StrategyService& s, std::string_view back,
                                Fn&& fn) {
  Result<int64_t> version = VersionOf(req);
  Status done = version.ok() ? fn(*version).status() : version.status();
  if (done.ok()) return Redirect(std::string(back));
  if (!IsInputError(done)) return done;
  return PlanPage(req, s, ErrorsOf(req, done), FormRefusalStatus(done));
}

}  // namespace

std::vector<PageRoute> StrategyPlanPageRoutes(app::StrategyService& s) {
  const std::vector<Role> readers = StrategyReaderRoles();
  const std::vector<Role> writers = StrategyWriterRoles();
  const std::string item = std::string("/strategi/plan/punkt/") + kIdPattern;
  std::vector<PageRoute> r;
  r.push_back({"GET", "/anskaffelsesplan", true, {}, [&s](PageRequest& req) {
                 return PublicPage(req, s);
               }});
  r.push_back({"GET", "/strategi/plan", false, readers,
               [&s](PageRequest& req) { return PlanPage(req, s, {}, 200); }});
  r.push_back({"POST", "/strategi/plan/punkt", false, writers, [&s](PageRequest& req) {
                 return PlanChange(req, s, "/strategi/plan?lagret=1#items",
                                   [&](int64_t v) -> Result<app::PlanView> {
                                     SAMSPILL_ASSIGN_OR_RETURN(strategy::PlanItem i,
                                                               ItemFromForm(req, 0));
                                     return s.PutPlanItem(Who(req), v, std::move(i));
                                   });
               }});
  r.push_back(
      {"GET", item, false, readers, [&s](PageRequest& req) { return ItemPage(req, s, {}, 200); }});
  r.push_back({"POST", item, false, writers, [&s](PageRequest& req) -> Result<PageResponse> {
                 Result<int64_t> version = VersionOf(req);
                 Status done = version.status();
                 if (version.ok()) {
                   Result<strategy::PlanItem> i = ItemFromForm(req, IdParam(req, 0));
                   done = i.ok() ? s.PutPlanItem(Who(req), *version, *i).status() : i.status();
                 }
                 if (done.ok()) return Redirect("/strategi/plan?lagret=1#items");
                 if (!IsInputError(done)) return done;
                 return ItemPage(req, s, ErrorsOf(req, done), FormRefusalStatus(done));
               }});
  r.push_back({"POST", item + "/slett", false, writers, [&s](PageRequest& req) {
                 return PlanChange(req, s, "/strategi/plan?lagret=1#items", [&](int64_t v) {
                   return s.RemovePlanItem(Who(req), v, IdParam(req, 0));
                 });
               }});
  r.push_back({"POST", "/strategi/plan/fra-sak", false, writers, [&s](PageRequest& req) {
                 return PlanChange(req, s, "/strategi/plan?lagret=1#items",
                                   [&](int64_t v) -> Result<app::PlanView> {
                                     SAMSPILL_ASSIGN_OR_RETURN(
                                         int64_t c,
                                         ParseWholeNumber(req.Param("case_id"), "case_id", 1));
                                     return s.AddFromDecisionCase(Who(req), v, c);
                                   });
               }});
  r.push_back(
      {"POST", "/strategi/plan/fra-prioriteringer", false, writers,
       [&s](PageRequest& req) -> Result<PageResponse> {
         Result<int64_t> year =
             ParseWholeNumber(req.Param("budget_year"), "budget_year", 1990, 2100);
         Status done = year.status();
         if (year.ok()) {
           Result<app::PlanView> plan = s.GetPlan(Who(req));
           done =
               plan.ok()
                   ? s.AddFromPriorities(Who(req), plan->version, static_cast<int>(*year)).status()
                   : plan.status();
         }
         if (done.ok()) return Redirect("/strategi/plan?lagret=1#items");
         if (!IsInputError(done)) return done;
         return PlanPage(req, s, ErrorsOf(req, done), FormRefusalStatus(done));
       }});
  r.push_back({"POST", "/strategi/plan/publiser", false, writers, [&s](PageRequest& req) {
                 return PlanChange(req, s, "/strategi/plan?lagret=1#publish", [&](int64_t v) {
                   if (req.Param("publish") == "1") {
                     return s.Publish(Who(req), v, req.Param("p-note"));
                   }
                   return s.UpdatePlanHeader(Who(req), v, req.Param("p-title"),
                                             req.Param("p-organisation"));
                 });
               }});
  return r;
}

}  // namespace samspill::web
