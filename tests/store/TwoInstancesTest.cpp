// Two `ehdocs serve` processes (the real executable) on one PostgreSQL database behave as one
// service: of two updates with the same ETag sent to different instances exactly one wins; a
// document issued through one downloads byte-identical from the other; audit sequence numbers
// are unique and ordered whichever instance wrote them; and SIGKILL of one instance under
// load loses no acknowledged write while the other keeps answering.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "Http.h"
#include "PostgresCluster.h"
#include "Processes.h"

namespace {

using ehdocs::test::httpCall;
using ehdocs::test::HttpReply;
using ehdocs::test::ServeProcess;
using Poco::JSON::Object;

Object::Ptr parse(const std::string& json) {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Object::Ptr>();
}

std::string example(const std::string& name) {
    std::ifstream in(EHDOCS_SOURCE_DIR "/examples/" + name + ".json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string withField(const std::string& caseJson, const std::string& key,
                      const std::string& value) {
    Object::Ptr kase = parse(caseJson);
    kase->set(key, value);
    std::ostringstream out;
    kase->stringify(out);
    return out.str();
}

// One fresh database, a settings file naming it, an admin user and two instances.
struct TwoInstances {
    Poco::TemporaryFile config;
    std::string token;
    std::unique_ptr<ServeProcess> a, b;

    TwoInstances() {
        const std::string url = ehdocs::test::PostgresCluster::shared().createDatabase();
        std::ofstream(config.path()) << "store.url = " << url << "\npdf.poolSize = 1\n";
        token = ehdocs::test::addUser("admin", "admin", {"--config", config.path()});
        a = std::make_unique<ServeProcess>(std::vector<std::string>{"--config", config.path()});
        b = std::make_unique<ServeProcess>(std::vector<std::string>{"--config", config.path()});
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(two_instances)

BOOST_FIXTURE_TEST_CASE(of_two_puts_with_one_etag_to_different_instances_one_wins, TwoInstances) {
    const std::string okafor = example("okafor-ready-to-close");
    const std::string id = parse(okafor)->getValue<std::string>("case_id");
    BOOST_TEST_REQUIRE(httpCall(a->port(), "POST", "/api/v1/cases", token, okafor).status == 201);
    const HttpReply read = httpCall(b->port(), "GET", "/api/v1/cases/" + id, token);
    BOOST_TEST_REQUIRE(read.status == 200);
    BOOST_TEST(read.header("ETag") == "\"1\"");

    for (int round = 0; round < 5; ++round) {
        const std::string etag =
            httpCall(a->port(), "GET", "/api/v1/cases/" + id, token).header("ETag");
        std::atomic<int> ok{0}, stale{0};
        auto put = [&](Poco::UInt16 port, const std::string& note) {
            const int status = httpCall(port, "PUT", "/api/v1/cases/" + id, token,
                                        withField(okafor, "x_note", note), {{"If-Match", etag}})
                                   .status;
            if (status == 200) ++ok;
            if (status == 412) ++stale;
        };
        std::thread first(put, a->port(), "from a"), second(put, b->port(), "from b");
        first.join();
        second.join();
        BOOST_TEST(ok.load() == 1, "round " << round);
        BOOST_TEST(stale.load() == 1, "round " << round);
    }
    const HttpReply history = httpCall(b->port(), "GET", "/api/v1/cases/" + id + "/history", token);
    BOOST_TEST(parse(history.body)->getArray("versions")->size() == 6u);
}

BOOST_FIXTURE_TEST_CASE(a_document_issued_through_one_downloads_identical_from_the_other,
                        TwoInstances) {
    const std::string nowak = example("nowak-open");
    const std::string id = parse(nowak)->getValue<std::string>("case_id");
    BOOST_TEST_REQUIRE(httpCall(a->port(), "POST", "/api/v1/cases", token, nowak).status == 201);
    const HttpReply issued = httpCall(a->port(), "POST", "/api/v1/cases/" + id + "/documents",
                                      token, R"({"type":"case_summary","format":"html"})");
    BOOST_TEST_REQUIRE(issued.status == 201, issued.body);
    const Object::Ptr receipt = parse(issued.body);
    const std::string href = receipt->getValue<std::string>("href");
    const HttpReply fromB = httpCall(b->port(), "GET", href, token);
    const HttpReply fromA = httpCall(a->port(), "GET", href, token);
    BOOST_TEST_REQUIRE(fromB.status == 200);
    BOOST_TEST(fromB.body.size() > 1000u);
    BOOST_TEST(fromB.body == fromA.body);
    BOOST_TEST(fromB.header("ETag").find(receipt->getValue<std::string>("sha256")) !=
               std::string::npos);
    BOOST_TEST(httpCall(b->port(), "GET", "/api/v1/cases/" + id, token).header("ETag") == "\"2\"");
}

BOOST_FIXTURE_TEST_CASE(audit_seq_is_unique_and_ordered_across_instances, TwoInstances) {
    const std::string id = parse(example("nowak-open"))->getValue<std::string>("case_id");
    BOOST_TEST_REQUIRE(
        httpCall(a->port(), "POST", "/api/v1/cases", token, example("nowak-open")).status == 201);
    auto reader = [&](Poco::UInt16 port) {
        for (int i = 0; i < 30; ++i) httpCall(port, "GET", "/api/v1/cases/" + id, token);
    };
    std::thread first(reader, a->port()), second(reader, b->port());
    first.join();
    second.join();
    const HttpReply fromA = httpCall(a->port(), "GET", "/api/v1/audit?limit=500&case=" + id, token);
    const HttpReply fromB = httpCall(b->port(), "GET", "/api/v1/audit?limit=500&case=" + id, token);
    BOOST_TEST_REQUIRE(fromA.status == 200);
    const Poco::JSON::Array::Ptr entries = parse(fromB.body)->getArray("entries");
    BOOST_TEST(entries->size() >= 61u);  // the create and 60 reads
    long long last = 0;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        const long long seq = entries->getObject(i)->getValue<long long>("seq");
        BOOST_TEST(seq > last);
        last = seq;
    }
}

BOOST_FIXTURE_TEST_CASE(sigkill_of_one_under_load_loses_nothing_acknowledged, TwoInstances) {
    const std::string okafor = example("okafor-ready-to-close");
    std::set<std::string> acknowledged;
    std::mutex mutex;
    std::condition_variable progress;
    std::atomic<int> next{0};
    std::atomic<bool> killed{false}, stop{false}, bStopped{false};
    std::atomic<int> answeredAfterKill{0};
    auto writer = [&](Poco::UInt16 port) {
        while (!stop) {
            const std::string id = "TWO-" + std::to_string(next++);
            try {
                if (httpCall(port, "POST", "/api/v1/cases", token, withField(okafor, "case_id", id))
                        .status != 201) {
                    return;
                }
            } catch (const Poco::Exception&) {
                return;  // this instance is gone
            }
            std::lock_guard<std::mutex> lock(mutex);
            acknowledged.insert(id);
            if (killed) ++answeredAfterKill;
            progress.notify_all();
        }
    };
    std::thread toA(writer, a->port()), toB([&] {
        writer(b->port());
        std::lock_guard<std::mutex> lock(mutex);
        bStopped = true;
        progress.notify_all();
    });
    {
        std::unique_lock<std::mutex> lock(mutex);
        progress.wait(lock, [&] { return acknowledged.size() >= 40; });
    }
    Poco::Process::kill(a->handle());  // SIGKILL, with a write in flight to each instance
    killed = true;
    toA.join();
    a->handle().wait();
    {
        std::unique_lock<std::mutex> lock(mutex);
        progress.wait(lock, [&] { return answeredAfterKill >= 20 || bStopped; });
    }
    BOOST_TEST(answeredAfterKill.load() >= 20);  // the other instance kept answering
    stop = true;
    toB.join();
    for (const std::string& id : acknowledged) {
        BOOST_TEST(httpCall(b->port(), "GET", "/api/v1/cases/" + id, token).status == 200, id);
    }
}

BOOST_AUTO_TEST_SUITE_END()
