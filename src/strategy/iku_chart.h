// The IKU chart: the municipality's own IKU per year as a solid line with its points and values,
// each peer as a thin grey line labelled at its end, and the national line dashed — axes with
// years and percent ticks, whole labels (never cut; long names wrapped or moved into a key
// under the plot), and the example years drawn hollow. The page shows it with a table of the
// same figures and a sentence saying what it shows. Every text is escaped. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "strategy/iku_peers.h"
#include "strategy/task_area.h"

namespace samspill::strategy {

struct IkuChartOptions {
  std::string title;          // the accessible name
  std::string own_label;      // "Eksempel Kommune"
  bool english = false;       // axis words and the key in English
  bool show_national = true;  // the national line from NationalIkuLine()
  // The national line's years before this one are left out (0: every year), so that its lone
  // early years do not squeeze the municipality's own years into a corner of the axis.
  int national_from = 0;
  bool standalone = false;  // an SVG file (XML declaration, xmlns, own styles)
};

// `own` from TotalIku() or AreaIku(); points without an IKU are gaps. The x axis spans every
// year any series has; the y axis runs from 0 to the largest value rounded up to 5 points.
std::string IkuChartSvg(const std::vector<IkuPoint>& own, const std::vector<PeerFigure>& peers,
                        const IkuChartOptions& options);

}  // namespace samspill::strategy
