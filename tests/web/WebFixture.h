#pragma once

// The web app in-process, without a socket: an in-memory store, the real closure rules, a fake
// renderer, a clock the test moves, and one user per role with a known password. send() hands
// a request to WebApp::handle as the HTTP layer would; a Browser keeps cookies between calls.

#include <Poco/JSON/Object.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "http/ApiExchange.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/RulesReadiness.h"
#include "store/MemoryStore.h"
#include "web/WebApp.h"

namespace ehdocs::test {

class FakeRenderer : public server::DocumentRenderer {
public:
    server::RenderedDocument render(const Case& kase, const server::RenderRequest& r) override;
    server::RendererStats stats() override { return {0, 0}; }
};

class WebFixture;

// Cookies kept as a browser keeps them (by name), sent with every request.
class Browser {
public:
    explicit Browser(WebFixture& web, std::string address = "127.0.0.1")
        : _web(web), _address(std::move(address)) {}
    http::ApiResponse get(const std::string& pathAndQuery);
    http::ApiResponse post(const std::string& path, const std::map<std::string, std::string>& form);
    // Signs in (fetching the sign-in form for its token first); the final response.
    http::ApiResponse signIn(const std::string& user, const std::string& password);
    // The CSRF token of the last page that had one.
    const std::string& csrf() const { return _csrf; }
    std::map<std::string, std::string> cookies;

private:
    http::ApiResponse send(http::ApiRequest request);
    WebFixture& _web;
    std::string _address, _csrf;
};

class WebFixture {
public:
    WebFixture();
    ~WebFixture();

    static constexpr const char* kPassword = "correct horse battery";

    // Stores an example case (examples/NAME.json), optionally with its team, family name, case
    // id and lead worker (one of its workers' ids) changed.
    void addExample(const std::string& name, const std::string& team = "",
                    const std::string& familyName = "", const std::string& caseId = "",
                    const std::string& leadWorker = "");
    // Stores an example case after `edit` has changed its JSON.
    void addEdited(const std::string& name,
                   const std::function<void(Poco::JSON::Object::Ptr)>& edit);
    // Entries of the audit trail with this action (oldest first).
    std::vector<store::AuditEntry> audit(const std::string& action);

    void advanceMinutes(int minutes) { _now += Poco::Timespan(minutes * 60, 0); }
    server::CaseService& service() { return *_service; }

    store::MemoryStore store;
    server::Settings settings;
    std::unique_ptr<web::WebApp> app;

private:
    Poco::Timestamp _now;
    std::unique_ptr<server::AuditLog> _audit;
    std::unique_ptr<server::RulesReadiness> _readiness;
    FakeRenderer _renderer;
    std::unique_ptr<server::CaseService> _service;
};

}  // namespace ehdocs::test
