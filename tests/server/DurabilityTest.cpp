// Durability with the real executable: writes go to `ehdocs serve` from two clients, the
// server is killed with SIGKILL while requests are in flight, and after a restart every write
// that had been acknowledged (201) is there. Then SIGTERM stops the server cleanly (exit 0).

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Path.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "ApiFixture.h"

namespace {

// A running `ehdocs serve --port 0`, its port read from the line it prints.
struct Server {
    Server(const std::string& dataDir)
        : handle(Poco::Process::launch(EHDOCS_BINARY, {"serve", "--port", "0", "--data", dataDir},
                                       nullptr, &out, nullptr)),
          lines(out) {
        std::string line;
        while (std::getline(lines, line)) {
            const auto at = line.find("listening on http://127.0.0.1:");
            if (at != std::string::npos) {
                port = static_cast<Poco::UInt16>(std::stoi(line.substr(at + 30)));
                return;
            }
        }
        BOOST_FAIL("ehdocs serve did not say where it listens");
    }
    Poco::Pipe out;
    Poco::ProcessHandle handle;
    Poco::PipeInputStream lines;
    Poco::UInt16 port = 0;
};

int post(Poco::UInt16 port, const std::string& token, const std::string& body) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request("POST", "/api/v1/cases", Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token);
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string ignored;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), ignored);
    return response.getStatus();
}

int get(Poco::UInt16 port, const std::string& token, const std::string& path) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string ignored;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), ignored);
    return response.getStatus();
}

std::string withCaseId(const std::string& caseJson, const std::string& id) {
    Poco::JSON::Parser parser;
    auto kase = parser.parse(caseJson).extract<Poco::JSON::Object::Ptr>();
    kase->set("case_id", id);
    std::ostringstream out;
    kase->stringify(out);
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(acknowledged_writes_survive_sigkill_and_sigterm_exits_cleanly) {
    Poco::TemporaryFile dir;
    Poco::File(dir.path()).createDirectories();

    Poco::Pipe userOut;
    Poco::ProcessHandle adding = Poco::Process::launch(
        EHDOCS_BINARY, {"user", "add", "writer", "--role", "admin", "--data", dir.path()}, nullptr,
        &userOut, nullptr);
    Poco::PipeInputStream userLines(userOut);
    std::string token, line;
    while (std::getline(userLines, line)) token = line;
    BOOST_TEST_REQUIRE(adding.wait() == 0);
    BOOST_TEST_REQUIRE(token.rfind("ehd_", 0) == 0u);

    const std::string okafor = ehdocs::test::ApiFixture::example("okafor-ready-to-close");
    std::set<std::string> acknowledged;
    std::mutex mutex;
    std::condition_variable enough;
    {
        Server server(dir.path());
        std::atomic<int> next{0};
        auto writer = [&] {
            for (;;) {
                const std::string id = "DUR-" + std::to_string(next++);
                try {
                    if (post(server.port, token, withCaseId(okafor, id)) != 201) return;
                } catch (const Poco::Exception&) {
                    return;  // the server is gone
                }
                std::lock_guard<std::mutex> lock(mutex);
                acknowledged.insert(id);
                enough.notify_all();
            }
        };
        std::thread a(writer), b(writer);
        {
            std::unique_lock<std::mutex> lock(mutex);
            enough.wait(lock, [&] { return acknowledged.size() >= 40; });
        }
        Poco::Process::kill(server.handle);  // SIGKILL, with both writers mid-request
        a.join();
        b.join();
        server.handle.wait();
    }
    BOOST_TEST(acknowledged.size() >= 40u);

    Server restarted(dir.path());
    for (const std::string& id : acknowledged) {
        BOOST_TEST(get(restarted.port, token, "/api/v1/cases/" + id) == 200, id);
    }
    Poco::Process::requestTermination(restarted.handle.id());  // SIGTERM
    BOOST_TEST(restarted.handle.wait() == 0);
}
