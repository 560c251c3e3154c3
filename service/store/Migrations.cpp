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

// The kept summary of each case's current version, and its sort keys, in its `cases` row (the
// row every write already updates), so that a page of cases is one indexed query. Existing
// rows get the summary columns of their current version; the rule-derived ones wait for the
// service to refresh them (summary_as_of is left empty).
std::vector<std::string> caseSummaries() {
    std::vector<std::string> sql;
    for (const char* column :
         {"team TEXT NOT NULL DEFAULT ''", "status TEXT NOT NULL DEFAULT ''",
          "lead_worker TEXT NOT NULL DEFAULT ''", "family_name TEXT NOT NULL DEFAULT ''",
          "written_at TEXT NOT NULL DEFAULT ''", "level_of_need TEXT NOT NULL DEFAULT ''",
          "lead_worker_name TEXT NOT NULL DEFAULT ''", "ready_to_close INTEGER NOT NULL DEFAULT 0",
          "blocking_count INTEGER NOT NULL DEFAULT 0", "late_count INTEGER NOT NULL DEFAULT 0",
          "next_due TEXT NOT NULL DEFAULT ''", "summary_as_of TEXT NOT NULL DEFAULT ''",
          "action_key TEXT NOT NULL DEFAULT ''", "family_key TEXT NOT NULL DEFAULT ''",
          "due_key TEXT NOT NULL DEFAULT '9999-99-99'"}) {
        sql.push_back(std::string("ALTER TABLE cases ADD COLUMN ") + column);
    }
    sql.push_back(
        "UPDATE cases SET (team, status, lead_worker, family_name, written_at) ="
        " (SELECT v.team, v.status, v.lead_worker, v.family_name, v.written_at"
        " FROM case_versions v WHERE v.case_id = cases.case_id AND v.version = cases.version)");
    sql.push_back(
        "UPDATE cases SET family_key = lower(family_name), action_key ="
        " (CASE status WHEN 'closed' THEN '1' ELSE '0' END) || '9999' || '9999-99-99' || '9999'");
    sql.push_back("CREATE INDEX cases_action ON cases (action_key, case_id)");
    sql.push_back("CREATE INDEX cases_team_action ON cases (team, action_key, case_id)");
    sql.push_back("CREATE INDEX cases_family ON cases (family_key, case_id)");
    sql.push_back("CREATE INDEX cases_due ON cases (due_key, case_id)");
    sql.push_back("CREATE INDEX cases_summary_as_of ON cases (summary_as_of)");
    // Every filter column of a page, so that its total is counted from the index alone.
    sql.push_back(
        "CREATE INDEX cases_filters ON cases"
        " (team, status, late_count, ready_to_close, lead_worker, next_due)");
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

// Schema 4: INSERT OR REPLACE refused on every append-only table, the current-version table
// only ever moves one version forward, and the audit trail is hash-chained (AuditChain.h).
std::vector<std::string> appendOnlyAndChained() {
    std::vector<std::string> sql = {
        noReplace("case_versions", "case_id = NEW.case_id AND version = NEW.version"),
        noReplace("documents", "doc_id = NEW.doc_id"),
        noReplace("audit", "seq = NEW.seq"),
        noReplace("cases", "case_id = NEW.case_id"),
        "CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases"
        " BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END",
        // The same version is updated when its kept summary is renewed (refreshSummary).
        "CREATE TRIGGER cases_forward_only BEFORE UPDATE ON cases"
        " WHEN NEW.case_id IS NOT OLD.case_id"
        " OR (NEW.version IS NOT OLD.version AND NEW.version IS NOT OLD.version + 1)"
        " BEGIN SELECT RAISE(ABORT, 'a case only moves to its next version'); END",
    };
    for (std::string& column : Migrations::auditChainColumns()) sql.push_back(std::move(column));
    return sql;
}

}  // namespace

std::vector<std::string> Migrations::userSignInColumns() {
    return {
        "ALTER TABLE users ADD COLUMN password_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0",
    };
}

std::vector<std::string> Migrations::auditChainColumns() {
    return {
        "ALTER TABLE audit ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
    };
}

std::vector<std::string> Migrations::caseloadColumns() {
    return {
        "ALTER TABLE cases ADD COLUMN next_due_what TEXT NOT NULL DEFAULT ''",
        "UPDATE cases SET summary_as_of = ''",
        "ALTER TABLE users ADD COLUMN worker TEXT NOT NULL DEFAULT ''",
        // The lead workers of a team (or of every case) read by seeking, not by scanning.
        "CREATE INDEX cases_team_leads ON cases (team, lead_worker, lead_worker_name)",
        "CREATE INDEX cases_leads ON cases (lead_worker, lead_worker_name)",
    };
}

const std::vector<std::vector<std::string>>& Migrations::all() {
    static const std::vector<std::vector<std::string>> migrations = {
        version1(), caseSummaries(), Migrations::userSignInColumns(), appendOnlyAndChained(),
        Migrations::caseloadColumns()};
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
