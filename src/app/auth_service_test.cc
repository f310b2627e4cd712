#include "app/auth_service.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::app {
namespace {

class AuthServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto().ok());
    store_ = std::move(store::OpenSqliteStore(":memory:")).value();
    auth_ = std::make_unique<AuthService>(
        *store_, clock_,
        AuthOptions{.session_seconds = 3600,
                    .password_hash = PasswordHashOptions::Fastest(),
                    .throttle = {.max_failures = 3, .window_seconds = 900}});
    admin_ = *auth_->CreateUser(std::nullopt,
                                {"admin", "Anne Admin", Role::kAdministrator, "admin-passord-1"});
  }

  FakeClock clock_{*ParseIsoTimestamp("2025-09-19T08:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<AuthService> auth_;
  store::User admin_;
};

TEST_F(AuthServiceTest, LoginGivesSessionThatAuthenticatesUntilExpiry) {
  auto login = auth_->Login("admin", "admin-passord-1");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_NE(login->token, login->principal.session.token_hash);  // only the hash is stored
  EXPECT_EQ(auth_->Authenticate(login->token)->user.id, admin_.id);
  clock_.Advance(3599);
  EXPECT_TRUE(auth_->Authenticate(login->token).ok());
  clock_.Advance(1);
  EXPECT_EQ(auth_->Authenticate(login->token).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(AuthServiceTest, WrongPasswordAndUnknownUserLookAlikeAndAreAudited) {
  auto wrong = auth_->Login("admin", "feil-passord");
  auto unknown = auth_->Login("nobody", "feil-passord");
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
  auto events = *store_->ListAudit({.entity_type = "user"});
  int failed = 0;
  for (const auto& e : events) failed += e.action == "session.login_failed";
  EXPECT_EQ(failed, 2);
}

TEST_F(AuthServiceTest, ThrottlesRepeatedFailures) {
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(auth_->Login("admin", "feil-passord").ok());
  auto blocked = auth_->Login("admin", "admin-passord-1");  // even the right password
  EXPECT_EQ(blocked.status().code(), StatusCode::kResourceExhausted);
  clock_.Advance(901);
  EXPECT_TRUE(auth_->Login("admin", "admin-passord-1").ok());
}

TEST_F(AuthServiceTest, LogoutEndsSession) {
  auto login = *auth_->Login("admin", "admin-passord-1");
  ASSERT_TRUE(auth_->Logout(login.principal).ok());
  EXPECT_FALSE(auth_->Authenticate(login.token).ok());
}

TEST_F(AuthServiceTest, DeactivatedUserCannotLogInAndLosesSessions) {
  auto kari = *auth_->CreateUser(
      std::nullopt, {"kari", "Kari Innkjøper", Role::kProcurementOfficer, "kari-passord-1"});
  auto kari_login = *auth_->Login("kari", "kari-passord-1");
  auto admin_login = *auth_->Login("admin", "admin-passord-1");
  ASSERT_TRUE(auth_->SetUserActive(admin_login.principal, kari.id, false).ok());
  EXPECT_FALSE(auth_->Authenticate(kari_login.token).ok());
  EXPECT_EQ(auth_->Login("kari", "kari-passord-1").status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(auth_->SetUserActive(admin_login.principal, admin_.id, false).code(),
            StatusCode::kConflict);
}

TEST_F(AuthServiceTest, DeactivationEndsEverySessionForGood) {
  auto kari = *auth_->CreateUser(
      std::nullopt, {"kari", "Kari Innkjøper", Role::kProcurementOfficer, "kari-passord-1"});
  auto first = *auth_->Login("kari", "kari-passord-1");
  auto second = *auth_->Login("kari", "kari-passord-1");
  auto admin_login = *auth_->Login("admin", "admin-passord-1");
  ASSERT_TRUE(auth_->SetUserActive(admin_login.principal, kari.id, false).ok());
  // Reactivating does not bring the old sessions back: they ended, not just paused.
  ASSERT_TRUE(auth_->SetUserActive(admin_login.principal, kari.id, true).ok());
  EXPECT_FALSE(auth_->Authenticate(first.token).ok());
  EXPECT_FALSE(auth_->Authenticate(second.token).ok());
  EXPECT_TRUE(auth_->Authenticate(admin_login.token).ok());  // other users keep theirs
  EXPECT_TRUE(auth_->Login("kari", "kari-passord-1").ok());
}

TEST_F(AuthServiceTest, PasswordChangeEndsEveryOtherSessionButTheCurrentOne) {
  auto here = *auth_->Login("admin", "admin-passord-1");
  auto elsewhere = *auth_->Login("admin", "admin-passord-1");
  auto other = *auth_->CreateUser(std::nullopt,
                                  {"kari", "Kari Innkjøper", Role::kEvaluator, "kari-passord-1"});
  auto kari = *auth_->Login("kari", "kari-passord-1");
  ASSERT_TRUE(auth_->ChangeOwnPassword(here.principal, "admin-passord-1", "nytt-passord-2").ok());
  EXPECT_TRUE(auth_->Authenticate(here.token).ok());
  EXPECT_EQ(auth_->Authenticate(elsewhere.token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(auth_->Authenticate(kari.token).ok());
  auto events = *store_->ListAudit({.entity_type = "user", .entity_id = std::to_string(admin_.id)});
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().action, "session.end_others");
  EXPECT_EQ(other.role, Role::kEvaluator);
  // A refused change ends nothing.
  auto again = *auth_->Login("admin", "nytt-passord-2");
  EXPECT_FALSE(auth_->ChangeOwnPassword(here.principal, "feil", "tredje-passord-3").ok());
  EXPECT_TRUE(auth_->Authenticate(again.token).ok());
}

TEST_F(AuthServiceTest, CreateUserValidatesAndAudits) {
  EXPECT_EQ(auth_->CreateUser(std::nullopt, {"Kari", "K", Role::kEvaluator, "langt-passord"})
                .status()
                .field(),
            "username");
  EXPECT_EQ(auth_->CreateUser(std::nullopt, {"kari", "", Role::kEvaluator, "langt-passord"})
                .status()
                .field(),
            "display_name");
  EXPECT_EQ(
      auth_->CreateUser(std::nullopt, {"kari", "K", Role::kEvaluator, "kort"}).status().field(),
      "password");
  EXPECT_EQ(auth_->CreateUser(std::nullopt, {"admin", "A", Role::kEvaluator, "langt-passord"})
                .status()
                .code(),
            StatusCode::kConflict);
  auto events = *store_->ListAudit({.entity_type = "user"});
  ASSERT_EQ(events.size(), 1u);  // only the admin's creation in SetUp
  EXPECT_EQ(events[0].action, "user.create");
  EXPECT_NE(events[0].after_json.find("\"role\":\"administrator\""), std::string::npos);
  EXPECT_EQ(events[0].after_json.find("passord"), std::string::npos);  // never the password
}

TEST_F(AuthServiceTest, SupplierUsersBelongToExactlyOneSupplier) {
  store::AuditEvent e{
      .at = clock_.Now(), .action = "organisation.create", .entity_type = "organisation"};
  auto buyer = *store_->CreateOrganisation(
      {"942110464", "Trondheim kommune", store::OrganisationKind::kBuyer}, e);
  auto supplier = *store_->CreateOrganisation(
      {"923456783", "Omsorg AS", store::OrganisationKind::kSupplier}, e);
  auto no_org = auth_->CreateUser(std::nullopt, {"lev", "Lev", Role::kSupplier, "langt-passord"});
  EXPECT_EQ(no_org.status().field(), "organisation_id");
  auto buyer_org =
      auth_->CreateUser(std::nullopt, {"lev", "Lev", Role::kSupplier, "langt-passord", buyer.id});
  EXPECT_EQ(buyer_org.status().field(), "organisation_id");
  auto officer_in_supplier = auth_->CreateUser(
      std::nullopt, {"inn", "Inn", Role::kProcurementOfficer, "langt-passord", supplier.id});
  EXPECT_EQ(officer_in_supplier.status().field(), "organisation_id");
  auto ok = auth_->CreateUser(std::nullopt,
                              {"lev", "Lev", Role::kSupplier, "langt-passord", supplier.id});
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->organisation_id, supplier.id);
}

TEST_F(AuthServiceTest, ChangeOwnPasswordNeedsTheCurrentOne) {
  auto login = *auth_->Login("admin", "admin-passord-1");
  EXPECT_EQ(auth_->ChangeOwnPassword(login.principal, "feil", "nytt-passord-2").field(),
            "current_password");
  EXPECT_EQ(auth_->ChangeOwnPassword(login.principal, "admin-passord-1", "kort").field(),
            "new_password");
  ASSERT_TRUE(auth_->ChangeOwnPassword(login.principal, "admin-passord-1", "nytt-passord-2").ok());
  EXPECT_FALSE(auth_->Login("admin", "admin-passord-1").ok());
  EXPECT_TRUE(auth_->Login("admin", "nytt-passord-2").ok());
}

}  // namespace
}  // namespace samspill::app
