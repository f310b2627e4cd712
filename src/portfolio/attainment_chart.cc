#include "portfolio/attainment_chart.h"

#include <algorithm>
#include <cstdio>

#include "common/html_escape.h"

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

std::string StateLabel(Attainment a) {
  switch (a) {
    case Attainment::kMet:
      return "nådd";
    case Attainment::kNotMet:
      return "ikke nådd";
    case Attainment::kNoFigure:
      return "ikke rapportert";
    case Attainment::kNoTarget:
      return "uten årlig måltall";
  }
  return "";
}

std::string Cut(const std::string& text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) return text.substr(0, i) + "…";
  }
  return text;
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
  const int width = 720, panel_h = 150, label_h = 24, plot_h = 90, left = 40, bar_w = 60, gap = 40;
  const int height = std::max<int>(1, static_cast<int>(shown.size())) * panel_h + 10;
  const std::string title = options.title.empty() ? std::string(category) : options.title;
  std::string svg;
  if (options.standalone) {
    svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" ";
  } else {
    svg += "<svg class=\"chart\" ";
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
  for (const Indicator* ind : shown) {
    const IndicatorAttainment a = ComputeAttainment(*ind, period);
    int64_t max_value = ind->target.value_or(0);
    for (const YearAttainment& y : a.years) {
      max_value = std::max(max_value, y.value.value_or(0));
      max_value = std::max(max_value, y.target.value_or(0));
    }
    if (max_value <= 0) max_value = 1;
    const double scale = static_cast<double>(plot_h) / static_cast<double>(max_value);
    const int base = y0 + label_h + plot_h;
    svg += "<g>";
    svg += "<text class=\"heading\" x=\"0\" y=\"" + std::to_string(y0 + 16) + "\">" +
           EscapeHtml(Cut(ind->name, 70)) + " – " + EscapeHtml(a.summary_nb) + "</text>";
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
                        (y.value ? std::to_string(*y.value) : std::string("ikke rapportert"));
      if (y.target)
        tip += " (måltall " + std::to_string(*y.target) + ", " + StateLabel(y.state) + ")";
      if (!y.note.empty()) tip += " – " + y.note;
      svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + Num(base - h) + "\" width=\"" +
             std::to_string(bar_w) + "\" height=\"" + Num(h) + "\" fill=\"" + colour +
             "\"><title>" + EscapeHtml(tip) + "</title></rect>";
      svg += "<text x=\"" + std::to_string(x + bar_w / 2) + "\" y=\"" + Num(base - h - 4) +
             "\" text-anchor=\"middle\">" + (y.value ? std::to_string(*y.value) : "–") +
             (y.note.empty() ? "" : "*") + "</text>";
      svg += "<text x=\"" + std::to_string(x + bar_w / 2) + "\" y=\"" + std::to_string(base + 16) +
             "\" text-anchor=\"middle\">" + std::to_string(y.year) + "</text>";
      x += bar_w + gap;
    }
    if (ind->target && ind->target_kind == TargetKind::kPerYear) {
      const double ty = base - static_cast<double>(*ind->target) * scale;
      svg += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + Num(ty) + "\" x2=\"" +
             std::to_string(x) + "\" y2=\"" + Num(ty) +
             "\" stroke=\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
      svg += "<text x=\"" + std::to_string(x + 4) + "\" y=\"" + Num(ty + 4) + "\">måltall " +
             std::to_string(*ind->target) + "</text>";
    }
    svg += "</g>";
    y0 += panel_h;
  }
  return svg + "</svg>";
}

}  // namespace samspill::portfolio
