#include "market/cardinal/string_table.h"

#include <cstring>
#include <random>

namespace samspill::market::cardinal {
namespace {

uint64_t Seed() {
  static const uint64_t seed = [] {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device() ^ 0x9E3779B97F4A7C15ull;
  }();
  return seed;
}

// 64x64 -> 128 multiply, folded: the mixing step of wyhash-style hashes.
inline uint64_t Mum(uint64_t a, uint64_t b) {
  const unsigned __int128 m = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
}

inline uint64_t Load(const char* p, size_t n) {
  uint64_t w = 0;
  std::memcpy(&w, p, n);
  return w;
}

// Slot probing uses the low bits of the mixed value; the tag stored beside the id is the
// high 32 bits, so the two are independent.
inline uint64_t MixInt(uint64_t k) { return Mum(k ^ Seed(), 0x9FB21C651E98DF25ull); }

}  // namespace

std::string_view StringArena::Store(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > left_) {
    const size_t size = std::max(kChunk, s.size());
    chunks_.push_back(std::make_unique<char[]>(size));
    next_ = chunks_.back().get();
    left_ = size;
  }
  std::memcpy(next_, s.data(), s.size());
  std::string_view stored(next_, s.size());
  next_ += s.size();
  left_ -= s.size();
  bytes_ += s.size();
  return stored;
}

void StringArena::Adopt(StringArena&& other) {
  for (auto& chunk : other.chunks_) chunks_.push_back(std::move(chunk));
  bytes_ += other.bytes_;
  other.chunks_.clear();
  other.next_ = nullptr;
  other.left_ = 0;
  other.bytes_ = 0;
  // Keep filling our own current chunk; the adopted ones are only kept alive.
}

StringTable::StringTable() : slots_(64, 0), mask_(63) {}

uint64_t StringTable::Hash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = Seed() ^ (n * 0xA0761D6478BD642Full);
  while (n > 16) {
    h = Mum(Load(p, 8) ^ 0xE7037ED1A0B428DBull, Load(p + 8, 8) ^ h);
    p += 16;
    n -= 16;
  }
  uint64_t a = 0, b = 0;
  if (n > 8) {
    a = Load(p, 8);
    b = Load(p + 8, n - 8);
  } else if (n > 0) {
    a = Load(p, n);
  }
  return Mum(a ^ 0xE7037ED1A0B428DBull ^ h, b ^ 0x8EBC6AF09C88C6E3ull ^ (h >> 7));
}

uint32_t StringTable::Find(std::string_view s) const {
  const uint64_t h = Hash(s);
  const uint64_t tag = h >> 32;
  for (uint64_t i = h & mask_;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return kNone;
    if ((slot >> 32) == tag) {
      const auto id = static_cast<uint32_t>(slot) - 1;
      if (strings_[id] == s) return id;
    }
  }
}

uint32_t StringTable::Intern(std::string_view s) {
  const uint64_t h = Hash(s);
  const uint64_t tag = h >> 32;
  uint64_t i = h & mask_;
  for (;; i = (i + 1) & mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) break;
    if ((slot >> 32) == tag) {
      const auto id = static_cast<uint32_t>(slot) - 1;
      if (strings_[id] == s) return id;
    }
  }
  const auto id = static_cast<uint32_t>(strings_.size());
  strings_.push_back(arena_.Store(s));
  hashes_.push_back(h);
  slots_[i] = (tag << 32) | (static_cast<uint64_t>(id) + 1);
  // Load factor at most 1/2: probe chains stay short.
  if (strings_.size() * 2 > slots_.size()) Grow();
  return id;
}

void StringTable::Grow() {
  std::vector<uint64_t> slots(slots_.size() * 2, 0);
  const uint64_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < strings_.size(); ++id) {
    const uint64_t h = hashes_[id];
    uint64_t i = h & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = ((h >> 32) << 32) | (static_cast<uint64_t>(id) + 1);
  }
  slots_ = std::move(slots);
  mask_ = mask;
}

U64Set::U64Set() : slots_(64, kEmpty), mask_(63) {}

bool U64Set::Insert(uint64_t key) {
  for (uint64_t i = MixInt(key) & mask_;; i = (i + 1) & mask_) {
    if (slots_[i] == key) return false;
    if (slots_[i] == kEmpty) {
      slots_[i] = key;
      ++size_;
      if (size_ * 2 > slots_.size()) Grow();
      return true;
    }
  }
}

void U64Set::Grow() {
  std::vector<uint64_t> slots(slots_.size() * 2, kEmpty);
  const uint64_t mask = slots.size() - 1;
  for (uint64_t k : slots_) {
    if (k == kEmpty) continue;
    uint64_t i = MixInt(k) & mask;
    while (slots[i] != kEmpty) i = (i + 1) & mask;
    slots[i] = k;
  }
  slots_ = std::move(slots);
  mask_ = mask;
}

}  // namespace samspill::market::cardinal
