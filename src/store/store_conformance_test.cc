#include "store/store_conformance_test.h"

#include <atomic>
#include <thread>

#include "common/time.h"

namespace samspill::store {
namespace {

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }

AuditEvent Event(const char* action, const char* entity_type, std::string entity_id = {}) {
  AuditEvent e;
  e.at = T("2025-09-19T10:00:00Z");
  e.actor = "admin";
  e.action = action;
  e.entity_type = entity_type;
  e.entity_id = std::move(entity_id);
  return e;
}

NewUser Kari() {
  return NewUser{"kari", "Kari Nordmann", Role::kProcurementOfficer, "$argon2id$fake"};
}

// Kari (procurement officer) with sessions k-1, k-2 and k-3, and Ola (evaluator) with o-1.
std::pair<User, User> KariWithThreeSessionsAndOlaWithOne(Store& store) {
  User kari = *store.CreateUser(Kari(), Event("user.create", "user"));
  User ola = *store.CreateUser(NewUser{"ola", "Ola", Role::kEvaluator, "$argon2id$fake"},
                               Event("user.create", "user"));
  const Timestamp from = T("2025-09-19T10:00:00Z");
  const Timestamp to = T("2025-09-19T18:00:00Z");
  for (const char* hash : {"k-1", "k-2", "k-3"}) {
    EXPECT_TRUE(
        store.CreateSession({hash, kari.id, "c", from, to}, Event("session.login", "user")).ok());
  }
  EXPECT_TRUE(
      store.CreateSession({"o-1", ola.id, "c", from, to}, Event("session.login", "user")).ok());
  return {kari, ola};
}

TEST_P(StoreConformanceTest, StartsEmptyAndMigrated) {
  EXPECT_GE(store().SchemaVersion(), 1);
  EXPECT_EQ(*store().CountUsers(), 0);
  EXPECT_TRUE(store().ListAudit({})->empty());
}

TEST_P(StoreConformanceTest, CreatesUserAndItsAuditEventTogether) {
  Result<User> user = store().CreateUser(Kari(), Event("user.create", "user"));
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_GT(user->id, 0);
  EXPECT_EQ(user->username, "kari");
  EXPECT_EQ(user->role, Role::kProcurementOfficer);
  EXPECT_TRUE(user->active);
  EXPECT_EQ(user->created_at, T("2025-09-19T10:00:00Z"));

  auto events = *store().ListAudit({});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].action, "user.create");
  EXPECT_EQ(events[0].entity_id, std::to_string(user->id));  // filled in by the store
  EXPECT_EQ(events[0].actor, "admin");

  EXPECT_EQ(store().FindUserByUsername("kari")->id, user->id);
  EXPECT_EQ(store().FindUserById(user->id)->display_name, "Kari Nordmann");
}

TEST_P(StoreConformanceTest, EveryRoleIsStoredAndReadBack) {
  for (Role role : kAllRoles) {
    const std::string name = "user_" + std::string(RoleName(role));
    Result<User> user = store().CreateUser(NewUser{name, "N N", role, "$argon2id$fake"},
                                           Event("user.create", "user"));
    ASSERT_TRUE(user.ok()) << RoleName(role) << ": " << user.status().ToString();
    EXPECT_EQ(store().FindUserByUsername(name)->role, role);
  }
}

