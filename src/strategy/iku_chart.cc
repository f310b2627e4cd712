#include "strategy/iku_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "common/html_escape.h"
#include "common/text.h"

namespace samspill::strategy {
namespace {

// Geometry in viewBox units. The chart is 640 wide and scales with its column (no fixed pixel
// width); the smallest text is 14 units, so it stays legible scaled to a 390 px phone column.
constexpr int kWidth = 640;
constexpr int kPlotLeft = 60;    // room for the percent labels
constexpr int kPlotRight = 480;  // the peers' names go to the right of the plot
constexpr int kPlotTop = 40;     // room for the axis title and the top point's value
constexpr int kPlotBottom = 280;
constexpr int kAxisFont = 16;
constexpr int kSmallFont = 14;  // values at the points, peers' names
constexpr int kKeyLine = 24;
constexpr size_t kKeyChars = 56;  // 16-unit text over the 600 units right of the key's swatches
constexpr size_t kEndChars = 17;  // 14-unit text over the 152 units right of the plot
constexpr double kMinYearSpacing = 48.0;

// Colours with at least 3:1 contrast against white (WCAG 1.4.11); the series differ in line
// style and width too, so they are told apart without colour.
constexpr const char* kOwnColour = "#1f5f8b";
constexpr const char* kPeerColour = "#8a8a8a";
constexpr const char* kNationalColour = "#1a1a1a";
constexpr const char* kTextColour = "#1a1a1a";

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A percentage with one decimal in the page's language: "26,3" or "26.3".
std::string Percent(double v, bool en) {
  std::string s = Num(v);
  if (!en) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string Text(double x, double y, const std::string& text, const char* css_class, int size,
                 const char* anchor = "start") {
  return "<text class=\"" + std::string(css_class) + "\" x=\"" + Num(x) + "\" y=\"" + Num(y) +
         "\" font-size=\"" + std::to_string(size) + "\" fill=\"" + kTextColour +
         "\" text-anchor=\"" + anchor + "\">" + EscapeHtml(text) + "</text>";
}

struct SeriesPoint {
  int year = 0;
  std::optional<double> value;
  bool example = false;
};

class Scale {
 public:
  Scale(int first_year, int last_year, double y_max)
      : first_(first_year), last_(last_year), y_max_(y_max) {}
  double X(int year) const {
    if (last_ == first_) return (kPlotLeft + kPlotRight) / 2.0;
    return kPlotLeft + static_cast<double>(year - first_) * (kPlotRight - kPlotLeft) /
                           static_cast<double>(last_ - first_);
  }
  double Y(double value) const { return kPlotBottom - value / y_max_ * (kPlotBottom - kPlotTop); }
  double Step() const {
    return last_ == first_ ? kPlotRight - kPlotLeft
                           : static_cast<double>(kPlotRight - kPlotLeft) / (last_ - first_);
  }

 private:
  int first_, last_;
  double y_max_;
};

// The path through the points, broken where a year has no value or a year is missing: a
// line is drawn only between consecutive years that both have one.
std::string PathData(const std::vector<SeriesPoint>& points, const Scale& s) {
  std::string d;
  const SeriesPoint* previous = nullptr;
  for (const SeriesPoint& p : points) {
    if (!p.value) {
      previous = nullptr;
      continue;
    }
    const bool joined = previous != nullptr && previous->year + 1 == p.year;
    d += std::string(d.empty() ? "" : " ") + (joined ? "L" : "M") + Num(s.X(p.year)) + " " +
         Num(s.Y(*p.value));
    previous = &p;
  }
  return d;
}

// A key entry's swatch at the start of the line whose text baseline is `y`.
std::string Swatch(const std::string& kind, double y) {
  const double mid = y - 5;
  const std::string line =
      "<line x1=\"0\" y1=\"" + Num(mid) + "\" x2=\"28\" y2=\"" + Num(mid) + "\"";
  if (kind == "own") {
    return line + " stroke=\"" + kOwnColour + "\" stroke-width=\"3\"/><circle cx=\"14\" cy=\"" +
           Num(mid) + "\" r=\"5\" fill=\"" + kOwnColour + "\"/>";
  }
  if (kind == "example") {
    return "<circle cx=\"14\" cy=\"" + Num(mid) + "\" r=\"5\" fill=\"#ffffff\" stroke=\"" +
           kOwnColour + "\" stroke-width=\"2\"/>";
  }
  if (kind == "national") {
    return line + " stroke=\"" + kNationalColour +
           "\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>";
  }
  return line + " stroke=\"" + kPeerColour + "\" stroke-width=\"1.5\"/>";
}

}  // namespace

std::string IkuChartSvg(const std::vector<IkuPoint>& own, const std::vector<PeerFigure>& peers,
                        const IkuChartOptions& options) {
  const bool en = options.english;
  // The series: the municipality's own, each peer (in first-seen order), the national line.
  std::vector<SeriesPoint> own_points;
  for (const IkuPoint& p : own) own_points.push_back({p.year, p.iku, p.example});
  std::sort(own_points.begin(), own_points.end(),
            [](const SeriesPoint& a, const SeriesPoint& b) { return a.year < b.year; });
  const std::vector<std::string> peer_names = PeerMunicipalities(peers);
  std::vector<std::vector<SeriesPoint>> peer_points(peer_names.size());
  for (const PeerFigure& f : peers) {
    const size_t i = static_cast<size_t>(
        std::find(peer_names.begin(), peer_names.end(), f.municipality) - peer_names.begin());
    peer_points[i].push_back({f.year, f.iku, false});
  }
  for (auto& series : peer_points) {
    std::sort(series.begin(), series.end(),
              [](const SeriesPoint& a, const SeriesPoint& b) { return a.year < b.year; });
  }
  std::vector<SeriesPoint> national;
  if (options.show_national) {
    for (const NationalIku& n : NationalIkuLine()) {
      if (n.year >= options.national_from) national.push_back({n.year, n.iku, false});
    }
  }

  // The axes: every year any series has; 0 to the largest value rounded up to 5 points.
  std::set<int> years;
  double largest = 0.0;
  auto take = [&](const std::vector<SeriesPoint>& series) {
    for (const SeriesPoint& p : series) {
      years.insert(p.year);
      if (p.value) largest = std::max(largest, *p.value);
    }
  };
  take(own_points);
  for (const auto& series : peer_points) take(series);
  take(national);
  const double y_max = std::max(5.0, std::ceil(largest / 5.0) * 5.0);
  const int first_year = years.empty() ? 0 : *years.begin();
  const int last_year = years.empty() ? 0 : *years.rbegin();
  const Scale s(first_year, last_year, y_max);

  std::string body;
  // Percent ticks and their grid lines: every 5 points, every 10 above 50.
  const int tick = y_max > 50.0 ? 10 : 5;
  for (int v = 0; v <= static_cast<int>(y_max); v += tick) {
    const double y = s.Y(v);
    body += "<line class=\"grid\" x1=\"" + std::to_string(kPlotLeft) + "\" y1=\"" + Num(y) +
            "\" x2=\"" + std::to_string(kPlotRight) + "\" y2=\"" + Num(y) + "\" stroke=\"" +
            (v == 0 ? "#555555" : "#e0e0e0") + "\" stroke-width=\"1\"/>";
    body += Text(kPlotLeft - 8, y + 5, std::to_string(v) + (en ? "%" : " %"), "y-tick", kAxisFont,
                 "end");
  }
  body += "<line class=\"axis\" x1=\"" + std::to_string(kPlotLeft) + "\" y1=\"" +
          std::to_string(kPlotTop) + "\" x2=\"" + std::to_string(kPlotLeft) + "\" y2=\"" +
          std::to_string(kPlotBottom) + "\" stroke=\"#555555\" stroke-width=\"1\"/>";
  body += Text(0, kPlotTop - 22, en ? "IKU, percent" : "IKU, prosent", "axis-title", kAxisFont);
  // Year ticks on every year; labels as often as they fit side by side.
  const int every = static_cast<int>(std::ceil(kMinYearSpacing / s.Step()));
  for (int year = first_year; !years.empty() && year <= last_year; ++year) {
    const double x = s.X(year);
    body += "<line class=\"x-tick\" x1=\"" + Num(x) + "\" y1=\"" + std::to_string(kPlotBottom) +
            "\" x2=\"" + Num(x) + "\" y2=\"" + std::to_string(kPlotBottom + 5) +
            "\" stroke=\"#555555\" stroke-width=\"1\"/>";
    if ((year - first_year) % std::max(1, every) == 0) {
      body += Text(x, kPlotBottom + 24, std::to_string(year), "year", kAxisFont, "middle");
    }
  }

  // The national line, dashed, with small marks at its years (2009 stands alone).
  if (!national.empty()) {
    body += "<g class=\"national\">";
    body += "<path d=\"" + PathData(national, s) + "\" fill=\"none\" stroke=\"" + kNationalColour +
            "\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>";
    for (const SeriesPoint& p : national) {
      body += "<circle cx=\"" + Num(s.X(p.year)) + "\" cy=\"" + Num(s.Y(*p.value)) +
              "\" r=\"2.5\" fill=\"" + kNationalColour + "\"><title>" +
              EscapeHtml((en ? "National " : "Hele landet ") + std::to_string(p.year) + ": " +
                         Percent(*p.value, en) + " %") +
              "</title></circle>";
    }
    body += "</g>";
  }

  // Peers: thin grey lines, each named at its last point. Names that would overlap are moved
  // down; a name too long for the room right of the plot gets a number there and its whole
  // name in the key.
  struct EndLabel {
    double y;
    std::vector<std::string> lines;
  };
  std::vector<EndLabel> end_labels;
  std::vector<std::string> numbered;
  for (size_t i = 0; i < peer_names.size(); ++i) {
    body += "<g class=\"peer\"><title>" + EscapeHtml(peer_names[i]) + "</title>";
    body += "<path d=\"" + PathData(peer_points[i], s) + "\" fill=\"none\" stroke=\"" +
            kPeerColour + "\" stroke-width=\"1.5\"/>";
    // A lone year between gaps is a point, not a line: a small mark shows it.
    for (const SeriesPoint& p : peer_points[i]) {
      body += "<circle cx=\"" + Num(s.X(p.year)) + "\" cy=\"" + Num(s.Y(*p.value)) +
              "\" r=\"2\" fill=\"" + kPeerColour + "\"/>";
    }
    body += "</g>";
    const SeriesPoint& last = peer_points[i].back();
    std::vector<std::string> lines = WrapWords(peer_names[i], kEndChars);
    const bool fits = std::all_of(lines.begin(), lines.end(),
                                  [](const std::string& l) { return Utf8Chars(l) <= kEndChars; });
    if (!fits) {
      numbered.push_back(peer_names[i]);
      lines = {std::to_string(numbered.size())};
    }
    end_labels.push_back({s.Y(*last.value) + 5, lines});
  }
  std::sort(end_labels.begin(), end_labels.end(),
            [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
  double next_free = 0;
  for (EndLabel& label : end_labels) {
    label.y = std::max(label.y, next_free);
    next_free = label.y + static_cast<double>(label.lines.size()) * 16 + 2;
  }
  // Many names pushed below the plot move up together, so none runs into the years or the key.
  const double overflow =
      end_labels.empty()
          ? 0.0
          : end_labels.back().y + 16.0 * (end_labels.back().lines.size() - 1) - kPlotBottom;
  for (EndLabel& label : end_labels) {
    if (overflow > 0) label.y -= overflow;
    for (size_t l = 0; l < label.lines.size(); ++l) {
      body += Text(kPlotRight + 8, label.y + static_cast<double>(l) * 16, label.lines[l],
                   "peer-label", kSmallFont);
    }
  }

  // The municipality's own line: solid, its points with their values; example years hollow.
  const std::string own_name =
      options.own_label.empty() ? (en ? "The municipality" : "Kommunen") : options.own_label;
  bool any_example = false;
  body += "<g class=\"own\">";
  body += "<path d=\"" + PathData(own_points, s) + "\" fill=\"none\" stroke=\"" + kOwnColour +
          "\" stroke-width=\"3\"/>";
  // Values 14 units high and up to 34 wide: when the years stand closer than that, every other
  // value goes under its point so that neighbours never overlap.
  const bool alternate = s.Step() < 36.0;
  bool below = false;
  for (const SeriesPoint& p : own_points) {
    if (!p.value) continue;
    any_example = any_example || p.example;
    const double x = s.X(p.year), y = s.Y(*p.value);
    const std::string value = Percent(*p.value, en);
    std::string tip = own_name + " " + std::to_string(p.year) + ": " + value + " %";
    if (p.example) tip += en ? " (example)" : " (eksempel)";
    body += "<circle class=\"" + std::string(p.example ? "own-point example" : "own-point") +
            "\" cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"5\" fill=\"" +
            (p.example ? "#ffffff" : kOwnColour) + "\" stroke=\"" + kOwnColour +
            "\" stroke-width=\"2\"><title>" + EscapeHtml(tip) + "</title></circle>";
    body += Text(x, below ? y + 22 : y - 10, value, "own-value", kSmallFont, "middle");
    below = alternate && !below;
  }
  body += "</g>";

  // The key under the plot: whole names, wrapped.
  std::vector<std::pair<std::string, std::string>> key = {{"own", own_name}};
  if (any_example) key.emplace_back("example", en ? "example" : "eksempel");
  if (!national.empty()) {
    key.emplace_back("national", en ? "National (all Danish municipalities)"
                                    : "Hele landet (alle danske kommuner)");
  }
  if (!peer_names.empty()) {
    key.emplace_back("peer", en ? "Other municipalities, named at the end of their line"
                                : "Andre kommuner, navngitt ved enden av linjen");
  }
  for (size_t i = 0; i < numbered.size(); ++i) {
    key.emplace_back("", std::to_string(i + 1) + ": " + numbered[i]);
  }
  double y = kPlotBottom + 60;
  body += "<g class=\"key\">";
  for (const auto& [kind, text] : key) {
    if (!kind.empty()) body += Swatch(kind, y);
    for (const std::string& line : WrapWords(text, kKeyChars)) {
      body += Text(36, y, line, "key-text", kAxisFont);
      y += kKeyLine;
    }
  }
  body += "</g>";
  const int height = static_cast<int>(y);

  const std::string title = EscapeHtml(options.title.empty() ? own_name : options.title);
  std::string svg;
  if (options.standalone) {
    svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" ";
  } else {
    // Drawn 640 wide with 14–16 unit text: kept at its width ("wide") and scrolled on a phone
    // rather than shrunk below a readable size.
    svg += "<svg class=\"chart wide\" ";
  }
  svg += "viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
         "\" role=\"img\" aria-label=\"" + title + "\" font-family=\"sans-serif\"><title>" + title +
         "</title>";
  return svg + body + "</svg>";
}

}  // namespace samspill::strategy
