// The HTTP API end to end, against an in-process server (ApiFixture): every endpoint's success
// and failure codes, concurrency, the closure gate, issue and download, hostile input.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Zip/ZipArchive.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <thread>

#include "ApiFixture.h"
#include "server/Tokens.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;
using Poco::JSON::Object;

namespace {

const std::string kOkafor = "/api/v1/cases/NH-FF-2026-0142";

Object::Ptr json(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Object::Ptr>();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The case file with one string field replaced (a simple, valid edit).
std::string withSummary(const std::string& caseJson, const std::string& summary) {
    Object::Ptr kase = json(caseJson);
    kase->getObject("referral")->set("summary", summary);
    std::ostringstream out;
    kase->stringify(out);
    return out.str();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(api, ApiFixture)

BOOST_AUTO_TEST_CASE(health_needs_no_token_and_metrics_are_prometheus_text) {
    const Reply health = call("GET", "/health");
    BOOST_TEST(health.status == 200);
    BOOST_TEST(json(health.body)->getValue<std::string>("status") == "ok");
    postExample("okafor-ready-to-close");
    call("GET", kOkafor, token("admin"));
    const Reply metrics = call("GET", "/metrics");
    BOOST_TEST(metrics.status == 200);
    BOOST_TEST(contains(metrics.header("Content-Type"), "text/plain; version=0.0.4"));
    BOOST_TEST(contains(metrics.body, "ehdocs_cases_stored 1\n"));
    BOOST_TEST(contains(
        metrics.body, "ehdocs_http_requests_total{route=\"/api/v1/cases/{id}\",status=\"200\"} 1"));
    BOOST_TEST(contains(metrics.body,
                        "ehdocs_http_request_duration_seconds_bucket{route=\"/api/v1/"
                        "cases\",le=\"+Inf\"} 1"));
    BOOST_TEST(contains(metrics.body, "ehdocs_renderer_busy 1\n"));
    BOOST_TEST(contains(metrics.body, "ehdocs_renderer_queued 2\n"));
    BOOST_TEST(!contains(metrics.body, "NH-FF-2026-0142"));
}

BOOST_AUTO_TEST_CASE(unknown_routes_are_404_and_wrong_methods_405_with_one_error_shape) {
    const Reply missing = call("GET", "/api/v1/nothing", token("admin"));
    BOOST_TEST(missing.status == 404);
    BOOST_TEST(missing.errorCode() == "not_found");
    Object::Ptr error = json(missing.body)->getObject("error");
    BOOST_TEST(contains(error->getValue<std::string>("message"), "/api/v1/nothing"));
    BOOST_TEST(error->has("details"));
    BOOST_TEST(!missing.header("X-Request-Id").empty());

    const Reply wrong = call("DELETE", kOkafor, token("admin"));
    BOOST_TEST(wrong.status == 405);
    BOOST_TEST(wrong.errorCode() == "method_not_allowed");
    BOOST_TEST(wrong.header("Allow") == "GET, HEAD, PUT");
}

BOOST_AUTO_TEST_CASE(api_calls_need_a_valid_token_and_refusals_are_audited) {
    postExample("okafor-ready-to-close");
    const Reply none = call("GET", kOkafor, "", "", {{"X-Request-Id", "anon-1"}});
    BOOST_TEST(none.status == 401);
    BOOST_TEST(none.errorCode() == "unauthorized");
    BOOST_TEST(contains(none.body, "Authorization: Bearer TOKEN"));
    BOOST_TEST(none.header("WWW-Authenticate") == "Bearer realm=\"ehdocs\"");
    BOOST_TEST(none.header("X-Request-Id") == "anon-1");
    const Reply bad = call("GET", kOkafor, "ehd_not-a-real-token");
    BOOST_TEST(bad.status == 401);
    BOOST_TEST(contains(bad.body, "not valid"));

    const Reply trail = call("GET", "/api/v1/audit?case=NH-FF-2026-0142", token("admin"));
    BOOST_TEST_REQUIRE(trail.status == 200);
    BOOST_TEST(contains(trail.body, "\"request_id\":\"anon-1\""));
    BOOST_TEST(contains(trail.body, "\"outcome\":\"unauthorized\""));
}

BOOST_AUTO_TEST_CASE(create_answers_201_with_location_and_etag_then_409) {
    const Reply created = postExample("okafor-ready-to-close", "coach_south");
    BOOST_TEST(created.status == 201);
    BOOST_TEST(created.header("Location") == kOkafor);
    BOOST_TEST(created.header("ETag") == "\"1\"");
    BOOST_TEST(json(created.body)->getValue<int>("version") == 1);

    const Reply again = postExample("okafor-ready-to-close", "coach_south");
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.errorCode() == "conflict");
    BOOST_TEST(contains(again.body, "already exists"));

    const Reply got = call("GET", kOkafor, token("coach_south"));
    BOOST_TEST(got.status == 200);
    BOOST_TEST(got.header("ETag") == "\"1\"");
    BOOST_TEST(got.body == example("okafor-ready-to-close"));
}

BOOST_AUTO_TEST_CASE(an_invalid_case_is_422_listing_every_error_with_its_path) {
    Object::Ptr kase = json(example("okafor-ready-to-close"));
    kase->set("status", "pending");
    kase->getObject("referral")->set("received", "2026-02-30T09:00");
    std::ostringstream out;
    kase->stringify(out);
    const Reply reply = call("POST", "/api/v1/cases", token("admin"), out.str());
    BOOST_TEST(reply.status == 422);
    BOOST_TEST(reply.errorCode() == "invalid_case");
    Poco::JSON::Array::Ptr details = json(reply.body)->getObject("error")->getArray("details");
    BOOST_TEST_REQUIRE(details->size() >= 2u);
    std::string paths;
    for (std::size_t i = 0; i < details->size(); ++i) {
        paths += details->getObject(i)->getValue<std::string>("path") + " ";
        BOOST_TEST(!details->getObject(i)->getValue<std::string>("message").empty());
    }
    BOOST_TEST(contains(paths, "status"));
    BOOST_TEST(contains(paths, "referral.received"));
    BOOST_TEST(call("GET", kOkafor, token("admin")).status == 404);
}

BOOST_AUTO_TEST_CASE(update_needs_if_match_and_a_stale_version_is_412) {
    postExample("okafor-ready-to-close", "coach_south");
    const std::string changed = withSummary(example("okafor-ready-to-close"), "Updated summary");

    const Reply noVersion = call("PUT", kOkafor, token("coach_south"), changed);
    BOOST_TEST(noVersion.status == 428);
    BOOST_TEST(noVersion.errorCode() == "version_required");

    const Reply ok = call("PUT", kOkafor, token("coach_south"), changed, {{"If-Match", "\"1\""}});
    BOOST_TEST(ok.status == 200);
    BOOST_TEST(ok.header("ETag") == "\"2\"");

    const Reply stale =
        call("PUT", kOkafor, token("coach_south"), changed, {{"If-Match", "\"1\""}});
    BOOST_TEST(stale.status == 412);
    BOOST_TEST(stale.errorCode() == "stale_version");
    BOOST_TEST(contains(stale.body, "version 2"));

    const Reply otherCase =
        call("PUT", "/api/v1/cases/OTHER", token("admin"), changed, {{"If-Match", "\"1\""}});
    BOOST_TEST(otherCase.status == 404);

    const Reply history = call("GET", kOkafor + "/history", token("leader_south"));
    BOOST_TEST(history.status == 200);
    auto versions = json(history.body)->getArray("versions");
    BOOST_TEST_REQUIRE(versions->size() == 2u);
    BOOST_TEST(versions->getObject(1)->getValue<std::string>("author") == "coach_south");
    BOOST_TEST(versions->getObject(1)->getValue<std::string>("action") == "update");
    BOOST_TEST(contains(call("GET", kOkafor, token("admin")).body, "Updated summary"));
}

BOOST_AUTO_TEST_CASE(two_puts_with_the_same_etag_exactly_one_wins) {
    postExample("okafor-ready-to-close", "coach_south");
    for (int round = 1; round <= 5; ++round) {
        const std::string etag = "\"" + std::to_string(round) + "\"";
        std::atomic<int> ok{0}, stale{0}, other{0};
        std::vector<std::thread> writers;
        for (int w = 0; w < 2; ++w) {
            writers.emplace_back([&, w] {
                const std::string body =
                    withSummary(example("okafor-ready-to-close"), "writer " + std::to_string(w));
                const int status =
                    call("PUT", kOkafor, token("coach_south"), body, {{"If-Match", etag}}).status;
                (status == 200 ? ok : status == 412 ? stale : other)++;
            });
        }
        for (auto& t : writers) t.join();
        BOOST_TEST(ok.load() == 1);
        BOOST_TEST(stale.load() == 1);
        BOOST_TEST(other.load() == 0);
    }
    BOOST_TEST(call("GET", kOkafor, token("admin")).header("ETag") == "\"6\"");
}

BOOST_AUTO_TEST_CASE(list_filters_and_scopes_by_team) {
    postExample("okafor-ready-to-close");
    postExample("bennett-disengaged");
    postExample("nowak-open");
    const Reply all = call("GET", "/api/v1/cases", token("admin"));
    BOOST_TEST(all.status == 200);
    auto cases = json(all.body)->getArray("cases");
    BOOST_TEST(cases->size() == 3u);

    const Reply south = call("GET", "/api/v1/cases", token("coach_south"));
    cases = json(south.body)->getArray("cases");
    BOOST_TEST_REQUIRE(cases->size() == 1u);
    Object::Ptr okafor = cases->getObject(0);
    BOOST_TEST(okafor->getValue<std::string>("case_id") == "NH-FF-2026-0142");
    BOOST_TEST(okafor->getValue<std::string>("family") == "Okafor");
    BOOST_TEST(okafor->getValue<std::string>("team") == "South");
    BOOST_TEST(okafor->getValue<std::string>("lead_worker") == "w1");
    BOOST_TEST(okafor->getValue<std::string>("lead_worker_name") == "Amira Khan");
    BOOST_TEST(okafor->getValue<std::string>("status") == "open");
    BOOST_TEST(okafor->getValue<int>("version") == 1);
    BOOST_TEST(okafor->getValue<bool>("ready_to_close") == true);

    BOOST_TEST(call("GET", "/api/v1/cases?team=North%20Locality", token("coach_south")).status ==
               403);
    const Reply filtered =
        call("GET", "/api/v1/cases?team=East%20Locality&status=open", token("sf"));
    BOOST_TEST(json(filtered.body)->getArray("cases")->size() == 1u);
    const Reply byLead = call("GET", "/api/v1/cases?lead_worker=nobody", token("admin"));
    BOOST_TEST(json(byLead.body)->getArray("cases")->size() == 0u);
}

BOOST_AUTO_TEST_CASE(readiness_answers_the_report_of_the_closure_rules) {
    postExample("okafor-ready-to-close");
    postExample("nowak-open");
    const Reply ready = call("GET", kOkafor + "/readiness", token("coach_south"));
    BOOST_TEST(ready.status == 200);
    Object::Ptr report = json(ready.body);
    BOOST_TEST(report->getValue<std::string>("case_id") == "NH-FF-2026-0142");
    BOOST_TEST(report->getValue<std::string>("profile") == "newham-ffs");
    BOOST_TEST(report->getValue<bool>("ready_to_close") == true);
    BOOST_TEST(report->getArray("blocking")->size() == 0u);
    BOOST_TEST(report->getArray("passed")->size() > 0u);

    const Reply open =
        call("GET", "/api/v1/cases/DOR-LEH-2026-1207/readiness?as_of=2026-05-01", token("admin"));
    BOOST_TEST(open.status == 200);
    report = json(open.body);
    BOOST_TEST(report->getValue<std::string>("as_of") == "2026-05-01");
    BOOST_TEST(report->getValue<bool>("ready_to_close") == false);

    const Reply bad = call("GET", kOkafor + "/readiness?as_of=yesterday", token("admin"));
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(contains(bad.body, "as_of: \\\"yesterday\\\" is not a date"));
    BOOST_TEST(call("GET", "/api/v1/cases/NOPE/readiness", token("admin")).status == 404);
}

BOOST_AUTO_TEST_CASE(the_closure_gate_refuses_while_anything_blocks) {
    postExample("nowak-open");
    const Reply refused = call("POST", "/api/v1/cases/DOR-LEH-2026-1207/close", token("admin"));
    BOOST_TEST(refused.status == 409);
    BOOST_TEST(refused.errorCode() == "not_ready_to_close");
    Object::Ptr details = json(refused.body)->getObject("error")->getObject("details");
    BOOST_TEST_REQUIRE(details);
    BOOST_TEST(details->getValue<bool>("ready_to_close") == false);
    BOOST_TEST(details->getArray("blocking")->size() > 0u);
    BOOST_TEST(contains(refused.body, "closure.reason"));
    // Nothing changed.
    BOOST_TEST(call("GET", "/api/v1/cases/DOR-LEH-2026-1207", token("admin")).header("ETag") ==
               "\"1\"");
}

BOOST_AUTO_TEST_CASE(a_team_leader_closes_a_ready_case_in_a_new_version) {
    postExample("okafor-ready-to-close", "coach_south");
    BOOST_TEST(call("POST", kOkafor + "/close", token("coach_south")).status == 403);
    BOOST_TEST(call("POST", kOkafor + "/close", token("leader_north")).status == 403);
    const Reply closed = call("POST", kOkafor + "/close", token("leader_south"));
    BOOST_TEST_REQUIRE(closed.status == 200);
    BOOST_TEST(closed.header("ETag") == "\"2\"");
    BOOST_TEST(json(closed.body)->getValue<std::string>("status") == "closed");

    Object::Ptr kase = json(call("GET", kOkafor, token("admin")).body);
    BOOST_TEST(kase->getValue<std::string>("status") == "closed");
    Object::Ptr authorised = kase->getObject("closure")->getObject("authorised");
    BOOST_TEST_REQUIRE(authorised);
    BOOST_TEST(authorised->getValue<std::string>("date") == "2026-07-01");
    // The closing user is not one of the case's workers, so they were added to it.
    BOOST_TEST(authorised->getValue<std::string>("by") == "user.leader_south");
    auto workers = kase->getArray("workers");
    Object::Ptr added = workers->getObject(workers->size() - 1);
    BOOST_TEST(added->getValue<std::string>("id") == "user.leader_south");
    BOOST_TEST(added->getValue<std::string>("role") == "team_leader");

    const Reply again = call("POST", kOkafor + "/close", token("leader_south"));
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.errorCode() == "case_closed");
}

BOOST_AUTO_TEST_CASE(a_post_without_a_body_is_answered_at_once) {
    postExample("okafor-ready-to-close");
    // As `curl -X POST URL` sends it: no Content-Length, no body. The server must not wait for
    // one (its own timeout is 60 s; this client gives up after 10).
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string request = "POST " + kOkafor +
                                "/close HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                token("leader_south") + "\r\nConnection: close\r\n\r\n";
    socket.sendBytes(request.data(), static_cast<int>(request.size()));
    std::string response;
    char buffer[4096];
    for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;) response.append(buffer, n);
    BOOST_TEST(response.rfind("HTTP/1.1 200", 0) == 0u);
    BOOST_TEST(contains(response, "\"status\":\"closed\""));
}

