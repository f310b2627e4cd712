// The strategy's pages for the register and the priorities (web/strategy_pages.h). A form that
// is refused shows its page again with the error at the top and the HTTP status of the refusal;
// nothing is stored.
#include "web/strategy_pages.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "common/parse_number.h"
#include "portfolio/attainment_chart.h"
#include "strategy/iku_chart.h"
#include "strategy/iku_peers.h"
#include "web/actor.h"
#include "web/decision_pages.h"
#include "web/messages.h"

namespace samspill::web {
namespace strategy_pages {

std::string Millions(const PageRequest& req, int64_t amount, std::string_view currency) {
  const std::string n = FormatDecimal(req.lang, std::abs(static_cast<double>(amount)) / 1e6, 1);
  const std::string sign = amount < 0 ? "−" : "";
  return req.lang == Lang::kNb ? sign + n + " mill. " + std::string(currency)
                               : sign + std::string(currency) + " " + n + " m";
}

std::string Amount(const PageRequest& req, int64_t amount, std::string_view currency) {
  const std::string n = FormatDecimal(req.lang, static_cast<double>(amount), 0);
  return req.lang == Lang::kNb ? n + " " + std::string(currency) : std::string(currency) + " " + n;
}

std::string Percent(const PageRequest& req, double percent) {
  return FormatDecimal(req.lang, percent, 1) + (req.lang == Lang::kNb ? " %" : "%");
}

bool IsInputError(const Status& s) {
  return !(s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kInternal ||
           s.code() == StatusCode::kDataLoss || s.code() == StatusCode::kUnavailable);
}

std::string Message(const PageRequest& req, const Status& s) {
  std::string message = InLanguage(req.lang, s.message());
  // A file's errors name their place in the message already ("line 2, column 3: …").
  if (!s.field().empty() && s.message().rfind(s.field(), 0) != 0) {
    message = std::string(s.field()) + ": " + message;
  }
  return message;
}

Errors ErrorsOf(const PageRequest& req, const Status& s) {
  const std::string field(s.field());
  static constexpr std::string_view kPlain[] = {"budget_year", "top_n", "gain_rate", "case_id"};
  bool input = field.find('-') != std::string::npos ||
               std::find(std::begin(kPlain), std::end(kPlain), field) != std::end(kPlain);
  for (char c : field) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_')) {
      input = false;
    }
  }
  if (input) return {{field, InLanguage(req.lang, s.message())}};
  return {{"", Message(req, s)}};
}

std::string Hidden(const PageRequest& req, int64_t version) {
  return CsrfField(req) + "<input type=\"hidden\" name=\"version\" value=\"" +
         std::to_string(version) + "\">";
}

std::string Label(const std::string& id, std::string_view text, std::string_view hint) {
  return "<label for=\"" + id + "\">" + H(text) + "</label>" +
         (hint.empty() ? "" : "<p class=\"hint\" id=\"" + id + "-hint\">" + H(hint) + "</p>");
}

std::string Field(const std::string& id, std::string_view label, const std::string& value,
                  std::string_view hint, std::string_view extra) {
  return "<div class=\"field\">" + Label(id, label, hint) + "<input id=\"" + id + "\" name=\"" +
         id + "\" value=\"" + H(value) + "\"" +
         (hint.empty() ? "" : " aria-describedby=\"" + id + "-hint\"") + std::string(extra) +
         "></div>";
}

std::string Choice(const std::string& id, std::string_view label,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::string& selected) {
  std::string out =
      "<div class=\"field\">" + Label(id, label) + "<select id=\"" + id + "\" name=\"" + id + "\">";
  for (const auto& [value, text] : options) {
    out += "<option value=\"" + H(value) + "\"" + (value == selected ? " selected" : "") + ">" +
           H(text) + "</option>";
  }
  return out + "</select></div>";
}

std::string Button(std::string_view text) {
  return "<button type=\"submit\">" + H(text) + "</button>";
}

}  // namespace strategy_pages

