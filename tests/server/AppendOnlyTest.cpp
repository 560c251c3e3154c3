// The append-only tables (docs/security.md, "Audit trail and history"): INSERT OR REPLACE is
// refused by the schema on every one of them, a case's current version only moves forward,
// and `ehdocs audit verify` finds the first broken link of a tampered copy's audit chain.

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "Processes.h"
#include "store/AuditChain.h"
#include "store/MemoryStore.h"
#include "store/Migrations.h"
#include "store/SqliteStore.h"

using namespace ehdocs::store;
using namespace Poco::Data::Keywords;
namespace bdata = boost::unit_test::data;
using ehdocs::test::Run;

namespace {

CaseRecord caseVersion(const std::string& id, int v) {
    return {id,
            v,
            "{\"v\":" + std::to_string(v) + "}",
            "South",
            "open",
            "amira",
            "Okafor",
            "amira",
            "2026-06-01T09:00:00Z",
            v == 1 ? "create" : "update"};
}

AuditEntry entry(const std::string& detail) {
    AuditEntry e;
    e.at = "2026-06-01T09:00:00Z";
    e.user = "amira";
    e.role = "coach";
    e.action = "read";
    e.caseId = "A";
    e.outcome = "ok";
    e.requestId = "r";
    e.detail = detail;
    return e;
}

// A data folder with a database holding case A (versions 1, 2), a document and 5 audit
// entries, closed (so its write-ahead log is folded into the file).
struct DataFolder {
    Poco::TemporaryFile dir;
    std::string path() const { return Poco::Path(dir.path(), "ehdocs.db").toString(); }
    DataFolder() {
        dir.createDirectories();
        SqliteStore store(path());
        store.createCase(caseVersion("A", 1));
        StoredDocument doc{"D1", "A",    2,       "closure_letter",      "pdf", "application/pdf",
                           "ab", "%PDF", "amira", "2026-06-01T09:00:00Z"};
        store.updateCase(caseVersion("A", 2), {doc});
        for (int i = 1; i <= 5; ++i) store.appendAudit({entry("entry " + std::to_string(i))});
    }
    // Runs SQL on the file as any other program could (no ehdocs code in the way).
    void tamper(const std::vector<std::string>& sql) const {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session session("SQLite", path());
        for (const std::string& s : sql) session << s, now;
    }
};

Run verify(const std::string& dataDir) {
    return ehdocs::test::runEhdocs({"audit", "verify", "--data", dataDir});
}

const char* const kReplaces[] = {
    "INSERT OR REPLACE INTO audit (seq, at, user, role, action, case_id, outcome, request_id,"
    " detail) VALUES (2, 'x', 'x', 'x', 'x', 'A', 'ok', 'x', 'rewritten')",
    "REPLACE INTO case_versions (case_id, version, json, team, status, lead_worker,"
    " family_name, author, written_at, action)"
    " VALUES ('A', 1, '{}', 'North', 'open', 'x', 'x', 'x', 'x', 'create')",
    "INSERT OR REPLACE INTO documents (doc_id, case_id, case_version, type, format,"
    " content_type, sha256, bytes, created_by, created_at)"
    " VALUES ('D1', 'A', 2, 't', 'pdf', 'application/pdf', 'x', X'00', 'x', 'x')",
    "INSERT OR REPLACE INTO cases (case_id, version) VALUES ('A', 1)",
    "UPDATE cases SET version = 1 WHERE case_id = 'A'",
    "DELETE FROM cases",
    "INSERT INTO audit (seq, at, user, role, action, case_id, outcome, request_id, detail)"
    " VALUES (3, 'x', 'x', 'x', 'x', 'A', 'ok', 'x', 'x') ON CONFLICT(seq) DO UPDATE SET"
    " detail = 'rewritten'",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(append_only)

BOOST_DATA_TEST_CASE(the_schema_refuses_rewriting_history, bdata::make(kReplaces), sql) {
    DataFolder data;
    BOOST_CHECK_EXCEPTION(data.tamper({sql}), Poco::Exception, [](const Poco::Exception& e) {
        const std::string text = e.displayText();
        return text.find("append-only") != std::string::npos ||
               text.find("cases are never deleted") != std::string::npos ||
               text.find("next version") != std::string::npos;
    });
    SqliteStore store(data.path());
    BOOST_TEST(store.currentCase("A")->version == 2);
    BOOST_TEST(store.currentCase("A")->team == "South");
    BOOST_TEST(store.document("D1")->bytes == "%PDF");
    BOOST_TEST(store.audit({})[1].detail == "entry 2");
    BOOST_TEST(!AuditChain::verify(store).broken);
}

BOOST_AUTO_TEST_CASE(both_stores_chain_every_entry_to_the_one_before) {
    MemoryStore memory;
    DataFolder data;
    SqliteStore sqlite(data.path());
    for (Store* store : std::initializer_list<Store*>{&memory, &sqlite}) {
        store->appendAudit({entry("a"), entry("b")});
        const std::vector<AuditEntry> all = store->audit({});
        BOOST_REQUIRE(all.size() >= 2u);
        for (std::size_t i = 1; i < all.size(); ++i) {
            BOOST_TEST(all[i].prevHash == all[i - 1].hash);
            BOOST_TEST(all[i].hash == AuditChain::hashOf(all[i]));
        }
        const AuditChain::Report report = AuditChain::verify(*store);
        BOOST_TEST(!report.broken);
        BOOST_TEST(report.entries == all.size());
    }
}

BOOST_AUTO_TEST_CASE(verify_reports_an_intact_trail) {
    DataFolder data;
    const Run run = verify(data.dir.path());
    BOOST_TEST(run.status == 0, run.out);
    BOOST_TEST(run.out.find("intact, 5 entries") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_CASE(verify_finds_an_entry_changed_behind_the_triggers_back) {
    DataFolder data;
    data.tamper({"DROP TRIGGER audit_no_update", "UPDATE audit SET detail = 'x' WHERE seq = 3"});
    const Run run = verify(data.dir.path());
    BOOST_TEST(run.status == 1, run.out);
    BOOST_TEST(
        run.out.find("BROKEN at entry 3: its contents do not match its hash") != std::string::npos,
        run.out);
}

BOOST_AUTO_TEST_CASE(verify_finds_a_removed_entry_at_the_one_after_it) {
    DataFolder data;
    data.tamper({"DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 2"});
    const Run run = verify(data.dir.path());
    BOOST_TEST(run.status == 1, run.out);
    BOOST_TEST(run.out.find("BROKEN at entry 3: it does not follow the entry before it") !=
                   std::string::npos,
               run.out);
}

BOOST_AUTO_TEST_CASE(verify_finds_a_rewritten_entry_with_a_recomputed_hash) {
    // Whoever rewrites an entry and recomputes its hash still breaks the next link.
    DataFolder data;
    AuditEntry forged;
    {
        SqliteStore store(data.path());
        forged = store.audit({})[1];
    }
    forged.detail = "forged";
    forged.hash = AuditChain::hashOf(forged);
    data.tamper({"DROP TRIGGER audit_no_update",
                 "UPDATE audit SET detail = 'forged', hash = '" + forged.hash + "' WHERE seq = 2"});
    const Run run = verify(data.dir.path());
    BOOST_TEST(run.status == 1, run.out);
    BOOST_TEST(run.out.find("BROKEN at entry 3") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_CASE(a_schema_1_database_is_upgraded_and_its_old_entries_counted_unchained) {
    Poco::TemporaryFile dir;
    dir.createDirectories();
    const std::string path = Poco::Path(dir.path(), "ehdocs.db").toString();
    {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session session("SQLite", path);
        for (const std::string& sql : Migrations::all()[0]) session << sql, now;
        session << "PRAGMA user_version = 1", now;
        session << "INSERT INTO audit (at, user, role, action, case_id, outcome, request_id,"
                   " detail) VALUES ('t', 'u', 'admin', 'read', 'A', 'ok', 'r', 'old')",
            now;
    }
    {
        SqliteStore store(path);
        BOOST_TEST(store.schemaVersion() == static_cast<int>(Migrations::all().size()));
        store.appendAudit({entry("new")});
    }
    const Run run = verify(dir.path());
    BOOST_TEST(run.status == 0, run.out);
    BOOST_TEST(run.out.find("intact, 2 entries (the first 1 written before the chain") !=
                   std::string::npos,
               run.out);
}

BOOST_AUTO_TEST_SUITE_END()
