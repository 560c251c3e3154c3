// The backups docs/deployment.md describes, made while the store is open and restored into a
// new database that ehdocs then opens and writes to: SQLite's online backup and pg_dump.

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "PostgresCluster.h"
#include "Processes.h"
#include "store/PostgresStore.h"
#include "store/SqliteStore.h"

using namespace ehdocs::store;
using namespace Poco::Data::Keywords;

namespace {

CaseRecord first(const std::string& id) {
    CaseRecord r;
    r.caseId = id;
    r.version = 1;
    r.json = "{\"case_id\":\"" + id + "\"}";
    r.team = "South";
    r.status = "open";
    r.author = "amira";
    r.writtenAt = "2026-06-30T10:00:00Z";
    r.action = "create";
    r.summaryAsOf = "2026-06-30";
    r.lateCount = 1;
    return r;
}

// Case A at version 2 with one document, and one audit entry.
void fill(Store& store) {
    store.createCase(first("A"));
    CaseRecord next = first("A");
    next.version = 2;
    StoredDocument doc;
    doc.docId = "doc-1";
    doc.caseId = "A";
    doc.caseVersion = 2;
    doc.bytes = std::string("%PDF\0\xff", 6);
    store.updateCase(next, {doc});
    store.appendAudit(
        {{0, "2026-06-30T10:00:00Z", "amira", "coach", "issue", "A", "ok", "r1", ""}});
}

// What a restored store must hold, and that it takes new writes after the restored ones.
void checkRestored(Store& restored) {
    BOOST_TEST(restored.currentCase("A")->version == 2);
    BOOST_TEST(restored.caseHistory("A").size() == 2u);
    BOOST_TEST(restored.document("doc-1")->bytes == std::string("%PDF\0\xff", 6));
    BOOST_TEST(restored.currentHead("A")->lateCount == 1);
    const long long lastSeq = restored.audit({}).back().seq;
    restored.appendAudit(
        {{0, "2026-07-01T10:00:00Z", "tom", "admin", "read", "A", "ok", "r2", ""}});
    BOOST_TEST(restored.audit({}).back().seq > lastSeq);
    BOOST_TEST((restored.createCase(first("B")) == WriteResult::ok));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_and_restore)

BOOST_AUTO_TEST_CASE(sqlite_online_backup_restores_into_a_working_store) {
    Poco::TemporaryFile live, backup;
    SqliteStore store(live.path());
    fill(store);
    // While the store is open, as the service would have it.
    const ehdocs::test::Run backedUp =
        ehdocs::test::run("sqlite3", {live.path(), ".backup " + backup.path()});
    BOOST_TEST_REQUIRE(backedUp.status == 0, backedUp.out + backedUp.err);
    SqliteStore restored(backup.path());
    checkRestored(restored);
}

BOOST_AUTO_TEST_CASE(pg_dump_restores_into_a_new_database_with_its_guards) {
    auto& cluster = ehdocs::test::PostgresCluster::shared();
    std::string liveName, restoredName;
    const std::string liveUrl = cluster.createDatabase(&liveName);
    PostgresStore store(liveUrl);
    fill(store);
    const std::string dump = cluster.socketDir() + "/ehdocs.dump";
    cluster.run("pg_dump", {"-h", cluster.socketDir(), "-U", "ehdocs", "--format=custom",
                            "--file=" + dump, liveName});
    const std::string restoredUrl = cluster.createDatabase(&restoredName);
    cluster.run("pg_restore", {"-h", cluster.socketDir(), "-U", "ehdocs", "--no-owner",
                               "--exit-on-error", "--dbname=" + restoredName, dump});
    PostgresStore restored(restoredUrl);
    checkRestored(restored);
    // The append-only guards came back with the data.
    Poco::Data::Session session("PostgreSQL", PostgresStore::connectionString(restoredUrl));
    BOOST_CHECK_EXCEPTION((session << "DELETE FROM audit", now), Poco::Exception,
                          [](const Poco::Exception& e) {
                              return e.displayText().find("is append-only") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
