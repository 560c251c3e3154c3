#pragma once

// The records store: every version of every case file, issued documents, users and the audit
// trail, behind one narrow interface (SqliteStore on disk, MemoryStore for tests).
//
// Contract shared by every implementation:
// - Every method is thread-safe.
// - Expected outcomes (the case exists, the version is stale) are values (WriteResult);
//   failures of the medium (disk, corrupt file) throw StoreException.
// - A write either happens completely or not at all, and is durable when the method returns.
// - Nothing is ever updated in place or deleted: a case is a list of versions, documents and
//   audit entries are immutable once written.

#include <Poco/Exception.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ehdocs::store {

POCO_DECLARE_EXCEPTION(, StoreException, Poco::IOException)

// One version of one case file.
struct CaseRecord {
    std::string caseId;
    int version = 0;   // 1 for the first version, then +1 for each accepted write
    std::string json;  // the case file (ehdocs.case/1) as accepted
    // Summary columns, copied from the case file so that lists need not parse it.
    std::string team, status, leadWorker, familyName;
    std::string author;     // the user who wrote this version
    std::string writtenAt;  // ISO 8601 UTC, e.g. 2026-06-30T10:15:02Z
    std::string action;     // create | update | close | reopen | issue
};

// An issued document: the exact bytes, kept forever.
struct StoredDocument {
    std::string docId;
    std::string caseId;
    int caseVersion = 0;  // the case version that records its issue
    std::string type, format, contentType, sha256;
    std::string bytes;
    std::string createdBy, createdAt;
};

struct User {
    std::string name;
    std::string role;       // coach | team_leader | sf_coordinator | admin
    std::string team;       // "" for roles that are not bound to a team
    std::string tokenHash;  // hex SHA-256 of the API token; the token itself is never stored
    std::string createdAt;
    bool disabled = false;  // a disabled user's token names no one (401) until enabled
};

struct AuditEntry {
    long long seq = 0;  // assigned by the store, increasing
    std::string at;     // ISO 8601 UTC
    std::string user, role, action, caseId, outcome, requestId;
    std::string detail;  // free text, e.g. the document id issued
    // The hash chain (AuditChain.h), assigned by the store with `seq`.
    std::string prevHash, hash;
};

struct AuditQuery {
    std::string caseId, user;  // "" = any
    std::string from, to;      // ISO 8601 bounds on `at`, inclusive; "" = open
    long long afterSeq = 0;    // only entries with a larger seq (for reading in pages)
    std::size_t limit = 1000;
};

struct CaseFilter {
    std::string team, status, leadWorker;  // "" = any
};

enum class WriteResult {
    ok,
    exists,    // createCase/addUser: the key is already taken
    stale,     // updateCase: the current version is not the one the write was based on
    notFound,  // updateCase / replaceToken: there is no such case or user
};

class Store {
public:
    virtual ~Store() = default;

    // Stores the first version of a case; `first.version` must be 1. `audit` (the write's own
    // audit entries) is appended in the same transaction, only when the result is ok: a
    // stored version always has its entry, even after a crash.
    virtual WriteResult createCase(const CaseRecord& first,
                                   const std::vector<AuditEntry>& audit) = 0;
    WriteResult createCase(const CaseRecord& first) { return createCase(first, {}); }

    // Stores `next` as the new current version if, and only if, the current version is
    // `next.version - 1` (checked and written atomically: of two writes based on the same
    // version exactly one succeeds). `documents` and `audit` (as for createCase) are stored in
    // the same transaction.
    virtual WriteResult updateCase(const CaseRecord& next,
                                   const std::vector<StoredDocument>& documents,
                                   const std::vector<AuditEntry>& audit) = 0;
    WriteResult updateCase(const CaseRecord& next, const std::vector<StoredDocument>& documents) {
        return updateCase(next, documents, {});
    }

    // The current version, or nothing when the case does not exist.
    virtual std::optional<CaseRecord> currentCase(const std::string& caseId) = 0;

    // The current version without its json: a cheap check of the version and team.
    virtual std::optional<CaseRecord> currentHead(const std::string& caseId) = 0;

    // Every version, oldest first, without their json (history lists who and when).
    virtual std::vector<CaseRecord> caseHistory(const std::string& caseId) = 0;

    // The current version of every case matching the filter, ordered by case id.
    virtual std::vector<CaseRecord> listCases(const CaseFilter& filter) = 0;

    virtual std::size_t caseCount() = 0;

    virtual std::optional<StoredDocument> document(const std::string& docId) = 0;
    // Every document issued for a case, in issue order.
    virtual std::vector<StoredDocument> caseDocuments(const std::string& caseId) = 0;

    virtual WriteResult addUser(const User& user) = 0;  // exists when the name is taken
    virtual std::optional<User> userByTokenHash(const std::string& tokenHash) = 0;
    // Gives the user a new token hash; the old token stops working at once.
    // notFound when there is no user of that name.
    virtual WriteResult replaceToken(const std::string& name, const std::string& tokenHash) = 0;
    // Disables or enables the user; notFound when there is no user of that name.
    virtual WriteResult setDisabled(const std::string& name, bool disabled) = 0;

    // Appends the entries in one transaction, assigning their `seq` and linking each into the
    // hash chain (AuditChain.h) after the newest entry stored.
    virtual void appendAudit(const std::vector<AuditEntry>& entries) = 0;
    // Matching entries, oldest first, at most `query.limit`.
    virtual std::vector<AuditEntry> audit(const AuditQuery& query) = 0;

    // A cheap check that a write could succeed now (the medium is there and writable), for
    // health checks and start-up; writes nothing. Throws StoreException saying what is wrong.
    virtual void probeWrite() = 0;
};

}  // namespace ehdocs::store
