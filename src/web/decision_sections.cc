// The read-only sections of a decision case, shared by the case page and the printed decision
// document (web/decision_pages.h).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "decision/risk_heatmap.h"
#include "tendering/cpv.h"
#include "web/decision_pages.h"
#include "web/messages.h"

namespace samspill::web {
namespace {

using decision::AlternativeRange;
using decision::AlternativeTotals;

std::string Cell(const std::string& html) { return "<td>" + html + "</td>"; }
std::string Num(const std::string& html) { return "<td class=\"num\">" + html + "</td>"; }

std::string Percent(const PageRequest& req, double value, int decimals = 1) {
  return FormatDecimal(req.lang, value, decimals) + " %";
}

template <typename T>
std::string Opt(const PageRequest& req, const std::optional<T>& v, int decimals = 0) {
  if (!v) return "–";
  return FormatDecimal(req.lang, static_cast<double>(*v), decimals);
}

// Whole kroner without the currency, for tables whose caption names it: "1 250 000".
std::string Amount(const PageRequest& req, double kroner) {
  const int64_t whole = static_cast<int64_t>(std::llround(std::abs(kroner)));
  const std::string money = FormatMoney(req.lang, Money{whole * 100, "NOK"});
  const size_t digit = money.find_first_of("0123456789");
  return (kroner <= -0.5 ? "−" : "") + (digit == std::string::npos ? money : money.substr(digit));
}
std::string OptAmount(const PageRequest& req, const std::optional<int64_t>& v) {
  return v ? Amount(req, static_cast<double>(*v)) : "–";
}
std::string OptAmountD(const PageRequest& req, const std::optional<double>& v) {
  return v ? Amount(req, *v) : "–";
}
// Millions with one decimal and no unit, for tables whose caption names it: "18,0", "−2,5".
std::string M(const PageRequest& req, double kroner) {
  return (kroner < 0 ? "−" : "") + FormatDecimal(req.lang, std::abs(kroner) / 1e6, 1);
}

std::string AlternativeName(const app::DecisionCaseView& view, std::string_view id) {
  for (const decision::Alternative& a : view.c.business_case.alternatives) {
    if (a.id == id) return a.name;
  }
  return std::string(id);
}

std::string ExampleMark(const PageRequest& req) {
  return " <span class=\"badge\">" + H(Tx(req, "eksempel", "example")) + "</span>";
}

// The Monte-Carlo ranges as a chart: per alternative a bar from p10 to p90 of the net present
// value with p50 marked, on a value axis in millions of kroner with zero drawn.
std::string RangeChart(const PageRequest& req, const app::DecisionCaseView& view) {
  const std::vector<AlternativeRange>& ranges = view.monte_carlo.alternatives;
  if (ranges.empty()) return "";
  double lo = 0, hi = 0;
  for (const AlternativeRange& r : ranges) {
    lo = std::min(lo, r.p10);
    hi = std::max(hi, r.p90);
  }
  if (hi - lo < 1) hi = lo + 1;
  // A round step for the axis: 1, 2 or 5 times a power of ten, about five ticks.
  const double raw = (hi - lo) / 5;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * power >= raw) {
      step = m * power;
      break;
    }
  }
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  const int label_w = 320, plot_w = 400, row_h = 34, top = 34;
  const int width = label_w + plot_w + 30;
  const int height = top + row_h * static_cast<int>(ranges.size()) + 44;
  auto x = [&](double v) { return label_w + (v - lo) / (hi - lo) * plot_w; };
  char buf[64];
  const std::string title(Tx(req, "Nåverdi av netto gevinst per alternativ, 80 % intervall",
                             "Net present value of the net saving per alternative, 80 % range"));
  std::string svg = "<svg class=\"chart wide\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) +
                    "\" aria-labelledby=\"mc-chart-title\"><title id=\"mc-chart-title\">" +
                    H(title) + "</title>";
  // Axis ticks and grid.
  for (double v = lo; v <= hi + step / 2; v += step) {
    std::snprintf(buf, sizeof buf, "%.1f", x(v));
    svg += "<line x1=\"" + std::string(buf) + "\" x2=\"" + buf + "\" y1=\"" +
           std::to_string(top - 6) + "\" y2=\"" + std::to_string(height - 36) +
           "\" class=\"grid\" stroke=\"#ccc\"" +
           (std::abs(v) < step / 2 ? " stroke-width=\"2\" stroke=\"#555\"" : "") + "/>";
    svg += "<text x=\"" + std::string(buf) + "\" y=\"" + std::to_string(height - 20) +
           "\" text-anchor=\"middle\" font-size=\"13\">" +
           H(FormatDecimal(req.lang, v / 1e6, step >= 1e6 ? 0 : 1)) + "</text>";
  }
  svg += "<text x=\"" + std::to_string(label_w + plot_w / 2) + "\" y=\"" +
         std::to_string(height - 4) + "\" text-anchor=\"middle\" font-size=\"13\">" +
         H(Tx(req, "Millioner kroner, nåverdi (negativ = dyrere enn i dag)",
              "Millions of kroner, present value (negative = dearer than today)")) +
         "</text>";
  for (size_t i = 0; i < ranges.size(); ++i) {
    const AlternativeRange& r = ranges[i];
    const int y = top + row_h * static_cast<int>(i);
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 20) + "\" font-size=\"13\">" +
           H(AlternativeName(view, r.alternative_id)) + "</text>";
    std::snprintf(buf, sizeof buf, "%.1f", x(r.p10));
    const std::string x10 = buf;
    std::snprintf(buf, sizeof buf, "%.1f", std::max(1.0, x(r.p90) - x(r.p10)));
    svg += "<rect x=\"" + x10 + "\" y=\"" + std::to_string(y + 6) + "\" width=\"" + buf +
           "\" height=\"20\" fill=\"#7aa6d6\"/>";
    std::snprintf(buf, sizeof buf, "%.1f", x(r.p50));
    svg += "<line x1=\"" + std::string(buf) + "\" x2=\"" + buf + "\" y1=\"" +
           std::to_string(y + 2) + "\" y2=\"" + std::to_string(y + 30) +
           "\" stroke=\"#0b3d73\" stroke-width=\"3\"/>";
  }
  svg += "</svg>";
  return "<figure>" + svg + "<figcaption>" +
         H(Tx(req,
              "Søylene viser spennet fra 10. til 90. persentil av nåverdien i Monte Carlo-"
              "trekningene; den mørke streken er medianen. Tallene står i tabellen over.",
              "The bars show the range from the 10th to the 90th percentile of the present value "
              "in the Monte-Carlo draws; the dark line is the median. The figures are in the "
              "table above.")) +
         "</figcaption></figure>";
}

}  // namespace