BOOST_AUTO_TEST_CASE(render_previews_without_storing) {
    postExample("okafor-ready-to-close");
    const Reply html =
        call("GET", kOkafor + "/render/closure_letter?format=html", token("coach_south"));
    BOOST_TEST(html.status == 200);
    BOOST_TEST(html.header("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(html.body == "<html><body>closure_letter for NH-FF-2026-0142</body></html>");
    const Reply pdf =
        call("GET", kOkafor + "/render/closure_letter?format=pdf", token("coach_south"));
    BOOST_TEST(pdf.header("Content-Type") == "application/pdf");
    BOOST_TEST(call("GET", kOkafor + "/render/closure_letter?format=docx", token("admin")).status ==
               400);
    BOOST_TEST(call("GET", kOkafor + "/render/no_such_type", token("admin")).status == 404);
    BOOST_TEST(call("GET", kOkafor, token("admin")).header("ETag") == "\"1\"");
}

BOOST_AUTO_TEST_CASE(issue_then_download_is_byte_identical_every_time) {
    postExample("okafor-ready-to-close");
    const Reply issued = call("POST", kOkafor + "/documents", token("coach_south"),
                              R"({"type": "closure_letter", "format": "pdf"})");
    BOOST_TEST_REQUIRE(issued.status == 201);
    Object::Ptr result = json(issued.body);
    const std::string docId = result->getValue<std::string>("document_id");
    const std::string sha = result->getValue<std::string>("sha256");
    BOOST_TEST(issued.header("Location") == "/api/v1/documents/" + docId);
    BOOST_TEST(result->getValue<int>("case_version") == 2);

    const Reply first = call("GET", "/api/v1/documents/" + docId, token("coach_south"));
    const Reply second = call("GET", "/api/v1/documents/" + docId, token("leader_south"));
    BOOST_TEST(first.status == 200);
    BOOST_TEST(first.header("Content-Type") == "application/pdf");
    BOOST_TEST(first.body == second.body);
    BOOST_TEST(ehdocs::server::Tokens::sha256Hex(first.body) == sha);
    BOOST_TEST(first.body.size() > 12u);
    BOOST_TEST(first.body[9] == '\0');

    // The case records the issue, and the letter in its correspondence.
    Object::Ptr kase = json(call("GET", kOkafor, token("admin")).body);
    auto documents = kase->getArray("documents");
    Object::Ptr last = documents->getObject(documents->size() - 1);
    BOOST_TEST(last->getValue<std::string>("id") == docId);
    BOOST_TEST(last->getValue<std::string>("sha256") == sha);
    BOOST_TEST(last->getValue<std::string>("type") == "closure_letter");
    BOOST_TEST(last->getValue<std::string>("issued_at") == "2026-07-01T10:00:00Z");
    auto letters = kase->getArray("correspondence");
    Object::Ptr letter = letters->getObject(letters->size() - 1);
    BOOST_TEST(letter->getValue<std::string>("document") == docId);
    BOOST_TEST(letter->getValue<std::string>("party") == "The Okafor family");

    BOOST_TEST(call("GET", "/api/v1/documents/" + docId, token("coach_north")).status == 403);
    BOOST_TEST(call("GET", "/api/v1/documents/doc-none", token("admin")).status == 404);
    BOOST_TEST(
        call("POST", kOkafor + "/documents", token("admin"), R"({"format": "pdf"})").status == 400);
    BOOST_TEST(call("POST", kOkafor + "/documents", token("admin"), "[1]").status == 400);
}

BOOST_AUTO_TEST_CASE(subject_access_is_a_zip_of_case_documents_and_audit_trail) {
    postExample("okafor-ready-to-close");
    const Reply issued = call("POST", kOkafor + "/documents", token("admin"),
                              R"({"type": "case_summary", "format": "html"})");
    const std::string docId = json(issued.body)->getValue<std::string>("document_id");
    const Reply zip = call("GET", kOkafor + "/subject-access", token("leader_south"));
    BOOST_TEST_REQUIRE(zip.status == 200);
    BOOST_TEST(zip.header("Content-Type") == "application/zip");
    std::istringstream in(zip.body);
    Poco::Zip::ZipArchive archive(in);
    std::set<std::string> names;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) names.insert(it->first);
    for (const std::string& name :
         {std::string("README.txt"), std::string("case.json"), std::string("history.json"),
          std::string("audit.json"), std::string("documents.json"),
          "documents/" + docId + ".html"}) {
        BOOST_TEST(names.count(name) == 1u, name);
    }
    BOOST_TEST(call("GET", kOkafor + "/subject-access", token("coach_south")).status == 403);
}

BOOST_AUTO_TEST_CASE(the_audit_trail_is_for_admins_and_filters_by_case_user_and_time) {
    postExample("okafor-ready-to-close", "coach_south");
    call("GET", kOkafor, token("coach_south"), "", {{"X-Request-Id", "read-1"}});
    call("GET", kOkafor, token("coach_north"), "", {{"X-Request-Id", "refused-1"}});
    BOOST_TEST(call("GET", "/api/v1/audit", token("leader_south")).status == 403);

    const Reply byUser = call("GET", "/api/v1/audit?user=coach_north", token("admin"));
    BOOST_TEST_REQUIRE(byUser.status == 200);
    auto entries = json(byUser.body)->getArray("entries");
    BOOST_TEST_REQUIRE(entries->size() == 1u);
    Object::Ptr refused = entries->getObject(0);
    BOOST_TEST(refused->getValue<std::string>("outcome") == "forbidden");
    BOOST_TEST(refused->getValue<std::string>("action") == "read");
    BOOST_TEST(refused->getValue<std::string>("case") == "NH-FF-2026-0142");
    BOOST_TEST(refused->getValue<std::string>("role") == "coach");
    BOOST_TEST(refused->getValue<std::string>("request_id") == "refused-1");
    BOOST_TEST(refused->getValue<std::string>("at") == "2026-07-01T10:00:00Z");

    const Reply inRange = call(
        "GET", "/api/v1/audit?case=NH-FF-2026-0142&from=2026-07-01&to=2026-07-01", token("admin"));
    BOOST_TEST(json(inRange.body)->getArray("entries")->size() == 3u);
    const Reply before =
        call("GET", "/api/v1/audit?case=NH-FF-2026-0142&to=2026-06-30", token("admin"));
    BOOST_TEST(json(before.body)->getArray("entries")->size() == 0u);
    BOOST_TEST(call("GET", "/api/v1/audit?from=soon", token("admin")).status == 400);
}

BOOST_AUTO_TEST_CASE(a_supporting_families_coordinator_reads_only_the_sf_view) {
    postExample("okafor-ready-to-close");
    const Reply view = call("GET", kOkafor, token("sf"));
    BOOST_TEST(view.status == 200);
    Object::Ptr kase = json(view.body);
    BOOST_TEST(kase->getValue<std::string>("case_id") == "NH-FF-2026-0142");
    BOOST_TEST(kase->has("supporting_families") ==
               json(example("okafor-ready-to-close"))->has("supporting_families"));
    BOOST_TEST(!kase->has("contacts"));
    BOOST_TEST(!kase->has("referral"));
    BOOST_TEST(!kase->getObject("family")->getArray("members")->getObject(0)->has("dob"));
}

BOOST_AUTO_TEST_CASE(oversized_malformed_and_hostile_bodies_are_refused_cleanly) {
    const std::string big(300 * 1024, ' ');
    const Reply tooBig = call("POST", "/api/v1/cases", token("admin"), big);
    BOOST_TEST(tooBig.status == 413);
    BOOST_TEST(tooBig.errorCode() == "payload_too_large");

    const Reply notJson = call("POST", "/api/v1/cases", token("admin"), "{\"format\": ");
    BOOST_TEST(notJson.status == 422);
    BOOST_TEST(notJson.errorCode() == "invalid_case");

    const Reply array = call("POST", "/api/v1/cases", token("admin"), "[]");
    BOOST_TEST(array.status == 422);

    const Reply deep = call("POST", "/api/v1/cases", token("admin"),
                            std::string(5000, '[') + std::string(5000, ']'));
    BOOST_TEST(deep.status == 422);

    const Reply binary = call("POST", "/api/v1/cases", token("admin"),
                              std::string("{\"case_id\": \"\xff\xfe\x00\x01\"}", 20));
    BOOST_TEST(binary.status == 422);

    // Markup and quotes in case text are kept as text, and come back as valid JSON.
    const std::string hostile = "<script>alert(\"x\")</script>\\u0000 ' \" {{mustache}}";
    const std::string body = withSummary(example("okafor-ready-to-close"), hostile);
    BOOST_TEST(call("POST", "/api/v1/cases", token("admin"), body).status == 201);
    Object::Ptr kase = json(call("GET", kOkafor, token("admin")).body);
    BOOST_TEST(kase->getObject("referral")->getValue<std::string>("summary") == hostile);

    // Refusals before any endpoint ran are audited too.
    call("PUT", kOkafor, token("coach_south"), big, {{"X-Request-Id", "big-1"}});
    call("DELETE", kOkafor, token("coach_south"), "", {{"X-Request-Id", "delete-1"}});
    ehdocs::store::AuditQuery query;
    query.caseId = "NH-FF-2026-0142";
    std::map<std::string, std::string> outcomes;
    for (const auto& entry : store.audit(query)) outcomes[entry.requestId] = entry.outcome;
    BOOST_TEST(outcomes["big-1"] == "payload_too_large");
    BOOST_TEST(outcomes["delete-1"] == "method_not_allowed");

    // The server is still well after all of that.
    BOOST_TEST(call("GET", "/health").status == 200);
}

BOOST_AUTO_TEST_CASE(exports_answer_workbooks_built_from_every_stored_case) {
    postExample("okafor-ready-to-close");
    postExample("bennett-disengaged");
    const Reply sf = call("GET", "/api/v1/exports/sf.xlsx?as_of=2026-07-01", token("sf"));
    BOOST_TEST(sf.status == 200);
    BOOST_TEST(sf.header("Content-Type") ==
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    BOOST_TEST(sf.body.rfind("PK", 0) == 0u);
    std::istringstream in(sf.body);
    Poco::Zip::ZipArchive archive(in);
    BOOST_TEST((archive.findHeader("xl/workbook.xml") != archive.headerEnd()));

    const Reply kpi =
        call("GET", "/api/v1/exports/kpi.xlsx?from=2026-01-01&to=2026-06-30", token("admin"));
    BOOST_TEST(kpi.status == 200);
    BOOST_TEST(kpi.body.rfind("PK", 0) == 0u);

    const Reply noPeriod = call("GET", "/api/v1/exports/kpi.xlsx", token("admin"));
    BOOST_TEST(noPeriod.status == 400);
    BOOST_TEST(contains(noPeriod.body, "this export needs from"));
    BOOST_TEST(call("GET", "/api/v1/exports/sf.xlsx?as_of=soon", token("sf")).status == 400);
    BOOST_TEST(call("GET", "/api/v1/exports/other.xlsx", token("sf")).status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
