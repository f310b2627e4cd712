// The Store conformance suite: one set of tests every backend must pass unchanged.
//
// A backend's test file instantiates it with a factory that returns a fresh, empty,
// migrated store:
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest,
//                            testing::Values(StoreFactory{"sqlite", &MakeSqlite}));
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "store/store.h"

namespace samspill::store {

struct StoreFactory {
  std::string name;
  std::function<std::unique_ptr<Store>()> make;
};

inline std::ostream& operator<<(std::ostream& os, const StoreFactory& f) { return os << f.name; }

class StoreConformanceTest : public testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    store_ = GetParam().make();
    ASSERT_NE(store_, nullptr);
  }
  Store& store() { return *store_; }

 private:
  std::unique_ptr<Store> store_;
};

}  // namespace samspill::store
