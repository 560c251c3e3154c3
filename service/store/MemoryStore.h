#pragma once

// The in-memory twin of SqliteStore, for tests: the same contract (see Store.h), no disk.
// Everything is lost when the object is destroyed.

#include <functional>
#include <map>
#include <mutex>

#include "store/Store.h"

namespace ehdocs::store {

class MemoryStore : public Store {
public:
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
    void probeWrite() override {}  // memory is always there

private:
    void appendLocked(const std::vector<AuditEntry>& entries);  // with _mutex held
    // Applies `change` to the named user; notFound when there is none.
    WriteResult changeUser(const std::string& name, const std::function<void(User&)>& change);

    std::mutex _mutex;
    std::map<std::string, std::vector<CaseRecord>> _cases;  // case id -> versions, oldest first
    std::vector<StoredDocument> _documents;                 // issue order
    std::map<std::string, User> _users;                     // by name
    std::vector<AuditEntry> _audit;
};

}  // namespace ehdocs::store
