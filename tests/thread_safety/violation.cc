// Deliberately wrong: count_ is written without holding mu_. The analysis must say so.
#include "common/mutex.h"

namespace samspill {

class Counter {
 public:
  void Add() { ++count_; }

 private:
  Mutex mu_;
  int count_ SAMSPILL_GUARDED_BY(mu_) = 0;
};

void Use() {
  Counter c;
  c.Add();
}

}  // namespace samspill
