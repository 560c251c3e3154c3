#pragma once

// The embedded store: one SQLite file (WAL journal, synchronous=FULL, so a write is on disk
// when the method returns), schema upgraded by Migrations on open. Contract: Store.h.
// Append-only tables are guarded by triggers, so not even a bug can rewrite history.
// Two connections, each serialised by its own mutex: one writes (SQLite writes one transaction
// at a time anyway), one reads, so reads never wait for a write's disk sync.
// The file is created mode 0600 (DataFolder.h). Every write first checks that the path still
// names the file opened, and again after committing: a database deleted or replaced under the
// service makes writes fail (StoreException) instead of vanishing at the next start.

#include <Poco/Data/Session.h>

#include <memory>
#include <mutex>

#include "store/Store.h"

namespace ehdocs::store {

class SqliteStore : public Store {
public:
    // Opens (creating when absent, mode 0600) the database file and applies pending
    // migrations. Throws StoreException when the file cannot be opened or migrated.
    explicit SqliteStore(const std::string& path);

    // The schema version after migrations (see Migrations.h).
    int schemaVersion();

    using Store::createCase;
    using Store::updateCase;
    WriteResult createCase(const CaseRecord& first, const std::vector<AuditEntry>& audit) override;
    WriteResult updateCase(const CaseRecord& next, const std::vector<StoredDocument>& documents,
                           const std::vector<AuditEntry>& audit) override;
    std::vector<WriteResult> createCases(const std::vector<CaseRecord>& firsts,
                                         const std::vector<AuditEntry>& audit) override;
    using Store::createCases;
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

private:
    WriteResult insertFirst(const CaseRecord& first);
    struct FileId {
        unsigned long long device = 0, inode = 0;
        bool operator==(const FileId& o) const { return device == o.device && inode == o.inode; }
    };
    static std::optional<FileId> fileAt(const std::string& path);
    // Throws StoreException unless the path still names the database file opened.
    void stillThere() const;
    template <typename Work>
    auto writeTransaction(Work work) -> decltype(work());

    void insertVersion(const CaseRecord& record);
    void insertDocument(const StoredDocument& doc);
    // Appends entries, chained after the newest (inside a write transaction).
    void insertAudit(const std::vector<AuditEntry>& entries);
    // Runs `sql` (binding `value`, then the name) on an existing user.
    WriteResult updateUser(const std::string& name, const std::string& what, const std::string& sql,
                           const std::string& value);

    std::string _path;
    FileId _file;
    std::mutex _writeMutex, _readMutex;
    std::unique_ptr<Poco::Data::Session> _writer, _reader;
};

}  // namespace ehdocs::store
