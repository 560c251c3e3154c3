// Slow and greedy clients (docs/security.md, "Slow clients"): sockets that trickle or stall a
// request hold only their own connection and only until its deadline; one address cannot take
// every connection; /health and API reads keep answering meanwhile.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "ApiFixture.h"
#include "http/ConnectionLimiter.h"
#include "http/WorkerSlots.h"

using ehdocs::test::ApiFixture;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kOkafor = "/api/v1/cases/NH-FF-2026-0142";

long long millis(Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

// A client socket from `local` (any 127.x.y.z is this machine) to the service.
Poco::Net::StreamSocket connectFrom(const std::string& local, Poco::UInt16 port) {
    Poco::Net::StreamSocket socket;
    socket.impl()->bind(Poco::Net::SocketAddress(local, 0));
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", port));
    return socket;
}

// Status of a request that must answer within `limit`; -1 when it did not answer at all
// within a few seconds (the client gives up, so the test fails rather than hangs).
int statusOf(Poco::UInt16 port, const std::string& path, const std::string& token,
             Clock::duration& took) {
    const auto start = Clock::now();
    try {
        Poco::Net::HTTPClientSession session("127.0.0.1", port);
        session.setTimeout(Poco::Timespan(3, 0));
        Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!token.empty()) request.set("Authorization", "Bearer " + token);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
        took = Clock::now() - start;
        return response.getStatus();
    } catch (const Poco::Exception&) {
        took = Clock::now() - start;
        return -1;
    }
}

// Everything the server sends until it closes the connection (or `limit` passes).
std::string readUntilClosed(Poco::Net::StreamSocket& socket, Clock::duration limit) {
    socket.setReceiveTimeout(
        Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(limit).count()));
    std::string text;
    char buffer[4096];
    try {
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) text.append(buffer, n);
    } catch (const Poco::Exception&) {
        text += "<no close>";
    }
    return text;
}

bool waitFor(const std::function<bool()>& condition, Clock::duration limit) {
    const auto deadline = Clock::now() + limit;
    while (!condition()) {
        if (Clock::now() > deadline) return false;
        std::this_thread::yield();
    }
    return true;
}

ehdocs::server::Settings withTimeouts(int headerMs, int bodyMs, std::size_t perAddress = 64) {
    ehdocs::server::Settings settings = ApiFixture::testSettings();
    settings.headerTimeoutMs = headerMs;
    settings.bodyTimeoutMs = bodyMs;
    settings.connectionsPerAddress = perAddress;
    return settings;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(slow_clients)

BOOST_FIXTURE_TEST_CASE(health_and_a_read_answer_within_a_second_while_200_slow_sockets_are_open,
                        ApiFixture) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close").status == 201);
    // 200 sockets from ten addresses (under the per-address cap), each stalled half way
    // through its headers: with a thread per worker they would hold every one.
    std::vector<Poco::Net::StreamSocket> slow;
    for (int i = 0; i < 200; ++i) {
        slow.push_back(connectFrom("127.0.0." + std::to_string(2 + i % 10), port));
        const std::string partial = "GET " + kOkafor + " HTTP/1.1\r\nHost: ehdocs\r\n";
        slow.back().sendBytes(partial.data(), static_cast<int>(partial.size()));
    }
    BOOST_REQUIRE(
        waitFor([&] { return http().openConnections() >= 200; }, std::chrono::seconds(5)));

    Clock::duration took{};
    BOOST_TEST(statusOf(port, "/health", "", took) == 200);
    BOOST_TEST(millis(took) < 1000);
    BOOST_TEST(statusOf(port, kOkafor, token("coach_south"), took) == 200);
    BOOST_TEST(millis(took) < 1000);
    BOOST_TEST(http().openConnections() >= 200);  // the slow ones are still open
}

BOOST_AUTO_TEST_CASE(headers_trickled_past_their_deadline_are_answered_408_and_closed) {
    ApiFixture api(withTimeouts(300, 30000));
    Poco::Net::StreamSocket socket = connectFrom("127.0.0.2", api.port);
    const std::string line = "GET /health HTTP/1.1\r\n";
    socket.sendBytes(line.data(), static_cast<int>(line.size()));
    // One header line every 50 ms, each well inside any receive timeout, until the server
    // answers (or 5 s pass, which would mean it never enforces the deadline).
    const auto start = Clock::now();
    while (!socket.poll(Poco::Timespan(0, 50000), Poco::Net::Socket::SELECT_READ) &&
           Clock::now() - start < std::chrono::seconds(5)) {
        const std::string header = "X-Slow: yes\r\n";
        socket.sendBytes(header.data(), static_cast<int>(header.size()));
    }
    const std::string answer = readUntilClosed(socket, std::chrono::seconds(2));
    BOOST_TEST(answer.rfind("HTTP/1.1 408", 0) == 0, answer);
    BOOST_TEST(millis(Clock::now() - start) < 2000);
}

BOOST_AUTO_TEST_CASE(a_connection_that_sends_nothing_is_closed_at_the_header_deadline) {
    ApiFixture api(withTimeouts(300, 30000));
    Poco::Net::StreamSocket socket = connectFrom("127.0.0.2", api.port);
    const auto start = Clock::now();
    const std::string answer = readUntilClosed(socket, std::chrono::seconds(3));
    BOOST_TEST(answer.rfind("HTTP/1.1 408", 0) == 0, answer);
    BOOST_TEST(millis(Clock::now() - start) < 2000);
    BOOST_TEST(waitFor([&] { return api.http().openConnections() == 0; }, std::chrono::seconds(2)));
}

