#include "WebFixture.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "rules/ProfileRegistry.h"
#include "server/Tokens.h"
#include "web/Passwords.h"

namespace ehdocs::test {

server::RenderedDocument FakeRenderer::render(const Case& kase, const server::RenderRequest& r) {
    server::RenderedDocument doc;
    doc.title = r.type;
    doc.contentType = r.format == "pdf" ? "application/pdf" : "text/html; charset=utf-8";
    doc.bytes = r.format + " " + r.type + " for " + kase.caseId;
    return doc;
}

WebFixture::WebFixture() : _now(Poco::Timestamp::fromEpochTime(1782900000)) {
    _audit = std::make_unique<server::AuditLog>(store);
    _readiness =
        std::make_unique<server::RulesReadiness>(rules::ProfileRegistry::builtIn(), "standard");
    const Clock clock = [this] { return _now; };
    _service = std::make_unique<server::CaseService>(store, *_audit, *_readiness, &_renderer, clock,
                                                     server::Settings{}.cacheBytes);
    // Hashing with Argon2id is slow by design: once, for every user.
    const std::string hash = web::Passwords::hash(kPassword);
    const struct {
        const char* name;
        const char* role;
        const char* team;
    } users[] = {{"coach_south", "coach", "South"},
                 {"leader_south", "team_leader", "South"},
                 {"coach_north", "coach", "North Locality"},
                 {"sf", "sf_coordinator", ""},
                 {"admin", "admin", ""}};
    for (const auto& u : users) {
        store.addUser({u.name, u.role, u.team, server::Tokens::sha256Hex(u.name), "", hash});
    }
    app = std::make_unique<web::WebApp>(*_service, store, *_audit, settings, _readiness->profiles(),
                                        clock);
}

WebFixture::~WebFixture() = default;

void WebFixture::addExample(const std::string& name, const std::string& team,
                            const std::string& familyName, const std::string& caseId,
                            const std::string& leadWorker) {
    addEdited(name, [&](Poco::JSON::Object::Ptr json) {
        if (!team.empty()) json->getObject("service")->set("team", team);
        if (!familyName.empty()) json->getObject("family")->set("family_name", familyName);
        if (!caseId.empty()) json->set("case_id", caseId);
        if (!leadWorker.empty()) json->set("lead_worker", leadWorker);
    });
}

void WebFixture::addEdited(const std::string& name,
                           const std::function<void(Poco::JSON::Object::Ptr)>& edit) {
    std::ifstream in(std::string(EHDOCS_SOURCE_DIR) + "/examples/" + name + ".json");
    std::stringstream text;
    text << in.rdbuf();
    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr json = parser.parse(text.str()).extract<Poco::JSON::Object::Ptr>();
    edit(json);
    std::ostringstream out;
    json->stringify(out);
    const server::Caller admin = server::Caller::of(store.userByName("admin"), "test", true);
    _service->create(admin, out.str());
}

std::vector<store::AuditEntry> WebFixture::audit(const std::string& action) {
    std::vector<store::AuditEntry> found;
    for (const store::AuditEntry& e : store.audit(store::AuditQuery{})) {
        if (e.action == action) found.push_back(e);
    }
    return found;
}

http::ApiResponse Browser::send(http::ApiRequest request) {
    request.requestId = "test";
    request.clientAddress = _address;
    std::string cookie;
    for (const auto& [name, value] : cookies)
        cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie.empty()) request.headers["cookie"] = cookie;
    http::ApiResponse response = _web.app->handle(request);
    auto set = response.headers.find("Set-Cookie");
    if (set != response.headers.end()) {
        const std::string pair = set->second.substr(0, set->second.find(';'));
        const auto equals = pair.find('=');
        if (set->second.find("Max-Age=0") != std::string::npos) {
            cookies.erase(pair.substr(0, equals));
        } else {
            cookies[pair.substr(0, equals)] = pair.substr(equals + 1);
        }
    }
    std::smatch token;
    if (std::regex_search(response.body, token,
                          std::regex("name=\"csrf\" value=\"([0-9a-f]+)\""))) {
        _csrf = token[1];
    }
    return response;
}

http::ApiResponse Browser::get(const std::string& pathAndQuery) {
    http::ApiRequest request;
    request.method = "GET";
    const Poco::URI uri(pathAndQuery);
    request.path = uri.getPath();
    for (const auto& [name, value] : uri.getQueryParameters()) request.query[name] = value;
    return send(request);
}

http::ApiResponse Browser::post(const std::string& path,
                                const std::map<std::string, std::string>& form) {
    http::ApiRequest request;
    request.method = "POST";
    request.path = path;
    request.headers["content-type"] = "application/x-www-form-urlencoded";
    for (const auto& [name, value] : form) {
        std::string encoded;
        Poco::URI::encode(value, "&=+;", encoded);
        request.body += (request.body.empty() ? "" : "&") + name + "=" + encoded;
    }
    return send(request);
}

http::ApiResponse Browser::signIn(const std::string& user, const std::string& password) {
    get("/sign-in");
    return post("/sign-in",
                {{"csrf", _csrf}, {"username", user}, {"password", password}, {"next", "/cases"}});
}

}  // namespace ehdocs::test
