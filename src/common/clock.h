// Clock: where samspill gets the current time from, so tests can move past deadlines.
//
// SystemClock is thread-safe. FakeClock is thread-safe (atomic) and starts where told.
#pragma once

#include <atomic>
#include <chrono>

#include "common/time.h"

namespace samspill {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override {
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return Timestamp{std::chrono::duration_cast<std::chrono::seconds>(now).count()};
  }
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Timestamp start) : seconds_(start.unix_seconds) {}
  Timestamp Now() const override { return Timestamp{seconds_.load()}; }
  void Set(Timestamp t) { seconds_.store(t.unix_seconds); }
  void Advance(int64_t seconds) { seconds_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> seconds_;
};

}  // namespace samspill
