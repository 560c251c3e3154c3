#include "store/MemoryStore.h"

#include "store/AuditChain.h"

namespace ehdocs::store {

namespace {

bool matches(const std::string& wanted, const std::string& value) {
    return wanted.empty() || wanted == value;
}

}  // namespace

WriteResult MemoryStore::createCase(const CaseRecord& first, const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_cases.count(first.caseId)) return WriteResult::exists;
    _cases[first.caseId].push_back(first);
    appendLocked(audit);
    return WriteResult::ok;
}

WriteResult MemoryStore::updateCase(const CaseRecord& next,
                                    const std::vector<StoredDocument>& documents,
                                    const std::vector<AuditEntry>& audit) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _cases.find(next.caseId);
    if (it == _cases.end()) return WriteResult::notFound;
    if (it->second.back().version != next.version - 1) return WriteResult::stale;
    it->second.push_back(next);
    _documents.insert(_documents.end(), documents.begin(), documents.end());
    appendLocked(audit);
    return WriteResult::ok;
}

std::optional<CaseRecord> MemoryStore::currentCase(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _cases.find(caseId);
    if (it == _cases.end()) return std::nullopt;
    return it->second.back();
}

std::optional<CaseRecord> MemoryStore::currentHead(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _cases.find(caseId);
    if (it == _cases.end()) return std::nullopt;
    CaseRecord head = it->second.back();
    head.json.clear();
    return head;
}

std::vector<CaseRecord> MemoryStore::caseHistory(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<CaseRecord> history;
    auto it = _cases.find(caseId);
    if (it == _cases.end()) return history;
    for (CaseRecord record : it->second) {
        record.json.clear();
        history.push_back(std::move(record));
    }
    return history;
}

std::vector<CaseRecord> MemoryStore::listCases(const CaseFilter& filter) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<CaseRecord> found;
    for (const auto& [id, versions] : _cases) {
        const CaseRecord& current = versions.back();
        if (matches(filter.team, current.team) && matches(filter.status, current.status) &&
            matches(filter.leadWorker, current.leadWorker)) {
            found.push_back(current);
        }
    }
    return found;
}

std::size_t MemoryStore::caseCount() {
    std::lock_guard<std::mutex> lock(_mutex);
    return _cases.size();
}

std::optional<StoredDocument> MemoryStore::document(const std::string& docId) {
    std::lock_guard<std::mutex> lock(_mutex);
    for (const StoredDocument& doc : _documents) {
        if (doc.docId == docId) return doc;
    }
    return std::nullopt;
}

std::vector<StoredDocument> MemoryStore::caseDocuments(const std::string& caseId) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<StoredDocument> found;
    for (const StoredDocument& doc : _documents) {
        if (doc.caseId == caseId) found.push_back(doc);
    }
    return found;
}

WriteResult MemoryStore::addUser(const User& user) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_users.count(user.name)) return WriteResult::exists;
    _users[user.name] = user;
    return WriteResult::ok;
}

WriteResult MemoryStore::replaceToken(const std::string& name, const std::string& tokenHash) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _users.find(name);
    if (it == _users.end()) return WriteResult::notFound;
    it->second.tokenHash = tokenHash;
    return WriteResult::ok;
}

WriteResult MemoryStore::setDisabled(const std::string& name, bool disabled) {
    std::lock_guard<std::mutex> lock(_mutex);
    auto it = _users.find(name);
    if (it == _users.end()) return WriteResult::notFound;
    it->second.disabled = disabled;
    return WriteResult::ok;
}

std::optional<User> MemoryStore::userByTokenHash(const std::string& tokenHash) {
    std::lock_guard<std::mutex> lock(_mutex);
    for (const auto& [name, user] : _users) {
        if (user.tokenHash == tokenHash) return user;
    }
    return std::nullopt;
}

void MemoryStore::appendAudit(const std::vector<AuditEntry>& entries) {
    std::lock_guard<std::mutex> lock(_mutex);
    appendLocked(entries);
}

void MemoryStore::appendLocked(const std::vector<AuditEntry>& entries) {
    for (AuditEntry entry : entries) {
        entry = AuditChain::stored(entry);
        entry.seq = static_cast<long long>(_audit.size()) + 1;
        AuditChain::link(entry, _audit.empty() ? "" : _audit.back().hash);
        _audit.push_back(std::move(entry));
    }
}

std::vector<AuditEntry> MemoryStore::audit(const AuditQuery& query) {
    std::lock_guard<std::mutex> lock(_mutex);
    std::vector<AuditEntry> found;
    for (const AuditEntry& entry : _audit) {
        if (found.size() >= query.limit) break;
        if (entry.seq <= query.afterSeq) continue;
        if (!matches(query.caseId, entry.caseId) || !matches(query.user, entry.user)) continue;
        if (!query.from.empty() && entry.at < query.from) continue;
        if (!query.to.empty() && entry.at > query.to) continue;
        found.push_back(entry);
    }
    return found;
}

}  // namespace ehdocs::store
