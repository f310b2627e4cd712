#include "decision/risk_heatmap.h"

#include <array>

#include "common/html_escape.h"

namespace samspill::decision {
namespace {

// The tender's chart geometry (web/tender_charts.cc): 480 units wide, 17-unit text that stays
// 12 px or more down to a phone's column.
constexpr int kChartWidth = 480;
constexpr int kLineHeight = 21;
constexpr size_t kWrapChars = 46;
constexpr int kGridLeft = 64;  // room for the likelihood axis: its title and numbers
constexpr int kCellWidth = 80;
constexpr int kCellHeight = 80;
// A cell's key list: two lines of 14-unit text, about nine characters each.
constexpr size_t kKeyChars = 7;
constexpr size_t kKeyLines = 2;

// Fills and the text drawn on them, each pair at least 4.5:1 (WCAG 1.4.3), and lightness
// rising with the level so the bands differ without colour vision too.
struct LevelStyle {
  const char* fill;
  const char* text;
};
constexpr LevelStyle kLow{"#dcedc8", "#1b1b1b"};
constexpr LevelStyle kMedium{"#ffb300", "#1b1b1b"};
constexpr LevelStyle kHigh{"#b3261e", "#ffffff"};

const LevelStyle& StyleOf(RiskLevel level) {
  switch (level) {
    case RiskLevel::kLow:
      return kLow;
    case RiskLevel::kMedium:
      return kMedium;
    case RiskLevel::kHigh:
      return kHigh;
  }
  return kLow;
}

bool OnScale(int value) { return value >= 1 && value <= 5; }

// The cell a risk lies in on this chart, or false when it is not placed there.
bool Placed(const Risk& r, HeatmapKind kind, int& likelihood, int& consequence) {
  likelihood = kind == HeatmapKind::kInherent ? r.likelihood : r.residual_likelihood;
  consequence = kind == HeatmapKind::kInherent ? r.consequence : r.residual_consequence;
  return OnScale(likelihood) && OnScale(consequence);
}

size_t Chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `words` joined by spaces in lines of at most `max_chars` characters; a word longer than a
// line stands alone.
std::vector<std::string> WrapWords(const std::vector<std::string>& words, size_t max_chars) {
  std::vector<std::string> lines;
  std::string line;
  for (const std::string& word : words) {
    if (!line.empty() && Chars(line) + 1 + Chars(word) > max_chars) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::vector<std::string> Wrap(const std::string& text, size_t max_chars = kWrapChars) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return WrapWords(words, max_chars);
}

// The numbers of a cell's risks ("1, 4, 7") in at most two short lines; when they do not fit,
// the last line ends with "+3" for the three left out (the cell's <title> and the table name
// them all), so a cell never hides risks without saying so.
std::vector<std::string> KeyLines(const std::vector<int>& numbers) {
  for (size_t shown = numbers.size();; --shown) {
    std::vector<std::string> words;
    for (size_t i = 0; i < shown; ++i) {
      const bool more = i + 1 < shown || shown < numbers.size();
      words.push_back(std::to_string(numbers[i]) + (more ? "," : ""));
    }
    if (shown < numbers.size()) words.push_back("+" + std::to_string(numbers.size() - shown));
    std::vector<std::string> lines = WrapWords(words, kKeyChars);
    if (lines.size() <= kKeyLines || shown == 0) return lines;
  }
}

std::string Text(int x, int y, const std::string& text, const char* css_class,
                 const char* anchor = "start") {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" text-anchor=\"" +
         anchor + "\" class=\"" + css_class + "\">" + EscapeHtml(text) + "</text>";
}

std::string RisksWord(int count, bool en) {
  if (en) return count == 1 ? "risk" : "risks";
  return count == 1 ? "risiko" : "risikoer";
}

// A cell's tooltip: where it is, its score and level, and its risks by number and title.
std::string CellTitle(const std::vector<Risk>& risks, const std::vector<int>& numbers,
                      int likelihood, int consequence, bool en) {
  const int score = RiskScore(likelihood, consequence);
  std::string t = std::string(en ? "Likelihood " : "Sannsynlighet ") + std::to_string(likelihood) +
                  (en ? ", consequence " : ", konsekvens ") + std::to_string(consequence) +
                  (en ? ": score " : ": risikoverdi ") + std::to_string(score) + ", " +
                  RiskLevelName(LevelOfScore(score), en) + ". ";
  if (numbers.empty()) return t + (en ? "No risks." : "Ingen risikoer.");
  const int n = static_cast<int>(numbers.size());
  t += std::to_string(n) + " " + RisksWord(n, en) + ":";
  for (size_t i = 0; i < numbers.size(); ++i) {
    t += (i == 0 ? " " : "; ") + std::to_string(numbers[i]) + " " +
         risks[static_cast<size_t>(numbers[i] - 1)].title;
  }
  return t + ".";
}

std::string NotAssessedLine(int not_assessed, bool en) {
  if (not_assessed == 0) {
    return en ? "All risks are assessed after mitigation."
              : "Alle risikoer er vurdert etter tiltak.";
  }
  const std::string n = std::to_string(not_assessed);
  if (en) {
    return n + " " + RisksWord(not_assessed, en) + (not_assessed == 1 ? " is" : " are") +
           " not assessed after mitigation and not placed on the map.";
  }
  return n + " " + RisksWord(not_assessed, en) +
         " er ikke vurdert etter tiltak og er ikke med i kartet.";
}

}  // namespace

std::string RiskLevelName(RiskLevel level, bool english) {
  switch (level) {
    case RiskLevel::kLow:
      return english ? "low" : "lav";
    case RiskLevel::kMedium:
      return english ? "medium" : "middels";
    case RiskLevel::kHigh:
      return english ? "high" : "høy";
  }
  return "";
}

std::string RiskHeatmapSvg(const std::vector<Risk>& risks, HeatmapKind kind,
                           const HeatmapOptions& options) {
  const bool en = options.english;
  const bool residual = kind == HeatmapKind::kResidual;
  // cells[l - 1][c - 1]: the numbers of the risks there, in the register's order.
  std::array<std::array<std::vector<int>, 5>, 5> cells;
  std::array<int, 3> per_level{};
  int not_placed = 0;
  for (size_t i = 0; i < risks.size(); ++i) {
    int l = 0, c = 0;
    if (!Placed(risks[i], kind, l, c)) {
      ++not_placed;
      continue;
    }
    cells[l - 1][c - 1].push_back(static_cast<int>(i + 1));
    ++per_level[static_cast<int>(LevelOfScore(RiskScore(l, c))) - 1];
  }
  std::string title = options.title;
  if (title.empty()) {
    title = en ? (residual ? "Risk map after mitigation" : "Risk map before mitigation")
               : (residual ? "Risikokart etter tiltak" : "Risikokart før tiltak");
  }
  std::string desc =
      en ? std::string(residual ? "The risks after mitigation" : "The risks before mitigation") +
               " on a 5 × 5 grid, likelihood 1–5 up and consequence 1–5 across: high " +
               std::to_string(per_level[2]) + ", medium " + std::to_string(per_level[1]) +
               ", low " + std::to_string(per_level[0]) + ". "
         : std::string(residual ? "Risikoene etter tiltak" : "Risikoene før tiltak") +
               " i et rutenett 5 × 5, sannsynlighet 1–5 loddrett og konsekvens 1–5 vannrett: høy " +
               std::to_string(per_level[2]) + ", middels " + std::to_string(per_level[1]) +
               ", lav " + std::to_string(per_level[0]) + ". ";
  desc += RiskSummary(risks, en);

  std::string body;
  int y = 18;
  for (const std::string& line : Wrap(title)) {
    body += Text(0, y, line, "label");
    y += kLineHeight;
  }
  const int top = y;
  const int grid_h = 5 * kCellHeight;
  // Likelihood up the side, 5 at the top, its title turned along the axis.
  const int axis_mid = top + grid_h / 2;
  body += "<text x=\"16\" y=\"" + std::to_string(axis_mid) + "\" transform=\"rotate(-90 16 " +
          std::to_string(axis_mid) + ")\" text-anchor=\"middle\" class=\"label\">" +
          (en ? "Likelihood" : "Sannsynlighet") + "</text>";
  for (int l = 5; l >= 1; --l) {
    const int row_y = top + (5 - l) * kCellHeight;
    body += Text(kGridLeft - 10, row_y + kCellHeight / 2 + 6, std::to_string(l), "value", "end");
    for (int c = 1; c <= 5; ++c) {
      const int x = kGridLeft + (c - 1) * kCellWidth;
      const int score = RiskScore(l, c);
      const RiskLevel level = LevelOfScore(score);
      const LevelStyle& style = StyleOf(level);
      const std::vector<int>& numbers = cells[l - 1][c - 1];
      body += "<g class=\"cell\" data-likelihood=\"" + std::to_string(l) +
              "\" data-consequence=\"" + std::to_string(c) + "\" data-score=\"" +
              std::to_string(score) + "\" data-count=\"" + std::to_string(numbers.size()) +
              "\"><title>" + EscapeHtml(CellTitle(risks, numbers, l, c, en)) + "</title>";
      body += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(row_y) + "\" width=\"" +
              std::to_string(kCellWidth) + "\" height=\"" + std::to_string(kCellHeight) +
              "\" fill=\"" + style.fill + "\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>";
      if (!numbers.empty()) {
        const int cx = x + kCellWidth / 2;
        body += "<text x=\"" + std::to_string(cx) + "\" y=\"" + std::to_string(row_y + 30) +
                "\" text-anchor=\"middle\" font-size=\"24\" font-weight=\"bold\" fill=\"" +
                style.text + "\">" + std::to_string(numbers.size()) + "</text>";
        int key_y = row_y + 52;
        for (const std::string& line : KeyLines(numbers)) {
          body += "<text x=\"" + std::to_string(cx) + "\" y=\"" + std::to_string(key_y) +
                  "\" text-anchor=\"middle\" font-size=\"18\" fill=\"" + style.text + "\">" +
                  EscapeHtml(line) + "</text>";
          key_y += 19;
        }
      }
      body += "</g>";
    }
  }
  // Consequence along the bottom.
  y = top + grid_h;
  for (int c = 1; c <= 5; ++c) {
    body += Text(kGridLeft + (c - 1) * kCellWidth + kCellWidth / 2, y + 22, std::to_string(c),
                 "value", "middle");
  }
  body += Text(kGridLeft + 5 * kCellWidth / 2, y + 46, en ? "Consequence" : "Konsekvens", "label",
               "middle");
  // The legend: the three bands in a row, then what a cell's numbers mean.
  y += 82;
  const std::array<std::pair<RiskLevel, const char*>, 3> bands = {
      {{RiskLevel::kLow, "1–4"}, {RiskLevel::kMedium, "5–9"}, {RiskLevel::kHigh, "10–25"}}};
  int x = 0;
  for (const auto& [level, range] : bands) {
    std::string name = RiskLevelName(level, en);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');  // all three begin with an ASCII letter
    body += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y - 14) +
            "\" width=\"16\" height=\"16\" fill=\"" + StyleOf(level).fill +
            "\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>";
    body += Text(x + 24, y, name + " " + range, "legend");
    x += 155;
  }
  y += kLineHeight + 8;
  std::vector<std::string> notes = {
      en ? "The large number in a cell is how many risks lie there; the small ones are their "
           "numbers in the table."
         : "Det store tallet i en rute er antall risikoer der; de små er risikoenes nummer i "
           "tabellen."};
  if (residual) notes.push_back(NotAssessedLine(not_placed, en));
  for (const std::string& note : notes) {
    for (const std::string& line : Wrap(note)) {
      body += Text(0, y, line, "legend");
      y += kLineHeight;
    }
  }
  const std::string name = EscapeHtml(title);
  return "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kChartWidth) + " " +
         std::to_string(y) + "\" role=\"img\" aria-label=\"" + name + "\"><title>" + name +
         "</title><desc>" + EscapeHtml(desc) + "</desc>" + body + "</svg>";
}

std::vector<RiskTableRow> RiskTable(const std::vector<Risk>& risks) {
  std::vector<RiskTableRow> rows;
  rows.reserve(risks.size());
  for (size_t i = 0; i < risks.size(); ++i) {
    const Risk& r = risks[i];
    RiskTableRow row;
    row.number = static_cast<int>(i + 1);
    row.id = r.id;
    row.title = r.title;
    row.likelihood = r.likelihood;
    row.consequence = r.consequence;
    row.score = RiskScore(r.likelihood, r.consequence);
    row.level = LevelOfScore(row.score);
    int l = 0, c = 0;
    if (Placed(r, HeatmapKind::kResidual, l, c)) {
      row.residual_assessed = true;
      row.residual_likelihood = l;
      row.residual_consequence = c;
      row.residual_score = RiskScore(l, c);
      row.residual_level = LevelOfScore(row.residual_score);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> RiskTableHeadings(bool english) {
  if (english) {
    return {"No.",
            "Risk",
            "Likelihood",
            "Consequence",
            "Score",
            "Level",
            "Likelihood after mitigation",
            "Consequence after mitigation",
            "Score after mitigation",
            "Level after mitigation"};
  }
  return {"Nr.",
          "Risiko",
          "Sannsynlighet",
          "Konsekvens",
          "Risikoverdi",
          "Nivå",
          "Sannsynlighet etter tiltak",
          "Konsekvens etter tiltak",
          "Risikoverdi etter tiltak",
          "Nivå etter tiltak"};
}

std::string RiskSummary(const std::vector<Risk>& risks, bool english) {
  const bool en = english;
  const int total = static_cast<int>(risks.size());
  if (total == 0) return en ? "No risks are recorded." : "Ingen risikoer er registrert.";
  int high = 0, assessed = 0, high_after = 0;
  for (const Risk& r : risks) {
    if (LevelOfScore(RiskScore(r.likelihood, r.consequence)) == RiskLevel::kHigh) ++high;
    int l = 0, c = 0;
    if (Placed(r, HeatmapKind::kResidual, l, c)) {
      ++assessed;
      if (LevelOfScore(RiskScore(l, c)) == RiskLevel::kHigh) ++high_after;
    }
  }
  const int not_assessed = total - assessed;
  std::string s = std::to_string(high) + (en ? " of " : " av ") + std::to_string(total) + " " +
                  RisksWord(total, en) +
                  (en ? (high == 1 ? " is high before mitigation" : " are high before mitigation")
                      : (high == 1 ? " er høy før tiltak" : " er høye før tiltak"));
  if (assessed == 0) {
    return s + (en ? "; none is assessed after mitigation." : "; ingen er vurdert etter tiltak.");
  }
  s += ", " + std::to_string(high_after) + (en ? " after mitigation" : " etter tiltak");
  if (not_assessed > 0) {
    s += " (" + std::to_string(not_assessed) +
         (en ? " not assessed after mitigation)" : " er ikke vurdert etter tiltak)");
  }
  return s + ".";
}

}  // namespace samspill::decision
