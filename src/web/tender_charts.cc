#include "web/tender_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "evaluation/abnormally_low.h"

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

// Chart geometry in SVG user units. The chart is drawn no wider than it is defined (the style
// sheet's max-width), so its 17-unit text is at least 12 px wide down to a 340 px column.
constexpr int kChartWidth = 480;
constexpr int kLineHeight = 21;
constexpr size_t kWrapChars = 46;  // characters of 17 px text on one 480-unit line

// `text` in lines of at most `max_chars` characters, broken between words and never cut: a
// word longer than a line stands alone on its own line.
std::vector<std::string> Wrap(const std::string& text, size_t max_chars = kWrapChars) {
  auto chars = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::vector<std::string> lines;
  std::string line, word;
  auto flush_word = [&] {
    if (word.empty()) return;
    if (!line.empty() && chars(line) + 1 + chars(word) > max_chars) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ') {
      flush_word();
    } else {
      word += c;
    }
  }
  flush_word();
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

// SVG text lines starting at baseline `y`; answers the baseline after the last line.
int TextLines(std::string& svg, const std::vector<std::string>& lines, int x, int y,
              const char* css_class) {
  for (const std::string& line : lines) {
    svg += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" class=\"" +
           css_class + "\">" + H(line) + "</text>";
    y += kLineHeight;
  }
  return y;
}

// A horizontal axis from x0 to x0 + width at `y` with ticks at `ticks` (fractions of the
// width) labelled `labels`, and its title below. Answers the y below the title.
int Axis(std::string& svg, int x0, int width, int y, const std::vector<double>& ticks,
         const std::vector<std::string>& labels, std::string_view title) {
  svg += "<line x1=\"" + std::to_string(x0) + "\" y1=\"" + std::to_string(y) + "\" x2=\"" +
         std::to_string(x0 + width) + "\" y2=\"" + std::to_string(y) +
         "\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>";
  for (size_t i = 0; i < ticks.size(); ++i) {
    const double x = x0 + ticks[i] * width;
    svg += "<line x1=\"" + Num(x) + "\" y1=\"" + std::to_string(y) + "\" x2=\"" + Num(x) +
           "\" y2=\"" + std::to_string(y + 5) + "\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>";
    const char* anchor = i == 0 ? "start" : (i + 1 == ticks.size() ? "end" : "middle");
    svg += "<text x=\"" + Num(x) + "\" y=\"" + std::to_string(y + 22) + "\" text-anchor=\"" +
           anchor + "\" class=\"value\">" + H(labels[i]) + "</text>";
  }
  return TextLines(svg, Wrap(std::string(title)), x0, y + 44, "label") - kLineHeight + 12;
}

// A whole number in groups of three: "10 000" (nb, no-break space), "10,000" (en).
std::string Count(const PageRequest& req, int64_t value) {
  const std::string digits = std::to_string(value);
  const std::string sep = req.lang == Lang::kNb ? "\u00a0" : ",";
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += sep;
    out += digits[i];
  }
  return out;
}