TEST_P(StoreConformanceTest, DuplicateUsernameIsConflictAndWritesNothing) {
  ASSERT_TRUE(store().CreateUser(Kari(), Event("user.create", "user")).ok());
  Result<User> again = store().CreateUser(Kari(), Event("user.create", "user"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(*store().CountUsers(), 1);
  EXPECT_EQ(store().ListAudit({})->size(), 1u);  // the failed attempt left no event
}

TEST_P(StoreConformanceTest, FailedAuditRollsBackTheChange) {
  // An audit event without an action is refused, and so is the change it describes.
  AuditEvent bad = Event("", "user");
  Result<User> user = store().CreateUser(Kari(), bad);
  EXPECT_FALSE(user.ok());
  EXPECT_EQ(*store().CountUsers(), 0);
}

TEST_P(StoreConformanceTest, UnknownUserIsNotFound) {
  EXPECT_EQ(store().FindUserById(42).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store().FindUserByUsername("nobody").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store().SetUserActive(42, false, Event("user.deactivate", "user", "42")).code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(store().ListAudit({})->empty());
}

TEST_P(StoreConformanceTest, SessionsLiveUntilDeletedExpiredOrUserDeactivated) {
  User user = *store().CreateUser(Kari(), Event("user.create", "user"));
  Session s{"hash-1", user.id, "csrf-1", T("2025-09-19T10:00:00Z"), T("2025-09-19T18:00:00Z")};
  ASSERT_TRUE(store().CreateSession(s, Event("session.login", "user")).ok());
  Session found = *store().FindSession("hash-1");
  EXPECT_EQ(found.user_id, user.id);
  EXPECT_EQ(found.csrf_token, "csrf-1");
  EXPECT_EQ(found.expires_at, s.expires_at);

  EXPECT_EQ(*store().DeleteExpiredSessions(T("2025-09-19T17:59:59Z")), 0);
  EXPECT_EQ(*store().DeleteExpiredSessions(T("2025-09-19T18:00:00Z")), 1);
  EXPECT_EQ(store().FindSession("hash-1").status().code(), StatusCode::kNotFound);

  ASSERT_TRUE(store()
                  .CreateSession({"hash-2", user.id, "c", s.created_at, s.expires_at},
                                 Event("session.login", "user"))
                  .ok());
  ASSERT_TRUE(store().SetUserActive(user.id, false, Event("user.deactivate", "user", "1")).ok());
  EXPECT_FALSE(store().FindUserById(user.id)->active);
  EXPECT_EQ(store().FindSession("hash-2").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, FindSessionAndUserReadsBothAsTheSeparateReadsDo) {
  User kari = *store().CreateUser(Kari(), Event("user.create", "user"));
  User ola = *store().CreateUser(NewUser{"ola", "Ola Nordmann", Role::kEvaluator, "$argon2id$o"},
                                 Event("user.create", "user"));
  const Timestamp from = T("2025-09-19T10:00:00Z");
  const Timestamp to = T("2025-09-19T18:00:00Z");
  ASSERT_TRUE(
      store()
          .CreateSession({"k-1", kari.id, "csrf-k", from, to}, Event("session.login", "user"))
          .ok());
  ASSERT_TRUE(
      store()
          .CreateSession({"o-1", ola.id, "csrf-o", from, to}, Event("session.login", "user"))
          .ok());

  for (const auto& [hash, user] : {std::pair{"k-1", kari}, std::pair{"o-1", ola}}) {
    Result<SessionAndUser> both = store().FindSessionAndUser(hash);
    ASSERT_TRUE(both.ok()) << both.status().ToString();
    Session session = *store().FindSession(hash);
    User by_id = *store().FindUserById(user.id);
    EXPECT_EQ(both->session.token_hash, session.token_hash);
    EXPECT_EQ(both->session.user_id, session.user_id);
    EXPECT_EQ(both->session.csrf_token, session.csrf_token);
    EXPECT_EQ(both->session.created_at, session.created_at);
    EXPECT_EQ(both->session.expires_at, session.expires_at);
    EXPECT_EQ(both->user.id, by_id.id);
    EXPECT_EQ(both->user.username, by_id.username);
    EXPECT_EQ(both->user.display_name, by_id.display_name);
    EXPECT_EQ(both->user.role, by_id.role);
    EXPECT_EQ(both->user.password_hash, by_id.password_hash);
    EXPECT_EQ(both->user.active, by_id.active);
    EXPECT_EQ(both->user.created_at, by_id.created_at);
    EXPECT_EQ(both->user.organisation_id, by_id.organisation_id);
  }
  EXPECT_EQ(store().FindSessionAndUser("k-1")->user.username, "kari");
  EXPECT_EQ(store().FindSessionAndUser("o-1")->session.csrf_token, "csrf-o");
  EXPECT_EQ(store().FindSessionAndUser("nope").status().code(), StatusCode::kNotFound);

  ASSERT_TRUE(store().DeleteSession("k-1", Event("session.logout", "user")).ok());
  EXPECT_EQ(store().FindSessionAndUser("k-1").status().code(), StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, DeleteSessionsOfUserKeepsOnlyTheNamedOneAndOtherUsers) {
  const auto [kari, ola] = KariWithThreeSessionsAndOlaWithOne(store());

  Result<int64_t> ended =
      store().DeleteSessionsOfUser(kari.id, "k-2", Event("session.end_others", "user", "1"));
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  EXPECT_EQ(*ended, 2);
  EXPECT_EQ(store().FindSession("k-1").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store().FindSession("k-2").ok());
  EXPECT_EQ(store().FindSession("k-3").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store().FindSession("o-1").ok());
  EXPECT_EQ(store().ListAudit({})->back().action, "session.end_others");

  // Without an exception every session of the user ends.
  EXPECT_EQ(*store().DeleteSessionsOfUser(kari.id, "", Event("session.end_all", "user", "1")), 1);
  EXPECT_EQ(store().FindSession("k-2").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store().FindSession("o-1").ok());
  EXPECT_EQ(*store().DeleteSessionsOfUser(999, "", Event("session.end_all", "user", "999")), 0);
}

TEST_P(StoreConformanceTest, SessionForUnknownUserIsRefused) {
  Session s{"hash-x", 999, "c", T("2025-09-19T10:00:00Z"), T("2025-09-19T18:00:00Z")};
  EXPECT_FALSE(store().CreateSession(s, Event("session.login", "user")).ok());
  EXPECT_TRUE(store().ListAudit({})->empty());
}

TEST_P(StoreConformanceTest, DeleteSessionIsAudited) {
  User user = *store().CreateUser(Kari(), Event("user.create", "user"));
  Session s{"h", user.id, "c", T("2025-09-19T10:00:00Z"), T("2025-09-19T18:00:00Z")};
  ASSERT_TRUE(store().CreateSession(s, Event("session.login", "user")).ok());
  ASSERT_TRUE(store().DeleteSession("h", Event("session.logout", "user")).ok());
  EXPECT_EQ(store().DeleteSession("h", Event("session.logout", "user")).code(),
            StatusCode::kNotFound);
  auto events = *store().ListAudit({});
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[2].action, "session.logout");
}

TEST_P(StoreConformanceTest, PasswordChangeIsStoredAndAudited) {
  User user = *store().CreateUser(Kari(), Event("user.create", "user"));
  ASSERT_TRUE(
      store().SetUserPassword(user.id, "$argon2id$new", Event("user.password", "user")).ok());
  EXPECT_EQ(store().FindUserById(user.id)->password_hash, "$argon2id$new");
  EXPECT_EQ(store().ListAudit({})->back().action, "user.password");
}

TEST_P(StoreConformanceTest, OwnPasswordChangeEndsTheOtherSessionsInTheSameTransaction) {
  const auto [kari, ola] = KariWithThreeSessionsAndOlaWithOne(store());
  const size_t events_before = store().ListAudit({})->size();

  ASSERT_TRUE(store()
                  .ChangeUserPassword(kari.id, "$argon2id$new", "k-2",
                                      Event("user.password_change", "user", "1"),
                                      Event("session.end_others", "user", "1"))
                  .ok());
  EXPECT_EQ(store().FindUserById(kari.id)->password_hash, "$argon2id$new");
  EXPECT_EQ(store().FindSession("k-1").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store().FindSession("k-2").ok());
  EXPECT_EQ(store().FindSession("k-3").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store().FindSession("o-1").ok());
  std::vector<AuditEvent> events = *store().ListAudit({});
  ASSERT_EQ(events.size(), events_before + 2);
  EXPECT_EQ(events[events.size() - 2].action, "user.password_change");
  EXPECT_EQ(events.back().action, "session.end_others");

  // An unknown user: nothing is written, no session ends.
  EXPECT_EQ(store()
                .ChangeUserPassword(999, "$argon2id$x", "", Event("user.password_change", "user"),
                                    Event("session.end_others", "user"))
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store().ListAudit({})->size(), events_before + 2);
  EXPECT_TRUE(store().FindSession("o-1").ok());
}

TEST_P(StoreConformanceTest, AuditTrailPagesAndFiltersInOrder) {
  for (int i = 0; i < 5; ++i) {
    AuditEvent e = Event("test.event", i % 2 ? "odd" : "even", std::to_string(i));
    e.before_json = R"({"n":)" + std::to_string(i) + "}";
    ASSERT_TRUE(store().AppendAudit(e).ok());
  }
  auto all = *store().ListAudit({});
  ASSERT_EQ(all.size(), 5u);
  for (size_t i = 1; i < all.size(); ++i) EXPECT_GT(all[i].id, all[i - 1].id);
  EXPECT_EQ(all[3].before_json, R"({"n":3})");

  AuditQuery page{.after_id = all[1].id, .limit = 2};
  auto second = *store().ListAudit(page);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].id, all[2].id);

  auto odd = *store().ListAudit({.entity_type = "odd"});
  EXPECT_EQ(odd.size(), 2u);
  auto one = *store().ListAudit({.entity_type = "even", .entity_id = "4"});
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].entity_id, "4");

  EXPECT_EQ(store().ListAudit({.limit = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store().ListAudit({.limit = kMaxAuditPage + 1}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(StoreConformanceTest, OrganisationsAndTheirUsers) {
  Result<Organisation> trondheim =
      store().CreateOrganisation({"942110464", "Trondheim kommune", OrganisationKind::kBuyer,
                                  "Postboks 2300 Torgarden, 7004 Trondheim"},
                                 Event("organisation.create", "organisation"));
  ASSERT_TRUE(trondheim.ok()) << trondheim.status().ToString();
  EXPECT_EQ(trondheim->kind, OrganisationKind::kBuyer);
  EXPECT_EQ(trondheim->address, "Postboks 2300 Torgarden, 7004 Trondheim");
  EXPECT_EQ(store().FindOrganisationById(trondheim->id)->address,
            "Postboks 2300 Torgarden, 7004 Trondheim");
  Organisation supplier =
      *store().CreateOrganisation({"923456783", "Omsorg AS", OrganisationKind::kSupplier},
                                  Event("organisation.create", "organisation"));
  EXPECT_EQ(store().ListAudit({.entity_type = "organisation"})->back().entity_id,
            std::to_string(supplier.id));

  auto duplicate = store().CreateOrganisation({"942110464", "Trondheim", OrganisationKind::kBuyer},
                                              Event("organisation.create", "organisation"));
  EXPECT_EQ(duplicate.status().code(), StatusCode::kConflict);

  auto list = *store().ListOrganisations();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "Omsorg AS");  // by name
  EXPECT_EQ(store().FindOrganisationById(supplier.id)->org_number, "923456783");
  EXPECT_EQ(store().FindOrganisationById(supplier.id)->address, "");  // optional
  EXPECT_EQ(store().FindOrganisationById(999).status().code(), StatusCode::kNotFound);

  NewUser lars{"lars", "Lars Leverandør", Role::kSupplier, "h", supplier.id};
  User user = *store().CreateUser(lars, Event("user.create", "user"));
  EXPECT_EQ(user.organisation_id, supplier.id);
  EXPECT_EQ(store().FindUserByUsername("lars")->organisation_id, supplier.id);
  EXPECT_FALSE(store().FindUserById(user.id).value().organisation_id == std::nullopt);

  NewUser orphan{"orphan", "O", Role::kSupplier, "h", 4242};
  auto refused = store().CreateUser(orphan, Event("user.create", "user"));
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_NE(refused.status().message().find("organisation"), std::string::npos);
}

// A buyer, a supplier with one user, and a tender in draft: the fixture of the tender tests.
struct TenderFixture {
  Organisation buyer;
  Organisation supplier;
  User supplier_user;
  StoredTender tender;
};

TenderFixture MakeTenderFixture(Store& store) {
  TenderFixture f;
  f.buyer = *store.CreateOrganisation({"942110464", "Trondheim kommune", OrganisationKind::kBuyer},
                                      Event("organisation.create", "organisation"));
  f.supplier = *store.CreateOrganisation({"923456783", "Renhold AS", OrganisationKind::kSupplier},
                                         Event("organisation.create", "organisation"));
  f.supplier_user = *store.CreateUser(NewUser{"lev", "Lev", Role::kSupplier, "h", f.supplier.id},
                                      Event("user.create", "user"));
  StoredTender t;
  t.buyer_organisation_id = f.buyer.id;
  t.title = "Renhold";
  t.state = 1;
  t.document_json = R"({"title":"Renhold"})";
  f.tender = *store.CreateTender(t, Event("tender.create", "tender"));
  return f;
}

NewBid BidFor(const TenderFixture& f, std::string content, const char* at) {
  return NewBid{f.tender.id, "", f.supplier.id, f.supplier_user.id, T(at), std::move(content)};
}

TEST_P(StoreConformanceTest, CreatesAndFindsTenders) {
  TenderFixture f = MakeTenderFixture(store());
  EXPECT_GT(f.tender.id, 0);
  EXPECT_EQ(f.tender.version, 1);
  EXPECT_EQ(f.tender.outcome_json, "{}");
  EXPECT_EQ(f.tender.bid_deadline, std::nullopt);
  StoredTender found = *store().FindTender(f.tender.id);
  EXPECT_EQ(found.document_json, R"({"title":"Renhold"})");
  EXPECT_EQ(found.buyer_organisation_id, f.buyer.id);
  EXPECT_EQ(store().FindTender(999).status().code(), StatusCode::kNotFound);
  auto events = *store().ListAudit({.entity_type = "tender"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].entity_id, std::to_string(f.tender.id));

  StoredTender orphan = f.tender;
  orphan.buyer_organisation_id = 4242;
  EXPECT_EQ(store().CreateTender(orphan, Event("tender.create", "tender")).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(store().ListTenders()->size(), 1u);
}

TEST_P(StoreConformanceTest, TenderSummariesAreTheListWithoutTheDocuments) {
  TenderFixture f = MakeTenderFixture(store());
  TenderUpdate u{f.tender.id,
                 1,
                 "Renhold 2026",
                 2,
                 T("2025-10-01T12:00:00Z"),
                 R"({"title":"Renhold 2026"})",
                 R"({"awarded":true})"};
  ASSERT_TRUE(store().UpdateTender(u, Event("tender.publish", "tender")).ok());
  StoredTender second = f.tender;
  second.title = "Vask";
  second.bid_deadline.reset();
  ASSERT_TRUE(store().CreateTender(second, Event("tender.create", "tender")).ok());

  std::vector<StoredTender> full = *store().ListTenders();
  std::vector<StoredTender> summaries = *store().ListTenderSummaries();
  ASSERT_EQ(full.size(), 2u);
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].title, "Vask");  // newest first, as ListTenders
  for (size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(summaries[i].id, full[i].id);
    EXPECT_EQ(summaries[i].buyer_organisation_id, full[i].buyer_organisation_id);
    EXPECT_EQ(summaries[i].title, full[i].title);
    EXPECT_EQ(summaries[i].state, full[i].state);
    EXPECT_EQ(summaries[i].bid_deadline, full[i].bid_deadline);
    EXPECT_EQ(summaries[i].version, full[i].version);
    EXPECT_EQ(summaries[i].created_at, full[i].created_at);
    EXPECT_EQ(summaries[i].updated_at, full[i].updated_at);
    EXPECT_FALSE(full[i].document_json.empty());
    EXPECT_EQ(summaries[i].document_json, "");
    EXPECT_EQ(summaries[i].outcome_json, "");
  }
  EXPECT_EQ(summaries[1].bid_deadline, T("2025-10-01T12:00:00Z"));
}

TEST_P(StoreConformanceTest, TenderUpdateChecksTheVersion) {
  TenderFixture f = MakeTenderFixture(store());
  TenderUpdate u{f.tender.id, 1, "Renhold 2026", 2, T("2025-10-01T12:00:00Z"), "{}", "{}"};
  StoredTender updated = *store().UpdateTender(u, Event("tender.publish", "tender"));
  EXPECT_EQ(updated.version, 2);
  EXPECT_EQ(updated.state, 2);
  EXPECT_EQ(updated.title, "Renhold 2026");
  EXPECT_EQ(updated.bid_deadline, T("2025-10-01T12:00:00Z"));

  // A second writer still holding version 1 is refused, and nothing is written.
  TenderUpdate stale{f.tender.id, 1, "Stale", 11, std::nullopt, "{}", "{}"};
  auto refused = store().UpdateTender(stale, Event("tender.cancel", "tender"));
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_NE(refused.status().message().find("someone else"), std::string::npos);
  EXPECT_EQ(store().FindTender(f.tender.id)->title, "Renhold 2026");
  EXPECT_EQ(store().ListAudit({.entity_type = "tender"})->size(), 2u);
  stale.id = 999;
  EXPECT_EQ(store().UpdateTender(stale, Event("tender.cancel", "tender")).status().code(),
            StatusCode::kNotFound);
}

TEST_P(StoreConformanceTest, ReplacingABidKeepsOneBidWithANewVersion) {
  TenderFixture f = MakeTenderFixture(store());
  StoredBid first = *store().SubmitBid(BidFor(f, R"({"price":100})", "2025-09-20T10:00:00Z"),
                                       Event("bid.submit", "tender", std::to_string(f.tender.id)));
  EXPECT_EQ(first.version, 1);
  StoredBid second =
      *store().SubmitBid(BidFor(f, R"({"price":90})", "2025-09-21T10:00:00Z"),
                         Event("bid.replace", "tender", std::to_string(f.tender.id)));
  EXPECT_EQ(second.id, first.id);
  EXPECT_EQ(second.version, 2);
  EXPECT_EQ(second.received_at, T("2025-09-21T10:00:00Z"));
  EXPECT_EQ(store().FindBidWithContent(first.id)->content_json, R"({"price":90})");

  // Receipts carry no content at all; the content is only read on purpose.
  auto receipts = *store().ListBidReceipts(f.tender.id);
  ASSERT_EQ(receipts.size(), 1u);
  EXPECT_EQ(receipts[0].content_json, "");
  EXPECT_EQ(receipts[0].version, 2);
  EXPECT_EQ(store().ListBidsWithContent(f.tender.id)->at(0).content_json, R"({"price":90})");

  NewBid orphan = BidFor(f, "{}", "2025-09-21T10:00:00Z");
  orphan.tender_id = 999;
  EXPECT_EQ(store().SubmitBid(orphan, Event("bid.submit", "tender")).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(store().ListAudit({.entity_type = "tender"})->size(), 3u);
}

TEST_P(StoreConformanceTest, StoresBidEvaluation) {
  TenderFixture f = MakeTenderFixture(store());
  StoredBid bid =
      *store().SubmitBid(BidFor(f, "{}", "2025-09-20T10:00:00Z"), Event("bid.submit", "tender"));
  ASSERT_TRUE(
      store()
          .SetBidEvaluation(bid.id, 2, "Mangler skatteattest", "[]", Event("bid.reject", "tender"))
          .ok());
  StoredBid stored = *store().FindBidWithContent(bid.id);
  EXPECT_EQ(stored.status, 2);
  EXPECT_EQ(stored.rejection_reason, "Mangler skatteattest");
  EXPECT_EQ(store().SetBidEvaluation(bid.id, 7, "", "[]", Event("bid.reject", "tender")).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store().SetBidEvaluation(999, 1, "", "[]", Event("bid.score", "tender")).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store().FindBidWithContent(bid.id)->status, 2);
}

TEST_P(StoreConformanceTest, AQuestionIsAnsweredOnce) {
  TenderFixture f = MakeTenderFixture(store());
  NewQuestion nq{f.tender.id,
                 "",
                 f.supplier.id,
                 f.supplier_user.id,
                 "Gjelder kravet helg?",
                 T("2025-09-20T10:00:00Z")};
  StoredQuestion q = *store().CreateQuestion(nq, Event("question.ask", "tender"));
  EXPECT_EQ(q.answer, std::nullopt);
  ASSERT_TRUE(store()
                  .AnswerQuestion(q.id, "Ja, alle dager.", f.supplier_user.id,
                                  T("2025-09-21T10:00:00Z"), Event("question.answer", "tender"))
                  .ok());
  auto again = store().AnswerQuestion(q.id, "Nei.", f.supplier_user.id, T("2025-09-22T10:00:00Z"),
                                      Event("question.answer", "tender"));
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  EXPECT_EQ(store()
                .AnswerQuestion(999, "x", f.supplier_user.id, T("2025-09-22T10:00:00Z"),
                                Event("question.answer", "tender"))
                .code(),
            StatusCode::kNotFound);
  auto questions = *store().ListQuestions(f.tender.id);
  ASSERT_EQ(questions.size(), 1u);
  EXPECT_EQ(questions[0].answer, "Ja, alle dager.");
  EXPECT_EQ(questions[0].answered_at, T("2025-09-21T10:00:00Z"));
  nq.question = "";
  EXPECT_EQ(store().CreateQuestion(nq, Event("question.ask", "tender")).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(store().ListQuestions(f.tender.id)->size(), 1u);
}

TEST_P(StoreConformanceTest, ConcurrentWritersAllLand) {
  constexpr int kThreads = 4, kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < kPerThread; ++i) {
        NewUser u{"u" + std::to_string(t) + "_" + std::to_string(i), "User", Role::kEvaluator, "h"};
        EXPECT_TRUE(store().CreateUser(u, Event("user.create", "user")).ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(*store().CountUsers(), kThreads * kPerThread);
  EXPECT_EQ(store().ListAudit({.limit = 1000})->size(), size_t{kThreads * kPerThread});
  // Every writer appended to the one chain: no fork, no gap.
  Result<AuditChainReport> chain = store().VerifyAuditChain();
  ASSERT_TRUE(chain.ok()) << chain.status().ToString();
  EXPECT_TRUE(chain->intact()) << chain->first_break->message;
  EXPECT_EQ(chain->events_checked, kThreads * kPerThread);
}

TEST_P(StoreConformanceTest, EmptyAuditChainIsIntact) {
  Result<AuditChainReport> chain = store().VerifyAuditChain();
  ASSERT_TRUE(chain.ok()) << chain.status().ToString();
  EXPECT_TRUE(chain->intact());
  EXPECT_EQ(chain->events_checked, 0);
  EXPECT_EQ(chain->head_id, 0);
  EXPECT_EQ(chain->head_hash.size(), 64u);
}

// Events from every kind of write (and a rolled-back one) form one unbroken chain whose head is
// the newest event; the head hash changes with every append.
TEST_P(StoreConformanceTest, EveryWriteExtendsTheAuditChain) {
  auto user = store().CreateUser(Kari(), Event("user.create", "user"));
  ASSERT_TRUE(user.ok());
  ASSERT_TRUE(store().AppendAudit(Event("session.login_failed", "user", "kari")).ok());
  EXPECT_FALSE(store().CreateUser(Kari(), Event("user.create", "user")).ok());  // rolled back
  const std::string before = store().VerifyAuditChain()->head_hash;
  ASSERT_TRUE(store().SetUserActive(user->id, false, Event("user.deactivate", "user")).ok());
  Result<AuditChainReport> chain = store().VerifyAuditChain();
  ASSERT_TRUE(chain.ok()) << chain.status().ToString();
  EXPECT_TRUE(chain->intact()) << chain->first_break->message;
  EXPECT_EQ(chain->events_checked, 3);
  EXPECT_EQ(chain->head_id, store().ListAudit({})->back().id);
  EXPECT_NE(chain->head_hash, before);
}

StoredMarketProcess MarketProcess(const std::string& key, const std::string& cpv,
                                  std::optional<int64_t> bidders) {
  StoredMarketProcess p;
  p.process_key = key;
  p.source = "data.json:1";
  p.buyer = "942110464";
  p.region = "NO060";
  p.published = "2024-01-01";
  p.document_json = "{\"id\": \"" + key + "\"}";
  p.lots.push_back({"LOT-1", cpv, bidders, 2});
  p.lots.push_back({"LOT-2", "45000000", std::nullopt, 0});
  return p;
}

TEST_P(StoreConformanceTest, ImportsMarketProcessesAndListsThemByCpvPrefix) {
  Result<int64_t> n = store().ImportMarketProcesses(
      {MarketProcess("ocds:A", "85311000", 1), MarketProcess("ocds:B", "72000000", 4)},
      Event("market.import", "market_import"));
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  auto health = *store().ListMarketProcesses("853");
  ASSERT_EQ(health.size(), 1u);
  EXPECT_EQ(health[0].process_key, "ocds:A");
  EXPECT_EQ(health[0].document_json, "{\"id\": \"ocds:A\"}");
  ASSERT_EQ(health[0].lots.size(), 2u);
  EXPECT_EQ(health[0].lots[0].bidders, 1);
  EXPECT_EQ(health[0].lots[0].bidder_source, 2);
  EXPECT_FALSE(health[0].lots[1].bidders.has_value());
  EXPECT_EQ(store().ListMarketProcesses("45")->size(), 2u);  // both have a works lot
  EXPECT_EQ(store().ListMarketProcesses("")->size(), 2u);
  EXPECT_TRUE(store().ListMarketProcesses("8%")->empty());  // not a pattern
  EXPECT_EQ(store().ListAudit({})->back().action, "market.import");
}

TEST_P(StoreConformanceTest, ReimportReplacesAProcessAndItsLots) {
  ASSERT_TRUE(store()
                  .ImportMarketProcesses({MarketProcess("ocds:A", "85311000", 1)},
                                         Event("market.import", "market_import"))
                  .ok());
  StoredMarketProcess again = MarketProcess("ocds:A", "85311000", 3);
  again.lots.pop_back();
  ASSERT_TRUE(store().ImportMarketProcesses({again}, Event("market.import", "market_import")).ok());
  auto all = *store().ListMarketProcesses("");
  ASSERT_EQ(all.size(), 1u);
  ASSERT_EQ(all[0].lots.size(), 1u);
  EXPECT_EQ(all[0].lots[0].bidders, 3);
}

TEST_P(StoreConformanceTest, FailedMarketImportWritesNothing) {
  // The second process breaks a constraint (negative bidders): the first is not kept either.
  Result<int64_t> n = store().ImportMarketProcesses(
      {MarketProcess("ocds:A", "85311000", 1), MarketProcess("ocds:B", "85311000", -1)},
      Event("market.import", "market_import"));
  EXPECT_FALSE(n.ok());
  EXPECT_TRUE(store().ListMarketProcesses("")->empty());
  EXPECT_TRUE(store().ListAudit({})->empty());
}

// ---- the partnership portfolio ----

TEST_P(StoreConformanceTest, StoresThePartnershipRoles) {
  for (Role role : {Role::kPolitician, Role::kPartnershipCoordinator, Role::kProjectLeader,
                    Role::kSteeringGroup}) {
    NewUser u{"u" + std::to_string(static_cast<int>(role)), "User", role, "h"};
    Result<User> created = store().CreateUser(u, Event("user.create", "user"));
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    EXPECT_EQ(store().FindUserById(created->id)->role, role);
  }
}

StoredProject Project(const std::string& name, const std::string& area = "Helse og velferd") {
  StoredProject p;
  p.name = name;
  p.area = area;
  p.kind = 1;
  p.status = 3;
  p.document_json = "{\"name\":\"" + name + "\"}";
  return p;
}

TEST_P(StoreConformanceTest, CreatesProjectsWithTheirFirstRevisionAndAuditEvents) {
  Result<User> leader = store().CreateUser({"pl", "Pål Prosjektleder", Role::kProjectLeader, "h"},
                                           Event("user.create", "user"));
  ASSERT_TRUE(leader.ok());
  StoredProject fif = Project("FIF");
  fif.registered_by_user_id = leader->id;
  AuditEvent audit = Event("portfolio.project.create", "portfolio_project");
  audit.actor_user_id = leader->id;
  audit.actor = "pl";
  auto created =
      store().CreateProjects({fif, Project("HARMONI", "Innovasjon og omstilling")}, audit);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  ASSERT_EQ(created->size(), 2u);
  EXPECT_EQ((*created)[0].version, 1);
  EXPECT_EQ((*created)[0].registered_by_user_id, leader->id);
  EXPECT_EQ(store().ListProjects()->size(), 2u);
  auto revisions = *store().ListProjectRevisions((*created)[0].id);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].actor, "pl");
  EXPECT_EQ(revisions[0].user_id, leader->id);
  EXPECT_EQ(revisions[0].document_json, "{\"name\":\"FIF\"}");
  auto events = *store().ListAudit({.entity_type = "portfolio_project"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].entity_id, std::to_string((*created)[1].id));
}

TEST_P(StoreConformanceTest, AnImportWithOneBadProjectStoresNothing) {
  StoredProject bad = Project("");  // names must not be empty
  auto created = store().CreateProjects({Project("Prano"), bad},
                                        Event("portfolio.project.import", "portfolio_project"));
  ASSERT_FALSE(created.ok());
  EXPECT_TRUE(store().ListProjects()->empty());
  EXPECT_TRUE(store().ListAudit({})->empty());
}

TEST_P(StoreConformanceTest, ProjectUpdatesKeepEveryRevisionAndCheckTheVersion) {
  auto created = *store().CreateProjects({Project("FIF")},
                                         Event("portfolio.project.create", "portfolio_project"));
  const int64_t id = created[0].id;
  ProjectUpdate u{id,
                  1,
                  "FIF (Fasiliterende Interpersonale Ferdigheter)",
                  "Helse og velferd",
                  1,
                  3,
                  std::nullopt,
                  "{\"v\":2}"};
  auto updated =
      store().UpdateProjects({u}, Event("portfolio.project.update", "portfolio_project"));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ((*updated)[0].version, 2);
  auto stale = store().UpdateProjects({u}, Event("portfolio.project.update", "portfolio_project"));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  auto revisions = *store().ListProjectRevisions(id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].document_json, "{\"name\":\"FIF\"}");
  EXPECT_EQ(revisions[1].document_json, "{\"v\":2}");
  EXPECT_EQ(revisions[1].action, "portfolio.project.update");
}

TEST_P(StoreConformanceTest, AMergeChangesBothProjectsOrNeither) {
  auto created = *store().CreateProjects({Project("FIF"), Project("Fasiliterende")},
                                         Event("portfolio.project.create", "portfolio_project"));
  const int64_t keep = created[0].id, dup = created[1].id;
  ProjectUpdate kept{keep, 1, "FIF", "Helse og velferd", 1, 3, std::nullopt, "{\"merged\":1}"};
  ProjectUpdate stale{dup, 7, "Fasiliterende", "Helse og velferd", 1, 6, keep, "{}"};
  EXPECT_FALSE(
      store()
          .UpdateProjects({kept, stale}, Event("portfolio.project.merge", "portfolio_project"))
          .ok());
  EXPECT_EQ(store().FindProject(keep)->version, 1);  // rolled back
  ProjectUpdate gone{dup, 1, "Fasiliterende", "Helse og velferd", 1, 6, keep, "{}"};
  auto merged =
      store().UpdateProjects({kept, gone}, Event("portfolio.project.merge", "portfolio_project"));
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(store().FindProject(dup)->merged_into, keep);
  EXPECT_EQ(store().ListProjectRevisions(dup)->size(), 2u);
  EXPECT_EQ(store().ListProjectRevisions(keep)->size(), 2u);
}

TEST_P(StoreConformanceTest, AssignsAreasToUsers) {
  Result<User> leader =
      store().CreateUser({"pl", "P", Role::kProjectLeader, "h"}, Event("user.create", "user"));
  ASSERT_TRUE(leader.ok());
  ASSERT_TRUE(
      store()
          .SetAreaAssignment(leader->id, "Helse og velferd", Event("portfolio.area.assign", "user"))
          .ok());
  ASSERT_TRUE(store()
                  .SetAreaAssignment(leader->id, "Oppvekst og utdanning",
                                     Event("portfolio.area.assign", "user"))
                  .ok());
  auto areas = *store().ListAreaAssignments();
  ASSERT_EQ(areas.size(), 1u);
  EXPECT_EQ(areas[0].area, "Oppvekst og utdanning");
  EXPECT_EQ(
      store().SetAreaAssignment(9999, "Unikom", Event("portfolio.area.assign", "user")).code(),
      StatusCode::kConflict);
  ASSERT_TRUE(
      store().SetAreaAssignment(leader->id, "", Event("portfolio.area.assign", "user")).ok());
  EXPECT_TRUE(store().ListAreaAssignments()->empty());
}

TEST_P(StoreConformanceTest, SavesIndicatorsByCategoryAndNameAndChecksVersions) {
  StoredIndicator sent{0, "forskningssamarbeid", "Søknader sendt", "{\"v\":1}"};
  auto saved =
      store().SaveIndicators({sent}, Event("portfolio.indicator.import", "portfolio_indicator"));
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  sent.document_json = "{\"v\":2}";
  auto again =
      *store().SaveIndicators({sent}, Event("portfolio.indicator.import", "portfolio_indicator"));
  EXPECT_EQ(again[0].id, (*saved)[0].id);
  EXPECT_EQ(again[0].version, 2);
  EXPECT_EQ(store().ListIndicators()->size(), 1u);
  auto updated = store().UpdateIndicator(
      {again[0].id, 2, "{\"v\":3}"}, Event("portfolio.indicator.figure", "portfolio_indicator"));
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(store().FindIndicator(again[0].id)->document_json, "{\"v\":3}");
  EXPECT_EQ(store()
                .UpdateIndicator({again[0].id, 2, "{}"},
                                 Event("portfolio.indicator.figure", "portfolio_indicator"))
                .status()
                .code(),
            StatusCode::kConflict);
}

TEST_P(StoreConformanceTest, KeepsDecisionCasesWithTheirAuditAndChecksVersions) {
  StoredDecisionCase c;
  c.title = "Drift av bofellesskap";
  c.service_area = "Bo- og aktivitetstilbud";
  c.document_json = "{\"v\":1}";
  auto created = store().CreateDecisionCase(c, Event("decision.case.create", "decision_case"));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->version, 1);
  EXPECT_FALSE(created->decided);
  auto updated = store().UpdateDecisionCase(
      {created->id, 1, "Drift av bofellesskap i BoA", c.service_area, true, "{\"v\":2}"},
      Event("decision.case.decide", "decision_case"));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->version, 2);
  EXPECT_TRUE(updated->decided);
  EXPECT_EQ(store().FindDecisionCase(created->id)->document_json, "{\"v\":2}");
  EXPECT_EQ(store()
                .UpdateDecisionCase({created->id, 1, "x", "y", false, "{}"},
                                    Event("decision.case.update", "decision_case"))
                .status()
                .code(),
            StatusCode::kConflict);
  EXPECT_EQ(store().FindDecisionCase(created->id)->title, "Drift av bofellesskap i BoA");
  EXPECT_EQ(store().FindDecisionCase(999).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store().ListDecisionCases()->size(), 1u);
  auto audit = store().ListAudit({.entity_type = "decision_case"});
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].entity_id, std::to_string(created->id));
}

