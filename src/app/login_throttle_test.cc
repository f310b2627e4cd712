#include "app/login_throttle.h"

#include <gtest/gtest.h>

namespace samspill::app {
namespace {

TEST(LoginThrottle, LocksAfterMaxFailuresUntilWindowPasses) {
  LoginThrottle throttle({.max_failures = 3, .window_seconds = 600});
  Timestamp t{1'000'000};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.RetryAfter("kari", t), 0);
    throttle.RecordFailure("kari", Timestamp{t.unix_seconds + i});
  }
  EXPECT_EQ(throttle.RetryAfter("kari", Timestamp{t.unix_seconds + 10}), 590);
  EXPECT_EQ(throttle.RetryAfter("ola", t), 0);  // per user
  EXPECT_EQ(throttle.RetryAfter("kari", Timestamp{t.unix_seconds + 600}), 0);
}

TEST(LoginThrottle, SuccessClearsFailures) {
  LoginThrottle throttle({.max_failures = 2, .window_seconds = 600});
  throttle.RecordFailure("kari", Timestamp{0});
  throttle.RecordSuccess("kari");
  throttle.RecordFailure("kari", Timestamp{1});
  EXPECT_EQ(throttle.RetryAfter("kari", Timestamp{2}), 0);
}

}  // namespace
}  // namespace samspill::app