// `text` with each "{}" replaced by the next of `args`.
std::string Fill(std::string_view pattern, std::initializer_list<std::string> args) {
  std::string text(pattern);
  for (const std::string& a : args) {
    const size_t at = text.find("{}");
    if (at == std::string::npos) break;
    text.replace(at, 2, a);
  }
  return text;
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

bool LowestPriceWins(const json& report) {
  return JsonText(report, "total_meaning").find("price") != std::string::npos;
}

std::string ScoreTable(const PageRequest& req, const json& report) {
  const bool lowest_price_wins = LowestPriceWins(report);
  const std::string points = "<br><span class=\"unit\">" + H(req.T("eval.points")) + "</span>";
  std::string head = "<thead><tr><th scope=\"col\">" + H(req.T("col.rank")) +
                     "</th><th scope=\"col\">" + H(req.T("col.supplier")) +
                     "</th><th scope=\"col\">" + H(req.T("col.price")) + "</th>";
  for (const json& c : report["criteria"]) {
    // Under quality pricing the price column holds no score.
    const bool scored = !lowest_price_wins || JsonText(c, "kind") != "price";
    head += "<th scope=\"col\">" + H(CriterionName(c)) + " (" +
            Percent(req, c.value("normalised_weight", 0.0)) + ")" +
            (scored ? points : std::string()) + "</th>";
  }
  head += "<th scope=\"col\">" + H(req.T("col.total")) +
          (lowest_price_wins ? std::string() : points) + "</th></tr></thead>";
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
      std::string cell =
          b["scores"].contains(cid) ? Decimal(req, b["scores"].value(cid, 0.0)) : std::string("–");
      const std::string why =
          b.contains("justifications") ? JsonText(b["justifications"], cid.c_str()) : std::string();
      if (!why.empty()) cell += "<br><span class=\"why\">" + H(why) + "</span>";
      row += "<td>" + cell + "</td>";
    }
    row += "<td><strong>" + Decimal(req, b.value("total", 0.0)) + "</strong></td></tr>";
    rows += row;
  }
  return "<div class=\"table-scroll\"><table class=\"evaluation\"><caption>" +
         H(req.T("eval.table")) +
         (lowest_price_wins ? " (" + H(req.T("eval.lowest_wins")) + ")" : std::string()) +
         "</caption>" + head + "<tbody>" + rows + "</tbody></table></div>";
}

// Horizontal stacked bars: each bid's total as the sum of its criteria's contributions, the
// supplier's name above its bar, an axis in points 0–10 (or money under quality pricing) and a
// legend of the criteria by name.
std::string ContributionChart(const PageRequest& req, const json& report) {
  const json& ranking = report["ranking"];
  const json& criteria = report["criteria"];
  if (ranking.empty() || !ranking[0].contains("contributions")) return "";
  const bool money = LowestPriceWins(report);
  double max_total = 0;
  for (const json& b : ranking) max_total = std::max(max_total, b.value("total", 0.0));
  if (max_total <= 0) return "";
  const double scale_max = money ? max_total : 10.0;
  const int bar_w = kChartWidth - 70;
  std::string body;
  int y = 18;
  for (const json& b : ranking) {
    const std::string name = JsonText(b, "name").empty() ? JsonText(b, "id") : JsonText(b, "name");
    y = TextLines(body, Wrap(name), 0, y, "label");
    const int bar_y = y - kLineHeight + 6;
    double x = 0;
    size_t k = 0;
    for (const json& c : criteria) {
      const double v = b["contributions"].value(JsonText(c, "id"), 0.0);
      const double w = std::max(0.0, v) / scale_max * bar_w;
      body += "<rect x=\"" + Num(x) + "\" y=\"" + std::to_string(bar_y) + "\" width=\"" + Num(w) +
              "\" height=\"22\" fill=\"" + kPalette[k % 6] + "\"><title>" + H(CriterionName(c)) +
              ": " + Decimal(req, v) + "</title></rect>";
      x += w;
      ++k;
    }
    body += "<text x=\"" + Num(x + 6) + "\" y=\"" + std::to_string(bar_y + 17) +
            "\" class=\"value\">" + Decimal(req, b.value("total", 0.0)) + "</text>";
    y = bar_y + 22 + 24;
  }
  std::vector<double> ticks;
  std::vector<std::string> labels;
  for (int i = 0; i <= 5; ++i) {
    ticks.push_back(i / 5.0);
    labels.push_back(money ? Decimal(req, scale_max * i / 5.0, 0) : std::to_string(2 * i));
  }
  y = Axis(body, 0, bar_w, y - 14, ticks, labels,
           req.T(money ? "eval.axis_evaluated_price" : "eval.axis_points"));
  // The legend: one criterion a line, its whole name.
  y += 10;
  size_t k = 0;
  for (const json& c : criteria) {
    body += "<rect x=\"0\" y=\"" + std::to_string(y - 14) +
            "\" width=\"16\" height=\"16\" fill=\"" + kPalette[k % 6] + "\"/>";
    y = TextLines(body, Wrap(CriterionName(c), kWrapChars - 2), 24, y, "legend");
    ++k;
  }
  const std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kChartWidth) +
                          " " + std::to_string(y) + "\" role=\"img\" aria-label=\"" +
                          H(req.T("tender.evaluation_chart")) + "\">" + body + "</svg>";
  return "<figure><figcaption>" + H(req.T("tender.evaluation_chart")) + "</figcaption>" + svg +
         "</figure>";
}

