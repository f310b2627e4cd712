#include "app/password_hasher.h"

#include <sodium.h>

#include <vector>

namespace samspill::app {

PasswordHashOptions PasswordHashOptions::Fastest() {
  return PasswordHashOptions{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Status InitCrypto() {
  if (sodium_init() < 0) return Internal("libsodium could not be initialised");
  return Status::Ok();
}

Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() < 10) {
    return InvalidArgument("the password must have at least 10 characters", "password");
  }
  if (password.size() > 1024) {
    return InvalidArgument("the password must have at most 1024 characters", "password");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, const PasswordHashOptions& options) {
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops =
      options.ops_limit ? options.ops_limit : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = options.mem_limit ? options.mem_limit : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), ops, mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("password hashing ran out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  std::string hash(encoded_hash);  // needs a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomHexToken(size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

std::string HashToken(std::string_view token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 64);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace samspill::app
