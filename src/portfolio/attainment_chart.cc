#include "portfolio/attainment_chart.h"

#include <algorithm>
#include <cstdio>

#include "common/html_escape.h"
#include "common/text.h"

namespace samspill::portfolio {
namespace {

// Colours with at least 3:1 contrast against white (WCAG 1.4.11); met and not met differ in
// pattern too (not met bars are outlined and hatched by a lighter fill), and each bar says its
// state in its <title>.
constexpr const char* kMetColour = "#2e7d32";
constexpr const char* kNotMetColour = "#b3261e";
constexpr const char* kNeutralColour = "#1f5f8b";

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string StateLabel(Attainment a, bool en) {
  switch (a) {
    case Attainment::kMet:
      return en ? "met" : "nådd";
    case Attainment::kNotMet:
      return en ? "not met" : "ikke nådd";
    case Attainment::kNoFigure:
      return en ? "not reported" : "ikke rapportert";
    case Attainment::kNoTarget:
      return en ? "no yearly target" : "uten årlig måltall";
  }
  return "";
}

}  // namespace

std::vector<std::string> Categories(const std::vector<Indicator>& indicators) {
  std::vector<std::string> out;
  for (const Indicator& ind : indicators) {
    if (std::find(out.begin(), out.end(), ind.category) == out.end()) out.push_back(ind.category);
  }
  return out;
}

std::string CategoryChartSvg(std::string_view category, const std::vector<Indicator>& indicators,
                             const Period& period, const ChartOptions& options) {
  std::vector<const Indicator*> shown;
  for (const Indicator& ind : indicators) {
    if (ind.category == category) shown.push_back(&ind);
  }
  const bool en = options.english;
  // headroom: above the plot, for the figure printed over the tallest bar.
  const int width = 720, line_h = 17, headroom = 18, plot_h = 90, left = 56, bar_w = 60, gap = 40;
  // Each panel: the heading's lines, the plot, the years under it.
  std::vector<std::vector<std::string>> headings;
  int height = 10;
  for (const Indicator* ind : shown) {
    const IndicatorAttainment a = ComputeAttainment(*ind, period);
    headings.push_back(WrapWords(ind->name + " – " + (en ? a.summary_en : a.summary_nb), 80));
    height += static_cast<int>(headings.back().size()) * line_h + 8 + headroom + plot_h + 36;
  }
  if (shown.empty()) height = 10;
  const std::string title = options.title.empty() ? std::string(category) : options.title;
  std::string svg;
  if (options.standalone) {
    svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" ";
  } else {
    svg += "<svg class=\"chart wide\" ";
  }
  svg += "viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
         "\" role=\"img\" aria-label=\"" + EscapeHtml(title) + "\">";
  if (options.standalone) {
    svg += "<title>" + EscapeHtml(title) + "</title>";
    svg +=
        "<style>text{font-family:sans-serif;font-size:12px;fill:#1a1a1a}"
        ".heading{font-weight:bold;font-size:13px}</style>";
  }
  int y0 = 0;
  for (size_t i = 0; i < shown.size(); ++i) {
    const Indicator* ind = shown[i];
    const IndicatorAttainment a = ComputeAttainment(*ind, period);
    auto value = [&](int64_t v) { return FormatIndicatorValue(v, ind->decimals, en); };
    int64_t max_value = ind->target.value_or(0);
    for (const YearAttainment& y : a.years) {
      max_value = std::max(max_value, y.value.value_or(0));
      max_value = std::max(max_value, y.target.value_or(0));
    }
    if (max_value <= 0) max_value = 1;
    const double scale = static_cast<double>(plot_h) / static_cast<double>(max_value);
    const int heading_h = static_cast<int>(headings[i].size()) * line_h + 8 + headroom;
    const int base = y0 + heading_h + plot_h;
    svg += "<g>";
    svg += "<text class=\"heading\" x=\"0\" y=\"" + std::to_string(y0 + 16) + "\">";
    for (size_t l = 0; l < headings[i].size(); ++l) {
      svg += "<tspan x=\"0\" dy=\"" + std::string(l == 0 ? "0" : std::to_string(line_h)) + "\">" +
             EscapeHtml(headings[i][l]) + "</tspan>";
    }
    svg += "</text>";
    // The value axis: a line from 0 to the panel's largest figure, both labelled.
    svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(base - plot_h) +
           "\" x2=\"" + std::to_string(left) + "\" y2=\"" + std::to_string(base) +
           "\" stroke=\"#555\" stroke-width=\"1\"/>";
    svg += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(base) +
           "\" text-anchor=\"end\">0</text>";
    svg += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" +
           std::to_string(base - plot_h + 10) + "\" text-anchor=\"end\">" + value(max_value) +
           "</text>";
    svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(base) + "\" x2=\"" +
           std::to_string(width - 10) + "\" y2=\"" + std::to_string(base) +
           "\" stroke=\"#555\" stroke-width=\"1\"/>";
    int x = left + 10;
    for (const YearAttainment& y : a.years) {
      const double h = static_cast<double>(y.value.value_or(0)) * scale;
      const char* colour = y.state == Attainment::kMet      ? kMetColour
                           : y.state == Attainment::kNotMet ? kNotMetColour
                                                            : kNeutralColour;
      std::string tip = std::to_string(y.year) + ": " +
                        (y.value ? value(*y.value) : StateLabel(Attainment::kNoFigure, en));
      if (y.target) {
        tip += std::string(en ? " (target " : " (måltall ") + value(*y.target) + ", " +
               StateLabel(y.state, en) + ")";
      }
      if (!y.note.empty()) tip += " – " + y.note;
      svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + Num(base - h) + "\" width=\"" +
             std::to_string(bar_w) + "\" height=\"" + Num(h) + "\" fill=\"" + colour +
             "\"><title>" + EscapeHtml(tip) + "</title></rect>";
      svg += "<text x=\"" + std::to_string(x + bar_w / 2) + "\" y=\"" + Num(base - h - 4) +
             "\" text-anchor=\"middle\">" + (y.value ? value(*y.value) : "–") +
             (y.note.empty() ? "" : "*") + "</text>";
      svg += "<text x=\"" + std::to_string(x + bar_w / 2) + "\" y=\"" + std::to_string(base + 16) +
             "\" text-anchor=\"middle\">" + std::to_string(y.year) + "</text>";
      if (y.target && ind->target_kind == TargetKind::kReachByLastYear) {
        // The year's point on the path to the target: a dashed mark across its bar, so the
        // reader sees each year against what it should have reached, not only the last.
        const double ty = base - static_cast<double>(*y.target) * scale;
        svg += "<line class=\"path-target\" x1=\"" + std::to_string(x - 6) + "\" y1=\"" + Num(ty) +
               "\" x2=\"" + std::to_string(x + bar_w + 6) + "\" y2=\"" + Num(ty) +
               "\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
      }
      x += bar_w + gap;
    }
    if (ind->target && ind->target_kind == TargetKind::kPerYear) {
      const double ty = base - static_cast<double>(*ind->target) * scale;
      svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + Num(ty) + "\" x2=\"" +
             std::to_string(x) + "\" y2=\"" + Num(ty) +
             "\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
      svg += "<text x=\"" + std::to_string(x + 4) + "\" y=\"" + Num(ty + 4) + "\">" +
             (en ? "target " : "måltall ") + value(*ind->target) + "</text>";
    }
    svg += "</g>";
    y0 = base + 36;
  }
  return svg + "</svg>";
}

}  // namespace samspill::portfolio
