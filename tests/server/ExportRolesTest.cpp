// Who may have which workbook (docs/exports.md, docs/api.md "Roles"): the SF workbook for the
// SF coordinator and admins; the KPI workbook also for a team leader, of their own team's cases
// only, and refused (403, audited) when they ask for another team.

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "ApiFixture.h"
#include "export/CaseVisitor.h"
#include "rules/ProfileRegistry.h"
#include "server/AuditLog.h"
#include "server/CaseService.h"
#include "server/Errors.h"
#include "server/RulesReadiness.h"
#include "server/Settings.h"
#include "store/MemoryStore.h"

using namespace ehdocs;
using test::ApiFixture;
using test::Reply;
namespace data = boost::unit_test::data;

namespace {

const std::string kSf = "/api/v1/exports/sf.xlsx?as_of=2026-07-01";
const std::string kKpi = "/api/v1/exports/kpi.xlsx?from=2026-01-01&to=2026-06-30";

struct Pair {
    const char* user;
    std::string path;
    int status;
};

const Pair kPairs[] = {
    {"coach_south", kSf, 403},
    {"coach_south", kKpi, 403},
    {"leader_south", kSf, 403},
    {"leader_south", kKpi, 200},
    {"leader_south", kKpi + "&team=South", 200},
    {"leader_south", kKpi + "&team=North%20Locality", 403},
    {"leader_north", kKpi, 200},
    {"leader_north", kKpi + "&team=South", 403},
    {"sf", kSf, 200},
    {"sf", kKpi, 200},
    {"admin", kSf, 200},
    {"admin", kKpi + "&team=North%20Locality", 200},
};

std::ostream& operator<<(std::ostream& out, const Pair& p) {
    return out << p.user << " " << p.path;
}

// One member of an .xlsx (a ZIP), or "" when it has none of that name.
std::string member(const std::string& xlsx, const std::string& name) {
    std::istringstream in(xlsx);
    Poco::Zip::ZipArchive archive(in);
    const auto header = archive.findHeader(name);
    if (header == archive.headerEnd()) return "";
    in.clear();
    Poco::Zip::ZipInputStream zip(in, header->second, true);
    std::string text;
    Poco::StreamCopier::copyToString(zip, text);
    return text;
}

// error.message of an error body.
std::string errorMessage(const Reply& reply) {
    Poco::JSON::Parser parser;
    const auto body = parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    return body->getObject("error")->getValue<std::string>("message");
}

// The export entries of `user`'s audit trail.
std::vector<store::AuditEntry> exportsBy(ApiFixture& api, const std::string& user) {
    store::AuditQuery query;
    query.user = user;
    std::vector<store::AuditEntry> found;
    for (const store::AuditEntry& entry : api.store.audit(query)) {
        if (entry.action == "export") found.push_back(entry);
    }
    return found;
}

// The service without HTTP, to see which cases an export is given.
struct ExportService {
    store::MemoryStore store;
    server::AuditLog audit{store};
    server::RulesReadiness readiness{rules::ProfileRegistry::builtIn(), "standard"};
    server::CaseService service{store,
                                audit,
                                readiness,
                                nullptr,
                                [] { return Poco::Timestamp::fromEpochTime(1782900000); },
                                server::Settings{}.cacheBytes};
    static server::Caller as(const std::string& name, const std::string& role,
                             const std::string& team) {
        return server::Caller::of(store::User{name, role, team, "", "", "", false}, "export-1",
                                  true);
    }
    // The ids of the cases an export of `what` is given (the service's streamed export).
    std::vector<std::string> exported(const server::Caller& caller, const std::string& what,
                                      const std::string& team = "") {
        std::vector<std::string> ids;
        service.exportWorkbook(caller, what, team, [&] {
            return std::make_unique<CaseVisitor>([&](const Case& k) { ids.push_back(k.caseId); });
        });
        return ids;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ExportRoles)

BOOST_DATA_TEST_CASE(each_role_gets_the_workbooks_docs_exports_md_gives_it, data::make(kPairs),
                     pair) {
    ApiFixture api;
    api.postExample("okafor-ready-to-close");
    api.postExample("bennett-disengaged");
    const Reply reply =
        api.call("GET", pair.path, api.token(pair.user), "", {{"X-Request-Id", "export-1"}});
    BOOST_TEST(reply.status == pair.status);

    const auto trail = exportsBy(api, pair.user);
    BOOST_TEST_REQUIRE(trail.size() == 1u);
    BOOST_TEST(trail[0].requestId == "export-1");
    if (pair.status == 403) {
        BOOST_TEST(reply.errorCode() == "forbidden");
        BOOST_TEST(trail[0].outcome == "forbidden");
        BOOST_TEST(!trail[0].detail.empty());
        BOOST_TEST(trail[0].detail == errorMessage(reply));
    } else {
        BOOST_TEST(trail[0].outcome == "ok");
        BOOST_TEST(reply.body.rfind("PK", 0) == 0u);
    }
}

BOOST_AUTO_TEST_CASE(a_team_leader_asking_for_another_team_is_told_why_and_audited) {
    ApiFixture api;
    api.postExample("okafor-ready-to-close");
    const Reply reply = api.call("GET", kKpi + "&team=North%20Locality", api.token("leader_south"));
    BOOST_TEST(reply.status == 403);
    const std::string message =
        "leader_south may export only cases of team \"South\", not \"North Locality\"";
    BOOST_TEST(errorMessage(reply) == message);
    const auto trail = exportsBy(api, "leader_south");
    BOOST_TEST_REQUIRE(trail.size() == 1u);
    BOOST_TEST(trail[0].role == "team_leader");
    BOOST_TEST(trail[0].outcome == "forbidden");
    BOOST_TEST(trail[0].detail == message);
    BOOST_TEST(trail[0].caseId == "");
}

BOOST_AUTO_TEST_CASE(a_team_leaders_kpi_workbook_is_titled_with_their_team) {
    ApiFixture api;
    api.postExample("okafor-ready-to-close");
    const Reply leader = api.call("GET", kKpi, api.token("leader_south"));
    BOOST_TEST_REQUIRE(leader.status == 200);
    BOOST_TEST(member(leader.body, "docProps/core.xml").find("Team: South") != std::string::npos);
    const Reply admin = api.call("GET", kKpi, api.token("admin"));
    BOOST_TEST_REQUIRE(admin.status == 200);
    BOOST_TEST(member(admin.body, "docProps/core.xml").find("Team: South") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_team_leader_exports_only_their_own_teams_cases) {
    ExportService s;
    const server::Caller admin = ExportService::as("amira", "admin", "");
    s.service.create(admin, ApiFixture::example("okafor-ready-to-close"));  // South
    s.service.create(admin, ApiFixture::example("bennett-disengaged"));     // North Locality

    const std::vector<std::string> south{"NH-FF-2026-0142"};
    BOOST_TEST(s.exported(ExportService::as("lee", "team_leader", "South"), "kpi.xlsx") == south);
    BOOST_TEST(s.exported(ExportService::as("lee", "team_leader", "South"), "kpi.xlsx", "South") ==
               south);
    BOOST_TEST(s.exported(admin, "kpi.xlsx").size() == 2u);
    BOOST_TEST(s.exported(ExportService::as("sam", "sf_coordinator", ""), "kpi.xlsx").size() == 2u);
    BOOST_TEST(s.exported(ExportService::as("sam", "sf_coordinator", ""), "sf.xlsx").size() == 2u);
    BOOST_CHECK_THROW(s.exported(ExportService::as("lee", "team_leader", "South"), "sf.xlsx"),
                      server::ForbiddenException);
    BOOST_CHECK_THROW(
        s.exported(ExportService::as("lee", "team_leader", "South"), "kpi.xlsx", "North Locality"),
        server::ForbiddenException);
    BOOST_CHECK_THROW(s.exported(ExportService::as("cy", "coach", "South"), "kpi.xlsx"),
                      server::ForbiddenException);
}

BOOST_AUTO_TEST_SUITE_END()
