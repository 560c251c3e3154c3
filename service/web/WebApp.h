#pragma once

// The web app (docs/web.md): server-rendered pages for coaches, team leaders, Supporting
// Families coordinators and administrators, over the same CaseService the API uses, so that
// roles, audit and the closure gate apply to every form exactly as to the API.
//
// handle() answers every request that is not for the API: /assets/ (the built stylesheet and
// scripts), /sign-in, /sign-out, /cases..., /sf, /kpi, /admin. Every response carries a
// Content-Security-Policy that allows no inline script. Pages other than sign-in need a
// session (a cookie, HttpOnly, SameSite=Strict, Secure unless web.plainHttp); every POST other
// than sign-in needs the session's CSRF token and is refused 403 (and audited) without it.
// Failures become error pages (404, 403, 409, 500...) in the layout, with what to do next.
//
// Thread-safe. The service, store, audit log and settings must outlive it.

#include <map>
#include <memory>
#include <string>

#include "http/ApiExchange.h"
#include "http/Router.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/Settings.h"
#include "store/Store.h"
#include "web/PageTemplates.h"
#include "web/Sessions.h"
#include "web/SignInThrottle.h"

namespace ehdocs::web {

struct Page;
class WebContext;

class WebApp {
public:
    // `profiles`: the service's practice profiles (the KPI page judges each case by its own).
    WebApp(server::CaseService& service, store::Store& store, server::AuditLog& audit,
           const server::Settings& settings, const rules::ProfileRegistry& profiles, Clock clock);
    ~WebApp();

    http::ApiResponse handle(const http::ApiRequest& request);

    // The response headers every web response carries (CSP and friends).
    static void secure(http::ApiResponse& response);

    // Throws server::SettingsException when the web settings cannot be used: web.plainHttp on
    // an address that is not loopback.
    static void validate(const server::Settings& settings);

private:
    using Handler = std::function<http::ApiResponse(Page&)>;
    void add(const std::string& method, const std::string& pattern, bool signedIn, Handler handler);
    http::ApiResponse dispatch(const http::ApiRequest& request);
    http::ApiResponse assets(const std::string& name);
    http::ApiResponse signInPage(Page& page);
    http::ApiResponse signIn(Page& page);
    http::ApiResponse signOut(Page& page);
    http::ApiResponse refuseForgery(Page& page);

    struct Route {
        bool signedIn;
        Handler handler;
    };
    std::unique_ptr<WebContext> _context;
    http::Router _router;
    std::map<std::string, Route> _routes;  // "METHOD pattern"
    SignInThrottle _throttle;
    std::string _assetsDir;
};

}  // namespace ehdocs::web