std::string Kroner(const PageRequest& req, int64_t kroner) {
  if (kroner < 0) return "−" + FormatMoney(req.lang, Money{-kroner * 100, "NOK"});
  return FormatMoney(req.lang, Money{kroner * 100, "NOK"});
}

std::string Millions(const PageRequest& req, double kroner) {
  const std::string n = FormatDecimal(req.lang, std::abs(kroner) / 1e6, 1);
  const std::string sign = kroner < 0 ? "−" : "";
  return req.lang == Lang::kNb ? sign + n + " mill. kr" : sign + "NOK " + n + " m";
}

std::string CaseFormFields(const PageRequest& req, const app::DecisionCaseView& view) {
  return CsrfField(req) + "<input type=\"hidden\" name=\"version\" value=\"" +
         std::to_string(view.version) + "\">";
}

std::string CaseSummaryHtml(const PageRequest& req, const app::DecisionCaseView& view) {
  const decision::DecisionCase& c = view.c;
  std::string cpv = c.cpv.empty() ? std::string(Tx(req, "ikke valgt", "not chosen")) : c.cpv;
  if (std::optional<tendering::CpvEntry> entry = tendering::FindCpv(c.cpv)) {
    cpv += " " + (req.lang == Lang::kNb ? entry->name_nb : entry->name_en);
  }
  std::string status = c.decision ? std::string(Tx(req, "Vedtatt ", "Decided ")) +
                                        FormatDate(req.lang, c.decision->decided_on) + " (" +
                                        c.decision->political_reference + ")"
                                  : std::string(Tx(req, "Under arbeid", "In progress"));
  std::string out = "<dl class=\"facts\">";
  auto fact = [&out](std::string_view term, const std::string& value) {
    out += "<div><dt>" + H(term) + "</dt><dd>" + H(value) + "</dd></div>";
  };
  fact(Tx(req, "Tjenesteområde", "Service area"), c.service_area);
  fact(Tx(req, "Periode", "Period"), std::to_string(c.business_case.first_year) + "–" +
                                         std::to_string(c.business_case.last_year));
  fact(Tx(req, "CPV-kode", "CPV code"), cpv);
  fact(Tx(req, "Region", "Region"),
       c.region.empty() ? std::string(Tx(req, "hele markedet", "the whole market")) : c.region);
  fact(Tx(req, "Status", "Status"), status);
  out += "</dl>";
  if (!c.description.empty()) out += "<p>" + H(c.description) + "</p>";
  return out;
}

