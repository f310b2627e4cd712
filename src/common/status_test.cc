#include "common/status.h"

#include <gtest/gtest.h>

namespace samspill {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("x must be even", "x");
  return x / 2;
}

Result<int> Quarter(int x) {
  SAMSPILL_ASSIGN_OR_RETURN(int half, Half(x));
  return Half(half);
}

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(Status, ToStringNamesCodeMessageAndField) {
  Status s = InvalidArgument("price must be positive", "bids[0].price");
  EXPECT_EQ(s.ToString(), "invalid_argument: price must be positive (field bids[0].price)");
}

TEST(Result, PropagatesFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);  // 6 → 3 → odd
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "x");
}

}  // namespace
}  // namespace samspill
