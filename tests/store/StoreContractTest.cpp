// The Store contract (Store.h), one set of cases run against every implementation: the
// in-memory twin, SQLite on disk and PostgreSQL (a fresh database of the test program's own
// throwaway cluster for each case). Then what each database adds: history that cannot be
// rewritten even with SQL, and refusing a database from a newer ehdocs.

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <algorithm>
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <memory>
#include <thread>

#include "PostgresCluster.h"
#include "store/MemoryStore.h"
#include "store/Migrations.h"
#include "store/OpenStore.h"
#include "store/PostgresMigrations.h"
#include "store/PostgresStore.h"
#include "store/SqliteStore.h"

using namespace ehdocs::store;
using namespace Poco::Data::Keywords;

namespace {

struct StoreUnderTest {
    std::string name;
    std::unique_ptr<Poco::TemporaryFile> file;
    std::unique_ptr<Store> store;
};

std::vector<StoreUnderTest> allStores() {
    std::vector<StoreUnderTest> stores;
    stores.push_back({"memory", nullptr, std::make_unique<MemoryStore>()});
    auto file = std::make_unique<Poco::TemporaryFile>();
    auto sqlite = std::make_unique<SqliteStore>(file->path());
    stores.push_back({"sqlite", std::move(file), std::move(sqlite)});
    const std::string url = ehdocs::test::PostgresCluster::shared().createDatabase();
    stores.push_back({"postgresql", nullptr, std::make_unique<PostgresStore>(url)});
    return stores;
}

bool mentions(const Poco::Exception& e, const std::string& part) {
    return e.displayText().find(part) != std::string::npos;
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
    for (auto& s : allStores()) {
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
    for (auto& s : allStores()) {
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
    for (auto& s : allStores()) {
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
    for (auto& s : allStores()) {
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
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            User user{"amira", "coach", "South", "hash-1", "2026-06-30T10:00:00Z"};
            user.worker = "w1";
            BOOST_TEST((s.store->addUser(user) == WriteResult::ok));
            user.tokenHash = "hash-2";
            BOOST_TEST((s.store->addUser(user) == WriteResult::exists));
            BOOST_TEST(s.store->userByTokenHash("hash-1")->team == "South");
            BOOST_TEST(s.store->userByTokenHash("hash-1")->worker == "w1");
            BOOST_TEST(s.store->userByName("amira")->worker == "w1");
            BOOST_TEST(s.store->users().front().worker == "w1");
            BOOST_TEST(!s.store->userByTokenHash("hash-2"));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_replaced_token_stops_working_at_once) {
    for (auto& s : allStores()) {
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

BOOST_AUTO_TEST_CASE(a_user_is_linked_to_a_worker_id_and_moved_to_another_team) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            BOOST_TEST(
                (s.store->addUser({"amira", "coach", "South", "hash-1", ""}) == WriteResult::ok));
            BOOST_TEST(s.store->userByName("amira")->worker.empty());
            BOOST_TEST((s.store->setWorker("amira", "w3") == WriteResult::ok));
            BOOST_TEST(s.store->userByTokenHash("hash-1")->worker == "w3");
            BOOST_TEST((s.store->setWorker("amira", "") == WriteResult::ok));
            BOOST_TEST(s.store->userByName("amira")->worker.empty());
            BOOST_TEST(s.store->userByName("amira")->team == "South");
            BOOST_TEST((s.store->setWorker("nobody", "w1") == WriteResult::notFound));
            BOOST_TEST((s.store->setTeam("amira", "North") == WriteResult::ok));
            BOOST_TEST(s.store->userByTokenHash("hash-1")->team == "North");
            BOOST_TEST((s.store->setTeam("nobody", "North") == WriteResult::notFound));
        }
    }
}

BOOST_AUTO_TEST_CASE(audit_entries_are_numbered_and_filtered) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->appendAudit(
                {{0, "2026-06-01T09:00:00Z", "amira", "coach", "read", "A", "ok", "r1", ""},
                 {0, "2026-06-02T09:00:00Z", "tom", "team_leader", "close", "A",
                  "not_ready_to_close", "r2", ""},
                 {0, "2026-06-03T09:00:00Z", "amira", "coach", "read", "B", "forbidden", "r3",
                  ""}});
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

BOOST_AUTO_TEST_CASE(seq_follows_commit_order_across_concurrent_appends) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            std::vector<std::thread> writers;
            for (int w = 0; w < 4; ++w) {
                writers.emplace_back([&, w] {
                    for (int i = 0; i < 10; ++i) {
                        s.store->appendAudit({{0, "2026-06-01T09:00:00Z", "u" + std::to_string(w),
                                               "coach", "read", "A", "ok", "r", ""}});
                    }
                });
            }
            for (auto& t : writers) t.join();
            const auto entries = s.store->audit({});
            BOOST_TEST_REQUIRE(entries.size() == 40u);
            for (std::size_t i = 1; i < entries.size(); ++i) {
                BOOST_TEST(entries[i].seq > entries[i - 1].seq);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(sqlite_history_cannot_be_rewritten_even_with_sql) {
    Poco::TemporaryFile file;
    {
        SqliteStore store(file.path());
        BOOST_TEST(store.schemaVersion() == static_cast<int>(Migrations::all().size()));
        store.createCase(version("A", 1));
        store.appendAudit(
            {{0, "2026-06-01T09:00:00Z", "amira", "coach", "read", "A", "ok", "r1", ""}});
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

const int kPostgresSchema = static_cast<int>(PostgresMigrations::all().size());

BOOST_AUTO_TEST_CASE(postgresql_history_cannot_be_rewritten_even_with_sql) {
    const std::string url = ehdocs::test::PostgresCluster::shared().createDatabase();
    {
        PostgresStore store(url);
        BOOST_TEST(store.schemaVersion() == static_cast<int>(Migrations::all().size()));
        store.createCase(version("A", 1));
        StoredDocument doc;
        doc.docId = "doc-1";
        doc.caseId = "A";
        doc.caseVersion = 2;
        doc.bytes = "%PDF";
        store.updateCase(version("A", 2), {doc});
        store.appendAudit(
            {{0, "2026-06-01T09:00:00Z", "amira", "coach", "read", "A", "ok", "r1", ""}});
    }
    Poco::Data::Session session("PostgreSQL", PostgresStore::connectionString(url));
    for (const char* sql :
         {"UPDATE audit SET outcome = 'ok'", "DELETE FROM audit", "TRUNCATE audit",
          "UPDATE case_versions SET json = '{}'", "DELETE FROM case_versions",
          "TRUNCATE case_versions", "UPDATE documents SET bytes = 'x'", "DELETE FROM documents",
          "DELETE FROM ehdocs_schema",
          // An upsert is an UPDATE: refused too.
          "INSERT INTO case_versions (case_id, version, json, team, status, lead_worker,"
          " family_name, author, written_at, action) VALUES"
          " ('A', 1, '{}', '', '', '', '', '', '', '') ON CONFLICT (case_id, version)"
          " DO UPDATE SET json = EXCLUDED.json"}) {
        BOOST_TEST_CONTEXT(sql) {
            BOOST_CHECK_EXCEPTION(
                (session << sql, now), Poco::Exception,
                [](const Poco::Exception& e) { return mentions(e, "is append-only"); });
        }
    }
    // Reopening applies no migration twice and keeps the data.
    PostgresStore reopened(url);
    BOOST_TEST(reopened.schemaVersion() == kPostgresSchema);
    BOOST_TEST(reopened.currentCase("A")->version == 2);
    BOOST_TEST(reopened.document("doc-1")->bytes == "%PDF");
    BOOST_TEST(reopened.audit({}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(postgresql_refuses_a_database_from_a_newer_ehdocs) {
    const std::string url = ehdocs::test::PostgresCluster::shared().createDatabase();
    { PostgresStore store(url); }
    {
        Poco::Data::Session session("PostgreSQL", PostgresStore::connectionString(url));
        session << "INSERT INTO ehdocs_schema (version) VALUES (99)", now;
    }
    BOOST_CHECK_EXCEPTION(PostgresStore store(url), StoreException, [](const StoreException& e) {
        return e.message().find("schema version 99, newer than this ehdocs (" +
                                std::to_string(kPostgresSchema) + ")") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(postgresql_instances_starting_together_migrate_once) {
    const std::string url = ehdocs::test::PostgresCluster::shared().createDatabase();
    std::vector<std::thread> instances;
    std::atomic<int> opened{0};
    for (int i = 0; i < 3; ++i) {
        instances.emplace_back([&] {
            PostgresStore store(url, 1);
            if (store.schemaVersion() == kPostgresSchema) ++opened;
        });
    }
    for (auto& t : instances) t.join();
    BOOST_TEST(opened.load() == 3);
}

BOOST_AUTO_TEST_CASE(postgresql_two_instances_on_one_database_see_one_history) {
    const std::string url = ehdocs::test::PostgresCluster::shared().createDatabase();
    PostgresStore first(url), second(url);
    BOOST_TEST((first.createCase(version("A", 1)) == WriteResult::ok));
    BOOST_TEST((second.createCase(version("A", 1)) == WriteResult::exists));
    std::atomic<int> wins{0};
    std::thread a([&] { wins += first.updateCase(version("A", 2), {}) == WriteResult::ok; });
    std::thread b([&] { wins += second.updateCase(version("A", 2), {}) == WriteResult::ok; });
    a.join();
    b.join();
    BOOST_TEST(wins.load() == 1);
    BOOST_TEST(second.currentCase("A")->version == 2);
    BOOST_TEST(first.caseHistory("A").size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_postgresql_url_becomes_connector_settings) {
    BOOST_TEST(
        PostgresStore::connectionString("postgresql://amira:secret@db.example:5433/ehdocs") ==
        "user=amira password=secret dbname=ehdocs host=db.example port=5433");
    BOOST_CHECK_EXCEPTION(PostgresStore::connectionString("postgresql://h/db?nonsense=1"),
                          StoreException, [](const StoreException& e) {
                              return e.message().find("not a PostgreSQL connection URI") !=
                                     std::string::npos;
                          });
    BOOST_CHECK_EXCEPTION(PostgresStore("postgresql:///nodb?host=/no/such/dir"), StoreException,
                          [](const StoreException& e) {
                              return e.message().find("cannot open the PostgreSQL database") !=
                                     std::string::npos;
                          });
}

namespace {

// Case `id` version 1 with a summary: `late` late findings, next due `due`, of `team`.
CaseRecord summarised(const std::string& id, const std::string& team, int late,
                      const std::string& due, bool ready = false,
                      const std::string& status = "open") {
    CaseRecord r = version(id, 1, team);
    r.status = status;
    r.familyName = "Family " + std::string(1, static_cast<char>('z' - (id.back() - '0')));
    r.levelOfNeed = "targeted";
    r.leadWorkerName = "Amira Khan";
    r.readyToClose = ready;
    r.blockingCount = ready ? 0 : 2;
    r.lateCount = late;
    r.nextDue = due;
    r.summaryAsOf = "2026-06-30";
    return r;
}

// Every case of the store in `query`'s order, read a page at a time; checks each page's total.
std::vector<std::string> walk(Store& store, CasePageQuery query, std::size_t expectedTotal) {
    std::vector<std::string> ids;
    for (int pages = 0; pages < 100; ++pages) {
        const CasePage page = store.casePage(query);
        BOOST_TEST(page.total == expectedTotal);
        BOOST_TEST(page.cases.size() <= query.limit);
        for (const CaseRecord& r : page.cases) {
            BOOST_TEST(r.json.empty());
            BOOST_TEST(r.leadWorkerName == "Amira Khan");
            ids.push_back(r.caseId);
        }
        if (!page.next) break;
        query.after = page.next;
    }
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_summary_is_kept_with_each_write) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            CaseRecord first = summarised("A1", "South", 2, "2026-07-10");
            first.nextDueWhat = "review TAF meeting";
            s.store->createCase(first);
            for (const auto& read : {s.store->currentCase("A1"), s.store->currentHead("A1")}) {
                BOOST_TEST_REQUIRE(read.has_value());
                BOOST_TEST(read->nextDueWhat == "review TAF meeting");
                BOOST_TEST(read->lateCount == 2);
                BOOST_TEST(read->blockingCount == 2);
                BOOST_TEST(read->nextDue == "2026-07-10");
                BOOST_TEST(read->levelOfNeed == "targeted");
                BOOST_TEST(read->leadWorkerName == "Amira Khan");
                BOOST_TEST(read->summaryAsOf == "2026-06-30");
                BOOST_TEST(!read->readyToClose);
            }
            CaseRecord next = summarised("A1", "South", 0, "", true);
            next.version = 2;
            BOOST_TEST((s.store->updateCase(next, {}) == WriteResult::ok));
            const auto head = s.store->currentHead("A1");
            BOOST_TEST(head->version == 2);
            BOOST_TEST(head->readyToClose);
            BOOST_TEST(head->lateCount == 0);
            BOOST_TEST(head->nextDue == "");
        }
    }
}

BOOST_AUTO_TEST_CASE(pages_walk_every_case_once_in_each_order) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            std::vector<CaseRecord> all;
            for (int i = 0; i < 23; ++i) {
                const std::string id = "C" + std::to_string(10 + i);
                const std::string due = i % 4 == 0 ? "" : "2026-07-" + std::to_string(10 + i % 7);
                all.push_back(summarised(id, i % 3 ? "South" : "North", i % 5, due, i % 6 == 0,
                                         i % 7 == 0 ? "closed" : "open"));
                s.store->createCase(all.back());
            }
            for (CaseSort sort :
                 {CaseSort::action, CaseSort::caseId, CaseSort::family, CaseSort::due}) {
                BOOST_TEST_CONTEXT(sortName(sort)) {
                    std::vector<std::pair<std::string, std::string>> expected;
                    for (const CaseRecord& r : all)
                        expected.push_back({sortKey(r, sort), r.caseId});
                    std::sort(expected.begin(), expected.end());
                    std::vector<std::string> ids;
                    for (const auto& [key, id] : expected) ids.push_back(id);
                    CasePageQuery query;
                    query.sort = sort;
                    query.limit = 5;
                    BOOST_TEST(walk(*s.store, query, 23) == ids, boost::test_tools::per_element());
                }
            }
            // Needs action first: the open case with the most late findings leads, closed last.
            CasePageQuery first;
            first.limit = 1;
            const CasePage top = s.store->casePage(first);
            BOOST_TEST_REQUIRE(top.cases.size() == 1u);
            BOOST_TEST(top.cases[0].lateCount == 4);
            BOOST_TEST(top.cases[0].status == "open");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_page_with_json_carries_each_current_case_file) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->createCase(version("A", 1));
            BOOST_TEST((s.store->updateCase(version("A", 2), {}) == WriteResult::ok));
            s.store->createCase(version("B", 1, "North"));
            s.store->createCase(version("C", 1));
            CasePageQuery query;
            query.sort = CaseSort::caseId;
            query.team = "South";
            query.limit = 1;
            query.withJson = true;
            CasePage page = s.store->casePage(query);
            BOOST_TEST_REQUIRE(page.cases.size() == 1u);
            BOOST_TEST(page.cases[0].json == version("A", 2).json);  // the current version's
            BOOST_TEST(page.cases[0].version == 2);
            BOOST_TEST(page.cases[0].team == "South");
            BOOST_TEST_REQUIRE(page.next.has_value());
            query.after = page.next;
            page = s.store->casePage(query);
            BOOST_TEST_REQUIRE(page.cases.size() == 1u);
            BOOST_TEST(page.cases[0].json == version("C", 1).json);
            BOOST_TEST(!page.next);
            query.withJson = false;
            BOOST_TEST(s.store->casePage(query).cases.at(0).json.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(pages_filter_and_count_what_they_filter) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->createCase(summarised("F1", "South", 0, "2026-07-01", true));
            s.store->createCase(summarised("F2", "South", 3, "2026-08-01"));
            s.store->createCase(summarised("F3", "North", 1, ""));
            s.store->createCase(summarised("F4", "North", 0, "2026-07-15", false, "closed"));
            auto count = [&](auto change) {
                CasePageQuery q;
                change(q);
                return s.store->casePage(q).total;
            };
            BOOST_TEST(count([](CasePageQuery&) {}) == 4u);
            BOOST_TEST(count([](CasePageQuery& q) { q.team = "South"; }) == 2u);
            BOOST_TEST(count([](CasePageQuery& q) { q.status = "closed"; }) == 1u);
            BOOST_TEST(count([](CasePageQuery& q) { q.ready = true; }) == 1u);
            BOOST_TEST(count([](CasePageQuery& q) { q.ready = false; }) == 3u);
            BOOST_TEST(count([](CasePageQuery& q) { q.late = true; }) == 2u);
            BOOST_TEST(count([](CasePageQuery& q) { q.late = false; }) == 2u);
            BOOST_TEST(count([](CasePageQuery& q) { q.dueBefore = "2026-07-20"; }) == 2u);
            BOOST_TEST(count([](CasePageQuery& q) { q.leadWorker = "w1"; }) == 4u);
            BOOST_TEST(count([](CasePageQuery& q) { q.leadWorker = "w2"; }) == 0u);
            BOOST_TEST(count([](CasePageQuery& q) {
                           q.team = "North";
                           q.late = true;
                       }) == 1u);
            CasePageQuery team;
            team.team = "North";
            team.limit = 1;
            const CasePage page = s.store->casePage(team);
            BOOST_TEST(page.cases.size() == 1u);
            BOOST_TEST(page.next.has_value());
            BOOST_TEST(page.cases[0].caseId == "F3");  // open and late before closed
        }
    }
}

BOOST_AUTO_TEST_CASE(pages_search_case_ids_and_family_names_in_any_case) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            CaseRecord okafor = summarised("NH-2026-0142", "South", 0, "");
            okafor.familyName = "Okafor";
            CaseRecord percent = summarised("NH-2026-0150", "South", 0, "");
            percent.familyName = "O'Brien 100%";
            CaseRecord north = summarised("EL-2026-0001", "North", 0, "");
            north.familyName = "Nowak";
            for (const CaseRecord& r : {okafor, percent, north}) s.store->createCase(r);
            auto found = [&](const std::string& search, const std::string& team = "") {
                CasePageQuery q;
                q.search = search;
                q.team = team;
                std::vector<std::string> ids;
                for (const CaseRecord& r : s.store->casePage(q).cases) ids.push_back(r.caseId);
                std::sort(ids.begin(), ids.end());
                return ids;
            };
            using Ids = std::vector<std::string>;
            BOOST_TEST(found("okaf") == Ids{"NH-2026-0142"});  // part of the family name
            BOOST_TEST(found("nh-2026") == (Ids{"NH-2026-0142", "NH-2026-0150"}));
            BOOST_TEST(found("0142") == Ids{"NH-2026-0142"});
            BOOST_TEST(found("NOWAK") == Ids{"EL-2026-0001"});
            BOOST_TEST(found("nowak", "South").empty());  // with the other filters
            // LIKE's wildcards are only themselves: "%" finds the one name holding one.
            BOOST_TEST(found("%") == Ids{"NH-2026-0150"});
            BOOST_TEST(found("o_b").empty());
            BOOST_TEST(found("o'b") == Ids{"NH-2026-0150"});
            CasePageQuery q;
            q.search = "nh-";
            BOOST_TEST(s.store->casePage(q).total == 2u);
        }
    }
}

BOOST_AUTO_TEST_CASE(lead_workers_are_those_of_current_cases_by_name) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            auto lead = [](const std::string& id, const std::string& team,
                           const std::string& worker, const std::string& name) {
                CaseRecord r = summarised(id, team, 0, "");
                r.leadWorker = worker;
                r.leadWorkerName = name;
                return r;
            };
            s.store->createCase(lead("L1", "South", "w2", "Zoe Adams"));
            s.store->createCase(lead("L2", "South", "w1", "Amira Khan"));
            s.store->createCase(lead("L3", "South", "w1", "Amira Khan"));
            s.store->createCase(lead("L4", "North", "w3", "Ben Cole"));
            s.store->createCase(lead("L5", "South", "", ""));
            // A new version moves L1 to another worker: only the current version counts.
            CaseRecord moved = lead("L1", "South", "w4", "Priya Shah");
            moved.version = 2;
            BOOST_TEST((s.store->updateCase(moved, {}) == WriteResult::ok));
            using Leads = std::vector<std::pair<std::string, std::string>>;
            BOOST_TEST((s.store->leadWorkers("South") ==
                        Leads{{"w1", "Amira Khan"}, {"w4", "Priya Shah"}}));
            BOOST_TEST((s.store->leadWorkers("") ==
                        Leads{{"w1", "Amira Khan"}, {"w3", "Ben Cole"}, {"w4", "Priya Shah"}}));
            BOOST_TEST(s.store->leadWorkers("West").empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_summary_is_refreshed_only_for_the_version_it_was_computed_from) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->createCase(summarised("R1", "South", 0, "2026-07-01"));
            s.store->createCase(summarised("R2", "South", 0, "2026-07-01"));
            BOOST_TEST(s.store->staleSummaries("2026-07-01", 10).size() == 2u);
            BOOST_TEST(s.store->staleSummaries("2026-06-30", 10).empty());
            BOOST_TEST(s.store->staleSummaries("2026-07-01", 1).size() == 1u);

            CaseRecord refreshed = summarised("R1", "ignored", 1, "2026-07-08");
            refreshed.summaryAsOf = "2026-07-01";
            refreshed.nextDueWhat = "first home visit";
            BOOST_TEST((s.store->refreshSummary(refreshed) == WriteResult::ok));
            refreshed.version = 2;
            BOOST_TEST((s.store->refreshSummary(refreshed) == WriteResult::stale));
            refreshed.caseId = "R9";
            BOOST_TEST((s.store->refreshSummary(refreshed) == WriteResult::notFound));

            const auto head = s.store->currentHead("R1");
            BOOST_TEST(head->lateCount == 1);
            BOOST_TEST(head->nextDue == "2026-07-08");
            BOOST_TEST(head->nextDueWhat == "first home visit");
            BOOST_TEST(head->team == "South");  // the version's own, not the refresh's
            BOOST_TEST(s.store->staleSummaries("2026-07-01", 10) == std::vector<std::string>{"R2"});
            CasePageQuery late;
            late.late = true;
            BOOST_TEST(s.store->casePage(late).total == 1u);
            CasePageQuery first;
            first.limit = 1;
            BOOST_TEST(s.store->casePage(first).cases[0].caseId == "R1");
        }
    }
}

BOOST_AUTO_TEST_CASE(audit_pages_after_a_seq_and_counts_its_filters) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            std::vector<AuditEntry> entries;
            for (int i = 0; i < 12; ++i) {
                entries.push_back({0, "2026-06-01T09:00:00Z", i % 2 ? "amira" : "tom", "coach",
                                   "read", i % 3 ? "A" : "B", "ok", "r" + std::to_string(i), ""});
            }
            s.store->appendAudit(entries);
            AuditQuery page;
            page.limit = 5;
            std::vector<std::string> seen;
            for (;;) {
                const auto found = s.store->audit(page);
                for (const AuditEntry& e : found) seen.push_back(e.requestId);
                if (found.size() < page.limit) break;
                page.afterSeq = found.back().seq;
            }
            BOOST_TEST(seen.size() == 12u);
            BOOST_TEST(seen.front() == "r0");
            BOOST_TEST(seen.back() == "r11");
            // Newest first, a page at a time before the last page's oldest entry.
            AuditQuery newest;
            newest.newestFirst = true;
            newest.limit = 5;
            std::vector<std::string> backwards;
            for (;;) {
                const auto found = s.store->audit(newest);
                for (const AuditEntry& e : found) backwards.push_back(e.requestId);
                if (found.size() < newest.limit) break;
                newest.beforeSeq = found.back().seq;
            }
            std::vector<std::string> reversed(seen.rbegin(), seen.rend());
            BOOST_TEST(backwards == reversed, boost::test_tools::per_element());
            AuditQuery tomNewest;
            tomNewest.newestFirst = true;
            tomNewest.user = "tom";
            tomNewest.limit = 2;
            const auto tom = s.store->audit(tomNewest);
            BOOST_TEST_REQUIRE(tom.size() == 2u);
            BOOST_TEST(tom[0].requestId == "r10");
            BOOST_TEST(tom[1].requestId == "r8");
            BOOST_TEST(s.store->auditCount({}) == 12u);
            AuditQuery amira;
            amira.user = "amira";
            BOOST_TEST(s.store->auditCount(amira) == 6u);
            amira.caseId = "B";
            BOOST_TEST(s.store->auditCount(amira) == 2u);
        }
    }
}