// A user the strategy's rows can name as their author (the columns refer to users).
User Strategist(Store& store) {
  Result<User> user = store.CreateUser({"sara", "Sara Strateg", Role::kProcurementOfficer, "h"},
                                       Event("user.create", "user"));
  EXPECT_TRUE(user.ok()) << user.status().ToString();
  return user.ok() ? *user : User{};
}

TEST_P(StoreConformanceTest, KeepsStrategyDocumentsByKindAndKeyWithTheirAudit) {
  const User sara = Strategist(store());
  EXPECT_FALSE(store().FindStrategyDocument(kStrategyRegisterKind, "")->has_value());
  EXPECT_TRUE(store().ListStrategyDocuments(kStrategyPrioritiesKind)->empty());

  // 2027 first: the list is ordered by key, not by when a year was written.
  auto y2027 = store().PutStrategyDocument(kStrategyPrioritiesKind, "2027", "{\"y\":2027}", 0,
                                           sara.id, T("2026-01-10T09:00:00Z"),
                                           Event("strategy.priorities.save", "strategy"));
  ASSERT_TRUE(y2027.ok()) << y2027.status().ToString();
  EXPECT_EQ(y2027->kind, "priorities");
  EXPECT_EQ(y2027->key, "2027");
  EXPECT_EQ(y2027->version, 1);
  EXPECT_EQ(y2027->updated_by_user_id, sara.id);
  EXPECT_EQ(y2027->updated_at, T("2026-01-10T09:00:00Z"));
  ASSERT_TRUE(store()
                  .PutStrategyDocument(kStrategyPrioritiesKind, "2026", "{\"y\":2026}", 0,
                                       std::nullopt, T("2026-01-11T09:00:00Z"),
                                       Event("strategy.priorities.save", "strategy"))
                  .ok());
  ASSERT_TRUE(store()
                  .PutStrategyDocument(kStrategyRegisterKind, "", "{\"areas\":[]}", 0, sara.id,
                                       T("2026-01-12T09:00:00Z"),
                                       Event("strategy.register.save", "strategy"))
                  .ok());

  auto priorities = *store().ListStrategyDocuments(kStrategyPrioritiesKind);
  ASSERT_EQ(priorities.size(), 2u);
  EXPECT_EQ(priorities[0].key, "2026");
  EXPECT_EQ(priorities[0].document_json, "{\"y\":2026}");
  EXPECT_FALSE(priorities[0].updated_by_user_id.has_value());
  EXPECT_EQ(priorities[1].key, "2027");
  EXPECT_EQ(store().ListStrategyDocuments(kStrategyRegisterKind)->size(), 1u);
  EXPECT_TRUE(store().ListStrategyDocuments(kStrategyPlanKind)->empty());

  // An update from the version read replaces the document and counts up: 1 + 1 = 2.
  auto updated = store().PutStrategyDocument(kStrategyRegisterKind, "", "{\"areas\":[1]}", 1,
                                             std::nullopt, T("2026-02-01T08:00:00Z"),
                                             Event("strategy.register.save", "strategy"));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->version, 2);
  auto found = *store().FindStrategyDocument(kStrategyRegisterKind, "");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->document_json, "{\"areas\":[1]}");
  EXPECT_EQ(found->version, 2);
  EXPECT_FALSE(found->updated_by_user_id.has_value());  // the latest writer, not the first
  EXPECT_EQ(found->updated_at, T("2026-02-01T08:00:00Z"));
  EXPECT_FALSE(store().FindStrategyDocument(kStrategyPrioritiesKind, "2028")->has_value());

  // Four writes, four events, each naming its document (documents have no numeric id).
  auto events = *store().ListAudit({.entity_type = "strategy"});
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].entity_id, "priorities/2027");
  EXPECT_EQ(events[1].entity_id, "priorities/2026");
  EXPECT_EQ(events[2].entity_id, "register");
  EXPECT_EQ(events[3].entity_id, "register");
  EXPECT_EQ(events[3].action, "strategy.register.save");
}

