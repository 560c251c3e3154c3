#pragma once

// What every page handler of the web app shares (internal to service/web): its dependencies,
// the request being answered (Page), and the ways a page answers (a page in the layout, a
// redirect, a download).

#include <map>
#include <optional>
#include <string>

#include "http/ApiExchange.h"
#include "http/Router.h"
#include "render/View.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/Roles.h"
#include "server/Settings.h"
#include "store/Store.h"
#include "web/Form.h"
#include "web/PageTemplates.h"
#include "web/Sessions.h"

namespace ehdocs::web {

// One request as a page handler sees it.
struct Page {
    const http::ApiRequest& request;
    http::PathParams params;
    Form form;                        // POST bodies
    std::optional<Session> session;   // set when signed in
    std::optional<store::User> user;  // the session's user
    server::Caller caller;            // for CaseService: the user and the request id

    std::string param(const std::string& name) const;  // a path parameter, or ""
    std::optional<server::Role> role() const;
    bool may(server::Action action) const;  // the role permits it (before the team check)
};

class WebContext {
public:
    WebContext(server::CaseService& service, store::Store& store, server::AuditLog& audit,
               const server::Settings& settings, const rules::ProfileRegistry& profiles,
               Clock clock);

    server::CaseService& service;
    store::Store& store;
    server::AuditLog& audit;
    const rules::ProfileRegistry& profiles;  // the service's, as /readiness uses
    const server::WebSettings settings;
    const bool loopbackPlainHttp;
    Clock clock;
    Sessions sessions;
    PageTemplates templates;

    // `name` (web/pages/NAME.mustache) filled from `view`, in the layout titled `title`.
    // `current` is the navigation item to mark ("cases", "sf", "kpi", "admin").
    http::ApiResponse page(const Page& page, const std::string& name, const std::string& title,
                           render::View view, const std::string& current = "",
                           int status = 200) const;
    // An error page: `heading`, what happened, and the next step (a link).
    http::ApiResponse error(const Page& page, int status, const std::string& heading,
                            const std::string& message, const std::string& nextStep,
                            const std::string& nextHref, const std::string& nextLink,
                            const std::vector<std::string>& details = {}) const;
    static http::ApiResponse redirect(const std::string& to);  // 303 See Other
    // "?a=1&b=x%20y" from the parameters that are not empty ("" when none is): a link's query.
    static std::string queryString(const std::map<std::string, std::string>& params);
    // A page number from a query parameter: 1 unless it is a number above 0.
    static int pageNumber(const std::string& text);
    static http::ApiResponse download(const std::string& contentType, std::string bytes,
                                      const std::string& fileName);

    // Audits a web-only event (sign in, sign out, a refused form) as the API's entries are.
    void record(const Page& page, const std::string& user, const std::string& role,
                const std::string& action, const std::string& outcome,
                const std::string& detail) const;

    std::string nowIso() const;
    std::string today() const;  // UK date, YYYY-MM-DD

    std::string sessionCookie(const std::string& value, bool expire = false) const;

    static bool plainHttpAllowed(const server::Settings& settings);  // host is loopback
};

}  // namespace ehdocs::web