BOOST_AUTO_TEST_CASE(sqlite_upgrade_keeps_cases_and_lists_them) {
    Poco::TemporaryFile file;
    {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session session("SQLite", file.path());
        for (const std::string& sql : Migrations::all()[0]) session << sql, now;
        session << "PRAGMA user_version = 1", now;
        session << "INSERT INTO cases (case_id, version) VALUES ('OLD-1', 1)", now;
        session << "INSERT INTO case_versions VALUES ('OLD-1', 1, '{}', 'South', 'closed',"
                   " 'w1', 'Okafor', 'amira', '2026-01-01T00:00:00Z', 'create')",
            now;
    }
    SqliteStore store(file.path());
    BOOST_TEST(store.schemaVersion() == static_cast<int>(Migrations::all().size()));
    CasePageQuery south;
    south.team = "South";
    const CasePage page = store.casePage(south);
    BOOST_TEST_REQUIRE(page.cases.size() == 1u);
    BOOST_TEST(page.cases[0].familyName == "Okafor");
    BOOST_TEST(page.cases[0].status == "closed");
    BOOST_TEST(page.cases[0].summaryAsOf == "");  // to be computed by the service
    BOOST_TEST(store.staleSummaries("2026-01-01", 10).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_location_is_shown_without_its_password) {
    BOOST_TEST(describeLocation("postgresql://amira:s3cret@db.example:5432/ehdocs") ==
               "postgresql://amira:***@db.example:5432/ehdocs");
    BOOST_TEST(describeLocation("postgresql:///ehdocs?host=/run/pg&password=s3cret&user=a") ==
               "postgresql:///ehdocs?host=/run/pg&password=***&user=a");
    BOOST_TEST(describeLocation("postgresql://amira@db/ehdocs?host=/tmp/x") ==
               "postgresql://amira@db/ehdocs?host=/tmp/x");
    BOOST_TEST(describeLocation("sqlite:data/ehdocs.db") == "sqlite:data/ehdocs.db");
    BOOST_CHECK_EXCEPTION(openStore("mysql://db/ehdocs"), StoreException,
                          [](const StoreException& e) {
                              return e.message().find("names no known store") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(many_cases_are_created_in_one_call) {
    for (auto& s : allStores()) {
        BOOST_TEST_CONTEXT(s.name) {
            s.store->createCase(version("M0", 1));
            auto entry = [](const std::string& id) {
                return AuditEntry{
                    0,       "2026-06-30T10:00:00Z", "import", "admin", "import", id, "ok",
                    "run-1", "created " + id};
            };
            const auto results = s.store->createCases(
                {version("M1", 1), version("M0", 1), version("M2", 1), version("M1", 1)},
                {entry("M1"), entry("M0"), entry("M2"), entry("M1")});
            BOOST_TEST_REQUIRE(results.size() == 4u);
            BOOST_TEST((results[0] == WriteResult::ok));
            BOOST_TEST((results[1] == WriteResult::exists));  // stored before
            BOOST_TEST((results[2] == WriteResult::ok));
            BOOST_TEST((results[3] == WriteResult::exists));  // earlier in the list
            BOOST_TEST(s.store->caseCount() == 3u);
            BOOST_TEST(s.store->currentCase("M2")->json == version("M2", 1).json);
            // The stored cases' entries, in the same transaction; none for the refused ones.
            std::vector<std::string> audited;
            for (const AuditEntry& e : s.store->audit({})) audited.push_back(e.detail);
            BOOST_TEST((audited == std::vector<std::string>{"created M1", "created M2"}));
            BOOST_TEST(s.store->createCases({}).empty());
            // After a bulk load (PostgreSQL: VACUUM, which may not run in a transaction).
            BOOST_CHECK_NO_THROW(s.store->bulkLoaded());
            BOOST_TEST(s.store->casePage({}).total == 3u);
        }
    }
}

BOOST_AUTO_TEST_CASE(postgresql_calls_wait_for_a_connection_rather_than_fail) {
    const std::string url = ehdocs::test::PostgresCluster::shared().createDatabase();
    PostgresStore store(url, 2);  // fewer connections than callers
    store.createCase(version("A", 1));
    std::atomic<int> failures{0};
    std::vector<std::thread> callers;
    for (int i = 0; i < 8; ++i) {
        callers.emplace_back([&, i] {
            for (int n = 0; n < 20; ++n) {
                try {
                    store.currentCase("A");
                    store.appendAudit({{0, "2026-06-01T09:00:00Z", "u" + std::to_string(i), "coach",
                                        "read", "A", "ok", "r", ""}});
                } catch (const StoreException&) {
                    ++failures;
                }
            }
        });
    }
    for (auto& t : callers) t.join();
    BOOST_TEST(failures.load() == 0);
    BOOST_TEST(store.auditCount({}) == 160u);
}