std::map<std::string, std::string> CriterionNames(const json& report) {
  std::map<std::string, std::string> names;
  for (const json& c : report["criteria"]) names[JsonText(c, "id")] = CriterionName(c);
  return names;
}

bool HasSensitivity(const json& report) {
  return report.contains("sensitivity") && report["sensitivity"].value("computed", false);
}

// Each criterion's weight interval within which the winner stays the winner, drawn on 0–100 %.
std::string WeightStability(const PageRequest& req, const json& report) {
  if (!HasSensitivity(report)) return "";
  const json& ws = report["sensitivity"]["weight_stability"];
  if (ws.empty()) return "";
  auto names = CriterionNames(report);
  std::string body, rows;
  int y = 18;
  for (const json& w : ws) {
    const std::string cid = JsonText(w, "criterion");
    const std::string name = names[cid].empty() ? cid : names[cid];
    const double weight = w.value("weight", 0.0);
    const bool has_interval = w.contains("min") && w["min"].is_number();
    const double lo = has_interval ? w["min"].get<double>() : 0.0;
    const double hi = has_interval && w["max"].is_number() ? w["max"].get<double>() : 1.0;
    y = TextLines(body, Wrap(name), 0, y, "label");
    const int bar_y = y - kLineHeight + 4;
    body += "<rect x=\"0\" y=\"" + std::to_string(bar_y + 8) + "\" width=\"" +
            std::to_string(kChartWidth) + "\" height=\"6\" fill=\"#d9dee3\"/>";
    if (has_interval) {
      body += "<rect x=\"" + Num(lo * kChartWidth) + "\" y=\"" + std::to_string(bar_y + 4) +
              "\" width=\"" + Num(std::max(1.0, (hi - lo) * kChartWidth)) +
              "\" height=\"14\" fill=\"#2e7d32\"/>";
    }
    body += "<rect x=\"" + Num(std::clamp(weight * kChartWidth - 1.5, 0.0, kChartWidth - 3.0)) +
            "\" y=\"" + std::to_string(bar_y) + "\" width=\"3\" height=\"22\" fill=\"#1b1b1b\"/>";
    y = bar_y + 22 + 26;
    rows += "<tr><th scope=\"row\">" + H(name) + "</th><td>" + Percent(req, weight) + "</td><td>" +
            (has_interval ? Percent(req, lo) + " – " + Percent(req, hi)
                          : H(req.T("eval.no_interval"))) +
            "</td></tr>";
  }
  y = Axis(body, 0, kChartWidth, y - 16, {0, 0.25, 0.5, 0.75, 1.0},
           {"0 %", "25 %", "50 %", "75 %", "100 %"}, req.T("eval.axis_weight"));
  const std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kChartWidth) +
                          " " + std::to_string(y) + "\" role=\"img\" aria-label=\"" +
                          H(req.T("eval.stability")) + "\">" + body + "</svg>";
  return "<h4>" + H(req.T("eval.stability")) + "</h4><p>" + H(req.T("eval.stability_help")) +
         "</p>" + svg + "<div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">" +
         H(req.T("col.criterion")) + "</th><th scope=\"col\">" + H(req.T("col.weight")) +
         "</th><th scope=\"col\">" + H(req.T("eval.interval")) + "</th></tr></thead><tbody>" +
         rows + "</tbody></table></div>";
}

