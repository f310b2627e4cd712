// Password hashing with Argon2id (libsodium's crypto_pwhash, encoded-string form).
//
// The cost is an option so tests can use the minimum; production uses libsodium's
// "interactive" limits (64 MiB, 2 passes). Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace samspill::app {

struct PasswordHashOptions {
  unsigned long long ops_limit = 0;      // 0: libsodium's interactive default
  size_t mem_limit = 0;                  // 0: libsodium's interactive default
  static PasswordHashOptions Fastest();  // minimum limits, for tests only
};

// Must be called once before any other function here (idempotent, thread-safe).
Status InitCrypto();

// Minimum 10 characters, at most 1024 bytes; names the problem otherwise.
Status CheckPasswordPolicy(std::string_view password);

Result<std::string> HashPassword(std::string_view password, const PasswordHashOptions& options);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// `bytes` random bytes from the OS CSPRNG, hex-encoded.
std::string RandomHexToken(size_t bytes = 32);
// Hex BLAKE2b-256 of `text`: how session tokens are stored.
std::string HashToken(std::string_view token);
// Constant-time comparison of two strings of possibly different length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace samspill::app
