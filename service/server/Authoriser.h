#pragma once

// Who is asking, and whether they may. The roles and what each may do are in server/Roles.h
// (docs/api.md, "Roles"); these checks are the only place the service applies them.

#include <optional>
#include <string>

#include "server/Roles.h"
#include "store/Store.h"

namespace ehdocs::server {

// Who is asking: the user named by the request's token (nothing when there was no valid
// token), their role parsed once (nothing without a user, or for a role this version does not
// know, which may then do nothing), and the request's id, which the audit trail records.
struct Caller {
    std::optional<store::User> user;
    std::optional<Role> role;
    std::string requestId;
    bool presentedToken = false;  // a token was sent (whether or not it named a user)

    // The caller for `user` (with its role parsed), or an anonymous one when there is none.
    static Caller of(std::optional<store::User> user, std::string requestId, bool presentedToken);

    bool is(Role r) const { return role == r; }
};

// The checks every service call makes before it does anything. Stateless.
class Authoriser {
public:
    // The caller's user, when their role permits `action`. UnauthorizedException (401) without
    // a user; ForbiddenException (403) when the role does not permit it.
    static const store::User& require(const Caller& caller, Action action);

    // ForbiddenException when the caller's role acts only on its own team's cases and `team`
    // (a case's service.team) is another team.
    static void requireTeam(const Caller& caller, Action action, const std::string& team);

    // The team the caller is limited to, or nothing when they see every team's cases.
    static std::optional<std::string> teamScope(const Caller& caller);
};

}  // namespace ehdocs::server
