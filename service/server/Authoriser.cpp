#include "server/Authoriser.h"

#include "server/Errors.h"

namespace ehdocs::server {

Caller Caller::of(std::optional<store::User> user, std::string requestId, bool presentedToken) {
    Caller caller;
    if (user) caller.role = parseRole(user->role);
    caller.user = std::move(user);
    caller.requestId = std::move(requestId);
    caller.presentedToken = presentedToken;
    return caller;
}

const store::User& Authoriser::require(const Caller& caller, Action action) {
    if (!caller.user) {
        throw UnauthorizedException(caller.presentedToken
                                        ? "the API token is not valid"
                                        : "an API token is required: send the header "
                                          "Authorization: Bearer TOKEN");
    }
    if (!caller.role || !permits(*caller.role, action)) {
        throw ForbiddenException("the role " + caller.user->role + " may not " +
                                 actionName(action) + " (docs/api.md, Roles)");
    }
    return *caller.user;
}

void Authoriser::requireTeam(const Caller& caller, Action action, const std::string& team) {
    const std::optional<std::string> scope = teamScope(caller);
    if (scope && *scope != team) {
        // Names only the caller's own team: another team's name is not theirs to learn.
        throw ForbiddenException(caller.user->name + " may " + actionName(action) +
                                 " only cases of team \"" + *scope +
                                 "\", and this case is not one of them");
    }
}

std::optional<std::string> Authoriser::teamScope(const Caller& caller) {
    if (!caller.user || !caller.role || !teamScoped(*caller.role)) return std::nullopt;
    return caller.user->team;
}

}  // namespace ehdocs::server
