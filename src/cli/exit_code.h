// The one place where samspill's StatusCode becomes a process exit code.
// Codes follow BSD sysexits.h so scripts can tell bad input from a broken environment.
#pragma once

#include "common/status.h"

namespace samspill::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 64;  // wrong command line (EX_USAGE)

inline int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 0;
    case StatusCode::kInvalidArgument:
      return 65;  // EX_DATAERR: the input is wrong
    case StatusCode::kNotFound:
      return 66;  // EX_NOINPUT: file or row missing
    case StatusCode::kUnavailable:
      return 69;  // EX_UNAVAILABLE: port, database busy
    case StatusCode::kInternal:
      return 70;  // EX_SOFTWARE: our bug
    case StatusCode::kResourceExhausted:
      return 75;  // EX_TEMPFAIL: try later / less
    case StatusCode::kConflict:
      return 75;  // EX_TEMPFAIL: state forbids it now
    case StatusCode::kPermissionDenied:
      return 77;  // EX_NOPERM
    case StatusCode::kUnauthenticated:
      return 77;  // EX_NOPERM
    case StatusCode::kFailedPrecondition:
      return 78;  // EX_CONFIG: e.g. database too new
    case StatusCode::kDataLoss:
      return 65;  // EX_DATAERR: the stored data is wrong (a broken audit chain)
  }
  return 70;
}

}  // namespace samspill::cli
