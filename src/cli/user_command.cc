// `samspill user add|list`: manage users from a terminal — how the first administrator of
// a new installation is created. The password is read from standard input, never argv.
#include <cstdio>
#include <iostream>

#include "app/auth_service.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::cli {
namespace {

struct UserFlags {
  std::string db = "samspill.db";
  std::string username;
  std::string display_name;
  std::string role;
  int64_t organisation_id = 0;  // 0: none
};

Status AddUser(const UserFlags& flags) {
  auto role = RoleFromName(flags.role);
  if (!role) return InvalidArgument("unknown role '" + flags.role + "'", "role");
  std::string password;
  if (!std::getline(std::cin, password)) {
    return InvalidArgument("give the password on standard input (one line)", "password");
  }
  SAMSPILL_RETURN_IF_ERROR(app::InitCrypto());
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::OpenSqliteStore(flags.db));
  SystemClock clock;
  app::AuthService auth(*store, clock);
  SAMSPILL_ASSIGN_OR_RETURN(
      store::User user,
      auth.CreateUser(
          std::nullopt,
          {flags.username, flags.display_name, *role, password,
           flags.organisation_id ? std::optional<int64_t>(flags.organisation_id) : std::nullopt}));
  std::printf("created user %lld %s (%s)\n", static_cast<long long>(user.id), user.username.c_str(),
              std::string(RoleName(user.role)).c_str());
  return Status::Ok();
}

Status ListUsers(const UserFlags& flags) {
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::OpenSqliteStore(flags.db));
  SAMSPILL_ASSIGN_OR_RETURN(auto users, store->ListUsers());
  for (const auto& u : users) {
    std::printf("%lld\t%s\t%s\t%s\t%s\n", static_cast<long long>(u.id), u.username.c_str(),
                std::string(RoleName(u.role)).c_str(), u.active ? "active" : "inactive",
                u.display_name.c_str());
  }
  return Status::Ok();
}

}  // namespace

void AddUserCommand(CLI::App& app, CommandAction* action) {
  auto flags = std::make_shared<UserFlags>();
  auto* cmd = app.add_subcommand("user", "Manage users");
  cmd->require_subcommand(1);
  auto* add = cmd->add_subcommand("add", "Create a user; the password is read from stdin");
  add->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  add->add_option("--username", flags->username, "Login name (a–z, 0–9, . - _)")->required();
  add->add_option("--name", flags->display_name, "Full name")->required();
  std::string roles;
  for (Role r : kAllRoles) roles += (roles.empty() ? "" : ", ") + std::string(RoleName(r));
  add->add_option("--role", flags->role, "One of: " + roles)->required();
  add->add_option("--organisation-id", flags->organisation_id,
                  "The supplier a supplier user acts for (see GET /api/organisations)");
  add->callback([action, flags] { *action = [flags] { return AddUser(*flags); }; });

  auto* list = cmd->add_subcommand("list", "List users");
  list->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  list->callback([action, flags] { *action = [flags] { return ListUsers(*flags); }; });
}

}  // namespace samspill::cli
