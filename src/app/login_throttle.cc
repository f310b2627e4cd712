#include "app/login_throttle.h"

namespace samspill::app {

namespace {
constexpr size_t kMaxTrackedNames = 10000;
}  // namespace

void LoginThrottle::Prune(std::deque<int64_t>& failures, Timestamp now) const {
  while (!failures.empty() && failures.front() <= now.unix_seconds - options_.window_seconds) {
    failures.pop_front();
  }
}

int64_t LoginThrottle::RetryAfter(std::string_view username, Timestamp now) {
  MutexLock lock(mu_);
  auto it = failures_.find(username);
  if (it == failures_.end()) return 0;
  Prune(it->second, now);
  if (static_cast<int>(it->second.size()) < options_.max_failures) return 0;
  // Wait until the oldest counted failure leaves the window.
  return it->second.front() + options_.window_seconds - now.unix_seconds;
}

void LoginThrottle::RecordFailure(std::string_view username, Timestamp now) {
  MutexLock lock(mu_);
  if (failures_.size() > kMaxTrackedNames) {
    // Guessing across many names: forget those whose failures have left the window.
    for (auto it = failures_.begin(); it != failures_.end();) {
      Prune(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
  auto& failures = failures_[std::string(username)];
  Prune(failures, now);
  failures.push_back(now.unix_seconds);
  // Bound memory per name even under a flood of attempts.
  while (static_cast<int>(failures.size()) > options_.max_failures) failures.pop_front();
}

void LoginThrottle::RecordSuccess(std::string_view username) {
  MutexLock lock(mu_);
  auto it = failures_.find(username);
  if (it != failures_.end()) failures_.erase(it);
}

}  // namespace samspill::app