BOOST_AUTO_TEST_CASE(a_body_shorter_than_its_content_length_is_answered_408_and_audited) {
    ApiFixture api(withTimeouts(10000, 300));
    Poco::Net::StreamSocket socket = connectFrom("127.0.0.2", api.port);
    const std::string request =
        "POST /api/v1/cases HTTP/1.1\r\nHost: ehdocs\r\nAuthorization: "
        "Bearer " +
        api.token("admin") +
        "\r\nContent-Type: application/json\r\n"
        "Content-Length: 100\r\n\r\n{\"schema\":";
    socket.sendBytes(request.data(), static_cast<int>(request.size()));
    const auto start = Clock::now();
    const std::string answer = readUntilClosed(socket, std::chrono::seconds(5));
    BOOST_TEST(answer.rfind("HTTP/1.1 408", 0) == 0, answer);
    BOOST_TEST(answer.find("request_timeout") != std::string::npos, answer);
    BOOST_TEST(millis(Clock::now() - start) < 2000);
    bool audited = false;
    for (const auto& entry : api.store.audit({})) {
        audited = audited || entry.outcome == "request_timeout";
    }
    BOOST_TEST(audited);
}

BOOST_AUTO_TEST_CASE(an_address_over_its_share_is_refused_429_and_other_addresses_are_served) {
    ApiFixture api(withTimeouts(10000, 30000, 4));
    std::vector<Poco::Net::StreamSocket> held;
    for (int i = 0; i < 4; ++i) held.push_back(connectFrom("127.0.0.2", api.port));
    BOOST_REQUIRE(
        waitFor([&] { return api.http().openConnections() == 4; }, std::chrono::seconds(5)));
    Poco::Net::StreamSocket fifth = connectFrom("127.0.0.2", api.port);
    const std::string answer = readUntilClosed(fifth, std::chrono::seconds(3));
    BOOST_TEST(answer.rfind("HTTP/1.1 429", 0) == 0, answer);
    BOOST_TEST(answer.find("Retry-After: 1") != std::string::npos, answer);

    Poco::Net::StreamSocket other = connectFrom("127.0.0.3", api.port);
    const std::string request = "GET /health HTTP/1.1\r\nHost: ehdocs\r\nConnection: close\r\n\r\n";
    other.sendBytes(request.data(), static_cast<int>(request.size()));
    const std::string health = readUntilClosed(other, std::chrono::seconds(3));
    BOOST_TEST(health.rfind("HTTP/1.1 200", 0) == 0, health);
}

BOOST_AUTO_TEST_CASE(the_limits_are_settings_with_defaults_in_the_example_file) {
    using ehdocs::server::Settings;
    const Settings d = Settings::load("", {});
    const Settings example = Settings::load(EHDOCS_SOURCE_DIR "/examples/ehdocs.properties", {});
    BOOST_TEST(d.headerTimeoutMs == 10000);
    BOOST_TEST(d.bodyTimeoutMs == 30000);
    BOOST_TEST(d.maxConnections == 1024u);
    BOOST_TEST(d.connectionsPerAddress == 64u);
    BOOST_TEST(d.authFailureLimit == 20);
    BOOST_TEST(d.authBlockSeconds == 60);
    BOOST_TEST(example.headerTimeoutMs == d.headerTimeoutMs);
    BOOST_TEST(example.bodyTimeoutMs == d.bodyTimeoutMs);
    BOOST_TEST(example.maxConnections == d.maxConnections);
    BOOST_TEST(example.connectionsPerAddress == d.connectionsPerAddress);
    BOOST_TEST(example.authFailureLimit == d.authFailureLimit);
    BOOST_TEST(example.authBlockSeconds == d.authBlockSeconds);
    const Settings env = Settings::load("", {{"EHDOCS_SERVER_HEADER_TIMEOUT_MS", "2500"},
                                             {"EHDOCS_SERVER_CONNECTIONS_PER_ADDRESS", "8"}});
    BOOST_TEST(env.headerTimeoutMs == 2500);
    BOOST_TEST(env.connectionsPerAddress == 8u);
}

BOOST_AUTO_TEST_CASE(connection_limiter_counts_per_address_and_in_all) {
    using ehdocs::http::ConnectionLimiter;
    ConnectionLimiter limiter(3, 2);
    BOOST_TEST((limiter.admit("a") == ConnectionLimiter::Admission::admitted));
    BOOST_TEST((limiter.admit("a") == ConnectionLimiter::Admission::admitted));
    BOOST_TEST((limiter.admit("a") == ConnectionLimiter::Admission::addressFull));
    BOOST_TEST((limiter.admit("b") == ConnectionLimiter::Admission::admitted));
    BOOST_TEST((limiter.admit("c") == ConnectionLimiter::Admission::serverFull));
    limiter.release("a");
    BOOST_TEST(limiter.openFrom("a") == 1u);
    BOOST_TEST((limiter.admit("c") == ConnectionLimiter::Admission::admitted));
    BOOST_TEST(limiter.open() == 3u);
}

BOOST_AUTO_TEST_CASE(worker_slots_queue_up_to_their_limit_and_refuse_beyond_it) {
    using ehdocs::http::WorkerSlots;
    WorkerSlots slots(1, 1);
    auto first = std::make_unique<WorkerSlots::Lease>(slots);
    BOOST_TEST(first->acquired());
    std::atomic<bool> secondRan{false};
    std::thread second([&] {
        WorkerSlots::Lease lease(slots);  // waits in the queue for the first to finish
        secondRan = lease.acquired();
    });
    // While the second waits, a third finds the queue full and is refused at once.
    BOOST_REQUIRE(waitFor([&] { return slots.waiting() == 1; }, std::chrono::seconds(5)));
    BOOST_TEST(!WorkerSlots::Lease(slots).acquired());
    first.reset();
    second.join();
    BOOST_TEST(secondRan.load());
    BOOST_TEST(slots.busy() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
