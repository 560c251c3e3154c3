#include "ApiFixture.h"

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TemporaryFile.h>

#include <fstream>
#include <sstream>

#include "rules/ProfileRegistry.h"
#include "server/Errors.h"
#include "server/Tokens.h"
#include "server/Workbooks.h"

namespace ehdocs::test {

std::string Reply::errorCode() const {
    try {
        Poco::JSON::Parser parser;
        auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
        return object->getObject("error")->getValue<std::string>("code");
    } catch (const Poco::Exception&) {
        return "";
    }
}

server::RenderedDocument FakeRenderer::render(const Case& kase, const server::RenderRequest& r) {
    if (r.type == "no_such_type") throw server::NotFoundException("there is no document type");
    {
        std::lock_guard<std::mutex> lock(_mutex);
        _lastProducedOn = r.producedOn;
    }
    server::RenderedDocument doc;
    doc.title = r.type == "closure_letter" ? "Closure letter" : r.type;
    doc.familyLetter = r.type.size() > 7 && r.type.substr(r.type.size() - 7) == "_letter";
    if (r.format == "pdf") {
        doc.contentType = "application/pdf";
        doc.bytes = std::string("%PDF-1.4\n\0\x01\xfe", 12) + kase.caseId + " " + r.type;
    } else {
        doc.contentType = "text/html; charset=utf-8";
        doc.bytes = "<html><body>" + r.type + " for " + kase.caseId + "</body></html>";
    }
    return doc;
}

std::optional<Date> FakeRenderer::lastProducedOn() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _lastProducedOn;
}

server::Settings ApiFixture::testSettings() {
    server::Settings settings;
    settings.maxBodyBytes = 256 * 1024;
    settings.threads = 8;
    // Suites make many anonymous calls from one address; the throttle on failed
    // authentication has its own tests (AuthThrottleTest.cpp).
    settings.authFailureLimit = 100000;
    return settings;
}

ApiFixture::ApiFixture() : ApiFixture(testSettings()) {}

ApiFixture::ApiFixture(const server::Settings& settings, bool startJobs) {
    _audit = std::make_unique<server::AuditLog>(store);
    _readiness =
        std::make_unique<server::RulesReadiness>(rules::ProfileRegistry::builtIn(), "standard");
    // By default 1 July 2026, after every example's closure date.
    _service = std::make_unique<server::CaseService>(
        store, *_audit, *_readiness, &_renderer,
        [this] { return Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(now.load())); },
        server::Settings{}.cacheBytes);
    const struct {
        const char* name;
        const char* role;
        const char* team;
    } users[] = {{"coach_south", "coach", "South"},
                 {"leader_south", "team_leader", "South"},
                 {"coach_north", "coach", "North Locality"},
                 {"leader_north", "team_leader", "North Locality"},
                 {"sf", "sf_coordinator", ""},
                 {"admin", "admin", ""}};
    for (const auto& u : users) {
        const std::string token = server::Tokens::generate();
        store.addUser({u.name, u.role, u.team, server::Tokens::sha256Hex(token), ""});
        _tokens[u.name] = token;
    }
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    _http = std::make_unique<http::HttpService>(*_service, settings, socket);
    _exporters = server::Workbooks::exporters(_readiness->profiles());
    _jobsFolder = Poco::TemporaryFile::tempName() + "-jobs";
    _jobs = std::make_unique<server::ExportJobs>(
        *_service, _exporters, settings.exports, _jobsFolder,
        [this] { return Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(now.load())); });
    if (startJobs) _jobs->start();
    _http->endpoints().setExporters(_exporters);
    _http->endpoints().setExportJobs(*_jobs);
    _http->start();
    port = _http->port();
}

ApiFixture::~ApiFixture() {
    _http->stop(5);
    _jobs->stop();
    Poco::File(_jobsFolder).remove(true);
}

Reply ApiFixture::call(const std::string& method, const std::string& path, const std::string& token,
                       const std::string& body, const std::map<std::string, std::string>& headers) {
    return {httpCall(port, method, path, token, body, headers)};
}

std::string ApiFixture::example(const std::string& name) {
    std::ifstream in(std::string(EHDOCS_SOURCE_DIR) + "/examples/" + name + ".json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

Reply ApiFixture::postExample(const std::string& name, const std::string& user) {
    return call("POST", "/api/v1/cases", token(user), example(name));
}

}  // namespace ehdocs::test
