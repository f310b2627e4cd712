// LoginThrottle: slows down password guessing.
//
// After `max_failures` failed logins for one username within `window_seconds`, further
// attempts for that username are refused until the window has passed. Kept in memory:
// one samspill process serves one database. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "common/mutex.h"
#include "common/time.h"

namespace samspill::app {

struct LoginThrottleOptions {
  int max_failures = 5;
  int64_t window_seconds = 15 * 60;
};

class LoginThrottle {
 public:
  explicit LoginThrottle(LoginThrottleOptions options = {}) : options_(options) {}

  // Seconds the caller must wait before trying `username` again; 0 when allowed.
  int64_t RetryAfter(std::string_view username, Timestamp now);
  void RecordFailure(std::string_view username, Timestamp now);
  void RecordSuccess(std::string_view username);

 private:
  void Prune(std::deque<int64_t>& failures, Timestamp now) const;

  const LoginThrottleOptions options_;
  Mutex mu_;
  std::map<std::string, std::deque<int64_t>, std::less<>> failures_ SAMSPILL_GUARDED_BY(mu_);
};

}  // namespace samspill::app
