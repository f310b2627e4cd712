// The one place where samspill's StatusCode becomes an HTTP status.
#pragma once

#include "common/status.h"

namespace samspill::web {

int HttpStatusFor(StatusCode code);

}  // namespace samspill::web