// The sensitivity analysis in plain words: how safe the winner is, the criterion whose weight
// has the smallest margin (how far it must move, and who wins beyond it), and how often the
// winner stays first under random weight changes.
std::string Verdict(const PageRequest& req, const json& report) {
  if (!HasSensitivity(report) || !report["winner"].is_string()) return "";
  const auto bids = BidNames(report);
  auto bid_name = [&](const json& id) {
    const std::string s = id.is_string() ? id.get<std::string>() : "";
    return bids.count(s) ? bids.at(s) : s;
  };
  const std::string winner = bid_name(report["winner"]);
  auto names = CriterionNames(report);
  // The smallest distance from an announced weight to a bound where another bid takes over.
  std::optional<double> margin;
  std::string criterion, challenger;
  double weight = 0, bound = 0;
  for (const json& w : report["sensitivity"]["weight_stability"]) {
    if (JsonText(w, "status") != "ok" || !w["min"].is_number()) continue;
    const double current = w.value("weight", 0.0);
    const std::string cid = JsonText(w, "criterion");
    if (w["challenger_below"].is_string() &&
        (!margin || current - w["min"].get<double>() < *margin)) {
      margin = current - w["min"].get<double>();
      criterion = names[cid].empty() ? cid : names[cid];
      challenger = bid_name(w["challenger_below"]);
      weight = current;
      bound = w["min"].get<double>();
    }
    if (w["max"].is_number() && w["challenger_above"].is_string() &&
        (!margin || w["max"].get<double>() - current < *margin)) {
      margin = w["max"].get<double>() - current;
      criterion = names[cid].empty() ? cid : names[cid];
      challenger = bid_name(w["challenger_above"]);
      weight = current;
      bound = w["max"].get<double>();
    }
  }
  std::string text;
  const bool any_stability =
      !report["sensitivity"]["weight_stability"].empty() &&
      JsonText(report["sensitivity"]["weight_stability"][0], "status") == "ok";
  if (!margin) {
    if (any_stability) text += "<p>" + H(Fill(req.T("verdict.no_change"), {winner})) + "</p>";
  } else {
    const double points = 100.0 * *margin;
    const char* level =
        points >= 15 ? "verdict.safe" : (points >= 5 ? "verdict.fairly_safe" : "verdict.close");
    text += "<p><strong>" + H(Fill(req.T(level), {winner})) + "</strong></p>";
    text += "<p>" +
            H(Fill(req.T(bound < weight ? "verdict.smallest_lower" : "verdict.smallest_upper"),
                   {criterion, Percent(req, weight), Percent(req, bound), Decimal(req, points, 1),
                    challenger})) +
            "</p>";
  }
  const json& ra = report["sensitivity"]["rank_acceptability"];
  if (ra.contains("winner_stays_winner") && ra["winner_stays_winner"].is_number()) {
    text += "<p>" +
            H(Fill(req.T("verdict.draws"),
                   {Decimal(req, ra.value("perturbation_points", 0.0), 0), winner,
                    Percent(req, ra["winner_stays_winner"].get<double>()),
                    Count(req, ra.value("draws", int64_t{0}))})) +
            "</p>";
  }
  if (text.empty()) return "";
  return "<div class=\"verdict\" role=\"note\"><h4>" + H(req.T("verdict.heading")) + "</h4>" +
         text + "</div>";
}

std::string RankAcceptability(const PageRequest& req, const json& report) {
  if (!HasSensitivity(report)) return "";
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
  return "<h4>" + H(req.T("eval.acceptability")) + "</h4><p>" +
         H(req.T("eval.acceptability_help")) +
         "</p><div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">" +
         H(req.T("col.supplier")) + "</th><th scope=\"col\">" + H(req.T("eval.first_rank")) +
         "</th><th scope=\"col\">" + H(req.T("eval.expected_rank")) + "</th></tr></thead><tbody>" +
         rows + "</tbody></table></div>";
}

