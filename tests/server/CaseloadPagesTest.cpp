// GET /api/v1/cases and GET /api/v1/audit in pages: the kept summaries, filters, orders and
// cursors, and the errors for parameters that are not valid.

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <set>

#include "ApiFixture.h"

using namespace ehdocs;
using Poco::JSON::Array;
using Poco::JSON::Object;
using test::Reply;

namespace {

Object::Ptr json(const std::string& body) {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Object::Ptr>();
}

// The example `name` with another case id, so that one example makes many cases.
std::string variant(const std::string& name, const std::string& id) {
    Object::Ptr kase = json(test::ApiFixture::example(name));
    kase->set("case_id", id);
    std::ostringstream out;
    kase->stringify(out);
    return out.str();
}

struct Caseload : test::ApiFixture {
    // 12 cases: 3 of each example (South: okafor's; others in their own teams).
    Caseload() {
        int n = 0;
        for (const char* name :
             {"okafor-ready-to-close", "bennett-disengaged", "nowak-open", "hughes-stepped-up"}) {
            for (int i = 0; i < 3; ++i) {
                const std::string id = "PAGE-" + std::to_string(10 + n++);
                BOOST_TEST_REQUIRE(
                    call("POST", "/api/v1/cases", token("admin"), variant(name, id)).status == 201);
            }
        }
    }

