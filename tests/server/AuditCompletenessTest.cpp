// Every answer to an /api request gets exactly one audit entry with its true outcome
// (docs/security.md, "Every answer audited"): here the ones that never reach an endpoint, an
// unknown sub-route and a malformed target.

#include <boost/test/unit_test.hpp>

#include "ApiFixture.h"

using ehdocs::test::ApiFixture;
using ehdocs::test::Reply;

BOOST_FIXTURE_TEST_SUITE(audit_completeness, ApiFixture)

BOOST_AUTO_TEST_CASE(unknown_routes_and_malformed_targets_are_audited_once) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    const struct {
        const char* path;
        int status;
        const char* outcome;
    } calls[] = {
        {"/api/v1/cases/NH-FF-2026-0142/nothing", 404, "not_found"},
        {"/api/v1/nothing", 404, "not_found"},
        {"/api/v1/cases/%zz", 400, "bad_request"},
    };
    for (const auto& c : calls) {
        BOOST_TEST_CONTEXT(c.path) {
            const std::size_t before = store.audit({}).size();
            const Reply reply = call("GET", c.path, token("admin"));
            BOOST_TEST(reply.status == c.status);
            const std::vector<ehdocs::store::AuditEntry> after = store.audit({});
            BOOST_REQUIRE(after.size() == before + 1);
            BOOST_TEST(after.back().outcome == c.outcome);
            BOOST_TEST(after.back().user == "admin");
        }
    }
    const std::size_t before = store.audit({}).size();
    BOOST_TEST(call("GET", "/health").status == 200);  // not the API: not audited
    BOOST_TEST(store.audit({}).size() == before);
}

BOOST_AUTO_TEST_CASE(a_download_is_audited_as_download) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    const Reply issued = call("POST", "/api/v1/cases/NH-FF-2026-0142/documents",
                              token("leader_south"), R"({"type": "closure_letter"})");
    BOOST_REQUIRE(issued.status == 201);
    const std::string href = issued.header("Location");
    BOOST_TEST(call("GET", href, token("leader_south")).status == 200);
    BOOST_TEST(call("GET", href, token("sf")).status == 403);
    const std::vector<ehdocs::store::AuditEntry> all = store.audit({});
    BOOST_REQUIRE(all.size() >= 3u);
    BOOST_TEST(all[all.size() - 3].action == "issue");
    BOOST_TEST(all[all.size() - 2].action == "download");
    BOOST_TEST(all[all.size() - 2].outcome == "ok");
    BOOST_TEST(all.back().action == "download");
    BOOST_TEST(all.back().outcome == "forbidden");
}

namespace {

// The one audit entry a call added (the call must add exactly one).
ehdocs::store::AuditEntry onlyNewEntry(ApiFixture& api, std::size_t before) {
    const std::vector<ehdocs::store::AuditEntry> after = api.store.audit({});
    BOOST_REQUIRE(after.size() == before + 1);
    return after.back();
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_render_in_an_unknown_format_is_refused_after_authorisation_and_audited) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    const std::string path = "/api/v1/cases/NH-FF-2026-0142/render/closure_letter?format=docx";
    std::size_t before = store.audit({}).size();
    const Reply anonymous = call("GET", path);
    BOOST_TEST(anonymous.status == 401);
    BOOST_TEST(onlyNewEntry(*this, before).outcome == "unauthorized");

    before = store.audit({}).size();
    const Reply otherTeam = call("GET", path, token("coach_north"));
    BOOST_TEST(otherTeam.status == 403);
    BOOST_TEST(onlyNewEntry(*this, before).outcome == "forbidden");

    before = store.audit({}).size();
    const Reply refused = call("GET", path, token("coach_south"));
    BOOST_TEST(refused.status == 400);
    BOOST_TEST(refused.body.find("is not html or pdf") != std::string::npos);
    const ehdocs::store::AuditEntry entry = onlyNewEntry(*this, before);
    BOOST_TEST(entry.action == "render");
    BOOST_TEST(entry.outcome == "bad_request");
    BOOST_TEST(entry.user == "coach_south");
}

BOOST_AUTO_TEST_CASE(an_issue_body_is_read_only_after_the_caller_may_issue_on_the_case) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    const std::string path = "/api/v1/cases/NH-FF-2026-0142/documents";
    const struct {
        const char* user;
        int status;
        const char* outcome;
    } calls[] = {
        {"coach_north", 403, "forbidden"},  // another team's coach: 403, not the body's 400
        {"sf", 403, "forbidden"},           // a role that may not issue at all
        {"coach_south", 400, "bad_request"},
    };
    for (const auto& c : calls) {
        BOOST_TEST_CONTEXT(c.user) {
            const std::size_t before = store.audit({}).size();
            const Reply reply = call("POST", path, token(c.user), "{not json");
            BOOST_TEST(reply.status == c.status);
            const ehdocs::store::AuditEntry entry = onlyNewEntry(*this, before);
            BOOST_TEST(entry.outcome == c.outcome);
            BOOST_TEST(entry.user == c.user);
        }
    }
    // A format the service does not know, from a caller who may issue: refused, audited, and
    // nothing issued.
    const std::size_t before = store.audit({}).size();
    const Reply refused =
        call("POST", path, token("coach_south"), R"({"type": "closure_letter", "format": "docx"})");
    BOOST_TEST(refused.status == 400);
    const ehdocs::store::AuditEntry entry = onlyNewEntry(*this, before);
    BOOST_TEST(entry.action == "issue");
    BOOST_TEST(entry.outcome == "bad_request");
    BOOST_TEST(store.caseDocuments("NH-FF-2026-0142").empty());
}

BOOST_AUTO_TEST_CASE(an_export_the_exporter_refuses_is_audited_with_its_refusal) {
    BOOST_REQUIRE(postExample("okafor-ready-to-close", "admin").status == 201);
    std::size_t before = store.audit({}).size();
    const Reply refused =
        call("GET", "/api/v1/exports/kpi.xlsx?from=not-a-date&to=2026-06-30", token("admin"));
    BOOST_TEST(refused.status == 400);
    ehdocs::store::AuditEntry entry = onlyNewEntry(*this, before);
    BOOST_TEST(entry.action == "export");
    BOOST_TEST(entry.outcome == "bad_request");

    before = store.audit({}).size();
    BOOST_TEST(call("GET", "/api/v1/exports/kpi.xlsx?from=2026-01-01&to=2026-06-30", token("admin"))
                   .status == 200);
    entry = onlyNewEntry(*this, before);
    BOOST_TEST(entry.outcome == "ok");

    before = store.audit({}).size();
    BOOST_TEST(call("GET", "/api/v1/exports/nothing.xlsx", token("admin")).status == 404);
    BOOST_TEST(onlyNewEntry(*this, before).outcome == "not_found");
}

BOOST_AUTO_TEST_SUITE_END()
