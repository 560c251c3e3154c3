#pragma once

// The store on a PostgreSQL database, for an authority that runs one (and for more than one
// ehdocs instance on the same data). Contract: Store.h; schema: PostgresMigrations.h, applied
// on open. Differences from SqliteStore that callers may rely on:
// - Several instances may share one database: the optimistic lock is one conditional UPDATE
//   of the case's head row, so of two writes based on the same version exactly one succeeds
//   whichever instance sent them.
// - Audit entries are appended under a database-wide lock, so their `seq` increase in the
//   order they were committed (no reader ever sees seq 7 before seq 6 appears).
// - Append-only tables are guarded by triggers (UPDATE, DELETE, TRUNCATE, and therefore also
//   INSERT ... ON CONFLICT DO UPDATE, are refused).
// - Document bytes are stored in the database (bytea).
// Thread-safe: each call takes a connection from a pool of at most `connections`, waiting for
// one while all are in use.

#include <Poco/Data/SessionPool.h>
#include <Poco/Semaphore.h>

#include <memory>
#include <string>

#include "store/Store.h"

namespace ehdocs::store {

class PostgresStore : public Store {
public:
    // `url` is a libpq connection URI (postgresql://user:password@host:port/db?host=/socket/dir).
    // Connects, applies pending migrations and returns. Throws StoreException when the URL is
    // malformed, the database cannot be reached, or it is newer than this ehdocs.
    explicit PostgresStore(const std::string& url, int connections = 8);

    int schemaVersion();

    using Store::createCase;
    using Store::updateCase;
    WriteResult createCase(const CaseRecord& first, const std::vector<AuditEntry>& audit) override;
    std::vector<WriteResult> createCases(const std::vector<CaseRecord>& firsts,
                                         const std::vector<AuditEntry>& audit) override;
    using Store::createCases;
    WriteResult updateCase(const CaseRecord& next, const std::vector<StoredDocument>& documents,
                           const std::vector<AuditEntry>& audit) override;
    std::optional<CaseRecord> currentCase(const std::string& caseId) override;
    std::optional<CaseRecord> currentHead(const std::string& caseId) override;
    std::vector<CaseRecord> caseHistory(const std::string& caseId) override;
    std::vector<CaseRecord> listCases(const CaseFilter& filter) override;
    std::size_t caseCount() override;
    std::optional<StoredDocument> document(const std::string& docId) override;
    std::vector<StoredDocument> caseDocuments(const std::string& caseId) override;
    WriteResult addUser(const User& user) override;
    std::optional<User> userByTokenHash(const std::string& tokenHash) override;
    WriteResult replaceToken(const std::string& name, const std::string& tokenHash) override;
    std::optional<User> userByName(const std::string& name) override;
    std::vector<User> users() override;
    WriteResult setPassword(const std::string& name, const std::string& passwordHash) override;
    WriteResult setDisabled(const std::string& name, bool disabled) override;
    WriteResult setWorker(const std::string& name, const std::string& worker) override;
    WriteResult setTeam(const std::string& name, const std::string& team) override;
    void appendAudit(const std::vector<AuditEntry>& entries) override;
    std::vector<AuditEntry> audit(const AuditQuery& query) override;
    std::size_t auditCount(const AuditQuery& query) override;
    CasePage casePage(const CasePageQuery& query) override;
    std::vector<std::pair<std::string, std::string>> leadWorkers(const std::string& team) override;
    WriteResult refreshSummary(const CaseRecord& summary) override;
    std::vector<std::string> staleSummaries(const std::string& asOf, std::size_t limit) override;
    void probeWrite() override;
    void bulkLoaded() override;  // VACUUM (ANALYZE) of the cases tables

    // A libpq URI as the keyword=value string Poco's connector takes. Throws StoreException
    // for a URI libpq cannot parse, or a value holding a space (which that string cannot carry).
    static std::string connectionString(const std::string& url);

private:
    // Sets one text column of the user `name`: notFound when there is no such user.
    WriteResult updateUser(const std::string& name, const std::string& what,
                           const std::string& column, const std::string& value);

    std::unique_ptr<Poco::Data::SessionPool> _pool;
    Poco::Semaphore _free;  // connections not in use: the pool throws rather than wait
};

}  // namespace ehdocs::store