    // Every case id of the list `query`, following next_cursor; checks each page's total.
    std::vector<std::string> walk(const std::string& query, const std::string& user,
                                  std::size_t total) {
        std::vector<std::string> ids;
        std::string cursor;
        for (int pages = 0; pages < 50; ++pages) {
            const Reply reply =
                call("GET", "/api/v1/cases?" + query + (cursor.empty() ? "" : "&cursor=" + cursor),
                     token(user));
            BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
            const Object::Ptr page = json(reply.body);
            BOOST_TEST(page->getValue<std::size_t>("total") == total);
            const Array::Ptr cases = page->getArray("cases");
            for (std::size_t i = 0; i < cases->size(); ++i) {
                ids.push_back(cases->getObject(i)->getValue<std::string>("case_id"));
            }
            if (page->isNull("next_cursor")) break;
            cursor = page->getValue<std::string>("next_cursor");
        }
        return ids;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(caseload_pages)

BOOST_FIXTURE_TEST_CASE(pages_walk_the_whole_caseload_once, Caseload) {
    const std::vector<std::string> ids = walk("limit=5", "admin", 12);
    BOOST_TEST(ids.size() == 12u);
    BOOST_TEST(std::set<std::string>(ids.begin(), ids.end()).size() == 12u);
    const std::vector<std::string> byId = walk("limit=5&sort=case_id", "admin", 12);
    BOOST_TEST(byId.front() == "PAGE-10");
    BOOST_TEST(byId.back() == "PAGE-21");
    BOOST_TEST(walk("limit=500&sort=family", "admin", 12).size() == 12u);
}

BOOST_FIXTURE_TEST_CASE(cases_needing_action_come_first_with_their_summaries, Caseload) {
    // 1 October 2026: the open examples have timescales running (and some missed) by then;
    // the list renews the summaries for the new day as it reads them.
    now = kFirstOfJuly + 92LL * 86400;
    const Reply reply = call("GET", "/api/v1/cases?limit=500", token("admin"));
    const Array::Ptr cases = json(reply.body)->getArray("cases");
    BOOST_TEST_REQUIRE(cases->size() == 12u);
    // Open cases first, the most overdue leading; the closed ones last.
    int mostLate = 0;
    for (std::size_t i = 0; i < cases->size(); ++i) {
        if (cases->getObject(i)->getValue<std::string>("status") != "open") continue;
        mostLate = std::max(mostLate, cases->getObject(i)->getValue<int>("late_count"));
    }
    BOOST_TEST(mostLate > 0);
    BOOST_TEST(cases->getObject(0)->getValue<int>("late_count") == mostLate);
    BOOST_TEST(cases->getObject(0)->getValue<std::string>("status") == "open");
    for (std::size_t i = 9; i < 12; ++i) {
        BOOST_TEST(cases->getObject(i)->getValue<std::string>("status") == "closed");
    }
    for (std::size_t i = 0; i < cases->size(); ++i) {
        const Object::Ptr c = cases->getObject(i);
        BOOST_TEST(c->getValue<std::string>("summary_as_of") == "2026-10-01");
        BOOST_TEST(!c->getValue<std::string>("lead_worker_name").empty());
        // The next thing due is the soonest of the readiness report's `due` (open cases only).
        const Reply readiness =
            call("GET", "/api/v1/cases/" + c->getValue<std::string>("case_id") + "/readiness",
                 token("admin"));
        const Array::Ptr due = json(readiness.body)->getArray("due");
        if (due && due->size() > 0) {
            BOOST_TEST(c->getValue<std::string>("next_due") ==
                       due->getObject(0)->getValue<std::string>("due"));
        } else {
            BOOST_TEST(c->isNull("next_due"));
        }
        if (c->getValue<std::string>("family") != "Nowak") continue;
        // Nowak's assessment is due on 4 October, its first meeting by 14 October.
        BOOST_TEST(c->getValue<std::string>("next_due") == "2026-10-04");
        // The open Nowak case is not ready: its blocking findings are counted.
        BOOST_TEST(c->getValue<int>("blocking_count") > 0);
        BOOST_TEST(c->getValue<bool>("ready_to_close") == false);
        BOOST_TEST(c->getValue<std::string>("level_of_need") == "targeted");
    }
}

BOOST_FIXTURE_TEST_CASE(filters_narrow_the_page_and_its_total, Caseload) {
    auto total = [&](const std::string& query, const std::string& user = "admin") {
        const Reply reply = call("GET", "/api/v1/cases?" + query, token(user));
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        return json(reply.body)->getValue<std::size_t>("total");
    };
    BOOST_TEST(total("status=closed") == 3u);
    BOOST_TEST(total("status=open&late=true") == total("late=true&status=open"));
    BOOST_TEST(total("ready=true") + total("ready=false") == 12u);
    BOOST_TEST(total("late=true") + total("late=false") == 12u);
    BOOST_TEST(total("team=South") == 3u);
    BOOST_TEST(total("", "coach_south") == 3u);        // a coach sees their own team's
    BOOST_TEST(total("due_before=2026-08-01") == 0u);  // no due dates yet
    BOOST_TEST(call("GET", "/api/v1/cases?team=North%20Locality", token("coach_south")).status ==
               403);
}

BOOST_FIXTURE_TEST_CASE(parameters_that_are_not_valid_are_refused_with_what_is_allowed, Caseload) {
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"limit=0", "limit: \"0\" is not a number from 1 to 500"},
        {"limit=501", "limit: \"501\" is not a number from 1 to 500"},
        {"limit=many", "limit: \"many\" is not a number from 1 to 500"},
        {"sort=urgency", "sort: \"urgency\" is not action, case_id, family or due"},
        {"ready=yes", "ready: \"yes\" is not true or false"},
        {"late=1", "late: \"1\" is not true or false"},
        {"due_before=2026-02-30", "due_before: \"2026-02-30\" is not a date (YYYY-MM-DD)"},
        {"cursor=nonsense", "is not a cursor of this list"},
    };
    for (const auto& [query, message] : bad) {
        const Reply reply = call("GET", "/api/v1/cases?" + query, token("admin"));
        BOOST_TEST(reply.status == 400, query);
        BOOST_TEST(reply.errorCode() == "bad_request", query);
        const std::string said =
            json(reply.body)->getObject("error")->getValue<std::string>("message");
        BOOST_TEST(said.find(message) != std::string::npos, query << ": " << said);
    }
    // A cursor of one order is not a cursor of another.
    const std::string cursor = json(call("GET", "/api/v1/cases?limit=2", token("admin")).body)
                                   ->getValue<std::string>("next_cursor");
    BOOST_TEST(call("GET", "/api/v1/cases?sort=family&cursor=" + cursor, token("admin")).status ==
               400);
    BOOST_TEST(call("GET", "/api/v1/cases?cursor=" + cursor, token("admin")).status == 200);
}

BOOST_FIXTURE_TEST_CASE(the_list_reads_summaries_not_case_files, Caseload) {
    // A row whose case file is not even JSON still lists: nothing is parsed or checked.
    store::CaseRecord odd;
    odd.caseId = "PAGE-99";
    odd.version = 1;
    odd.json = "not a case file";
    odd.team = "South";
    odd.status = "open";
    odd.familyName = "Unparsed";
    odd.summaryAsOf = "2026-07-01";
    store.createCase(odd);
    const Reply reply = call("GET", "/api/v1/cases?team=South&sort=family", token("admin"));
    BOOST_TEST_REQUIRE(reply.status == 200);
    BOOST_TEST(json(reply.body)->getValue<std::size_t>("total") == 4u);
    BOOST_TEST(reply.body.find("\"family\":\"Unparsed\"") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_new_day_renews_summaries_as_they_are_listed, Caseload) {
    now += 120LL * 24 * 3600;  // 29 October
    const Reply reply = call("GET", "/api/v1/cases?limit=500", token("admin"));
    const Array::Ptr cases = json(reply.body)->getArray("cases");
    for (std::size_t i = 0; i < cases->size(); ++i) {
        BOOST_TEST(cases->getObject(i)->getValue<std::string>("summary_as_of") == "2026-10-29");
    }
}

BOOST_FIXTURE_TEST_CASE(the_audit_trail_pages_in_order, Caseload) {
    std::vector<long long> seqs;
    std::string cursor;
    std::size_t total = 0;
    for (int pages = 0; pages < 50; ++pages) {
        const Reply reply = call(
            "GET", "/api/v1/audit?limit=4" + (cursor.empty() ? std::string() : "&cursor=" + cursor),
            token("admin"));
        BOOST_TEST_REQUIRE(reply.status == 200, reply.body);
        const Object::Ptr page = json(reply.body);
        const Array::Ptr entries = page->getArray("entries");
        BOOST_TEST(entries->size() <= 4u);
        for (std::size_t i = 0; i < entries->size(); ++i) {
            seqs.push_back(entries->getObject(i)->getValue<long long>("seq"));
        }
        if (!total) total = page->getValue<std::size_t>("total");
        if (page->isNull("next_cursor")) break;
        cursor = page->getValue<std::string>("next_cursor");
    }
    BOOST_TEST(total >= 12u);  // the creates, and the earlier pages' reads as they are audited
    BOOST_TEST(seqs.size() >= total);
    for (std::size_t i = 1; i < seqs.size(); ++i) BOOST_TEST(seqs[i] > seqs[i - 1]);
    BOOST_TEST(call("GET", "/api/v1/audit?limit=0", token("admin")).status == 400);
    BOOST_TEST(call("GET", "/api/v1/audit?cursor=abc", token("admin")).status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