TEST_P(StoreConformanceTest, RefusedStrategyDocumentWritesChangeNothingAndAuditNothing) {
  const User sara = Strategist(store());
  ASSERT_TRUE(store()
                  .PutStrategyDocument(kStrategyPlanKind, "", "{\"v\":1}", 0, sara.id,
                                       T("2026-03-01T09:00:00Z"),
                                       Event("strategy.plan.save", "strategy"))
                  .ok());
  ASSERT_TRUE(store()
                  .PutStrategyDocument(kStrategyPlanKind, "", "{\"v\":2}", 1, sara.id,
                                       T("2026-03-02T09:00:00Z"),
                                       Event("strategy.plan.save", "strategy"))
                  .ok());
  const size_t events_before = store().ListAudit({})->size();  // the user and two saves: 3

  auto twice = store().PutStrategyDocument(kStrategyPlanKind, "", "{\"v\":\"again\"}", 0, sara.id,
                                           T("2026-03-03T09:00:00Z"),
                                           Event("strategy.plan.save", "strategy"));
  EXPECT_EQ(twice.status().code(), StatusCode::kConflict);
  EXPECT_NE(twice.status().message().find("already exists"), std::string::npos)
      << twice.status().message();

  // Read at version 1, but someone else has saved version 2 since.
  auto stale = store().PutStrategyDocument(kStrategyPlanKind, "", "{\"v\":\"stale\"}", 1, sara.id,
                                           T("2026-03-03T09:00:00Z"),
                                           Event("strategy.plan.save", "strategy"));
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_NE(stale.status().message().find("changed by someone else"), std::string::npos)
      << stale.status().message();

  auto missing = store().PutStrategyDocument(kStrategyPrioritiesKind, "2026", "{}", 3, sara.id,
                                             T("2026-03-03T09:00:00Z"),
                                             Event("strategy.priorities.save", "strategy"));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  auto unknown_user = store().PutStrategyDocument(kStrategyPrioritiesKind, "2026", "{}", 0, 9999,
                                                  T("2026-03-03T09:00:00Z"),
                                                  Event("strategy.priorities.save", "strategy"));
  EXPECT_EQ(unknown_user.status().code(), StatusCode::kConflict);

  auto bad_kind =
      store().PutStrategyDocument("budget", "", "{}", 0, sara.id, T("2026-03-03T09:00:00Z"),
                                  Event("strategy.budget.save", "strategy"));
  EXPECT_EQ(bad_kind.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store().FindStrategyDocument("budget", "").status().code(),
            StatusCode::kInvalidArgument);

  // An audit event without an action is refused, and so is the save it describes.
  EXPECT_FALSE(store()
                   .PutStrategyDocument(kStrategyPlanKind, "", "{\"v\":3}", 2, sara.id,
                                        T("2026-03-03T09:00:00Z"), Event("", "strategy"))
                   .ok());

  auto plan = *store().FindStrategyDocument(kStrategyPlanKind, "");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->document_json, "{\"v\":2}");
  EXPECT_EQ(plan->version, 2);
  EXPECT_EQ(plan->updated_at, T("2026-03-02T09:00:00Z"));
  EXPECT_TRUE(store().ListStrategyDocuments(kStrategyPrioritiesKind)->empty());
  EXPECT_EQ(store().ListAudit({})->size(), events_before);
}

