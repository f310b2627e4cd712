#include "app/password_hasher.h"

#include <gtest/gtest.h>

namespace samspill::app {
namespace {

TEST(PasswordHasher, HashesWithArgon2idAndVerifies) {
  ASSERT_TRUE(InitCrypto().ok());
  auto hash = HashPassword("korrekt hest batteri", PasswordHashOptions::Fastest());
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "korrekt hest batteri"));
  EXPECT_FALSE(VerifyPassword(*hash, "korrekt hest batteri!"));
  EXPECT_FALSE(VerifyPassword("not a hash", "x"));
  // Salted: the same password never gives the same string twice.
  EXPECT_NE(*hash, *HashPassword("korrekt hest batteri", PasswordHashOptions::Fastest()));
}

TEST(PasswordHasher, PolicyNamesTheProblem) {
  EXPECT_EQ(CheckPasswordPolicy("kort").field(), "password");
  EXPECT_TRUE(CheckPasswordPolicy("tilstrekkelig-lang").ok());
  EXPECT_FALSE(CheckPasswordPolicy(std::string(1025, 'x')).ok());
}

TEST(PasswordHasher, TokensAreRandomHexAndHashedStably) {
  ASSERT_TRUE(InitCrypto().ok());
  std::string a = RandomHexToken(), b = RandomHexToken();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(HashToken(a), HashToken(a));
  EXPECT_NE(HashToken(a), HashToken(b));
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
  EXPECT_FALSE(ConstantTimeEquals(a, a.substr(1)));
}

}  // namespace
}  // namespace samspill::app
