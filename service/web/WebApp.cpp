#include "web/WebApp.h"

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>
#include <sodium.h>

#include <algorithm>

#include "http/ErrorMapper.h"
#include "server/Errors.h"
#include "web/CaseWords.h"
#include "web/PageRoutes.h"
#include "web/Passwords.h"
#include "web/WebContext.h"

namespace ehdocs::web {

namespace {

const char* const kSignInCookie = "ehdocs_sign_in";

std::string cookie(const http::ApiRequest& request, const std::string& name) {
    Poco::StringTokenizer parts(
        request.header("cookie"), ";",
        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const std::string& part : parts) {
        const auto equals = part.find('=');
        if (equals != std::string::npos && part.substr(0, equals) == name) {
            return part.substr(equals + 1);
        }
    }
    return "";
}

bool sameToken(const std::string& a, const std::string& b) {
    return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Only a path on this site: never another host, so that sign-in cannot be used to send a
// user elsewhere.
std::string localPath(const std::string& next) {
    // Browsers drop tabs and newlines from a URL, so "/\t/host" would become "//host".
    const bool control = std::any_of(next.begin(), next.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x20; });
    if (next.empty() || next[0] != '/' || next.rfind("//", 0) == 0 ||
        next.find('\\') != std::string::npos || control) {
        return "/cases";
    }
    return next;
}

std::string contentTypeOf(const std::string& name) {
    if (Poco::endsWith(name, std::string(".css"))) return "text/css; charset=utf-8";
    if (Poco::endsWith(name, std::string(".mjs")) || Poco::endsWith(name, std::string(".js"))) {
        return "text/javascript; charset=utf-8";
    }
    if (Poco::endsWith(name, std::string(".svg"))) return "image/svg+xml";
    if (Poco::endsWith(name, std::string(".png"))) return "image/png";
    return "application/octet-stream";
}

struct StatusWords {
    int status;
    const char* heading;
    const char* nextStep;
};

// What an error page says for each status, and what to do next.
const StatusWords kStatusWords[] = {
    {400, "There is a problem with what was sent",
     "Go back, check what you entered and try again."},
    {403, "You cannot do this",
     "If you think you should be able to, ask your team leader or administrator."},
    {404, "Page not found", "Check the address, or find the case from your caseload."},
    {405, "Page not found",
     "Use the links and buttons on the pages rather than typing an address."},
    {409, "This cannot be done now", "Look at the case to see its current state."},
    {412, "Someone else changed this case",
     "Open the case again to see the latest version, then make your change."},
    {413, "The file is too large", "Choose a smaller file."},
    {422, "The case file has problems", "Correct the file and upload it again."},
    {428, "The form is out of date", "Open the case again and resubmit."},
};

const StatusWords& wordsFor(int status) {
    for (const StatusWords& w : kStatusWords) {
        if (w.status == status) return w;
    }
    static const StatusWords internal{500, "Sorry, there is a problem with the service",
                                      "Try again later. If it keeps happening, tell the service "
                                      "desk and give them the reference below."};
    return internal;
}

}  // namespace

WebApp::WebApp(server::CaseService& service, store::Store& store, server::AuditLog& audit,
               const server::Settings& settings, const rules::ProfileRegistry& profiles,
               Clock clock)
    : _context((validate(settings),
                std::make_unique<WebContext>(service, store, audit, settings, profiles, clock))),
      _throttle(clock, settings.web.signInAttempts,
                Poco::Timespan(settings.web.signInLockMinutes * 60, 0)),
      _assetsDir(settings.web.assetsDir) {
    add("GET", "/", false,
        [](Page& page) { return WebContext::redirect(page.user ? "/cases" : "/sign-in"); });
    add("GET", "/sign-in", false, [this](Page& page) { return signInPage(page); });
    add("POST", "/sign-in", false, [this](Page& page) { return signIn(page); });
    add("POST", "/sign-out", true, [this](Page& page) { return signOut(page); });
    add("GET", "/assets/{name}", false, [this](Page& page) { return assets(page.param("name")); });
    CasePages::addRoutes(*_context, [this](auto m, auto p, auto h) { add(m, p, true, h); });
    ProgrammePages::addRoutes(*_context, [this](auto m, auto p, auto h) { add(m, p, true, h); });
    AdminPages::addRoutes(*_context, [this](auto m, auto p, auto h) { add(m, p, true, h); });
}

WebApp::~WebApp() = default;

void WebApp::validate(const server::Settings& settings) {
    if (settings.web.plainHttp && !WebContext::plainHttpAllowed(settings)) {
        throw server::SettingsException(
            "web.plainHttp: only allowed when server.host is a loopback address (it is " +
            settings.host + "); serve other addresses over HTTPS");
    }
}

void WebApp::add(const std::string& method, const std::string& pattern, bool signedIn,
                 Handler handler) {
    _router.add(method, pattern, [](const http::ApiRequest&, const http::PathParams&) {
        return http::ApiResponse{};
    });
    _routes[method + " " + pattern] = Route{signedIn, std::move(handler)};
}

void WebApp::secure(http::ApiResponse& response) {
    // No inline script or style anywhere; forms post only to this site; no framing by others.
    response.headers["Content-Security-Policy"] =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    response.headers["X-Content-Type-Options"] = "nosniff";
    response.headers["Referrer-Policy"] = "same-origin";
    response.headers["X-Frame-Options"] = "DENY";
    if (!response.headers.count("Cache-Control")) response.headers["Cache-Control"] = "no-store";
}

http::ApiResponse WebApp::handle(const http::ApiRequest& request) {
    http::ApiResponse response = dispatch(request);
    if (!response.headers.count("Content-Security-Policy")) secure(response);
    return response;
}

http::ApiResponse WebApp::dispatch(const http::ApiRequest& request) {
    WebContext& web = *_context;
    Page page{request, {}, {}, std::nullopt, std::nullopt, server::Caller{}};
    page.caller.requestId = request.requestId;
    try {
        const http::Router::Match match = _router.match(request.method, request.path);
        page.params = match.params;
        if (const std::string id = cookie(request, "ehdocs_session"); !id.empty()) {
            page.session = web.sessions.touch(id);
            if (page.session) page.user = web.store.userByName(page.session->userName);
            if (page.user && page.user->disabled) {
                web.sessions.end(id);
                page.session.reset();
                page.user.reset();
            }
            if (!page.user) page.session.reset();
        }
        page.caller = server::Caller::of(page.user, request.requestId, page.user.has_value());
        if (!match.endpoint) {
            return web.error(page, 404, "Page not found",
                             "There is no page at " + request.path + ".", wordsFor(404).nextStep,
                             "/cases", "Go to your caseload");
        }
        const Route& route = _routes.at(request.method + " " + match.pattern);
        if (route.signedIn && !page.user) {
            if (request.method == "GET") {
                // Back to the page asked for once signed in.
                std::string next = request.path, encoded;
                char separator = '?';
                for (const auto& [name, value] : request.query) {
                    next += separator + name + "=" + value;
                    separator = '&';
                }
                Poco::URI::encode(next, "?&=#+%", encoded);
                return WebContext::redirect("/sign-in?next=" + encoded);
            }
            // A form posted after the session ended: say so on the sign-in page.
            return WebContext::redirect("/sign-in?expired=1");
        }
        if (request.method == "POST") {
            page.form = Form::parse(request.header("content-type"), request.body);
            const std::string expected =
                page.session ? page.session->csrfToken : cookie(request, kSignInCookie);
            if (!sameToken(page.form.get("csrf"), expected)) return refuseForgery(page);
        }
        return route.handler(page);
    } catch (...) {
        int status = 500;
        std::string message = "Something went wrong on our side.";
        std::vector<std::string> details;
        try {
            throw;
        } catch (const server::ServiceException& e) {
            status = http::ErrorMapper::statusFor(e.name());
            message = e.message();
            details = detailLines(e.details());
        } catch (const Poco::Exception& e) {
            Poco::Logger::get("ehdocs.web").error(request.requestId + ": " + e.displayText());
        } catch (const std::exception& e) {
            Poco::Logger::get("ehdocs.web").error(request.requestId + ": " + e.what());
        }
        if (status == 401) return WebContext::redirect("/sign-in");
        const StatusWords& words = wordsFor(status);
        return web.error(page, status, words.heading, message, words.nextStep,
                         page.user ? "/cases" : "/sign-in",
                         page.user ? "Go to your caseload" : "Sign in", details);
    }
}

http::ApiResponse WebApp::refuseForgery(Page& page) {
    WebContext& web = *_context;
    const std::string what = page.request.method + " " + page.request.path;
    if (page.user) {
        web.service.recordRefusal(page.caller, page.param("id"), what, "csrf_refused",
                                  "the form had no valid CSRF token");
    } else {
        web.record(page, page.form.get("username"), "", "request", "csrf_refused",
                   what + ": the form had no valid CSRF token");
    }
    return web.error(page, 403, "This form has expired",
                     "The form was not accepted because it did not come from a page of this "
                     "service, or it is from an earlier session. Nothing was changed.",
                     "Open the page again and resubmit the form.",
                     page.user ? "/cases" : "/sign-in",
                     page.user ? "Go to your caseload" : "Sign in");
}

http::ApiResponse WebApp::assets(const std::string& name) {
    // Names are one path segment; refuse anything that could leave the folder.
    if (name.empty() || name[0] == '.' || name.find('/') != std::string::npos ||
        name.find('\\') != std::string::npos) {
        throw server::NotFoundException("there is no asset " + name);
    }
    const Poco::Path path(Poco::Path(_assetsDir).makeDirectory(), name);
    Poco::File file(path);
    if (!file.exists() || !file.isFile())
        throw server::NotFoundException("there is no asset " + name);
    Poco::FileInputStream in(path.toString());
    http::ApiResponse response;
    Poco::StreamCopier::copyToString(in, response.body);
    response.contentType = contentTypeOf(name);
    response.headers["Cache-Control"] = "public, max-age=3600";
    return response;
}

http::ApiResponse WebApp::signInPage(Page& page) {
    WebContext& web = *_context;
    if (page.user) return WebContext::redirect("/cases");
    const std::string token = Passwords::randomHex(32);
    render::View view;
    view.set("csrf", token).set("next", localPath(page.request.param("next")));
    if (!page.request.param("expired").empty()) {
        view.set("error", "Your session ended, so nothing was saved. Sign in again.");
    }
    http::ApiResponse response = web.page(page, "sign_in", "Sign in", view);
    response.headers["Set-Cookie"] = std::string(kSignInCookie) + "=" + token +
                                     "; Path=/sign-in; HttpOnly; SameSite=Strict" +
                                     (web.loopbackPlainHttp ? "" : "; Secure");
    return response;
}

http::ApiResponse WebApp::signIn(Page& page) {
    WebContext& web = *_context;
    const std::string name = Poco::trim(page.form.get("username"));
    const std::string password = page.form.get("password");
    const std::string address = page.request.clientAddress;
    auto again = [&](const std::string& why, int status) {
        const std::string token = Passwords::randomHex(32);
        render::View view;
        view.set("csrf", token).set("next", localPath(page.form.get("next")));
        view.set("username", name).set("error", why);
        http::ApiResponse response = web.page(page, "sign_in", "Sign in", view, "", status);
        response.headers["Set-Cookie"] = std::string(kSignInCookie) + "=" + token +
                                         "; Path=/sign-in; HttpOnly; SameSite=Strict" +
                                         (web.loopbackPlainHttp ? "" : "; Secure");
        return response;
    };
    if (!_throttle.allows(name, address)) {
        web.record(page, name, "", "sign_in", "rate_limited", "from " + address);
        return again(
            "Too many failed attempts. Wait " + std::to_string(web.settings.signInLockMinutes) +
                " minutes, then try again, or ask your administrator to set a new password.",
            429);
    }
    const std::optional<store::User> user =
        name.empty() ? std::nullopt : web.store.userByName(name);
    // The same answer for an unknown user, a wrong password and a disabled user: a guesser
    // learns nothing about which names exist.
    if (!user || user->disabled || !Passwords::verify(user->passwordHash, password)) {
        _throttle.failed(name, address);
        web.record(page, name, user ? user->role : "", "sign_in", "refused", "from " + address);
        return again("The user name or password is not right.", 200);
    }
    _throttle.succeeded(name);
    const Session session = web.sessions.start(user->name);
    web.record(page, user->name, user->role, "sign_in", "ok", "from " + address);
    http::ApiResponse response = WebContext::redirect(localPath(page.form.get("next")));
    response.headers["Set-Cookie"] = web.sessionCookie(session.id);
    return response;
}

http::ApiResponse WebApp::signOut(Page& page) {
    WebContext& web = *_context;
    web.sessions.end(page.session->id);
    web.record(page, page.user->name, page.user->role, "sign_out", "ok", "");
    http::ApiResponse response = WebContext::redirect("/sign-in");
    response.headers["Set-Cookie"] = web.sessionCookie("", true);
    return response;
}

}  // namespace ehdocs::web