namespace {

using namespace strategy_pages;

constexpr char kPath[] = "/strategi";

Result<int64_t> VersionOf(const PageRequest& req) {
  return ParseWholeNumber(req.Param("version"), "version", 0);
}

// A percentage as typed ("26,5", "26.5 %") in tenths of a point.
Result<int64_t> TenthsField(const PageRequest& req, const std::string& name, bool allow_negative) {
  std::string text = req.Param(name);
  if (const size_t p = text.rfind('%'); p != std::string::npos) text.erase(p);
  SAMSPILL_ASSIGN_OR_RETURN(double v, ParseDecimalNumber(text, name));
  if (!allow_negative && v < 0) return InvalidArgument("must not be negative", name);
  if (std::abs(v) > 100) return InvalidArgument("must be a percentage (at most 100)", name);
  return static_cast<int64_t>(std::llround(v * 10));
}

// Whole kroner as typed: "412 000 000", "412000000"; "" is 0 unless required.
Result<int64_t> KronerField(const PageRequest& req, const std::string& name, bool required) {
  const std::string text = req.Param(name);
  if (text.find_first_not_of(' ') == std::string::npos) {
    if (required) return InvalidArgument("is required", name);
    return int64_t{0};
  }
  Result<int64_t> minor = ParseMoneyMinor(text);
  if (!minor.ok()) return Status(minor.status().code(), minor.status().message(), name);
  if (*minor % 100 != 0) return InvalidArgument("whole kroner, without øre", name);
  return *minor / 100;
}

std::string IntroNav(const PageRequest& req) {
  return "<nav aria-label=\"" + H(Tx(req, "Strategiens deler", "The strategy's parts")) +
         "\"><ul class=\"inline-list\"><li><a href=\"/strategi\">" +
         H(Tx(req, "1. Potensial, IKU og mål", "1. Potential, IKU and targets")) +
         "</a></li><li><a href=\"/strategi/prioriteringer\">" +
         H(Tx(req, "2. Prioriteringer", "2. Priorities")) +
         "</a></li><li><a href=\"/strategi/plan\">" +
         H(Tx(req, "3. Anskaffelsesplan", "3. Procurement plan")) +
         "</a></li><li><a href=\"/anskaffelsesplan\">" +
         H(Tx(req, "Den publiserte planen", "The published plan")) + "</a></li></ul></nav>";
}

std::string IkuCell(const PageRequest& req, const std::optional<double>& iku, bool example) {
  if (!iku) return "–";
  return Percent(req, *iku) + (example ? std::string(Tx(req, " (eksempel)", " (example)")) : "");
}

std::optional<double> NationalFor(int year) {
  for (const strategy::NationalIku& n : strategy::NationalIkuLine()) {
    if (n.year == year) return n.iku;
  }
  return std::nullopt;
}

// ---- /strategi

std::string IkuSection(const PageRequest& req, const app::RegisterView& v) {
  const strategy::StrategyRegister& r = v.reg;
  const bool dk = r.scheme == strategy::AccountScheme::kDanishFunctions;
  std::string body =
      "<p>" +
      H(dk ? Tx(req,
                "IKU (indikator for konkurranseutsetting) = (kjøp fra private leverandører + "
                "egne anbud som vant i kontrollbud) × 100 / utgiftene til oppgaver private "
                "leverandører kan utføre. For kommunen som helhet summeres beløpene før "
                "forholdstallet regnes ut.",
                "IKU (the indicator of competitive tendering) = (purchases from private "
                "suppliers + in-house bids that won a control bid) × 100 / spend on tasks "
                "private suppliers may perform. For the municipality as a whole the amounts "
                "are summed before the ratio is taken.")
           : Tx(req,
                "Konkurranseeksponert andel = (kjøp fra private leverandører + egne anbud som "
                "vant i kontrollbud) × 100 / utgiftene på KOSTRA-funksjoner private kan utføre: "
                "samme regnestykke som danske IKU. Det finnes ingen offisiell norsk "
                "landsverdi.",
                "Share exposed to competition = (purchases from private suppliers + in-house "
                "bids that won a control bid) × 100 / spend on KOSTRA functions private "
                "suppliers may perform: the arithmetic of the Danish IKU. No official Norwegian "
                "national value exists.")) +
      "</p>";
  if (v.total_iku.empty()) {
    return body + "<p>" +
           H(Tx(req, "Ingen tall ennå: legg inn oppgaveområdene og deres utgifter nedenfor.",
                "No figures yet: add the task areas and their spend below.")) +
           "</p>";
  }
  strategy::IkuChartOptions options;
  options.title = std::string(Tx(req, "IKU per år", "IKU per year"));
  options.own_label = r.municipality.empty() ? std::string(Tx(req, "Kommunen", "The municipality"))
                                             : r.municipality;
  options.english = req.lang == Lang::kEn;
  options.show_national = dk;
  options.national_from = v.total_iku.front().year;
  body += "<p id=\"iku-chart-desc\">" +
          H(Tx(req,
               "Figuren viser kommunens IKU per år (heltrukken linje) mot andre kommuner (grå) "
               "og landsgjennomsnittet (stiplet). Hule punkter er eksempeltall.",
               "The chart shows the municipality's IKU per year (solid line) against other "
               "municipalities (grey) and the national average (dashed). Hollow points are "
               "example figures.")) +
          "</p>" + strategy::IkuChartSvg(v.total_iku, r.peers, options);
  body +=
      "<table><caption>" + H(Tx(req, "IKU per år", "IKU per year")) +
      "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "År", "Year")) +
      "</th><th scope=\"col\" class=\"num\">" +
      H(Tx(req, "Kan konkurranseutsettes", "May be competed")) +
      "</th><th scope=\"col\" class=\"num\">" + H(Tx(req, "Konkurranseutsatt", "Competed")) +
      "</th><th scope=\"col\" class=\"num\">" + H(dk ? "IKU" : Tx(req, "Andel", "Share")) +
      "</th>" +
      (dk ? "<th scope=\"col\" class=\"num\">" + H(Tx(req, "Landet", "National")) + "</th>" : "") +
      "</tr></thead><tbody>";
  for (const strategy::IkuPoint& p : v.total_iku) {
    const std::optional<double> national = NationalFor(p.year);
    body +=
        "<tr><th scope=\"row\">" + std::to_string(p.year) + "</th><td class=\"num\">" +
        H(Millions(req, p.may_compete, r.currency)) + "</td><td class=\"num\">" +
        H(Millions(req, p.competed, r.currency)) + "</td><td class=\"num\">" +
        H(IkuCell(req, p.iku, p.example)) + "</td>" +
        (dk ? "<td class=\"num\">" + (national ? H(Percent(req, *national)) : "–") + "</td>" : "") +
        "</tr>";
  }
  body += "</tbody></table>";
  if (dk) {
    body +=
        "<p class=\"hint\">" + H(Tx(req, "Landsgjennomsnittet: ", "The national average: ")) +
        H(strategy::NationalIkuSource()) + ". " +
        H(req.lang == Lang::kNb ? strategy::NationalIkuNoteNb() : strategy::NationalIkuNoteEn()) +
        "</p>";
  }
  return body;
}

std::string AreasSection(const PageRequest& req, const app::RegisterView& v) {
  const strategy::StrategyRegister& r = v.reg;
  std::string body;
  if (!r.areas.empty()) {
    body += "<table><caption>" + H(Tx(req, "Oppgaveområder, siste år", "Task areas, latest year")) +
            "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "Område", "Area")) +
            "</th><th scope=\"col\">" + H(Tx(req, "Funksjon", "Function")) +
            "</th><th scope=\"col\">" + H(Tx(req, "År", "Year")) +
            "</th><th scope=\"col\" class=\"num\">" +
            H(Tx(req, "Kan konkurranseutsettes", "May be competed")) +
            "</th><th scope=\"col\" class=\"num\">IKU</th><th scope=\"col\" class=\"num\">" +
            H(Tx(req, "Åpent potensial", "Open potential")) + "</th></tr></thead><tbody>";
    for (size_t i = 0; i < r.areas.size(); ++i) {
      const strategy::TaskArea& a = r.areas[i];
      const std::vector<strategy::IkuPoint>& iku = v.area_iku[i];
      const strategy::IkuPoint* last = iku.empty() ? nullptr : &iku.back();
      const std::optional<int64_t> open = strategy::OpenPotential(a);
      body += "<tr><td><a href=\"/strategi/omrade/" + std::to_string(a.id) + "\">" + H(a.name) +
              "</a></td><td>" + H(a.code) + "</td><td>" +
              (last ? std::to_string(last->year) : "–") + "</td><td class=\"num\">" +
              (last ? H(Millions(req, last->may_compete, r.currency)) : "–") +
              "</td><td class=\"num\">" + (last ? H(IkuCell(req, last->iku, last->example)) : "–") +
              "</td><td class=\"num\">" + (open ? H(Millions(req, *open, r.currency)) : "–") +
              "</td></tr>";
    }
    body += "</tbody></table>";
  }
  if (v.can_edit) {
    body += "<h3>" + H(Tx(req, "Nytt oppgaveområde", "New task area")) +
            "</h3><form method=\"post\" action=\"/strategi/omrade\" class=\"stack\">" +
            Hidden(req, v.version) + Field("a-name", Tx(req, "Navn", "Name"), "", {}, " required") +
            Field("a-code", Tx(req, "Funksjon i regnskapet", "Accounting function"), "",
                  Tx(req, "F.eks. 5.32.32 (Danmark) eller 254 (KOSTRA)",
                     "E.g. 5.32.32 (Denmark) or 254 (KOSTRA)")) +
            Field("a-cpv", Tx(req, "CPV-kode", "CPV code"), "",
                  Tx(req, "Koden anbudene ville brukt, f.eks. 85311000-2",
                     "The code its tenders would use, e.g. 85311000-2")) +
            Button(Tx(req, "Legg til området", "Add the area")) + "</form>";
  }
  return body;
}

std::string PeersSection(const PageRequest& req, const app::RegisterView& v) {
  const strategy::StrategyRegister& r = v.reg;
  std::string body;
  if (r.peers.empty()) {
    body +=
        "<p>" +
        H(Tx(req, "Ingen andre kommuner lagt inn. Figuren sammenligner med landsgjennomsnittet.",
             "No other municipalities added. The chart compares with the national average.")) +
        "</p>";
  } else {
    body += "<table><caption>" +
            H(Tx(req, "Andre kommuners IKU, siste år", "Other municipalities' IKU, latest year")) +
            "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "Kommune", "Municipality")) +
            "</th><th scope=\"col\">" + H(Tx(req, "År", "Year")) +
            "</th><th scope=\"col\" class=\"num\">IKU</th></tr></thead><tbody>";
    for (const std::string& m : strategy::PeerMunicipalities(r.peers)) {
      const strategy::PeerFigure* latest = nullptr;
      for (const strategy::PeerFigure& p : r.peers) {
        if (p.municipality == m && (latest == nullptr || p.year > latest->year)) latest = &p;
      }
      body += "<tr><td>" + H(m) + "</td><td>" + std::to_string(latest->year) +
              "</td><td class=\"num\">" + H(Percent(req, latest->iku)) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  if (v.can_edit) {
    body +=
        "<form method=\"post\" action=\"/strategi/sammenligning\" "
        "enctype=\"multipart/form-data\" class=\"stack\">" +
        Hidden(req, v.version) + "<div class=\"field\">" +
        Label("p-file", Tx(req, "CSV med andre kommuners IKU", "CSV of other municipalities' IKU"),
              Tx(req,
                 "Nøkkeltallenes form: Kommune;2019;2020;… med desimalkomma, eller kolonnene "
                 "kommune, år og iku. Filen erstatter tallene som er lagt inn.",
                 "The key figures' shape: Kommune;2019;2020;… with decimal commas, or the "
                 "columns kommune, år and iku. The file replaces the figures entered.")) +
        "<input type=\"file\" id=\"p-file\" name=\"file\" accept=\".csv,text/csv\" "
        "aria-describedby=\"p-file-hint\" required></div>" +
        Button(Tx(req, "Les inn", "Import")) + "</form>";
  }
  return body;
}

std::string TargetValue(const PageRequest& req, std::optional<int64_t> tenths) {
  if (!tenths) return "–";
  return FormatDecimal(req.lang, static_cast<double>(*tenths) / 10.0, 1);
}

std::string StateLabel(const PageRequest& req, portfolio::Attainment a) {
  switch (a) {
    case portfolio::Attainment::kMet:
      return std::string(Tx(req, "Nådd", "Met"));
    case portfolio::Attainment::kNotMet:
      return std::string(Tx(req, "Ikke nådd", "Not met"));
    case portfolio::Attainment::kNoTarget:
      return std::string(Tx(req, "Utgangspunkt / uten mål", "Baseline / no target"));
    case portfolio::Attainment::kNoFigure:
      return std::string(Tx(req, "Mangler tall", "No figure"));
  }
  return "";
}

std::string TargetsSection(const PageRequest& req, const app::RegisterView& v) {
  std::string body;
  if (v.targets.empty()) {
    body += "<p>" + H(Tx(req, "Ingen politiske mål lagt inn.", "No political targets entered.")) +
            "</p>";
  }
  for (const app::TargetView& t : v.targets) {
    const std::string id = "target-" + std::to_string(t.target.id);
    body += "<h3 id=\"" + id + "\">" + H(t.target.indicator.name) + "</h3>";
    std::string meta = std::string(Tx(req, "Mål: ", "Target: ")) +
                       TargetValue(req, t.indicator.target) + " " + t.indicator.unit + ", " +
                       std::to_string(t.target.period.first_year) + "–" +
                       std::to_string(t.target.period.last_year);
    if (!t.target.adopted_by.empty()) {
      meta += ". " + std::string(Tx(req, "Vedtatt av ", "Adopted by ")) + t.target.adopted_by;
    }
    body += "<p>" + H(meta) + ". " +
            H(req.lang == Lang::kNb ? t.attainment.summary_nb : t.attainment.summary_en) + "</p>";
    portfolio::ChartOptions chart;
    chart.title = t.indicator.name;
    chart.english = req.lang == Lang::kEn;
    body +=
        "<p>" +
        H(Tx(req, "Søylene viser årets tall, den stiplede linjen målet; grønne søyler er nådd.",
             "The bars show each year's figure, the dashed line the target; green bars are "
             "met.")) +
        "</p>" +
        portfolio::CategoryChartSvg(t.indicator.category, {t.indicator}, t.target.period, chart);
    body += "<table><caption>" + H(t.indicator.name) + "</caption><thead><tr><th scope=\"col\">" +
            H(Tx(req, "År", "Year")) + "</th><th scope=\"col\" class=\"num\">" +
            H(Tx(req, "Tall", "Figure")) + "</th><th scope=\"col\" class=\"num\">" +
            H(Tx(req, "Mål for året", "The year's target")) + "</th><th scope=\"col\">" +
            H(Tx(req, "Status", "Status")) + "</th></tr></thead><tbody>";
    for (const portfolio::YearAttainment& y : t.attainment.years) {
      body += "<tr><th scope=\"row\">" + std::to_string(y.year) + "</th><td class=\"num\">" +
              H(TargetValue(req, y.value)) + "</td><td class=\"num\">" +
              H(TargetValue(req, y.target)) + "</td><td>" + H(StateLabel(req, y.state)) +
              (y.note.empty() ? "" : " – " + H(y.note)) + "</td></tr>";
    }
    body += "</tbody></table>";
    if (v.can_edit) {
      if (t.target.subject == strategy::TargetSubject::kGreen) {
        body +=
            "<form method=\"post\" action=\"/strategi/mal/" + std::to_string(t.target.id) +
            "/tall\" class=\"inline-form\">" + Hidden(req, v.version) +
            Field(id + "-year", Tx(req, "År", "Year"), "", {}, " inputmode=\"numeric\" required") +
            Field(id + "-value", Tx(req, "Tall (%)", "Figure (%)"), "", {},
                  " inputmode=\"decimal\"") +
            Field(id + "-note", Tx(req, "Merknad", "Note"), "") +
            Button(Tx(req, "Lagre tallet", "Save the figure")) + "</form>";
      }
      body += "<form method=\"post\" action=\"/strategi/mal/" + std::to_string(t.target.id) +
              "/slett\" class=\"inline-form\">" + Hidden(req, v.version) +
              "<button type=\"submit\" class=\"link-button\">" +
              H(Tx(req, "Slett målet", "Delete the target")) + " " + H(t.indicator.name) +
              "</button></form>";
    }
  }
  if (v.can_edit) {
    body +=
        "<h3>" + H(Tx(req, "Nytt politisk mål", "New political target")) +
        "</h3><form method=\"post\" action=\"/strategi/mal\" class=\"stack\">" +
        Hidden(req, v.version) +
        Choice(
            "t-subject", Tx(req, "Hva målet gjelder", "What the target is about"),
            {{"iku", std::string(Tx(req, "IKU (andel konkurranseutsatt)", "IKU (share competed)"))},
             {"green",
              std::string(Tx(req, "Grønne innkjøp (CO2e-reduksjon eller miljømerket andel)",
                             "Green procurement (CO2e reduction or eco-labelled share)"))}},
            "iku") +
        Field("t-name", Tx(req, "Navn", "Name"), "", {}, " required") +
        Choice("t-kind", Tx(req, "Slags mål", "Kind of target"),
               {{"reach_by_last_year",
                 std::string(Tx(req, "Nås innen siste år", "Reached by the last year"))},
                {"per_year",
                 std::string(Tx(req, "Minst så mye hvert år", "At least this every year"))}},
               "reach_by_last_year") +
        Field("t-target", Tx(req, "Mål (prosent)", "Target (percent)"), "",
              Tx(req, "For IKU kan du i stedet gi økningen i prosentpoeng nedenfor.",
                 "For IKU you may give the increase in points below instead."),
              " inputmode=\"decimal\"") +
        Field("t-increase",
              Tx(req, "Økning i prosentpoeng fra første år (IKU)",
                 "Increase in points from the first year (IKU)"),
              "", {}, " inputmode=\"decimal\"") +
        Field("t-first", Tx(req, "Første år (utgangspunkt)", "First year (baseline)"), "", {},
              " inputmode=\"numeric\" required") +
        Field("t-last", Tx(req, "Siste år", "Last year"), "", {},
              " inputmode=\"numeric\" required") +
        Field("t-adopted", Tx(req, "Vedtatt av", "Adopted by"), "",
              Tx(req, "F.eks. Byrådet, budsjettavtale 2025",
                 "E.g. the city council, budget agreement 2025")) +
        Button(Tx(req, "Legg til målet", "Add the target")) + "</form>";
  }
  return body;
}

std::string SettingsSection(const PageRequest& req, const app::RegisterView& v) {
  const strategy::StrategyRegister& r = v.reg;
  return "<form method=\"post\" action=\"/strategi/innstillinger\" class=\"stack\">" +
         Hidden(req, v.version) +
         Field("s-municipality", Tx(req, "Kommune", "Municipality"), r.municipality, {},
               " required") +
         Choice("s-scheme", Tx(req, "Regnskapets funksjoner", "Accounting functions"),
                {{"dk_functions", std::string(Tx(req, "Danske kommuners funksjoner (IKU)",
                                                 "Danish municipal functions (IKU)"))},
                 {"kostra",
                  std::string(Tx(req, "KOSTRA-funksjoner (Norge)", "KOSTRA functions (Norway)"))}},
                std::string(strategy::AccountSchemeName(r.scheme))) +
         Field("s-currency", Tx(req, "Valuta", "Currency"), r.currency, {}, " required") +
         Field("s-region",
               Tx(req, "Region (NUTS) for markedstall", "Region (NUTS) for market figures"),
               r.region, Tx(req, "F.eks. DK031 eller NO060", "E.g. DK031 or NO060")) +
         Button(Tx(req, "Lagre", "Save")) + "</form>";
}

Result<PageResponse> OverviewPage(PageRequest& req, app::StrategyService& s, const Errors& errors,
                                  int status) {
  SAMSPILL_ASSIGN_OR_RETURN(app::RegisterView v, s.GetRegister(Who(req)));
  const std::string title(Tx(req, "Anskaffelsesstrategi", "Tendering strategy"));
  std::string body =
      "<h1>" + H(title) + (v.reg.municipality.empty() ? "" : " – " + H(v.reg.municipality)) +
      "</h1>" + ErrorSummary(req, errors) + "<p>" +
      H(Tx(req,
           "Hvert budsjettår: kartlegg hva som kan konkurranseutsettes og følg målene (1), velg "
           "noen få områder (2), og publiser en anskaffelsesplan så leverandørene kan forberede "
           "seg (3).",
           "Each budget year: map what could be competed and follow the targets (1), choose a "
           "few areas (2), and publish a procurement plan so suppliers can prepare (3).")) +
      "</p>" + IntroNav(req);
  if (!req.Param("lagret").empty() && errors.empty()) {
    body += "<p class=\"notice\" role=\"status\">" + H(Tx(req, "Lagret.", "Saved.")) + "</p>";
  }
  body += Section("iku", Tx(req, "Potensial og IKU", "Potential and IKU"), IkuSection(req, v));
  body += Section("areas", Tx(req, "Oppgaveområder", "Task areas"), AreasSection(req, v));
  body += Section("peers", Tx(req, "Andre kommuner", "Other municipalities"), PeersSection(req, v));
  body += Section("targets", Tx(req, "Politiske mål", "Political targets"), TargetsSection(req, v));
  if (v.can_edit) {
    body +=
        Section("settings", Tx(req, "Kommunen og regnskapet", "The municipality and its accounts"),
                SettingsSection(req, v));
  }
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

// A change from a form on /strategi (or an area page): back to it on success, the page again
// with the error otherwise.
template <typename Fn>
Result<PageResponse> RegisterChange(PageRequest& req, app::StrategyService& s,
                                    std::string_view anchor, Fn&& fn) {
  Result<int64_t> version = VersionOf(req);
  Status done = version.ok() ? fn(*version).status() : version.status();
  if (done.ok()) return Redirect(std::string(kPath) + "?lagret=1#" + std::string(anchor));
  if (!IsInputError(done)) return done;
  return OverviewPage(req, s, ErrorsOf(req, done), FormRefusalStatus(done));
}

Result<app::RegisterView> AddTarget(PageRequest& req, app::StrategyService& s, int64_t version) {
  strategy::PoliticalTarget t;
  std::optional<strategy::TargetSubject> subject =
      strategy::TargetSubjectFromName(req.Param("t-subject"));
  if (!subject) return InvalidArgument("choose what the target is about", "t-subject");
  t.subject = *subject;
  std::optional<portfolio::TargetKind> kind = portfolio::TargetKindFromName(req.Param("t-kind"));
  if (!kind) return InvalidArgument("choose the kind of target", "t-kind");
  SAMSPILL_ASSIGN_OR_RETURN(int64_t first,
                            ParseWholeNumber(req.Param("t-first"), "t-first", 1990, 2100));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t last,
                            ParseWholeNumber(req.Param("t-last"), "t-last", 1990, 2100));
  t.period = {static_cast<int>(first), static_cast<int>(last)};
  t.indicator.name = req.Param("t-name");
  t.indicator.category = std::string(Tx(req, "Politiske mål", "Political targets"));
  t.indicator.unit = "%";
  t.indicator.target_kind = *kind;
  t.indicator.decimals = 1;
  t.adopted_by = req.Param("t-adopted");
  if (!req.Param("t-increase").empty()) {
    if (*subject != strategy::TargetSubject::kIku) {
      return InvalidArgument("an increase from the first year is for IKU targets", "t-increase");
    }
    SAMSPILL_ASSIGN_OR_RETURN(double points,
                              ParseDecimalNumber(req.Param("t-increase"), "t-increase"));
    SAMSPILL_ASSIGN_OR_RETURN(app::RegisterView v, s.GetRegister(Who(req)));
    std::optional<int64_t> target =
        strategy::IkuTargetFromIncrease(v.total_iku, t.period.first_year, points);
    if (!target) {
      return InvalidArgument("the first year has no IKU to add the increase to", "t-first");
    }
    t.indicator.target = *target;
  } else {
    SAMSPILL_ASSIGN_OR_RETURN(int64_t target, TenthsField(req, "t-target", false));
    t.indicator.target = target;
  }
  return s.PutTarget(Who(req), version, std::move(t));
}

// ---- /strategi/omrade/{id}

Result<PageResponse> AreaPage(PageRequest& req, app::StrategyService& s, const Errors& errors,
                              int status) {
  const int64_t id = IdParam(req, 0);
  SAMSPILL_ASSIGN_OR_RETURN(app::RegisterView v, s.GetRegister(Who(req)));
  const strategy::TaskArea* area = nullptr;
  size_t index = 0;
  for (size_t i = 0; i < v.reg.areas.size(); ++i) {
    if (v.reg.areas[i].id == id) {
      area = &v.reg.areas[i];
      index = i;
    }
  }
  if (area == nullptr) return NotFound("the register has no task area " + std::to_string(id));
  const std::string& cur = v.reg.currency;
  const std::string path = "/strategi/omrade/" + std::to_string(id);
  std::string body = "<p><a href=\"/strategi#areas\">" +
                     H(Tx(req, "← Anskaffelsesstrategien", "← The tendering strategy")) +
                     "</a></p><h1>" + H(area->name) + "</h1>" + ErrorSummary(req, errors);
  if (!req.Param("lagret").empty() && errors.empty()) {
    body += "<p class=\"notice\" role=\"status\">" + H(Tx(req, "Lagret.", "Saved.")) + "</p>";
  }
  body += "<p>" + H(Tx(req, "Funksjon: ", "Function: ")) +
          H(area->code.empty() ? "–" : area->code) +
          ". CPV: " + H(area->cpv.empty() ? "–" : area->cpv) + ".</p>";
  std::string years;
  if (area->years.empty()) {
    years += "<p>" + H(Tx(req, "Ingen år lagt inn.", "No years entered.")) + "</p>";
  } else {
    years += "<table><caption>" + H(Tx(req, "Utgifter og IKU per år", "Spend and IKU per year")) +
             "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "År", "Year")) +
             "</th><th scope=\"col\" class=\"num\">" + H(Tx(req, "Utgifter", "Spend")) +
             "</th><th scope=\"col\" class=\"num\">" +
             H(Tx(req, "Kan konkurranseutsettes", "May be competed")) +
             "</th><th scope=\"col\" class=\"num\">" +
             H(Tx(req, "Kjøpt fra private", "Bought from private suppliers")) +
             "</th><th scope=\"col\" class=\"num\">" +
             H(Tx(req, "Vunnet kontrollbud", "Control bids won")) +
             "</th><th scope=\"col\" class=\"num\">IKU</th><th scope=\"col\">" +
             H(Tx(req, "Merknad", "Note")) + "</th></tr></thead><tbody>";
    for (size_t i = 0; i < area->years.size(); ++i) {
      const strategy::AreaYear& y = area->years[i];
      const strategy::IkuPoint& p = v.area_iku[index][i];
      years += "<tr><th scope=\"row\">" + std::to_string(y.year) + "</th><td class=\"num\">" +
               H(Millions(req, y.spend, cur)) + "</td><td class=\"num\">" +
               H(Millions(req, y.may_compete, cur)) + "</td><td class=\"num\">" +
               H(Millions(req, y.private_purchases, cur)) + "</td><td class=\"num\">" +
               H(Millions(req, y.in_house_wins, cur)) + "</td><td class=\"num\">" +
               H(IkuCell(req, p.iku, y.example)) + "</td><td>" + H(y.note) + "</td></tr>";
    }
    years += "</tbody></table>";
  }
  if (v.can_edit) {
    years +=
        "<h3>" + H(Tx(req, "Tall for et år", "Figures for a year")) + "</h3><p class=\"hint\">" +
        H(Tx(req, "Hele kroner. Et år som finnes fra før, erstattes.",
             "Whole kroner. A year entered before is replaced.")) +
        "</p><form method=\"post\" action=\"" + path + "/ar\" class=\"stack\">" +
        Hidden(req, v.version) +
        Field("y-year", Tx(req, "År", "Year"), "", {}, " inputmode=\"numeric\" required") +
        Field("y-spend", Tx(req, "Utgifter", "Spend"), "", {}, " inputmode=\"numeric\" required") +
        Field("y-may", Tx(req, "Kan konkurranseutsettes", "May be competed"), "", {},
              " inputmode=\"numeric\" required") +
        Field("y-private", Tx(req, "Kjøpt fra private", "Bought from private suppliers"), "", {},
              " inputmode=\"numeric\"") +
        Field("y-wins", Tx(req, "Vunnet kontrollbud", "Control bids won"), "", {},
              " inputmode=\"numeric\"") +
        Field("y-note", Tx(req, "Merknad", "Note"), "") +
        "<div class=\"field\"><input type=\"checkbox\" id=\"y-example\" name=\"y-example\" "
        "value=\"1\"> <label for=\"y-example\">" +
        H(Tx(req, "Eksempeltall (ikke fra regnskapet)",
             "Example figures (not from the accounts)")) +
        "</label></div>" + Button(Tx(req, "Lagre året", "Save the year")) + "</form>";
    if (!area->years.empty()) {
      years += "<form method=\"post\" action=\"" + path + "/ar/slett\" class=\"inline-form\">" +
               Hidden(req, v.version) +
               Field("r-year", Tx(req, "År å fjerne", "Year to remove"), "", {},
                     " inputmode=\"numeric\" required") +
               Button(Tx(req, "Fjern året", "Remove the year")) + "</form>";
    }
  }
  body += Section("years", Tx(req, "År", "Years"), years);
  if (v.can_edit) {
    body += Section(
        "edit", Tx(req, "Endre området", "Change the area"),
        "<form method=\"post\" action=\"" + path + "\" class=\"stack\">" + Hidden(req, v.version) +
            Field("a-name", Tx(req, "Navn", "Name"), area->name, {}, " required") +
            Field("a-code", Tx(req, "Funksjon i regnskapet", "Accounting function"), area->code) +
            Field("a-cpv", Tx(req, "CPV-kode", "CPV code"), area->cpv) +
            Button(Tx(req, "Lagre", "Save")) + "</form><form method=\"post\" action=\"" + path +
            "/slett\" class=\"inline-form\">" + Hidden(req, v.version) +
            "<button type=\"submit\" class=\"link-button\">" +
            H(Tx(req, "Slett området", "Delete the area")) + "</button></form>");
  }
  return PageResponse{status, RenderLayout(req, area->name, body), "", {}};
}

// A year's refusal by the register names the document's path ("areas[2].years[0].spend"):
// the year form's field it stands for, so the error summary links to it.
Status AsYearFormField(const Status& s) {
  static constexpr std::pair<std::string_view, std::string_view> kFields[] = {
      {"].year", "y-year"},          {"].spend", "y-spend"},
      {"].may_compete", "y-may"},    {"].private_purchases", "y-private"},
      {"].in_house_wins", "y-wins"}, {"].note", "y-note"}};
  const std::string_view field = s.field();
  if (field.find(".years[") == std::string_view::npos) return s;
  for (const auto& [suffix, id] : kFields) {
    if (field.size() >= suffix.size() && field.substr(field.size() - suffix.size()) == suffix) {
      return Status(s.code(), std::string(s.message()), std::string(id));
    }
  }
  return s;
}

template <typename Fn>
Result<PageResponse> AreaChange(PageRequest& req, app::StrategyService& s, Fn&& fn) {
  const std::string path = "/strategi/omrade/" + std::to_string(IdParam(req, 0));
  Result<int64_t> version = VersionOf(req);
  Status done = AsYearFormField(version.ok() ? fn(*version).status() : version.status());
  if (done.ok()) return Redirect(path + "?lagret=1#years");
  if (!IsInputError(done)) return done;
  return AreaPage(req, s, ErrorsOf(req, done), FormRefusalStatus(done));
}

Result<app::RegisterView> SaveYear(PageRequest& req, app::StrategyService& s, int64_t version) {
  strategy::AreaYear y;
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            ParseWholeNumber(req.Param("y-year"), "y-year", 1990, 2100));
  y.year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(y.spend, KronerField(req, "y-spend", true));
  SAMSPILL_ASSIGN_OR_RETURN(y.may_compete, KronerField(req, "y-may", true));
  SAMSPILL_ASSIGN_OR_RETURN(y.private_purchases, KronerField(req, "y-private", false));
  SAMSPILL_ASSIGN_OR_RETURN(y.in_house_wins, KronerField(req, "y-wins", false));
  y.note = req.Param("y-note");
  y.example = req.Param("y-example") == "1";
  return s.PutAreaYear(Who(req), version, IdParam(req, 0), std::move(y));
}

// ---- /strategi/prioriteringer

Result<PageResponse> PriorityListPage(PageRequest& req, app::StrategyService& s,
                                      const Errors& errors, int status) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::PrioritySummary> years, s.ListPriorities(Who(req)));
  const std::string title(Tx(req, "Prioriteringer per budsjettår", "Priorities per budget year"));
  std::string body = "<h1>" + H(title) + "</h1>" + ErrorSummary(req, errors) + IntroNav(req) +
                     "<p>" +
                     H(Tx(req,
                          "Velg noen få områder hvert budsjettår etter volum mot forventet "
                          "gevinst, andre kommuners erfaringer, markedets robusthet og egen "
                          "historikk (områder som aldri er konkurranseutsatt har mest potensial).",
                          "Choose a few areas each budget year by volume against expected "
                          "gain, other municipalities' experience, market robustness and own "
                          "history (areas never competed have the most potential).")) +
                     "</p>";
  if (years.empty()) {
    body += "<p>" + H(Tx(req, "Ingen lister ennå.", "No lists yet.")) + "</p>";
  } else {
    body += "<ul>";
    for (const app::PrioritySummary& y : years) {
      body += "<li><a href=\"/strategi/prioriteringer/" + std::to_string(y.budget_year) + "\">" +
              H(Tx(req, "Budsjettåret ", "Budget year ")) + std::to_string(y.budget_year) +
              "</a> (" + std::to_string(y.candidates) + H(Tx(req, " områder", " areas")) + ")</li>";
    }
    body += "</ul>";
  }
  if (IsStrategyWriterRole(req.principal->user.role)) {
    body += "<form method=\"post\" action=\"/strategi/prioriteringer\" class=\"stack\">" +
            CsrfField(req) +
            Field("budget_year", Tx(req, "Budsjettår", "Budget year"), "",
                  Tx(req,
                     "Alle områdene i registeret blir kandidater, med tall fra "
                     "beslutningssakene, markedet og anbudene.",
                     "Every area of the register becomes a candidate, with figures from the "
                     "decision cases, the market and the tenders."),
                  " inputmode=\"numeric\" required") +
            Button(Tx(req, "Lag listen", "Make the list")) + "</form>";
  }
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

std::string ScoreCell(const PageRequest& req, const strategy::CriterionScore& s) {
  if (!s.score) return "<td class=\"num\">–</td>";
  std::string mark;
  if (s.manual) mark = std::string(Tx(req, " (satt)", " (set)"));
  if (s.estimate) mark = std::string(Tx(req, " (anslag)", " (estimate)"));
  return "<td class=\"num\">" + H(FormatDecimal(req.lang, *s.score, 1) + mark) + "</td>";
}

std::string CriterionLabel(const PageRequest& req, strategy::PriorityCriterion c) {
  return std::string(req.lang == Lang::kNb ? strategy::PriorityCriterionLabelNb(c)
                                           : strategy::PriorityCriterionLabelEn(c));
}

constexpr strategy::PriorityCriterion kCriteria[] = {
    strategy::PriorityCriterion::kVolumeGain, strategy::PriorityCriterion::kPeerExperience,
    strategy::PriorityCriterion::kMarketRobustness, strategy::PriorityCriterion::kOwnHistory};

Result<PageResponse> PriorityPage(PageRequest& req, app::StrategyService& s, const Errors& errors,
                                  int status) {
  const int year = static_cast<int>(IdParam(req, 0));
  SAMSPILL_ASSIGN_OR_RETURN(app::PriorityView v, s.GetPriorities(Who(req), year));
  const strategy::PriorityList& list = v.list;
  const strategy::PriorityRanking& r = v.ranking;
  const std::string path = "/strategi/prioriteringer/" + std::to_string(year);
  const std::string title =
      std::string(Tx(req, "Prioriteringer for budsjettåret ", "Priorities for the budget year ")) +
      std::to_string(year);
  std::string body = "<p><a href=\"/strategi/prioriteringer\">" +
                     H(Tx(req, "← Alle budsjettår", "← Every budget year")) + "</a></p><h1>" +
                     H(title) + "</h1>" + ErrorSummary(req, errors);
  if (!req.Param("lagret").empty() && errors.empty()) {
    body += "<p class=\"notice\" role=\"status\">" + H(Tx(req, "Lagret.", "Saved.")) + "</p>";
  }
  body += "<p>" + H(req.lang == Lang::kNb ? r.summary_nb : r.summary_en) + "</p>";
  // The ranked list.
  std::string ranked =
      "<table><caption>" +
      H(Tx(req, "Kandidatene rangert (poeng 0–10)", "The candidates ranked (scores 0–10)")) +
      "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "Rang", "Rank")) +
      "</th><th scope=\"col\">" + H(Tx(req, "Område", "Area")) + "</th>";
  for (strategy::PriorityCriterion c : kCriteria) {
    ranked += "<th scope=\"col\" class=\"num\">" + H(CriterionLabel(req, c)) + " (" +
              H(FormatDecimal(req.lang, r.weights[static_cast<size_t>(c)] * 100, 0)) + " %)</th>";
  }
  ranked += "<th scope=\"col\" class=\"num\">" + H(Tx(req, "Sum", "Total")) +
            "</th><th scope=\"col\" class=\"num\">" + H(Tx(req, "Blant de ", "In the top ")) +
            std::to_string(list.settings.top_n) + H(Tx(req, " første", "")) +
            "</th></tr></thead><tbody>";
  for (const strategy::RankedCandidate& rc : r.ranked) {
    const strategy::Candidate& c = list.candidates[rc.index];
    ranked += std::string(rc.rank <= list.settings.top_n ? "<tr class=\"chosen\">" : "<tr>") +
              "<td class=\"num\">" + std::to_string(rc.rank) + "</td><th scope=\"row\">" +
              H(c.name) + "</th>";
    for (const strategy::CriterionScore& sc : rc.scores) ranked += ScoreCell(req, sc);
    ranked += "<td class=\"num\">" + H(FormatDecimal(req.lang, rc.total, 2)) +
              "</td><td class=\"num\">" +
              (rc.in_top_n ? H(FormatDecimal(req.lang, *rc.in_top_n * 100, 0)) + " %" : "–") +
              "</td></tr>";
  }
  ranked += "</tbody></table>";
  body += Section("ranking", Tx(req, "Rangeringen", "The ranking"), ranked);
  // Reasons.
  std::string reasons;
  for (const strategy::RankedCandidate& rc : r.ranked) {
    const strategy::Candidate& c = list.candidates[rc.index];
    reasons += "<h3>" + std::to_string(rc.rank) + ". " + H(c.name) + "</h3><ul>";
    for (const std::string& reason : req.lang == Lang::kNb ? rc.reasons_nb : rc.reasons_en) {
      reasons += "<li>" + H(reason) + "</li>";
    }
    reasons += "</ul>";
    if (!c.note.empty()) reasons += "<p>" + H(c.note) + "</p>";
  }
  body += Section("reasons", Tx(req, "Begrunnelser", "Reasons"), reasons);
  // Stability of the first place.
  if (!r.stability.empty() && !r.ranked.empty()) {
    std::string st =
        "<p>" +
        H(Tx(req,
             "Intervallene viser hvor mye hver vekt kan endres (de andre justeres forholdsmessig) "
             "før et annet område tar førsteplassen.",
             "The intervals show how far each weight can move (the others adjusted in "
             "proportion) before another area takes first place.")) +
        "</p><table><caption>" +
        H(Tx(req, "Hvor stabil er førsteplassen", "How stable the first place is")) +
        "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "Kriterium", "Criterion")) +
        "</th><th scope=\"col\" class=\"num\">" + H(Tx(req, "Vekt", "Weight")) +
        "</th><th scope=\"col\">" +
        H(Tx(req, "Førsteplassen holder for", "First place holds for")) +
        "</th><th scope=\"col\">" + H(Tx(req, "Tas over av", "Taken over by")) +
        "</th></tr></thead><tbody>";
    for (const strategy::TopStability& t : r.stability) {
      std::optional<strategy::PriorityCriterion> c =
          strategy::PriorityCriterionFromName(t.criterion);
      std::string range = "–";
      if (t.min) {
        range = FormatDecimal(req.lang, *t.min * 100, 0) + "–" +
                (t.max ? FormatDecimal(req.lang, *t.max * 100, 0) : "100") + " %";
      }
      std::string challengers;
      for (const std::optional<size_t>& ch : {t.challenger_below, t.challenger_above}) {
        if (ch && *ch < list.candidates.size()) {
          if (!challengers.empty()) challengers += ", ";
          challengers += list.candidates[*ch].name;
        }
      }
      st += "<tr><th scope=\"row\">" + H(c ? CriterionLabel(req, *c) : t.criterion) +
            "</th><td class=\"num\">" + H(FormatDecimal(req.lang, t.weight * 100, 0)) +
            " %</td><td>" + H(range) + "</td><td>" + H(challengers.empty() ? "–" : challengers) +
            "</td></tr>";
    }
    body += Section("stability", Tx(req, "Følsomhet", "Sensitivity"), st + "</tbody></table>");
  }
  if (v.can_edit) {
    std::vector<std::pair<std::string, std::string>> candidates;
    for (const strategy::Candidate& c : list.candidates) {
      candidates.push_back({std::to_string(c.area_id), c.name});
    }
    std::vector<std::pair<std::string, std::string>> criteria;
    for (strategy::PriorityCriterion c : kCriteria) {
      criteria.push_back({std::string(strategy::PriorityCriterionName(c)), CriterionLabel(req, c)});
    }
    std::string forms = "<h3>" + H(Tx(req, "Vekter", "Weights")) +
                        "</h3><form method=\"post\" action=\"" + path +
                        "/vekter\" class=\"stack\">" + Hidden(req, v.version);
    for (strategy::PriorityCriterion c : kCriteria) {
      const std::string id = "w-" + std::string(strategy::PriorityCriterionName(c));
      forms += Field(id, CriterionLabel(req, c),
                     FormatDecimal(req.lang, list.settings.weights[static_cast<size_t>(c)], 0), {},
                     " inputmode=\"decimal\" required");
    }
    forms += Field("top_n", Tx(req, "Hvor mange områder året tar", "How many areas the year takes"),
                   std::to_string(list.settings.top_n), {}, " inputmode=\"numeric\" required") +
             Field("gain_rate",
                   Tx(req, "Forventet gevinst uten beslutningssak (% av volumet)",
                      "Expected gain without a decision case (% of the volume)"),
                   FormatDecimal(req.lang, list.settings.default_gain_rate * 100, 1), {},
                   " inputmode=\"decimal\" required") +
             Button(Tx(req, "Lagre vektene", "Save the weights")) + "</form>";
    forms += "<h3>" + H(Tx(req, "Sett en poengsum for hånd", "Set a score by hand")) +
             "</h3><form method=\"post\" action=\"" + path + "/poeng\" class=\"stack\">" +
             Hidden(req, v.version) + Choice("m-area", Tx(req, "Område", "Area"), candidates, "") +
             Choice("m-criterion", Tx(req, "Kriterium", "Criterion"), criteria, "peer_experience") +
             Field("m-score", Tx(req, "Poeng (0–10)", "Score (0–10)"), "",
                   Tx(req, "Tomt felt fjerner poengsummen satt for hånd.",
                      "An empty field removes the score set by hand."),
                   " inputmode=\"decimal\"") +
             Field("m-reason", Tx(req, "Begrunnelse", "Reason"), "") +
             Button(Tx(req, "Lagre poengsummen", "Save the score")) + "</form>";
    forms += "<h3>" + H(Tx(req, "Oppdater tallene", "Refresh the figures")) + "</h3><p>" +
             H(Tx(req,
                  "Henter volum, gevinst, markedstall og historikk på nytt fra registeret, "
                  "beslutningssakene, markedsdataene og anbudene. Poeng satt for hånd beholdes.",
                  "Reads volume, gain, market figures and history again from the register, the "
                  "decision cases, the market data and the tenders. Scores set by hand are "
                  "kept.")) +
             "</p><form method=\"post\" action=\"" + path + "/oppdater\" class=\"inline-form\">" +
             Hidden(req, v.version) + Button(Tx(req, "Oppdater", "Refresh")) + "</form>";
    forms += "<h3>" + H(Tx(req, "Til anskaffelsesplanen", "To the procurement plan")) + "</h3><p>" +
             H(Tx(req,
                  "Legger de prioriterte områdene som ikke er i planen ennå, inn som planlagte "
                  "konkurranser.",
                  "Adds the prioritised areas not yet in the plan as planned tenders.")) +
             "</p><form method=\"post\" action=\"/strategi/plan/fra-prioriteringer\" "
             "class=\"inline-form\">" +
             CsrfField(req) + "<input type=\"hidden\" name=\"budget_year\" value=\"" +
             std::to_string(year) + "\">" +
             Button(Tx(req, "Legg inn i planen", "Add to the plan")) + "</form>";
    if (!candidates.empty()) {
      forms += "<h3>" + H(Tx(req, "Ta et område ut av listen", "Take an area off the list")) +
               "</h3><form method=\"post\" action=\"" + path + "/fjern\" class=\"inline-form\">" +
               Hidden(req, v.version) +
               Choice("x-area", Tx(req, "Område", "Area"), candidates, "") +
               Button(Tx(req, "Ta ut", "Take off")) + "</form>";
    }
    body += Section("change", Tx(req, "Endre listen", "Change the list"), forms);
  }
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

template <typename Fn>
Result<PageResponse> PriorityChange(PageRequest& req, app::StrategyService& s, Fn&& fn) {
  const int year = static_cast<int>(IdParam(req, 0));
  Result<int64_t> version = VersionOf(req);
  Status done = version.ok() ? fn(year, *version).status() : version.status();
  if (done.ok()) {
    return Redirect("/strategi/prioriteringer/" + std::to_string(year) + "?lagret=1#ranking");
  }
  if (!IsInputError(done)) return done;
  if (done.code() == StatusCode::kNotFound && !s.GetPriorities(Who(req), year).ok()) return done;
  return PriorityPage(req, s, ErrorsOf(req, done), FormRefusalStatus(done));
}

Result<app::PriorityView> SaveWeights(PageRequest& req, app::StrategyService& s, int year,
                                      int64_t version) {
  std::array<double, 4> weights{};
  for (strategy::PriorityCriterion c : kCriteria) {
    const std::string id = "w-" + std::string(strategy::PriorityCriterionName(c));
    SAMSPILL_ASSIGN_OR_RETURN(double w, ParseDecimalNumber(req.Param(id), id));
    weights[static_cast<size_t>(c)] = w;
  }
  SAMSPILL_ASSIGN_OR_RETURN(int64_t top_n, ParseWholeNumber(req.Param("top_n"), "top_n", 1, 200));
  std::string rate_text = req.Param("gain_rate");
  if (const size_t p = rate_text.rfind('%'); p != std::string::npos) rate_text.erase(p);
  SAMSPILL_ASSIGN_OR_RETURN(double rate, ParseDecimalNumber(rate_text, "gain_rate"));
  return s.UpdatePrioritySettings(Who(req), year, version, weights, static_cast<int>(top_n),
                                  rate / 100.0);
}

Result<app::PriorityView> SaveScore(PageRequest& req, app::StrategyService& s, int year,
                                    int64_t version) {
  SAMSPILL_ASSIGN_OR_RETURN(int64_t area, ParseWholeNumber(req.Param("m-area"), "m-area", 1));
  std::optional<strategy::PriorityCriterion> c =
      strategy::PriorityCriterionFromName(req.Param("m-criterion"));
  if (!c) return InvalidArgument("choose a criterion", "m-criterion");
  std::optional<strategy::ManualScore> score;
  if (req.Param("m-score").find_first_not_of(' ') != std::string::npos) {
    SAMSPILL_ASSIGN_OR_RETURN(double value, ParseDecimalNumber(req.Param("m-score"), "m-score"));
    score = strategy::ManualScore{value, req.Param("m-reason")};
  }
  return s.SetManualScore(Who(req), year, version, area, *c, std::move(score));
}

}  // namespace

std::vector<PageRoute> StrategyPageRoutes(app::StrategyService& s) {
  const std::vector<Role> readers = StrategyReaderRoles();
  const std::vector<Role> writers = StrategyWriterRoles();
  const std::string area = std::string("/strategi/omrade/") + kIdPattern;
  const std::string year = R"(/strategi/prioriteringer/(\d{4}))";
  std::vector<PageRoute> r;
  r.push_back({"GET", "/strategi", false, readers,
               [&s](PageRequest& req) { return OverviewPage(req, s, {}, 200); }});
  r.push_back({"POST", "/strategi/innstillinger", false, writers, [&s](PageRequest& req) {
                 return RegisterChange(req, s, "settings", [&](int64_t v) {
                   std::optional<strategy::AccountScheme> scheme =
                       strategy::AccountSchemeFromName(req.Param("s-scheme"));
                   if (!scheme) {
                     return Result<app::RegisterView>(
                         InvalidArgument("choose the accounts' functions", "s-scheme"));
                   }
                   return s.UpdateSettings(Who(req), v,
                                           {req.Param("s-municipality"), req.Param("s-currency"),
                                            req.Param("s-region"), *scheme});
                 });
               }});
  r.push_back({"POST", "/strategi/omrade", false, writers, [&s](PageRequest& req) {
                 return RegisterChange(req, s, "areas", [&](int64_t v) {
                   return s.PutArea(Who(req), v, 0, req.Param("a-code"), req.Param("a-name"),
                                    req.Param("a-cpv"));
                 });
               }});
  r.push_back({"POST", "/strategi/sammenligning", false, writers, [&s](PageRequest& req) {
                 return RegisterChange(req, s, "peers", [&](int64_t v) {
                   std::optional<Upload> file = req.File("file");
                   if (!file) {
                     return Result<app::RegisterView>(InvalidArgument("choose a file", "p-file"));
                   }
                   return s.ImportPeers(Who(req), v, file->content);
                 });
               }});
  r.push_back({"POST", "/strategi/mal", false, writers, [&s](PageRequest& req) {
                 return RegisterChange(req, s, "targets",
                                       [&](int64_t v) { return AddTarget(req, s, v); });
               }});
  r.push_back(
      {"POST", std::string("/strategi/mal/") + kIdPattern + "/tall", false, writers,
       [&s](PageRequest& req) {
         return RegisterChange(req, s, "targets", [&](int64_t v) -> Result<app::RegisterView> {
           const std::string id = "target-" + std::to_string(IdParam(req, 0));
           SAMSPILL_ASSIGN_OR_RETURN(
               int64_t y, ParseWholeNumber(req.Param(id + "-year"), id + "-year", 1990, 2100));
           std::optional<int64_t> value;
           if (!req.Param(id + "-value").empty()) {
             SAMSPILL_ASSIGN_OR_RETURN(value, TenthsField(req, id + "-value", false));
           }
           return s.PutTargetFigure(Who(req), v, IdParam(req, 0), static_cast<int>(y), value,
                                    req.Param(id + "-note"));
         });
       }});
  r.push_back({"POST", std::string("/strategi/mal/") + kIdPattern + "/slett", false, writers,
               [&s](PageRequest& req) {
                 return RegisterChange(req, s, "targets", [&](int64_t v) {
                   return s.RemoveTarget(Who(req), v, IdParam(req, 0));
                 });
               }});
  r.push_back(
      {"GET", area, false, readers, [&s](PageRequest& req) { return AreaPage(req, s, {}, 200); }});
  r.push_back({"POST", area, false, writers, [&s](PageRequest& req) {
                 return AreaChange(req, s, [&](int64_t v) {
                   return s.PutArea(Who(req), v, IdParam(req, 0), req.Param("a-code"),
                                    req.Param("a-name"), req.Param("a-cpv"));
                 });
               }});
  r.push_back({"POST", area + "/ar", false, writers, [&s](PageRequest& req) {
                 return AreaChange(req, s, [&](int64_t v) { return SaveYear(req, s, v); });
               }});
  r.push_back({"POST", area + "/ar/slett", false, writers, [&s](PageRequest& req) {
                 return AreaChange(req, s, [&](int64_t v) -> Result<app::RegisterView> {
                   SAMSPILL_ASSIGN_OR_RETURN(
                       int64_t y, ParseWholeNumber(req.Param("r-year"), "r-year", 1990, 2100));
                   return s.RemoveAreaYear(Who(req), v, IdParam(req, 0), static_cast<int>(y));
                 });
               }});
  r.push_back({"POST", area + "/slett", false, writers, [&s](PageRequest& req) {
                 return RegisterChange(req, s, "areas", [&](int64_t v) {
                   return s.RemoveArea(Who(req), v, IdParam(req, 0));
                 });
               }});
  r.push_back({"GET", "/strategi/prioriteringer", false, readers,
               [&s](PageRequest& req) { return PriorityListPage(req, s, {}, 200); }});
  r.push_back({"POST", "/strategi/prioriteringer", false, writers,
               [&s](PageRequest& req) -> Result<PageResponse> {
                 Result<int64_t> y =
                     ParseWholeNumber(req.Param("budget_year"), "budget_year", 1990, 2100);
                 Status done = y.ok() ? s.StartPriorities(Who(req), static_cast<int>(*y)).status()
                                      : y.status();
                 if (done.ok()) return Redirect("/strategi/prioriteringer/" + std::to_string(*y));
                 if (!IsInputError(done)) return done;
                 return PriorityListPage(req, s, ErrorsOf(req, done), FormRefusalStatus(done));
               }});
  r.push_back({"GET", year, false, readers,
               [&s](PageRequest& req) { return PriorityPage(req, s, {}, 200); }});
  r.push_back({"POST", year + "/vekter", false, writers, [&s](PageRequest& req) {
                 return PriorityChange(req, s,
                                       [&](int y, int64_t v) { return SaveWeights(req, s, y, v); });
               }});
  r.push_back({"POST", year + "/poeng", false, writers, [&s](PageRequest& req) {
                 return PriorityChange(req, s,
                                       [&](int y, int64_t v) { return SaveScore(req, s, y, v); });
               }});
  r.push_back({"POST", year + "/oppdater", false, writers, [&s](PageRequest& req) {
                 return PriorityChange(
                     req, s, [&](int y, int64_t v) { return s.RefreshFacts(Who(req), y, v); });
               }});
  r.push_back({"POST", year + "/fjern", false, writers, [&s](PageRequest& req) {
                 return PriorityChange(req, s, [&](int y, int64_t v) -> Result<app::PriorityView> {
                   SAMSPILL_ASSIGN_OR_RETURN(int64_t a,
                                             ParseWholeNumber(req.Param("x-area"), "x-area", 1));
                   return s.RemoveCandidate(Who(req), y, v, a);
                 });
               }});
  return r;
}

}  // namespace samspill::web
