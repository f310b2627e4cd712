// Front door of the common module: status values, money, dates, clock, org numbers, HTML escaping.
#pragma once

#include "common/clock.h"
#include "common/html_escape.h"
#include "common/money.h"
#include "common/org_number.h"
#include "common/role.h"
#include "common/status.h"
#include "common/time.h"