// What happens if each bid is withdrawn, in words: who wins then, and whether a rank reversal
// happens among the others (DOMAIN.md §3).
std::string Withdrawal(const PageRequest& req, const json& report) {
  if (!HasSensitivity(report)) return "";
  const json& wd = report["sensitivity"]["withdrawal"];
  if (wd.empty()) return "";
  const auto names = BidNames(report);
  auto name = [&](const std::string& id) { return names.count(id) ? names.at(id) : id; };
  std::string items;
  for (const json& w : wd) {
    const std::string withdrawn = name(JsonText(w, "withdrawn"));
    std::string sentence =
        w["winner"].is_string()
            ? Fill(req.T("withdrawal.then_wins"), {withdrawn, name(w["winner"].get<std::string>())})
            : Fill(req.T("withdrawal.then_tie"), {withdrawn});
    std::string reversal;
    const json reversals = w.value("rank_reversals", json::array());
    if (reversals.empty()) {
      reversal = H(req.T("withdrawal.no_reversal"));
    } else {
      std::string pairs;
      for (const json& r : reversals) {
        if (!pairs.empty()) pairs += "; ";
        pairs += Fill(req.T("withdrawal.pair"),
                      {name(JsonText(r, "now_ahead")), name(JsonText(r, "was_ahead"))});
      }
      reversal =
          "<span class=\"warning\">" + H(Fill(req.T("withdrawal.reversal"), {pairs})) + "</span>";
    }
    items += "<li>" + H(sentence) + " " + reversal + "</li>";
  }
  return "<h4>" + H(req.T("eval.withdrawal")) + "</h4><p>" + H(req.T("eval.withdrawal_help")) +
         "</p><ul>" + items + "</ul>";
}

}  // namespace

std::string AbnormallyLowHtml(const PageRequest& req, int64_t tender_id,
                              const tendering::LotEvaluation& evaluation, bool form) {
  if (!evaluation.abnormally_low) return "";
  const tendering::AbnormallyLowFlag& flag = *evaluation.abnormally_low;
  const evaluation::AbnormallyLowOptions rule;  // the thresholds the evaluation applies
  auto crossed = [&](bool yes) {
    return yes ? " <strong class=\"warning\">" + H(req.T("low.crossed")) + "</strong>"
               : std::string();
  };
  std::string body =
      "<p>" + H(Fill(req.T("low.intro"), {flag.supplier_name, std::to_string(flag.bid_id)})) +
      "</p><div class=\"table-scroll\"><table><tbody>" +
      Row({H(req.T("low.price")), H(FormatMoney(req.lang, flag.price))}) +
      Row({H(req.T("low.mean")), H(FormatMoney(req.lang, flag.mean_of_others))}) +
      Row({H(req.T("low.next")), H(FormatMoney(req.lang, flag.next_lowest))}) +
      Row({H(Fill(req.T("low.below_mean"), {std::to_string(rule.below_mean_percent) + " %"})),
           Decimal(req, flag.below_mean_of_others_percent, 1) + " %" +
               crossed(flag.below_mean_threshold)}) +
      Row({H(Fill(req.T("low.below_next"), {std::to_string(rule.below_next_percent) + " %"})),
           Decimal(req, flag.below_next_lowest_percent, 1) + " %" +
               crossed(flag.below_next_threshold)}) +
      "</tbody></table></div>";
  const std::optional<tendering::PriceExplanation>& e = evaluation.price_explanation;
  const bool accepted = e && e->assessment == tendering::ExplanationAssessment::kAccepted;
  if (e) {
    body += "<h4>" + H(req.T("low.recorded")) + "</h4><dl class=\"facts\"><dt>" +
            H(req.T("low.asked_on")) + "</dt><dd>" + H(FormatDate(req.lang, e->asked_on)) +
            "</dd><dt>" + H(req.T("low.explanation")) + "</dt><dd>" + H(e->explanation) +
            "</dd><dt>" + H(req.T("low.assessment")) + "</dt><dd><strong>" +
            H(req.T(accepted ? "low.accepted" : "low.rejected")) +
            "</strong>: " + H(e->assessment_reasons) + "</dd><dt>" + H(req.T("low.recorded_by")) +
            "</dt><dd>" + H(e->recorded_by) + ", " + H(FormatDateTime(req.lang, e->recorded_at)) +
            "</dd></dl>";
  } else {
    body += "<p class=\"notice\">" + H(req.T("low.duty")) + "</p>";
  }
  if (form && e && !accepted) {
    // The explanation did not hold: the bid is rejected, and its lot evaluated again.
    const std::string reject_id = "low-" + std::to_string(flag.bid_id) + "-reject";
    body += "<form method=\"post\" action=\"/anbud/" + std::to_string(tender_id) + "/bud/" +
            std::to_string(flag.bid_id) + "/avvis\" class=\"stack\"><h4>" +
            H(req.T("low.reject_bid")) + "</h4>" + CsrfField(req) +
            "<div class=\"field\"><label for=\"" + reject_id + "\">" +
            H(req.T("low.reject_reason")) + "</label><textarea id=\"" + reject_id +
            "\" name=\"reason\" rows=\"3\" required></textarea></div><button type=\"submit\" "
            "class=\"danger\">" +
            H(req.T("low.reject_bid")) + "</button></form>";
  }
  if (form && !accepted) {
    const std::string base = "low-" + std::to_string(flag.bid_id);
    auto field = [&](const char* name, const char* key, const std::string& input) {
      return "<div class=\"field\"><label for=\"" + base + "-" + name + "\">" + H(req.T(key)) +
             "</label>" + input + "</div>";
    };
    body += "<form method=\"post\" action=\"/anbud/" + std::to_string(tender_id) + "/bud/" +
            std::to_string(flag.bid_id) + "/prisforklaring\" class=\"stack\"><h4>" +
            H(req.T("low.record")) + "</h4>" + CsrfField(req) +
            field("asked_on", "low.asked_on",
                  "<input type=\"date\" id=\"" + base + "-asked_on\" name=\"asked_on\" required>") +
            field("explanation", "low.explanation",
                  "<textarea id=\"" + base +
                      "-explanation\" name=\"explanation\" rows=\"4\" required></textarea>") +
            field("assessment", "low.assessment",
                  "<select id=\"" + base +
                      "-assessment\" name=\"assessment\"><option value=\"accepted\">" +
                      H(req.T("low.accept")) + "</option><option value=\"rejected\">" +
                      H(req.T("low.reject")) + "</option></select>") +
            field("assessment_reasons", "low.reasons",
                  "<textarea id=\"" + base +
                      "-assessment_reasons\" name=\"assessment_reasons\" rows=\"3\" "
                      "required></textarea>") +
            "<button type=\"submit\">" + H(req.T("low.save")) + "</button></form>";
  }
  return "<div class=\"abnormally-low\" role=\"note\"><h3>" + H(req.T("low.heading")) + "</h3>" +
         body + "</div>";
}

