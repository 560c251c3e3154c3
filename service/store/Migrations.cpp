#include "store/Migrations.h"

#include <Poco/Data/Session.h>

#include "store/Store.h"

using namespace Poco::Data::Keywords;

namespace ehdocs::store {

namespace {

// Triggers that make a table append-only.
std::vector<std::string> appendOnly(const std::string& table) {
    return {"CREATE TRIGGER " + table + "_no_update BEFORE UPDATE ON " + table +
                " BEGIN SELECT RAISE(ABORT, '" + table + " is append-only'); END",
            "CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table +
                " BEGIN SELECT RAISE(ABORT, '" + table + " is append-only'); END"};
}

std::vector<std::string> version1() {
    std::vector<std::string> sql = {
        // Every version of every case; the newest row per case is the current one.
        "CREATE TABLE case_versions ("
        " case_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,"
        " team TEXT NOT NULL, status TEXT NOT NULL, lead_worker TEXT NOT NULL,"
        " family_name TEXT NOT NULL, author TEXT NOT NULL, written_at TEXT NOT NULL,"
        " action TEXT NOT NULL, PRIMARY KEY (case_id, version))",
        // The current version number of each case: the row the optimistic lock updates.
        "CREATE TABLE cases (case_id TEXT PRIMARY KEY, version INTEGER NOT NULL)",
        "CREATE TABLE documents ("
        " doc_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, case_version INTEGER NOT NULL,"
        " type TEXT NOT NULL, format TEXT NOT NULL, content_type TEXT NOT NULL,"
        " sha256 TEXT NOT NULL, bytes BLOB NOT NULL, created_by TEXT NOT NULL,"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX documents_case ON documents (case_id)",
        "CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, team TEXT NOT NULL,"
        " token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)",
        "CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,"
        " user TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL, case_id TEXT NOT NULL,"
        " outcome TEXT NOT NULL, request_id TEXT NOT NULL, detail TEXT NOT NULL)",
        "CREATE INDEX audit_case ON audit (case_id)",
        "CREATE INDEX audit_user ON audit (user)",
    };
    for (const char* table : {"case_versions", "documents", "audit"}) {
        for (std::string& trigger : appendOnly(table)) sql.push_back(std::move(trigger));
    }
    return sql;
}

// A trigger refusing an INSERT whose key is already taken: `INSERT OR REPLACE` would otherwise
// delete the old row without firing the delete trigger (SQLite fires delete triggers for
// REPLACE only with recursive_triggers on, which a connection may leave off).
std::string noReplace(const std::string& table, const std::string& keyMatch) {
    return "CREATE TRIGGER " + table + "_no_replace BEFORE INSERT ON " + table +
           " WHEN EXISTS (SELECT 1 FROM " + table + " WHERE " + keyMatch +
           ") BEGIN SELECT RAISE(ABORT, '" + table + " is append-only'); END";
}

// Schema 2: INSERT OR REPLACE refused on every append-only table, the current-version table
// only ever moves one version forward, and the audit trail is hash-chained (AuditChain.h).
std::vector<std::string> version2() {
    return {
        noReplace("case_versions", "case_id = NEW.case_id AND version = NEW.version"),
        noReplace("documents", "doc_id = NEW.doc_id"),
        noReplace("audit", "seq = NEW.seq"),
        noReplace("cases", "case_id = NEW.case_id"),
        "CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases"
        " BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END",
        "CREATE TRIGGER cases_forward_only BEFORE UPDATE ON cases"
        " WHEN NEW.case_id IS NOT OLD.case_id OR NEW.version IS NOT OLD.version + 1"
        " BEGIN SELECT RAISE(ABORT, 'a case only moves to its next version'); END",
        "ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
    };
}

// Schema 3: users can be disabled (`ehdocs user disable`).
std::vector<std::string> version3() {
    return {"ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0"};
}

}  // namespace

const std::vector<std::vector<std::string>>& Migrations::all() {
    static const std::vector<std::vector<std::string>> migrations = {version1(), version2(),
                                                                     version3()};
    return migrations;
}

int Migrations::apply(Poco::Data::Session& session) {
    int current = 0;
    session << "PRAGMA user_version", into(current), now;
    const int target = static_cast<int>(all().size());
    if (current > target) {
        throw StoreException("the database has schema version " + std::to_string(current) +
                             ", newer than this ehdocs (" + std::to_string(target) +
                             "); use a newer ehdocs");
    }
    for (int version = current + 1; version <= target; ++version) {
        session << "BEGIN IMMEDIATE", now;
        try {
            for (const std::string& sql : all()[version - 1]) session << sql, now;
            session << "PRAGMA user_version = " + std::to_string(version), now;
            session << "COMMIT", now;
        } catch (const Poco::Exception& e) {
            session << "ROLLBACK", now;
            throw StoreException("schema migration " + std::to_string(version) +
                                 " failed: " + e.displayText());
        }
    }
    return target;
}

}  // namespace ehdocs::store
