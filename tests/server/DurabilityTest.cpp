// Durability with the real executable: writes go to `ehdocs serve` from two clients, the
// server is killed with SIGKILL while requests are in flight, and after a restart every write
// that had been acknowledged (201) is there. Then SIGTERM stops the server cleanly (exit 0).

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "ApiFixture.h"
#include "Processes.h"

namespace {

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

    const std::string token = ehdocs::test::addUser("writer", "admin", {"--data", dir.path()});

    const std::string okafor = ehdocs::test::ApiFixture::example("okafor-ready-to-close");
    std::set<std::string> acknowledged;
    std::mutex mutex;
    std::condition_variable enough;
    {
        ehdocs::test::ServeProcess server({"--data", dir.path()});
        std::atomic<int> next{0};
        auto writer = [&] {
            for (;;) {
                const std::string id = "DUR-" + std::to_string(next++);
                try {
                    if (ehdocs::test::httpCall(server.port(), "POST", "/api/v1/cases", token,
                                               withCaseId(okafor, id))
                            .status != 201)
                        return;
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
        Poco::Process::kill(server.handle());  // SIGKILL, with both writers mid-request
        a.join();
        b.join();
        server.handle().wait();
    }
    BOOST_TEST(acknowledged.size() >= 40u);

    ehdocs::test::ServeProcess restarted({"--data", dir.path()});
    for (const std::string& id : acknowledged) {
        BOOST_TEST(
            ehdocs::test::httpCall(restarted.port(), "GET", "/api/v1/cases/" + id, token).status ==
                200,
            id);
    }
    Poco::Process::requestTermination(restarted.handle().id());  // SIGTERM
    BOOST_TEST(restarted.handle().wait() == 0);
}