std::string OwnEvaluationHtml(const PageRequest& req, const app::OwnEvaluation& own) {
  std::string rows;
  for (const app::OwnEvaluation::Line& l : own.scores) {
    rows += Row({H(l.criterion_name), Decimal(req, l.score),
                 l.justification.empty() ? "–" : H(l.justification)});
  }
  const std::string total = own.lowest_price_wins
                                ? Fill(req.T("own.total_price"), {Decimal(req, own.total)})
                                : Fill(req.T("own.total"), {Decimal(req, own.total)});
  return "<div class=\"own-evaluation\"><h3>" + H(req.T("own.heading")) + "</h3><p>" +
         H(req.T("own.help")) +
         "</p><div class=\"table-scroll\"><table><thead><tr><th scope=\"col\">" +
         H(req.T("col.criterion")) + "</th><th scope=\"col\">" + H(req.T("eval.points")) +
         "</th><th scope=\"col\">" + H(req.T("form.justification")) + "</th></tr></thead><tbody>" +
         rows + "</tbody></table></div><p>" + H(total) + " " +
         H(Fill(req.T("own.rank"), {std::to_string(own.rank)})) + "</p></div>";
}

std::string EvaluationReportHtml(const PageRequest& req, const std::string& lot,
                                 const json& report) {
  std::string out;
  if (!lot.empty()) out += "<h3>" + H(req.T("col.lot")) + " " + H(lot) + "</h3>";
  out += ScoreTable(req, report);
  out += ContributionChart(req, report);
  if (HasSensitivity(report)) {
    out += "<section class=\"sensitivity\"><h3>" + H(req.T("eval.sensitivity")) + "</h3>" +
           Verdict(req, report) + WeightStability(req, report) + RankAcceptability(req, report) +
           Withdrawal(req, report) + "</section>";
  }
  return "<div class=\"evaluation-report\">" + out + "</div>";
}

}  // namespace samspill::web
