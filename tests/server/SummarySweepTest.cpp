// Kept case summaries renewed as the days pass: refreshSummaries() in bounded batches, for the
// version it read, and the background SummarySweep until none is stale.

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <thread>

#include "case/CaseReader.h"
#include "rules/ProfileRegistry.h"
#include "server/KeptSummary.h"
#include "server/RulesReadiness.h"
#include "server/SummarySweep.h"
#include "store/MemoryStore.h"

using namespace ehdocs;

namespace {

std::string example(const std::string& name) {
    std::ifstream in(EHDOCS_SOURCE_DIR "/examples/" + name + ".json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Caseload {
    store::MemoryStore store;
    server::RulesReadiness readiness{rules::ProfileRegistry::builtIn(), "standard"};

    // Stores every example with its summary as of `asOf`.
    Caseload(const std::string& asOf) {
        for (const char* name :
             {"nowak-open", "okafor-ready-to-close", "bennett-disengaged", "hughes-stepped-up"}) {
            const std::string json = example(name);
            ReadResult read = CaseReader::fromJson(json);
            BOOST_TEST_REQUIRE(read.ok());
            store::CaseRecord record;
            record.caseId = read.kase->caseId;
            record.version = 1;
            record.json = json;
            record.team = read.kase->service.team;
            record.status = read.kase->status;
            server::keepSummary(record, *read.kase, readiness, *Date::parse(asOf));
            store.createCase(record);
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(summary_sweep)

BOOST_AUTO_TEST_CASE(a_day_later_summaries_are_renewed_in_bounded_batches) {
    Caseload caseload("2026-03-01");
    const Date later = *Date::parse("2026-12-01");
    const int lateBefore = caseload.store.currentHead("DOR-LEH-2026-1207")->lateCount;
    BOOST_TEST(caseload.store.staleSummaries(later.iso(), 10).size() == 4u);

    BOOST_TEST(server::refreshSummaries(caseload.store, caseload.readiness, later, 3) == 3u);
    BOOST_TEST(caseload.store.staleSummaries(later.iso(), 10).size() == 1u);
    BOOST_TEST(server::refreshSummaries(caseload.store, caseload.readiness, later, 3) == 1u);
    BOOST_TEST(server::refreshSummaries(caseload.store, caseload.readiness, later, 3) == 0u);

    const auto nowak = caseload.store.currentHead("DOR-LEH-2026-1207");
    BOOST_TEST(nowak->summaryAsOf == "2026-12-01");
    BOOST_TEST(nowak->lateCount > lateBefore);  // more of its deadlines have passed
    BOOST_TEST(nowak->team == "East Locality");
}

BOOST_AUTO_TEST_CASE(a_write_after_the_read_keeps_its_own_summary) {
    Caseload caseload("2026-03-01");
    store::CaseRecord newer = *caseload.store.currentCase("DOR-LEH-2026-1207");
    newer.version = 2;
    newer.summaryAsOf = "2026-12-02";
    newer.lateCount = 99;
    // The refresh read version 1; version 2 is stored before it writes.
    store::CaseRecord read = *caseload.store.currentCase("DOR-LEH-2026-1207");
    caseload.store.updateCase(newer, {});
    read.summaryAsOf = "2026-12-01";
    BOOST_TEST((caseload.store.refreshSummary(read) == store::WriteResult::stale));
    BOOST_TEST(caseload.store.currentHead("DOR-LEH-2026-1207")->lateCount == 99);
}

BOOST_AUTO_TEST_CASE(the_background_sweep_renews_every_summary_then_stops_cleanly) {
    Caseload caseload("2026-03-01");
    {
        server::SummarySweep sweep(
            caseload.store, caseload.readiness, [] { return *Date::parse("2026-12-01"); }, 1,
            std::chrono::seconds(3600));
        while (!caseload.store.staleSummaries("2026-12-01", 10).empty()) std::this_thread::yield();
    }  // stops while waiting out its idle hour
    BOOST_TEST(caseload.store.currentHead("NH-FF-2026-0142")->summaryAsOf == "2026-12-01");
}

BOOST_AUTO_TEST_SUITE_END()
