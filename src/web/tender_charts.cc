#include "web/tender_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace samspill::web {
namespace {

using nlohmann::json;

// Distinguishable colours with enough contrast against white (WCAG 1.4.11, 3:1).
constexpr const char* kPalette[] = {"#1f5f8b", "#b3541e", "#2e7d32",
                                    "#6a3d9a", "#8c2d4a", "#5d4037"};

std::string Num(double value, int decimals = 2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string Decimal(const PageRequest& req, double value, int decimals = 2) {
  return FormatDecimal(req.lang, value, decimals);
}

std::string Percent(const PageRequest& req, double fraction) {
  return Decimal(req, 100.0 * fraction, 1) + " %";
}

// A chart label that fits its 220-unit column: long names are cut with an ellipsis (the full
// name is in the table beside the chart).
std::string ShortLabel(const std::string& text) {
  constexpr size_t kMaxChars = 30;
  size_t chars = 0, cut = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // UTF-8 continuation
    if (chars++ == kMaxChars) {
      cut = i;
      break;
    }
  }
  return cut == text.size() ? text : text.substr(0, cut) + "…";
}

std::map<std::string, std::string> BidNames(const json& report) {
  std::map<std::string, std::string> names;
  for (const json& b : report["ranking"]) {
    names[JsonText(b, "id")] =
        JsonText(b, "name").empty() ? JsonText(b, "id") : JsonText(b, "name");
  }
  return names;
}

std::string CriterionName(const json& c) {
  return JsonText(c, "name").empty() ? JsonText(c, "id") : JsonText(c, "name");
}

std::string ScoreTable(const PageRequest& req, const json& report) {
  const bool lowest_price_wins =
      JsonText(report, "total_meaning").find("price") != std::string::npos;
  std::string head = "<thead><tr><th scope=\"col\">" + H(req.T("col.rank")) +
                     "</th><th scope=\"col\">" + H(req.T("col.supplier")) +
                     "</th><th scope=\"col\">" + H(req.T("col.price")) + "</th>";
  for (const json& c : report["criteria"]) {
    head += "<th scope=\"col\">" + H(CriterionName(c)) + " (" +
            Percent(req, c.value("normalised_weight", 0.0)) + ")</th>";
  }
  head += "<th scope=\"col\">" + H(req.T("col.total")) + "</th></tr></thead>";
  std::string rows;
  for (const json& b : report["ranking"]) {
    std::string row = "<tr><td>" + std::to_string(b.value("rank", 0)) + "</td><th scope=\"row\">" +
                      H(JsonText(b, "name").empty() ? JsonText(b, "id") : JsonText(b, "name")) +
                      "</th><td>" +
                      H(FormatMoney(req.lang, Money{std::llround(b.value("price", 0.0) * 100),
                                                    JsonText(report, "currency")})) +
                      "</td>";
    for (const json& c : report["criteria"]) {
      const std::string cid = JsonText(c, "id");
      std::string cell = Decimal(req, b["scores"].value(cid, 0.0));
      const std::string why =
          b.contains("justifications") ? JsonText(b["justifications"], cid.c_str()) : std::string();
      if (!why.empty()) cell += "<br><span class=\"why\">" + H(why) + "</span>";
      row += "<td>" + cell + "</td>";
    }
    row += "<td><strong>" + Decimal(req, b.value("total", 0.0)) + "</strong></td></tr>";
    rows += row;
  }
  return "<table class=\"evaluation\"><caption>" + H(req.T("eval.table")) +
         (lowest_price_wins ? " (" + H(req.T("eval.lowest_wins")) + ")" : std::string()) +
         "</caption>" + head + "<tbody>" + rows + "</tbody></table>";
}

// Horizontal stacked bars: each bid's total as the sum of its criteria's contributions.
std::string ContributionChart(const PageRequest& req, const json& report) {
  const json& ranking = report["ranking"];
  const json& criteria = report["criteria"];
  if (ranking.empty() || !ranking[0].contains("contributions")) return "";
  double max_total = 0;
  for (const json& b : ranking) max_total = std::max(max_total, b.value("total", 0.0));
  if (max_total <= 0) return "";
  const int label_w = 220, bar_w = 440, row_h = 34, top = 10;
  const int height = top + row_h * static_cast<int>(ranking.size()) + 40;
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(label_w + bar_w + 70) +
                    " " + std::to_string(height) + "\" role=\"img\" aria-label=\"" +
                    H(req.T("tender.evaluation_chart")) + "\">";
  int y = top;
  for (const json& b : ranking) {
    const std::string name = JsonText(b, "name").empty() ? JsonText(b, "id") : JsonText(b, "name");
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 21) + "\" class=\"label\">" +
           H(ShortLabel(name)) + "</text>";
    double x = label_w;
    size_t k = 0;
    for (const json& c : criteria) {
      const double v = b["contributions"].value(JsonText(c, "id"), 0.0);
      const double w = std::max(0.0, v) / max_total * bar_w;
      svg += "<rect x=\"" + Num(x) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" + Num(w) +
             "\" height=\"24\" fill=\"" + kPalette[k % 6] + "\"><title>" + H(CriterionName(c)) +
             ": " + Decimal(req, v) + "</title></rect>";
      x += w;
      ++k;
    }
    svg += "<text x=\"" + Num(x + 6) + "\" y=\"" + std::to_string(y + 21) + "\" class=\"value\">" +
           Decimal(req, b.value("total", 0.0)) + "</text>";
    y += row_h;
  }
  // The legend.
  double lx = label_w;
  size_t k = 0;
  for (const json& c : criteria) {
    svg += "<rect x=\"" + Num(lx) + "\" y=\"" + std::to_string(y + 10) +
           "\" width=\"14\" height=\"14\" fill=\"" + kPalette[k % 6] + "\"/><text x=\"" +
           Num(lx + 18) + "\" y=\"" + std::to_string(y + 22) + "\" class=\"legend\">" +
           H(JsonText(c, "id")) + "</text>";
    lx += 30 + 8.0 * static_cast<double>(JsonText(c, "id").size());
    ++k;
  }
  svg += "</svg>";
  return "<figure><figcaption>" + H(req.T("tender.evaluation_chart")) + "</figcaption>" + svg +
         "</figure>";
}

