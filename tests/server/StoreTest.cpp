// The Store contract, run against both implementations: SQLite on disk and the in-memory twin.

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <thread>

#include "store/MemoryStore.h"
#include "store/SqliteStore.h"

using namespace ehdocs::store;
using namespace Poco::Data::Keywords;

namespace {

struct StoreUnderTest {
    std::string name;
    std::unique_ptr<Poco::TemporaryFile> file;
    std::unique_ptr<Store> store;
};

std::vector<StoreUnderTest> bothStores() {
    std::vector<StoreUnderTest> stores;
    stores.push_back({"memory", nullptr, std::make_unique<MemoryStore>()});
    auto file = std::make_unique<Poco::TemporaryFile>();
    auto sqlite = std::make_unique<SqliteStore>(file->path());
    stores.push_back({"sqlite", std::move(file), std::move(sqlite)});
    return stores;
}

CaseRecord version(const std::string& id, int v, const std::string& team = "South") {
    CaseRecord r;
    r.caseId = id;
    r.version = v;
    r.json = "{\"case_id\":\"" + id + "\",\"v\":" + std::to_string(v) + "}";
    r.team = team;
    r.status = "open";
    r.leadWorker = "w1";
    r.familyName = "Okafor";
    r.author = "amira";
    r.writtenAt = "2026-06-30T10:00:0" + std::to_string(v % 10) + "Z";
    r.action = v == 1 ? "create" : "update";
    return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(create_then_create_again_is_exists) {
    for (auto& s : bothStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            BOOST_TEST((s.store->createCase(version("A", 1)) == WriteResult::ok));
            BOOST_TEST((s.store->createCase(version("A", 1)) == WriteResult::exists));
            BOOST_TEST(s.store->caseCount() == 1u);
            BOOST_TEST(s.store->currentCase("A")->json == version("A", 1).json);
            BOOST_TEST(!s.store->currentCase("B"));
        }
    }
}

BOOST_AUTO_TEST_CASE(update_needs_the_current_version_and_keeps_every_version) {
    for (auto& s : bothStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->createCase(version("A", 1));
            BOOST_TEST((s.store->updateCase(version("B", 2), {}) == WriteResult::notFound));
            BOOST_TEST((s.store->updateCase(version("A", 3), {}) == WriteResult::stale));
            BOOST_TEST((s.store->updateCase(version("A", 2), {}) == WriteResult::ok));
            BOOST_TEST((s.store->updateCase(version("A", 2), {}) == WriteResult::stale));
            BOOST_TEST(s.store->currentCase("A")->version == 2);
            const auto history = s.store->caseHistory("A");
            BOOST_TEST_REQUIRE(history.size() == 2u);
            BOOST_TEST(history[0].version == 1);
            BOOST_TEST(history[1].author == "amira");
            BOOST_TEST(history[1].json.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(of_concurrent_updates_from_one_version_exactly_one_wins) {
    for (auto& s : bothStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->createCase(version("A", 1));
            std::atomic<int> wins{0}, stale{0};
            std::vector<std::thread> writers;
            for (int i = 0; i < 8; ++i) {
                writers.emplace_back([&] {
                    auto result = s.store->updateCase(version("A", 2), {});
                    (result == WriteResult::ok ? wins : stale)++;
                });
            }
            for (auto& t : writers) t.join();
            BOOST_TEST(wins.load() == 1);
            BOOST_TEST(stale.load() == 7);
        }
    }
}

BOOST_AUTO_TEST_CASE(documents_are_stored_byte_for_byte_with_their_version) {
    for (auto& s : bothStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->createCase(version("A", 1));
            StoredDocument doc;
            doc.docId = "doc-1";
            doc.caseId = "A";
            doc.caseVersion = 2;
            doc.type = "closure_letter";
            doc.format = "pdf";
            doc.contentType = "application/pdf";
            doc.sha256 = "abc";
            doc.bytes = std::string("%PDF\0\x01\xff binary", 15);
            doc.createdBy = "amira";
            doc.createdAt = "2026-06-30T10:00:00Z";
            BOOST_TEST((s.store->updateCase(version("A", 2), {doc}) == WriteResult::ok));
            auto stored = s.store->document("doc-1");
            BOOST_TEST_REQUIRE(stored.has_value());
            BOOST_TEST(stored->bytes == doc.bytes);
            BOOST_TEST(stored->caseVersion == 2);
            BOOST_TEST(s.store->caseDocuments("A").size() == 1u);
            BOOST_TEST(!s.store->document("doc-2"));
            // A stale write stores neither the version nor its documents.
            doc.docId = "doc-2";
            BOOST_TEST((s.store->updateCase(version("A", 2), {doc}) == WriteResult::stale));
            BOOST_TEST(!s.store->document("doc-2"));
        }
    }
}

BOOST_AUTO_TEST_CASE(users_are_found_by_token_hash_and_names_are_unique) {
    for (auto& s : bothStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            User user{"amira", "coach", "South", "hash-1", "2026-06-30T10:00:00Z"};
            BOOST_TEST((s.store->addUser(user) == WriteResult::ok));
            user.tokenHash = "hash-2";
            BOOST_TEST((s.store->addUser(user) == WriteResult::exists));
            BOOST_TEST(s.store->userByTokenHash("hash-1")->team == "South");
            BOOST_TEST(!s.store->userByTokenHash("hash-2"));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_replaced_token_stops_working_at_once) {
    for (auto& s : bothStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            BOOST_TEST(
                (s.store->addUser({"amira", "coach", "South", "hash-1", ""}) == WriteResult::ok));
            BOOST_TEST((s.store->replaceToken("amira", "hash-2") == WriteResult::ok));
            BOOST_TEST(!s.store->userByTokenHash("hash-1"));
            BOOST_TEST(s.store->userByTokenHash("hash-2")->name == "amira");
            BOOST_TEST(s.store->userByTokenHash("hash-2")->role == "coach");
            BOOST_TEST((s.store->replaceToken("nobody", "hash-3") == WriteResult::notFound));
        }
    }
}

BOOST_AUTO_TEST_CASE(audit_entries_are_numbered_and_filtered) {
    for (auto& s : bothStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->appendAudit(
                {{0, "2026-06-01T09:00:00Z", "amira", "coach", "read", "A", "ok", "r1", "", "", ""},
                 {0, "2026-06-02T09:00:00Z", "tom", "team_leader", "close", "A",
                  "not_ready_to_close", "r2", "", "", ""},
                 {0, "2026-06-03T09:00:00Z", "amira", "coach", "read", "B", "forbidden", "r3",
                  "", "", ""}});
            BOOST_TEST(s.store->audit({}).size() == 3u);
            BOOST_TEST(s.store->audit({}).back().seq > s.store->audit({}).front().seq);
            AuditQuery byCase;
            byCase.caseId = "A";
            BOOST_TEST(s.store->audit(byCase).size() == 2u);
            AuditQuery byUser;
            byUser.user = "amira";
            byUser.from = "2026-06-02";
            BOOST_TEST_REQUIRE(s.store->audit(byUser).size() == 1u);
            BOOST_TEST(s.store->audit(byUser)[0].requestId == "r3");
        }
    }
}

BOOST_AUTO_TEST_CASE(sqlite_history_cannot_be_rewritten_even_with_sql) {
    Poco::TemporaryFile file;
    {
        SqliteStore store(file.path());
        BOOST_TEST(store.schemaVersion() == 3);
        store.createCase(version("A", 1));
        store.appendAudit(
            {{0, "2026-06-01T09:00:00Z", "amira", "coach", "read", "A", "ok", "r1", "", "", ""}});
    }
    Poco::Data::Session session("SQLite", file.path());
    for (const char* sql : {"UPDATE audit SET outcome = 'ok'", "DELETE FROM audit",
                            "UPDATE case_versions SET json = '{}'", "DELETE FROM case_versions"}) {
        BOOST_TEST_CONTEXT(sql) {
            BOOST_CHECK_EXCEPTION(
                (session << sql, now), Poco::Exception, [](const Poco::Exception& e) {
                    return e.displayText().find("append-only") != std::string::npos;
                });
        }
    }
    // Reopening applies no migration twice and keeps the data.
    SqliteStore reopened(file.path());
    BOOST_TEST(reopened.currentCase("A")->version == 1);
    BOOST_TEST(reopened.audit({}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(sqlite_refuses_a_database_from_a_newer_ehdocs) {
    Poco::TemporaryFile file;
    {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session session("SQLite", file.path());
        session << "PRAGMA user_version = 99", now;
    }
    BOOST_CHECK_EXCEPTION(SqliteStore store(file.path()), StoreException,
                          [](const StoreException& e) {
                              return e.message().find("schema version 99") != std::string::npos;
                          });
}
