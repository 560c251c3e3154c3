// /admin: users (add; set a password, worker id or team; disable or enable) and the audit trail
// with filters. Only an admin may use these pages. There is no API for users (the CLI manages
// them), so the role check and the audit entries for user changes are here; the audit trail itself
// is read through CaseService::audit, which checks the role as the API does.

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "case/CaseReader.h"
#include "render/Labels.h"
#include "server/Errors.h"
#include "server/Roles.h"
#include "server/Tokens.h"
#include "web/PageRoutes.h"
#include "web/Passwords.h"
#include "web/WebContext.h"

using ehdocs::render::View;

namespace ehdocs::web {

namespace {

const char* const kRoles[] = {"coach", "team_leader", "sf_coordinator", "admin"};
constexpr std::size_t kAuditPage = 100;  // audit entries on one page
const char* const kTeamRule =
    "use 1-100 characters, without control characters or spaces at either end, as the "
    "cases' team is written";
const char* const kWorkerIdRule =
    "use 1-64 letters, digits, or . _ - as the case files write it (a case's lead worker)";

void requireAdmin(WebContext& web, const Page& page) {
    if (page.role() != server::Role::admin) {
        web.record(page, page.user->name, page.user->role, "users", "forbidden",
                   page.request.method + " " + page.request.path);
        throw server::ForbiddenException("only an administrator may manage users");
    }
}

View usersView(WebContext& web) {
    View list = View::list();
    for (const store::User& u : web.store.users()) {
        View item;
        item.set("name", u.name).set("role", render::label(u.role)).set("team", u.team);
        const auto role = server::parseRole(u.role);
        item.set("team_scoped", role && server::teamScoped(*role));
        item.set("worker", u.worker);
        item.set("has_password", !u.passwordHash.empty()).set("disabled", u.disabled);
        list.push(item);
    }
    return list;
}

http::ApiResponse adminPage(WebContext& web, Page& page, View errors = View::list(),
                            const std::string& flash = "", int status = 200) {
    requireAdmin(web, page);
    const http::ApiRequest& r = page.request;
    store::AuditQuery query;
    query.caseId = r.param("case");
    query.user = r.param("user");
    query.from = r.param("from");
    query.to = r.param("to");
    query.limit = kAuditPage;
    // Newest first, what an administrator looks for; older entries a page at a time, before
    // the oldest shown.
    query.newestFirst = true;
    Poco::Int64 before = 0;
    if (Poco::NumberParser::tryParse64(r.param("before"), before) && before > 0)
        query.beforeSeq = before;
    const server::AuditPage audit = web.service.audit(page.caller, query);
    View entries = View::list();
    for (const store::AuditEntry& e : audit.entries) {
        View item;
        item.set("at", e.at).set("user", e.user).set("role", e.role).set("action", e.action);
        item.set("case", e.caseId).set("outcome", e.outcome).set("detail", e.detail);
        item.set("refused", e.outcome != "ok");
        entries.push(item);
    }
    std::map<std::string, std::string> filters{
        {"case", query.caseId}, {"user", query.user}, {"from", query.from}, {"to", query.to}};
    View pager;
    if (audit.more) {
        std::map<std::string, std::string> older = filters;
        older["before"] = std::to_string(audit.entries.back().seq);
        pager.set("older", "/admin" + WebContext::queryString(older) + "#audit");
    }
    if (query.beforeSeq)
        pager.set("newest", "/admin" + WebContext::queryString(filters) + "#audit");
    pager.set("links", audit.more || query.beforeSeq != 0);
    pager.set("text", std::to_string(audit.entries.size()) + " of " + std::to_string(audit.total) +
                          " entries matching, newest first");
    View roles = View::list();
    for (const char* role : kRoles) {
        View o;
        o.set("value", role).set("text", render::label(role));
        roles.push(o);
    }
    View view;
    view.set("users", usersView(web)).set("roles", roles).set("entries", entries);
    view.set("any_entries", !entries.empty()).set("audit_pager", pager);
    view.set("f_case", query.caseId)
        .set("f_user", query.user)
        .set("f_from", query.from)
        .set("f_to", query.to);
    view.set("errors", errors).set("any_errors", !errors.empty()).set("flash", flash);
    return web.page(page, "admin", "Admin", view, "admin", status);
}

View oneError(const std::string& where, const std::string& message) {
    View item;
    item.set("where", where).set("message", message);
    return View::list().push(item);
}

http::ApiResponse addUser(WebContext& web, Page& page) {
    requireAdmin(web, page);
    const std::string name = Poco::trim(page.form.get("name"));
    const std::string role = page.form.get("role"), team = Poco::trim(page.form.get("team"));
    const std::string password = page.form.get("password");
    const std::string worker = Poco::trim(page.form.get("worker"));
    if (!server::validUserName(name)) {
        return adminPage(web, page, oneError("User name", "use 1-64 letters, digits, or . _ - @"),
                         "", 422);
    }
    if (!worker.empty() && !isValidId(worker)) {
        return adminPage(web, page, oneError("Worker id", kWorkerIdRule), "", 422);
    }
    const auto parsed = server::parseRole(role);
    if (!parsed) return adminPage(web, page, oneError("Role", "choose a role"), "", 422);
    if (server::teamScoped(*parsed) && team.empty()) {
        return adminPage(web, page,
                         oneError("Team", "a " + render::label(role) +
                                              " works on one team's cases: give the team"),
                         "", 422);
    }
    if (server::teamScoped(*parsed) && !server::validTeamName(team)) {
        return adminPage(web, page, oneError("Team", kTeamRule), "", 422);
    }
    if (const std::string why = Passwords::weakness(password); !why.empty()) {
        return adminPage(web, page, oneError("Password", why), "", 422);
    }
    // The user gets an API token too (the store needs one); it is never shown, and can be
    // replaced with `ehdocs user token`.
    store::User user{name,
                     role,
                     server::teamScoped(*parsed) ? team : "",
                     server::Tokens::sha256Hex(server::Tokens::generate()),
                     web.nowIso(),
                     Passwords::hash(password)};
    user.worker = worker;
    if (web.store.addUser(user) == store::WriteResult::exists) {
        return adminPage(web, page, oneError("User name", "there is already a user named " + name),
                         "", 422);
    }
    web.record(page, page.user->name, page.user->role, "user_add", "ok", name + " (" + role + ")");
    return WebContext::redirect("/admin?done=added");
}

http::ApiResponse setPassword(WebContext& web, Page& page) {
    requireAdmin(web, page);
    const std::string name = page.param("name"), password = page.form.get("password");
    if (const std::string why = Passwords::weakness(password); !why.empty()) {
        return adminPage(web, page, oneError("New password for " + name, why), "", 422);
    }
    if (web.store.setPassword(name, Passwords::hash(password)) == store::WriteResult::notFound) {
        throw server::NotFoundException("there is no user " + name);
    }
    web.sessions.endAllOf(name);
    web.record(page, page.user->name, page.user->role, "user_password", "ok", name);
    return WebContext::redirect("/admin?done=password");
}

http::ApiResponse setDisabled(WebContext& web, Page& page, bool disabled) {
    requireAdmin(web, page);
    const std::string name = page.param("name");
    if (name == page.user->name && disabled) {
        return adminPage(web, page, oneError(name, "you cannot disable yourself"), "", 422);
    }
    if (web.store.setDisabled(name, disabled) == store::WriteResult::notFound) {
        throw server::NotFoundException("there is no user " + name);
    }
    if (disabled) web.sessions.endAllOf(name);
    web.record(page, page.user->name, page.user->role, disabled ? "user_disable" : "user_enable",
               "ok", name);
    return WebContext::redirect(std::string("/admin?done=") + (disabled ? "disabled" : "enabled"));
}

http::ApiResponse setWorker(WebContext& web, Page& page) {
    requireAdmin(web, page);
    const std::string name = page.param("name");
    const std::string worker = Poco::trim(page.form.get("worker"));
    if (!worker.empty() && !isValidId(worker)) {
        return adminPage(web, page, oneError("Worker id for " + name, kWorkerIdRule), "", 422);
    }
    if (web.store.setWorker(name, worker) == store::WriteResult::notFound) {
        throw server::NotFoundException("there is no user " + name);
    }
    web.record(page, page.user->name, page.user->role, "user_worker", "ok",
               name + (worker.empty() ? ": no worker id" : ": worker " + worker));
    return WebContext::redirect("/admin?done=worker");
}

http::ApiResponse setTeam(WebContext& web, Page& page) {
    requireAdmin(web, page);
    const std::string name = page.param("name");
    const std::string team = Poco::trim(page.form.get("team"));
    const std::optional<store::User> user = web.store.userByName(name);
    if (!user) throw server::NotFoundException("there is no user " + name);
    const auto role = server::parseRole(user->role);
    if (!role || !server::teamScoped(*role)) {
        return adminPage(web, page,
                         oneError("Team for " + name,
                                  "a " + render::label(user->role) + " is not bound to a team"),
                         "", 422);
    }
    if (!server::validTeamName(team)) {
        return adminPage(web, page, oneError("Team for " + name, kTeamRule), "", 422);
    }
    web.store.setTeam(name, team);
    web.record(page, page.user->name, page.user->role, "user_team", "ok",
               name + ": team " + team + " (was " + user->team + ")");
    return WebContext::redirect("/admin?done=team");
}

const char* doneMessage(const std::string& done) {
    if (done == "added") return "The user was added. Give them their user name and password.";
    if (done == "password") return "The password was changed; the user's sessions were ended.";
    if (done == "worker") return "The user's worker id was saved.";
    if (done == "team") return "The user was moved; they work on the new team's cases from now on.";
    if (done == "disabled") return "The user was disabled and signed out.";
    if (done == "enabled") return "The user was enabled again.";
    return "";
}

}  // namespace

void AdminPages::addRoutes(WebContext& web, const AddRoute& add) {
    add("GET", "/admin", [&web](Page& p) {
        return adminPage(web, p, View::list(), doneMessage(p.request.param("done")));
    });
    add("POST", "/admin/users", [&web](Page& p) { return addUser(web, p); });
    add("POST", "/admin/users/{name}/password", [&web](Page& p) { return setPassword(web, p); });
    add("POST", "/admin/users/{name}/worker", [&web](Page& p) { return setWorker(web, p); });
    add("POST", "/admin/users/{name}/team", [&web](Page& p) { return setTeam(web, p); });
    add("POST", "/admin/users/{name}/disable",
        [&web](Page& p) { return setDisabled(web, p, true); });
    add("POST", "/admin/users/{name}/enable",
        [&web](Page& p) { return setDisabled(web, p, false); });
}

}  // namespace ehdocs::web