// Each criterion's weight interval within which the winner stays the winner, drawn on 0–100 %.
std::string WeightStability(const PageRequest& req, const json& report) {
  if (!report.contains("sensitivity") || !report["sensitivity"].value("computed", false)) return "";
  const json& ws = report["sensitivity"]["weight_stability"];
  if (ws.empty()) return "";
  std::map<std::string, std::string> names;
  for (const json& c : report["criteria"]) names[JsonText(c, "id")] = CriterionName(c);
  const int label_w = 220, bar_w = 440, row_h = 30;
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(label_w + bar_w + 20) +
                    " " + std::to_string(row_h * static_cast<int>(ws.size()) + 10) +
                    "\" role=\"img\" aria-label=\"" + H(req.T("eval.stability")) + "\">";
  std::string rows;
  int y = 4;
  for (const json& w : ws) {
    const std::string cid = JsonText(w, "criterion");
    const double weight = w.value("weight", 0.0);
    const bool has_interval = w.contains("min") && w["min"].is_number();
    const double lo = has_interval ? w["min"].get<double>() : 0.0;
    const double hi = has_interval ? w["max"].get<double>() : 1.0;
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 17) + "\" class=\"label\">" +
           H(ShortLabel(names[cid].empty() ? cid : names[cid])) + "</text>";
    svg += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 8) +
           "\" width=\"" + std::to_string(bar_w) + "\" height=\"6\" fill=\"#d9dee3\"/>";
    svg += "<rect x=\"" + Num(label_w + lo * bar_w) + "\" y=\"" + std::to_string(y + 4) +
           "\" width=\"" + Num(std::max(1.0, (hi - lo) * bar_w)) +
           "\" height=\"14\" fill=\"#2e7d32\"/>";
    svg += "<rect x=\"" + Num(label_w + weight * bar_w - 1.5) + "\" y=\"" + std::to_string(y) +
           "\" width=\"3\" height=\"22\" fill=\"#1b1b1b\"/>";
    y += row_h;
    rows +=
        "<tr><th scope=\"row\">" + H(names[cid].empty() ? cid : names[cid]) + "</th><td>" +
        Percent(req, weight) + "</td><td>" +
        (has_interval ? Percent(req, lo) + " – " + Percent(req, hi) : H(JsonText(w, "status"))) +
        "</td></tr>";
  }
  svg += "</svg>";
  return "<h3>" + H(req.T("eval.stability")) + "</h3><p>" + H(req.T("eval.stability_help")) +
         "</p>" + svg + "<table><thead><tr><th scope=\"col\">" + H(req.T("col.criterion")) +
         "</th><th scope=\"col\">" + H(req.T("col.weight")) + "</th><th scope=\"col\">" +
         H(req.T("eval.interval")) + "</th></tr></thead><tbody>" + rows + "</tbody></table>";
}

