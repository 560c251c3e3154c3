#pragma once

// The records store: every version of every case file, issued documents, users and the audit
// trail, behind one narrow interface (SqliteStore on disk, PostgresStore on a PostgreSQL
// database, MemoryStore for tests; store/OpenStore.h picks one from the settings).
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
#include <utility>
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
    // The kept summary of the current version, which lists read instead of checking the case
    // file: computed by the writer (the closure rules as of `summaryAsOf`) and stored with each
    // accepted write; refreshSummary() renews the date-dependent parts. Only the current
    // version's is kept: caseHistory() leaves these at their defaults.
    std::string levelOfNeed;
    std::string leadWorkerName;  // the name of the worker `leadWorker` names
    bool readyToClose = false;
    int blockingCount = 0;    // findings that block closure
    int lateCount = 0;        // timeliness findings (rules time.*) that are due and not met
    std::string nextDue;      // YYYY-MM-DD of the next thing due; "" = none known
    std::string nextDueWhat;  // what is due then ("review TAF meeting"); "" with nextDue ""
    std::string summaryAsOf;  // YYYY-MM-DD the summary holds for; "" = never computed
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
    std::string
        passwordHash;       // Argon2id string (web/Passwords.h); "" = cannot sign in to the web app
    bool disabled = false;  // a disabled user can neither sign in nor use their token
    // The id the case files give this user as a worker (`workers[].id`, a case's
    // `lead_worker`): a coach's own caseload is the cases they lead. "" = not linked.
    std::string worker;
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
    std::size_t limit = 1000;
    long long afterSeq = 0;    // only entries with a larger seq (paging); 0 = from the start
    long long beforeSeq = 0;   // only entries with a smaller seq; 0 = up to the newest
    bool newestFirst = false;  // the order of the entries: by seq, descending when set
};

struct CaseFilter {
    std::string team, status, leadWorker;  // "" = any
};

// The orders a page of cases can be in. Each ends with the case id, so every order is total.
enum class CaseSort {
    action,  // needs action first: open before closed; most late findings, then the soonest
             // due, then the most blocking findings
    caseId,
    family,  // family name, case-insensitively
    due,     // soonest next due first, none last
};

// Where a page ends: the position of its last case in the page's order. Opaque to clients
// (the service encodes it as the cursor).
struct CaseCursor {
    std::string key, caseId;
};

struct CasePageQuery {
    std::string team, status, leadWorker;  // "" = any
    std::optional<bool> ready;             // readyToClose
    std::optional<bool> late;              // lateCount > 0
    std::string dueBefore;                 // nextDue set and before this date; "" = any
    // Part of the case id or of the family name, in any letter case; "" = any. Unlike the
    // other filters it is not an index range: a search reads the rows of the other filters.
    std::string search;
    CaseSort sort = CaseSort::action;
    std::optional<CaseCursor> after;  // the previous page's `next`; nothing = from the start
    std::size_t limit = 50;
    // The page's case files too (each current version's json), read with the page: an export
    // reads a batch of cases in one query rather than one query per case.
    bool withJson = false;
};

struct CasePage {
    std::vector<CaseRecord> cases;   // with their summaries; json only when query.withJson
    std::optional<CaseCursor> next;  // set when more cases follow
    std::size_t total = 0;           // cases matching the filters, on every page
};

// The sort key of `record` in `sort` (without the case id that ends every order); the same in
// every implementation, which store it so that each order is an index.
std::string sortKey(const CaseRecord& record, CaseSort sort);

// "action" | "case_id" | "family" | "due", and back (nothing for an unknown name).
std::string sortName(CaseSort sort);
std::optional<CaseSort> parseSort(const std::string& name);

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

    // createCase() for many cases in one transaction (loading history: one disk sync for the
    // lot): one result per record, ok or exists (a case already stored, or earlier in the
    // list). `audit[i]`, when given, is `firsts[i]`'s audit entry, appended in the same
    // transaction when that case is stored. A failure of the medium stores none of them.
    virtual std::vector<WriteResult> createCases(const std::vector<CaseRecord>& firsts,
                                                 const std::vector<AuditEntry>& audit) = 0;
    std::vector<WriteResult> createCases(const std::vector<CaseRecord>& firsts) {
        return createCases(firsts, {});
    }

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
    // The user holding the token; nothing for a disabled user.
    virtual std::optional<User> userByTokenHash(const std::string& tokenHash) = 0;
    // Gives the user a new token hash; the old token stops working at once.
    // notFound when there is no user of that name.
    virtual WriteResult replaceToken(const std::string& name, const std::string& tokenHash) = 0;
    // The user of that name (also when disabled), or nothing.
    virtual std::optional<User> userByName(const std::string& name) = 0;
    // Every user, ordered by name.
    virtual std::vector<User> users() = 0;
    // Replaces the user's password hash; notFound when there is no such user.
    virtual WriteResult setPassword(const std::string& name, const std::string& passwordHash) = 0;
    // Disables (or enables again) the user; notFound when there is no such user.
    virtual WriteResult setDisabled(const std::string& name, bool disabled) = 0;
    // Links the user to their worker id in the case files ("" unlinks them); notFound when
    // there is no such user.
    virtual WriteResult setWorker(const std::string& name, const std::string& worker) = 0;
    // Moves the user to another team; notFound when there is no such user.
    virtual WriteResult setTeam(const std::string& name, const std::string& team) = 0;

    // Appends the entries in one transaction, assigning their `seq` and linking each into the
    // hash chain (AuditChain.h) after the newest entry stored.
    virtual void appendAudit(const std::vector<AuditEntry>& entries) = 0;
    // Matching entries, oldest first (newest first with query.newestFirst), at most
    // `query.limit`.
    virtual std::vector<AuditEntry> audit(const AuditQuery& query) = 0;
    // How many entries match the query's filters (ignoring afterSeq, beforeSeq and limit).
    virtual std::size_t auditCount(const AuditQuery& query) = 0;

    // One page of current cases, in `query.sort` order after `query.after`, with the total
    // matching: one indexed query (and one count) whatever the store holds.
    virtual CasePage casePage(const CasePageQuery& query) = 0;

    // The lead workers (id, name) of the current cases of `team` ("" = every team), ordered
    // by name then id: what a caseload can be filtered by.
    virtual std::vector<std::pair<std::string, std::string>> leadWorkers(
        const std::string& team) = 0;

    // Replaces the kept summary of case `summary.caseId` while its current version is still
    // `summary.version` (a newer write brings its own): ok, stale, or notFound. Only the
    // summary fields of `summary` are read.
    virtual WriteResult refreshSummary(const CaseRecord& summary) = 0;

    // Ids of up to `limit` cases whose summary holds for a date before `asOf` (YYYY-MM-DD),
    // oldest summary first: the ones a date change may have made wrong.
    virtual std::vector<std::string> staleSummaries(const std::string& asOf, std::size_t limit) = 0;

    // After many cases written at once (an import): lets the database bring its statistics and
    // its map of fully visible pages up to date, so that pages and counts are read from the
    // indexes alone from the start rather than once its background maintenance has run.
    virtual void bulkLoaded() {}

    // A cheap check that a write could succeed now (the medium is there and writable), for
    // health checks and start-up; writes nothing. Throws StoreException saying what is wrong.
    virtual void probeWrite() = 0;
};

}  // namespace ehdocs::store
