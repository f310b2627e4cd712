// Front door of the red-flag indicators compatible with OCP's cardinal (`ocdscardinal`
// 0.0.8): settings (INI), the 11 indicators over JSON Lines of compiled releases, and the
// coverage command. The reference behaviour is the project's MARKET-INDICATORS.md; where
// cardinal has a quirk, this code matches it and says so in a comment.
#pragma once

#include "market/cardinal/accumulator.h"
#include "market/cardinal/bad_data.h"
#include "market/cardinal/coverage.h"
#include "market/cardinal/indicators.h"
#include "market/cardinal/quantile.h"
#include "market/cardinal/release.h"
#include "market/cardinal/settings.h"
