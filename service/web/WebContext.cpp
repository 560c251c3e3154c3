#include "web/WebContext.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include "render/Labels.h"

namespace ehdocs::web {

namespace {

bool isLoopback(const std::string& host) {
    if (host == "localhost") return true;
    Poco::Net::IPAddress address;
    return Poco::Net::IPAddress::tryParse(host, address) && address.isLoopback();
}

struct NavItem {
    const char* key;
    const char* text;
    const char* href;
    server::Action needs;
};

const NavItem kNav[] = {
    {"cases", "Cases", "/cases", server::Action::read},
    {"sf", "Supporting Families", "/sf", server::Action::exportSf},
    {"kpi", "Performance", "/kpi", server::Action::exportKpi},
    {"admin", "Admin", "/admin", server::Action::audit},
};

}  // namespace

std::string Page::param(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? "" : it->second;
}

std::optional<server::Role> Page::role() const {
    if (!user) return std::nullopt;
    return server::parseRole(user->role);
}

bool Page::may(server::Action action) const {
    const auto r = role();
    return r && server::permits(*r, action);
}

WebContext::WebContext(server::CaseService& service, store::Store& store, server::AuditLog& audit,
                       const server::Settings& settings, const rules::ProfileRegistry& profiles,
                       Clock clock)
    : service(service),
      store(store),
      audit(audit),
      profiles(profiles),
      settings(settings.web),
      loopbackPlainHttp(settings.web.plainHttp && isLoopback(settings.host)),
      clock(clock),
      sessions(clock, Poco::Timespan(settings.web.sessionIdleMinutes * 60, 0),
               Poco::Timespan(settings.web.sessionMaxHours * 3600, 0)),
      templates(PageTemplates::builtIn()) {}

bool WebContext::plainHttpAllowed(const server::Settings& settings) {
    return isLoopback(settings.host);
}

http::ApiResponse WebContext::page(const Page& page, const std::string& name,
                                   const std::string& title, render::View view,
                                   const std::string& current, int status) const {
    render::View layout;
    layout.set("title", title);
    layout.set("service_name", settings.serviceName);
    layout.set("authority", settings.authority);
    if (page.user && page.session) {
        layout.set("signed_in", true);
        layout.set("user_name", page.user->name);
        layout.set("csrf", page.session->csrfToken);
        render::View nav = render::View::list();
        for (const NavItem& item : kNav) {
            if (!page.may(item.needs)) continue;
            render::View entry;
            entry.set("text", item.text).set("href", item.href).set("current", current == item.key);
            nav.push(entry);
        }
        layout.set("nav", nav);
        view.set("csrf", page.session->csrfToken);
    }
    if (const render::View* back = view.get("back_href")) layout.set("back_href", *back);
    if (const render::View* back = view.get("back_text")) layout.set("back_text", *back);
    if (const render::View* flash = view.get("flash")) layout.set("flash", *flash);
    if (status >= 400) layout.set("error_title", true);
    http::ApiResponse response;
    response.status = status;
    response.contentType = "text/html; charset=utf-8";
    response.body = templates.render(name, view, layout);
    return response;
}

http::ApiResponse WebContext::error(const Page& page, int status, const std::string& heading,
                                    const std::string& message, const std::string& nextStep,
                                    const std::string& nextHref, const std::string& nextLink,
                                    const std::vector<std::string>& details) const {
    render::View view;
    view.set("heading", heading).set("message", message).set("next_step", nextStep);
    view.set("next_href", nextHref).set("next_link", nextLink);
    view.set("request_id", page.request.requestId);
    if (!details.empty()) {
        render::View items = render::View::list();
        for (const std::string& d : details) items.push(render::View(d));
        render::View list;
        list.set("items", items);
        view.set("details", list);
    }
    return this->page(page, "error", heading, view, "", status);
}

std::string WebContext::queryString(const std::map<std::string, std::string>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        std::string encoded;
        Poco::URI::encode(value, "&=+?#", encoded);
        out += (out.empty() ? "?" : "&") + name + "=" + encoded;
    }
    return out;
}

int WebContext::pageNumber(const std::string& text) {
    int n = 1;
    return Poco::NumberParser::tryParse(text, n) && n > 0 ? n : 1;
}

http::ApiResponse WebContext::redirect(const std::string& to) {
    http::ApiResponse response;
    response.status = 303;
    response.contentType = "text/plain; charset=utf-8";
    response.headers["Location"] = to;
    response.body = "See " + to;
    return response;
}

http::ApiResponse WebContext::download(const std::string& contentType, std::string bytes,
                                       const std::string& fileName) {
    http::ApiResponse response;
    response.contentType = contentType;
    response.body = std::move(bytes);
    response.headers["Content-Disposition"] = "attachment; filename=\"" + fileName + "\"";
    return response;
}

void WebContext::record(const Page& page, const std::string& user, const std::string& role,
                        const std::string& action, const std::string& outcome,
                        const std::string& detail) const {
    store::AuditEntry entry;
    entry.at = nowIso();
    entry.user = user;
    entry.role = role;
    entry.action = action;
    entry.outcome = outcome;
    entry.requestId = page.request.requestId;
    entry.detail = detail;
    audit.record(entry);
}

std::string WebContext::nowIso() const {
    return utcTimestamp(clock());
}

std::string WebContext::today() const {
    return ukToday(clock).iso();
}

std::string WebContext::sessionCookie(const std::string& value, bool expire) const {
    std::string cookie = "ehdocs_session=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (!loopbackPlainHttp) cookie += "; Secure";
    if (expire) cookie += "; Max-Age=0";
    return cookie;
}

}  // namespace ehdocs::web