std::string RankAcceptability(const PageRequest& req, const json& report) {
  if (!report.contains("sensitivity") || !report["sensitivity"].value("computed", false)) return "";
  const json& ra = report["sensitivity"]["rank_acceptability"];
  if (!ra.contains("bids") || ra["bids"].empty()) return "";
  const auto names = BidNames(report);
  std::string rows;
  for (const json& b : ra["bids"]) {
    const double first = b.value("first_rank", 0.0);
    const std::string id = JsonText(b, "id");
    rows += "<tr><th scope=\"row\">" + H(names.count(id) ? names.at(id) : id) +
            "</th><td><span class=\"meter\"><span class=\"fill w" +
            std::to_string(static_cast<int>(std::lround(first * 20)) * 5) + "\"></span></span> " +
            Percent(req, first) + "</td><td>" + Decimal(req, b.value("expected_rank", 0.0)) +
            "</td></tr>";
  }
  return "<h3>" + H(req.T("eval.acceptability")) + "</h3><p>" +
         H(req.T("eval.acceptability_help")) + "</p><table><thead><tr><th scope=\"col\">" +
         H(req.T("col.supplier")) + "</th><th scope=\"col\">" + H(req.T("eval.first_rank")) +
         "</th><th scope=\"col\">" + H(req.T("eval.expected_rank")) + "</th></tr></thead><tbody>" +
         rows + "</tbody></table>";
}

std::string Withdrawal(const PageRequest& req, const json& report) {
  if (!report.contains("sensitivity") || !report["sensitivity"].value("computed", false)) return "";
  const json& wd = report["sensitivity"]["withdrawal"];
  if (wd.empty()) return "";
  const auto names = BidNames(report);
  auto name = [&](const std::string& id) { return names.count(id) ? names.at(id) : id; };
  std::string items;
  for (const json& w : wd) {
    const std::string winner = w["winner"].is_string() ? w["winner"].get<std::string>() : "–";
    items += "<li><strong>" + H(name(JsonText(w, "withdrawn"))) +
             "</strong>: " + H(req.T("eval.then_winner")) + " " + H(name(winner));
    const int reversals = w.value("rank_reversal_count", 0);
    if (reversals > 0) {
      items += " – <span class=\"warning\">" + std::to_string(reversals) + " " +
               H(req.T("eval.reversals")) + "</span>";
    }
    items += "</li>";
  }
  return "<h3>" + H(req.T("eval.withdrawal")) + "</h3><p>" + H(req.T("eval.withdrawal_help")) +
         "</p><ul>" + items + "</ul>";
}

}  // namespace

std::string EvaluationReportHtml(const PageRequest& req, const std::string& lot,
                                 const json& report) {
  std::string out;
  if (!lot.empty()) out += "<h3>" + H(req.T("col.lot")) + " " + H(lot) + "</h3>";
  out += ScoreTable(req, report);
  out += ContributionChart(req, report);
  out += WeightStability(req, report);
  out += RankAcceptability(req, report);
  out += Withdrawal(req, report);
  return "<div class=\"evaluation-report\">" + out + "</div>";
}

}  // namespace samspill::web