std::string BaselineHtml(const PageRequest& req, const app::DecisionCaseView& view, bool compact) {
  const decision::Baseline& b = view.c.baseline;
  std::string out =
      "<p>" +
      H(Tx(req,
           "Hva tjenesten koster og oppnår i dag, per enhet og år. Tall merket «eksempel» er "
           "anslag, ikke fra en kilde.",
           "What the service costs and achieves today, per unit and year. Figures marked "
           "\"example\" are estimates, not from a source.")) +
      "</p>";
  if (b.units.empty()) {
    return out + "<p>" +
           H(Tx(req, "Ingen enheter er registrert ennå.", "No units are registered yet.")) + "</p>";
  }
  const bool nb = req.lang == Lang::kNb;
  // The printed document (A4) shows the units' latest year and every year's total, with money
  // in millions; the page shows every unit-year in kroner.
  int latest = 0;
  for (const decision::BaselineUnit& u : b.units) {
    for (const decision::UnitYear& y : u.years) latest = std::max(latest, y.year);
  }
  auto money = [&](const std::optional<int64_t>& v) {
    if (!v) return std::string("–");
    return compact ? M(req, static_cast<double>(*v)) : OptAmount(req, v);
  };
  auto row = [&](const std::string& head, int year, const std::optional<int64_t>& budget,
                 const std::optional<int64_t>& accounts, const std::optional<double>& fte,
                 const std::optional<double>& sick, const std::optional<double>& turnover,
                 const std::optional<int>& users, const decision::UnitYearFigures& f, bool total) {
    std::string r = std::string(total ? "<tr class=\"total\">" : "<tr>") + "<th scope=\"row\">" +
                    head + "</th>" + Cell(std::to_string(year));
    if (!compact) r += Num(money(budget));
    r += Num(money(accounts)) + Num(Opt(req, fte, 1)) + Num(sick ? Percent(req, *sick) : "–") +
         Num(turnover ? Percent(req, *turnover) : "–") + Num(Opt(req, users)) +
         Num(OptAmountD(req, f.cost_per_user));
    if (!compact) r += Num(OptAmountD(req, f.cost_per_day));
    return r + "</tr>";
  };
  out += "<table><caption>" +
         H(compact ? (nb ? "Enhetene i " + std::to_string(latest) +
                               " og alle enheter per år (regnskap i millioner kroner)"
                         : "The units in " + std::to_string(latest) +
                               " and all units per year (accounts in millions of kroner)")
                   : std::string(Tx(req, "Enheter per år (beløp i kroner)",
                                    "Units per year (amounts in NOK)"))) +
         "</caption><thead><tr>";
  std::vector<std::string_view> heads = {
      Tx(req, "Enhet (KOSTRA-funksjon)", "Unit (KOSTRA function)"), Tx(req, "År", "Year")};
  if (!compact) heads.push_back(Tx(req, "Budsjett", "Budget"));
  for (std::string_view h : {Tx(req, "Regnskap", "Accounts"), Tx(req, "Årsverk", "FTEs"),
                             Tx(req, "Sykefravær", "Sick leave"), Tx(req, "Turnover", "Turnover"),
                             Tx(req, "Brukere", "Users"), Tx(req, "Per bruker", "Per user")}) {
    heads.push_back(h);
  }
  if (!compact) heads.push_back(Tx(req, "Per døgn", "Per day"));
  for (std::string_view h : heads) out += "<th scope=\"col\">" + H(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (const decision::BaselineUnit& u : b.units) {
    for (const decision::UnitYear& y : u.years) {
      if (compact && y.year != latest) continue;
      out += row(H(u.name) + " (" + std::to_string(u.kostra_function) + ")" +
                     (y.example ? ExampleMark(req) : ""),
                 y.year, y.budget, y.accounts, y.fte, y.sick_leave_percent, y.turnover_percent,
                 y.users, decision::DeriveFigures(y), false);
    }
  }
  for (const decision::BaselineYearTotal& t : view.baseline_totals) {
    out += row(H(nb ? "Alle enheter (" + std::to_string(t.units) + ")"
                    : "All units (" + std::to_string(t.units) + ")") +
                   (t.example ? ExampleMark(req) : ""),
               t.year, t.budget, t.accounts, t.fte, t.sick_leave_percent, t.turnover_percent,
               t.users, t.figures, true);
  }
  out += "</tbody></table>";
  out += "<p class=\"hint\">" +
         H(Tx(req,
              "Sykefravær og turnover for alle enheter er veid med årsverk. Brukere etter "
              "behovsnivå grupperes etter innstillingen ",
              "Sick leave and turnover for all units are weighted by FTEs. Users by need level "
              "are grouped by the setting ")) +
         std::string(Tx(req, "«", "“"));
  for (size_t i = 0; i < b.grouping.levels.size(); ++i) {
    out += (i ? " / " : "") + H(b.grouping.levels[i]);
  }
  out += std::string(Tx(req, "»", "”")) +
         (b.grouping.is_default
              ? H(Tx(req, " (standard: den nasjonale grupperingsregelen er ikke funnet).",
                     " (the default: the national grouping rule was not found)."))
              : std::string(".")) +
         "</p>";
  if (!b.comparisons.empty()) {
    out += "<table><caption>" +
           H(Tx(req, "Sammenligningstall (ikke lagt sammen med enhetene)",
                "Comparison figures (never added to the units)")) +
           "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "Tall", "Figure")) +
           "</th><th scope=\"col\">" + H(Tx(req, "År", "Year")) + "</th><th scope=\"col\">" +
           H(Tx(req, "Verdi", "Value")) + "</th><th scope=\"col\">" +
           H(Tx(req, "Kilde", "Source")) + "</th></tr></thead><tbody>";
    for (const decision::ComparisonLine& l : b.comparisons) {
      const bool percent = l.measure.find("percent") != std::string::npos;
      out += "<tr>" + Cell(H(l.name)) + Cell(std::to_string(l.year)) +
             Num(percent ? Percent(req, l.value) : FormatDecimal(req.lang, l.value, 0)) +
             Cell(H(l.source)) + "</tr>";
    }
    out += "</tbody></table>";
  }
  return out;
}

std::string ItemsHtml(const PageRequest& req, const app::DecisionCaseView& view, bool forms) {
  const decision::BusinessCase& bc = view.c.business_case;
  std::string out;
  for (const decision::Alternative& alt : bc.alternatives) {
    // A line's years (as AddItems adds them: next to each other, same amounts) share a row.
    std::string rows;
    for (size_t i = 0; i < bc.items.size();) {
      const decision::CaseItem& item = bc.items[i];
      size_t n = 1;
      while (i + n < bc.items.size()) {
        const decision::CaseItem& next = bc.items[i + n];
        if (next.alternative_id != item.alternative_id || next.name != item.name ||
            next.kind != item.kind || next.low != item.low || next.base != item.base ||
            next.high != item.high || next.uncertain != item.uncertain ||
            next.year != item.year + static_cast<int>(n)) {
          break;
        }
        ++n;
      }
      const size_t first = i;
      i += n;
      if (item.alternative_id != alt.id) continue;
      const bool saving = item.kind == decision::ItemKind::kSaving;
      const std::string years = n == 1 ? std::to_string(item.year)
                                       : std::to_string(item.year) + "–" +
                                             std::to_string(item.year + static_cast<int>(n) - 1);
      std::string name = H(item.name);
      if (item.uncertain) {
        name += " <span class=\"badge\">" +
                H(Tx(req, "usikker – ikke med i summen", "uncertain – not in the total")) +
                "</span>";
      }
      rows += "<tr><th scope=\"row\">" + name + "</th>" +
              Cell(H(saving ? Tx(req, "Gevinst", "Saving") : Tx(req, "Kostnad", "Cost"))) +
              Cell(years) + Num(Amount(req, static_cast<double>(item.low))) +
              Num(Amount(req, static_cast<double>(item.base))) +
              Num(Amount(req, static_cast<double>(item.high)));
      if (forms) {
        rows += "<td><form method=\"post\" action=\"/beslutning/" + std::to_string(view.id) +
                "/post/" + std::to_string(first) + "/slett\">" + CaseFormFields(req, view) +
                "<input type=\"hidden\" name=\"count\" value=\"" + std::to_string(n) + "\">" +
                "<button type=\"submit\" class=\"link-button\" aria-label=\"" +
                H(std::string(Tx(req, "Slett ", "Delete ")) + item.name + " " + years) + "\">" +
                H(Tx(req, "Slett", "Delete")) + "</button></form></td>";
      }
      rows += "</tr>";
    }
    const bool is_baseline = alt.id == bc.baseline_id;
    out += "<h3>" + H(alt.name) +
           (is_baseline ? " <span class=\"badge\">" +
                              H(Tx(req, "sammenligningsgrunnlag", "baseline")) + "</span>"
                        : "") +
           "</h3>";
    if (rows.empty()) {
      out += "<p>" +
             H(is_baseline ? Tx(req,
                                "Ingen poster: de andre alternativene måles mot driften som i "
                                "dag.",
                                "No items: the other alternatives are measured against running "
                                "the service as today.")
                           : Tx(req, "Ingen poster ennå.", "No items yet.")) +
             "</p>";
    } else {
      out += "<table><caption>" +
             H(std::string(Tx(req, "Poster per år i kroner: ", "Items per year in NOK: ")) +
               alt.name) +
             "</caption><thead><tr>";
      for (std::string_view h :
           {Tx(req, "Post", "Item"), Tx(req, "Art", "Kind"), Tx(req, "År", "Years"),
            Tx(req, "Lav", "Low"), Tx(req, "Forventet", "Base"), Tx(req, "Høy", "High")}) {
        out += "<th scope=\"col\">" + H(h) + "</th>";
      }
      if (forms) out += "<th scope=\"col\">" + H(Tx(req, "Endre", "Change")) + "</th>";
      out += "</tr></thead><tbody>" + rows + "</tbody></table>";
    }
    if (forms && !is_baseline) {
      const std::string base = "/beslutning/" + std::to_string(view.id) + "/alternativ/" + alt.id;
      const std::string field = "rename-" + alt.id;
      out += "<form method=\"post\" action=\"" + H(base) + "\" class=\"inline-form\">" +
             CaseFormFields(req, view) + "<label for=\"" + H(field) + "\">" +
             H(Tx(req, "Nytt navn", "New name")) + "</label><input id=\"" + H(field) +
             "\" name=\"name\" value=\"" + H(alt.name) +
             "\" maxlength=\"200\"><button type=\"submit\">" +
             H(Tx(req, "Gi nytt navn", "Rename")) +
             "</button></form><form method=\"post\" action=\"" + H(base) +
             "/slett\" class=\"inline-form\">" + CaseFormFields(req, view) +
             "<button type=\"submit\" class=\"danger\">" +
             H(std::string(Tx(req, "Fjern alternativet ", "Remove the alternative ")) + alt.name) +
             "</button></form>";
    }
  }
  return out;
}

std::string TotalsHtml(const PageRequest& req, const app::DecisionCaseView& view) {
  const decision::BusinessCase& bc = view.c.business_case;
  const bool nb = req.lang == Lang::kNb;
  std::string out =
      "<p>" +
      H(nb ? "Netto gevinst = gevinster − kostnader mot drift som i dag, i faste priser. Nåverdi "
             "med realrente " +
                 FormatDecimal(req.lang, bc.discount.first_40_years * 100, 1) +
                 " % (Finansdepartementets rundskriv R-109/2021); første år i perioden (" +
                 std::to_string(bc.first_year) +
                 ") er år 0 og neddiskonteres ikke. Poster merket usikre er vist, men ikke "
                 "med i summene."
           : "Net saving = savings − costs against running the service as today, at real "
             "prices. Present value at a real discount rate of " +
                 FormatDecimal(req.lang, bc.discount.first_40_years * 100, 1) +
                 " % (the Ministry of Finance's circular R-109/2021); the period's first year (" +
                 std::to_string(bc.first_year) +
                 ") is year 0 and is not discounted. Items marked uncertain are shown but left "
                 "out of the totals.") +
      "</p>";
  out += "<table><caption>" +
         H(Tx(req, "Totaler per alternativ over perioden (millioner kroner)",
              "Totals per alternative over the period (millions of kroner)")) +
         "</caption><thead><tr>";
  for (std::string_view h :
       {Tx(req, "Alternativ", "Alternative"), Tx(req, "Gevinster", "Savings"),
        Tx(req, "Kostnader", "Costs"), Tx(req, "Netto", "Net"), Tx(req, "Nåverdi", "Present value"),
        Tx(req, "Verst–best", "Worst–best"),
        Tx(req, "Andel av drifts­utgiftene", "Share of operating costs"),
        Tx(req, "Usikre, utenfor", "Uncertain, left out")}) {
    out += "<th scope=\"col\">" + H(h) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const AlternativeTotals& t : view.totals.alternatives) {
    out += "<tr><th scope=\"row\">" + H(AlternativeName(view, t.alternative_id)) + "</th>" +
           Num(M(req, static_cast<double>(t.savings))) + Num(M(req, static_cast<double>(t.costs))) +
           Num(M(req, static_cast<double>(t.net))) + Num(M(req, t.net_present_value)) +
           Num(M(req, static_cast<double>(t.net_low)) + " – " +
               M(req, static_cast<double>(t.net_high))) +
           Num(t.has_share ? Percent(req, t.share_of_operating_costs * 100) : "–") +
           Num(t.uncertain_items == 0 ? "–"
                                      : M(req, static_cast<double>(t.uncertain_net)) + " (" +
                                            std::to_string(t.uncertain_items) + ")") +
           "</tr>";
  }
  out += "</tbody></table>";
  out +=
      "<table><caption>" +
      H(nb ? "Monte Carlo: nåverdi i millioner kroner, " + std::to_string(view.monte_carlo.draws) +
                 " trekninger, frø " + std::to_string(view.monte_carlo.seed)
           : "Monte-Carlo: present value in millions of kroner, " +
                 std::to_string(view.monte_carlo.draws) + " draws, seed " +
                 std::to_string(view.monte_carlo.seed)) +
      "</caption><thead><tr>";
  for (std::string_view h :
       {Tx(req, "Alternativ", "Alternative"), Tx(req, "10. persentil", "10th percentile"),
        Tx(req, "Median", "Median"), Tx(req, "90. persentil", "90th percentile"),
        Tx(req, "Sannsynlighet for bedre enn i dag", "Probability of beating today")}) {
    out += "<th scope=\"col\">" + H(h) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const AlternativeRange& r : view.monte_carlo.alternatives) {
    const bool baseline = r.alternative_id == bc.baseline_id;
    out += "<tr><th scope=\"row\">" + H(AlternativeName(view, r.alternative_id)) + "</th>" +
           Num(M(req, r.p10)) + Num(M(req, r.p50)) + Num(M(req, r.p90)) +
           Num(baseline ? "–" : Percent(req, r.probability_better_than_baseline * 100, 0)) +
           "</tr>";
  }
  out += "</tbody></table>";
  out += "<p class=\"hint\">" +
         H(Tx(req,
              "Hver post trekkes fra en trekantfordeling (lav, forventet, høy); en post som "
              "slår høyt ut ett år, gjør det alle år. Samme frø gir samme tall.",
              "Each item is drawn from a triangular distribution (low, base, high); an item "
              "that runs high one year runs high every year. The same seed gives the same "
              "figures.")) +
         "</p>";
  out += RangeChart(req, view);
  return out;
}

std::string RisksHtml(const PageRequest& req, const app::DecisionCaseView& view, bool forms) {
  const std::vector<decision::Risk>& risks = view.c.risks;
  const bool en = req.lang == Lang::kEn;
  if (risks.empty()) {
    return "<p>" + H(Tx(req, "Ingen risikoer er registrert.", "No risks are registered.")) + "</p>";
  }
  std::string out = "<p>" + H(decision::RiskSummary(risks, en)) + "</p>";
  decision::HeatmapOptions options;
  options.english = en;
  out += "<div class=\"chart-pair\">" +
         decision::RiskHeatmapSvg(risks, decision::HeatmapKind::kInherent, options) +
         decision::RiskHeatmapSvg(risks, decision::HeatmapKind::kResidual, options) + "</div>";
  out +=
      "<table><caption>" + H(Tx(req, "Risikoregister", "Risk register")) + "</caption><thead><tr>";
  for (std::string_view h :
       {Tx(req, "Nr.", "No."), Tx(req, "Risiko", "Risk"),
        Tx(req, "Før tiltak (S × K)", "Before mitigation (L × C)"),
        Tx(req, "Etter tiltak (S × K)", "After mitigation (L × C)"),
        Tx(req, "Tiltak (ansvarlig, status, frist)", "Mitigations (owner, status, due)")}) {
    out += "<th scope=\"col\">" + H(h) + "</th>";
  }
  out += "</tr></thead><tbody>";
  const std::vector<decision::RiskTableRow> rows = decision::RiskTable(risks);
  for (size_t i = 0; i < rows.size() && i < risks.size(); ++i) {
    const decision::RiskTableRow& r = rows[i];
    const decision::Risk& risk = risks[i];
    std::string mitigations;
    for (const decision::Mitigation& m : risk.mitigations) {
      std::string status;
      switch (m.status) {
        case decision::MitigationStatus::kPlanned:
          status = Tx(req, "planlagt", "planned");
          break;
        case decision::MitigationStatus::kInProgress:
          status = Tx(req, "pågår", "in progress");
          break;
        case decision::MitigationStatus::kDone:
          status = Tx(req, "gjennomført", "done");
          break;
        case decision::MitigationStatus::kDropped:
          status = Tx(req, "droppet", "dropped");
          break;
      }
      mitigations += "<li>" + H(m.action) + " (" + H(m.owner.empty() ? "–" : m.owner) + ", " +
                     H(status) + (m.due.empty() ? "" : ", " + H(m.due)) + ")</li>";
    }
    std::string title = "<strong>" + H(r.title) + "</strong>";
    if (!risk.description.empty()) title += "<br>" + H(risk.description);
    if (forms) {
      title += "<br><a href=\"/beslutning/" + std::to_string(view.id) + "/risiko/" + H(r.id) +
               "\">" +
               H(std::string(Tx(req, "Endre risikoen «", "Edit the risk “")) + r.title +
                 std::string(Tx(req, "»", "”"))) +
               "</a>";
    }
    auto score = [&](int l, int c, int sc, decision::RiskLevel level) {
      return std::to_string(l) + " × " + std::to_string(c) + " = " + std::to_string(sc) + ", " +
             decision::RiskLevelName(level, en);
    };
    out += "<tr>" + Num(std::to_string(r.number)) + Cell(title) +
           Cell(H(score(r.likelihood, r.consequence, r.score, r.level))) +
           Cell(r.residual_assessed ? H(score(r.residual_likelihood, r.residual_consequence,
                                              r.residual_score, r.residual_level))
                                    : H(Tx(req, "ikke vurdert", "not assessed"))) +
           Cell(mitigations.empty() ? "–" : "<ul>" + mitigations + "</ul>") + "</tr>";
  }
  out += "</tbody></table>";
  return out;
}

std::string MarketHtml(const PageRequest& req, const Result<app::MarketSection>& market,
                       std::string_view section_id, std::string_view heading) {
  if (!market.ok()) {
    return Section(std::string(section_id), heading,
                   "<p>" + H(InLanguage(req.lang, market.status().message())) + "</p>");
  }
  const market::MarketReport& r = market->report;
  const bool nb = req.lang == Lang::kNb;
  std::string body;
  if (market->processes == 0) {
    body += "<p>" +
            H(nb ? "Ingen markedsdata for CPV-gruppen er importert ennå. En innkjøper kan "
                   "importere en eksport fra Doffin eller OCDS, eller kjøre «samspill market "
                   "import»."
                 : "No market data for the CPV division has been imported yet. A procurement "
                   "officer can import a Doffin or OCDS export, or run \"samspill market "
                   "import\".") +
            "</p>";
    return Section(std::string(section_id), heading, body);
  }
  const std::string probability = FormatDecimal(req.lang, r.probability * 100, 0) + " %";
  const std::string interval = FormatDecimal(req.lang, r.interval.low * 100, 0) + "–" +
                               FormatDecimal(req.lang, r.interval.high * 100, 0) + " %";
  if (market->low_competition) {
    body += "<p class=\"warning\" role=\"note\"><strong>" +
            H(Tx(req, "Svak konkurranse: ", "Weak competition: ")) + "</strong>" +
            H(r.comparable == 0
                  ? Tx(req,
                       "ingen sammenlignbare konkurranser med kjent antall tilbud. Trondheim "
                       "fikk ett tilbud på BoA i 2025 og avlyste; vurder markedsdialog, "
                       "oppdeling og lengre frister.",
                       "no comparable tenders with a known number of bids. Trondheim got one "
                       "bid for BoA in 2025 and cancelled; consider a market dialogue, lots "
                       "and longer periods.")
                  : Tx(req,
                       "under halvparten av sammenlignbare konkurranser fikk minst to tilbud. "
                       "Trondheim fikk ett tilbud på BoA i 2025 og avlyste; vurder "
                       "markedsdialog, oppdeling og lengre frister.",
                       "fewer than half of comparable tenders got two or more bids. Trondheim "
                       "got one bid for BoA in 2025 and cancelled; consider a market dialogue, "
                       "lots and longer periods.")) +
            "</p>";
  }
  body += "<dl class=\"facts\"><div><dt>" +
          H(Tx(req, "Sannsynlighet for minst to tilbud", "Probability of two or more bids")) +
          "</dt><dd>" + H(probability) + " (" + H(Tx(req, "95 % intervall ", "95 % interval ")) +
          H(interval) + ")</dd></div><div><dt>" +
          H(Tx(req, "Sammenlignbare delkontrakter", "Comparable lots")) + "</dt><dd>" +
          std::to_string(r.comparable) + " (" + std::to_string(r.two_or_more) +
          H(Tx(req, " med minst to tilbud)", " with two or more bids)")) + "</dd></div><div><dt>" +
          H(Tx(req, "Avgrensning brukt", "Scope used")) + "</dt><dd>CPV " + H(r.cpv_scope) +
          (r.region_scope.empty() ? H(Tx(req, ", alle regioner", ", every region"))
                                  : ", " + H(r.region_scope)) +
          "</dd></div></dl>";
  if (!r.widening.empty()) {
    body += "<p>" +
            H(Tx(req, "Utvidet fordi det var for få sammenlignbare (på norsk):",
                 "Widened because there were too few comparable lots (in Norwegian):")) +
            "</p><ul>";
    for (const std::string& w : r.widening) body += "<li lang=\"nb\">" + H(w) + "</li>";
    body += "</ul>";
  }
  if (!r.suppliers.empty()) {
    body += "<table><caption>" +
            H(Tx(req, "Aktive leverandører (flest tildelinger først)",
                 "Active suppliers (most awards first)")) +
            "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "Leverandør", "Supplier")) +
            "</th><th scope=\"col\">" + H(Tx(req, "Tildelinger", "Awards")) +
            "</th></tr></thead><tbody>";
    for (size_t i = 0; i < r.suppliers.size() && i < 10; ++i) {
      const market::SupplierTotal& s = r.suppliers[i];
      body += "<tr><td>" + H(s.supplier.name.empty() ? s.supplier.id : s.supplier.name) +
              "</td><td class=\"num\">" + std::to_string(s.wins) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  if (!r.comparables.empty()) {
    body += "<table><caption>" +
            H(Tx(req, "Sammenlignbare konkurranser (nyeste først)",
                 "Comparable tenders (newest first)")) +
            "</caption><thead><tr><th scope=\"col\">" + H(Tx(req, "Konkurranse", "Tender")) +
            "</th><th scope=\"col\">" + H(Tx(req, "Oppdragsgiver", "Buyer")) +
            "</th><th scope=\"col\">" + H(Tx(req, "Publisert", "Published")) +
            "</th><th scope=\"col\">CPV</th><th scope=\"col\">" + H(Tx(req, "Tilbud", "Bids")) +
            "</th></tr></thead><tbody>";
    for (size_t i = 0; i < r.comparables.size() && i < 10; ++i) {
      const market::ComparableLot& l = r.comparables[i];
      body += "<tr><td>" + H(l.title.empty() ? l.process_id : l.title) + "</td><td>" + H(l.buyer) +
              "</td><td>" + H(l.published.substr(0, 10)) + "</td><td>" + H(l.cpv) +
              "</td><td class=\"num\">" + std::to_string(l.bidders) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  return Section(std::string(section_id), heading, body);
}

std::string DecisionHtml(const PageRequest& req, const app::DecisionCaseView& view) {
  if (!view.c.decision) {
    return "<p>" + H(Tx(req, "Saken er ikke avgjort ennå.", "The case is not decided yet.")) +
           "</p>";
  }
  const decision::CaseDecision& d = *view.c.decision;
  std::string outcome;
  switch (d.outcome) {
    case decision::DecisionOutcome::kTender:
      outcome = Tx(req, "Konkurranseutsettes", "Put out to tender");
      break;
    case decision::DecisionOutcome::kInHouseImproved:
      outcome = Tx(req, "Egen drift, forbedret", "In-house, improved");
      break;
    case decision::DecisionOutcome::kInHouseAsToday:
      outcome = Tx(req, "Egen drift som i dag", "In-house as today");
      break;
  }
  std::string out = "<dl class=\"facts\">";
  auto fact = [&out](std::string_view term, const std::string& value_html) {
    out += "<div><dt>" + H(term) + "</dt><dd>" + value_html + "</dd></div>";
  };
  fact(Tx(req, "Vedtak", "Decision"), H(outcome));
  fact(Tx(req, "Valgt alternativ", "Chosen alternative"),
       H(AlternativeName(view, d.chosen_alternative)));
  if (!d.recommended_alternative.empty()) {
    fact(Tx(req, "Administrasjonens anbefaling", "The administration's recommendation"),
         H(AlternativeName(view, d.recommended_alternative)));
  }
  fact(Tx(req, "Vedtatt av", "Decided by"), H(d.decided_by));
  fact(Tx(req, "Dato", "Date"), H(FormatDate(req.lang, d.decided_on)));
  fact(Tx(req, "Saksnummer", "Case reference"), H(d.political_reference));
  fact(Tx(req, "Registrert av", "Recorded by"), H(d.recorded_by));
  if (view.c.tender_id) {
    // Linked for those who read tenders; the controller sees the number only.
    const std::string tender =
        H(Tx(req, "Konkurranse ", "Tender ")) + std::to_string(*view.c.tender_id);
    fact(Tx(req, "Anbudet", "The tender"),
         IsTenderBuyerRole(req.principal->user.role)
             ? "<a href=\"/anbud/" + std::to_string(*view.c.tender_id) + "\">" + tender + "</a>"
             : tender);
  }
  out += "</dl>";
  if (!d.recommendation.empty()) {
    out += "<h3>" + H(Tx(req, "Anbefaling", "Recommendation")) + "</h3><p>" + H(d.recommendation) +
           "</p>";
  }
  out += "<p class=\"hint\">" +
         H(Tx(req, "Tallene er låst slik de sto ved vedtaket (SHA-256 ",
              "The figures are locked as they stood at the decision (SHA-256 ")) +
         "<code>" + H(d.figures_sha256.substr(0, 16)) + "…</code>)." +
         (view.figures_as_decided
              ? ""
              : " <strong>" +
                    H(Tx(req,
                         "Dagens beregning gir andre tall enn de som ble lagret ved vedtaket; "
                         "de lagrede gjelder.",
                         "Today's computation gives other figures than those kept at the "
                         "decision; the kept ones count.")) +
                    "</strong>") +
         "</p>";
  return out;
}

}  // namespace samspill::web
