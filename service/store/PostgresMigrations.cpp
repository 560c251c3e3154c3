#include "store/PostgresMigrations.h"

#include "store/Migrations.h"
#include "store/Store.h"

using namespace Poco::Data::Keywords;

namespace ehdocs::store {

namespace {

// Any number, the same in every instance: the key of the advisory lock migrations hold.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(726400112)::text";

// Triggers that make a table append-only. TRUNCATE has its own statement-level trigger;
// INSERT ... ON CONFLICT DO UPDATE fires the UPDATE one, so there is no upsert either.
std::vector<std::string> appendOnly(const std::string& table) {
    return {"CREATE TRIGGER " + table + "_no_change BEFORE UPDATE OR DELETE ON " + table +
                " FOR EACH ROW EXECUTE FUNCTION ehdocs_append_only()",
            "CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table +
                " FOR EACH STATEMENT EXECUTE FUNCTION ehdocs_append_only()"};
}

std::vector<std::string> version1() {
    std::vector<std::string> sql = {
        "CREATE FUNCTION ehdocs_append_only() RETURNS trigger LANGUAGE plpgsql AS"
        " 'BEGIN RAISE EXCEPTION ''% is append-only'', TG_TABLE_NAME; END'",
        // Every version of every case; the newest row per case is the current one.
        "CREATE TABLE case_versions ("
        " case_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,"
        " team TEXT NOT NULL, status TEXT NOT NULL, lead_worker TEXT NOT NULL,"
        " family_name TEXT NOT NULL, author TEXT NOT NULL, written_at TEXT NOT NULL,"
        " action TEXT NOT NULL, PRIMARY KEY (case_id, version))",
        // The current version number of each case: the row the optimistic lock updates.
        "CREATE TABLE cases (case_id TEXT PRIMARY KEY, version INTEGER NOT NULL)",
        "CREATE TABLE documents ("
        " issued BIGINT GENERATED ALWAYS AS IDENTITY,"
        " doc_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, case_version INTEGER NOT NULL,"
        " type TEXT NOT NULL, format TEXT NOT NULL, content_type TEXT NOT NULL,"
        " sha256 TEXT NOT NULL, bytes BYTEA NOT NULL, created_by TEXT NOT NULL,"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX documents_case ON documents (case_id, issued)",
        "CREATE TABLE users (name TEXT PRIMARY KEY, role TEXT NOT NULL, team TEXT NOT NULL,"
        " token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL)",
        "CREATE TABLE audit (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " at TEXT NOT NULL, user_name TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL,"
        " case_id TEXT NOT NULL, outcome TEXT NOT NULL, request_id TEXT NOT NULL,"
        " detail TEXT NOT NULL)",
        "CREATE INDEX audit_case ON audit (case_id, seq)",
        "CREATE INDEX audit_user ON audit (user_name, seq)",
    };
    for (const char* table : {"case_versions", "documents", "audit", "ehdocs_schema"}) {
        for (std::string& trigger : appendOnly(table)) sql.push_back(std::move(trigger));
    }
    return sql;
}

// The kept summary of each case's current version and its sort keys, in its `cases` row
// (as Migrations.h's second migration does for SQLite).
std::vector<std::string> caseSummaries() {
    std::vector<std::string> sql;
    for (const char* column :
         {"team TEXT NOT NULL DEFAULT ''", "status TEXT NOT NULL DEFAULT ''",
          "lead_worker TEXT NOT NULL DEFAULT ''", "family_name TEXT NOT NULL DEFAULT ''",
          "written_at TEXT NOT NULL DEFAULT ''", "level_of_need TEXT NOT NULL DEFAULT ''",
          "lead_worker_name TEXT NOT NULL DEFAULT ''", "ready_to_close INTEGER NOT NULL DEFAULT 0",
          "blocking_count INTEGER NOT NULL DEFAULT 0", "late_count INTEGER NOT NULL DEFAULT 0",
          "next_due TEXT NOT NULL DEFAULT ''",
          // Sort keys compare byte by byte (COLLATE "C"), as in SQLite and the in-memory store.
          "summary_as_of TEXT NOT NULL DEFAULT ''",
          "action_key TEXT COLLATE \"C\" NOT NULL DEFAULT ''",
          "family_key TEXT COLLATE \"C\" NOT NULL DEFAULT ''",
          "due_key TEXT COLLATE \"C\" NOT NULL DEFAULT '9999-99-99'"}) {
        sql.push_back(std::string("ALTER TABLE cases ADD COLUMN ") + column);
    }
    sql.push_back(
        "UPDATE cases c SET (team, status, lead_worker, family_name, written_at) ="
        " (SELECT v.team, v.status, v.lead_worker, v.family_name, v.written_at"
        " FROM case_versions v WHERE v.case_id = c.case_id AND v.version = c.version)");
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

void ensureVersionTable(Poco::Data::Session& session) {
    int found = 0;
    session << "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'ehdocs_schema'"
               " AND schemaname = current_schema()",
        into(found), now;
    if (found) return;
    session << "CREATE TABLE ehdocs_schema (version INTEGER PRIMARY KEY,"
               " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        now;
}

}  // namespace

// Migration 4 is the audit trail's hash chain, as in SQLite's schema 4. PostgreSQL has no
// INSERT OR REPLACE, and ON CONFLICT DO UPDATE is an UPDATE, which the triggers refuse.
const std::vector<std::vector<std::string>>& PostgresMigrations::all() {
    static const std::vector<std::vector<std::string>> migrations = {
        version1(), caseSummaries(), Migrations::userSignInColumns(),
        Migrations::auditChainColumns(), Migrations::caseloadColumns()};
    return migrations;
}

int PostgresMigrations::version(Poco::Data::Session& session) {
    int current = 0;
    session << "SELECT COALESCE(MAX(version), 0) FROM ehdocs_schema", into(current), now;
    return current;
}

int PostgresMigrations::apply(Poco::Data::Session& session) {
    const int target = static_cast<int>(all().size());
    for (;;) {
        session.begin();
        int current = 0;
        try {
            std::string locked;
            session << kMigrationLock, into(locked), now;
            ensureVersionTable(session);
            current = version(session);
            if (current > target) {
                throw StoreException("the database has schema version " + std::to_string(current) +
                                     ", newer than this ehdocs (" + std::to_string(target) +
                                     "); use a newer ehdocs");
            }
            if (current == target) {
                session.commit();
                return target;
            }
            const int next = current + 1;
            for (const std::string& sql : all()[next - 1]) session << sql, now;
            session << "INSERT INTO ehdocs_schema (version) VALUES ($1)", bind(next), now;
            session.commit();
        } catch (const StoreException&) {
            session.rollback();
            throw;
        } catch (const Poco::Exception& e) {
            session.rollback();
            throw StoreException("schema migration " + std::to_string(current + 1) +
                                 " failed: " + e.displayText());
        }
    }
}

}  // namespace ehdocs::store
