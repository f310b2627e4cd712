// The partnership portfolio: the register of collaboration projects (project.h) with its
// duplicate detection (duplicate_finder.h) and merges (project_merge.h), indicator targets and
// their attainment (indicator.h), CSV import/export (project_csv.h, indicator_csv.h) and the
// attainment charts (attainment_chart.h). Pure C++: no I/O, no store, time passed in.
#pragma once

#include "common/csv.h"
#include "portfolio/attainment_chart.h"
#include "portfolio/duplicate_finder.h"
#include "portfolio/indicator.h"
#include "portfolio/indicator_csv.h"
#include "portfolio/project.h"
#include "portfolio/project_csv.h"
#include "portfolio/project_json.h"
#include "portfolio/project_merge.h"
#include "portfolio/text_normalise.h"