// Version `number`, published on the 15th of month `number` of 2026 (month 1 for a number
// outside 1–9, which only the refused appends use).
StoredPlanVersion PlanVersion(int64_t number, std::optional<int64_t> by = std::nullopt) {
  StoredPlanVersion v;
  v.number = number;
  const int64_t month = number >= 1 && number <= 9 ? number : 1;
  v.published_at = *ParseIsoTimestamp("2026-0" + std::to_string(month) + "-15T12:00:00Z");
  v.published_by_user_id = by;
  v.document_json = "{\"version\":" + std::to_string(number) + "}";
  return v;
}

TEST_P(StoreConformanceTest, PlanVersionsAreAppendedInOrderWithoutGapsOrRepeats) {
  const User sara = Strategist(store());
  EXPECT_FALSE(store().LatestPlanVersion()->has_value());
  EXPECT_TRUE(store().ListPlanVersions()->empty());

  // Before the first publication the next number is 1: neither 2 nor 0 will do.
  EXPECT_EQ(store()
                .AppendPlanVersion(PlanVersion(2), Event("strategy.plan.publish", "plan"))
                .status()
                .code(),
            StatusCode::kConflict);
  EXPECT_EQ(store()
                .AppendPlanVersion(PlanVersion(0), Event("strategy.plan.publish", "plan"))
                .status()
                .code(),
            StatusCode::kConflict);
  auto first =
      store().AppendPlanVersion(PlanVersion(1, sara.id), Event("strategy.plan.publish", "plan"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->number, 1);
  EXPECT_EQ(first->published_by_user_id, sara.id);
  EXPECT_EQ(first->published_at, T("2026-01-15T12:00:00Z"));
  EXPECT_EQ(first->document_json, "{\"version\":1}");

  // A repeat of 1 and a gap to 3 are both refused; 2 is next.
  EXPECT_EQ(store()
                .AppendPlanVersion(PlanVersion(1), Event("strategy.plan.publish", "plan"))
                .status()
                .code(),
            StatusCode::kConflict);
  EXPECT_EQ(store()
                .AppendPlanVersion(PlanVersion(3), Event("strategy.plan.publish", "plan"))
                .status()
                .code(),
            StatusCode::kConflict);
  ASSERT_TRUE(
      store().AppendPlanVersion(PlanVersion(2), Event("strategy.plan.publish", "plan")).ok());
  // A failed audit event takes the publication with it: 3 stays the next number.
  EXPECT_FALSE(store().AppendPlanVersion(PlanVersion(3), Event("", "plan")).ok());

  auto versions = *store().ListPlanVersions();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].number, 1);
  EXPECT_EQ(versions[0].document_json, "{\"version\":1}");
  EXPECT_EQ(versions[1].number, 2);
  EXPECT_FALSE(versions[1].published_by_user_id.has_value());
  EXPECT_EQ(versions[1].published_at, T("2026-02-15T12:00:00Z"));
  auto latest = *store().LatestPlanVersion();
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->number, 2);
  EXPECT_EQ(latest->document_json, "{\"version\":2}");

  // Only the two publications were audited, each naming its number.
  auto events = *store().ListAudit({.entity_type = "plan"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].entity_id, "1");
  EXPECT_EQ(events[1].entity_id, "2");
}

