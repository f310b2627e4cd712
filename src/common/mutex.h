// A mutex the compiler can check: Clang's thread-safety analysis (-Wthread-safety) proves that
// every member marked SAMSPILL_GUARDED_BY(mu_) is touched only with mu_ held, and that helpers
// marked SAMSPILL_REQUIRES(mu_) are only called with it held. GCC ignores the annotations;
// the test command runs the analysis with clang (test `thread_safety_analysis`).
//
//   class Counter {
//    public:
//     void Add() { MutexLock lock(mu_); ++n_; }
//    private:
//     Mutex mu_;
//     int n_ SAMSPILL_GUARDED_BY(mu_) = 0;
//   };
//
// Waiting: std::condition_variable_any waits on a Mutex directly (`cv.wait(mu_)` inside a
// MutexLock's scope), releasing and re-acquiring it as std::mutex would.
#pragma once

#include <mutex>

#if defined(__clang__)
#define SAMSPILL_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define SAMSPILL_THREAD_ANNOTATION(x)
#endif

#define SAMSPILL_CAPABILITY(name) SAMSPILL_THREAD_ANNOTATION(capability(name))
#define SAMSPILL_SCOPED_CAPABILITY SAMSPILL_THREAD_ANNOTATION(scoped_lockable)
#define SAMSPILL_GUARDED_BY(mu) SAMSPILL_THREAD_ANNOTATION(guarded_by(mu))
#define SAMSPILL_PT_GUARDED_BY(mu) SAMSPILL_THREAD_ANNOTATION(pt_guarded_by(mu))
#define SAMSPILL_REQUIRES(...) SAMSPILL_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define SAMSPILL_EXCLUDES(...) SAMSPILL_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define SAMSPILL_ACQUIRE(...) SAMSPILL_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define SAMSPILL_RELEASE(...) SAMSPILL_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define SAMSPILL_NO_THREAD_SAFETY_ANALYSIS SAMSPILL_THREAD_ANNOTATION(no_thread_safety_analysis)

namespace samspill {

class SAMSPILL_CAPABILITY("mutex") Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void lock() SAMSPILL_ACQUIRE() { mu_.lock(); }
  void unlock() SAMSPILL_RELEASE() { mu_.unlock(); }

 private:
  std::mutex mu_;
};

// Holds `mu` for its scope.
class SAMSPILL_SCOPED_CAPABILITY MutexLock {
 public:
  explicit MutexLock(Mutex& mu) SAMSPILL_ACQUIRE(mu) : mu_(mu) { mu_.lock(); }
  ~MutexLock() SAMSPILL_RELEASE() { mu_.unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex& mu_;
};

}  // namespace samspill
