#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "WebFixture.h"
#include "server/Settings.h"
#include "web/Passwords.h"

using ehdocs::test::Browser;
using ehdocs::test::WebFixture;

namespace {

// The ids of the caseload rows on a /cases page, in order.
std::vector<std::string> rowIds(const std::string& page) {
    std::vector<std::string> ids;
    const std::string mark = "data-case=\"";
    for (std::size_t at = page.find(mark); at != std::string::npos; at = page.find(mark, at)) {
        at += mark.size();
        ids.push_back(page.substr(at, page.find('"', at) - at));
    }
    return ids;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(WebAppTest)

BOOST_FIXTURE_TEST_CASE(pages_need_a_session_and_send_you_to_sign_in, WebFixture) {
    Browser browser(*this);
    const auto reply = browser.get("/cases?status=open");
    BOOST_TEST(reply.status == 303);
    BOOST_TEST(reply.headers.at("Location") == "/sign-in?next=/cases%3Fstatus%3Dopen");
}

BOOST_FIXTURE_TEST_CASE(signing_in_sets_a_strict_http_only_secure_session_cookie, WebFixture) {
    Browser browser(*this);
    const auto reply = browser.signIn("coach_south", kPassword);
    BOOST_TEST(reply.status == 303);
    BOOST_TEST(reply.headers.at("Location") == "/cases");
    const std::string cookie = reply.headers.at("Set-Cookie");
    BOOST_TEST(cookie.rfind("ehdocs_session=", 0) == 0);
    BOOST_TEST(contains(cookie, "; HttpOnly"));
    BOOST_TEST(contains(cookie, "; SameSite=Strict"));
    BOOST_TEST(contains(cookie, "; Secure"));
    BOOST_TEST(browser.get("/cases").status == 200);
    BOOST_TEST(audit("sign_in").back().outcome == "ok");
    BOOST_TEST(audit("sign_in").back().user == "coach_south");
}

BOOST_FIXTURE_TEST_CASE(a_wrong_password_or_unknown_user_gets_the_same_answer_and_is_audited,
                        WebFixture) {
    Browser browser(*this);
    const auto wrong = browser.signIn("coach_south", "not the password");
    const auto unknown = browser.signIn("nobody", "not the password");
    for (const auto& reply : {wrong, unknown}) {
        BOOST_TEST(reply.status == 200);
        BOOST_TEST(contains(reply.body, "The user name or password is not right."));
        BOOST_TEST(!reply.headers.count("Location"));
    }
    BOOST_TEST(audit("sign_in").size() == 2u);
    BOOST_TEST(audit("sign_in").front().outcome == "refused");
    BOOST_TEST(browser.get("/cases").status == 303);
}

BOOST_FIXTURE_TEST_CASE(a_disabled_user_cannot_sign_in_and_is_signed_out, WebFixture) {
    Browser browser(*this);
    browser.signIn("coach_south", kPassword);
    store.setDisabled("coach_south", true);
    BOOST_TEST(browser.get("/cases").status == 303);
    BOOST_TEST(contains(browser.signIn("coach_south", kPassword).body, "is not right"));
}

BOOST_FIXTURE_TEST_CASE(failed_sign_ins_are_rate_limited_even_with_the_right_password, WebFixture) {
    Browser browser(*this);
    for (int i = 0; i < 5; ++i) browser.signIn("leader_south", "guess number " + std::to_string(i));
    const auto reply = browser.signIn("leader_south", kPassword);
    BOOST_TEST(reply.status == 429);
    BOOST_TEST(contains(reply.body, "Too many failed attempts. Wait 15 minutes"));
    BOOST_TEST(audit("sign_in").back().outcome == "rate_limited");
    advanceMinutes(15);
    BOOST_TEST(browser.signIn("leader_south", kPassword).status == 303);
}

BOOST_FIXTURE_TEST_CASE(signing_in_goes_back_only_to_a_page_of_this_site, WebFixture) {
    for (const std::string next : {"https://elsewhere.example/", "//elsewhere.example/",
                                   "/\\elsewhere.example", "/\t/elsewhere.example", "cases"}) {
        Browser browser(*this);
        browser.get("/sign-in");
        const auto reply = browser.post("/sign-in", {{"csrf", browser.csrf()},
                                                     {"username", "admin"},
                                                     {"password", kPassword},
                                                     {"next", next}});
        BOOST_TEST(reply.headers.at("Location") == "/cases", next);
    }
    Browser browser(*this);
    browser.get("/sign-in");
    const auto reply = browser.post("/sign-in", {{"csrf", browser.csrf()},
                                                 {"username", "admin"},
                                                 {"password", kPassword},
                                                 {"next", "/kpi?from=2026-01-01"}});
    BOOST_TEST(reply.headers.at("Location") == "/kpi?from=2026-01-01");
}

BOOST_FIXTURE_TEST_CASE(only_an_admin_manages_users_and_a_refusal_is_audited, WebFixture) {
    Browser coach(*this), admin(*this);
    coach.signIn("coach_south", kPassword);
    coach.get("/cases");
    BOOST_TEST(coach.get("/admin").status == 403);
    const auto add = coach.post("/admin/users", {{"csrf", coach.csrf()},
                                                 {"name", "mallory"},
                                                 {"role", "admin"},
                                                 {"password", "a long enough password"}});
    BOOST_TEST(add.status == 403);
    BOOST_TEST(!store.userByName("mallory"));
    BOOST_TEST(audit("users").back().outcome == "forbidden");
    BOOST_TEST(coach.get("/sf").status == 403);
    BOOST_TEST(coach.get("/kpi.xlsx").status == 403);

    admin.signIn("admin", kPassword);
    admin.get("/admin");
    const auto added = admin.post("/admin/users", {{"csrf", admin.csrf()},
                                                   {"name", "dana"},
                                                   {"role", "team_leader"},
                                                   {"team", "South"},
                                                   {"password", "a long enough password"}});
    BOOST_TEST(added.status == 303);
    BOOST_TEST(store.userByName("dana")->role == "team_leader");
    BOOST_TEST(audit("user_add").back().detail == "dana (team_leader)");
    admin.get("/admin");
    const auto weak =
        admin.post("/admin/users/dana/password", {{"csrf", admin.csrf()}, {"password", "short"}});
    BOOST_TEST(weak.status == 422);
    BOOST_TEST(contains(weak.body, "a password needs at least 10 characters"));

    // Roles read as words ("Supporting Families coordinator", not "Sf coordinator").
    BOOST_TEST(contains(admin.get("/admin").body,
                        "<td class=\"govuk-table__cell\">Supporting Families coordinator</td>"));
    // A worker id is changed from the users table; one that no case file could hold is not.
    const auto linked =
        admin.post("/admin/users/dana/worker", {{"csrf", admin.csrf()}, {"worker", " w7 "}});
    BOOST_TEST(linked.status == 303);
    BOOST_TEST(store.userByName("dana")->worker == "w7");
    BOOST_TEST(audit("user_worker").back().detail == "dana: worker w7");
    BOOST_TEST(contains(admin.get("/admin").body,
                        "id=\"worker-dana\" name=\"worker\" type=\"text\" value=\"w7\""));
    const auto hostile =
        admin.post("/admin/users/dana/worker", {{"csrf", admin.csrf()}, {"worker", "<b>w8</b>"}});
    BOOST_TEST(hostile.status == 422);
    BOOST_TEST(contains(hostile.body, "use 1-64 letters, digits, or . _ -"));
    BOOST_TEST(!contains(hostile.body, "<b>w8"));
    BOOST_TEST(store.userByName("dana")->worker == "w7");
    BOOST_TEST(
        coach.post("/admin/users/dana/worker", {{"csrf", coach.csrf()}, {"worker", "w1"}}).status ==
        403);
    BOOST_TEST(audit("users").back().outcome == "forbidden");
    admin.get("/admin");
    BOOST_TEST(
        admin.post("/admin/users/dana/worker", {{"csrf", admin.csrf()}, {"worker", ""}}).status ==
        303);
    BOOST_TEST(store.userByName("dana")->worker.empty());

    // A team leader moves to another team; a team is refused for a role that has none.
    admin.get("/admin");
    BOOST_TEST(
        admin.post("/admin/users/dana/team", {{"csrf", admin.csrf()}, {"team", "North"}}).status ==
        303);
    BOOST_TEST(store.userByName("dana")->team == "North");
    BOOST_TEST(audit("user_team").back().detail == "dana: team North (was South)");
    addExample("okafor-ready-to-close", "North", "", "NH-NORTH-9");
    addExample("okafor-ready-to-close", "South", "", "NH-SOUTH-9");
    Browser dana(*this);
    dana.signIn("dana", "a long enough password");
    BOOST_TEST(rowIds(dana.get("/cases").body) == std::vector<std::string>{"NH-NORTH-9"});
    const auto unscoped =
        admin.post("/admin/users/sf/team", {{"csrf", admin.csrf()}, {"team", "North"}});
    BOOST_TEST(unscoped.status == 422);
    BOOST_TEST(contains(unscoped.body, "is not bound to a team"));
    BOOST_TEST(store.userByName("sf")->team.empty());
    BOOST_TEST(
        admin.post("/admin/users/dana/team", {{"csrf", admin.csrf()}, {"team", " "}}).status ==
        422);
    BOOST_TEST(store.userByName("dana")->team == "North");
}

BOOST_FIXTURE_TEST_CASE(a_sign_in_without_its_form_token_is_refused_and_audited, WebFixture) {
    Browser browser(*this);
    const auto reply =
        browser.post("/sign-in", {{"username", "coach_south"}, {"password", kPassword}});
    BOOST_TEST(reply.status == 403);
    BOOST_TEST(!reply.headers.count("Set-Cookie"));
    BOOST_TEST(audit("request").back().outcome == "csrf_refused");
}

BOOST_FIXTURE_TEST_CASE(
    a_forged_close_without_the_csrf_token_is_refused_audited_and_changes_nothing, WebFixture) {
    addExample("okafor-ready-to-close");
    Browser browser(*this);
    browser.signIn("leader_south", kPassword);
    for (const std::string token :
         {"", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}) {
        const auto reply = browser.post("/cases/NH-FF-2026-0142/close", {{"csrf", token}});
        BOOST_TEST(reply.status == 403);
        BOOST_TEST(contains(reply.body, "This form has expired"));
    }
    const auto refused = audit("request");
    BOOST_TEST_REQUIRE(refused.size() == 2u);
    BOOST_TEST(refused.back().outcome == "csrf_refused");
    BOOST_TEST(refused.back().user == "leader_south");
    BOOST_TEST(refused.back().caseId == "NH-FF-2026-0142");
    BOOST_TEST(store.currentHead("NH-FF-2026-0142")->status == "open");
    // With the page's token the same form closes the case.
    browser.get("/cases/NH-FF-2026-0142");
    const auto closed = browser.post("/cases/NH-FF-2026-0142/close", {{"csrf", browser.csrf()}});
    BOOST_TEST(closed.status == 303);
    BOOST_TEST(store.currentHead("NH-FF-2026-0142")->status == "closed");
}

BOOST_FIXTURE_TEST_CASE(a_coach_cannot_close_through_a_form, WebFixture) {
    addExample("okafor-ready-to-close");
    Browser browser(*this);
    browser.signIn("coach_south", kPassword);
    const auto page = browser.get("/cases/NH-FF-2026-0142");
    BOOST_TEST(!contains(page.body, "/close\""));
    const auto reply = browser.post("/cases/NH-FF-2026-0142/close", {{"csrf", browser.csrf()}});
    BOOST_TEST(reply.status == 403);
    BOOST_TEST(contains(reply.body, "You cannot do this"));
    BOOST_TEST(store.currentHead("NH-FF-2026-0142")->status == "open");
}

BOOST_FIXTURE_TEST_CASE(the_closure_gate_holds_for_a_form_too, WebFixture) {
    addExample("nowak-open", "South");
    Browser browser(*this);
    browser.signIn("leader_south", kPassword);
    const auto page = browser.get("/cases/DOR-LEH-2026-1207");
    BOOST_TEST(contains(page.body, "This case cannot be closed yet"));
    BOOST_TEST(contains(page.body, "assessment.completed"));
    const auto reply = browser.post("/cases/DOR-LEH-2026-1207/close", {{"csrf", browser.csrf()}});
    BOOST_TEST(reply.status == 409);
    BOOST_TEST(contains(reply.body, "No Early Help plan is recorded. (plan.recorded)"));
    BOOST_TEST(store.currentHead("DOR-LEH-2026-1207")->status == "open");
}

BOOST_FIXTURE_TEST_CASE(each_role_sees_only_its_teams_cases, WebFixture) {
    addExample("okafor-ready-to-close");
    addExample("bennett-disengaged");
    Browser south(*this), north(*this), admin(*this);
    south.signIn("coach_south", kPassword);
    north.signIn("coach_north", kPassword);
    admin.signIn("admin", kPassword);
    const std::string southList = south.get("/cases").body, northList = north.get("/cases").body;
    BOOST_TEST(contains(southList, "NH-FF-2026-0142"));
    BOOST_TEST(!contains(southList, "EHFW-2026-0877"));
    BOOST_TEST(contains(northList, "EHFW-2026-0877"));
    BOOST_TEST(!contains(northList, "NH-FF-2026-0142"));
    BOOST_TEST(north.get("/cases/NH-FF-2026-0142").status == 403);
    const std::string all = admin.get("/cases").body;
    BOOST_TEST((contains(all, "NH-FF-2026-0142") && contains(all, "EHFW-2026-0877")));
    // Finding a case by part of the family's name or the reference.
    for (const std::string q : {"okaf", "ff-2026-01"}) {
        const std::string found = admin.get("/cases?q=" + q).body;
        BOOST_TEST(contains(found, "NH-FF-2026-0142"), q);
        BOOST_TEST(!contains(found, "EHFW-2026-0877"), q);
    }
}

namespace {

// The address a page's link of rel `rel` goes to ("" when there is none), unescaped.
std::string linkOf(const std::string& page, const std::string& rel) {
    const std::size_t relAt = page.find("rel=\"" + rel + "\"");
    if (relAt == std::string::npos) return "";
    const std::size_t hrefAt = page.rfind("href=\"", relAt) + 6;
    std::string href = page.substr(hrefAt, page.find('"', hrefAt) - hrefAt);
    for (std::size_t amp; (amp = href.find("&amp;")) != std::string::npos;)
        href.replace(amp, 5, "&");
    return href;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(the_caseload_pages_by_cursor_and_filters_in_the_store, WebFixture) {
    std::vector<std::string> stored;
    for (int i = 0; i < 27; ++i) {
        const std::string id = "NH-P-" + std::to_string(100 + i);
        addExample(i < 3 ? "okafor-ready-to-close" : "nowak-open", "South", "", id);
        stored.push_back(id);
    }
    Browser leader(*this);
    leader.signIn("leader_south", kPassword);
    const std::string first = leader.get("/cases").body;
    const std::vector<std::string> firstIds = rowIds(first);
    BOOST_TEST(firstIds.size() == 25u);
    BOOST_TEST(contains(first, "Cases 1 to 25 of 27"));
    const std::string next = linkOf(first, "next");
    BOOST_TEST_REQUIRE(contains(next, "cursor="));
    const std::string second = leader.get(next).body;
    const std::vector<std::string> secondIds = rowIds(second);
    BOOST_TEST(secondIds.size() == 2u);
    BOOST_TEST(contains(second, "Cases 26 to 27 of 27"));
    BOOST_TEST(linkOf(second, "next").empty());
    BOOST_TEST(linkOf(second, "prev") == "/cases");  // back to the first page
    std::vector<std::string> seen = firstIds;
    seen.insert(seen.end(), secondIds.begin(), secondIds.end());
    std::sort(seen.begin(), seen.end());
    BOOST_TEST(seen == stored, boost::test_tools::per_element());  // every case once

    // The filters are the store's: ready to close, with the lead workers to choose from.
    const std::string ready = leader.get("/cases?ready=true").body;
    BOOST_TEST((rowIds(ready) == std::vector<std::string>{"NH-P-100", "NH-P-101", "NH-P-102"}));
    BOOST_TEST(contains(ready, "<option value=\"true\" selected>Ready to close</option>"));
    // One choice per worker id (both examples' lead is w1; the greatest of its names shows).
    BOOST_TEST(contains(first, "<option value=\"w1\">Becky Hart</option>"));
    BOOST_TEST(rowIds(leader.get("/cases?ready=false&q=p-10").body).size() == 7u);  // 103-109
    // A filter that is not one is refused by its name, as the API refuses it.
    const auto bad = leader.get("/cases?ready=perhaps");
    BOOST_TEST(bad.status == 400);
    BOOST_TEST(contains(bad.body, "ready"));
    const auto longSearch = leader.get("/cases?q=" + std::string(101, 'a'));
    BOOST_TEST(longSearch.status == 400);
    BOOST_TEST(contains(longSearch.body, "at most 100 characters"));
    BOOST_TEST(rowIds(leader.get("/cases?q=" + std::string(100, 'a')).body).empty());
}

BOOST_FIXTURE_TEST_CASE(a_coach_linked_to_a_worker_starts_at_the_cases_they_lead, WebFixture) {
    addExample("okafor-ready-to-close", "South", "", "NH-MINE-1");            // led by w1
    addExample("okafor-ready-to-close", "South", "", "NH-PRIYA-1", "w3");     // by w3
    addExample("okafor-ready-to-close", "North Locality", "", "NH-NORTH-1");  // w1, North
    ehdocs::store::User amira{
        "amira", "coach", "South", "token-hash-amira", "", ehdocs::web::Passwords::hash(kPassword)};
    amira.worker = "w1";
    store.addUser(amira);
    Browser coach(*this);
    coach.signIn("amira", kPassword);
    const std::string mine = coach.get("/cases").body;
    BOOST_TEST(rowIds(mine) == std::vector<std::string>{"NH-MINE-1"});
    BOOST_TEST(contains(mine, "Cases you lead"));
    BOOST_TEST(contains(mine, "<option value=\"mine\" selected>Cases I lead</option>"));
    // The whole team is one choice away (what the role may see), never another team.
    const std::vector<std::string> team = rowIds(coach.get("/cases?show=all").body);
    BOOST_TEST(team.size() == 2u);
    BOOST_TEST(std::count(team.begin(), team.end(), "NH-PRIYA-1") == 1);
    BOOST_TEST(std::count(team.begin(), team.end(), "NH-NORTH-1") == 0);
    // A coach not linked to a worker sees the team, with no choice to make.
    Browser unlinked(*this);
    unlinked.signIn("coach_south", kPassword);
    const std::string theirs = unlinked.get("/cases").body;
    BOOST_TEST(rowIds(theirs).size() == 2u);
    BOOST_TEST(!contains(theirs, "Whose cases"));
}

BOOST_FIXTURE_TEST_CASE(the_programme_pages_read_cases_as_the_export_does, WebFixture) {
    // Ruth (c2) without consent; 52 more families on the programme, for a second page.
    addEdited("okafor-ready-to-close", [](Poco::JSON::Object::Ptr json) {
        Poco::JSON::Array::Ptr members = json->getObject("family")->getArray("members");
        members->getObject(3)->set("consent", "refused");
    });
    for (int i = 0; i < 52; ++i)
        addExample("okafor-ready-to-close", "", "", "NH-SF-" + std::to_string(100 + i));
    Browser sf(*this), coach(*this);
    sf.signIn("sf", kPassword);
    const std::string evidence = sf.get("/sf/NH-FF-2026-0142").body;
    BOOST_TEST(contains(evidence, "Daniel"));
    BOOST_TEST(!contains(evidence, "Ruth"));  // the consent rule, as in the workbook
    BOOST_TEST(contains(evidence, "a child (not named: consent not given)"));
    const std::string first = sf.get("/sf").body;
    BOOST_TEST(contains(first, "53 families"));
    BOOST_TEST(contains(first, "Families 1 to 50 of 53"));
    const std::string second = sf.get(linkOf(first, "next")).body;
    BOOST_TEST(contains(second, "Families 51 to 53 of 53"));
    BOOST_TEST(contains(second, "NH-SF-151"));
    // Only the programme's roles: a coach may read a case's SF view by the API, not this.
    coach.signIn("coach_south", kPassword);
    BOOST_TEST(coach.get("/sf/NH-FF-2026-0142").status == 403);
    BOOST_TEST(sf.get("/sf/NH-NOBODY").status == 404);
}

BOOST_FIXTURE_TEST_CASE(the_audit_trail_shows_the_newest_first_and_pages_back, WebFixture) {
    std::vector<ehdocs::store::AuditEntry> entries;
    for (int i = 0; i < 150; ++i) {
        entries.push_back({0, "2026-06-01T09:00:00Z", "amira", "coach", "read", "A", "ok", "r",
                           "entry-" + std::to_string(i) + "."});
    }
    store.appendAudit(entries);
    Browser admin(*this);
    admin.signIn("admin", kPassword);
    const std::string newest = admin.get("/admin").body;
    // The sign-in itself is the newest entry; then the stored ones from the last back.
    BOOST_TEST(contains(newest, "entry-149."));
    BOOST_TEST(!contains(newest, "entry-50."));
    BOOST_TEST(newest.find("entry-149.") < newest.find("entry-148."));
    BOOST_TEST(contains(newest, "100 of 151 entries matching, newest first"));
    const std::string olderLink = linkOf(newest, "next");
    BOOST_TEST_REQUIRE(contains(olderLink, "before="));
    const std::string older = admin.get(olderLink).body;
    BOOST_TEST(contains(older, "entry-50."));
    BOOST_TEST(contains(older, "entry-0."));
    BOOST_TEST(!contains(older, "entry-51."));
    BOOST_TEST(linkOf(older, "next").empty());
    BOOST_TEST(contains(linkOf(older, "prev"), "/admin"));
}

BOOST_FIXTURE_TEST_CASE(the_caseload_and_the_case_say_what_is_due_next, WebFixture) {
    addExample("nowak-open", "South");
    advanceMinutes(139800);  // 6 October 2026, the day after the assessment
    Browser browser(*this);
    browser.signIn("leader_south", kPassword);
    BOOST_TEST(contains(browser.get("/cases").body, "supervision, due 13 October 2026"));
    const std::string page = browser.get("/cases/DOR-LEH-2026-1207").body;
    BOOST_TEST(contains(page, "<strong>14 October 2026</strong>: initial TAF meeting"));
    BOOST_TEST(contains(page, "time.initial_meeting"));
}

BOOST_FIXTURE_TEST_CASE(an_idle_session_ends_and_a_late_form_goes_back_to_sign_in, WebFixture) {
    addExample("okafor-ready-to-close");
    Browser browser(*this);
    browser.signIn("leader_south", kPassword);
    browser.get("/cases/NH-FF-2026-0142");
    advanceMinutes(31);
    const auto page = browser.get("/cases");
    BOOST_TEST(page.status == 303);
    BOOST_TEST(page.headers.at("Location") == "/sign-in?next=/cases");
    const auto form = browser.post("/cases/NH-FF-2026-0142/close", {{"csrf", browser.csrf()}});
    BOOST_TEST(form.status == 303);
    BOOST_TEST(form.headers.at("Location") == "/sign-in?expired=1");
    BOOST_TEST(contains(browser.get("/sign-in?expired=1").body,
                        "Your session ended, so nothing was saved."));
    BOOST_TEST(store.currentHead("NH-FF-2026-0142")->status == "open");
}

BOOST_FIXTURE_TEST_CASE(signing_out_ends_the_session, WebFixture) {
    Browser browser(*this);
    browser.signIn("admin", kPassword);
    const std::string session = browser.cookies.at("ehdocs_session");
    browser.get("/cases");
    BOOST_TEST(browser.post("/sign-out", {{"csrf", browser.csrf()}}).status == 303);
    browser.cookies["ehdocs_session"] = session;  // a copy of the old cookie is worthless
    BOOST_TEST(browser.get("/cases").status == 303);
    BOOST_TEST(audit("sign_out").size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(every_response_has_a_csp_without_inline_script, WebFixture) {
    Browser browser(*this);
    for (const std::string path :
         {"/sign-in", "/cases", "/no-such-page", "/assets/../etc/passwd"}) {
        const auto reply = browser.get(path);
        const std::string csp = reply.headers.at("Content-Security-Policy");
        BOOST_TEST(contains(csp, "script-src 'self';"));
        BOOST_TEST(!contains(csp, "unsafe-inline"));
        BOOST_TEST(contains(csp, "frame-ancestors 'none'"));
        BOOST_TEST(reply.headers.at("X-Content-Type-Options") == "nosniff");
    }
    BOOST_TEST(!contains(browser.get("/sign-in").body, "<script>"));
}

BOOST_FIXTURE_TEST_CASE(unknown_pages_and_assets_are_404_pages_in_the_layout, WebFixture) {
    Browser browser(*this);
    browser.signIn("admin", kPassword);
    const auto page = browser.get("/no-such-page");
    BOOST_TEST(page.status == 404);
    BOOST_TEST(contains(page.body, "Page not found"));
    BOOST_TEST(contains(page.body, "Go to your caseload"));
    BOOST_TEST(browser.get("/assets/..").status == 404);
    BOOST_TEST(browser.get("/assets/.hidden").status == 404);
    BOOST_TEST(browser.get("/cases/NO-SUCH-CASE").status == 404);
}

BOOST_FIXTURE_TEST_CASE(case_text_is_escaped_on_every_page, WebFixture) {
    // A case file may hold any text; it is shown as text, never as markup.
    addExample("okafor-ready-to-close", "", "<script>alert(1)</script>");
    Browser browser(*this);
    browser.signIn("admin", kPassword);
    for (const std::string path : {"/cases", "/cases/NH-FF-2026-0142"}) {
        const std::string body = browser.get(path).body;
        BOOST_TEST(!contains(body, "<script>alert(1)"));
        BOOST_TEST(contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

BOOST_AUTO_TEST_CASE(plain_http_is_only_allowed_on_loopback) {
    ehdocs::server::Settings settings;
    settings.web.plainHttp = true;
    settings.host = "0.0.0.0";
    BOOST_CHECK_EXCEPTION(
        ehdocs::web::WebApp::validate(settings), ehdocs::server::SettingsException,
        [](const auto& e) { return contains(e.message(), "web.plainHttp: only allowed"); });
    settings.host = "127.0.0.1";
    BOOST_CHECK_NO_THROW(ehdocs::web::WebApp::validate(settings));
}

BOOST_AUTO_TEST_SUITE_END()
