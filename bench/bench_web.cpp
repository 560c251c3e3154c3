// Server time of the web app's caseload and case pages (docs/performance.md, "The web app"):
// WebApp::handle in-process (no sockets, so the figures are the service's own time), over an
// in-memory store holding N copies of the example cases in one team, signed in as that team's
// team leader. Usage: bench_web [N cases, default 2000] [requests per page, default 200]
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Stopwatch.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "case/Clock.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/RulesReadiness.h"
#include "server/Tokens.h"
#include "store/MemoryStore.h"
#include "web/Passwords.h"
#include "web/WebApp.h"

using namespace ehdocs;

namespace {

std::string example(const std::string& name) {
    std::ifstream in(std::string(EHDOCS_SOURCE_DIR) + "/examples/" + name + ".json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string cookieOf(const http::ApiResponse& response) {
    const std::string& set = response.headers.at("Set-Cookie");
    return set.substr(0, set.find(';'));
}

double percentile(std::vector<double> ms, double p) {
    std::sort(ms.begin(), ms.end());
    return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
    const int cases = argc > 1 ? std::stoi(argv[1]) : 2000;
    const int requests = argc > 2 ? std::stoi(argv[2]) : 200;
    store::MemoryStore store;
    server::AuditLog audit(store);
    server::RulesReadiness readiness(rules::ProfileRegistry::builtIn(), "standard");
    const Clock clock = systemClock();
    server::CaseService service(store, audit, readiness, nullptr, clock,
                                server::Settings{}.cacheBytes);
    store.addUser({"admin", "admin", "", server::Tokens::sha256Hex("a"), ""});
    store.addUser({"leader", "team_leader", "South", server::Tokens::sha256Hex("b"), "",
                   web::Passwords::hash("a long enough password")});
    const server::Caller admin = server::Caller::of(store.userByName("admin"), "bench", true);
    const std::string names[] = {"okafor-ready-to-close", "nowak-open", "bennett-disengaged"};
    Poco::JSON::Parser parser;
    for (int i = 0; i < cases; ++i) {
        Poco::JSON::Object::Ptr json =
            parser.parse(example(names[i % 3])).extract<Poco::JSON::Object::Ptr>();
        json->set("case_id", "BENCH-" + std::to_string(i));
        json->getObject("service")->set("team", "South");
        std::ostringstream out;
        json->stringify(out);
        service.create(admin, out.str());
    }
    server::Settings settings;
    web::WebApp app(service, store, audit, settings, readiness.profiles(), clock);

    http::ApiRequest request;
    request.method = "GET";
    request.path = "/sign-in";
    request.clientAddress = "127.0.0.1";
    const http::ApiResponse form = app.handle(request);
    std::smatch token;
    std::regex_search(form.body, token, std::regex("name=\"csrf\" value=\"([0-9a-f]+)\""));
    request.method = "POST";
    request.headers["cookie"] = cookieOf(form);
    request.headers["content-type"] = "application/x-www-form-urlencoded";
    request.body = "csrf=" + token[1].str() + "&username=leader&password=a+long+enough+password";
    const std::string session = cookieOf(app.handle(request));

    for (const std::string path : {"/cases", "/cases/BENCH-1"}) {
        http::ApiRequest page;
        page.method = "GET";
        page.path = path;
        page.headers["cookie"] = session;
        std::vector<double> ms;
        for (int i = 0; i < requests; ++i) {
            Poco::Stopwatch watch;
            watch.start();
            const http::ApiResponse response = app.handle(page);
            ms.push_back(static_cast<double>(watch.elapsed()) / 1000.0);
            if (response.status != 200) {
                std::cerr << path << ": HTTP " << response.status << "\n";
                return 1;
            }
        }
        std::cout << path << " with " << cases << " cases in the team: p50 " << percentile(ms, 0.5)
                  << " ms, p95 " << percentile(ms, 0.95) << " ms, max " << percentile(ms, 1.0)
                  << " ms (" << requests << " requests, the first included)\n";
    }
    return 0;
}
