// The closure gate over HTTP (docs/api.md, "Closing, reopening and the read-only rule"): only
// POST .../close closes, a closed case is read-only until a team leader reopens it, every
// refusal is audited, and the dates the service writes are UK dates from its one clock.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <functional>
#include <sstream>
#include <thread>

#include "ApiFixture.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;
using Poco::JSON::Object;
namespace data = boost::unit_test::data;

namespace {

const std::string kOkafor = "/api/v1/cases/NH-FF-2026-0142";

Object::Ptr json(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Object::Ptr>();
}

std::string text(Object::Ptr object) {
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

// The Okafor case file after `edit`.
std::string okaforWith(const std::function<void(Object::Ptr)>& edit) {
    Object::Ptr kase = json(ApiFixture::example("okafor-ready-to-close"));
    edit(kase);
    return text(kase);
}

Object::Ptr signOff(const std::string& by, const std::string& date) {
    Object::Ptr authorised = new Object();
    authorised->set("by", by);
    authorised->set("date", date);
    return authorised;
}

// The newest audit entry with this request id.
ehdocs::store::AuditEntry auditEntry(ApiFixture& api, const std::string& requestId) {
    ehdocs::store::AuditEntry found;
    for (const auto& entry : api.store.audit({})) {
        if (entry.requestId == requestId) found = entry;
    }
    return found;
}

std::string etagOf(ApiFixture& api) {
    return api.call("GET", kOkafor, api.token("admin")).header("ETag");
}

struct ClosedOkafor : ApiFixture {
    ClosedOkafor() {
        postExample("okafor-ready-to-close", "coach_south");
        BOOST_TEST_REQUIRE(call("POST", kOkafor + "/close", token("leader_south")).status == 200);
    }
};

// An edit that tries to close the case, the field the refusal must name, and who sends it.
struct ClosingEdit {
    const char* name;
    const char* field;
    std::function<void(Object::Ptr)> edit;
};

const ClosingEdit kClosingEdits[] = {
    {"status closed with the team leader's sign-off", "status",
     [](Object::Ptr k) {
         k->set("status", "closed");
         k->getObject("closure")->set("authorised", signOff("w2", "2026-06-30"));
     }},
    {"status closed alone", "status", [](Object::Ptr k) { k->set("status", "closed"); }},
    {"the sign-off added to an open case", "closure.authorised",
     [](Object::Ptr k) {
         k->getObject("closure")->set("authorised", signOff("w2", "2026-06-30"));
     }},
};

}  // namespace

BOOST_DATA_TEST_CASE(an_edit_that_closes_is_refused_naming_the_field_and_audited,
                     data::xrange(std::size(kClosingEdits)) * data::make({"coach_south", "admin"}),
                     index, user) {
    ApiFixture api;
    const ClosingEdit& attempt = kClosingEdits[index];
    api.postExample("okafor-ready-to-close", "coach_south");
    const Reply put = api.call("PUT", kOkafor, api.token(user), okaforWith(attempt.edit),
                               {{"If-Match", "\"1\""}, {"X-Request-Id", "close-by-edit"}});
    BOOST_TEST_CONTEXT(attempt.name << " by " << user) {
        BOOST_TEST(put.status == 409);
        BOOST_TEST(put.errorCode() == "closure_by_close_only");
        Object::Ptr error = json(put.body)->getObject("error");
        BOOST_TEST(error->getObject("details")->getValue<std::string>("field") == attempt.field);
        BOOST_TEST(error->getValue<std::string>("message").rfind(attempt.field, 0) == 0u);
        BOOST_TEST(error->getValue<std::string>("message").find("/close") != std::string::npos);
        if (std::string(attempt.field) == "status") {  // as docs/api.md quotes it
            BOOST_TEST(error->getValue<std::string>("message") ==
                       "status: a written case file may not set status \"closed\"; send "
                       "\"open\"; only POST /api/v1/cases/NH-FF-2026-0142/close closes a case, "
                       "once it is ready, and only POST .../reopen reopens one");
        }
        // Nothing stored, and the case is still open.
        BOOST_TEST(etagOf(api) == "\"1\"");
        BOOST_TEST(json(api.call("GET", kOkafor, api.token("admin")).body)
                       ->getValue<std::string>("status") == "open");
        const auto entry = auditEntry(api, "close-by-edit");
        BOOST_TEST(entry.action == "update");
        BOOST_TEST(entry.outcome == "closure_by_close_only");
        BOOST_TEST(entry.caseId == "NH-FF-2026-0142");
        BOOST_TEST(entry.user == user);
    }
}

// 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST); 00:30 UTC is 01:30.
const long long kSummerNight[] = {ApiFixture::kFirstOfJuly - 37800,
                                  ApiFixture::kFirstOfJuly - 34200};

BOOST_DATA_TEST_CASE(on_a_summer_night_the_service_writes_the_uk_date, data::make(kSummerNight),
                     at) {
    ApiFixture api;
    api.now = at;
    const std::string stamp =
        at == kSummerNight[0] ? "2026-06-30T23:30:00Z" : "2026-07-01T00:30:00Z";
    api.postExample("okafor-ready-to-close", "coach_south");
    BOOST_TEST(api.call("GET", kOkafor + "/render/case_summary", api.token("coach_south")).status ==
               200);
    BOOST_TEST_REQUIRE(api.renderer().lastProducedOn().has_value());
    BOOST_TEST(api.renderer().lastProducedOn()->iso() == "2026-07-01");
    const Reply issued = api.call("POST", kOkafor + "/documents", api.token("coach_south"),
                                  R"({"type": "closure_letter", "format": "html"})");
    BOOST_TEST_REQUIRE(issued.status == 201);
    BOOST_TEST_REQUIRE(api.call("POST", kOkafor + "/close", api.token("leader_south")).status ==
                       200);

    Object::Ptr kase = json(api.call("GET", kOkafor, api.token("admin")).body);
    BOOST_TEST(kase->getObject("closure")->getObject("authorised")->getValue<std::string>("date") ==
               "2026-07-01");
    auto letters = kase->getArray("correspondence");
    BOOST_TEST(letters->getObject(letters->size() - 1)->getValue<std::string>("date") ==
               "2026-07-01");
    // Timestamps keep their UTC offset.
    auto documents = kase->getArray("documents");
    BOOST_TEST(documents->getObject(documents->size() - 1)->getValue<std::string>("issued_at") ==
               stamp);
    auto versions =
        json(api.call("GET", kOkafor + "/history", api.token("admin")).body)->getArray("versions");
    BOOST_TEST(versions->getObject(versions->size() - 1)->getValue<std::string>("written_at") ==
               stamp);
}

BOOST_FIXTURE_TEST_SUITE(closure_gate, ApiFixture)

BOOST_AUTO_TEST_CASE(an_edit_that_changes_or_removes_a_stored_sign_off_is_refused) {
    // An open file that already carries a sign-off can only come from an admin's import.
    const std::string signedOpen = okaforWith([](Object::Ptr k) {
        k->getObject("closure")->set("authorised", signOff("w2", "2026-06-30"));
    });
    BOOST_TEST_REQUIRE(call("POST", "/api/v1/cases", token("admin"), signedOpen).status == 201);
    const std::string changed = okaforWith([](Object::Ptr k) {
        k->getObject("closure")->set("authorised", signOff("w2", "2026-07-01"));
    });
    const std::string removed = example("okafor-ready-to-close");
    for (const std::string& body : {changed, removed}) {
        const Reply put = call("PUT", kOkafor, token("leader_south"), body,
                               {{"If-Match", "\"1\""}, {"X-Request-Id", "sign-off-edit"}});
        BOOST_TEST(put.status == 409);
        BOOST_TEST(put.errorCode() == "closure_by_close_only");
        BOOST_TEST(json(put.body)->getObject("error")->getObject("details")->getValue<std::string>(
                       "field") == "closure.authorised");
        BOOST_TEST(auditEntry(*this, "sign-off-edit").outcome == "closure_by_close_only");
    }
    BOOST_TEST(etagOf(*this) == "\"1\"");
    // The same sign-off sent back unchanged (keys in another order) is an ordinary edit.
    const std::string kept = okaforWith([](Object::Ptr k) {
        Object::Ptr reordered = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        reordered->set("date", "2026-06-30");
        reordered->set("by", "w2");
        k->getObject("closure")->set("authorised", reordered);
        k->getObject("referral")->set("summary", "Edited");
    });
    BOOST_TEST(call("PUT", kOkafor, token("leader_south"), kept, {{"If-Match", "\"1\""}}).status ==
               200);
}

BOOST_AUTO_TEST_CASE(only_an_admin_creates_a_case_that_is_already_closed_and_it_is_audited) {
    const std::string closed = okaforWith([](Object::Ptr k) {
        k->set("status", "closed");
        k->getObject("closure")->set("authorised", signOff("w2", "2026-06-30"));
    });
    for (const char* user : {"coach_south", "leader_south"}) {
        const Reply refused = call("POST", "/api/v1/cases", token(user), closed,
                                   {{"X-Request-Id", std::string("create-") + user}});
        BOOST_TEST(refused.status == 409, user);
        BOOST_TEST(refused.errorCode() == "closure_by_close_only");
        BOOST_TEST(auditEntry(*this, std::string("create-") + user).outcome ==
                   "closure_by_close_only");
    }
    const std::string signedOpen = okaforWith([](Object::Ptr k) {
        k->getObject("closure")->set("authorised", signOff("w2", "2026-06-30"));
    });
    const Reply signedRefused = call("POST", "/api/v1/cases", token("coach_south"), signedOpen);
    BOOST_TEST(signedRefused.status == 409);
    BOOST_TEST(json(signedRefused.body)
                   ->getObject("error")
                   ->getObject("details")
                   ->getValue<std::string>("field") == "closure.authorised");
    BOOST_TEST(call("GET", kOkafor, token("admin")).status == 404);

    const Reply imported =
        call("POST", "/api/v1/cases", token("admin"), closed, {{"X-Request-Id", "import-1"}});
    BOOST_TEST(imported.status == 201);
    BOOST_TEST(json(imported.body)->getValue<std::string>("status") == "closed");
    const auto entry = auditEntry(*this, "import-1");
    BOOST_TEST(entry.action == "create");
    BOOST_TEST(entry.outcome == "ok");
    BOOST_TEST(entry.detail == "imported closed");
}

BOOST_AUTO_TEST_CASE(documents_issued_before_closure_still_download) {
    postExample("okafor-ready-to-close", "coach_south");
    const Reply issued = call("POST", kOkafor + "/documents", token("coach_south"),
                              R"({"type": "closure_letter", "format": "pdf"})");
    BOOST_TEST_REQUIRE(issued.status == 201);
    BOOST_TEST_REQUIRE(call("POST", kOkafor + "/close", token("leader_south")).status == 200);
    const std::string docId = json(issued.body)->getValue<std::string>("document_id");
    BOOST_TEST(call("GET", "/api/v1/documents/" + docId, token("coach_south")).status == 200);
}

// An edit and a close sent at once: whichever is stored first, the other judges the version it
// replaces, so an edit never lands on a closed case and a close never skips the edit's check.
BOOST_AUTO_TEST_CASE(an_edit_racing_a_close_never_lands_after_it) {
    for (int round = 1; round <= 8; ++round) {
        const std::string id = "NH-RACE-" + std::to_string(round);
        const std::string path = "/api/v1/cases/" + id;
        const std::string file = okaforWith([&](Object::Ptr k) { k->set("case_id", id); });
        BOOST_TEST_REQUIRE(call("POST", "/api/v1/cases", token("coach_south"), file).status == 201);
        const std::string edited = okaforWith([&](Object::Ptr k) {
            k->set("case_id", id);
            k->getObject("referral")->set("summary", "Edited in a race");
        });
        Reply put, close;
        std::thread editor([&] {
            put = call("PUT", path, token("coach_south"), edited, {{"If-Match", "\"1\""}});
        });
        std::thread leader([&] { close = call("POST", path + "/close", token("leader_south")); });
        editor.join();
        leader.join();
        BOOST_TEST_CONTEXT("round " << round << ": PUT " << put.status << ", close "
                                    << close.status) {
            BOOST_TEST(close.status == 200);
            if (put.status == 200) {
                BOOST_TEST(put.header("ETag") == "\"2\"");
                BOOST_TEST(close.header("ETag") == "\"3\"");
            } else {
                BOOST_TEST(put.errorCode() == "case_closed");
                BOOST_TEST(close.header("ETag") == "\"2\"");
            }
            Object::Ptr stored = json(call("GET", path, token("admin")).body);
            BOOST_TEST(stored->getValue<std::string>("status") == "closed");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(closed_case, ClosedOkafor)

BOOST_AUTO_TEST_CASE(a_closed_case_refuses_edits_documents_and_closing_again_audited) {
    const std::string edited = okaforWith([](Object::Ptr k) {
        k->set("status", "closed");
        k->getObject("referral")->set("summary", "Edited after closure");
    });
    const struct {
        const char* method;
        std::string path, body, requestId;
        std::map<std::string, std::string> headers;
        const char* action;
    } attempts[] = {
        {"PUT", kOkafor, edited, "closed-put", {{"If-Match", "\"2\""}}, "update"},
        {"POST",
         kOkafor + "/documents",
         R"({"type": "closure_letter", "format": "html"})",
         "closed-issue",
         {},
         "issue"},
        {"POST", kOkafor + "/close", "", "closed-close", {}, "close"},
    };
    for (const auto& a : attempts) {
        std::map<std::string, std::string> headers = a.headers;
        headers["X-Request-Id"] = a.requestId;
        const Reply reply = call(a.method, a.path, token("leader_south"), a.body, headers);
        BOOST_TEST_CONTEXT(a.method << " " << a.path) {
            BOOST_TEST(reply.status == 409);
            BOOST_TEST(reply.errorCode() == "case_closed");
            BOOST_TEST(reply.body.find("/reopen") != std::string::npos);
            const auto entry = auditEntry(*this, a.requestId);
            BOOST_TEST(entry.action == a.action);
            BOOST_TEST(entry.outcome == "case_closed");
        }
    }
    BOOST_TEST(etagOf(*this) == "\"2\"");
}

BOOST_AUTO_TEST_CASE(a_closed_case_still_reads_previews_downloads_and_answers_subject_access) {
    for (const std::string& path :
         {kOkafor, kOkafor + "/history", kOkafor + "/readiness",
          kOkafor + "/render/closure_letter?format=html", kOkafor + "/subject-access"}) {
        BOOST_TEST(call("GET", path, token("leader_south")).status == 200, path);
    }
    BOOST_TEST(call("GET", "/api/v1/cases", token("coach_south")).status == 200);
}

BOOST_AUTO_TEST_CASE(reopening_is_refused_without_a_reason_to_coaches_and_other_teams) {
    const struct {
        const char* user;
        std::string body;
        int status;
        const char* code;
    } refusals[] = {
        {"leader_south", "{}", 400, "bad_request"},
        {"leader_south", R"({"reason": "   "})", 400, "bad_request"},
        {"leader_south", R"({"reason": 7})", 400, "bad_request"},
        {"leader_south", "not json", 400, "bad_request"},
        {"coach_south", R"({"reason": "new concerns"})", 403, "forbidden"},
        {"leader_north", R"({"reason": "new concerns"})", 403, "forbidden"},
        {"sf", R"({"reason": "new concerns"})", 403, "forbidden"},
    };
    int n = 0;
    for (const auto& r : refusals) {
        const std::string requestId = "reopen-" + std::to_string(++n);
        const Reply reply =
            call("POST", kOkafor + "/reopen", token(r.user), r.body, {{"X-Request-Id", requestId}});
        BOOST_TEST_CONTEXT(r.user << " " << r.body) {
            BOOST_TEST(reply.status == r.status);
            BOOST_TEST(reply.errorCode() == r.code);
            const auto entry = auditEntry(*this, requestId);
            BOOST_TEST(entry.outcome == r.code);
            BOOST_TEST(entry.caseId == "NH-FF-2026-0142");
            BOOST_TEST(entry.user == r.user);
        }
    }
    const Reply noReason = call("POST", kOkafor + "/reopen", token("leader_south"), "{}");
    BOOST_TEST(noReason.body.find("reason") != std::string::npos);
    BOOST_TEST(etagOf(*this) == "\"2\"");
}

BOOST_AUTO_TEST_CASE(close_reopen_edit_close_is_one_history) {
    const std::string reason = "New concerns from school <about> \"attendance\"";
    now = kFirstOfJuly + 3600;
    const Reply reopened = call("POST", kOkafor + "/reopen", token("leader_south"), text([&] {
                                    Object::Ptr body = new Object();
                                    body->set("reason", "  " + reason + " ");
                                    return body;
                                }()),
                                {{"X-Request-Id", "reopen-ok"}});
    BOOST_TEST_REQUIRE(reopened.status == 200);
    BOOST_TEST(reopened.header("ETag") == "\"3\"");
    BOOST_TEST(json(reopened.body)->getValue<std::string>("status") == "open");
    BOOST_TEST(call("POST", kOkafor + "/reopen", token("leader_south"), R"({"reason": "again"})")
                   .errorCode() == "conflict");

    Object::Ptr kase = json(call("GET", kOkafor, token("coach_south")).body);
    BOOST_TEST(kase->getValue<std::string>("status") == "open");
    Object::Ptr closure = kase->getObject("closure");
    BOOST_TEST(!closure->has("authorised"));
    BOOST_TEST(closure->getValue<std::string>("date") == "2026-06-26");  // kept for next time
    BOOST_TEST(closure->getValue<std::string>("reason") == "goals_achieved");
    auto chronology = kase->getArray("chronology");
    Object::Ptr event = chronology->getObject(chronology->size() - 1);
    BOOST_TEST(event->getValue<std::string>("event") == "Case reopened: " + reason);
    BOOST_TEST(event->getValue<std::string>("date") == "2026-07-01");
    BOOST_TEST(event->getValue<std::string>("source") == "ehdocs: reopened by leader_south");
    const auto entry = auditEntry(*this, "reopen-ok");
    BOOST_TEST(entry.action == "reopen");
    BOOST_TEST(entry.outcome == "ok");
    BOOST_TEST(entry.detail == reason);

    // Open again: edits and documents are accepted, and it closes again through /close.
    now = kFirstOfJuly + 7200;
    kase->getObject("referral")->set("summary", "Edited after reopening");
    const Reply edited =
        call("PUT", kOkafor, token("coach_south"), text(kase), {{"If-Match", "\"3\""}});
    BOOST_TEST_REQUIRE(edited.status == 200);
    now = kFirstOfJuly + 86400;
    const Reply closed = call("POST", kOkafor + "/close", token("admin"));
    BOOST_TEST_REQUIRE(closed.status == 200);
    BOOST_TEST(closed.header("ETag") == "\"5\"");
    Object::Ptr again = json(call("GET", kOkafor, token("admin")).body);
    BOOST_TEST(
        again->getObject("closure")->getObject("authorised")->getValue<std::string>("date") ==
        "2026-07-02");
    BOOST_TEST(again->getObject("referral")->getValue<std::string>("summary") ==
               "Edited after reopening");

    const Reply history = call("GET", kOkafor + "/history", token("leader_south"));
    auto versions = json(history.body)->getArray("versions");
    BOOST_TEST_REQUIRE(versions->size() == 5u);
    const struct {
        const char *action, *author, *at, *status;
    } expected[] = {
        {"create", "coach_south", "2026-07-01T10:00:00Z", "open"},
        {"close", "leader_south", "2026-07-01T10:00:00Z", "closed"},
        {"reopen", "leader_south", "2026-07-01T11:00:00Z", "open"},
        {"update", "coach_south", "2026-07-01T12:00:00Z", "open"},
        {"close", "admin", "2026-07-02T10:00:00Z", "closed"},
    };
    for (std::size_t i = 0; i < versions->size(); ++i) {
        Object::Ptr v = versions->getObject(static_cast<unsigned>(i));
        BOOST_TEST(v->getValue<std::string>("action") == expected[i].action);
        BOOST_TEST(v->getValue<std::string>("author") == expected[i].author);
        BOOST_TEST(v->getValue<std::string>("written_at") == expected[i].at);
        BOOST_TEST(v->getValue<std::string>("status") == expected[i].status);
    }
}

BOOST_AUTO_TEST_CASE(reopening_an_open_case_is_a_conflict) {
    call("POST", kOkafor + "/reopen", token("admin"), R"({"reason": "first"})");
    const Reply again =
        call("POST", kOkafor + "/reopen", token("admin"), R"({"reason": "second"})");
    BOOST_TEST(again.status == 409);
    BOOST_TEST(again.errorCode() == "conflict");
    BOOST_TEST(again.body.find("not closed") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