// Two publishers who both read version N and publish N + 1 at the same moment: one of them
// gets it, the other is told to reload, and the chain of versions and of audit events is whole.
TEST_P(StoreConformanceTest, OfTwoPublishersAtOnceExactlyOneGetsTheNextVersion) {
  constexpr int kRounds = 20;
  for (int n = 1; n <= kRounds; ++n) {
    std::atomic<int> ready{0};
    Result<StoredPlanVersion> results[2] = {Internal("not run"), Internal("not run")};
    std::vector<std::thread> publishers;
    for (int t = 0; t < 2; ++t) {
      publishers.emplace_back([this, n, t, &ready, &results] {
        StoredPlanVersion v = PlanVersion(1);
        v.number = n;
        v.document_json = "{\"publisher\":" + std::to_string(t) + "}";
        // Both threads wait for each other, so their appends meet as closely as they can.
        ready.fetch_add(1);
        while (ready.load() < 2) std::this_thread::yield();
        results[t] = store().AppendPlanVersion(v, Event("strategy.plan.publish", "plan"));
      });
    }
    for (auto& th : publishers) th.join();
    ASSERT_NE(results[0].ok(), results[1].ok()) << "round " << n;
    const Result<StoredPlanVersion>& lost = results[0].ok() ? results[1] : results[0];
    EXPECT_EQ(lost.status().code(), StatusCode::kConflict) << lost.status().ToString();
  }
  auto versions = *store().ListPlanVersions();
  ASSERT_EQ(versions.size(), size_t{kRounds});
  for (int i = 0; i < kRounds; ++i) EXPECT_EQ(versions[i].number, i + 1);
  EXPECT_EQ(store().ListAudit({.entity_type = "plan"})->size(), size_t{kRounds});
  Result<AuditChainReport> chain = store().VerifyAuditChain();
  ASSERT_TRUE(chain.ok()) << chain.status().ToString();
  EXPECT_TRUE(chain->intact()) << chain->first_break->message;
}

}  // namespace
}  // namespace samspill::store
