// Interning for the indicators' hot loop: a string (an organisation id, a CPV prefix) gets a
// dense id 0, 1, 2, ... on first sight, so per-organisation figures live in plain vectors
// instead of node-based hash maps keyed by heap-allocated strings.
//
// Open addressing with linear probing over a power-of-two slot array; each slot holds the
// id and 32 bits of the hash, so most misses never touch the string bytes. The bytes are
// copied once into an arena of fixed chunks that never move: a view returned by Get() stays
// valid as long as the table (or the table it was merged into with AdoptArena) lives.
//
// The hash is seeded once per process from std::random_device, so crafted input cannot
// force every id into one probe chain. Output never depends on ids or hash order.
// Not thread-safe; one table per worker.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace samspill::market::cardinal {

class StringArena {
 public:
  // A stable copy of `s`.
  std::string_view Store(std::string_view s);
  // Takes over the chunks of `other` (whose views stay valid, now owned here).
  void Adopt(StringArena&& other);
  size_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kChunk = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t bytes_ = 0;
};

class StringTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  StringTable();

  // The id of `s`, adding it if it is new.
  uint32_t Intern(std::string_view s);
  // The id of `s`, or kNone.
  uint32_t Find(std::string_view s) const;
  std::string_view Get(uint32_t id) const { return strings_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(strings_.size()); }

 private:
  static uint64_t Hash(std::string_view s);
  void Grow();

  std::vector<uint64_t> slots_;  // 0 = empty, else (hash high 32 bits) << 32 | (id + 1)
  uint64_t mask_ = 0;
  std::vector<std::string_view> strings_;
  std::vector<uint64_t> hashes_;  // per id, so growing never hashes the bytes again
  StringArena arena_;
};

// A set of 64-bit keys (an organisation id and a code id packed together) with the same
// probing; Insert says whether the key was new. Key UINT64_MAX is reserved.
class U64Set {
 public:
  U64Set();
  bool Insert(uint64_t key);
  size_t size() const { return size_; }
  template <typename F>
  void ForEach(F&& f) const {
    for (uint64_t k : slots_) {
      if (k != kEmpty) f(k);
    }
  }

 private:
  static constexpr uint64_t kEmpty = UINT64_MAX;
  void Grow();
  std::vector<uint64_t> slots_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace samspill::market::cardinal
