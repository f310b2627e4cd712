// The market module's front door: what a newcomer (or the command line) needs from public
// procurement data, in the order the work happens.
//
// 1. Read: ReadMarketFiles (ingest/ingest.h) takes OCDS in any published shape or eForms XML
//    notices, plain or gzip, and hands on one normalised Process (model/process.h) per
//    contracting process, with every data problem logged as a DataIssue instead of stopping.
//    ExpandInputFolders (ingest/input_files.h) turns folders among a command's arguments into
//    their files, skipping what no reader takes (ingest/input_kind.h tells the kind).
// 2. Measure competition: CompetitionIndicators (competition/competition.h) counts bids,
//    single-bid shares, advert periods and supplier concentration per CPV and region;
//    ReportBuilder (competition/market_report.h) turns them into the planned-tender report
//    (how many suppliers to expect), as JSON or text.
// 3. Red flags: RunIndicators and RunCoverage (cardinal/cardinal.h) compute OCP's 11 red-flag
//    indicators exactly as `ocdscardinal` does, over JSON Lines of compiled releases.
//
// Why two JSON readers: `ocds/` reads every shape OCDS is published in, validates as it goes
// and builds the normalised model the competition figures need; `cardinal/` must give the same
// answers as OCP's tool on its own input (compiled releases, one per line), including its
// quirks, and read gigabytes fast, so it reads only the fields its indicators use, in place,
// with simdjson On-Demand (decisions 0010, 0011, 0016). Both take their bytes from `io/`
// (files, gzip, stdin, line batches).
#pragma once

#include "market/cardinal/cardinal.h"
#include "market/competition/competition.h"
#include "market/competition/market_report.h"
#include "market/ingest/ingest.h"
#include "market/model/process.h"
